"""Rows of the action plan table and of the strategy page."""

from __future__ import annotations

from dataclasses import dataclass

from docs_build.compute import ActivityState, Money, sum_money
from docs_build.model import ActionPlan, Activity, Area, Measure, Objective, PlanArea
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
class AreaBlock:
    """An area of an action plan with its key measures and money."""

    plan_area: PlanArea
    area: Area | None
    measures: tuple[MeasureBlock, ...]
    money: Money


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
                    ActivityRow(
                        a,
                        view.progress.state(a.id),
                        any(r.field in ("start", "end") for r in a.revisions),
                    )
                    for a in measure.activities
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
                sum_money(activities, view.data.site.currency),
            )
        )
    return blocks


def plan_money(plan: ActionPlan, view: View) -> Money:
    """Return the money totals of a whole plan."""
    return sum_money(plan.activities, view.data.site.currency)
