"""Atom feeds of changes and iCalendar files of deadlines (issue 7)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser  # type: ignore[import-untyped]
import icalendar
import pytest

from docs_build.compute import data_date, published_years
from docs_build.export.calendar import calendar_path, report_due_years, write_calendars
from docs_build.export.feeds import element, feed_path, write_feeds
from docs_build.session import Session, open_session
from tests.conftest import ROOT, apply_edits


@pytest.fixture(scope="module")
def session() -> Session:
    """Return the real example, loaded once."""
    return open_session(ROOT)


@pytest.fixture(scope="module")
def written(session: Session, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the example's feeds and calendars once."""
    out = tmp_path_factory.mktemp("feeds")
    write_feeds(session.data, session.strings, out)
    write_calendars(session.data, session.strings, out)
    return out


def parse(path: Path) -> Any:
    """Parse a feed, failing on any well-formedness problem."""
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    return parsed


def test_every_feed_parses_with_dated_linked_entries(session: Session, written: Path) -> None:
    data = session.data
    for lang in data.site.languages:
        root = written / lang.lower()
        paths = [root / feed_path("all")]
        paths += [root / feed_path("area", a.id) for a in data.strategy.areas]
        paths += [root / feed_path("institution", i.id) for i in data.institutions]
        paths += [root / feed_path("activity", a) for a in data.index.activities]
        for path in paths:
            feed = parse(path)
            assert feed.version == "atom10"
            assert feed.feed.title and feed.feed.updated
            dates = [e.updated for e in feed.entries]
            assert dates == sorted(dates, reverse=True), path
            for entry in feed.entries:
                assert entry.title and entry.id.startswith("tag:example.org,")
                assert entry.link.startswith(data.site.base_url + lang.lower() + "/")
            if feed.entries:
                assert feed.feed.updated == feed.entries[0].updated
        everything = parse(root / feed_path("all"))
        assert len(everything.entries) > 50
        ids = [e.id for e in everything.entries]
        assert len(ids) == len(set(ids))


def test_updated_comes_from_the_data(session: Session, written: Path) -> None:
    feed = parse(written / "en" / feed_path("all"))
    corrections = [c.date for y in published_years(session.data) for c in y.corrections]
    newest = max([y.published for y in published_years(session.data) if y.published] + corrections)
    assert feed.feed.updated == f"{newest.isoformat()}T00:00:00Z"


def test_moved_deadline_of_1_1_3(written: Path) -> None:
    feed = parse(written / "en" / feed_path("activity", "1.1.3"))
    moved = [e for e in feed.entries if e.tags[0].term == "moved_end"]
    assert len(moved) == 1
    entry = moved[0]
    assert entry.updated == "2024-11-20T00:00:00Z"
    assert "Q4 2024" in entry.title and "Q2 2025" in entry.title
    assert "labour inspectorate" in entry.summary
    assert entry.link == "https://example.org/antitrafficking/en/activities/1.1.3/"
    assert entry.id == "tag:example.org,2024:antitrafficking/en/activities/1.1.3/end-2024-11-20-1"
    # The same change reaches the area, lead institution and whole-site feeds.
    for path in (feed_path("all"), feed_path("area", "1")):
        assert entry.id in [e.id for e in parse(written / "en" / path).entries]


def test_status_changes_between_2024_and_2025(session: Session, written: Path) -> None:
    data = session.data
    first, second = published_years(data)[:2]
    before = {data.index.activity_id(r.activity): r.status for r in first.activities}
    changed = {
        data.index.activity_id(r.activity): (before[data.index.activity_id(r.activity)], r.status)
        for r in second.activities
        if before.get(data.index.activity_id(r.activity), r.status) != r.status
    }
    assert changed, "the example should have an activity whose status changed"
    strings = session.strings["en"]
    for activity_id, (old, new) in changed.items():
        feed = parse(written / "en" / feed_path("activity", activity_id))
        entry = next(e for e in feed.entries if e.id.endswith(f"/{second.year}-report"))
        assert entry.tags[0].term == "status_changed"
        assert strings.t(f"status.{old}") in entry.title
        assert strings.t(f"status.{new}") in entry.title
        assert entry.updated == f"{second.published}T00:00:00Z"
        first_entry = next(e for e in feed.entries if e.id.endswith(f"/{first.year}-report"))
        assert first_entry.tags[0].term == "reported"


