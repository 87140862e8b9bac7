"""Sortable and filterable tables: what templates write for theme/overrides/assets/tables.js.

A table opts in with `data-pp-sortable` (and `data-pp-filter` for a filter
box); the script reads its translated words from data attributes, so it holds
no language of its own. Where a cell's text does not sort by itself (a quarter,
an amount, a status), the cell carries `data-sort`: a number is compared as a
number, anything else as text with digits in numeric order, and an empty key
sorts last in both directions. The page reads completely without the script.
"""

from __future__ import annotations

import datetime as dt

import jinja2
from markupsafe import Markup

from docs_build.compute import NOT_REPORTED
from docs_build.model import STATUSES, Budget, Quarter
from docs_build.progress import PROGRESS_STATUSES
from docs_build.render.view import View

# A filter box helps from this many rows on; below it, sorting is enough.
FILTER_MIN_ROWS = 8
# Orders in which coded values sort: the site's own order, not the alphabet of a language.
RANKS: dict[str, tuple[str, ...]] = {
    "status": (*STATUSES, NOT_REPORTED),
    "progress": PROGRESS_STATUSES,
    "timeliness": ("overdue", "late_start"),
}


def sortable(view: View, total: int, filterable: bool | None = None) -> Markup:
    """Return the attributes that let the browser sort (and filter) a table of `total` rows.

    `filterable=None` adds the filter box to tables of FILTER_MIN_ROWS rows or more.
    A table of fewer than two rows gets nothing: there is nothing to sort.
    """
    if total < 2:
        return Markup("")
    attrs = {
        "data-pp-sortable": "",
        "data-pp-sort-hint": view.t("tables.sort_by"),
        "data-pp-sorted-ascending": view.t("tables.sorted_ascending"),
        "data-pp-sorted-descending": view.t("tables.sorted_descending"),
    }
    if filterable or (filterable is None and total >= FILTER_MIN_ROWS):
        attrs |= {
            "data-pp-filter": "",
            "data-pp-filter-label": view.t("tables.filter"),
            # The plural form follows the total; the script fills in {shown}.
            "data-pp-rows-shown": view.t("tables.rows_shown", count=total),
        }
    return Markup("").join(Markup(' {}="{}"').format(k, v) for k, v in attrs.items())


def sort_key(value: object, currency: str | None = None) -> str | None:
    """Return the data-sort key of a value; None when the cell's text sorts well by itself."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return number_key(value)
    if isinstance(value, Quarter):
        return f"{value.year}-{value.q}"
    if isinstance(value, tuple):  # a period: sort by its start, then its end
        keys = [sort_key(part, currency) for part in value]
        return None if None in keys else " ".join(k for k in keys if k is not None)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Budget):
        # Only amounts in the site currency compare; the other budgets sort by their words.
        if value.state != "costed" or value.cost is None or value.currency not in (None, currency):
            return None
        return number_key(value.cost)
    return None


def number_key(value: float) -> str:
    """Write a number so that JavaScript's Number() reads it back exactly."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def sort_attr(value: object, currency: str | None = None) -> Markup:
    """Return ` data-sort="..."` for a cell whose text does not sort by itself, else nothing."""
    key = sort_key(value, currency)
    return Markup("") if key is None else Markup(' data-sort="{}"').format(key)


def rank_attr(value: str | None, order: str) -> Markup:
    """Return ` data-sort="n"`: the place of a coded value (a status) in its natural order."""
    ranks = RANKS[order]
    key = str(ranks.index(value)) if value in ranks else ""
    return Markup(' data-sort="{}"').format(key)


def add_table_helpers(env: jinja2.Environment) -> None:
    """Make the helpers callable from every template and imported macro."""
    env.globals["sortable"] = sortable
    env.filters["sort_attr"] = sort_attr
    env.filters["rank_attr"] = rank_attr
