"""Sortable and filterable tables (assets/tables.js) in a real browser: keyboard
sorting with aria-sort, filtering with a live count, no script needed to read,
right to left, and axe WCAG 2.1 AA with the tools in use."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from docs_build.build import build_site
from docs_build.i18n import load_strings
from docs_build.problems import Problems
from tests.conftest import BASE, ROOT
from tests.quality.conftest import Served, serve
from tests.quality.test_browser import axe_violations, other_hosts

ACTIVITIES = "en/activities/"
TABLE = "table.pp-activity-list"


@pytest.fixture(scope="module")
def rtl_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Build the base site with Arabic added, and serve it."""
    project = tmp_path_factory.mktemp("rtl") / "project"
    shutil.copytree(BASE, project)
    site = project / "data" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("[en, fr]", "[en, fr, ar]"), encoding="utf-8"
    )
    out = project.parent / "site"
    build_site(project, out, mkdocs_strict=True)
    yield from serve(out)


def visit(page: Any, server: Served, path: str) -> None:
    response = page.goto(server.url(path), wait_until="networkidle")
    assert response is not None and response.ok, path


def tab_to(page: Any, text: str, limit: int = 30) -> None:
    """Press Tab until the sort button of a column has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(
            "t => { const a = document.activeElement;"
            " return a.matches('button.pp-sort') && a.textContent.trim() === t; }",
            text,
        )
        if found:
            return
    raise AssertionError(f"no sort button {text!r} within {limit} Tab presses")


def column(page: Any, index: int, attr: str = "data-sort") -> list[str | None]:
    """Return one column's sort keys (or text) of the visible rows, top to bottom."""
    return list(
        page.evaluate(
            "([sel, i, attr]) => [...document.querySelector(sel).tBodies[0].rows]"
            ".filter(r => !r.hidden).map(r => attr === 'text'"
            " ? r.cells[i].textContent.trim() : r.cells[i].getAttribute(attr))",
            [TABLE, index, attr],
        )
    )


def sort_states(page: Any) -> dict[str, str]:
    return dict(
        page.evaluate(
            "sel => Object.fromEntries([...document.querySelector(sel).tHead.rows[0].cells]"
            ".filter(th => th.hasAttribute('aria-sort'))"
            ".map(th => [th.textContent.trim(), th.getAttribute('aria-sort')]))",
            TABLE,
        )
    )


def quarter(key: str | None) -> tuple[int, int]:
    assert key, "every activity has an end quarter"
    year, q = key.split("-")
    return int(year), int(q)


def test_sorting_by_keyboard_changes_order_and_aria_sort(tab: Any, example_server: Served) -> None:
    visit(tab, example_server, ACTIVITIES)
    before = column(tab, 0, "text")
    assert sort_states(tab) == {}
    tab.focus(".pp-table-filter__input")
    tab_to(tab, "End")
    tab.keyboard.press("Enter")
    assert sort_states(tab) == {"End": "ascending"}
    ends = [quarter(k) for k in column(tab, 6)]
    assert ends == sorted(ends) and column(tab, 0, "text") != before
    tab.keyboard.press("Space")
    assert sort_states(tab) == {"End": "descending"}
    ends = [quarter(k) for k in column(tab, 6)]
    assert ends == sorted(ends, reverse=True)
    tab.wait_for_function(
        "() => document.querySelector('.pp-sort-status').textContent"
        " === 'Sorted by End, descending'"
    )
    # The button still has the focus and says what it does.
    hint = tab.evaluate(
        "() => document.getElementById("
        "document.activeElement.getAttribute('aria-describedby')).textContent"
    )
    assert hint == "Sort by End"


def test_numbers_sort_as_numbers_and_empty_cells_last(tab: Any, example_server: Served) -> None:
    visit(tab, example_server, ACTIVITIES)
    tab.click(f"{TABLE} button.pp-sort:text-is('Budget')")
    keys = column(tab, 9)
    numbers = [float(k) for k in keys if k]
    assert numbers == sorted(numbers) and len(numbers) > 5
    assert all(k is None for k in keys[len(numbers) :]), "words after the amounts"
    tab.click(f"{TABLE} button.pp-sort:text-is('Timeliness')")
    tab.click(f"{TABLE} button.pp-sort:text-is('Timeliness')")
    assert sort_states(tab) == {"Timeliness": "descending"}
    keys = column(tab, 8)
    filled = [k for k in keys if k]
    assert filled and filled == sorted(filled, reverse=True)
    assert keys[: len(filled)] == filled and set(keys[len(filled) :]) == {""}


