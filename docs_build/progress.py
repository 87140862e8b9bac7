"""Indicator progress toward the next target, by the published rule.

Progress is measured from the latest value: the one in the most recent
published monitoring year that reports the indicator. Draft years never count.
The target is the first one whose year is at or after the latest value's year;
after the last target year the last target counts, with expected = 1. With no
value yet, the target shown is the first one at or after the reference year.

A yes/no target year has passed when it has ended by the reference date (31
December of the latest published year): the report for the target year is the
final word on it, as expected = 1 is in the numeric rule for that year.
Comparisons allow EPSILON so that float rounding never flips a boundary case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from docs_build.compute import published_years, reference_date
from docs_build.i18n import pick
from docs_build.model import Dataset, Indicator, IndicatorReport, IndicatorValue, Target, Text

ON_TRACK_TOLERANCE = 0.10
MAINTAIN_TOLERANCE = 0.05
EPSILON = 1e-9
PROGRESS_STATUSES = ("achieved", "on_track", "off_track", "not_computable")
REASONS = (
    "no_baseline",
    "no_value",
    "no_target",
    "target_equals_baseline",
    "not_assessed",
    "suppressed",
)
NUMERIC = ("number", "percentage", "rate")

Latest = tuple[int, IndicatorReport]


@dataclass(frozen=True)
class IndicatorProgress:
    """An indicator's status toward its next target, with every input shown."""

    status: str
    share: float | None
    expected: float | None
    target_year: int | None
    target_value: IndicatorValue
    latest_value: IndicatorValue
    latest_year: int | None
    baseline_value: IndicatorValue
    baseline_year: int | None
    reason: str | None


def latest_reports(data: Dataset) -> dict[str, Latest]:
    """Return each indicator's latest published value with its year."""
    current = {old: i.id for i in data.indicators for old in i.former_ids}
    latest: dict[str, Latest] = {}
    for year in published_years(data):
        for report in year.indicators:
            if report.value is not None:
                latest[current.get(report.indicator, report.indicator)] = (year.year, report)
    return latest


def next_target(targets: tuple[Target, ...], year: int | None) -> tuple[Target | None, bool]:
    """Return the first target at or after a year, and whether the year is past them all."""
    if not targets:
        return None, False
    if year is None:
        return targets[0], False
    for target in targets:
        if target.year >= year:
            return target, False
    return targets[-1], True


def indicator_progress(data: Dataset) -> dict[str, IndicatorProgress]:
    """Compute the progress of every indicator, in registry order (before suppression)."""
    latest = latest_reports(data)
    reference = reference_date(data)
    return {i.id: compute_progress(i, latest.get(i.id), reference) for i in data.indicators}


def compute_progress(
    indicator: Indicator, latest: Latest | None, reference: dt.date | None
) -> IndicatorProgress:
    """Compute one indicator's progress from its latest value and the reference date."""
    year = latest[0] if latest else None
    report = latest[1] if latest else None
    when = year if year is not None else (reference.year if reference else None)
    target, after_last = next_target(indicator.targets, when)
    baseline = indicator.baseline
    base = IndicatorProgress(
        status="not_computable",
        share=None,
        expected=None,
        target_year=target.year if target else None,
        target_value=target.value if target else None,
        latest_value=report.value if report else None,
        latest_year=year,
        baseline_value=baseline.value if baseline else None,
        baseline_year=baseline.year if baseline else None,
        reason=None,
    )
    if indicator.measure == "yes_no":
        return _yes_no(base, reference)
    if indicator.measure == "qualitative":
        return _qualitative(base, report)
    return _numeric(base, indicator.direction, after_last)


