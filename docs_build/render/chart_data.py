"""What an indicator's chart shows: published values, baseline and targets, small counts withheld."""

from __future__ import annotations

from collections.abc import Callable

from docs_build.compute import published_years
from docs_build.model import Indicator, IndicatorValue
from docs_build.progress import NUMERIC
from docs_build.render.chart import ChartData, ChartPoint, ChartTarget, ChartWords
from docs_build.render.view import View
from docs_build.suppress import show_value

TARGET_WORDS = {"mid_term": "macros.chart_mid_term", "end": "macros.chart_end"}


def can_chart(indicator: Indicator) -> bool:
    """Tell whether an indicator is measured in numbers, so it can be drawn."""
    return indicator.measure in NUMERIC


def chart_words(view: View) -> ChartWords:
    """Return the words drawn inside a chart, in the view's language."""
    threshold = view.data.site.small_count_threshold
    return ChartWords(
        value=view.t("macros.chart_value"),
        target=view.t("macros.chart_target"),
        baseline=view.t("macros.chart_baseline"),
        suppressed=view.t("macros.chart_suppressed", n=threshold),
        no_data=view.t("macros.chart_no_data"),
    )


def tick_format(view: View, indicator: Indicator) -> Callable[[float], str]:
    """Return how the chart writes a number of this indicator (a share with its sign)."""
    if indicator.measure == "percentage":
        return lambda value: view.t("share", pct=view.number(value))
    return view.number


def indicator_chart_data(view: View, indicator_id: str) -> ChartData:
    """Build the chart of a numeric indicator from published years only."""
    data = view.data
    indicator = data.index.indicators[indicator_id]
    label = tick_format(view, indicator)
    points = tuple(
        _point(view, indicator, year.year, report.value, label)
        for year in published_years(data)
        for report in year.indicators
        if data.index.indicator_id(report.indicator) == indicator.id
        and _number(report.value) is not None
    )
    base = indicator.baseline
    baseline = None
    if base is not None and base.year is not None and _number(base.value) is not None:
        baseline = _point(view, indicator, base.year, base.value, label)
    targets = tuple(
        ChartTarget(t.year, value, label(value), _kind(view, t.kind))
        for t in indicator.targets
        if (value := _number(t.value)) is not None  # targets are plans, never withheld
    )
    return ChartData(
        title=f"{indicator.id} {view.plain(indicator.title)}",
        unit=view.plain(indicator.unit),
        points=points,
        targets=targets,
        baseline=baseline,
        lang_dir=view.direction,
        y_max=100.0 if indicator.measure == "percentage" else None,
    )


def _point(
    view: View,
    indicator: Indicator,
    year: int,
    value: IndicatorValue,
    label: Callable[[float], str],
) -> ChartPoint:
    """Return one value as it may be published: a small count of a sensitive one is withheld."""
    number = _number(value)
    shown = show_value(indicator, number, view.data.site.small_count_threshold)
    if shown.value is None:
        return ChartPoint(year, None, shown.text or "")
    return ChartPoint(year, shown.value, label(shown.value))


def _kind(view: View, kind: str) -> str:
    """Name a kind of target; an annual target is just 'Target' (the legend's default)."""
    key = TARGET_WORDS.get(kind)
    return view.t(key) if key else ""


def _number(value: IndicatorValue) -> float | None:
    """Return a numeric value as a float; yes/no, text and no value as None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None
