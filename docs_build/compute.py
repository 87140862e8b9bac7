"""Computed values, by the rules published on the site.

The reference date is the end of the latest published monitoring year, never
the build machine's clock: the same data always gives the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from docs_build.model import Activity, ActivityReport, Dataset, MonitoringYear

NOT_REPORTED = "not_reported"
DONE = ("completed", "cancelled")
NOT_STARTED = ("not_started", NOT_REPORTED)


def published_years(data: Dataset) -> tuple[MonitoringYear, ...]:
    """Return the published monitoring years, oldest first."""
    return tuple(m for m in data.monitoring if m.status == "published")


def reference_date(data: Dataset) -> dt.date | None:
    """Return the end of the latest published monitoring year, or None."""
    years = published_years(data)
    return dt.date(years[-1].year, 12, 31) if years else None


def data_date(data: Dataset) -> dt.date:
    """Return the date the data stands at: its latest published edition or adoption.

    Everything written with a date (the sitemap, archives, workbooks, feeds,
    calendars) takes it from here, never from the clock.
    """
    dates = [m.published for m in published_years(data) if m.published]
    dates += [d for d in (data.strategy.adopted, *(p.adopted for p in data.plans)) if d]
    return max(dates) if dates else dt.date(data.strategy.period_start or 2000, 1, 1)


@dataclass(frozen=True)
class ActivityState:
    """An activity's latest reported status and computed timeliness."""

    status: str
    report: ActivityReport | None
    year: int | None
    timeliness: str | None


class Progress:
    """Latest statuses and timeliness of all activities, computed once."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.reference = reference_date(data)
        latest: dict[str, tuple[int, ActivityReport]] = {}
        for year in published_years(data):
            for report in year.activities:
                latest[data.index.activity_id(report.activity)] = (year.year, report)
        self.states = {
            a.id: self._state(a, latest.get(a.id)) for p in data.plans for a in p.activities
        }
        self.spent = spent_totals(data)

    def _state(self, activity: Activity, found: tuple[int, ActivityReport] | None) -> ActivityState:
        status = found[1].status if found else NOT_REPORTED
        return ActivityState(
            status=status,
            report=found[1] if found else None,
            year=found[0] if found else None,
            timeliness=timeliness(activity, status, self.reference),
        )

    def state(self, activity_id: str) -> ActivityState:
        """Return the computed state of one activity."""
        return self.states[activity_id]

    def count_statuses(self, activities: Iterable[Activity]) -> Counter[str]:
        """Count activities by latest status."""
        return Counter(self.states[a.id].status for a in activities)

    def count_overdue(self, activities: Iterable[Activity]) -> int:
        """Count overdue activities."""
        return sum(self.states[a.id].timeliness == "overdue" for a in activities)


def timeliness(activity: Activity, status: str, reference: dt.date | None) -> str | None:
    """Return 'overdue', 'late_start' or None, by the published rule."""
    if reference is None:
        return None
    if activity.end.last_day < reference and status not in DONE:
        return "overdue"
    if activity.start.first_day <= reference and status in NOT_STARTED:
        return "late_start"
    return None


def spent_totals(data: Dataset) -> dict[str, float]:
    """Add up what each activity spent over all published years (only those reported)."""
    totals: dict[str, float] = {}
    for year in published_years(data):
        for report in year.activities:
            if report.spent is not None:
                key = data.index.activity_id(report.activity)
                totals[key] = totals.get(key, 0) + report.spent
    return totals


@dataclass(frozen=True)
class Money:
    """Money totals of a group of activities; the three budget states kept apart."""

    cost: float
    secured: float
    pledged: float
    costed: int
    not_costed: int
    no_funding_required: int
    other_currency: int
    spent: float = 0.0

    @property
    def gap(self) -> float:
        """Return the part of the cost neither secured nor pledged."""
        return self.cost - self.secured - self.pledged


def sum_money(
    activities: Iterable[Activity], currency: str, spent: dict[str, float] | None = None
) -> Money:
    """Add up costs, sources and spending in the site currency; others are counted apart."""
    cost = secured = pledged = paid = 0.0
    states: Counter[str] = Counter()
    other = 0
    for activity in activities:
        budget = activity.budget
        states[budget.state] += 1
        if budget.currency not in (None, currency):
            other += 1  # never added to amounts in the site currency
            continue
        paid += (spent or {}).get(activity.id, 0.0)
        if budget.state == "costed":
            cost += budget.cost or 0.0
            secured += budget.secured
            pledged += budget.pledged
    return Money(
        cost,
        secured,
        pledged,
        states["costed"],
        states["not_costed"],
        states["no_funding_required"],
        other,
        paid,
    )
