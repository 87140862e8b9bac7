"""Writers of the downloads under /data/: CSV, JSON, XLSX, ZIP and datapackage.json.

Every file is made from the data alone: the dates inside the workbook and the
archives are the edition date of the data, never the clock, so the same data
writes the same bytes. The layout and every column are documented in
docs/DATA-DOWNLOADS.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from docs_build.compute import data_date
from docs_build.export import json_bytes, write_files
from docs_build.export.progress import write_progress_files
from docs_build.export.tables import _SPLITS, Cell, Row, Table, all_tables
from docs_build.i18n import pick
from docs_build.model import Dataset

Json = dict[str, object]
WORKBOOK = "tables.xlsx"
ARCHIVE = "downloads.zip"
PACKAGE = "datapackage.json"
COMPUTED = ("progress.json", "rules.json")


# --- cells and rows ---------------------------------------------------------------


def csv_text(cell: Cell) -> str:
    """Write a cell for CSV: empty for none, true/false, whole numbers without a point."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return str(cell)


def csv_bytes(table: Table) -> bytes:
    """Return a table as UTF-8 CSV with a header row (RFC 4180, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.names)
    for row in table.rows:
        writer.writerow([csv_text(cell) for cell in row])
    return out.getvalue().encode("utf-8")


def row_object(table: Table, row: Row) -> Json:
    """Return one row as a JSON object keyed by column name."""
    return dict(zip(table.names, row, strict=True))


def records(table: Table) -> list[Json]:
    """Return every row of a table as JSON objects."""
    return [row_object(table, row) for row in table.rows]


# --- workbook and archives --------------------------------------------------------


def zip_date(day: dt.date) -> tuple[int, int, int, int, int, int]:
    """Return a ZIP entry date (ZIP cannot store dates before 1980)."""
    return (max(day.year, 1980), day.month, day.day, 0, 0, 0)


def zip_bytes(entries: list[tuple[str, bytes]], day: dt.date) -> bytes:
    """Return a ZIP of the entries in the given order, every entry dated the same day."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=zip_date(day))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return out.getvalue()


def excel_cell(cell: Cell) -> Cell:
    """Return a cell value openpyxl stores as written: no control characters."""
    if isinstance(cell, str):
        return str(ILLEGAL_CHARACTERS_RE.sub("", cell))
    return cell


def excel_row(sheet: object, row: Row) -> list[object]:
    """Return a row for a write-only sheet: text starting with "=" stays text, not a formula."""
    cells: list[object] = []
    for value in row:
        cell = excel_cell(value)
        if isinstance(cell, str) and cell.startswith("="):
            text = WriteOnlyCell(sheet, value=None)
            text.value = cell  # set after creation, so openpyxl does not take it for a formula
            text.data_type = "s"
            cells.append(text)
        else:
            cells.append(cell)
    return cells


def xlsx_bytes(tables: tuple[Table, ...], day: dt.date) -> bytes:
    """Return a workbook with one sheet per table: bold, frozen header row; fixed dates.

    Written in openpyxl's write-only mode, which streams rows instead of keeping a
    cell object for each: the workbook of a 2,000-activity plan takes half the time.
    """
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        # The size is known before the first row: written as the sheet's <dimension>,
        # which readers in read-only mode need to give every row all its columns.
        size = f"A1:{get_column_letter(len(table.names))}{len(table.rows) + 1}"
        sheet.calculate_dimension = lambda size=size: size
        header = []
        for name in table.names:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            sheet.append(excel_row(sheet, row))
    when = dt.datetime(day.year, day.month, day.day)
    book.properties.created = when
    book.properties.modified = when
    raw = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook would stamp the clock into "modified".
    ExcelWriter(
        book, zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED)
    ).save()  # compressed once, below
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as written:
        entries = [(info.filename, written.read(info)) for info in written.infolist()]
    return zip_bytes(entries, day)


# --- datapackage.json -------------------------------------------------------------


def table_schema(table: Table, foreign_keys: bool = True) -> Json:
    """Return the Frictionless Table Schema of a table."""
    schema: Json = {
        "fields": [
            {"name": f.name, "type": f.type, "description": f.description} for f in table.fields
        ],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if foreign_keys and table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.fields),
                "reference": {"resource": fk.table, "fields": list(fk.reference)},
            }
            for fk in table.foreign_keys
        ]
    return schema


def tabular_resource(name: str, path: str, table: Table, description: str, keys: bool) -> Json:
    """Return the descriptor of one CSV file."""
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": description,
        "schema": table_schema(table, keys),
    }