def test_feeds_are_in_the_feed_language(written: Path) -> None:
    feed = parse(written / "sr-cyrl" / feed_path("activity", "1.1.3"))
    assert feed.feed.language == "sr-Cyrl"
    assert "Ревизија" in feed.entries[0].title
    assert feed.entries[0].link.startswith("https://example.org/antitrafficking/sr-cyrl/")


def test_institution_feed_has_led_and_supported_activities(session: Session, written: Path) -> None:
    activities = session.data.index.activities.values()
    for institution in session.data.institutions:
        mine = {a.id for a in activities if institution.id in (*a.lead, *a.partners)}
        feed = parse(written / "en" / feed_path("institution", institution.id))
        linked = {e.link.rstrip("/").rsplit("/", 1)[1] for e in feed.entries}
        assert linked <= mine


def test_calendars(session: Session, written: Path) -> None:
    data = session.data
    calendar = icalendar.Calendar.from_ical((written / "en" / calendar_path()).read_bytes())
    events = list(calendar.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    starts = [(e.decoded("DTSTART"), str(e["UID"])) for e in events]
    assert starts == sorted(starts)
    stamp = data_date(data)
    assert {e.decoded("DTSTAMP").date() for e in events} == {stamp}
    due = [e for e in events if str(e["UID"]).startswith("report-")]
    assert [e.decoded("DTSTART") for e in due] == [
        dt.date(y + 1, 3, 31) for y in report_due_years(data)
    ]
    assert report_due_years(data) == [2026, 2027, 2028]
    ends = {str(e["UID"]): e.decoded("DTSTART") for e in events if "-end@" in str(e["UID"])}
    assert ends
    for uid, day in ends.items():
        activity = data.index.activities[uid.split("-end@")[0]]
        assert day == activity.end.last_day >= dt.date(2025, 12, 31)
        assert uid.endswith("@example.org")
    lead = "OFFICE-NC"
    own = icalendar.Calendar.from_ical((written / "en" / calendar_path(lead)).read_bytes()).walk(
        "VEVENT"
    )
    own_ids = {str(e["UID"]).split("-end@")[0] for e in own if "-end@" in str(e["UID"])}
    assert own_ids and all(lead in data.index.activities[a].lead for a in own_ids)


def test_two_writes_are_byte_identical(session: Session, tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        write_feeds(session.data, session.strings, out)
        write_calendars(session.data, session.strings, out)
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]


def test_text_from_the_data_stays_text(base_project: Path, tmp_path: Path) -> None:
    title = "Run <script>alert(1)</script> & campaign"
    apply_edits(
        base_project,
        [
            (
                "data/action-plans/ap-2024-2025.yml",
                "{en: Run a campaign, fr: Mener une campagne}",
                f'{{en: "{title}", fr: Mener une campagne}}',
            )
        ],
    )
    session = open_session(base_project)
    out = tmp_path / "out"
    write_feeds(session.data, session.strings, out)
    write_calendars(session.data, session.strings, out)
    raw = (out / "en" / feed_path("activity", "1.1.1")).read_text(encoding="utf-8")
    assert "<script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; campaign" in raw
    feed = parse(out / "en" / feed_path("activity", "1.1.1"))
    assert title in feed.feed.title
    ics = icalendar.Calendar.from_ical((out / "en" / calendar_path()).read_bytes())
    summaries = [str(e["SUMMARY"]) for e in ics.walk("VEVENT")]
    assert any(title in s for s in summaries) or not any("1.1.1" in s for s in summaries)


def test_escaping_round_trips_through_an_xml_parser() -> None:
    hostile = "a \"quoted\" <b> & 'it'\n\tnext line\x07 end"
    xml = element("", "link", hostile, href=hostile)
    parsed = ET.fromstring(xml)
    assert parsed.text == hostile.replace("\x07", "")
    assert parsed.get("href") == hostile.replace("\x07", "")
