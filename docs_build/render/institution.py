"""The institution page."""

from __future__ import annotations

import jinja2

from docs_build.compute import sum_money
from docs_build.i18n import format_share
from docs_build.model import Activity
from docs_build.pages import PageSpec
from docs_build.render.base import Rendered, activity_rows, render
from docs_build.render.view import View


def budget_share(view: View, led: list[Activity]) -> str | None:
    """Return the share of all costed money in activities this institution leads."""
    data = view.data
    total = sum_money(data.index.activities.values(), data.site.currency).cost
    mine = sum_money(led, data.site.currency).cost
    return format_share(mine / total, view.lang) if total and mine else None


def render_institution(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render one institution: what it leads, supports and measures."""
    data = view.data
    inst = data.index.institutions[spec.item_id]
    activities = list(data.index.activities.values())
    led = [a for a in activities if inst.id in a.lead]
    html = render(
        env,
        "institution.html",
        view,
        inst=inst,
        led=activity_rows(view, led),
        supported=activity_rows(view, [a for a in activities if inst.id in a.partners]),
        collected=[i.id for i in data.indicators if i.collector == inst.id],
        money=sum_money(led, data.site.currency, view.progress.spent),
        share=budget_share(view, led),
    )
    return view.plain(inst.name), html
