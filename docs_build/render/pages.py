"""Render generated pages and page parts to HTML with the theme's partials."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from docs_build.compute import NOT_REPORTED, sum_money
from docs_build.model import STATUSES
from docs_build.pages import PageSpec
from docs_build.render.plan import plan_blocks, plan_money
from docs_build.render.view import View


@dataclass(frozen=True)
class StatusRow:
    """A count of activities with one status, and its share in words and width."""

    status: str
    count: int
    share: str
    percent: str


def status_rows(view: View) -> list[StatusRow]:
    """Count all activities by latest status, in a fixed order."""
    activities = [a for p in view.data.plans for a in p.activities]
    counts = view.progress.count_statuses(activities)
    total = max(len(activities), 1)
    return [
        StatusRow(
            s,
            counts[s],
            view.t("share", pct=view.number(round(100 * counts[s] / total, 1))),
            f"{100 * counts[s] / total:.1f}",
        )
        for s in (*STATUSES, NOT_REPORTED)
        if counts[s]
    ]


def _common(view: View) -> dict[str, object]:
    data = view.data
    ref = view.progress.reference
    return {
        "v": view,
        "strategy": data.strategy,
        "plans": data.plans,
        "indicators": data.index.indicators,
        "reference": ref,
        "reference_year": ref.year if ref else None,
    }


def render_page(spec: PageSpec, view: View, env: jinja2.Environment) -> tuple[str, Markup]:
    """Return the title and HTML body of a generated page."""
    data = view.data
    if spec.kind == "strategy":
        implemented = {m.objective for p in data.plans for pa in p.areas for m in pa.measures}
        html = env.get_template("strategy.html").render(_common(view), implemented=implemented)
        return view.plain(data.strategy.title), Markup(html)
    if spec.kind == "action-plan":
        plan = data.index.plans[spec.item_id]
        html = env.get_template("action_plan.html").render(
            _common(view), plan=plan, blocks=plan_blocks(plan, view), money=plan_money(plan, view)
        )
        return view.plain(plan.title), Markup(html)
    raise KeyError(f"no renderer for generated page kind '{spec.kind}'")


def render_dashboard(view: View, env: jinja2.Environment) -> Markup:
    """Return the home page's summary of the plan and its progress."""
    data = view.data
    activities = [a for p in data.plans for a in p.activities]
    counts = {
        "areas": len(data.strategy.areas),
        "objectives": len(data.index.objectives),
        "activities": len(activities),
        "indicators": len(data.indicators),
    }
    html = env.get_template("dashboard.html").render(
        _common(view),
        counts=counts,
        status_rows=status_rows(view),
        overdue=view.progress.count_overdue(activities),
        money=sum_money(activities, data.site.currency),
    )
    return Markup(html)