def test_filter_hides_rows_and_announces_the_count(tab: Any, example_server: Served) -> None:
    visit(tab, example_server, ACTIVITIES)
    total = tab.locator(f"{TABLE} tbody tr").count()
    field = tab.get_by_label("Filter rows")
    assert field.is_visible() and tab.locator("label.pp-table-filter__label").is_visible()
    status = tab.locator(".pp-table-filter__count")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == f"{total} of {total} rows shown"
    field.focus()
    tab.keyboard.type("molsa", delay=20)
    shown = column(tab, 4, "text")
    assert 0 < len(shown) < total
    assert all("MoLSA" in cell for cell in column(tab, 4, "text") if cell)
    hidden = tab.locator(f"{TABLE} tbody tr[hidden]")
    assert hidden.count() == total - len(shown) and not hidden.first.is_visible()
    tab.wait_for_function(
        "t => document.querySelector('.pp-table-filter__count').textContent === t",
        arg=f"{len(shown)} of {total} rows shown",
    )
    tab.click(f"{TABLE} button.pp-sort:text-is('Start')")
    assert axe_violations(tab) == []
    assert other_hosts(tab, example_server) == []
    field.fill("")
    assert len(column(tab, 0, "text")) == total


def test_words_that_match_nothing_leave_an_empty_table(tab: Any, example_server: Served) -> None:
    visit(tab, example_server, ACTIVITIES)
    tab.get_by_label("Filter rows").fill("zzzz nothing")
    assert column(tab, 0, "text") == []
    tab.wait_for_function(
        "() => /^0 of \\d+ rows shown$/.test("
        "document.querySelector('.pp-table-filter__count').textContent)"
    )


def test_tables_read_completely_without_javascript(browser: Any, example_server: Served) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        visit(page, example_server, ACTIVITIES)
        assert page.locator("button.pp-sort, .pp-table-filter").count() == 0
        rows = page.locator(f"{TABLE} tbody tr")
        assert rows.count() > 20 and rows.last.is_visible()
        heads = page.locator(f"{TABLE} thead th").all_text_contents()
        assert heads[:2] == ["No.", "Activity"]
    finally:
        context.close()


def test_tables_work_right_to_left(tab: Any, rtl_server: Served) -> None:
    visit(tab, rtl_server, "ar/activities/")
    assert tab.evaluate("getComputedStyle(document.querySelector('table')).direction") == "rtl"
    words = load_strings(ROOT, "ar", Problems())
    label = tab.locator("label.pp-table-filter__label")
    assert label.text_content() == words.t("tables.filter")
    boxes = tab.evaluate(
        "() => ['.pp-table-filter__label', '.pp-table-filter__input', 'table.pp-table']"
        ".map(s => document.querySelector(s).getBoundingClientRect().right)"
    )
    assert max(boxes) - min(boxes) < 2, "label, box and table start on the right"
    first = tab.locator(f"{TABLE} button.pp-sort").first
    icon, text = first.evaluate(
        "b => { const r = document.createRange(); r.selectNodeContents(b.firstChild);"
        " return [b.querySelector('.pp-sort__icon').getBoundingClientRect().right,"
        " r.getBoundingClientRect().left]; }"
    )
    assert icon <= text, "the arrow follows the words, on their left"
    first.focus()
    tab.keyboard.press("Enter")
    tab.keyboard.press("Enter")
    assert list(sort_states(tab).values()) == ["descending"]
    assert column(tab, 0, "text") == ["2.1.2", "2.1.1", "1.1.1"]
    tab.get_by_label(words.t("tables.filter")).fill("2.1")
    expected = words.t("tables.rows_shown", count=3).replace("{shown}", "2")
    tab.wait_for_function(
        "t => document.querySelector('.pp-table-filter__count').textContent === t", arg=expected
    )
    assert re.search(r"[\u0600-\u06ff]", expected), "the count is said in Arabic"
    assert axe_violations(tab) == []
