"""The recommendations tracker: counts, unanswered first, one table per monitoring body.

Expected values are read from data/*.yml here, never from the code under test.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from docs_build.model import Text
from docs_build.render.recommendations import shorten, tracker
from docs_build.session import open_session
from tests.conftest import ROOT, apply_edits
from tests.test_evaluations import (
    CELL,
    LANGS,
    ROW,
    activities,
    article,
    english,
    load,
    words,
)

DONE = ("completed", "cancelled")


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    """The example built once for the whole run (tests/conftest.py)."""
    return example_site


@pytest.fixture(scope="module")
def content(site: Path) -> str:
    return article(site, "en", "recommendations")


def responders() -> dict[str, list[str]]:
    """Map each recommendation id to the activities that name it, in plan order."""
    found: dict[str, list[str]] = {}
    for activity in activities():
        for rec_id in activity.get("recommendations", []):
            found.setdefault(rec_id, []).append(activity["id"])
    return found


def table(content: str, caption_id: str) -> str:
    start = content.index(f'aria-labelledby="{caption_id}"')
    return content[start : content.index("</table>", start)]


def rows(table_html: str) -> list[list[str]]:
    """Return the body rows of a table as lists of cell HTML."""
    body = table_html[table_html.index("<tbody>") :]
    return [CELL.findall(r) for r in ROW.findall(body)]


def quarter_end(text: str) -> dt.date:
    year, q = (int(x) for x in text.split("-Q"))
    return dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)


def published_years() -> list[dict[str, Any]]:
    """Return the published monitoring years of the example, oldest first."""
    years = [yaml.safe_load(p.read_text("utf-8")) for p in ROOT.glob("data/monitoring/*.yml")]
    return sorted((y for y in years if y["status"] == "published"), key=lambda y: y["year"])


def overdue_activities() -> set[str]:
    """Apply the published overdue rule to the example, from the YAML."""
    years = published_years()
    reference = dt.date(years[-1]["year"], 12, 31)
    latest: dict[str, str] = {}
    for year in years:
        for activity_id, report in (year.get("activities") or {}).items():
            latest[str(activity_id)] = report["status"]
    return {
        a["id"]
        for a in activities()
        if quarter_end(str(a["end"])) < reference
        and latest.get(a["id"], "not_reported") not in DONE
    }


def linked_activities(cell: str) -> list[str]:
    """Return the activity ids linked in a table cell, in order."""
    return re.findall(r'href="../activities/([^/]+)/"', cell)


def test_the_page_exists_in_every_language(site: Path) -> None:
    for lang in LANGS:
        text = article(site, lang, "recommendations")
        assert 'id="unanswered"' in text and 'id="recs-counts"' in text


def test_counts_by_status_and_unanswered(content: str) -> None:
    recs = load("recommendations.yml")
    strings = english()
    counts = {words(r[0]): words(r[1]) for r in rows(table(content, "recs-counts"))}
    for status in ("not_addressed", "in_progress", "implemented"):
        label = strings[f"recommendation_status.{status}"]
        assert counts[label] == str(sum(r["status"] == status for r in recs)), status
    unanswered = [r["id"] for r in recs if r["id"] not in responders()]
    assert counts[strings["recs.unanswered_row"]] == str(len(unanswered))
    assert counts[strings["table.total"]] == str(len(recs))
    summary = words(content[content.index('class="pp-recs-summary"') :].split("</p>")[0] + ">")
    assert f"tracks {len(recs)} recommendations" in summary
    assert f"to {len(unanswered)} of them" in summary


def test_unanswered_come_first(content: str) -> None:
    recs = load("recommendations.yml")
    answered = responders()
    expected = [
        r["id"]
        for r in sorted(recs, key=lambda r: (r["issued"], r["id"]))
        if r["id"] not in answered
    ]
    assert expected, "the example should keep an unanswered recommendation"
    shown = [words(r[0]) for r in rows(table(content, "recs-unanswered"))]
    assert shown == expected
    first_body = content.index('<h2 id="body-')
    assert content.index('<h2 id="unanswered">') < first_body
    assert content.index('aria-labelledby="recs-unanswered"') < first_body


def test_one_table_per_body_sorted(content: str) -> None:
    recs = load("recommendations.yml")
    bodies = sorted({r["body"] for r in recs})
    assert re.findall(r'<h2 id="body-([^"]+)">', content) == bodies
    strings = english()
    for body in bodies:
        heading = re.search(rf'<h2 id="body-{re.escape(body)}">(.*?)</h2>', content)
        assert heading and heading.group(1) == strings.get(f"body.{body}", body)
        mine = sorted((r for r in recs if r["body"] == body), key=lambda r: (r["issued"], r["id"]))
        shown = rows(table(content, f"recs-body-{body}"))
        assert [words(r[0]) for r in shown] == [r["id"] for r in mine]
        for rec, cells in zip(mine, shown, strict=True):
            assert f'href="{rec["id"]}/"' in cells[0]
            assert strings[f"recommendation_status.{rec['status']}"] in words(cells[3])
            assert words(cells[2])[:40] == " ".join(rec["text"]["en"].split())[:40]


def test_responding_activities_with_status_and_overdue(content: str) -> None:
    recs = load("recommendations.yml")
    answered = responders()
    overdue = overdue_activities()
    strings = english()
    assert overdue & {a for ids in answered.values() for a in ids}, "the example should show one"
    for rec in recs:
        cells = rows(table(content, f"recs-body-{rec['body']}"))
        cell = next(c[4] for c in cells if words(c[0]) == rec["id"])
        items = re.findall(r"<li>(.*?)</li>", cell, re.S)
        expected = answered.get(rec["id"], [])
        assert [a for i in items for a in linked_activities(i)] == expected
        for activity_id, item in zip(expected, items, strict=True):
            assert (strings["timeliness.overdue"] in words(item)) == (activity_id in overdue)
        if not expected:
            assert strings["recommendations.no_response"] in words(cell)


def test_shorten_strips_markdown_and_ends_at_a_word() -> None:
    long = "**Adopt** a [law](https://example.org) " + "on victims' rights " * 20
    short = shorten(Text((("en", long), ("fr", "Court."))), width=60)
    values = dict(short.values)
    assert values["fr"] == "Court."
    assert values["en"].startswith("Adopt a law on victims' rights")
    assert values["en"].endswith(" …") and len(values["en"]) <= 60
    assert "*" not in values["en"] and "](" not in values["en"]


RECS = """\
- id: REC-1
  body: GRETA
  issued: 2023-05-01
  former_ids: [OLD-1]
  text: {en: Fund campaigns., fr: Financer des campagnes.}
  status: in_progress
- id: REC-0
  body: GRETA
  issued: 2024-01-10
  text: {en: A later one., fr: Une plus récente.}
  status: not_addressed
- id: REC-9
  body: CEDAW
  issued: 2022-01-10
  text: {en: The oldest one., fr: La plus ancienne.}
  status: implemented
"""


def test_tracker_sorts_by_body_then_date_and_reads_former_ids(base_project: Path) -> None:
    apply_edits(
        base_project,
        [
            ("data/recommendations.yml", None, RECS),
            (
                "data/action-plans/ap-2024-2025.yml",
                "recommendations: [REC-1]",
                "recommendations: [OLD-1]",
            ),
        ],
    )
    found = tracker(open_session(base_project).view("en"))
    assert [g.body for g in found.bodies] == ["CEDAW", "GRETA"]
    greta = [t.recommendation.id for t in found.bodies[1].items]
    assert greta == ["REC-1", "REC-0"]
    assert [t.recommendation.id for t in found.unanswered] == ["REC-9", "REC-0"]
    assert [r.activity.id for r in found.bodies[1].items[0].responses] == ["1.1.1"]
    assert [(c.status, c.count) for c in found.counts] == [
        ("not_addressed", 1),
        ("in_progress", 1),
        ("implemented", 1),
    ]
