"""What the macros of hand-written pages show; docs_build/macros.py only registers them.

Each function returns one block of HTML (a <div>) with every data text
escaped, made by the macros of theme/templates/page_macros.html. A filter
naming something the data does not have raises MacroError with a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from docs_build.compute import NOT_REPORTED, sum_money
from docs_build.fields import suggest
from docs_build.model import STATUSES, Activity
from docs_build.render.base import activity_rows, status_rows
from docs_build.render.chart import render_chart, safe_id
from docs_build.render.indicator_format import IndicatorFormat
from docs_build.render.indicator_rows import chart_input, reported
from docs_build.render.view import View

ACTIVITY_STATUSES = (*STATUSES, NOT_REPORTED)
LIST_AT_MOST = 12  # list every valid value in an error when there are this few


class MacroError(ValueError):
    """A macro of a page was given an id or value the data does not have."""


@dataclass(frozen=True)
class Filters:
    """The filters given to a macro; None means 'any'."""

    area: str | None = None
    plan: str | None = None
    institution: str | None = None
    status: str | None = None

    def given(self) -> dict[str, str]:
        """Return the filters that were given, in a fixed order."""
        found = {
            "area": self.area,
            "plan": self.plan,
            "institution": self.institution,
            "status": self.status,
        }
        return {k: v for k, v in found.items() if v is not None}


def call_text(name: str, args: Mapping[str, object]) -> str:
    """Write a macro call as a page author would, for error messages."""
    shown = ", ".join(f"{k}={v!r}" for k, v in args.items() if v is not None)
    return f"{name}({shown})"


def check(call: str, what: str, value: object, known: Iterable[str]) -> str:
    """Return a value the data has; else raise MacroError saying what exists."""
    pool = list(known)
    if isinstance(value, str) and value in pool:
        return value
    text = value if isinstance(value, str) else repr(value)
    close = suggest(str(text), pool)
    hint = " Did you mean " + " or ".join(repr(c) for c in close) + "?" if close else ""
    listed = f" Known: {', '.join(pool)}." if len(pool) <= LIST_AT_MOST else ""
    raise MacroError(f"{call}: there is no {what} {str(text)!r}.{hint}{listed}")


def select(view: View, call: str, filters: Filters) -> list[Activity]:
    """Return the activities matching every filter, in plan order; check each filter first."""
    index = view.data.index
    known: dict[str, Iterable[str]] = {
        "area": index.areas,
        "plan": index.plans,
        "institution": index.institutions,
        "status": ACTIVITY_STATUSES,
    }
    names = {"area": "area", "plan": "action plan", "institution": "institution"}
    for key, value in filters.given().items():
        check(call, names.get(key, "activity status"), value, known[key])
    state = view.progress.state
    return [
        a
        for a in index.activities.values()
        if filters.area in (None, a.area_id)
        and filters.plan in (None, a.plan_id)
        and (filters.institution is None or filters.institution in a.lead)
        and filters.status in (None, state(a.id).status)
    ]


def describe(view: View, filters: Filters) -> str:
    """Say in words which activities the filters keep ("area 3, led by MoI")."""
    index = view.data.index
    parts = []
    if filters.area is not None:
        parts.append(view.t("macros.filter_area", id=filters.area))
    if filters.plan is not None:
        title = view.plain(index.plans[filters.plan].title)
        parts.append(view.t("macros.filter_plan", title=title))
    if filters.institution is not None:
        inst = index.institutions[filters.institution]
        name = view.plain(inst.short) or view.plain(inst.name)
        parts.append(view.t("macros.filter_institution", name=name))
    if filters.status is not None:
        status = view.t(f"status.{filters.status}")
        parts.append(view.t("macros.filter_status", status=status))
    return view.t("macros.separator").join(parts)


def _macro(env: jinja2.Environment, name: str) -> jinja2.runtime.Macro:
    macro: jinja2.runtime.Macro = getattr(env.get_template("page_macros.html").module, name)
    return macro


def activity_table(
    view: View, env: jinja2.Environment, tid: str, call: str, filters: Filters
) -> Markup:
    """Return a sortable table of the activities the filters keep."""
    rows = activity_rows(view, select(view, call, filters))
    words = describe(view, filters)
    caption = view.t("macros.activities_caption", filters=words) if words else None
    caption = caption or view.t("activities.caption")
    empty = view.t("macros.no_activities", filters=words or caption)
    return Markup(_macro(env, "activities")(view, rows, tid, caption, empty))


def status_summary(
    view: View, env: jinja2.Environment, tid: str, call: str, filters: Filters
) -> Markup:
    """Return the table of activities by latest status, for the whole plan or one area."""
    activities = select(view, call, filters)
    reference = view.progress.reference
    if filters.area is not None:
        caption = view.t("area.status_caption", id=filters.area)
    else:
        caption = view.t("home.status_caption", year=reference.year if reference else "")
    rows = status_rows(view, activities) if reference else []
    if reference is None:
        empty = view.t("progress.no_report")
    else:
        empty = view.t("macros.no_activities", filters=describe(view, filters) or caption)
    return Markup(_macro(env, "statuses")(view, rows, tid, caption, empty))


def budget_summary(
    view: View, env: jinja2.Environment, tid: str, call: str, filters: Filters
) -> Markup:
    """Return the money table (cost, secured, pledged, gap) of the activities kept."""
    activities = select(view, call, filters)
    words = describe(view, filters)
    caption = view.t("macros.money_caption", filters=words) if words else None
    caption = caption or view.t("home.money_caption")
    money = sum_money(activities, view.data.site.currency, view.progress.spent)
    return Markup(_macro(env, "money")(view, money, tid, caption))


@dataclass(frozen=True)
class FigureRow:
    """One figure drawn in a chart, for the table beside it."""

    year: int
    what: str
    value: str
    number: float | None  # None when withheld: the sort key must not reveal it


def indicator_chart(
    view: View, env: jinja2.Environment, chart_id: str, indicator_id: object
) -> Markup:
    """Return an indicator's chart with a table of the figures it draws."""
    call = f"indicator_chart({indicator_id!r})"
    indicators = view.data.index.indicators
    indicator = indicators[check(call, "indicator", indicator_id, indicators)]
    fmt = IndicatorFormat(view, indicator)
    found = chart_input(fmt, reported(fmt))
    if found is None:
        raise MacroError(
            f"{call}: indicator {indicator.id!r} is measured as {indicator.measure!r}, which "
            "cannot be drawn; charts show number, percentage and rate indicators."
        )
    data, words = found
    svg = render_chart(data, words, chart_id, format_tick=fmt.number)
    figures = [FigureRow(p.year, words.value, p.label, p.value) for p in data.points]
    if (base := data.baseline) is not None:
        figures.append(FigureRow(base.year, words.baseline, base.label, base.value))
    figures += [
        FigureRow(t.year, t.kind_label or words.target, t.label, t.value) for t in data.targets
    ]
    figures.sort(key=lambda row: row.year)  # stable: value, baseline, target within a year
    caption = view.t("macros.chart_caption", id=indicator.id)
    tid = f"{safe_id(chart_id)}-figures"
    return Markup(_macro(env, "chart")(view, svg, figures, tid, caption))
