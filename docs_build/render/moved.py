"""The list of moved commitments: every deadline, budget, baseline and target revised."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from docs_build.model import Activity, Budget, Dataset, Indicator, Quarter, Text
from docs_build.pages import PageSpec
from docs_build.render.activity_facts import Amounts, amounts, planned_quarter, revisions_of
from docs_build.render.base import Rendered, render
from docs_build.render.indicator_format import IndicatorFormat
from docs_build.render.indicator_rows import revisions as indicator_revisions
from docs_build.render.view import View


@dataclass(frozen=True)
class DeadlineMove:
    """One move of an activity's planned start or end quarter."""

    date: dt.date
    activity: Activity
    field: str  # "start" | "end"
    before: Quarter
    after: Quarter
    adopted: Quarter
    current: Quarter
    times: int  # how often this quarter moved since adoption
    reason: Text


@dataclass(frozen=True)
class BudgetMove:
    """One revision of an activity's budget: the amounts before and after it."""

    date: dt.date
    activity: Activity
    before: Amounts
    after: Amounts
    adopted: Amounts
    current: Amounts
    times: int
    reason: Text


@dataclass(frozen=True)
class IndicatorMove:
    """One change of an indicator's targets or baseline, written for the page."""

    date: dt.date
    indicator: Indicator
    field: str  # "targets" | "baseline"
    before: tuple[Markup, ...]
    after: tuple[Markup, ...]
    adopted: tuple[Markup, ...]
    current: tuple[Markup, ...]
    times: int
    reason: Text


@dataclass(frozen=True)
class Moved:
    """Every moved commitment, each list by date, then item."""

    deadlines: tuple[DeadlineMove, ...]
    budgets: tuple[BudgetMove, ...]
    indicators: tuple[IndicatorMove, ...]


def quarter_moves(activity: Activity, name: str) -> list[DeadlineMove]:
    """Return the moves of an activity's planned start or end quarter, oldest first."""
    pq = planned_quarter(activity, name)
    return [
        DeadlineMove(
            date=m.date,
            activity=activity,
            field=name,
            before=m.before,
            after=m.after,
            adopted=pq.adopted,
            current=pq.current,
            times=len(pq.moves),
            reason=m.reason,
        )
        for m in pq.moves
    ]


def deadline_moves(data: Dataset) -> list[DeadlineMove]:
    """Return every move of a planned start or end quarter, by date, activity and field."""
    found = [
        move
        for activity in data.index.activities.values()
        for name in ("start", "end")
        for move in quarter_moves(activity, name)
    ]
    return sorted(found, key=lambda m: (m.date, m.activity.id, m.field))


def activity_budget_moves(activity: Activity, currency: str) -> list[BudgetMove]:
    """Return an activity's budget revisions, each with the amounts before and after it."""
    revisions = [r for r in revisions_of(activity, "budget") if isinstance(r.previous, Budget)]
    chain = [r.previous for r in revisions] + [activity.budget]
    shown = [amounts(b, currency) for b in chain if isinstance(b, Budget)]
    return [
        BudgetMove(
            date=r.date,
            activity=activity,
            before=shown[i],
            after=shown[i + 1],
            adopted=shown[0],
            current=shown[-1],
            times=len(revisions),
            reason=r.reason,
        )
        for i, r in enumerate(revisions)
    ]


def budget_moves(data: Dataset) -> list[BudgetMove]:
    """Return every budget revision of every activity, by date, then activity."""
    currency = data.site.currency
    found = [
        move
        for activity in data.index.activities.values()
        for move in activity_budget_moves(activity, currency)
    ]
    return sorted(found, key=lambda m: (m.date, m.activity.id))


def field_moves(view: View, indicator: Indicator, field: str) -> list[IndicatorMove]:
    """Return the changes of an indicator's targets or baseline, written as on its page."""
    rows = [r for r in indicator_revisions(IndicatorFormat(view, indicator))[1] if r.field == field]
    return [
        IndicatorMove(
            date=r.date,
            indicator=indicator,
            field=field,
            before=r.before,
            after=r.after,
            adopted=rows[0].before,
            current=rows[-1].after,
            times=len(rows),
            reason=r.reason,
        )
        for r in rows
    ]


def indicator_moves(view: View) -> list[IndicatorMove]:
    """Return every change of targets or baselines, by date, indicator and field."""
    found = [
        move
        for indicator in view.data.indicators
        for field in ("baseline", "targets")
        for move in field_moves(view, indicator, field)
    ]
    return sorted(found, key=lambda m: (m.date, m.indicator.id, m.field))


def moved_commitments(view: View) -> Moved:
    """Gather every moved deadline, revised budget and changed indicator target or baseline."""
    data = view.data
    return Moved(
        tuple(deadline_moves(data)), tuple(budget_moves(data)), tuple(indicator_moves(view))
    )


def render_moved(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render every moved commitment with its reason."""
    return view.t("nav.moved"), render(env, "moved.html", view, moved=moved_commitments(view))
