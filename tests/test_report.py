"""Annual reports as editions: counts against an independent reading of the YAML,
what changed between 2024 and 2025, revisions undone for earlier editions,
corrections, independent assessments side by side, and citations of editions."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from docs_build.dataset import load_dataset
from docs_build.edition import activity_at, edition, edition_data
from docs_build.i18n import interface_languages
from docs_build.model import Quarter
from tests.conftest import ROOT

DATA = ROOT / "data"
LANGS = ("en", "sq", "sr-cyrl")
Yaml = dict[str, Any]


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def monitoring() -> dict[int, Yaml]:
    return {int(p.stem): load(p) for p in sorted((DATA / "monitoring").glob("*.yml"))}


def plans() -> list[Yaml]:
    return [load(p) for p in sorted((DATA / "action-plans").glob("*.yml"))]


def activities(plan: Yaml) -> list[Yaml]:
    return [a for area in plan["areas"] for m in area["measures"] for a in m["activities"]]


def quarter_year(text: str) -> int:
    return int(str(text).split("-Q")[0])


def at_edition(activity: Yaml, field: str, cutoff: dt.date | None) -> str:
    """The field's value when the edition was published: later revisions undone."""
    later = sorted(
        (r for r in activity.get("revisions", []) if r["field"] == field),
        key=lambda r: r["date"],
    )
    for revision in later:
        if cutoff is not None and revision["date"] > cutoff:
            return str(revision["previous"])
    return str(activity[field])


def expected_glance(year: int) -> dict[str, int]:
    """Count the report's figures straight from the YAML, without the code under test."""
    years = monitoring()
    report = years[year]
    cutoff = report.get("published") if report["status"] == "published" else None
    reported = {str(k): v for k, v in (report.get("activities") or {}).items()}
    earlier_reported = {
        str(k) for y, m in years.items() if y <= year for k in (m.get("activities") or {})
    }
    assessed: dict[str, list[str]] = {}
    for path in (DATA / "assessments").glob("*.yml"):
        assessment = load(path)
        if assessment["year"] == year:
            for key, item in assessment["activities"].items():
                assessed.setdefault(str(key), []).append(item["status"])
    chosen: list[str] = []
    for plan in plans():
        acts = activities(plan)
        if (
            cutoff
            and plan["adopted"] > cutoff
            and not any(a["id"] in earlier_reported for a in acts)
        ):
            continue
        for a in acts:
            start = quarter_year(at_edition(a, "start", cutoff))
            end = quarter_year(at_edition(a, "end", cutoff))
            if a["id"] in reported or a["id"] in assessed or start <= year <= end:
                chosen.append(a["id"])
    statuses = Counter(reported[a]["status"] if a in reported else "not_reported" for a in chosen)
    differs = sum(
        any(s != (reported[a]["status"] if a in reported else "not_reported") for s in assessed[a])
        for a in chosen
        if a in assessed
    )
    areas = report.get("areas") or {}
    counts = {f"glance-status-{s}": n for s, n in statuses.items()}
    counts["glance-activities"] = len(chosen)
    counts["glance-assessed"] = sum(a in assessed for a in chosen)
    counts["glance-disagreements"] = differs
    counts["glance-areas-on-track"] = sum(a["assessment"] == "on_track" for a in areas.values())
    counts["glance-areas-off-track"] = sum(a["assessment"] == "off_track" for a in areas.values())
    return counts


def page(site: Path, lang: str, path: str) -> str:
    return (site / lang / path / "index.html").read_text(encoding="utf-8")


def counts_on(text: str) -> dict[str, int]:
    """Read the figures at a glance: row id -> the count in its data attribute."""
    rows = re.findall(
        r'<tr id="(glance-[a-z_-]+)"[^>]*>(?:(?!</tr>).)*?data-pp-count="(\d+)"', text, re.S
    )
    return {row: int(count) for row, count in rows}


@pytest.mark.parametrize("year", sorted(monitoring()))
def test_report_counts_equal_the_data_in_every_language(example_site: Path, year: int) -> None:
    expected = expected_glance(year)
    for lang in LANGS:
        shown = counts_on(page(example_site, lang, f"reports/{year}"))
        for key, value in expected.items():
            assert shown.get(key, 0) == value, (lang, year, key)
        statuses = {k: v for k, v in shown.items() if k.startswith("glance-status-")}
        assert sum(statuses.values()) == shown["glance-activities"]


def latest_status(years: dict[int, Yaml], until: int) -> dict[str, str]:
    found: dict[str, str] = {}
    for year in sorted(y for y in years if y <= until and years[y]["status"] == "published"):
        for key, item in (years[year].get("activities") or {}).items():
            found[str(key)] = item["status"]
    return found


def test_transitions_2024_to_2025(example_site: Path) -> None:
    years = monitoring()
    before, after = latest_status(years, 2024), latest_status(years, 2025)
    cutoff = years[2024]["published"]
    in_both = [a["id"] for p in plans() if p["adopted"] <= cutoff for a in activities(p)]
    expected = Counter(
        (before.get(a, "not_reported"), after.get(a, "not_reported"))
        for a in in_both
        if before.get(a, "not_reported") != after.get(a, "not_reported")
    )
    assert sum(expected.values()) > 10
    for lang in LANGS:
        text = page(example_site, lang, "reports/2025/changes")
        rows = re.findall(
            r'data-pp-from="([a-z_]+)" data-pp-to="([a-z_]+)">(?:(?!</tr>).)*?data-pp-count="(\d+)"',
            text,
            re.S,
        )
        assert Counter({(b, a): int(n) for b, a, n in rows}) == expected, lang
        completed = {a for a in in_both if after.get(a) == "completed" != before.get(a)}
        section = text.split('id="newly-completed"')[1].split("<h2")[0]
        assert set(re.findall(r'activities/([^/"]+)/"', section)) >= completed


