"""Macros for hand-written pages (mkdocs-macros), backed by the session."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from docs_build.fields import suggest
from docs_build.pages import src_for
from docs_build.render import page_macros
from docs_build.render.page_macros import Filters, MacroError, call_text
from docs_build.render.pages import render_dashboard
from docs_build.session import Session, current

KIND_NAMES = {
    "area": "an area",
    "objective": "a specific objective",
    "action-plan": "an action plan",
    "measure": "a key measure",
    "activity": "an activity",
    "indicator": "an indicator",
}
REF_KINDS = ("strategy", "area", "objective", "action-plan", "measure", "activity", "indicator")


def _session(env: Any) -> Session:
    session = current()
    if session is None:
        plugin = env.conf.plugins.get("planpress")
        session = getattr(plugin, "session", None)
    if session is None:
        raise PluginError("the planpress plugin must be listed before macros in mkdocs.yml")
    return session


def resolve_ref(session: Session, target: str) -> tuple[str, str, str]:
    """Find an item by 'kind:id' or a bare id; return its page, anchor and label."""
    kind, _, item_id = target.rpartition(":")
    view = session.view()
    index = session.data.index
    tables: dict[str, dict[str, Any]] = {
        "area": index.areas,
        "objective": index.objectives,
        "action-plan": index.plans,
        "measure": index.measures,
        "activity": index.activities,
        "indicator": index.indicators,
    }
    if target == "strategy":
        return src_for("strategy"), "", view.plain(session.data.strategy.title)
    if not kind:
        kinds = [k for k, table in tables.items() if item_id in table]
        if len(kinds) > 1:
            raise PluginError(
                f"ref('{target}') is ambiguous: it is the id of "
                + " and of ".join(KIND_NAMES[k] for k in kinds)
                + ". Name the kind: "
                + " or ".join(f'ref("{k}:{item_id}")' for k in kinds)
                + "."
            )
        kind = kinds[0] if kinds else ""
    table = tables.get(kind)
    if table is None or item_id not in table:
        pool = list(table or {k: None for t in tables.values() for k in t})
        close = suggest(item_id, pool)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        known = ", ".join(REF_KINDS)
        raise PluginError(f"ref('{target}'): no such item (kinds: {known}).{hint}")
    item = table[item_id]
    label = f"{item_id} {view.plain(item.title)}"
    if kind == "action-plan":
        return src_for("action-plan", item_id), "", view.plain(item.title)
    if kind in ("area", "objective"):
        return src_for("strategy"), f"#{kind}-{item_id}", label
    if kind == "measure":
        plan = next(
            p for p in session.data.plans for pa in p.areas for m in pa.measures if m.id == item_id
        )
        return src_for("action-plan", plan.id), f"#measure-{item_id}", label
    if kind == "activity":
        return src_for("action-plan", item.plan_id), f"#activity-{item_id}", label
    return src_for("strategy"), "", label


MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")


def markdown_text(text: str) -> str:
    """Make data text appear as itself inside Markdown: no HTML, no markup."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(text)))


def as_block(html: Markup) -> Markup:
    """Set HTML apart as a block of its own, so Markdown passes it through untouched."""
    lines = (line for line in str(html).splitlines() if line.strip())
    return Markup("\n\n" + "\n".join(lines) + "\n\n")


def _filters(**given: object) -> Filters:
    """Take ids as the page wrote them; area=3 means area '3'."""
    text = {k: None if v is None else str(v) for k, v in given.items()}
    return Filters(**text)


class _PageIds:
    """Ids that are unique on each page (a macro may be used twice) and the same every build."""

    def __init__(self) -> None:
        self.page: object = None
        self.used: Counter[str] = Counter()

    def next(self, page: object, prefix: str) -> str:
        if page is not self.page:
            self.page, self.used = page, Counter()
        self.used[prefix] += 1
        count = self.used[prefix]
        return prefix if count == 1 else f"{prefix}-{count}"


