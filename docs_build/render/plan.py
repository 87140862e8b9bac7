"""Rows of the action plan table and of the strategy page."""

from __future__ import annotations

from dataclasses import dataclass

from docs_build.compute import ActivityState, Money, sum_money
from docs_build.model import (
    ActionPlan,
    Activity,
    Area,
    Indicator,
    Measure,
    Objective,
    PlanArea,
    Target,
)
from docs_build.render.view import View


@dataclass(frozen=True)
class ActivityRow:
    """One line of the action plan table."""

    activity: Activity
    state: ActivityState
    moved: bool


@dataclass(frozen=True)
class MeasureBlock:
    """A key measure with the objective it implements and its activity rows."""

    measure: Measure
    objective: Objective | None
    rows: tuple[ActivityRow, ...]


@dataclass(frozen=True)
class PerformanceRow:
    """A plan indicator with its initial value and mid-term and end targets."""

    indicator: Indicator
    mid_term: Target | None
    end: Target | None


def performance_rows(indicator_ids: tuple[str, ...], view: View) -> tuple[PerformanceRow, ...]:
    """Pick each indicator's mid-term and end targets by the targets' kind."""
    rows = []
    for ind_id in indicator_ids:
        indicator = view.data.index.indicators[ind_id]
        kinds = {t.kind: t for t in indicator.targets}
        end = kinds.get("end") or (indicator.targets[-1] if indicator.targets else None)
        rows.append(PerformanceRow(indicator, kinds.get("mid_term"), end))
    return tuple(rows)


@dataclass(frozen=True)
class AreaBlock:
    """An area of an action plan with its key measures and money."""

    plan_area: PlanArea
    area: Area | None
    measures: tuple[MeasureBlock, ...]
    money: Money
    performance: tuple[PerformanceRow, ...]


def moved(activity: Activity) -> bool:
    """Tell whether an activity's start or end quarter was moved after adoption."""
    return any(r.field in ("start", "end") for r in activity.revisions)


def plan_blocks(plan: ActionPlan, view: View) -> list[AreaBlock]:
    """Group a plan's activities by area and key measure, with computed state."""
    index = view.data.index
    blocks = []
    for plan_area in plan.areas:
        measures = tuple(
            MeasureBlock(
                measure,
                index.objectives.get(measure.objective),
                tuple(
                    ActivityRow(a, view.progress.state(a.id), moved(a)) for a in measure.activities
                ),
            )
            for measure in plan_area.measures
        )
        activities = [a for m in plan_area.measures for a in m.activities]
        blocks.append(
            AreaBlock(
                plan_area,
                index.areas.get(plan_area.area),
                measures,
                sum_money(activities, view.data.site.currency, view.progress.spent),
                performance_rows(plan_area.indicators, view),
            )
        )
    return blocks


def plan_money(plan: ActionPlan, view: View) -> Money:
    """Return the money totals of a whole plan."""
    return sum_money(plan.activities, view.data.site.currency, view.progress.spent)
