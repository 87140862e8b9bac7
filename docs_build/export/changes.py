"""What changed in the plan and when, derived from the data alone (for feeds).

Every change is dated by the data: a report entry by the date its monitoring
year was published, a moved deadline or revised budget by the revision's date,
a correction by its own date. Only published monitoring years count; drafts
never appear, even on sites that publish drafts as pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from docs_build.compute import published_years
from docs_build.i18n import PLACEHOLDER, Strings, format_quarter, pick
from docs_build.model import Activity, ActivityReport, Dataset, MonitoringYear, Text
from docs_build.render.activity_facts import planned_quarter, revisions_of


def word(strings: Strings, key: str, english: str, **params: object) -> str:
    """Translate an interface string, or fill in the English text while the key is new."""
    try:
        return strings.t(key, None, **params)
    except KeyError:
        return PLACEHOLDER.sub(lambda m: str(params.get(m.group(1), m.group(0))), english)


@dataclass(frozen=True)
class Change:
    """One dated change, already worded in one language."""

    date: dt.date
    key: str  # stable: "activities/1.1.3/2025-report"; the end of the entry's tag: id
    kind: str  # report, correction, reported, status_changed, moved_start, moved_end, budget
    title: str
    summary: str
    page: tuple[str, str]  # (page kind, item id) for pages.url_for
    activity: str | None  # the activity it is about, if any (selects the narrower feeds)


def published_on(year: MonitoringYear) -> dt.date:
    """Return the day a published year was released (the year's end if the date is missing)."""
    return year.published or dt.date(year.year, 12, 31)


def tag_uri(data: Dataset, lang: str, key: str) -> str:
    """Return a permanent tag: URI (RFC 4151) for an entry or a feed of one language.

    The tag's date is the strategy's first year, so ids never change as data is added.
    """
    parts = urlsplit(data.site.base_url)
    path = parts.path.strip("/")
    prefix = f"{path}/" if path else ""
    return f"tag:{parts.hostname or 'localhost'},{data.strategy.period_start}:{prefix}{lang.lower()}/{key}"


class Wording:
    """Words of one language for changes: data text picked, interface strings filled in."""

    def __init__(self, data: Dataset, strings: Strings) -> None:
        self.data = data
        self.strings = strings
        self.lang = strings.lang

    def text(self, text: Text) -> str:
        """Return data text in this language (or the default language's)."""
        return pick(text, self.lang, self.data.site.default_language).text.strip()

    def activity(self, activity: Activity) -> str:
        """Return an activity's id and title."""
        return f"{activity.id} {self.text(activity.title)}"

    def status(self, status: str) -> str:
        """Return a status in words."""
        return self.strings.t(f"status.{status}")

    def t(self, key: str, english: str, **params: object) -> str:
        """Translate an interface string with its English fallback."""
        return word(self.strings, key, english, **params)


def changes(data: Dataset, strings: Strings) -> tuple[Change, ...]:
    """Return every change in one language, newest first, then by key."""
    wording = Wording(data, strings)
    found: list[Change] = []
    for year in published_years(data):
        found += report_changes(year, wording)
    found += status_changes(data, wording)
    for activity in data.index.activities.values():
        found += revision_changes(activity, wording)
    return tuple(sorted(found, key=lambda c: (-c.date.toordinal(), c.key)))


def report_changes(year: MonitoringYear, wording: Wording) -> list[Change]:
    """Return a published report as a change, with each correction made to it."""
    summary = wording.text(year.summary).split("\n\n")[0]
    found = [
        Change(
            published_on(year),
            f"reports/{year.year}",
            "report",
            wording.t(
                "feed.report_published", "Monitoring report {year} published", year=year.year
            ),
            summary,
            ("report", str(year.year)),
            None,
        )
    ]
    for number, correction in enumerate(year.corrections, start=1):
        why = wording.text(correction.why)
        what = wording.text(correction.what)
        found.append(
            Change(
                correction.date,
                f"reports/{year.year}/correction-{correction.date.isoformat()}-{number}",
                "correction",
                wording.t(
                    "feed.correction",
                    "Correction to the monitoring report {year}",
                    year=year.year,
                ),
                f"{what}\n\n{wording.strings.t('activity.reason')}: {why}" if why else what,
                ("report", str(year.year)),
                None,
            )
        )
    return found


def status_changes(data: Dataset, wording: Wording) -> list[Change]:
    """Return each published activity report, saying when the status changed."""
    found: list[Change] = []
    previous: dict[str, str] = {}
    for year in published_years(data):
        for report in year.activities:
            activity_id = data.index.activity_id(report.activity)
            activity = data.index.activities.get(activity_id)
            if activity is None:
                continue
            found.append(reported(activity, year, report, previous.get(activity_id), wording))
            previous[activity_id] = report.status
    return found


def reported(
    activity: Activity,
    year: MonitoringYear,
    report: ActivityReport,
    before: str | None,
    wording: Wording,
) -> Change:
    """Return one activity's entry in one published report."""
    label = wording.activity(activity)
    status = wording.status(report.status)
    if before is not None and before != report.status:
        kind = "status_changed"
        title = wording.t(
            "feed.status_changed",
            "{activity}: status changed from “{before}” to “{after}” ({year} report)",
            activity=label,
            before=wording.status(before),
            after=status,
            year=year.year,
        )
    else:
        kind = "reported"
        title = wording.t(
            "feed.reported",
            "{activity}: “{status}” in the {year} report",
            activity=label,
            status=status,
            year=year.year,
        )
    parts = [wording.text(report.narrative), wording.text(report.reason)]
    return Change(
        published_on(year),
        f"activities/{activity.id}/{year.year}-report",
        kind,
        title,
        "\n\n".join(p for p in parts if p),
        ("activity", activity.id),
        activity.id,
    )


def revision_changes(activity: Activity, wording: Wording) -> list[Change]:
    """Return the moved start and end quarters and the revised budget of an activity."""
    label = wording.activity(activity)
    found: list[Change] = []
    english = {
        "start": "{activity}: planned start moved from {before} to {after}",
        "end": "{activity}: planned end moved from {before} to {after}",
    }
    for name, text in english.items():
        for number, move in enumerate(planned_quarter(activity, name).moves, start=1):
            title = wording.t(
                f"feed.moved_{name}",
                text,
                activity=label,
                before=format_quarter(move.before, wording.strings),
                after=format_quarter(move.after, wording.strings),
            )
            found.append(
                Change(
                    move.date,
                    f"activities/{activity.id}/{name}-{move.date.isoformat()}-{number}",
                    f"moved_{name}",
                    title,
                    wording.text(move.reason),
                    ("activity", activity.id),
                    activity.id,
                )
            )
    for number, revision in enumerate(revisions_of(activity, "budget"), start=1):
        found.append(
            Change(
                revision.date,
                f"activities/{activity.id}/budget-{revision.date.isoformat()}-{number}",
                "budget",
                wording.t("feed.budget_revised", "{activity}: budget revised", activity=label),
                wording.text(revision.reason),
                ("activity", activity.id),
                activity.id,
            )
        )
    return found
