"""The activity page and the list of all activities."""

from __future__ import annotations

import jinja2

from docs_build.pages import PageSpec
from docs_build.render.activity_facts import money_facts, planned_quarter
from docs_build.render.activity_recs import responds_to
from docs_build.render.activity_reports import draft_years, timeliness_sentence, year_rows
from docs_build.render.base import Rendered, activity_rows, render
from docs_build.render.view import View


def render_activity(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render one activity: who, when, money, indicators, reports, assessments, citation."""
    data = view.data
    index = data.index
    activity = index.activities[spec.item_id]
    measure = index.measures[activity.measure_id]
    state = view.progress.state(activity.id)
    title = f"{activity.id} {view.plain(activity.title)}"
    html = render(
        env,
        "activity.html",
        view,
        activity=activity,
        plan=index.plans[activity.plan_id],
        area=index.areas[activity.area_id],
        measure=measure,
        objective=index.objectives.get(measure.objective),
        state=state,
        start=planned_quarter(activity, "start"),
        end=planned_quarter(activity, "end"),
        money=money_facts(data, activity),
        timeliness=timeliness_sentence(view, activity, state),
        years=year_rows(data, activity),
        drafts=draft_years(data, activity.id),
        responds=responds_to(data, activity),
    )
    return title, html


def render_activities(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the table of every activity of every plan."""
    rows = activity_rows(view, view.data.index.activities.values())
    return view.t("nav.activities"), render(env, "activities.html", view, rows=rows)
