"""The translation coverage page of one language."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2

from docs_build.pages import PageSpec, report_years
from docs_build.render.base import Rendered, render
from docs_build.render.view import View
from docs_build.translations import STATES, TextState, counts_by, page_of, states_of


@dataclass(frozen=True)
class CoverageRow:
    """Counts of one file or kind of item: translated, missing, outdated."""

    name: str
    translated: int
    missing: int
    outdated: int

    @property
    def total(self) -> int:
        """Return how many texts the group has."""
        return self.translated + self.missing + self.outdated


def coverage_rows(groups: dict[str, Counter[str]]) -> list[CoverageRow]:
    """Turn counts by state into table rows."""
    return [CoverageRow(name, *(c[state] for state in STATES)) for name, c in groups.items()]


def missing_pages(project: Path, lang: str, default: str) -> list[str]:
    """List hand-written pages of the default language with no translation."""
    source = project / "content" / default
    target = project / "content" / lang
    if not source.is_dir():
        return []
    return sorted(
        p.relative_to(source).as_posix()
        for p in source.rglob("*.md")
        if not (target / p.relative_to(source)).is_file()
    )


def gap_link(view: View, state: TextState) -> str | None:
    """Return the address of the page showing a text, if it has one."""
    page = page_of(state)
    if page is None:
        return None
    kind, item_id = page
    if kind == "report" and int(item_id) not in report_years(view.data):
        return None
    return view.url(kind, item_id)


def render_translations(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render how much of the site is translated into this page's language."""
    data = view.data
    states = states_of(data)
    mine: list[TextState] = [s for s in states if s.lang == view.lang]
    html = render(
        env,
        "translations.html",
        view,
        is_default=view.lang == data.site.default_language,
        totals=Counter(s.state for s in mine),
        by_file=coverage_rows(counts_by(states, view.lang, "file")),
        by_kind=coverage_rows(counts_by(states, view.lang, "kind")),
        gaps=[(s, gap_link(view, s)) for s in mine if s.state != "translated"],
        pages=missing_pages(view.project, view.lang, data.site.default_language),
    )
    return view.t("nav.translations"), html
