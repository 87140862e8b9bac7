"""Hostile text in every text and URL field of the data is never executed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml

from docs_build.build import build_site
from tests.conftest import BASE
from tests.quality.conftest import Served, serve
from tests.quality.pages import sample_pages

# Script tags, event handlers, a javascript: link in Markdown, an attribute
# break-out, a Jinja expression (7*191 = 1337 must never appear).
PAYLOAD = (
    "<script>alert('t1')</script><img src=x onerror=\"alert('t2')\">"
    "\"'><svg onload=alert('t3')> [click](javascript:alert('t4')) "
    "<a href=\"javascript:alert('t5')\">x</a> {{ 7*191 }} {% raw %}"
)
EVIL_URL = "https://example.org/x\"onmouseover=\"alert('t6')\"><script>alert('t7')</script>"
TEXT_KEYS = {
    "title", "name", "short", "country", "goal", "summary", "description", "aim", "adopted_by",
    "narrative", "challenges", "lessons", "next_steps", "comment", "definition", "text", "reason",
    "operational_objective", "means_of_verification", "unit", "note", "source", "what", "why",
    "evaluator", "risk", "mitigation", "term", "abbreviation", "action", "relevance",
}  # fmt: skip


def poison(value: Any, key: str = "") -> Any:
    """Replace every text and URL in a parsed data file with hostile strings."""
    if isinstance(value, dict):
        if key in TEXT_KEYS and all(isinstance(v, str) for v in value.values()):
            return {lang: PAYLOAD for lang in value}
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key == "principles":
            return [{"en": PAYLOAD, "fr": PAYLOAD} for _ in value]
        return [poison(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS and key != "source":  # source: also a funding id
        return PAYLOAD
    if isinstance(value, str) and key == "url":
        return EVIL_URL
    if isinstance(value, str) and key == "contact":
        return "x@example.org\"><script>alert('t8')</script>"
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("hostile")
    project = root / "project"
    shutil.copytree(BASE, project)
    for path in (project / "data").rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(data), allow_unicode=True), encoding="utf-8")
    (project / "content" / "en" / "about.md").write_text(
        "# About\n\n{{ dashboard() }}\n", encoding="utf-8"
    )
    out = root / "site"
    build_site(project, out, mkdocs_strict=True)
    yield from serve(out)


def test_payload_reaches_the_pages_as_text(hostile_site: Served) -> None:
    html = (hostile_site.root / "en" / "strategy" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html, "the hostile text must be shown, escaped"


class _Executable(HTMLParser):
    """Collect what a browser would run: scripts, event handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            text = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and text.startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def test_nothing_from_the_data_is_executable(hostile_site: Served) -> None:
    pages = list(hostile_site.root.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "1337" not in html, f"{page}: a template expression from the data was evaluated"
        parser = _Executable()
        parser.feed(html)
        assert parser.found == [], page


def test_no_dialog_opens_in_the_browser(browser: Any, hostile_site: Served) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def record(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    paths = sample_pages(hostile_site.root)
    for path in paths:
        if (hostile_site.root / path).exists() or (
            hostile_site.root / path / "index.html"
        ).exists():
            page.goto(hostile_site.url(path), wait_until="networkidle")
            page.mouse.move(200, 300)
            page.hover("body")
    page.goto(hostile_site.url("en/"), wait_until="networkidle")
    page.click(".md-search__input")
    page.keyboard.type("onerror", delay=30)  # a word of the payload that search indexes
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.hover(".md-search-result__item")
    context.close()
    assert len(paths) >= 8
    assert dialogs == []
