"""PDF editions of the monitoring reports, printed by headless Chromium.

Each report page of each language is printed from the built site (file://,
so the page's relative links, CSS and self-hosted fonts load as they are) with
the print stylesheet, theme/overrides/assets/print.css, into
site/<lang>/reports/<year>/report-<year>-<lang>.pdf. Chromium's output is then
made a pure function of the data, so the same data writes the same bytes: the
dates come from the report's edition date instead of the clock, the ids of the
tagged table cells are numbered in reading order instead of after DOM nodes,
and links point to the published site instead of the folder that was printed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    create_string_object,
)

from docs_build.compute import data_date
from docs_build.model import Dataset
from docs_build.pages import report_years, url_for

# Chromium may reach no host at all: the pages are read from disk.
BLOCK_OTHER_HOSTS = "MAP * ~NOTFOUND"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--run-all-compositor-stages-before-draw",
    "--no-pdf-header-footer",
    "--generate-pdf-document-outline",
    f"--host-resolver-rules={BLOCK_OTHER_HOSTS}",
)
TIMEOUT = 120  # seconds for one page; a report prints in about one
WORKERS = min(4, os.cpu_count() or 2)  # Chromium processes at once
# Raise when the way PDFs are finished changes, so earlier PDFs are printed again.
PDF_FORMAT = "1"
SOURCE_KEY = "/PlanPressSource"  # the digest of a PDF's sources, in its metadata


class PdfError(Exception):
    """A report's PDF could not be written."""


@dataclass(frozen=True)
class ReportPdf:
    """One report page to print, the date its PDF carries and where its links go."""

    year: int
    lang: str
    page: Path
    day: dt.date  # the edition date: when the report was published
    modified: dt.date  # the latest correction to it, else the edition date
    site: Path  # the built site, whose addresses Chromium sees
    base_url: str  # where the site is published, for the links in the PDF

    @property
    def target(self) -> Path:
        """Return where the PDF goes: beside the page, in the report's folder."""
        return self.page.parent / report_pdf_name(self.year, self.lang)


def report_pdf_name(year: int, lang: str) -> str:
    """Return the file name of a report's PDF, kept in the report's folder."""
    return f"report-{year}-{lang.lower()}.pdf"


def chromium_path() -> str | None:
    """Return the Chromium that prints PDFs, or None when none is installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def report_pdfs(data: Dataset, site: Path) -> list[ReportPdf]:
    """List the report pages of every language in a built site, with their dates."""
    site = site.resolve()
    return [
        ReportPdf(
            year,
            lang,
            _report_page(site, year, lang),
            day,
            corrected_day(data, year, day),
            site,
            data.site.base_url,
        )
        for year, day in ((y, report_day(data, y)) for y in report_years(data))
        for lang in data.site.languages
    ]


def _report_page(site: Path, year: int, lang: str) -> Path:
    return site / lang.lower() / url_for("report", str(year)) / "index.html"


def report_day(data: Dataset, year: int) -> dt.date:
    """Return a report's edition date: its publication, or for a draft the data's date."""
    for found in data.monitoring:
        if found.year == year and found.status == "published" and found.published:
            return found.published
    return data_date(data)


def corrected_day(data: Dataset, year: int, day: dt.date) -> dt.date:
    """Return the date of the latest correction to a report, or its edition date."""
    dates = [c.date for m in data.monitoring if m.year == year for c in m.corrections]
    return max([day, *dates])


def write_report_pdfs(
    data: Dataset, site: Path, chromium: str | None = None, previous: Path | None = None
) -> list[Path]:
    """Print every report page of a built site to PDF; raise PdfError on any failure.

    With `previous` (the site this build replaces), a PDF whose sources did not
    change (the page, the stylesheets and fonts of its language, its dates, the
    Chromium that printed it) is copied instead of printed again: published
    editions rarely change, and a long report takes Chromium many seconds.
    """
    exe = chromium or chromium_path()
    if exe is None:
        raise PdfError("Chromium is not installed: install Debian's chromium to write PDFs.")
    jobs = report_pdfs(data, site)
    for job in jobs:
        if not job.page.is_file():
            raise PdfError(f"{job.page} does not exist: build the site first.")
    version = chromium_version(exe)
    assets: dict[str, str] = {}
    keys = {job.target: source_key(job, version, assets) for job in jobs}
    todo = [job for job in jobs if not reuse(job, keys[job.target], site, previous)]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(lambda job: write_pdf(exe, job, keys[job.target]), todo))
    return [job.target for job in jobs]


def chromium_version(chromium: str) -> str:
    """Return the printing Chromium's version line (part of every PDF's source key)."""
    try:
        run = subprocess.run(
            [chromium, "--version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PdfError(f"Chromium could not start: {exc}") from exc
    return run.stdout.strip()


def source_key(job: ReportPdf, version: str, assets: dict[str, str]) -> str:
    """Return a digest of everything a report's PDF is made from."""
    if job.lang not in assets:
        folder = job.page.parents[2] / "assets"  # <lang>/reports/<year>/index.html
        digest = hashlib.sha256()
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
        assets[job.lang] = digest.hexdigest()
    digest = hashlib.sha256()
    for part in (
        PDF_FORMAT,
        version,
        assets[job.lang],
        job.base_url,
        str(job.day),
        str(job.modified),
    ):
        digest.update(part.encode() + b"\0")
    digest.update(job.page.read_bytes())
    return digest.hexdigest()