Summary = Callable[..., Markup]
FILTERS = {
    "activity_table": ("area", "institution", "status", "plan"),
    "status_summary": ("area",),
    "budget_summary": ("area", "plan", "institution"),
}


def register(env: Any) -> None:
    """Register the PlanPress macros with mkdocs-macros."""
    ids = _PageIds()

    def block(render: Summary, prefix: str, *args: object) -> Markup:
        """Render one macro's block for the current page; a data mismatch fails the page."""
        session = _session(env)
        view = session.view(here=env.page.url)
        try:
            html = render(view, session.env, ids.next(env.page, prefix), *args)
        except MacroError as exc:
            raise PluginError(str(exc)) from None
        return as_block(html)

    @env.macro  # type: ignore[untyped-decorator]
    def dashboard() -> Markup:
        """Show the summary of the strategy, its plans and progress."""
        session = _session(env)
        return render_dashboard(session.view(here=env.page.url), session.env)

    @env.macro  # type: ignore[untyped-decorator]
    def ref(target: str, text: str | None = None) -> str:
        """Link to an item by id ('activity:1.2.3'); MkDocs checks the link."""
        session = _session(env)
        src, anchor, label = resolve_ref(session, target)
        here = posixpath.dirname(env.page.file.src_uri)
        rel = posixpath.relpath(src, here or ".")
        shown = markdown_text(text or label)
        return f"[{shown}]({rel}{anchor})"

    @env.macro  # type: ignore[untyped-decorator]
    def t(key: str, count: float | None = None, **params: object) -> str:
        """Return an interface string in the page's language, safe inside Markdown."""
        return markdown_text(_session(env).view().t(key, count, **params))

    @env.macro  # type: ignore[untyped-decorator]
    def site_title() -> str:
        """Return the site's title in the page's language, safe inside Markdown."""
        session = _session(env)
        return markdown_text(session.view().plain(session.data.site.title))

    def summary(name: str, render: Summary, prefix: str, given: dict[str, object]) -> Markup:
        """Check a summary macro's filters by name, then render it."""
        unknown = [k for k in given if k not in FILTERS[name]]
        if unknown:
            raise PluginError(
                f"{name}() has no parameter {unknown[0]!r}; it takes "
                f"{', '.join(FILTERS[name])}, each optional."
            )
        filters = _filters(**given)
        return block(render, prefix, call_text(name, filters.given()), filters)

    @env.macro  # type: ignore[untyped-decorator]
    def activity_table(
        area: object = None,
        institution: object = None,
        status: object = None,
        plan: object = None,
        **other: object,
    ) -> Markup:
        """Show a sortable table of activities, filtered by area, lead institution, status, plan."""
        given = {"area": area, "institution": institution, "status": status, "plan": plan}
        return summary("activity_table", page_macros.activity_table, "pp-activities", given | other)

    @env.macro  # type: ignore[untyped-decorator]
    def status_summary(area: object = None, **other: object) -> Markup:
        """Show how many activities have each latest status, for all or one area."""
        given = {"area": area}
        return summary("status_summary", page_macros.status_summary, "pp-statuses", given | other)

    @env.macro  # type: ignore[untyped-decorator]
    def budget_summary(
        area: object = None, plan: object = None, institution: object = None, **other: object
    ) -> Markup:
        """Show cost, secured, pledged and gap of the activities kept by the filters."""
        given = {"area": area, "plan": plan, "institution": institution}
        return summary("budget_summary", page_macros.budget_summary, "pp-money", given | other)

    @env.macro  # type: ignore[untyped-decorator]
    def indicator_chart(indicator_id: object = None) -> Markup:
        """Show an indicator's chart (small counts withheld) with a table of its figures."""
        if indicator_id is None:
            raise PluginError('indicator_chart() needs an indicator id: indicator_chart("IMP-1").')
        prefix = re.sub(r"[^A-Za-z0-9_-]", "-", str(indicator_id))  # ids: pp-chart-<prefix>-*
        return block(page_macros.indicator_chart, prefix, indicator_id)
