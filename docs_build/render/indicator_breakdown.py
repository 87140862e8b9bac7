"""Breakdown tables of an indicator (by sex, age, ...), small counts withheld.

Cells go through `suppress.show_breakdown`, which also hides the next smallest
cell when exactly one is small, so no cell can be worked out from the total.
The total row is the year's reported value as published, never a sum of cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from docs_build.render.indicator_format import IndicatorFormat
from docs_build.render.indicator_rows import Reported
from docs_build.suppress import show_breakdown


@dataclass(frozen=True)
class BreakdownCell:
    """One published cell: its text, or None when the year did not report the category."""

    text: str | None
    hidden: bool


@dataclass(frozen=True)
class BreakdownRow:
    """One category across the years."""

    label: str
    cells: tuple[BreakdownCell, ...]


@dataclass(frozen=True)
class BreakdownTable:
    """One dimension of the breakdown: categories by year, and the reported totals."""

    dimension: str
    label: str
    years: tuple[int, ...]
    rows: tuple[BreakdownRow, ...]
    totals: tuple[BreakdownCell, ...]


def breakdown_tables(fmt: IndicatorFormat, reports: list[Reported]) -> list[BreakdownTable]:
    """Return a table per dimension: declared dimensions first, then any others reported."""
    dimensions = list(fmt.indicator.disaggregation)
    for _, report in reports:
        dimensions += [d.dimension for d in report.disaggregation if d.dimension not in dimensions]
    tables = [_table(fmt, dimension, reports) for dimension in dimensions]
    return [t for t in tables if t.years]


def _table(fmt: IndicatorFormat, dimension: str, reports: list[Reported]) -> BreakdownTable:
    """Lay out one dimension: a column per year that reports it, a row per category."""
    columns: list[tuple[int, dict[str, BreakdownCell], BreakdownCell]] = []
    names: list[str] = []
    for year, report in reports:
        for breakdown in report.disaggregation:
            if breakdown.dimension != dimension:
                continue
            cells = {}
            for cell in show_breakdown(fmt.indicator, breakdown, fmt.threshold):
                shown = cell.shown
                text = shown.text if shown.suppressed else fmt.bare(shown.value or 0.0, False)
                cells[cell.name] = BreakdownCell(text, shown.suppressed)
                if cell.name not in names:
                    names.append(cell.name)
            columns.append((year, cells, _total(fmt, report.value)))
    empty = BreakdownCell(None, False)
    rows = tuple(
        BreakdownRow(fmt.category(name), tuple(cells.get(name, empty) for _, cells, _ in columns))
        for name in names
    )
    return BreakdownTable(
        dimension=dimension,
        label=fmt.dimension(dimension),
        years=tuple(year for year, _, _ in columns),
        rows=rows,
        totals=tuple(total for _, _, total in columns),
    )


def _total(fmt: IndicatorFormat, value: object) -> BreakdownCell:
    """Return the year's reported value as published (withheld when small)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return BreakdownCell(fmt.bare(value), fmt.is_hidden(value))
    return BreakdownCell(None, False)
