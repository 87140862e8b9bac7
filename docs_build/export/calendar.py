"""iCalendar files of upcoming deadlines: /<lang>/calendar.ics and /<lang>/calendar/<id>.ics.

Events are all-day:
- an activity's planned end: the last day of its current end quarter, for
  every activity whose end quarter is not over at the reference date (all of
  them before any report is published) and whose latest reported status is
  neither completed nor cancelled;
- a monitoring report's due date: 31 March of the year after each year of the
  strategy period that has no published report yet, later than the latest
  published one. (PlanPress's choice, stated here and on the methodology page
  once added there: a year's report is due within the first quarter after it.)

An institution's calendar has the activities it leads and the report due dates
(every lead institution reports). DTSTAMP is the edition date of the data, UIDs
are stable (`<activity id>-end@<host>`, `report-<year>-due@<host>`), events are
sorted by date, then UID: the same data always writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import icalendar

from docs_build.compute import DONE, Progress, data_date, published_years, reference_date
from docs_build.export.changes import Wording
from docs_build.i18n import Strings
from docs_build.model import Activity, Dataset
from docs_build.pages import url_for

REPORT_DUE_MONTH, REPORT_DUE_DAY = 3, 31


@dataclass(frozen=True)
class Deadline:
    """One all-day event, worded in one language."""

    day: dt.date
    uid: str
    summary: str
    description: str
    url: str


def calendar_path(institution_id: str = "") -> str:
    """Return a calendar's address relative to the language root."""
    return f"calendar/{institution_id}.ics" if institution_id else "calendar.ics"


def upcoming_activities(data: Dataset) -> list[Activity]:
    """Return the activities whose planned end is still ahead at the reference date."""
    reference = reference_date(data)
    progress = Progress(data)
    return [
        a
        for a in data.index.activities.values()
        if (reference is None or a.end.last_day >= reference)
        and progress.state(a.id).status not in DONE
    ]


def report_due_years(data: Dataset) -> list[int]:
    """Return the strategy years whose report is still to come (after the latest published)."""
    years = published_years(data)
    after = years[-1].year if years else data.strategy.period_start - 1
    return [y for y in range(data.strategy.period_start, data.strategy.period_end + 1) if y > after]


def deadlines(data: Dataset, strings: Strings, activities: list[Activity]) -> list[Deadline]:
    """Return the events for some activities plus the report due dates, sorted."""
    wording = Wording(data, strings)
    host = urlsplit(data.site.base_url).hostname or "localhost"
    root = data.site.base_url + strings.lang.lower() + "/"
    names = data.index.institutions
    found = []
    for activity in activities:
        lead = ", ".join(wording.text(names[i].name) if i in names else i for i in activity.lead)
        found.append(
            Deadline(
                activity.end.last_day,
                f"{activity.id}-end@{host}",
                wording.t(
                    "feed.deadline", "Planned end: {activity}", activity=wording.activity(activity)
                ),
                f"{strings.t('table.lead')}: {lead}" if lead else "",
                root + url_for("activity", activity.id),
            )
        )
    for year in report_due_years(data):
        found.append(
            Deadline(
                dt.date(year + 1, REPORT_DUE_MONTH, REPORT_DUE_DAY),
                f"report-{year}-due@{host}",
                wording.t("feed.report_due", "Monitoring report {year} due", year=year),
                "",
                root + url_for("reports"),
            )
        )
    return sorted(found, key=lambda d: (d.day, d.uid))


def ics_bytes(
    data: Dataset,
    strings: Strings,
    name: str,
    events: list[Deadline],
    cache: dict[str, bytes] | None = None,
) -> bytes:
    """Serialize one calendar (RFC 5545): the same events always give the same bytes.

    Each event is serialized once per language (`cache`, by uid) and reused in
    every calendar that lists it: the whole plan's and its institutions'.
    """
    cache = {} if cache is None else cache
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//PlanPress//{data.site.publisher}//{strings.lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    edition = data_date(data)
    stamp = dt.datetime(edition.year, edition.month, edition.day, tzinfo=dt.UTC)
    body = b"".join(
        cache.get(e.uid) or cache.setdefault(e.uid, event_bytes(e, stamp)) for e in events
    )
    frame = bytes(calendar.to_ical())
    end = frame.rindex(b"END:VCALENDAR")
    return frame[:end] + body + frame[end:]


def event_bytes(item: Deadline, stamp: dt.datetime) -> bytes:
    """Serialize one all-day event."""
    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.day)
    event.add("dtend", item.day + dt.timedelta(days=1))
    event.add("summary", item.summary)
    if item.description:
        event.add("description", item.description)
    event.add("url", item.url)
    event.add("transp", "TRANSPARENT")
    return bytes(event.to_ical())


def write_calendars(
    data: Dataset, strings_by_lang: dict[str, Strings], out_root: Path
) -> list[Path]:
    """Write the whole plan's calendar and one per institution, for every site language."""
    upcoming = upcoming_activities(data)
    written = []
    for lang in data.site.languages:
        strings = strings_by_lang[lang]
        wording = Wording(data, strings)
        cache: dict[str, bytes] = {}
        site = wording.text(data.site.title)
        calendars = [("", wording.t("feed.calendar_all", "{site}: deadlines", site=site), upcoming)]
        for institution in data.institutions:
            name = wording.t(
                "feed.calendar_institution",
                "{site}: deadlines of {institution}",
                site=site,
                institution=wording.text(institution.name),
            )
            led = [a for a in upcoming if institution.id in a.lead]
            calendars.append((institution.id, name, led))
        for institution_id, name, activities in calendars:
            target = out_root / lang.lower() / calendar_path(institution_id)
            target.parent.mkdir(parents=True, exist_ok=True)
            events = deadlines(data, strings, activities)
            target.write_bytes(ics_bytes(data, strings, name, events, cache))
            written.append(target)
    return written
