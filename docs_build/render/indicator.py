"""The indicator page and the indicator registry page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from docs_build.model import LEVELS, Indicator, IndicatorValue
from docs_build.pages import PageSpec
from docs_build.progress import PROGRESS_STATUSES, IndicatorProgress
from docs_build.render import indicator_rows as rows
from docs_build.render.base import Rendered, render
from docs_build.render.indicator_breakdown import breakdown_tables
from docs_build.render.indicator_format import IndicatorFormat, markup_t
from docs_build.render.sentence import explain, latest_hidden, summary_sentence
from docs_build.render.view import View


def progress_of(view: View, indicator_id: str) -> IndicatorProgress:
    """Return an indicator's published progress (small counts already withheld)."""
    found = view.indicators.get(indicator_id)
    if found is not None:
        return found
    return IndicatorProgress(
        status="not_computable",
        share=None,
        expected=None,
        target_year=None,
        target_value=None,
        latest_value=None,
        latest_year=None,
        baseline_value=None,
        baseline_year=None,
        reason="no_value",
    )


def render_indicator(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render one indicator: definition, values, chart, sentence, progress, breakdowns."""
    indicator = view.data.index.indicators[spec.item_id]
    fmt = IndicatorFormat(view, indicator)
    progress = progress_of(view, indicator.id)
    reports = rows.reported(fmt)
    changes, revisions = rows.revisions(fmt)
    years = rows.year_rows(fmt, reports)
    html = render(
        env,
        "indicator.html",
        view,
        indicator=indicator,
        progress=progress,
        computed=view.progress.reference is not None,
        sentence=summary_sentence(fmt, progress) if view.progress.reference else None,
        explanation=explain(fmt, progress),
        baseline=rows.describe_baseline(fmt, indicator.baseline),
        baseline_note=indicator.baseline.note if indicator.baseline else None,
        targets=[fmt.target(t) for t in indicator.targets],
        disaggregation=fmt.listing([fmt.dimension(d) for d in indicator.disaggregation]),
        years=years,
        notes=[row for row in years if row.note or row.source],
        chart=rows.chart(fmt, reports),
        breakdowns=breakdown_tables(fmt, reports),
        moved=rows.moved(fmt),
        changes=changes,
        revisions=revisions,
        usage=rows.usage(fmt),
        drafts=rows.draft_years(fmt),
        threshold=fmt.threshold,
    )
    return f"{indicator.id} {view.plain(indicator.title)}", html


@dataclass(frozen=True)
class RegistryRow:
    """One indicator in the registry: latest value and next target as published."""

    indicator: Indicator
    latest: Markup
    target: Markup
    status: str
    moved: bool


@dataclass(frozen=True)
class LevelGroup:
    """The indicators of one level with a count of their statuses in words."""

    level: str
    rows: tuple[RegistryRow, ...]
    summary: str


def registry_row(view: View, indicator: Indicator) -> RegistryRow:
    """Return an indicator's registry line from its published progress."""
    fmt = IndicatorFormat(view, indicator)
    p = progress_of(view, indicator.id)
    return RegistryRow(
        indicator=indicator,
        latest=_dated(fmt, p.latest_value, p.latest_year, latest_hidden(p)),
        target=_dated(fmt, p.target_value, p.target_year, False, withhold=False),
        status=p.status,
        moved=rows.moved(fmt),
    )


def _dated(
    fmt: IndicatorFormat,
    value: IndicatorValue,
    year: int | None,
    hidden: bool,
    withhold: bool = True,
) -> Markup:
    """Write a value with its year, "<N" when withheld, "none yet" when missing."""
    if year is None or (value is None and not hidden):
        return markup_t(fmt.view, "value.none")
    shown: str | Markup = fmt.hidden if hidden else fmt.full(value, withhold)
    return fmt.dated(shown, year)


def level_groups(view: View) -> list[LevelGroup]:
    """Group the registry by level, each with a summary of statuses."""
    groups = []
    for level in LEVELS:
        found = tuple(registry_row(view, i) for i in view.data.indicators if i.level == level)
        if found:
            groups.append(LevelGroup(level, found, _summary(view, found)))
    return groups


def _summary(view: View, found: tuple[RegistryRow, ...]) -> str:
    """Say how many indicators a level has and how many have each status."""
    counts = Counter(r.status for r in found)
    fmt = IndicatorFormat(view, found[0].indicator)
    statuses = [
        view.t(f"indicator.status_count.{s}", count=counts[s])
        for s in PROGRESS_STATUSES
        if counts[s]
    ]
    if not view.progress.reference or not statuses:
        return view.t("indicator.count", count=len(found))
    return view.t(
        "indicator.registry_summary",
        indicators=view.t("indicator.count", count=len(found)),
        statuses=fmt.listing(statuses),
    )


def render_indicators(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the indicator registry grouped by level, with progress."""
    html = render(env, "indicators.html", view, groups=level_groups(view))
    return view.t("nav.indicators"), html
