"""Thin MkDocs glue: generated pages, navigation and template helpers.

Everything that decides lives in docs_build; this module only hands MkDocs
what the session computed, so a move to another generator stays cheap.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from docs_build.export.calendar import calendar_path
from docs_build.export.feeds import feed_path
from docs_build.html_fixes import fix_material_html
from docs_build.i18n import babel_locale
from docs_build.pages import PageSpec, generated_pages, src_for
from docs_build.problems import Loc, Problem
from docs_build.render.pages import render_page
from docs_build.session import DataError, Session, current, open_session

log = logging.getLogger("mkdocs.plugins.planpress")
ANCHOR_ID = re.compile(r'\bid="([^"]+)"')
data_log = logging.getLogger("planpress.data")


class PlanPressPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Add the pages generated from data/ to a MkDocs build of one language."""

    def __init__(self) -> None:
        self.session: Session | None = None
        self.rendered: dict[str, tuple[PageSpec, str, Markup]] = {}
        self.page_problems: list[Problem] = []
        _quiet_macro_tracebacks()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Use the running PlanPress session, or load the data for plain `mkdocs`."""
        session = current()
        if session is None:
            session = _standalone(Path(config.config_file_path).parent)
        self.session = session
        lang = session.lang or session.data.site.default_language
        session.lang = lang
        view = session.view(lang)
        # Material prints site_name and titles as HTML (MkDocs does not autoescape):
        # hand it escaped Markup, which Material's own `| e` leaves as it is.
        config.site_name = escape(view.plain(session.data.site.title))
        config.extra["planpress_lang"] = lang
        config.extra["planpress_dir"] = view.direction
        if config.nav is None:
            config.nav = self._nav(config)
        return config

    def _nav(self, config: MkDocsConfig) -> list[Any]:
        assert self.session is not None
        view = self.session.view()
        data = self.session.data

        def entry(key: str, kind: str) -> dict[str, str]:
            return {escape(view.t(key)): src_for(kind)}

        plans = [{escape(view.plain(p.title)): src_for("action-plan", p.id)} for p in data.plans]
        nav: list[Any] = [
            {escape(view.t("nav.home")): "index.md"},
            entry("nav.strategy", "strategy"),
            entry("nav.areas", "areas"),
            {escape(view.t("nav.action_plans")): plans},
            entry("nav.activities", "activities"),
            entry("nav.indicators", "indicators"),
            entry("nav.institutions", "institutions"),
            entry("nav.reports", "reports"),
            entry("nav.recommendations", "recommendations"),
            entry("nav.evaluations", "evaluations"),
            entry("nav.moved", "moved"),
            entry("nav.glossary", "glossary"),
            entry("nav.methodology", "methodology"),
            entry("nav.accessibility", "accessibility"),
            entry("nav.translations", "translations"),
        ]
        docs = Path(config.docs_dir)
        default_docs = self.session.project / "content" / data.site.default_language
        pages = {p.name for d in (docs, default_docs) if d.is_dir() for p in d.glob("*.md")}
        nav += sorted(pages - {"index.md"})
        return nav

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add generated pages and fallbacks for untranslated content pages."""
        assert self.session is not None
        self.rendered.clear()
        for spec in generated_pages(self.session.data):
            view = self.session.view(here=spec.url)
            title, html = render_page(spec, view, self.session.env)
            self.rendered[spec.src_uri] = (spec, title, html)
            # The title is set, escaped, later; wide tables get the table of contents' room.
            hide = "hide: [toc]\n" if spec.kind in WIDE_PAGES else ""
            content = f"---\nrender_macros: false\n{hide}---\n"
            files.append(File.generated(config, spec.src_uri, content=content))
        self._add_fallbacks(files, config)
        if files.get_file_from_path("index.md") is None:
            files.append(File.generated(config, "index.md", content=DEFAULT_HOME))
        return files

    def _add_fallbacks(self, files: Files, config: MkDocsConfig) -> None:
        assert self.session is not None
        default = self.session.data.site.default_language
        if self.session.lang == default:
            return
        default_docs = self.session.project / "content" / default
        if not default_docs.is_dir():
            return
        for path in sorted(default_docs.rglob("*.md")):
            rel = path.relative_to(default_docs).as_posix()
            if files.get_file_from_path(rel) is None:
                text = path.read_text(encoding="utf-8")
                data_log.warning(
                    "%s: no '%s' translation of this page; the '%s' page is shown with a marker. [i18n.missing]",
                    path.relative_to(self.session.project).as_posix(),
                    self.session.lang,
                    default,
                )
                files.append(File.generated(config, rel, content=_mark_fallback(text, default)))

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Point the language switcher and hreflang links at this page in each language."""
        assert self.session is not None
        found = self.rendered.get(page.file.src_uri)
        spec = found[0] if found else None
        context["pp_feeds"] = page_feeds(spec)  # type: ignore[typeddict-unknown-key]
        # Relative on purpose, though search engines prefer absolute hreflang URLs:
        # Material's script fetches sitemap.xml beside every rel=alternate link, so
        # absolute ones would make each preview and copy call the production host.
        config.extra["alternate"] = [
            {"name": name, "lang": code, "link": f"../{code.lower()}/{page.url}"}
            for code, name in language_names(self.session.data.site.languages)
        ]
        return context

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Give templates the interface strings of this language."""
        assert self.session is not None
        view = self.session.view()
        env.globals["pp"] = view
        env.globals["pp_demo"] = self.session.data.site.demo
        return env

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Escape generated titles; turn a macro error in a page into a located problem."""
        found = self.rendered.get(page.file.src_uri)
        if found is not None:
            page.title = escape(found[1])  # MkDocs: a weak property, may be set
        problem = macro_problem(markdown, self._page_name(page, config))
        if problem is None:
            return markdown
        self.page_problems.append(problem)
        return ""

    def _page_name(self, page: Page, config: MkDocsConfig) -> str:
        assert self.session is not None
        path = Path(config.docs_dir) / page.file.src_path
        try:
            return path.resolve().relative_to(self.session.project).as_posix()
        except ValueError:
            return f"content/{self.session.lang}/{page.file.src_path}"

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Fail once, after listing every problem found in the pages."""
        problems = sorted(dict.fromkeys(self.page_problems), key=Problem.sort_key)
        self.page_problems.clear()
        if problems:
            for problem in problems:
                log.error(problem.format_text())
            raise PluginError(f"{len(problems)} problem(s) in the pages of the site.")

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Repair the few spots of Material's HTML that are not valid."""
        return fix_material_html(output)

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        """Repair static templates (404.html) the same way."""
        return fix_material_html(output_content)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Replace a generated page's placeholder body with its rendered HTML."""
        found = self.rendered.get(page.file.src_uri)
        if found is None:
            return html
        body = str(found[2])
        # MkDocs checks links to anchors against the ids it saw; it did not see ours.
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | set(ANCHOR_ID.findall(body))
        page.toc = get_toc(toc_tokens(body))
        return body


