"""The recommendations tracker: status counts, unanswered recommendations, one table per body."""

from __future__ import annotations

import datetime as dt
import html
import re
import textwrap
from dataclasses import dataclass

from docs_build.model import RECOMMENDATION_STATUSES, Activity, Dataset, Recommendation, Text
from docs_build.render.base import activity_rows
from docs_build.render.markdown import render_markdown
from docs_build.render.plan import ActivityRow
from docs_build.render.view import View

SHORT_TEXT = 180  # characters of a recommendation shown in the tracker; the rest is on its page
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class StatusCount:
    """How many recommendations have one status."""

    status: str
    count: int


@dataclass(frozen=True)
class Tracked:
    """A recommendation with a shortened text and the activities responding to it."""

    recommendation: Recommendation
    body_name: str
    short: Text
    responses: tuple[ActivityRow, ...]


@dataclass(frozen=True)
class BodyGroup:
    """The recommendations of one monitoring body, oldest first."""

    body: str
    name: str
    items: tuple[Tracked, ...]


@dataclass(frozen=True)
class Tracker:
    """Everything the recommendations page shows."""

    total: int
    counts: tuple[StatusCount, ...]
    unanswered: tuple[Tracked, ...]
    bodies: tuple[BodyGroup, ...]


def plain_markdown(source: str) -> str:
    """Return Markdown text as plain words (no markup, entities decoded)."""
    return " ".join(html.unescape(_TAG.sub(" ", str(render_markdown(source)))).split())


def shorten(text: Text, width: int = SHORT_TEXT) -> Text:
    """Shorten every language of a Markdown text to plain words, ending at a word."""
    values = tuple(
        (lang, textwrap.shorten(plain_markdown(value), width=width, placeholder=" …"))
        for lang, value in text.values
    )
    return Text(values, text.loc, text.key)


def issued_order(rec: Recommendation) -> tuple[dt.date, str]:
    """Sort key: issued date (undated last), then id."""
    return (rec.issued or dt.date.max, rec.id)


def body_name(view: View, body: str) -> str:
    """Name a monitoring body by its interface string, or by its code when it has none."""
    key = f"body.{body}"
    strings = view.strings
    return view.t(key) if key in strings.entries or key in strings.fallback else body


def tracker(view: View) -> Tracker:
    """Gather the tracker: counts by status, the unanswered ones, then each body's table."""
    data = view.data
    answers = data.index.responders
    recs = sorted(data.recommendations, key=issued_order)
    items = [
        Tracked(
            r,
            body_name(view, r.body),
            shorten(r.text),
            tuple(activity_rows(view, _activities(data, answers.get(r.id, [])))),
        )
        for r in recs
    ]
    groups = tuple(
        BodyGroup(
            body, body_name(view, body), tuple(t for t in items if t.recommendation.body == body)
        )
        for body in sorted({r.body for r in recs})
    )
    counts = tuple(
        StatusCount(s, sum(r.status == s for r in recs)) for s in RECOMMENDATION_STATUSES
    )
    return Tracker(len(recs), counts, tuple(t for t in items if not t.responses), groups)


def _activities(data: Dataset, activity_ids: list[str]) -> list[Activity]:
    return [data.index.activities[a] for a in activity_ids if a in data.index.activities]
