"""Build tests of the activity page, checked against values computed here from data/."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

DATA = ROOT / "data"
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def read(name: str) -> Any:
    """Read a data file with plain PyYAML (dates as dates; enough for these checks)."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


SITE = read("site.yml")
LANGS: list[str] = SITE["languages"]
PLANS = [read(f"action-plans/{p.name}") for p in sorted((DATA / "action-plans").glob("*.yml"))]
ACTIVITIES: dict[str, dict[str, Any]] = {
    a["id"]: a for p in PLANS for pa in p["areas"] for m in pa["measures"] for a in m["activities"]
}
YEARS = sorted(
    (read(f"monitoring/{p.name}") for p in (DATA / "monitoring").glob("*.yml")),
    key=lambda m: m["year"],
)
PUBLISHED = [m for m in YEARS if m["status"] == "published"]
DRAFTS = [m for m in YEARS if m["status"] != "published"]
ASSESSMENTS = [read(f"assessments/{p.name}") for p in (DATA / "assessments").glob("*.yml")]
INSTITUTIONS = {i["id"]: i for i in read("institutions.yml")}


def tr(text: str | dict[str, str], lang: str) -> str:
    """Return data text in a language, or in the default language when missing."""
    if isinstance(text, str):
        return text
    return text.get(lang) or text[SITE["default_language"]]


@dataclass
class Element:
    """What is inside one element: its text, classes and links."""

    text: str = ""
    classes: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Finder(HTMLParser):
    """Collect the contents of the element with a given id."""

    def __init__(self, target: str, attr: str) -> None:
        super().__init__(convert_charrefs=True)
        self.target = target
        self.attr = attr
        self.depth = 0
        self.found: Element | None = None
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if self.depth == 0 and self.found is None and attr.get(self.attr) == self.target:
            self.found = Element()
            self.depth = 1 if tag not in VOID else 0
            return
        if self.depth and self.found is not None:
            self.found.classes.update(attr.get("class", "").split())
            if "href" in attr:
                self.found.hrefs.append(attr["href"])
            if "id" in attr:
                self.found.ids.add(attr["id"])
            if tag not in VOID:
                self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def element(page: str, element_id: str, attr: str = "id") -> Element:
    """Return the element with the id (or another attribute), its text with spaces tidied."""
    finder = _Finder(element_id, attr)
    finder.feed(page)
    assert finder.found is not None, f"no element with id {element_id!r}"
    finder.found.text = re.sub(r"\s+", " ", " ".join(finder.parts)).strip()
    return finder.found


def table(page: str, caption_id: str) -> Element:
    """Return a PlanPress table: the scrolling region named by the caption's id."""
    return element(page, caption_id, "aria-labelledby")


def has_id(page: str, element_id: str) -> bool:
    """Tell whether the page has an element with the id."""
    return f'id="{element_id}"' in page


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    """The example, built once for the whole run (tests/conftest.py)."""
    return example_site


def page(site: Path, lang: str, activity_id: str) -> str:
    return (site / lang.lower() / "activities" / activity_id / "index.html").read_text("utf-8")


def euro(amount: float) -> str:
    """Format whole euros as English does (€12,000)."""
    return f"€{amount:,.0f}"


def quarter_en(text: str) -> str:
    """Format 2025-Q2 as English does (Q2 2025)."""
    year, q = text.split("-Q")
    return f"Q{q} {year}"