WIDE_PAGES = frozenset({"activities", "indicators", "action-plan", "institutions", "translations"})
DEFAULT_HOME = "# {{ site_title() }}\n\n{{ dashboard() }}\n"
MACRO_ERROR = re.compile(r"\A# _Macro (Rendering|Syntax) Error_")
ERROR_LINE = re.compile(r"^_(?!File_)(\w+)_: (.*)$", re.MULTILINE)
SYNTAX_LINE = re.compile(r"^_Line (\d+) in Markdown file:_ \*\*(.*)\*\*$", re.MULTILINE)
TEMPLATE_LINE = re.compile(r'File "<template>", line (\d+)')


def macro_problem(markdown: str, name: str) -> Problem | None:
    """Read mkdocs-macros' error report on a page into a located problem."""
    if not MACRO_ERROR.match(markdown):
        return None
    syntax = SYNTAX_LINE.search(markdown)
    if syntax:
        return Problem(
            Loc(name, int(syntax.group(1))),
            "",
            "page.macro",
            syntax.group(2) + ".",
            "Check the {{ ... }} on that line: each macro call needs matching braces.",
        )
    found = ERROR_LINE.search(markdown)
    lines = TEMPLATE_LINE.findall(markdown)
    message = found.group(2) if found else "a macro could not be run."
    if found and found.group(1) == "UndefinedError":
        message += " (there is no such macro or variable)"
    return Problem(
        Loc(name, int(lines[-1]) if lines else 0),
        "",
        "page.macro",
        message,
        "See README.md for the macros pages may use.",
    )


class _DropMacroTracebacks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "Macro Rendering Error" not in str(record.msg) and "Macro Syntax Error" not in str(
            record.msg
        )


def _quiet_macro_tracebacks() -> None:
    """mkdocs-macros logs a traceback for page errors; PlanPress reports them itself."""
    logger = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")
    if not any(isinstance(f, _DropMacroTracebacks) for f in logger.filters):
        logger.addFilter(_DropMacroTracebacks())


FEED_KINDS = ("area", "institution", "activity")


def page_feeds(spec: PageSpec | None) -> dict[str, str]:
    """Return the feed and calendar addresses a page links to (relative to the language root)."""
    feeds = {"all": feed_path("all"), "calendar": calendar_path()}
    if spec is not None and spec.kind in FEED_KINDS:
        feeds["item"] = feed_path(spec.kind, spec.item_id)
    if spec is not None and spec.kind == "institution":
        feeds["item_calendar"] = calendar_path(spec.item_id)
    return feeds


def language_names(languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """Return each language with its name written in that language."""
    named = []
    for code in languages:
        name = babel_locale(code).get_display_name(babel_locale(code)) or code
        named.append((code, name[:1].upper() + name[1:]))
    return named


def _standalone(project: Path) -> Session:
    try:
        session = open_session(project)
    except DataError as exc:
        for problem in exc.problems:
            (log.error if problem.severity.value == "error" else data_log.warning)(
                problem.format_text()
            )
        raise PluginError(str(exc)) from None
    for problem in session.problems.sorted():
        data_log.warning(problem.format_text())
    return session


HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def toc_tokens(html: str) -> list[Any]:
    """Build MkDocs' table-of-contents tokens from the h2/h3 of generated HTML."""
    tokens: list[dict[str, Any]] = []
    for level, anchor, inner in HEADING.findall(html):
        token = {"level": int(level), "id": anchor, "name": TAG.sub("", inner), "children": []}
        if level == "3" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def _mark_fallback(text: str, lang: str) -> str:
    """Add front matter telling the theme this page is shown untranslated."""
    if text.startswith("---\n"):
        return f"---\nplanpress_fallback: {lang}\n" + text[4:]
    return f"---\nplanpress_fallback: {lang}\n---\n\n" + text
