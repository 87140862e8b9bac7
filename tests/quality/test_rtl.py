"""A site whose default language is Arabic reads right to left."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docs_build.build import build_site
from tests.conftest import ROOT
from tests.quality.conftest import Served, serve
from tests.quality.test_browser import axe_violations

ARABIC = ROOT / "tests" / "fixtures" / "arabic"
PAGES = ["ar/", "ar/activities/1.1.1/", "ar/indicators/IMP-1/", "ar/action-plans/ap-2024-2025/"]


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    out = tmp_path_factory.mktemp("arabic") / "site"
    build_site(ARABIC, out, mkdocs_strict=True)
    yield from serve(out)


def test_pages_are_marked_right_to_left(arabic_site: Served) -> None:
    for path in PAGES:
        html = (arabic_site.root / path / "index.html").read_text(encoding="utf-8")
        assert '<html lang="ar"' in html and 'dir="rtl"' in html, path


def test_tables_badges_and_charts_read_right_to_left(
    browser: Any, arabic_site: Served, tmp_path: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems = []
    for path in PAGES:
        page.goto(arabic_site.url(path), wait_until="networkidle")
        direction = page.evaluate("getComputedStyle(document.querySelector('article')).direction")
        assert direction == "rtl", path
        tables = page.evaluate(
            "[...document.querySelectorAll('article table')].map(t => getComputedStyle(t).direction)"
        )
        assert set(tables) <= {"rtl"}, path
        problems += [f"{path}: {v}" for v in axe_violations(page)]
        page.screenshot(path=str(tmp_path / (path.replace("/", "_") + ".png")), full_page=True)
    context.close()
    assert problems == []


def test_arabic_search_finds_an_activity(browser: Any, arabic_site: Served) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(arabic_site.url("ar/"), wait_until="networkidle")
    page.click(".md-search__input")
    page.wait_for_timeout(1500)
    page.keyboard.type("حملة", delay=40)
    page.keyboard.press("Space")
    page.keyboard.press("Backspace")
    page.wait_for_function(
        "[...document.querySelectorAll('.md-search-result__link')]"
        ".some(a => a.getAttribute('href').includes('activities/1.1.1/'))",
        timeout=15_000,
    )
    context.close()
