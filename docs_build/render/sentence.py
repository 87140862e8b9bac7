"""The plain-language sentence about an indicator, and how its progress was reached.

Both are built from whole translated templates (`sentence.*` and
`indicator.rule.*` keys) with placeholders; Python only chooses which template
fits (up, down or unchanged; achieved, on track, off track, or not computable
with its reason; a withheld value), so no language has to follow English
word order. They are built from the *published* progress (see suppress.py):
a withheld value is not in it, so it can never be written, compared or
turned into a share here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from docs_build.model import IndicatorValue
from docs_build.progress import (
    MAINTAIN_TOLERANCE,
    NUMERIC,
    ON_TRACK_TOLERANCE,
    REASONS,
    IndicatorProgress,
)
from docs_build.render.indicator_format import IndicatorFormat, markup_t


@dataclass(frozen=True)
class Step:
    """One input or intermediate result of the progress rule, in words and figures."""

    label: str
    value: Markup
    formula: bool = False  # arithmetic reads left to right, even on a right-to-left page


@dataclass(frozen=True)
class Explanation:
    """Why an indicator has its status: the rule applied and the figures it used."""

    rule: Markup
    steps: tuple[Step, ...]


def _number(value: IndicatorValue) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def latest_hidden(p: IndicatorProgress) -> bool:
    """Tell whether the latest value exists but is withheld as a small count."""
    return p.latest_year is not None and p.latest_value is None


def baseline_hidden(fmt: IndicatorFormat, p: IndicatorProgress) -> bool:
    """Tell whether the baseline has a value that is withheld as a small count."""
    baseline = fmt.indicator.baseline
    return (
        baseline is not None
        and baseline.value is not None
        and p.baseline_value is None
        and fmt.is_hidden(baseline.value)
    )


def _late(p: IndicatorProgress) -> bool:
    """Tell whether the latest value is from after the last target year."""
    return p.latest_year is not None and p.target_year is not None and p.latest_year > p.target_year


def summary_sentence(fmt: IndicatorFormat, p: IndicatorProgress) -> Markup:
    """Return what a reader most wants to know: latest value, change, target and status."""
    parts = [_latest(fmt, p), _target(fmt, p)]
    if p.latest_year is not None:
        parts.append(_status(fmt, p))
    return Markup(" ").join(parts)


def _latest(fmt: IndicatorFormat, p: IndicatorProgress) -> Markup:
    """Say the latest value and how it compares with the baseline."""
    view, measure = fmt.view, fmt.indicator.measure
    if p.latest_year is None:
        return markup_t(view, "sentence.none")
    year, n = str(p.latest_year), str(fmt.threshold)
    if latest_hidden(p):
        return markup_t(view, "sentence.latest.hidden", year=year, n=n)
    value = fmt.full(p.latest_value)
    if measure == "qualitative":
        return markup_t(view, "sentence.latest.text", year=year, value=value)
    if baseline_hidden(fmt, p) and p.baseline_year is not None:
        key, baseline_year = "sentence.latest.baseline_hidden", str(p.baseline_year)
        return markup_t(view, key, value=value, year=year, baseline_year=baseline_year, n=n)
    if p.baseline_year is None or p.baseline_value is None or p.baseline_year >= p.latest_year:
        key = "sentence.latest.yes_no_plain" if measure == "yes_no" else "sentence.latest.plain"
        return markup_t(view, key, value=value, year=year)
    params = {
        "value": value,
        "year": year,
        "baseline": fmt.full(p.baseline_value),
        "baseline_year": str(p.baseline_year),
    }
    if measure == "yes_no":
        return markup_t(view, "sentence.latest.yes_no", **params)
    key, change = _change(fmt, p.latest_value, p.baseline_value)
    return markup_t(view, key, change=change, **params)


def _change(
    fmt: IndicatorFormat, latest: IndicatorValue, baseline: IndicatorValue
) -> tuple[str, str]:
    """Choose the up, down or unchanged template and write the change (12.5%, 5 points)."""
    new, old = _number(latest), _number(baseline)
    if new is None or old is None or new == old:
        return "sentence.latest.unchanged", ""
    way = "up" if new > old else "down"
    if fmt.indicator.measure == "percentage":
        return f"sentence.latest.{way}", fmt.points(abs(new - old))
    if old == 0:
        return f"sentence.latest.{way}_from", ""
    return f"sentence.latest.{way}", fmt.percent(abs(new - old) / abs(old), 1)


def _target(fmt: IndicatorFormat, p: IndicatorProgress) -> Markup:
    """Say the target that progress is measured against."""
    view = fmt.view
    if p.target_year is None:
        return markup_t(view, "sentence.target.none")
    params = {"value": fmt.full(p.target_value, withhold=False), "year": str(p.target_year)}
    if _late(p):
        return markup_t(view, "sentence.target.past", **params)
    if fmt.indicator.measure == "qualitative":
        return markup_t(view, "sentence.target.text", **params)
    if fmt.indicator.direction == "maintain":
        return markup_t(view, "sentence.target.maintain", **params)
    return markup_t(view, "sentence.target.by", **params)


def _status(fmt: IndicatorFormat, p: IndicatorProgress) -> Markup:
    """Say the status and, in a few words, why."""
    if p.status == "not_computable":
        return _reason(fmt, p.reason)
    key, params = _status_case(fmt, p)
    return markup_t(fmt.view, f"sentence.status.{key}", **params)


def _status_case(fmt: IndicatorFormat, p: IndicatorProgress) -> tuple[str, dict[str, str]]:
    """Choose the case of a computed status, and the figures its templates use."""
    status = fmt.view.t(f"progress.{p.status}")
    measure = fmt.indicator.measure
    if measure == "yes_no":
        key = {"achieved": "met", "off_track": "missed"}.get(p.status, "not_due")
        return key, {"status": status, "year": str(p.target_year)}
    if measure == "qualitative":
        key = "stated_met" if p.status == "achieved" else "stated_not_met"
        return key, {"status": status, "year": str(p.latest_year)}
    if fmt.indicator.direction == "maintain":
        key = "maintain_on" if p.status == "on_track" else "maintain_off"
        return key, {"status": status, "pct": fmt.percent(MAINTAIN_TOLERANCE)}
    if p.status == "achieved":
        return "achieved", {"status": status}
    key = ("away" if (p.share or 0.0) < 0 else "share") + ("_late" if _late(p) else "")
    share, time = fmt.percent(p.share or 0.0), fmt.percent(p.expected or 0.0)
    return key, {"status": status, "share": share, "time": time}


def _reason(fmt: IndicatorFormat, reason: str | None) -> Markup:
    """Say why progress is not computed (or not published)."""
    key = reason if reason in REASONS else "incomplete"
    return markup_t(fmt.view, f"sentence.reason.{key}", n=str(fmt.threshold))


def explain(fmt: IndicatorFormat, p: IndicatorProgress) -> Explanation:
    """Explain how the status was reached, with the figures of the published rule."""
    steps = _inputs(fmt, p)
    if p.status == "not_computable" or p.latest_year is None:
        return Explanation(_reason(fmt, p.reason), steps)
    shared = fmt.indicator.measure in NUMERIC and fmt.indicator.direction != "maintain"
    if shared and p.share is not None and p.expected is not None:
        return Explanation(_share_rule(fmt, p, p.share, p.expected), steps + _formulas(fmt, p))
    key, params = _status_case(fmt, p)
    return Explanation(markup_t(fmt.view, f"indicator.rule.{key}", **params), steps)


def _inputs(fmt: IndicatorFormat, p: IndicatorProgress) -> tuple[Step, ...]:
    """List the baseline, latest value and target the rule starts from."""
    view = fmt.view
    found = (
        ("table.baseline", p.baseline_value, p.baseline_year, baseline_hidden(fmt, p)),
        ("indicator.latest", p.latest_value, p.latest_year, latest_hidden(p)),
        ("indicator.target", p.target_value, p.target_year, False),
    )
    steps = []
    for label, value, year, hidden in found:
        if year is None or (value is None and not hidden):
            shown = markup_t(view, "value.none")
        else:
            text = fmt.hidden if hidden else fmt.full(value, withhold=label != "indicator.target")
            shown = fmt.dated(text, year)
        steps.append(Step(view.t(label), shown))
    return tuple(steps)


def _share_rule(fmt: IndicatorFormat, p: IndicatorProgress, share: float, time: float) -> Markup:
    """Say which threshold of the share rule the indicator met or missed."""
    return markup_t(
        fmt.view,
        f"indicator.rule.{p.status}",
        share=fmt.percent(share),
        time=fmt.percent(time),
        full=fmt.percent(1.0),
        tolerance=fmt.number(round(ON_TRACK_TOLERANCE * 100, 6)),
        limit=fmt.percent(time - ON_TRACK_TOLERANCE),
    )


def _formulas(fmt: IndicatorFormat, p: IndicatorProgress) -> tuple[Step, ...]:
    """Write out the two divisions of the rule with the indicator's own figures."""
    view = fmt.view
    latest, base, target = (
        _number(v) or 0.0 for v in (p.latest_value, p.baseline_value, p.target_value)
    )
    share = markup_t(
        view,
        "indicator.formula.share",
        latest=fmt.number(latest),
        baseline=fmt.number(base),
        target=fmt.number(target),
        result=fmt.percent(p.share or 0.0),
    )
    late = _late(p)
    if late:
        time = markup_t(view, "indicator.formula.time_late", result=fmt.percent(1.0))
    else:
        time = markup_t(
            view,
            "indicator.formula.time",
            year=str(p.latest_year),
            baseline_year=str(p.baseline_year),
            target_year=str(p.target_year),
            result=fmt.percent(p.expected or 0.0),
        )
    return (
        Step(view.t("indicator.share_covered"), share, formula=True),
        Step(view.t("indicator.time_gone"), time, formula=not late),
    )
