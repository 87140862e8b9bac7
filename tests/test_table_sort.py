"""Sortable tables: the attributes and sort keys the build writes for tables.js."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from docs_build.build import build_site
from docs_build.model import Budget, FundingShare, Quarter, Text
from docs_build.render.tables import rank_attr, sort_attr, sort_key, sortable
from docs_build.session import open_session


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (Quarter(2024, 3), "2024-3"),
        ((Quarter(2024, 3), Quarter(2025, 4)), "2024-3 2025-4"),
        (150000.0, "150000"),
        (12.5, "12.5"),
        (0, "0"),
        (dt.date(2025, 3, 1), "2025-03-01"),
        (None, ""),  # no value: sorts last
        (Budget("costed", 8000.0), "8000"),
        (Budget("costed", 8000.0, "EUR"), "8000"),
        (Budget("costed", 8000.0, "USD"), None),  # not comparable with euros: sorts by its words
        (Budget("not_costed"), None),
        ("yes", None),
        (Text((("en", "Ad hoc"),)), None),
        (True, None),
    ],
)
def test_sort_keys(value: object, key: str | None) -> None:
    assert sort_key(value, "EUR") == key


def test_sort_attributes_are_escaped_markup() -> None:
    assert sort_attr(Quarter(2024, 1)) == ' data-sort="2024-1"'
    assert sort_attr("text") == ""
    assert rank_attr("completed", "status") == ' data-sort="2"'
    assert rank_attr(None, "timeliness") == ' data-sort=""'
    assert rank_attr("overdue", "timeliness") == ' data-sort="0"'
    shares = Budget("costed", 10.0, None, (FundingShare("X", 5.0, "secured"),))
    assert sort_attr(shares, "EUR") == ' data-sort="10"'


def test_sortable_words_come_from_the_interface_strings(base_project: Path) -> None:
    view = open_session(base_project).view("en")
    assert sortable(view, 1) == ""
    few = str(sortable(view, 3))
    assert 'data-pp-sortable=""' in few and 'data-pp-sort-hint="Sort by {column}"' in few
    assert "data-pp-filter" not in few
    many = str(sortable(view, 12))
    assert 'data-pp-filter-label="Filter rows"' in many
    assert 'data-pp-rows-shown="{shown} of 12 rows shown"' in many
    assert "data-pp-filter" in str(sortable(view, 3, True))
    assert "data-pp-filter" not in str(sortable(view, 12, False))


def test_the_activities_page_is_sortable_and_filterable(base_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(base_project, out, mkdocs_strict=True)
    html = (out / "en" / "activities" / "index.html").read_text(encoding="utf-8")
    table = html[html.index("<table") : html.index("</table>")]
    assert "data-pp-sortable" in table and "data-pp-filter" in table  # always, even for 3 rows
    heads = re.findall(r'<th scope="col">([^<]+)</th>', table)
    assert heads == [
        "No.",
        "Activity",
        "Action plan",
        "Area",
        "Responsible",
        "Start",
        "End",
        "Status",
        "Timeliness",
        "Budget",
    ]
    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', table) == [
        "1.1.1",
        "2.1.1",
        "2.1.2",
    ]
    assert '<td data-sort="10000" class="pp-num">€10,000</td>' in table
    assert 'data-sort="2024-2"' in table and 'data-sort="2025-4"' in table
    assert '<script src="../assets/tables.js"></script>' in html
    assert 'href="../assets/tables.css"' in html