def _number(value: IndicatorValue) -> float | None:
    """Return a numeric value as a float, anything else as None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _not(base: IndicatorProgress, reason: str) -> IndicatorProgress:
    return replace(base, status="not_computable", reason=reason)


def _numeric(base: IndicatorProgress, direction: str | None, after_last: bool) -> IndicatorProgress:
    baseline, latest, target = (
        _number(base.baseline_value),
        _number(base.latest_value),
        _number(base.target_value),
    )
    if baseline is None or base.baseline_year is None:
        return _not(base, "no_baseline")
    if latest is None or base.latest_year is None:
        return _not(base, "no_value")
    if target is None or base.target_year is None:
        return _not(base, "no_target")
    if direction == "maintain":
        near = abs(latest - target) <= MAINTAIN_TOLERANCE * abs(target) + EPSILON
        return replace(base, status="on_track" if near else "off_track")
    if target == baseline:
        return _not(base, "target_equals_baseline")
    share = (latest - baseline) / (target - baseline)
    span = base.target_year - base.baseline_year
    expected = 1.0 if after_last else (base.latest_year - base.baseline_year) / span
    return replace(base, status=status_of(share, expected), share=share, expected=expected)


def status_of(share: float, expected: float) -> str:
    """Classify a share against the expected share."""
    if share >= 1 - EPSILON:
        return "achieved"
    if share >= expected - ON_TRACK_TOLERANCE - EPSILON:
        return "on_track"
    return "off_track"


def _yes_no(base: IndicatorProgress, reference: dt.date | None) -> IndicatorProgress:
    if base.latest_value is None:
        return _not(base, "no_value")
    if base.target_value is None or base.target_year is None:
        return _not(base, "no_target")
    if base.latest_value == base.target_value:
        return replace(base, status="achieved")
    passed = reference is not None and dt.date(base.target_year, 12, 31) <= reference
    return replace(base, status="off_track" if passed else "on_track")


def _qualitative(base: IndicatorProgress, report: IndicatorReport | None) -> IndicatorProgress:
    if report is None:
        return _not(base, "no_value")
    if report.achieved is None:
        return _not(base, "not_assessed")
    return replace(base, status="achieved" if report.achieved else "off_track")


def show_en(value: IndicatorValue, default: str = "en") -> str:
    """Write a value in plain English for an explanation (yes/no quoted, text as is)."""
    number = _number(value)
    if number is not None:
        return f"{int(number):,}" if number.is_integer() else f"{number:,.4f}".rstrip("0")
    if isinstance(value, Text):
        return f"“{pick(value, default, default).text.strip()}”"
    return f"“{value}”" if value is not None else "none"


def explanation_en(indicator: Indicator, result: IndicatorProgress, threshold: int) -> str:
    """Explain in one English sentence how the status was reached."""
    if result.status == "not_computable":
        return _why_not(result.reason, threshold)
    if indicator.measure == "yes_no":
        return _explain_yes_no(result)
    if indicator.measure == "qualitative":
        verb = "is met" if result.status == "achieved" else "is not met"
        return f"{_label(result)}: the {result.latest_year} report states that the target {verb}."
    if indicator.direction == "maintain":
        return _explain_maintain(result)
    return _explain_share(result)


WHY_NOT = {
    "no_baseline": "the indicator has no baseline value yet.",
    "no_value": "no published monitoring year reports a value yet.",
    "no_target": "the indicator has no target.",
    "target_equals_baseline": "the target equals the baseline, so no share of the way "
    "can be measured.",
    "not_assessed": "the latest report does not state whether the target is met.",
}


def _why_not(reason: str | None, threshold: int) -> str:
    if reason == "suppressed":
        return (
            f"Not published: a value is below the small-count threshold of {threshold}, "
            "and its progress could reveal it."
        )
    return "Not computable: " + WHY_NOT.get(reason or "", "the inputs are incomplete.")


def _label(result: IndicatorProgress) -> str:
    return result.status.replace("_", " ").capitalize()


def _explain_yes_no(result: IndicatorProgress) -> str:
    head = f"{_label(result)}: the {result.latest_year} value is {show_en(result.latest_value)}"
    target = f"the {result.target_year} target {show_en(result.target_value)}"
    if result.status == "achieved":
        return f"{head}, which meets {target}."
    if result.status == "off_track":
        return f"{head}, and {target} was not met by the end of its year."
    return f"{head}; {target} is not yet due."


def _explain_maintain(result: IndicatorProgress) -> str:
    limit = f"{MAINTAIN_TOLERANCE:.0%}"
    where = f"within {limit} of" if result.status == "on_track" else f"more than {limit} away from"
    return (
        f"{_label(result)}: the {result.latest_year} value {show_en(result.latest_value)} is "
        f"{where} the {result.target_year} target {show_en(result.target_value)}, "
        "which is to be maintained."
    )


def _explain_share(result: IndicatorProgress) -> str:
    share, expected = result.share or 0.0, result.expected or 0.0
    after_last = (result.latest_year or 0) > (result.target_year or 0)
    time = (
        "the last target year has passed"
        if after_last
        else f"{expected:.0%} of the time has gone by"
    )
    return (
        f"{_label(result)}: the {result.latest_year} value {show_en(result.latest_value)} has "
        f"covered {share:.0%} of the way from the baseline {show_en(result.baseline_value)} "
        f"({result.baseline_year}) to the {result.target_year} target "
        f"{show_en(result.target_value)}, and {time} "
        f"(achieved at 100%, on track from {expected - ON_TRACK_TOLERANCE:.0%})."
    )
