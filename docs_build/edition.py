"""Editions: the data as it stood when a year's monitoring report was published.

A published report is a public record: people cite it, and it must not change
under them when the plan is revised later. The edition of year Y is the
dataset with
- only the monitoring years up to Y (later years did not exist yet), with Y
  itself counted as published even while it is a draft (its own page shows it);
- every revision dated after Y's edition date undone: the field takes back the
  `previous` value of the earliest such revision, and those revisions are
  dropped, so deadlines, budgets, baselines and targets are as they were then;
- only the action plans adopted by then (or reported on by then);
- only the independent assessments of years up to Y;
- recommendations and evaluations as they are.

Corrections recorded on a year are already in its monitoring file; the edition
lists them. Item pages keep showing the latest state; only report pages and
their tables use editions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import ClassVar

from docs_build.compute import Progress
from docs_build.model import (
    ActionPlan,
    Activity,
    Baseline,
    Budget,
    Dataset,
    Indicator,
    MonitoringYear,
    Quarter,
    Revision,
    Target,
)
from docs_build.progress import IndicatorProgress
from docs_build.suppress import published_progress


def edition_day(year: MonitoringYear) -> dt.date | None:
    """Return the date a year's report was published (None for a draft)."""
    return year.published if year.status == "published" else None


def monitoring_year(data: Dataset, year: int) -> MonitoringYear:
    """Return one year's monitoring report (KeyError when there is none)."""
    for found in data.monitoring:
        if found.year == year:
            return found
    raise KeyError(year)


def _split(
    revisions: tuple[Revision, ...], cutoff: dt.date
) -> tuple[tuple[Revision, ...], dict[str, object]]:
    """Return the revisions kept at the cutoff and, per field, the value to restore."""
    kept = tuple(r for r in revisions if r.date <= cutoff)
    restore: dict[str, object] = {}
    for revision in sorted(revisions, key=lambda r: r.date, reverse=True):
        if revision.date > cutoff:
            restore[revision.field] = revision.previous  # the earliest one wins
    return kept, restore


def activity_at(activity: Activity, cutoff: dt.date) -> Activity:
    """Return an activity as it stood on a date: later revisions undone."""
    kept, restore = _split(activity.revisions, cutoff)
    if not restore:
        return activity
    changes: dict[str, object] = {"revisions": kept}
    for name in ("start", "end"):
        if isinstance(restore.get(name), Quarter):
            changes[name] = restore[name]
    if isinstance(restore.get("budget"), Budget):
        changes["budget"] = restore["budget"]
    return replace(activity, **changes)  # type: ignore[arg-type]


def indicator_at(indicator: Indicator, cutoff: dt.date) -> Indicator:
    """Return an indicator as it stood on a date: later target and baseline changes undone."""
    kept, restore = _split(indicator.revisions, cutoff)
    if not restore:
        return indicator
    changes: dict[str, object] = {"revisions": kept}
    targets = restore.get("targets")
    if isinstance(targets, tuple) and all(isinstance(t, Target) for t in targets):
        changes["targets"] = targets
    if "baseline" in restore and (
        restore["baseline"] is None or isinstance(restore["baseline"], Baseline)
    ):
        changes["baseline"] = restore["baseline"]
    return replace(indicator, **changes)  # type: ignore[arg-type]


def plan_at(plan: ActionPlan, cutoff: dt.date) -> ActionPlan:
    """Return an action plan with each activity as it stood on a date."""
    areas = tuple(
        replace(
            area,
            measures=tuple(
                replace(m, activities=tuple(activity_at(a, cutoff) for a in m.activities))
                for m in area.measures
            ),
        )
        for area in plan.areas
    )
    return replace(plan, areas=areas)


def edition_data(data: Dataset, year: int) -> Dataset:
    """Return the dataset as it stood in the edition of one year's report."""
    report = monitoring_year(data, year)
    monitoring = tuple(
        replace(m, status="published") if m.year == year else m
        for m in data.monitoring
        if (m.year < year and m.status == "published") or m.year == year
    )
    assessments = tuple(a for a in data.assessments if a.year <= year)
    cutoff = edition_day(report)
    if cutoff is None:  # a draft: the plan as it is now
        return replace(data, monitoring=monitoring, assessments=assessments)
    reported = {data.index.activity_id(r.activity) for m in monitoring for r in m.activities}
    plans = tuple(
        plan_at(p, cutoff)
        for p in data.plans
        if p.adopted is None or p.adopted <= cutoff or any(a.id in reported for a in p.activities)
    )
    return replace(
        data,
        monitoring=monitoring,
        assessments=assessments,
        plans=plans,
        indicators=tuple(indicator_at(i, cutoff) for i in data.indicators),
    )


@dataclass(frozen=True)
class Edition:
    """One year's report as published: its data, statuses and indicator progress then."""

    year: int
    report: MonitoringYear  # as in the data, with its own status (draft or published)
    date: dt.date | None  # the edition date; None for a draft
    data: Dataset
    progress: Progress
    indicators: dict[str, IndicatorProgress]

    @property
    def draft(self) -> bool:
        """Tell whether the report is still a draft."""
        return self.report.status != "published"


class _Editions:
    """The editions of the dataset being built; a new dataset (a rebuild) starts afresh,
    so a long-running preview never keeps old datasets alive."""

    data: ClassVar[Dataset | None] = None
    years: ClassVar[dict[int, Edition]] = {}


def edition(data: Dataset, year: int) -> Edition:
    """Return the edition of one year, computed once per dataset (every language shares it)."""
    if _Editions.data is not data:
        _Editions.data, _Editions.years = data, {}
    found = _Editions.years.get(year)
    if found is None:
        report = monitoring_year(data, year)
        frozen = edition_data(data, year)
        found = Edition(
            year, report, edition_day(report), frozen, Progress(frozen), published_progress(frozen)
        )
        _Editions.years[year] = found
    return found


def previous_edition(data: Dataset, year: int) -> Edition | None:
    """Return the edition of the latest published year before this one, if any."""
    earlier = [m.year for m in data.monitoring if m.year < year and m.status == "published"]
    return edition(data, max(earlier)) if earlier else None
