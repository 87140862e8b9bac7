"""Reference pages: institutions list, recommendations, glossary, reports, rules."""

from __future__ import annotations

import jinja2

from docs_build.export.progress import rules_document
from docs_build.pages import PageSpec, report_years
from docs_build.pdf import report_pdf_name
from docs_build.progress import MAINTAIN_TOLERANCE, ON_TRACK_TOLERANCE
from docs_build.render import recommendations
from docs_build.render.base import Rendered, activity_rows, render
from docs_build.render.view import View


def render_institutions(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the list of institutions by type."""
    data = view.data
    led = {
        i.id: sum(i.id in a.lead for a in data.index.activities.values()) for i in data.institutions
    }
    html = render(env, "institutions.html", view, institutions=data.institutions, led=led)
    return view.t("nav.institutions"), html


def render_recommendations(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the tracker: counts by status, unanswered recommendations, then each body."""
    html = render(env, "recommendations.html", view, tracker=recommendations.tracker(view))
    return view.t("nav.recommendations"), html


def render_recommendation(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render one recommendation with the activities responding to it."""
    rec = view.data.index.recommendations[spec.item_id]
    index = view.data.index
    activities = [index.activities[a] for a in index.responders.get(rec.id, [])]
    html = render(env, "recommendation.html", view, rec=rec, rows=activity_rows(view, activities))
    return f"{rec.id}", html


def render_glossary(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the glossary of terms and abbreviations."""
    terms = sorted(view.data.glossary, key=lambda g: view.plain(g.term).casefold())
    return view.t("nav.glossary"), render(env, "glossary.html", view, terms=terms)


def render_methodology(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the published rules, with the thresholds in use."""
    html = render(
        env,
        "methodology.html",
        view,
        on_track=round(ON_TRACK_TOLERANCE * 100),
        maintain=round(MAINTAIN_TOLERANCE * 100),
        rules=rules_document(view.data),
    )
    return view.t("nav.methodology"), html


def render_accessibility(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the accessibility statement."""
    return view.t("nav.accessibility"), render(env, "accessibility.html", view)


def render_reports(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the list of monitoring reports."""
    years = [m for m in view.data.monitoring if m.year in report_years(view.data)]
    html = render(
        env,
        "reports.html",
        view,
        reports=years,
        pdf_name=lambda year: report_pdf_name(year, view.lang),
    )
    return view.t("nav.reports"), html
