"""Evaluation pages: the list, findings by criterion, responses and follow-up activities.

Expected values are read from data/*.yml here, never from the code under test.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from docs_build.render.evaluations import findings, follow_up_activities
from docs_build.session import open_session
from tests.conftest import ROOT, apply_edits

LANGS = ("en", "sq", "sr-cyrl")
ORDER = ("relevance", "coherence", "effectiveness", "efficiency", "impact", "sustainability")
TAG = re.compile(r"<[^>]+>")
ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.DOTALL)


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    """The example built once for the whole run (tests/conftest.py)."""
    return example_site


def load(name: str) -> Any:
    """Read a data file of the example as plain YAML."""
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def plans() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(p.read_text("utf-8")) for p in sorted(ROOT.glob("data/action-plans/*.yml"))
    ]


def activities() -> list[dict[str, Any]]:
    return [
        a for p in plans() for area in p["areas"] for m in area["measures"] for a in m["activities"]
    ]


def english() -> dict[str, Any]:
    strings: dict[str, Any] = yaml.safe_load(
        (ROOT / "theme" / "i18n" / "en.yml").read_text(encoding="utf-8")
    )
    return strings


def article(site: Path, lang: str, path: str) -> str:
    text = (site / lang / path / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


def words(fragment: str) -> str:
    return " ".join(htmllib.unescape(TAG.sub(" ", fragment)).split())


def section(content: str, element_id: str) -> str:
    """Return the <section> labelled by an element id."""
    start = content.index(f'<section class="pp-evaluation-rec" aria-labelledby="{element_id}"')
    return content[start : content.index("</section>", start)]


def test_every_evaluation_page_exists_in_every_language(site: Path) -> None:
    for lang in LANGS:
        assert (site / lang / "evaluations" / "index.html").is_file()
        for evaluation in load("evaluations.yml"):
            assert (site / lang / "evaluations" / evaluation["id"] / "index.html").is_file()


def test_the_list_counts_recommendations_by_response(site: Path) -> None:
    content = article(site, "en", "evaluations")
    for evaluation in load("evaluations.yml"):
        recs = evaluation.get("recommendations", [])
        row = re.search(
            rf'<tr id="evaluation-{re.escape(evaluation["id"])}">(.*?)</tr>', content, re.S
        )
        assert row, evaluation["id"]
        cells = [words(c) for c in CELL.findall(row.group(1))]
        responses = [
            sum(r["response"] == k for r in recs)
            for k in ("accepted", "partially_accepted", "rejected")
        ]
        assert cells[-4:] == [str(len(recs)), *map(str, responses)]
        assert cells[0] == evaluation["id"]
        assert english()[f"evaluation.kind.{evaluation['kind']}"] in cells
        assert english()[f"evaluation.type.{evaluation['type']}"] in cells


def test_the_subject_is_linked(site: Path) -> None:
    strategy_id = load("strategy.yml")["id"]
    for evaluation in load("evaluations.yml"):
        content = article(site, "en", f"evaluations/{evaluation['id']}")
        target = (
            "../../strategy/"
            if evaluation["subject"] == strategy_id
            else (f"../../action-plans/{evaluation['subject']}/")
        )
        assert f'href="{target}"' in content
        if evaluation["subject"] == strategy_id:
            strategy_page = article(site, "en", "strategy")
            assert f'href="../evaluations/{evaluation["id"]}/"' in strategy_page


def test_findings_follow_the_fixed_order(site: Path) -> None:
    for evaluation in load("evaluations.yml"):
        given = evaluation.get("criteria", {})
        for lang in LANGS:
            content = article(site, lang, f"evaluations/{evaluation['id']}")
            shown = re.findall(r'<h3 id="criterion-([a-z]+)">', content)
            assert shown == [c for c in ORDER if c in given]
        content = article(site, "en", f"evaluations/{evaluation['id']}")
        for criterion, text in given.items():
            after = content[content.index(f'id="criterion-{criterion}"') :]
            assert words(text["en"]) in words(after[: after.index("</section>")])


def test_every_recommendation_shows_its_response_and_follow_up(site: Path) -> None:
    strings = english()
    named_by: dict[str, list[str]] = {}
    for activity in activities():
        for rec_id in activity.get("recommendations", []):
            named_by.setdefault(rec_id, []).append(activity["id"])
    for evaluation in load("evaluations.yml"):
        content = article(site, "en", f"evaluations/{evaluation['id']}")
        for rec in evaluation.get("recommendations", []):
            assert f'<h3 id="{rec["id"]}">' in content
            part = section(content, rec["id"])
            response = strings[f"evaluation.response.{rec['response']}"]
            assert f'pp-badge--response-{rec["response"]}">{response}</span>' in part
            assert words(rec["text"]["en"]) in words(part)
            if rec.get("action"):
                assert words(rec["action"]["en"]) in words(part)
            expected = set(rec.get("activities", [])) | set(named_by.get(rec["id"], []))
            linked = set(re.findall(r'<th scope="row"><a href="../../activities/([^/]+)/">', part))
            assert linked == expected, rec["id"]
            if expected:
                assert 'class="pp-status pp-status--' in part
            else:
                assert strings["evaluation.no_follow_up"] in part


def test_the_example_has_a_recommendation_without_follow_up() -> None:
    """Guard: the example must keep the case 'no follow-up activity' covered."""
    recs = [r for e in load("evaluations.yml") for r in e.get("recommendations", [])]
    named = {r for a in activities() for r in a.get("recommendations", [])}
    assert any(not r.get("activities") and r["id"] not in named for r in recs)


def test_criteria_order_and_follow_up_from_both_sides(base_project: Path) -> None:
    apply_edits(
        base_project,
        [
            (
                "data/evaluations.yml",
                "    relevance: {en: Relevant., fr: Pertinent.}\n",
                "    sustainability: {en: Lasting., fr: Durable.}\n"
                "    relevance: {en: Relevant., fr: Pertinent.}\n"
                "    efficiency: {en: Cheap., fr: Efficient.}\n",
            ),
            (
                "data/action-plans/ap-2024-2025.yml",
                "            budget: no_funding_required\n",
                "            budget: no_funding_required\n"
                "            recommendations: [mid-2025-R1]\n",
            ),
        ],
    )
    data = open_session(base_project).data
    evaluation = data.evaluations[0]
    assert [f.criterion for f in findings(evaluation)] == [
        "relevance",
        "efficiency",
        "sustainability",
    ]
    follow = [a.id for a in follow_up_activities(data, evaluation.recommendations[0])]
    assert follow == ["2.1.1", "2.1.2"]