def reports(activity_id: str, years: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Return what each of these monitoring years says about the activity."""
    return {
        m["year"]: m["activities"][activity_id] for m in years if activity_id in m["activities"]
    }


# ---------------------------------------------------------------- every page


@pytest.mark.parametrize("lang", LANGS)
def test_every_activity_has_a_page_with_its_sections(site: Path, lang: str) -> None:
    for activity_id, activity in ACTIVITIES.items():
        found = page(site, lang, activity_id)
        title = element(found, "activity-title").text
        # A translation marked outdated or missing carries a badge after the title.
        assert title.startswith(f"{activity_id} {tr(activity['title'], lang)}")
        for section in ("activity-facts", "planned-start", "planned-end", "latest-status"):
            assert has_id(found, section), (activity_id, section)
        for section in ("budget-table", "result-indicators", "cite-text"):
            assert has_id(found, section), (activity_id, section)
        lead = element(found, "activity-facts").hrefs
        for inst in activity["lead"] + activity.get("partners", []):
            assert f"../../institutions/{inst}/" in lead


def test_the_activities_list_still_links_every_activity(site: Path) -> None:
    listing = (site / "en" / "activities" / "index.html").read_text("utf-8")
    for activity_id in ACTIVITIES:
        assert f'href="{activity_id}/"' in listing


# ------------------------------------------------------------ planned dates


@pytest.mark.parametrize("lang", LANGS)
def test_a_moved_end_shows_the_badge_the_adopted_quarter_and_the_reason(
    site: Path, lang: str
) -> None:
    activity = ACTIVITIES["1.1.3"]
    revision = next(r for r in activity["revisions"] if r["field"] == "end")
    end = element(page(site, lang, "1.1.3"), "planned-end")
    assert "pp-badge--moved" in end.classes
    assert tr(revision["reason"], lang) in end.text
    start = element(page(site, lang, "1.1.3"), "planned-start")
    assert "pp-badge--moved" not in start.classes


def test_moved_dates_in_english_say_adopted_and_current(site: Path) -> None:
    for activity_id, activity in ACTIVITIES.items():
        for name in ("start", "end"):
            moves = sorted(
                (r for r in activity.get("revisions", []) if r["field"] == name),
                key=lambda r: r["date"],
            )
            shown = element(page(site, "en", activity_id), f"planned-{name}")
            current = quarter_en(activity[name])
            assert shown.text.startswith(current), (activity_id, name)
            if not moves:
                assert "moved" not in shown.text
                continue
            adopted = quarter_en(moves[0]["previous"])
            assert f"moved (as adopted: {adopted})" in shown.text
            date = moves[0]["date"]
            assert f"On {date:%B} {date.day}, {date.year}, moved from {adopted} to" in shown.text
            for move in moves:  # every move with its reason
                assert tr(move["reason"], "en") in shown.text, (activity_id, name)


# ----------------------------------------------------------------- timeliness


def quarter(text: str) -> tuple[int, int]:
    """Read 2025-Q2 as (2025, 2)."""
    year, q = text.split("-Q")
    return int(year), int(q)


def last_day(found: tuple[int, int]) -> dt.date:
    """Return the last day of a quarter."""
    year, q = found
    return dt.date(year + q // 4, q % 4 * 3 + 1, 1) - dt.timedelta(days=1)


def expected_timeliness(activity_id: str) -> str | None:
    """Recompute the published timeliness rule and its English sentence from the YAML."""
    reference = dt.date(PUBLISHED[-1]["year"], 12, 31)
    found = reports(activity_id, PUBLISHED)
    year = max(found) if found else None
    status = found[year]["status"] if year else "not_reported"
    activity = ACTIVITIES[activity_id]
    start, end = (quarter(activity[name]) for name in ("start", "end"))
    words = status.replace("_", " ").capitalize()
    said = f"the {year} report says “{words}”." if year else None
    if last_day(end) < reference and status not in ("completed", "cancelled"):
        tail = said or "no published report mentions this activity."
        return f"Overdue: planned to end in {quarter_en(activity['end'])}; {tail}"
    if dt.date(start[0], 3 * start[1] - 2, 1) <= reference and status in (
        "not_started",
        "not_reported",
    ):
        tail = said or "no published report mentions this activity yet."
        return f"Late start: planned to start in {quarter_en(activity['start'])}; {tail}"
    return None


def test_timeliness_is_explained_in_a_sentence_or_not_at_all(site: Path) -> None:
    kinds = set()
    for activity_id in ACTIVITIES:
        found = page(site, "en", activity_id)
        expected = expected_timeliness(activity_id)
        if expected is None:
            assert not has_id(found, "timeliness"), activity_id
            continue
        kinds.add(expected.split(":")[0])
        sentence = element(found, "timeliness")
        assert sentence.text.startswith(expected), (activity_id, sentence.text)
        assert "../../methodology/#timeliness" in sentence.hrefs
    assert kinds == {"Overdue", "Late start"}, "the example should show both kinds"


@pytest.mark.parametrize("lang", LANGS)
def test_an_overdue_activity_is_explained_in_every_language(site: Path, lang: str) -> None:
    found = page(site, lang, "3.1.3")
    sentence = element(found, "timeliness")
    assert "pp-timeliness--overdue" in found
    assert "2025" in sentence.text and "{" not in sentence.text
    assert "pp-badge--overdue" in element(found, "latest-status").classes


# ---------------------------------------------------------------------- money


def budget_of(lang: str, site: Path, activity_id: str) -> Element:
    return table(page(site, lang, activity_id), "budget-table")


def spent_total(activity_id: str) -> float | None:
    amounts = [
        r["spent"] for r in reports(activity_id, PUBLISHED).values() if r.get("spent") is not None
    ]
    return sum(amounts) if amounts else None


def test_spent_is_summed_over_published_years_only(site: Path) -> None:
    checked = 0
    for activity_id, activity in ACTIVITIES.items():
        budget = activity["budget"]
        if isinstance(budget, dict) and budget.get("currency", SITE["currency"]) != "EUR":
            continue
        shown = budget_of("en", site, activity_id).text
        total = spent_total(activity_id)
        if total is None:
            assert "Spent (all published reports) not reported" in shown, activity_id
        else:
            assert f"Spent (all published reports) {euro(total)}" in shown, activity_id
            checked += 1
    assert checked >= 10
    draft_spent = [a for m in DRAFTS for a, r in m["activities"].items() if r.get("spent")]
    assert draft_spent, "the example's draft year should report some spending"


def test_costed_budget_in_full(site: Path) -> None:
    activity = ACTIVITIES["1.1.4"]
    budget = activity["budget"]
    secured = sum(s["amount"] for s in budget["sources"] if s["status"] == "secured")
    pledged = sum(s["amount"] for s in budget["sources"] if s["status"] == "pledged")
    shown = budget_of("en", site, "1.1.4").text
    assert f"Cost {euro(budget['cost'])}" in shown
    assert f"Secured {euro(secured)}" in shown
    assert f"Pledged {euro(pledged)}" in shown
    assert f"Funding gap {euro(budget['cost'] - secured - pledged)}" in shown
    sources = table(page(site, "en", "1.1.4"), "funding-sources")
    assert "../../institutions/DONOR-SWISS/" in sources.hrefs


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("activity_id", "state"), [("3.1.4", "not_costed"), ("3.1.3", "no_funding_required")]
)
def test_budget_states_are_words_never_zero(
    site: Path, lang: str, activity_id: str, state: str
) -> None:
    assert ACTIVITIES[activity_id]["budget"] == state
    budget = budget_of(lang, site, activity_id)
    assert f"pp-budget-state--{state}" in budget.classes
    assert not {"pp-money-secured", "pp-money-pledged", "pp-money-gap"} & budget.classes
    assert not re.search(r"\d", element(page(site, lang, activity_id), "money-cost").text)
    if lang == "en":
        words = {"not_costed": "Not costed", "no_funding_required": "No funding required"}
        assert budget.text.startswith(f"Budget of activity {activity_id} Cost {words[state]}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_budget_in_another_currency_is_shown_in_it(site: Path, lang: str) -> None:
    budget = ACTIVITIES["1.2.3"]["budget"]
    assert budget["currency"] == "CHF"
    found = page(site, lang, "1.2.3")
    shown = budget_of(lang, site, "1.2.3").text
    assert "CHF" in shown and "€" not in shown
    assert "pp-currency-note" in found
    if lang == "en":
        assert "Cost CHF12,000" in shown


@pytest.mark.parametrize("lang", LANGS)
def test_a_revised_budget_shows_adopted_and_current_with_the_reason(site: Path, lang: str) -> None:
    activity = ACTIVITIES["1.3.1"]
    revision = next(r for r in activity["revisions"] if r["field"] == "budget")
    found = page(site, lang, "1.3.1")
    change = table(found, "budget-change")
    assert tr(revision["reason"], lang) in html.unescape(found)
    if lang == "en":
        adopted, current = revision["previous"]["cost"], activity["budget"]["cost"]
        assert f"Cost {euro(adopted)} {euro(current)}" in change.text


# --------------------------------------------------------------- yearly reports


@pytest.mark.parametrize("lang", LANGS)
def test_each_published_year_is_reported_and_drafts_are_not(site: Path, lang: str) -> None:
    for activity_id in ("1.1.3", "3.1.3", "1.3.1"):
        found = page(site, lang, activity_id)
        published = reports(activity_id, PUBLISHED)
        assert published
        for year, report in published.items():
            section = element(found, f"report-{year}")
            assert f"pp-status--{report['status']}" in section.classes
            assert tr(report["narrative"], lang) in section.text
            if "reason" in report:
                assert tr(report["reason"], lang) in section.text
            for evidence in report.get("evidence", []):
                assert evidence["url"] in section.hrefs
            reporter = f"../../institutions/{report['reported_by']}/"
            assert reporter in section.hrefs
        for draft in DRAFTS:
            assert not has_id(found, f"report-{draft['year']}")


def test_a_year_row_shows_progress_and_spent(site: Path) -> None:
    for year, report in reports("1.1.3", PUBLISHED).items():
        row = element(page(site, "en", "1.1.3"), f"year-{year}")
        assert f"{report['progress']}%" in row.text
        if "spent" in report:
            assert euro(report["spent"]) in row.text


def test_a_postponed_year_says_why(site: Path) -> None:
    report = PUBLISHED[-1]["activities"]["3.1.3"]
    assert report["status"] == "postponed"
    section = element(page(site, "en", "3.1.3"), f"report-{PUBLISHED[-1]['year']}")
    assert f"Why it was postponed {report['reason']['en']}" in section.text


def test_draft_reports_are_mentioned_but_not_counted(site: Path) -> None:
    draft = DRAFTS[0]
    activity_id = next(iter(draft["activities"]))
    found = page(site, "en", activity_id)
    assert f"The {draft['year']} report is still a draft" in found
    assert not has_id(found, f"report-{draft['year']}")


# ------------------------------------------------------ independent assessments


def assessed() -> list[tuple[int, str, str, str]]:
    """Return (year, activity, assessor's status, government's status) for every assessment."""
    rows = []
    for assessment in ASSESSMENTS:
        year = assessment["year"]
        for activity_id, view in assessment["activities"].items():
            report = reports(activity_id, PUBLISHED).get(year)
            rows.append((year, activity_id, view["status"], report["status"] if report else ""))
    return rows


def test_every_assessment_is_shown_beside_the_government_status(site: Path) -> None:
    differ = 0
    for year, activity_id, status, government in assessed():
        row = element(page(site, "en", activity_id), f"year-{year}")
        assert f"pp-status--{status}" in row.classes
        if status == government:
            assert "pp-agreement" in row.classes and "pp-disagreement" not in row.classes
            assert "Same status as the government's report." in row.text
        else:
            differ += 1
            assert "pp-disagreement" in row.classes, activity_id
            assert "Differs from the government's report" in row.text
    assert differ >= 5


@pytest.mark.parametrize("lang", LANGS)
def test_a_disagreement_is_flagged_in_every_language(site: Path, lang: str) -> None:
    assessment = ASSESSMENTS[0]
    view = assessment["activities"]["3.1.3"]
    section = element(page(site, lang, "3.1.3"), f"report-{assessment['year']}")
    assert "pp-disagreement" in section.classes
    assert tr(view["comment"], lang) in section.text
    assert assessment["url"] in section.hrefs
    assert f"../../institutions/{assessment['assessor']}/" in section.hrefs


# -------------------------------------------------------------- recommendations


@pytest.mark.parametrize("lang", LANGS)
def test_recommendations_are_linked(site: Path, lang: str) -> None:
    rec_id = ACTIVITIES["1.2.1"]["recommendations"][0]
    found = element(page(site, lang, "1.2.1"), f"responds-{rec_id}")
    assert f"../../recommendations/{rec_id}/" in found.hrefs


@pytest.mark.parametrize("lang", LANGS)
def test_evaluation_recommendations_show_text_and_evaluation(site: Path, lang: str) -> None:
    for evaluation in read("evaluations.yml"):
        for rec in evaluation["recommendations"]:
            for activity_id in rec.get("activities", []):
                found = element(page(site, lang, activity_id), f"responds-{rec['id']}")
                assert tr(rec["text"], lang) in found.text
                assert evaluation["id"] in found.text
                assert not any("recommendations/" in href for href in found.hrefs)


# ------------------------------------------------------------------- citation


@pytest.mark.parametrize("lang", LANGS)
def test_cite_this_page(site: Path, lang: str) -> None:
    activity = ACTIVITIES["3.1.3"]
    found = page(site, lang, "3.1.3")
    cite = element(found, "cite-text")
    url = f"{SITE['base_url']}{lang.lower()}/activities/3.1.3/"
    publisher = tr(INSTITUTIONS[SITE["publisher"]]["name"], lang)
    assert url in cite.text
    assert publisher in cite.text
    assert tr(activity["title"], lang) in cite.text
    assert str(PUBLISHED[-1]["published"].year) in cite.text
    assert '<pre class="pp-cite" id="cite-text"' in found
    bibtex = element(found, "cite-bibtex").text
    assert bibtex.startswith("@misc{activity-3-1-3-") and f"url = {{{url}}}" in bibtex
    [item] = json.loads(element(found, "cite-csl").text)
    assert item["URL"] == url and item["type"] == "webpage"
    assert item["issued"]["date-parts"][0][0] == PUBLISHED[-1]["published"].year
    if lang == "en":
        edition = PUBLISHED[-1]["published"]
        assert f"Edition of {edition:%B} {edition.day}, {edition.year}." in cite.text