def reuse(job: ReportPdf, key: str, site: Path, previous: Path | None) -> bool:
    """Copy the previous build's PDF when it was made from the same sources."""
    if previous is None:
        return False
    old = previous / job.target.relative_to(site)
    try:
        metadata = PdfReader(old).metadata if old.is_file() else None
    except (OSError, ValueError):  # a damaged file is printed again
        return False
    if metadata is None or metadata.get(SOURCE_KEY) != key:
        return False
    shutil.copyfile(old, job.target)
    return True


def write_pdf(chromium: str, job: ReportPdf, key: str) -> Path:
    """Print one report page and write its PDF with dates and title from the data."""
    title = page_title(job.page.read_text(encoding="utf-8"))
    pdf = finish_pdf(print_page(chromium, job.page), job, title, key)
    partial = job.target.with_name(job.target.name + ".part")
    partial.write_bytes(pdf)
    os.replace(partial, job.target)  # never a half-written PDF under the real name
    return job.target


def print_page(chromium: str, page: Path) -> bytes:
    """Return the PDF that Chromium prints of a page, with a throwaway profile."""
    with tempfile.TemporaryDirectory(prefix="planpress-chromium-") as tmp:
        out = Path(tmp) / "page.pdf"
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={out}",
            page.resolve().as_uri(),
        ]
        try:
            run = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"Chromium could not print {page}: {exc}") from exc
        if run.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            detail = _last_lines(run.stderr)
            raise PdfError(
                f"Chromium could not print {page} (exit code {run.returncode}).\n{detail}"
            )
        return out.read_bytes()


def finish_pdf(pdf: bytes, job: ReportPdf, title: str, key: str = "") -> bytes:
    """Date a PDF from the data, not the clock, title it, link it to the public site."""
    reader = PdfReader(io.BytesIO(pdf))
    # A file identifier made by Chromium (when there is one) changes each run;
    # the one made below is a digest of the content, the same every time.
    reader.trailer.pop("/ID", None)
    writer = PdfWriter(clone_from=reader)
    # Skia writes no XMP packet (it would repeat the dates) outside PDF/A.
    writer.add_metadata(
        {
            "/Title": title,
            "/CreationDate": pdf_date(job.day),
            "/ModDate": pdf_date(job.modified),
            SOURCE_KEY: key,
        }
    )
    renumber_tag_ids(writer)
    publish_links(writer, job.site.as_uri() + "/", job.base_url)
    writer.generate_file_identifiers()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def publish_links(writer: PdfWriter, local: str, public: str) -> None:
    """Point links to the printed copy of the site (file://...) at the published site."""
    for page in writer.pages:
        for annotation in _items(page.get("/Annots")):
            action = _resolve(annotation.get("/A"))
            uri = str(action.get("/URI", "")) if isinstance(action, DictionaryObject) else ""
            if uri.startswith(local):
                action[NameObject("/URI")] = create_string_object(public + uri[len(local) :])


