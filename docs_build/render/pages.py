"""Dispatch each generated page to its renderer; the home dashboard."""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from markupsafe import Markup

from docs_build.compute import published_years, sum_money
from docs_build.pages import PageSpec
from docs_build.render import (
    activity,
    evaluations,
    indicator,
    institution,
    moved,
    registry_pages,
    report,
    strategy_pages,
    translation_page,
)
from docs_build.render.base import Rendered, render, status_rows
from docs_build.render.cite import citation
from docs_build.render.view import View

Renderer = Callable[[PageSpec, View, jinja2.Environment], Rendered]
RENDERERS: dict[str, Renderer] = {
    "strategy": strategy_pages.render_strategy,
    "action-plan": strategy_pages.render_action_plan,
    "areas": strategy_pages.render_areas,
    "area": strategy_pages.render_area,
    "objective": strategy_pages.render_objective,
    "activities": activity.render_activities,
    "activity": activity.render_activity,
    "indicators": indicator.render_indicators,
    "indicator": indicator.render_indicator,
    "institutions": registry_pages.render_institutions,
    "institution": institution.render_institution,
    "recommendations": registry_pages.render_recommendations,
    "recommendation": registry_pages.render_recommendation,
    "glossary": registry_pages.render_glossary,
    "methodology": registry_pages.render_methodology,
    "accessibility": registry_pages.render_accessibility,
    "reports": registry_pages.render_reports,
    "report": report.render_report,
    "report-changes": report.render_report_changes,
    "moved": moved.render_moved,
    "evaluations": evaluations.render_evaluations,
    "evaluation": evaluations.render_evaluation,
    "translations": translation_page.render_translations,
}


DOWNLOADS = {"activity": "activities", "indicator": "indicators"}
CITED = frozenset(
    {"strategy", "action-plan", "area", "objective", "activity", "indicator", "institution"}
    | {"recommendation", "report", "report-changes", "evaluation"}
)
EDITIONS = frozenset({"report", "report-changes"})  # cited with their own edition date


def render_page(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Return the title and HTML body of a generated page; items end with "Cite this"."""
    title, html = RENDERERS[spec.kind](spec, view, env)
    if spec.kind in DOWNLOADS:
        data_root = view.url("home") + "../data/"
        base = f"{data_root}{DOWNLOADS[spec.kind]}/{spec.item_id}"
        html += render(
            env, "downloads.html", view, csv=f"{base}.csv", json=f"{base}.json", all=data_root
        )
    if spec.kind in CITED:
        year = int(spec.item_id) if spec.kind in EDITIONS else None
        cite = citation(view, spec.kind, spec.item_id, title, year)
        heading = view.t("report.cite_title" if year else "cite.title")
        html += render(env, "cite.html", view, cite=cite, heading=heading)
    return title, html


def render_dashboard(view: View, env: jinja2.Environment) -> Markup:
    """Return the home page's summary of the plan and its progress."""
    data = view.data
    activities = list(data.index.activities.values())
    counts = {
        "areas": len(data.strategy.areas),
        "objectives": len(data.index.objectives),
        "activities": len(activities),
        "indicators": len(data.indicators),
    }
    off_track = [i for i, p in view.indicators.items() if p.status == "off_track"]
    overdue = [a for a in activities if view.progress.state(a.id).timeliness == "overdue"]
    return render(
        env,
        "dashboard.html",
        view,
        counts=counts,
        status_rows=status_rows(view, activities),
        overdue=overdue,
        off_track=off_track,
        money=sum_money(activities, data.site.currency, view.progress.spent),
        latest_report=next(reversed(published_years(data)), None),
    )
