"""Pages of the strategy's structure: strategy, areas, objectives, action plans."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from docs_build.compute import Money, sum_money
from docs_build.model import Activity, Area, AreaAssessment, Objective
from docs_build.pages import PageSpec
from docs_build.render.base import Rendered, activity_rows, render, status_rows
from docs_build.render.plan import plan_blocks, plan_money
from docs_build.render.view import View


def implemented_objectives(view: View) -> set[str]:
    """Return the ids of specific objectives some key measure implements."""
    return {m.objective for p in view.data.plans for pa in p.areas for m in pa.measures}


def render_strategy(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the strategy page."""
    data = view.data
    html = render(env, "strategy.html", view, implemented=implemented_objectives(view))
    return view.plain(data.strategy.title), html


def render_action_plan(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render an action plan as the guide's table, area by area."""
    plan = view.data.index.plans[spec.item_id]
    html = render(
        env,
        "action_plan.html",
        view,
        plan=plan,
        blocks=plan_blocks(plan, view),
        money=plan_money(plan, view),
    )
    return view.plain(plan.title), html


@dataclass(frozen=True)
class AreaSummary:
    """An area with its activities, money and the government's assessments."""

    area: Area
    activities: tuple[Activity, ...]
    money: Money
    assessments: tuple[tuple[int, AreaAssessment], ...]


def area_summary(view: View, area: Area) -> AreaSummary:
    """Gather an area's activities across plans, money and yearly assessments."""
    activities = tuple(a for p in view.data.plans for a in p.activities if a.area_id == area.id)
    assessments = tuple(
        (m.year, a)
        for m in view.data.monitoring
        if m.status == "published"
        for a in m.areas
        if a.area == area.id
    )
    return AreaSummary(
        area,
        activities,
        sum_money(activities, view.data.site.currency, view.progress.spent),
        assessments,
    )


def render_areas(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the list of strategic areas with their progress."""
    summaries = [area_summary(view, a) for a in view.data.strategy.areas]
    html = render(env, "areas.html", view, summaries=summaries, status_rows=status_rows)
    return view.t("nav.areas"), html


def render_area(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render one strategic area."""
    area = view.data.index.areas[spec.item_id]
    summary = area_summary(view, area)
    html = render(
        env,
        "area.html",
        view,
        area=area,
        summary=summary,
        rows=activity_rows(view, summary.activities),
        status=status_rows(view, summary.activities),
        implemented=implemented_objectives(view),
    )
    return f"{view.t('strategy.area', id=area.id)}: {view.plain(area.title)}", html


def objective_activities(view: View, objective: Objective) -> tuple[Activity, ...]:
    """Return the activities of every key measure implementing an objective."""
    return tuple(
        a
        for p in view.data.plans
        for pa in p.areas
        for m in pa.measures
        if m.objective == objective.id
        for a in m.activities
    )


def render_objective(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render one specific objective."""
    objective = view.data.index.objectives[spec.item_id]
    activities = objective_activities(view, objective)
    measures = [
        (p, m)
        for p in view.data.plans
        for pa in p.areas
        for m in pa.measures
        if m.objective == objective.id
    ]
    html = render(
        env,
        "objective.html",
        view,
        objective=objective,
        area=view.data.index.areas[objective.area_id],
        measures=measures,
        rows=activity_rows(view, activities),
        status=status_rows(view, activities),
        money=sum_money(activities, view.data.site.currency, view.progress.spent),
    )
    return f"{view.t('strategy.objective', id=objective.id)}: {view.plain(objective.title)}", html