def renumber_tag_ids(writer: PdfWriter) -> None:
    """Number the ids of tagged elements in reading order, not Chromium's DOM order.

    Chromium names a table cell's element after its DOM node (`node00000196`),
    and node numbers change from one run to the next. The ids are used by table
    header references (/Headers) and the ID tree; all three are rewritten.
    """
    tree = _resolve(writer.root_object.get("/StructTreeRoot"))
    if not isinstance(tree, DictionaryObject):
        return
    elements = list(_struct_elements(tree.get("/K")))
    with_id = (e for e in elements if "/ID" in e)
    new = {str(e["/ID"]): f"node{n:08d}" for n, e in enumerate(with_id)}
    for element in elements:
        if "/ID" in element:
            element[NameObject("/ID")] = create_string_object(new[str(element["/ID"])])
        for attributes in _items(element.get("/A")):
            if isinstance(attributes, DictionaryObject) and "/Headers" in attributes:
                ids = [create_string_object(new[str(i)]) for i in _items(attributes["/Headers"])]
                attributes[NameObject("/Headers")] = ArrayObject(ids)
    names = _resolve(tree.get("/IDTree"))
    if isinstance(names, DictionaryObject):
        _rename_keys(names, new)


def _resolve(value: Any) -> Any:
    """Return the object an indirect reference points to, or the value itself."""
    return value.get_object() if isinstance(value, IndirectObject) else value


def _items(value: Any) -> list[Any]:
    """Return the resolved items of an array, or a single value as a list of one."""
    value = _resolve(value)
    items = list(value) if isinstance(value, ArrayObject) else [value]
    return [_resolve(item) for item in items if item is not None]


def _struct_elements(kids: Any) -> Iterator[DictionaryObject]:
    """Yield the structure elements under a /K entry, in reading order."""
    for kid in _items(kids):
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            yield kid
            yield from _struct_elements(kid.get("/K"))


def _rename_keys(root: DictionaryObject, new: dict[str, str]) -> None:
    """Rename the keys of a name tree and sort them again, keeping its shape."""
    leaves = list(_name_leaves(root))
    pairs = sorted(
        ((new[str(key)], value) for leaf in leaves for key, value in _pairs(leaf)),
        key=lambda pair: pair[0],
    )
    for leaf in leaves:
        taken, pairs = pairs[: len(_pairs(leaf))], pairs[len(_pairs(leaf)) :]
        flat = [x for key, value in taken for x in (create_string_object(key), value)]
        leaf[NameObject("/Names")] = ArrayObject(flat)
    _set_limits(root, is_root=True)


def _name_leaves(node: DictionaryObject) -> Iterator[DictionaryObject]:
    """Yield the nodes of a name tree that hold names, in order."""
    if "/Names" in node:
        yield node
    for kid in _items(node.get("/Kids")):
        yield from _name_leaves(kid)


def _pairs(leaf: DictionaryObject) -> list[tuple[Any, Any]]:
    """Return a name tree leaf's flat [key, value, ...] array as pairs."""
    names: list[Any] = list(_resolve(leaf["/Names"]))  # values stay references
    return list(zip(names[::2], names[1::2], strict=True))


def _set_limits(node: DictionaryObject, is_root: bool = False) -> tuple[str, str]:
    """Set the /Limits of every node below the root; return this node's first and last key."""
    if "/Names" in node:
        keys = [str(key) for key, _ in _pairs(node)]
        first, last = keys[0], keys[-1]
    else:
        spans = [_set_limits(kid) for kid in _items(node.get("/Kids"))]
        first, last = spans[0][0], spans[-1][1]
    if not is_root:
        node[NameObject("/Limits")] = ArrayObject(map(create_string_object, (first, last)))
    return first, last


def pdf_date(day: dt.date) -> str:
    """Return a date in the PDF format, at midnight UTC."""
    return f"D:{day:%Y%m%d}000000Z"


def page_title(html: str) -> str:
    """Return the text of a page's first h1 (without its permalink), or its <title>."""
    found = H1.search(html) or TITLE.search(html)
    text = HEADERLINK.sub("", found.group(1)) if found else ""
    return " ".join(unescape(TAG.sub("", text)).split())


H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL | re.IGNORECASE)
TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)
HEADERLINK = re.compile(r"<a\b[^>]*\bheaderlink\b[^>]*>.*?</a>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def _last_lines(text: str, count: int = 5) -> str:
    """Return the last lines of Chromium's messages, without its D-Bus noise."""
    lines = [line for line in text.splitlines() if line.strip() and "dbus" not in line]
    return "\n".join(lines[-count:])
