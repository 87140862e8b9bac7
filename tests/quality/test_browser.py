"""The example in a real browser: WCAG 2.1 AA by axe, no request to any other
host, keyboard access (skip link, visible focus), search overlay."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.quality.conftest import AXE, Served, require
from tests.quality.pages import languages, sample_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def page(tab: Any) -> Any:
    """The shared recording page (tests/quality/conftest.py), under this module's name."""
    return tab


def axe_violations(tab: Any) -> list[str]:
    """Run axe-core on the page; return one line per violating node."""
    require(AXE.is_file(), "axe-core (npm)")
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']}: {node['target']} {node.get('failureSummary', '')}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


def other_hosts(tab: Any, server: Served) -> list[str]:
    """Return the requests that went anywhere but the local test server."""
    own = urlsplit(server.base).netloc
    return [url for url in tab.requests if urlsplit(url).netloc not in (own, "")]


def visit(tab: Any, server: Served, path: str) -> None:
    response = tab.goto(server.url(path), wait_until="networkidle")
    assert (response is not None and response.ok) or path.endswith("404.html"), path


def test_every_page_type_in_every_language(
    page: Any, example_server: Served, example_site: Path
) -> None:
    paths = sample_pages(example_site)
    assert len(paths) >= 3 * 5 + 1
    problems = []
    for path in paths:
        visit(page, example_server, path)
        problems += [f"/{path}: {line}" for line in axe_violations(page)]
        problems += [f"/{path}: request to {url}" for url in other_hosts(page, example_server)]
    assert problems == []


def test_fonts_are_self_hosted_and_used(
    page: Any, example_server: Served, example_site: Path
) -> None:
    lang = next(code for code in languages(example_site) if code == "sr-cyrl")
    visit(page, example_server, f"{lang}/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Ћирилица')")
    fonts = [url for url in page.requests if url.endswith(".woff2")]
    assert fonts and not other_hosts(page, example_server)
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans"')


def test_search_overlay_with_a_query_is_accessible(page: Any, example_server: Served) -> None:
    visit(page, example_server, "en/")
    page.click("label.md-header__button[for='__search']") if page.is_visible(
        "label.md-header__button[for='__search']"
    ) else page.click(".md-search__input")
    page.keyboard.type("shelter", delay=30)  # Material listens to key events
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.locator(".md-search-result__item").count() >= 1
    assert axe_violations(page) == []
    assert other_hosts(page, example_server) == []


def test_skip_link_and_visible_focus(page: Any, example_server: Served) -> None:
    visit(page, example_server, "en/strategy/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const a = document.activeElement; const r = a.getBoundingClientRect();"
        " return {cls: a.className, href: a.getAttribute('href'), w: r.width, h: r.height,"
        " outline: getComputedStyle(a).outlineStyle}; }"
    )
    assert "md-skip" in focused["cls"] and focused["href"].startswith("#")
    assert focused["w"] > 0 and focused["h"] > 0, "the skip link must become visible"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == focused["href"]
    for _ in range(6):
        page.keyboard.press("Tab")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, document.activeElement.tagName]; }"
    )
    assert style[0] != "none" and style[1] != "0px", style


def test_table_regions_scroll_by_keyboard(page: Any, example_server: Served) -> None:
    page.set_viewport_size({"width": 600, "height": 900})
    visit(page, example_server, "en/action-plans/ap-2024-2025/")
    region = page.locator(".pp-scroll:has(table.pp-plan-table)").first
    region.focus()
    assert region.evaluate("e => e.scrollWidth > e.clientWidth"), "the table must overflow here"
    assert region.evaluate("e => e.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
