"""Rows of the indicator page: values by year, the chart, revisions, where it is used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from docs_build.model import Baseline, IndicatorReport, Target, Text
from docs_build.progress import NUMERIC
from docs_build.render.chart import ChartData, ChartPoint, ChartTarget, ChartWords, render_chart
from docs_build.render.indicator_format import IndicatorFormat, markup_t

Reported = tuple[int, IndicatorReport]


@dataclass(frozen=True)
class YearRow:
    """One year of the values table: baseline, reported value and target, as shown."""

    year: int
    baseline: Markup | None
    value: Markup | None
    met: bool | None
    target: Markup | None
    note: Text | None
    source: Text | None


@dataclass(frozen=True)
class RevisionRow:
    """One change of the targets or the baseline: before and after, when and why."""

    date: dt.date
    field: str
    before: tuple[Markup, ...]
    after: tuple[Markup, ...]
    reason: Text


@dataclass(frozen=True)
class FieldChange:
    """A revised field as adopted and as it is now."""

    field: str
    adopted: tuple[Markup, ...]
    current: tuple[Markup, ...]


@dataclass(frozen=True)
class Usage:
    """A page of the plan that uses the indicator."""

    kind: str
    item_id: str


def reported(fmt: IndicatorFormat) -> list[Reported]:
    """Return the indicator's reports in published monitoring years, oldest first."""
    return [
        (m.year, r)
        for m, r in fmt.view.data.index.indicator_reports.get(fmt.indicator.id, [])
        if m.status == "published" and (r.value is not None or r.disaggregation)
    ]


def draft_years(fmt: IndicatorFormat) -> list[int]:
    """Return the draft years that report the indicator and have a page of their own."""
    data = fmt.view.data
    if not data.site.publish_drafts:
        return []
    return [
        m.year
        for m in data.monitoring
        if m.status == "draft"
        and any(data.index.indicator_id(r.indicator) == fmt.indicator.id for r in m.indicators)
    ]


def year_rows(fmt: IndicatorFormat, reports: list[Reported]) -> list[YearRow]:
    """Return one row per year with a baseline, a reported value or a target."""
    indicator = fmt.indicator
    baseline = indicator.baseline
    base_year = baseline.year if baseline is not None and baseline.value is not None else None
    by_year = dict(reports)
    targets = {t.year: t for t in indicator.targets}
    years = sorted({*by_year, *targets, *([base_year] if base_year is not None else [])})
    rows = []
    for year in years:
        report = by_year.get(year)
        target = targets.get(year)
        rows.append(
            YearRow(
                year=year,
                baseline=fmt.full(baseline.value) if baseline and year == base_year else None,
                value=fmt.full(report.value) if report and report.value is not None else None,
                met=report.achieved if report else None,
                target=_target_cell(fmt, target) if target else None,
                note=report.note if report and report.note else None,
                source=report.source if report and report.source else None,
            )
        )
    return rows


def _target_cell(fmt: IndicatorFormat, target: Target) -> Markup:
    return markup_t(
        fmt.view,
        "indicator.target_cell",
        value=fmt.full(target.value, withhold=False),
        kind=fmt.kind(target),
    )


def chart(fmt: IndicatorFormat, reports: list[Reported]) -> Markup | None:
    """Draw the values, baseline and targets as an SVG; None for yes/no and text indicators."""
    found = chart_input(fmt, reports)
    if found is None:
        return None
    data, words = found
    return render_chart(data, words, f"indicator-{fmt.indicator.id}", format_tick=fmt.number)


def chart_input(
    fmt: IndicatorFormat, reports: list[Reported]
) -> tuple[ChartData, ChartWords] | None:
    """Return what the chart of an indicator draws, small counts withheld; None if it has none."""
    indicator, view = fmt.indicator, fmt.view
    if indicator.measure not in NUMERIC:
        return None
    points = tuple(
        ChartPoint(year, None if fmt.is_hidden(r.value) else float(r.value), fmt.bare(r.value))
        for year, r in reports
        if isinstance(r.value, int | float)
    )
    targets = tuple(
        ChartTarget(t.year, float(t.value), fmt.bare(t.value, withhold=False), fmt.kind(t, True))
        for t in indicator.targets
        if isinstance(t.value, int | float)
    )
    base = indicator.baseline
    baseline = None
    if base is not None and base.year is not None and isinstance(base.value, int | float):
        hidden = fmt.is_hidden(base.value)
        baseline = ChartPoint(
            base.year, None if hidden else float(base.value), fmt.bare(base.value)
        )
    data = ChartData(
        title=view.t("indicator.chart_title", id=indicator.id, title=view.plain(indicator.title)),
        unit=view.plain(indicator.unit),
        points=points,
        targets=targets,
        baseline=baseline,
        lang_dir=view.direction,
    )
    words = ChartWords(
        value=view.t("indicator.chart.value"),
        target=view.t("indicator.chart.target"),
        baseline=view.t("indicator.chart.baseline"),
        suppressed=view.t("indicator.chart.suppressed", n=fmt.threshold),
        no_data=view.t("indicator.chart.no_data"),
    )
    return data, words


def moved(fmt: IndicatorFormat) -> bool:
    """Tell whether the targets or the baseline changed after adoption."""
    return any(r.field in ("targets", "baseline") for r in fmt.indicator.revisions)


def revisions(fmt: IndicatorFormat) -> tuple[list[FieldChange], list[RevisionRow]]:
    """Return fields changed more than once as adopted and now, and every change by date."""
    changes: list[FieldChange] = []
    rows: list[RevisionRow] = []
    for field in ("baseline", "targets"):
        found = sorted(
            (r for r in fmt.indicator.revisions if r.field == field), key=lambda r: r.date
        )
        if not found:
            continue
        current: object = fmt.indicator.targets if field == "targets" else fmt.indicator.baseline
        chain = [describe(fmt, r.previous) for r in found] + [describe(fmt, current)]
        if len(found) > 1:  # with one change, its before and after are adopted and now
            changes.append(FieldChange(field, chain[0], chain[-1]))
        rows += [
            RevisionRow(r.date, field, chain[i], chain[i + 1], r.reason)
            for i, r in enumerate(found)
        ]
    return changes, sorted(rows, key=lambda r: r.date)


def describe(fmt: IndicatorFormat, value: object) -> tuple[Markup, ...]:
    """Write a baseline or a list of targets, as recorded in a revision or now."""
    if isinstance(value, Baseline):
        return (describe_baseline(fmt, value),)
    if isinstance(value, tuple):
        return tuple(fmt.target(t) for t in value if isinstance(t, Target))
    return (markup_t(fmt.view, "value.none"),)


def describe_baseline(fmt: IndicatorFormat, baseline: Baseline | None) -> Markup:
    """Write a baseline with its year, or when it is due ("38 persons (2022)")."""
    view = fmt.view
    if baseline is None:
        return markup_t(view, "value.none")
    if baseline.value is None or baseline.year is None:
        if baseline.due is None:
            return markup_t(view, "value.none")
        return markup_t(view, "indicator.baseline_due", due=view.quarter(baseline.due))
    return fmt.dated(fmt.full(baseline.value), baseline.year)


def usage(fmt: IndicatorFormat) -> list[Usage]:
    """Return the areas, objectives, action plans and activities that use the indicator."""
    users = fmt.view.data.index.indicator_users.get(fmt.indicator.id, [])
    return [Usage(kind, item_id) for kind, item_id in users]
