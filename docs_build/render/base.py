"""Shared context and rows for page renderers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from docs_build.compute import NOT_REPORTED
from docs_build.model import STATUSES, Activity
from docs_build.render.plan import ActivityRow, moved
from docs_build.render.view import View

Rendered = tuple[str, Markup]


@dataclass(frozen=True)
class StatusRow:
    """A count of activities with one status, and its share in words and width."""

    status: str
    count: int
    share: str
    percent: str


def status_rows(view: View, activities: Iterable[Activity]) -> list[StatusRow]:
    """Count activities by latest status, in a fixed order."""
    group = list(activities)
    return count_rows(view, view.progress.count_statuses(group), len(group))


def count_rows(view: View, counts: Counter[str], total: int) -> list[StatusRow]:
    """Turn counts by status into rows with shares, in a fixed order."""
    total = max(total, 1)
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


def activity_rows(view: View, activities: Iterable[Activity]) -> list[ActivityRow]:
    """Return table rows of activities with their computed state."""
    return [ActivityRow(a, view.progress.state(a.id), moved(a)) for a in activities]


def common(view: View) -> dict[str, object]:
    """Return what every page template may use."""
    data = view.data
    ref = view.progress.reference
    return {
        "v": view,
        "site": data.site,
        "strategy": data.strategy,
        "plans": data.plans,
        "indicators": data.index.indicators,
        "reference": ref,
        "reference_year": ref.year if ref else None,
    }


def render(env: jinja2.Environment, template: str, view: View, **context: object) -> Markup:
    """Render a theme template with the common context and more."""
    return Markup(env.get_template(template).render(common(view), **context))
