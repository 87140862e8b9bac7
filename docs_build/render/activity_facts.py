"""An activity's planned quarters and money, with what changed since adoption."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docs_build.model import Activity, Budget, Dataset, FundingShare, Quarter, Revision, Text


@dataclass(frozen=True)
class Move:
    """One revision of a planned quarter: when, from what, to what, and why."""

    date: dt.date
    before: Quarter
    after: Quarter
    reason: Text


@dataclass(frozen=True)
class PlannedQuarter:
    """A planned start or end quarter: as adopted, as it is now, and its moves."""

    field: str
    current: Quarter
    adopted: Quarter
    moves: tuple[Move, ...]

    @property
    def moved(self) -> bool:
        """Tell whether the quarter was revised after adoption."""
        return bool(self.moves)


def revisions_of(activity: Activity, name: str) -> list[Revision]:
    """Return the revisions of one field, oldest first."""
    return sorted((r for r in activity.revisions if r.field == name), key=lambda r: r.date)


def planned_quarter(activity: Activity, name: str) -> PlannedQuarter:
    """Return the start or end quarter; the value at adoption is the oldest `previous`."""
    current: Quarter = getattr(activity, name)
    found = [
        (r, r.previous) for r in revisions_of(activity, name) if isinstance(r.previous, Quarter)
    ]
    afters = [before for _, before in found[1:]] + [current] if found else []
    moves = tuple(
        Move(r.date, before, after, r.reason)
        for (r, before), after in zip(found, afters, strict=True)
    )
    return PlannedQuarter(name, current, moves[0].before if moves else current, moves)


@dataclass(frozen=True)
class Amounts:
    """A budget's amounts in its own currency; None where the state has no amounts."""

    state: str
    currency: str
    cost: float | None
    secured: float | None
    pledged: float | None
    gap: float | None
    sources: tuple[FundingShare, ...]


def amounts(budget: Budget, site_currency: str) -> Amounts:
    """Return the amounts of a budget; not costed and no funding required have none."""
    currency = budget.currency or site_currency
    if budget.state != "costed":
        return Amounts(budget.state, currency, None, None, None, None, ())
    cost = budget.cost or 0.0
    gap = cost - budget.secured - budget.pledged
    return Amounts("costed", currency, cost, budget.secured, budget.pledged, gap, budget.sources)


@dataclass(frozen=True)
class BudgetChange:
    """The budget as adopted and as it is now, with each revision's date and reason."""

    adopted: Amounts
    current: Amounts
    revisions: tuple[Revision, ...]


def budget_change(activity: Activity, site_currency: str) -> BudgetChange | None:
    """Return how the budget changed since adoption, or None when it never did."""
    found = [r for r in revisions_of(activity, "budget") if isinstance(r.previous, Budget)]
    if not found:
        return None
    first = found[0].previous
    assert isinstance(first, Budget)
    return BudgetChange(
        amounts(first, site_currency), amounts(activity.budget, site_currency), tuple(found)
    )


@dataclass(frozen=True)
class Spent:
    """What was spent, summed over the published years that report it."""

    total: float | None
    years: tuple[int, ...]


def spent(data: Dataset, activity_id: str) -> Spent:
    """Add up `spent` over the published monitoring years (drafts never count)."""
    total: float | None = None
    years = []
    for year, report in data.index.activity_reports.get(activity_id, []):
        if year.status != "published" or report.spent is None:
            continue
        total = (total or 0.0) + report.spent
        years.append(year.year)
    return Spent(total, tuple(years))


@dataclass(frozen=True)
class MoneyFacts:
    """Everything the page shows about an activity's money."""

    amounts: Amounts
    other_currency: bool
    spent: Spent
    change: BudgetChange | None


def money_facts(data: Dataset, activity: Activity) -> MoneyFacts:
    """Return the activity's budget state in full: amounts, currency, spent, revision."""
    site_currency = data.site.currency
    found = amounts(activity.budget, site_currency)
    return MoneyFacts(
        found,
        found.currency != site_currency,
        spent(data, activity.id),
        budget_change(activity, site_currency),
    )
