"""The downloadable tables: one table of plain typed rows per kind of item.

Every translatable field becomes one column per site language (`title_en`,
`title_sq`, ...), empty where that translation is missing: texts are never
merged or filled in from another language. Money stays apart from its state:
amounts are numbers only for costed activities, and `budget_state` tells
"not costed" from "no funding required". Counts of sensitive indicators are
hidden exactly as on the pages (see docs_build.suppress).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docs_build.compute import Progress, published_years, spent_totals
from docs_build.model import (
    Activity,
    Dataset,
    Indicator,
    IndicatorValue,
    Text,
)
from docs_build.progress import latest_reports
from docs_build.suppress import hidden_text, is_small, published_progress, show_breakdown

Cell = str | int | float | bool | None
Row = tuple[Cell, ...]
LIST_SEPARATOR = " "  # ids in list columns; ids never contain spaces


@dataclass(frozen=True)
class Field:
    """A column: its name, Frictionless type and meaning."""

    name: str
    type: str  # string | integer | number | boolean | date | year
    description: str


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that refer to the primary key of another."""

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


_SPLITS: dict[tuple[int, str], tuple[Table, dict[Cell, Table]]] = {}


@dataclass(frozen=True)
class Table:
    """One kind of item as rows, with the schema that describes them."""

    name: str
    description: str
    fields: tuple[Field, ...]
    rows: tuple[Row, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Return the column names in order."""
        return tuple(f.name for f in self.fields)

    def where(self, column: str, value: Cell) -> Table:
        """Return the same table with only the rows whose column equals a value."""
        return self.split(column).get(value) or replace(self, rows=())

    def split(self, column: str) -> dict[Cell, Table]:
        """Return the table's rows grouped by one column's value, each group a table.

        Computed once per table and column: item files look up their rows
        instead of scanning the whole table for each item.
        """
        key = (id(self), column)
        found = _SPLITS.get(key)
        if found is None or found[0] is not self:
            at = self.names.index(column)
            groups: dict[Cell, list[Row]] = {}
            for row in self.rows:
                groups.setdefault(row[at], []).append(row)
            found = (self, {v: replace(self, rows=tuple(rows)) for v, rows in groups.items()})
            _SPLITS[key] = found
        return found[1]


def plain(number: float | None) -> int | float | None:
    """Write whole numbers without a decimal point."""
    if number is None or isinstance(number, int):
        return number
    return int(number) if float(number).is_integer() else number


def ids(values: tuple[str, ...]) -> str | None:
    """Join ids into one list cell, empty when there are none."""
    return LIST_SEPARATOR.join(values) or None


def lang_fields(name: str, description: str, languages: tuple[str, ...]) -> tuple[Field, ...]:
    """Return one column per language for a translatable field."""
    return tuple(
        Field(f"{name}_{lang}", "string", f"{description} ({lang}; empty when not translated)")
        for lang in languages
    )


def lang_cells(text: Text | None, languages: tuple[str, ...]) -> Row:
    """Return a text in each language, None where that translation is missing."""
    return tuple(text.get(lang) if text is not None else None for lang in languages)


def shown_value(
    data: Dataset, indicator: Indicator, value: IndicatorValue, hide: bool = True
) -> tuple[Cell, bool]:
    """Return a non-text value as published ("<N" when hidden) and whether it is hidden."""
    threshold = data.site.small_count_threshold
    if hide and is_small(indicator, value, threshold):
        return hidden_text(threshold), True
    if isinstance(value, Text) or value is None:
        return None, False
    if isinstance(value, bool):
        return ("yes" if value else "no"), False
    if isinstance(value, int | float):
        return plain(value), False
    return str(value), False


def value_cells(
    data: Dataset, indicator: Indicator, value: IndicatorValue, hide: bool = True
) -> Row:
    """Return value, suppressed and value_text_<lang> cells for one indicator value.

    Targets are plans, not counts about people: they are written with hide=False.
    """
    shown, suppressed = shown_value(data, indicator, value, hide)
    text = value if isinstance(value, Text) else None
    return (shown, suppressed, *lang_cells(text, data.site.languages))


def value_fields(prefix: str, what: str, languages: tuple[str, ...]) -> tuple[Field, ...]:
    """Return the columns written by value_cells."""
    return (
        Field(
            f"{prefix}value",
            "string",
            f"{what}: a number, yes or no, or <N when a small count of a sensitive "
            "indicator is hidden; empty for qualitative values and when there is none",
        ),
        Field(f"{prefix}suppressed", "boolean", f"true when the {what.lower()} is hidden as <N"),
        *lang_fields(f"{prefix}value_text", f"{what} of a qualitative indicator", languages),
    )


# --- activities ------------------------------------------------------------------


def money_cells(activity: Activity, currency: str) -> Row:
    """Return budget_state, currency, cost, secured, pledged, gap: amounts only when costed."""
    budget = activity.budget
    if budget.state != "costed":
        return (budget.state, budget.currency or currency, None, None, None, None)
    cost = budget.cost or 0.0
    return (
        budget.state,
        budget.currency or currency,
        plain(cost),
        plain(budget.secured),
        plain(budget.pledged),
        plain(cost - budget.secured - budget.pledged),
    )


MONEY_FIELDS = (
    Field(
        "budget_state",
        "string",
        "costed, no_funding_required or not_costed; amounts are empty unless costed",
    ),
    Field("currency", "string", "the activity's currency (ISO 4217), or the site currency"),
    Field("cost", "number", "planned cost; empty unless budget_state is costed"),
    Field("secured", "number", "sum of sources with status secured; empty unless costed"),
    Field("pledged", "number", "sum of sources with status pledged; empty unless costed"),
    Field("gap", "number", "cost - secured - pledged; empty unless costed"),
)


def activities_table(data: Dataset) -> Table:
    """Return one row per activity, in plan order, with its latest status and money."""
    langs = data.site.languages
    progress = Progress(data)
    spent = spent_totals(data)
    rows: list[Row] = []
    for plan in data.plans:
        for activity in plan.activities:
            state = progress.state(activity.id)
            rows.append(
                (
                    activity.id,
                    plan.id,
                    activity.area_id,
                    activity.measure_id,
                    *lang_cells(activity.title, langs),
                    *lang_cells(activity.description, langs),
                    ids(activity.lead),
                    ids(activity.partners),
                    str(activity.start),
                    str(activity.end),
                    ids(activity.indicators),
                    ids(activity.recommendations),
                    *money_cells(activity, data.site.currency),
                    plain(spent.get(activity.id)),
                    state.status,
                    state.year,
                    state.timeliness,
                    ids(activity.former_ids),
                )
            )
    fields = (
        Field("id", "string", "activity id (dotted numbering of the plan)"),
        Field("plan_id", "string", "action plan id"),
        Field("area_id", "string", "strategic area id"),
        Field("measure_id", "string", "key measure id"),
        *lang_fields("title", "title", langs),
        *lang_fields("description", "description, Markdown", langs),
        Field("lead", "string", "lead institution ids, separated by spaces"),
        Field("partners", "string", "partner institution ids, separated by spaces"),
        Field("start", "string", "start quarter, YYYY-Qn"),
        Field("end", "string", "end quarter, YYYY-Qn (current, after revisions)"),
        Field("indicators", "string", "indicator ids, separated by spaces"),
        Field("recommendations", "string", "recommendation ids addressed, separated by spaces"),
        *MONEY_FIELDS,
        Field(
            "spent",
            "number",
            "sum of spent over all published monitoring years; empty when never reported",
        ),
        Field(
            "status",
            "string",
            "latest status in a published monitoring year, or not_reported",
        ),
        Field("status_year", "year", "the monitoring year the status comes from"),
        Field("timeliness", "string", "overdue, late_start or empty, by the published rule"),
        Field("former_ids", "string", "earlier ids of this activity, separated by spaces"),
    )
    return Table(
        "activities",
        "Activities of the action plans, with latest status, timeliness and money.",
        fields,
        tuple(rows),
        ("id",),
    )


def budgets_table(data: Dataset) -> Table:
    """Return one row per funding source of each activity; one bare row when there is none."""
    rows: list[Row] = []
    for plan in data.plans:
        for activity in plan.activities:
            budget = activity.budget
            currency = budget.currency or data.site.currency
            base = (activity.id, plan.id, budget.state, currency)
            if budget.state != "costed" or not budget.sources:
                cost = plain(budget.cost) if budget.state == "costed" else None
                rows.append((*base, 1, cost, None, None, None))
                continue
            for line, share in enumerate(budget.sources, start=1):
                rows.append(
                    (
                        *base,
                        line,
                        plain(budget.cost),
                        share.source,
                        plain(share.amount),
                        share.status,
                    )
                )
    fields = (
        Field("activity_id", "string", "activity id"),
        Field("plan_id", "string", "action plan id"),
        MONEY_FIELDS[0],
        MONEY_FIELDS[1],
        Field("line", "integer", "position of the source in the activity's budget, from 1"),
        Field("cost", "number", "the activity's total planned cost; empty unless costed"),
        Field("source", "string", "funding source (institution id); empty when none"),
        Field("amount", "number", "amount from this source; empty when none"),
        Field("funding_status", "string", "secured or pledged; empty when none"),
    )
    return Table(
        "budgets",
        "Funding of each activity: one row per funding source; activities with no "
        "funding required, not costed or without sources have one row with empty amounts.",
        fields,
        tuple(rows),
        ("activity_id", "line"),
        (
            ForeignKey(("activity_id",), "activities", ("id",)),
            ForeignKey(("source",), "institutions", ("id",)),
        ),
    )


# --- indicators --------------------------------------------------------------------


def indicators_table(data: Dataset) -> Table:
    """Return one row per indicator, in registry order, with latest value and progress."""
    langs = data.site.languages
    published = published_progress(data)
    found = latest_reports(data)
    rows: list[Row] = []
    for indicator in data.indicators:
        baseline = indicator.baseline
        result = published[indicator.id]
        latest = found.get(indicator.id)
        rows.append(
            (
                indicator.id,
                indicator.level,
                *lang_cells(indicator.title, langs),
                *lang_cells(indicator.definition, langs),
                indicator.measure,
                *lang_cells(indicator.unit, langs),
                indicator.direction,
                *value_cells(data, indicator, baseline.value if baseline else None),
                baseline.year if baseline else None,
                *lang_cells(baseline.note if baseline else None, langs),
                str(baseline.due) if baseline and baseline.due else None,
                *lang_cells(indicator.means_of_verification, langs),
                indicator.frequency,
                indicator.collector,
                ids(indicator.disaggregation),
                indicator.sensitive,
                ids(indicator.tags),
                *value_cells(data, indicator, latest[1].value if latest else None),
                latest[0] if latest else None,
                result.status,
                result.reason,
                result.share,
                result.expected,
                result.target_year,
                *value_cells(data, indicator, result.target_value, hide=False),
                ids(indicator.former_ids),
            )
        )
    fields = (
        Field("id", "string", "indicator id"),
        Field("level", "string", "impact, outcome or output"),
        *lang_fields("title", "title", langs),
        *lang_fields("definition", "definition, Markdown", langs),
        Field("measure", "string", "number, percentage, rate, yes_no or qualitative"),
        *lang_fields("unit", "unit", langs),
        Field("direction", "string", "increase, decrease or maintain; empty for yes_no and text"),
        *value_fields("baseline_", "Baseline value", langs),
        Field("baseline_year", "year", "year of the baseline value"),
        *lang_fields("baseline_note", "note when the baseline is not yet known", langs),
        Field("baseline_due", "string", "quarter by which the baseline is due, YYYY-Qn"),
        *lang_fields("means_of_verification", "means of verification", langs),
        Field("frequency", "string", "monthly, quarterly, biannual, annual or biennial"),
        Field("collector", "string", "institution id of the data collector"),
        Field("disaggregation", "string", "breakdown dimensions, separated by spaces"),
        Field("sensitive", "boolean", "true when small counts are hidden"),
        Field("tags", "string", "tags, separated by spaces"),
        *value_fields("latest_", "Latest published value", langs),
        Field("latest_year", "year", "the monitoring year of the latest value"),
        Field(
            "progress_status",
            "string",
            "achieved, on_track, off_track or not_computable, by the published rule",
        ),
        Field("progress_reason", "string", "why progress is not computable (see rules.json)"),
        Field(
            "progress_share",
            "number",
            "(latest - baseline) / (target - baseline); empty when not computed or hidden",
        ),
        Field(
            "progress_expected",
            "number",
            "share of the time gone by toward the target year; empty when not computed",
        ),
        Field("target_year", "year", "year of the target progress is measured against"),
        *value_fields("target_", "Target value", langs),
        Field("former_ids", "string", "earlier ids of this indicator, separated by spaces"),
    )
    return Table(
        "indicators",
        "The indicator registry, with latest published value and progress.",
        fields,
        tuple(rows),
        ("id",),
        (ForeignKey(("collector",), "institutions", ("id",)),),
    )


def targets_table(data: Dataset) -> Table:
    """Return one row per target of each indicator."""
    rows = tuple(
        (
            indicator.id,
            target.year,
            target.kind,
            *value_cells(data, indicator, target.value, hide=False),
        )
        for indicator in data.indicators
        for target in indicator.targets
    )
    return Table(
        "targets",
        "Targets of each indicator.",
        (
            Field("indicator_id", "string", "indicator id"),
            Field("year", "year", "target year"),
            Field("kind", "string", "mid_term, end or annual"),
            *value_fields("", "Target value", data.site.languages),
        ),
        rows,
        ("indicator_id", "year"),
        (ForeignKey(("indicator_id",), "indicators", ("id",)),),
    )


def values_table(data: Dataset) -> Table:
    """Return one row per indicator and published monitoring year that reports it."""
    langs = data.site.languages
    rows: list[Row] = []
    for year in published_years(data):
        for report in year.indicators:
            indicator = data.index.indicators[data.index.indicator_id(report.indicator)]
            rows.append(
                (
                    indicator.id,
                    year.year,
                    *value_cells(data, indicator, report.value),
                    report.achieved,
                    *lang_cells(report.note, langs),
                    *lang_cells(report.source, langs),
                )
            )
    order = {i.id: n for n, i in enumerate(data.indicators)}
    rows.sort(key=lambda r: (order[str(r[0])], r[1]))
    return Table(
        "values",
        "Reported indicator values: one row per indicator and published monitoring year.",
        (
            Field("indicator_id", "string", "indicator id"),
            Field("year", "year", "monitoring year"),
            *value_fields("", "Reported value", langs),
            Field("achieved", "boolean", "the reporter's statement that the target is met"),
            *lang_fields("note", "note, Markdown", langs),
            *lang_fields("source", "source of the value", langs),
        ),
        tuple(rows),
        ("indicator_id", "year"),
        (ForeignKey(("indicator_id",), "indicators", ("id",)),),
    )


def breakdowns_table(data: Dataset) -> Table:
    """Return one row per breakdown cell, hidden as on the pages (with secondary suppression)."""
    threshold = data.site.small_count_threshold
    rows: list[Row] = []
    for year in published_years(data):
        for report in year.indicators:
            indicator = data.index.indicators[data.index.indicator_id(report.indicator)]
            for breakdown in report.disaggregation:
                for cell in show_breakdown(indicator, breakdown, threshold):
                    shown = cell.shown
                    value = shown.text if shown.suppressed else plain(shown.value)
                    key = (indicator.id, year.year, breakdown.dimension, cell.name)
                    rows.append((*key, value, shown.suppressed))
    order = {i.id: n for n, i in enumerate(data.indicators)}
    rows.sort(key=lambda r: (order[str(r[0])], r[1]))  # stable: cells keep the written order
    return Table(
        "breakdowns",
        "Disaggregated indicator values: one row per indicator, published year, "
        "dimension and category.",
        (
            Field("indicator_id", "string", "indicator id"),
            Field("year", "year", "monitoring year"),
            Field("dimension", "string", "breakdown dimension, e.g. sex, age"),
            Field("category", "string", "category within the dimension, e.g. female"),
            Field(
                "value",
                "string",
                "count, or <N when hidden (small count, or hidden so that another "
                "cannot be worked out from the total)",
            ),
            Field("suppressed", "boolean", "true when the count is hidden as <N"),
        ),
        tuple(rows),
        ("indicator_id", "year", "dimension", "category"),
        (ForeignKey(("indicator_id",), "indicators", ("id",)),),
    )


# --- institutions, recommendations, assessments ------------------------------------


def institutions_table(data: Dataset) -> Table:
    """Return one row per institution."""
    langs = data.site.languages
    rows = tuple(
        (
            i.id,
            *lang_cells(i.name, langs),
            *lang_cells(i.short, langs),
            i.type,
            i.parent,
            i.url,
            ids(i.former_ids),
        )
        for i in data.institutions
    )
    return Table(
        "institutions",
        "Every body named in the data, funding sources included.",
        (
            Field("id", "string", "institution id"),
            *lang_fields("name", "name", langs),
            *lang_fields("short", "short name", langs),
            Field(
                "type",
                "string",
                "government, coordination, independent, judiciary, "
                "civil_society, international, donor or other",
            ),
            Field("parent", "string", "id of the parent institution"),
            Field("url", "string", "web address"),
            Field("former_ids", "string", "earlier ids, separated by spaces"),
        ),
        rows,
        ("id",),
    )


def recommendations_table(data: Dataset) -> Table:
    """Return one row per recommendation of a monitoring body."""
    langs = data.site.languages
    addressed = data.index.responders  # the same activities as the pages, former ids read
    rows = tuple(
        (
            r.id,
            r.body,
            r.issued.isoformat() if r.issued else None,
            *lang_cells(r.document.title if r.document else None, langs),
            r.document.url if r.document else None,
            r.paragraph,
            *lang_cells(r.text, langs),
            r.status,
            ids(tuple(addressed.get(r.id, ()))),
            ids(r.former_ids),
        )
        for r in data.recommendations
    )
    return Table(
        "recommendations",
        "Recommendations of monitoring bodies, with the activities that address them.",
        (
            Field("id", "string", "recommendation id"),
            Field(
                "body",
                "string",
                "issuing body: GRETA, CEDAW, CRC, UNODC, OSCE, EU, US-TIP, "
                "national_rapporteur or other",
            ),
            Field("issued", "date", "date issued"),
            *lang_fields("document_title", "title of the document", langs),
            Field("document_url", "string", "address of the document"),
            Field("paragraph", "string", "paragraph of the document"),
            *lang_fields("text", "text, Markdown", langs),
            Field("status", "string", "not_addressed, in_progress or implemented"),
            Field("activities", "string", "ids of activities that address it, by spaces"),
            Field("former_ids", "string", "earlier ids, separated by spaces"),
        ),
        rows,
        ("id",),
    )


def assessments_table(data: Dataset) -> Table:
    """Return one row per activity rated in an independent assessment."""
    langs = data.site.languages
    rows = tuple(
        (
            a.id,
            a.assessor,
            a.year,
            *lang_cells(a.title, langs),
            a.url,
            data.index.activity_id(item.activity),
            item.status,
            *lang_cells(item.comment, langs),
        )
        for a in data.assessments
        for item in a.activities
    )
    return Table(
        "assessments",
        "Independent assessments (civil society, rapporteurs): one row per activity "
        "assessed; shown beside the government's report, never merged into it.",
        (
            Field("assessment_id", "string", "assessment id"),
            Field("assessor", "string", "institution id of the assessor"),
            Field("year", "year", "year assessed"),
            *lang_fields("title", "title of the assessment", langs),
            Field("url", "string", "address of the assessment"),
            Field("activity_id", "string", "activity id"),
            Field("status", "string", "the assessor's status of the activity"),
            *lang_fields("comment", "the assessor's comment, Markdown", langs),
        ),
        rows,
        ("assessment_id", "activity_id"),
        (
            ForeignKey(("activity_id",), "activities", ("id",)),
            ForeignKey(("assessor",), "institutions", ("id",)),
        ),
    )


def all_tables(data: Dataset) -> tuple[Table, ...]:
    """Return every downloadable table, in the documented order."""
    return (
        activities_table(data),
        budgets_table(data),
        indicators_table(data),
        targets_table(data),
        values_table(data),
        breakdowns_table(data),
        institutions_table(data),
        recommendations_table(data),
        assessments_table(data),
    )
