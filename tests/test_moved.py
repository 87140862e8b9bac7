"""The moved commitments page: deadlines, budgets, indicator targets and baselines.

Expected values are read from data/*.yml here, never from the code under test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from docs_build.render.moved import deadline_moves
from docs_build.session import open_session
from tests.conftest import apply_edits
from tests.test_evaluations import (
    LANGS,
    activities,
    article,
    english,
    load,
    words,
)
from tests.test_recommendations_tracker import rows, table

QUARTER_FIELDS = ("start", "end")


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    """The example built once for the whole run (tests/conftest.py)."""
    return example_site


@pytest.fixture(scope="module")
def content(site: Path) -> str:
    return article(site, "en", "moved")


def quarter_en(text: str) -> str:
    """Write 2025-Q2 as English does (Q2 2025)."""
    year, q = str(text).split("-Q")
    return f"Q{q} {year}"


def euro(amount: float) -> str:
    return f"€{amount:,.0f}"


def revisions(fields: tuple[str, ...]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Return (activity, revision) pairs of the example for some fields."""
    return [(a, r) for a in activities() for r in a.get("revisions", []) if r["field"] in fields]


def after_value(activity: dict[str, Any], revision: dict[str, Any]) -> Any:
    """Return what a revision set: the next revision's `previous`, or the current value."""
    later = sorted(
        (
            r
            for r in activity["revisions"]
            if r["field"] == revision["field"] and r["date"] > revision["date"]
        ),
        key=lambda r: r["date"],
    )
    return later[0]["previous"] if later else activity[revision["field"]]


def row_of(table_rows: list[list[str]], link: str, reason: str) -> list[str]:
    """Find the one row that links an item and gives a reason."""
    found = [r for r in table_rows if link in " ".join(r) and reason in words(" ".join(r))]
    assert len(found) == 1, (link, reason)
    return found[0]


def test_the_page_exists_in_every_language(site: Path) -> None:
    for lang in LANGS:
        assert 'id="moved-deadlines"' in article(site, lang, "moved")


def test_every_moved_quarter_is_listed_with_before_after_and_reason(content: str) -> None:
    found = revisions(QUARTER_FIELDS)
    assert found, "the example should move some deadlines"
    shown = rows(table(content, "moved-deadlines"))
    assert len(shown) == len(found)
    strings = english()
    for activity, revision in found:
        row = row_of(
            shown, f'href="../activities/{activity["id"]}/"', words(revision["reason"]["en"])
        )
        assert words(row[2]).startswith(strings[f"activity.{revision['field']}"])
        assert words(row[3]) == quarter_en(revision["previous"])
        assert words(row[4]) == quarter_en(after_value(activity, revision))


def test_moves_are_sorted_by_date_then_activity(content: str) -> None:
    expected = sorted((r["date"], a["id"]) for a, r in revisions(QUARTER_FIELDS))
    shown = rows(table(content, "moved-deadlines"))
    dates = [dt.datetime.strptime(words(r[0]), "%B %d, %Y").date() for r in shown]
    ids = [words(r[1]).split()[0] for r in shown]
    assert list(zip(dates, ids, strict=True)) == expected


def test_every_budget_revision_shows_cost_before_and_after(content: str) -> None:
    found = revisions(("budget",))
    assert found, "the example should revise a budget"
    shown = rows(table(content, "moved-budgets"))
    assert len(shown) == len(found)
    for activity, revision in found:
        row = row_of(
            shown, f'href="../activities/{activity["id"]}/"', words(revision["reason"]["en"])
        )
        assert words(row[2]) == euro(revision["previous"]["cost"])
        assert words(row[3]) == euro(after_value(activity, revision)["cost"])


def test_every_indicator_revision_is_listed(content: str) -> None:
    found = [(i, r) for i in load("indicators.yml") for r in i.get("revisions", [])]
    assert found, "the example should revise an indicator"
    shown = rows(table(content, "moved-indicators"))
    assert len(shown) == len(found)
    strings = english()
    for indicator, revision in found:
        row = row_of(
            shown, f'href="../indicators/{indicator["id"]}/"', words(revision["reason"]["en"])
        )
        assert words(row[2]).startswith(strings[f"indicator.field.{revision['field']}"])
        if revision["field"] == "baseline":
            assert words(row[3]).startswith(str(revision["previous"]["value"]))
            assert words(row[4]).startswith(str(indicator["baseline"]["value"]))
        else:
            assert all(str(t["year"]) in words(row[3]) for t in revision["previous"])
            assert all(str(t["year"]) in words(row[4]) for t in indicator["targets"])


def test_the_summary_counts_every_kind(content: str) -> None:
    deadlines = len(revisions(QUARTER_FIELDS))
    budgets = len(revisions(("budget",)))
    indicators = sum(len(i.get("revisions", [])) for i in load("indicators.yml"))
    summary = words(content[content.index('class="pp-moved-summary"') :].split("</p>")[0] + ">")
    assert f"{deadlines} deadlines moved" in summary
    assert f"{budgets} budget{'' if budgets == 1 else 's'} revised" in summary
    assert f"{indicators} indicator targets or baselines changed" in summary


def test_translated_reasons_are_shown(site: Path) -> None:
    for activity, revision in revisions(QUARTER_FIELDS):
        text = revision["reason"].get("sq")
        if text:
            assert words(text) in words(article(site, "sq", "moved")), activity["id"]


def test_a_quarter_moved_twice_is_a_chain(base_project: Path) -> None:
    apply_edits(
        base_project,
        [
            (
                "data/action-plans/ap-2024-2025.yml",
                "reason: {en: Late tender., fr: Appel d'offres tardif.}}\n",
                "reason: {en: Late tender., fr: Appel d'offres tardif.}}\n"
                "              - {date: 2024-03-31, field: end, previous: 2024-Q2, "
                "reason: {en: First delay., fr: Premier retard.}}\n",
            )
        ],
    )
    moves = deadline_moves(open_session(base_project).data)
    found = [(str(m.date), str(m.before), str(m.after), m.times) for m in moves]
    assert found == [
        ("2024-03-31", "2024-Q2", "2024-Q3", 2),
        ("2024-06-30", "2024-Q3", "2024-Q4", 2),
    ]
    assert {str(m.adopted) for m in moves} == {"2024-Q2"}