def file_resource(name: str, path: str, description: str) -> Json:
    """Return the descriptor of a file that is not a CSV table."""
    media = {
        "json": "application/json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    suffix = path.rsplit(".", 1)[-1]
    return {
        "name": name,
        "path": path,
        "profile": "data-resource",
        "format": suffix,
        "mediatype": media[suffix],
        "description": description,
    }


def resource_name(*parts: str) -> str:
    """Return a Frictionless resource name: lower case letters, digits, - _ and ."""
    return "-".join(parts).lower()


def package_document(
    data: Dataset, tables: tuple[Table, ...], items: list[tuple[str, str, Table]]
) -> Json:
    """Return datapackage.json: every CSV with its schema, and the other files."""
    default = data.site.default_language
    resources: list[Json] = []
    for table in tables:
        resources.append(
            tabular_resource(table.name, f"{table.name}.csv", table, table.description, True)
        )
    for table in tables:
        resources.append(
            file_resource(
                resource_name(table.name, "json"),
                f"{table.name}.json",
                f"{table.description} The same rows as {table.name}.csv, as a JSON array "
                "of objects keyed by column name (numbers as numbers, empty cells as null).",
            )
        )
    resources.append(
        file_resource("workbook", WORKBOOK, "Every table as one workbook, one sheet per table.")
    )
    resources.append(
        file_resource(
            "progress",
            "progress.json",
            "Computed statuses, timeliness, money and indicator progress, as on the pages.",
        )
    )
    resources.append(
        file_resource("rules", "rules.json", "The rules and thresholds behind progress.json.")
    )
    for kind, item_id, table in items:
        singular = kind[:-1]
        what = "row" if kind == "activities" else "published values"
        resources.append(
            tabular_resource(
                resource_name(singular, item_id),
                f"{kind}/{item_id}.csv",
                table,
                f"The {what} of {singular} {item_id}.",
                False,
            )
        )
        resources.append(
            file_resource(
                resource_name(singular, item_id, "json"),
                f"{kind}/{item_id}.json",
                f"Everything exported about {singular} {item_id}, as JSON.",
            )
        )
    names = [str(r["name"]) for r in resources]
    assert len(set(names)) == len(names), "resource names must be unique"
    day = data_date(data)
    return {
        "profile": "data-package",
        "name": resource_name(data.strategy.id),
        "title": pick(data.site.title, default, default).text,
        "description": "Strategy, action plans and monitoring data, as published on the site. "
        "Texts have one column per language; small counts of sensitive indicators are "
        "shown as <N. See rules.json for every computed value.",
        "homepage": data.site.base_url,
        "licenses": [{"name": data.site.license}],
        "created": f"{day.isoformat()}T00:00:00Z",
        "resources": resources,
    }


# --- the downloads ----------------------------------------------------------------


def item_files(tables: dict[str, Table]) -> list[tuple[str, str, Table, Json]]:
    """Return (kind, id, CSV table, JSON document) for every activity and indicator."""
    items: list[tuple[str, str, Table, Json]] = []
    activities = tables["activities"]
    for row in activities.rows:
        item_id = str(row[0])
        one = activities.where("id", item_id)
        document: Json = {
            "activity": row_object(activities, row),
            "budgets": records(tables["budgets"].where("activity_id", item_id)),
            "assessments": records(tables["assessments"].where("activity_id", item_id)),
        }
        items.append(("activities", item_id, one, document))
    indicators = tables["indicators"]
    for row in indicators.rows:
        item_id = str(row[0])
        series = tables["values"].where("indicator_id", item_id)
        document = {
            "indicator": row_object(indicators, row),
            "targets": records(tables["targets"].where("indicator_id", item_id)),
            "values": records(series),
            "breakdowns": records(tables["breakdowns"].where("indicator_id", item_id)),
        }
        items.append(("indicators", item_id, series, document))
    return items


def download_files(data: Dataset) -> dict[str, bytes]:
    """Return every download except the archive: relative path -> bytes."""
    tables = all_tables(data)
    files: dict[str, bytes] = {}
    for table in tables:
        files[f"{table.name}.csv"] = csv_bytes(table)
        files[f"{table.name}.json"] = json_bytes(records(table), compact=True)
    files[WORKBOOK] = xlsx_bytes(tables, data_date(data))
    items = item_files({t.name: t for t in tables})
    for kind, item_id, table, document in items:
        files[f"{kind}/{item_id}.csv"] = csv_bytes(table)
        files[f"{kind}/{item_id}.json"] = json_bytes(document, compact=True)
    listed = [(kind, item_id, table) for kind, item_id, table, _ in items]
    files[PACKAGE] = json_bytes(package_document(data, tables, listed))
    _SPLITS.clear()  # the groups served this build only
    return files


def write_downloads(data: Dataset, folder: Path) -> list[Path]:
    """Write the downloads into folder (the site's /data/) and return the paths written.

    progress.json and rules.json are (re)written first, so that the archive holds
    them whatever the order of calls in the build.
    """
    folder.mkdir(parents=True, exist_ok=True)
    write_progress_files(data, folder)
    files = download_files(data)
    for name in COMPUTED:
        files[name] = (folder / name).read_bytes()
    written = write_files((folder / name, files[name]) for name in sorted(files))
    archive = folder / ARCHIVE
    archive.write_bytes(zip_bytes(sorted(files.items()), data_date(data)))
    written.append(archive)
    return written