def test_first_report_has_nothing_to_compare(example_site: Path) -> None:
    text = page(example_site, "en", "reports/2024/changes")
    assert 'id="first-report"' in text
    assert "transition-table" not in text


def test_revisions_after_an_edition_are_undone_for_it(example_site: Path) -> None:
    # IMP-1's baseline was corrected from 42 to 38 on 2025-06-30, after the 2024
    # edition (2025-03-14) and before the 2025 one (2026-03-16).
    def baseline_cell(text: str) -> str:
        row = text.split('href="../../indicators/IMP-1/"')[1].split("</tr>")[0]
        return re.sub(r"<[^>]+>", "", row.split("<td")[1])

    assert "42" in baseline_cell(page(example_site, "en", "reports/2024"))
    assert "38" in baseline_cell(page(example_site, "en", "reports/2025"))
    indicator = page(example_site, "en", "indicators/IMP-1")
    assert "38" in indicator  # the item page shows the latest


def test_activity_as_it_stood_on_a_date() -> None:
    data, _ = load_dataset(ROOT, interface_languages(ROOT))
    assert data is not None
    activity = data.index.activities["1.1.3"]
    moves = sorted((r for r in activity.revisions if r.field == "end"), key=lambda r: r.date)
    assert moves, "the example moves the end of 1.1.3"
    before = activity_at(activity, moves[0].date - dt.timedelta(days=1))
    assert before.end == moves[0].previous
    assert isinstance(before.end, Quarter) and before.end != activity.end
    assert before.revisions == tuple(r for r in activity.revisions if r.date < moves[0].date)
    assert activity_at(activity, moves[-1].date) is activity
    # the edition of 2024 keeps later years out and counts its own year as published
    frozen = edition_data(data, 2024)
    assert [m.year for m in frozen.monitoring] == [2024]
    assert edition(data, 2024).data.monitoring == frozen.monitoring


def test_corrections_are_shown_on_their_edition(example_site: Path) -> None:
    years = monitoring()
    for year, report in years.items():
        for lang in LANGS:
            text = page(example_site, lang, f"reports/{year}")
            if report.get("corrections"):
                section = text.split('id="corrections"')[1]
                for correction in report["corrections"]:
                    what = correction["what"].get(lang.replace("sr-cyrl", "sr-Cyrl"))
                    if what:
                        assert html.escape(what.split(" (")[0], quote=False)[:40] in section
            else:
                assert 'id="corrections"' not in text


def test_every_independent_assessment_is_beside_the_government(example_site: Path) -> None:
    years = monitoring()
    for path in (DATA / "assessments").glob("*.yml"):
        assessment = load(path)
        report = years[assessment["year"]]
        for lang in LANGS:
            text = page(example_site, lang, f"reports/{assessment['year']}")
            table = text.split('id="independent-table"')[1].split("</table>")[0]
            for key, item in assessment["activities"].items():
                rows = re.findall(
                    rf'<tr class="pp-judgement pp-judgement--(agrees|differs)" data-pp-activity="{re.escape(str(key))}"[^>]*>(.*?)</tr>',
                    table,
                    re.S,
                )
                assert len(rows) == 1, (lang, key)
                government = (report.get("activities") or {}).get(key, {}).get("status")
                kind, row = rows[0]
                assert kind == ("agrees" if government == item["status"] else "differs")
                assert f"pp-status--{item['status']}" in row
                assert f"pp-status--{government or 'not_reported'}" in row
            activity = page(example_site, lang, f"activities/{key}")
            assert "pp-assessment--" in activity


def test_editions_are_cited_with_their_own_date(example_site: Path) -> None:
    for year, report in monitoring().items():
        text = page(example_site, "en", f"reports/{year}")
        csl = html.unescape(text.split('id="cite-csl"')[1].split(">", 1)[1].split("</pre>")[0])
        item = json.loads(csl)
        item = item[0] if isinstance(item, list) else item
        if report["status"] == "published":
            day = report["published"]
            assert item["issued"] == {"date-parts": [[day.year, day.month, day.day]]}
            assert "Cite this edition" in text
            assert "shows the report as it was published" in text
        else:
            assert "issued" not in item
            assert "pp-draft-banner" in text
            assert "This is a draft" in text and "as it was published" not in text


def test_changes_list_the_moves_between_two_editions(example_site: Path) -> None:
    years = monitoring()
    after, until = years[2024]["published"], years[2025]["published"]
    expected: Counter[tuple[str, str]] = Counter()
    everything: Counter[tuple[str, str]] = Counter()
    items = [("activity", a) for p in plans() for a in activities(p)]
    items += [("indicator", i) for i in load(DATA / "indicators.yml")]
    for kind, item in items:
        for revision in item.get("revisions", []):
            key = (f"{kind}:{item['id']}", revision["field"])
            everything[key] += 1
            if after < revision["date"] <= until:
                expected[key] += 1
    assert 0 < sum(expected.values()) < sum(everything.values())
    text = page(example_site, "en", "reports/2025/changes")
    shown = Counter(re.findall(r'data-pp-item="([^"]+)" data-pp-field="([a-z]+)"', text))
    assert shown == expected
