"""What changed between two editions: statuses, completions, overdue work, moved goalposts.

The comparison is between the edition of a year and the edition of the latest
published year before it: the statuses and computed values each report stood
for. Moves and revisions are those dated after the earlier edition and up to
this one (with no end for a draft).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

from docs_build.edition import Edition, edition, previous_edition
from docs_build.model import Activity, Dataset, Text
from docs_build.render.activity_facts import Amounts
from docs_build.render.moved import moved_commitments
from docs_build.render.view import View


@dataclass(frozen=True)
class Transition:
    """Activities whose latest status went from one value to another between editions."""

    before: str
    after: str
    activities: tuple[Activity, ...]

    @property
    def count(self) -> int:
        """Return how many activities made this transition."""
        return len(self.activities)


@dataclass(frozen=True)
class IndicatorShift:
    """An indicator whose progress status changed between editions."""

    indicator_id: str
    before: str
    after: str


@dataclass(frozen=True)
class Changes:
    """Everything that changed from the previous edition to this one."""

    year: int
    previous: Edition | None
    current: Edition
    transitions: tuple[Transition, ...]  # status changes only, most frequent first
    unchanged: int
    added: tuple[Activity, ...]  # activities not in the plan at the previous edition
    completed: tuple[Activity, ...]
    overdue: tuple[Activity, ...]
    indicators: tuple[IndicatorShift, ...]
    window: tuple[dt.date | None, dt.date | None]  # moves dated after [0], up to [1]

    @property
    def transition_count(self) -> int:
        """Return how many activities changed status."""
        return sum(t.count for t in self.transitions)


def changes_between(data: Dataset, year: int) -> Changes:
    """Compare the edition of a year with the previous published one."""
    current = edition(data, year)
    previous = previous_edition(data, year)
    window = (previous.date if previous else None, current.date)
    if previous is None:
        return Changes(year, None, current, (), 0, (), (), (), (), window)
    before_ids = previous.data.index.activities
    pairs: dict[tuple[str, str], list[Activity]] = {}
    added: list[Activity] = []
    completed: list[Activity] = []
    overdue: list[Activity] = []
    unchanged = 0
    for activity in current.data.index.activities.values():
        now = current.progress.state(activity.id)
        if activity.id not in before_ids:
            added.append(activity)
            then_status, then_timeliness = None, None
        else:
            then = previous.progress.state(activity.id)
            then_status, then_timeliness = then.status, then.timeliness
            if then_status == now.status:
                unchanged += 1
            else:
                pairs.setdefault((then_status, now.status), []).append(activity)
        if now.status == "completed" and then_status != "completed":
            completed.append(activity)
        if now.timeliness == "overdue" and then_timeliness != "overdue":
            overdue.append(activity)
    transitions = sorted(
        (Transition(b, a, tuple(acts)) for (b, a), acts in pairs.items()),
        key=lambda t: (-t.count, t.before, t.after),
    )
    shifts = tuple(
        IndicatorShift(i, previous.indicators[i].status, p.status)
        for i, p in current.indicators.items()
        if i in previous.indicators and previous.indicators[i].status != p.status
    )
    return Changes(
        year,
        previous,
        current,
        tuple(transitions),
        unchanged,
        tuple(added),
        tuple(completed),
        tuple(overdue),
        shifts,
        window,
    )


def in_window(day: dt.date, window: tuple[dt.date | None, dt.date | None]) -> bool:
    """Tell whether a revision date falls after the earlier edition and up to this one."""
    after, until = window
    return (after is None or day > after) and (until is None or day <= until)


@dataclass(frozen=True)
class MovedRow:
    """A commitment moved between the editions: what, from, to, when and why."""

    date: dt.date
    kind: str  # activity | indicator
    item_id: str
    field: str  # start | end | budget | targets | baseline
    before: tuple[Markup, ...]
    after: tuple[Markup, ...]
    reason: Text


def moved_between(view: View, changes: Changes) -> list[MovedRow]:
    """Return the deadlines, budgets, baselines and targets moved between the two editions.

    The same moves as the moved-commitments page, taken from the edition's data
    (which keeps only the revisions made by then) and kept when dated in the window.
    """
    found = moved_commitments(view)
    rows = [
        MovedRow(
            m.date,
            "activity",
            m.activity.id,
            m.field,
            (escape(view.quarter(m.before)),),
            (escape(view.quarter(m.after)),),
            m.reason,
        )
        for m in found.deadlines
    ]
    rows += [
        MovedRow(
            m.date,
            "activity",
            m.activity.id,
            "budget",
            (amount_text(view, m.before),),
            (amount_text(view, m.after),),
            m.reason,
        )
        for m in found.budgets
    ]
    rows += [
        MovedRow(m.date, "indicator", m.indicator.id, m.field, m.before, m.after, m.reason)
        for m in found.indicators
    ]
    return sorted(
        (r for r in rows if in_window(r.date, changes.window)),
        key=lambda r: (r.date, r.kind, r.item_id, r.field),
    )


def amount_text(view: View, budget: Amounts) -> Markup:
    """Write a budget in one phrase: its cost, or that it is not costed or needs no funding."""
    if budget.cost is not None:
        return escape(view.money(budget.cost, budget.currency))
    return escape(view.t(f"budget.{budget.state}"))
