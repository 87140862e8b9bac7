"""Small-count suppression for sensitive indicators, by the published rule.

A count of an indicator marked `sensitive` that is below the site's
`small_count_threshold` N is shown as "<N", and so is any such cell of a
breakdown. Nothing may reveal a hidden count by arithmetic:

- When exactly one cell of a breakdown is hidden, the next smallest cell is
  hidden too (the first one written, on a tie), so the hidden one cannot be
  worked out from the total.
- Progress is not published when the latest value or the baseline value is
  hidden: a computed status becomes `not_computable` with the reason
  `suppressed`, and share, expected and the hidden values are dropped (a
  status that was not computable keeps its own reason, which reveals nothing). Publishing only the
  status was rejected: `on_track` or `off_track` still bounds the hidden value
  between known figures, and a hidden baseline could be solved for from the
  share. Targets are plans, not counts about people, and stay visible.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docs_build.model import Dataset, Disaggregation, Indicator, IndicatorValue
from docs_build.progress import IndicatorProgress, indicator_progress


@dataclass(frozen=True)
class Shown:
    """A value as it may be published: the value itself, or the text that hides it."""

    value: float | None
    text: str | None
    suppressed: bool


@dataclass(frozen=True)
class ShownCell:
    """One category of a breakdown as it may be published."""

    name: str
    shown: Shown


def hidden_text(threshold: int) -> str:
    """Return the text that stands for a hidden count ("<5")."""
    return f"<{threshold}"


def is_small(indicator: Indicator, value: IndicatorValue, threshold: int) -> bool:
    """Tell whether a value of this indicator must be hidden."""
    if not indicator.sensitive or isinstance(value, bool):
        return False
    return isinstance(value, int | float) and value < threshold


def show_value(indicator: Indicator, value: float | None, threshold: int) -> Shown:
    """Return a count as it may be published."""
    if value is not None and is_small(indicator, value, threshold):
        return Shown(None, hidden_text(threshold), True)
    return Shown(value, None, False)


def hidden_cells(cells: tuple[tuple[str, float], ...], threshold: int) -> set[int]:
    """Return the positions of cells to hide, with the secondary one when needed."""
    hidden = {i for i, (_, count) in enumerate(cells) if count < threshold}
    if len(hidden) == 1:
        rest = [(count, i) for i, (_, count) in enumerate(cells) if i not in hidden]
        if rest:
            hidden.add(min(rest)[1])
    return hidden


def show_breakdown(
    indicator: Indicator, breakdown: Disaggregation, threshold: int
) -> tuple[ShownCell, ...]:
    """Return the cells of a breakdown as they may be published, in the order written."""
    if not indicator.sensitive:
        return tuple(ShownCell(name, Shown(count, None, False)) for name, count in breakdown.cells)
    hidden = hidden_cells(breakdown.cells, threshold)
    return tuple(
        ShownCell(name, Shown(None, hidden_text(threshold), True))
        if i in hidden
        else ShownCell(name, Shown(count, None, False))
        for i, (name, count) in enumerate(breakdown.cells)
    )


def suppress_progress(
    indicator: Indicator, result: IndicatorProgress, threshold: int
) -> IndicatorProgress:
    """Withhold progress that could reveal a hidden latest or baseline value."""
    latest = is_small(indicator, result.latest_value, threshold)
    baseline = is_small(indicator, result.baseline_value, threshold)
    if not (latest or baseline):
        return result
    hidden = replace(
        result,
        share=None,
        expected=None,
        latest_value=None if latest else result.latest_value,
        baseline_value=None if baseline else result.baseline_value,
    )
    if result.status == "not_computable":
        return hidden  # nothing was computed: keep the first reason, it reveals no value
    return replace(hidden, status="not_computable", reason="suppressed")


def published_progress(data: Dataset) -> dict[str, IndicatorProgress]:
    """Return every indicator's progress as it may be published, in registry order."""
    computed = indicator_progress(data)
    threshold = data.site.small_count_threshold
    return {i.id: suppress_progress(i, computed[i.id], threshold) for i in data.indicators}
