"""Atom feeds of changes, one set per language under /<lang>/feeds/.

`all.xml` has every change; `areas/<id>.xml`, `institutions/<id>.xml` (the
activities it leads or supports) and `activities/<id>.xml` the changes to
their activities. Every area, institution and activity gets a feed, even an
empty one, so a page can always link to its own. `<updated>` is the newest
entry's date (the edition date for an empty feed): never the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from xml.sax.saxutils import escape

from docs_build.compute import data_date
from docs_build.export import write_files
from docs_build.export.changes import Change, Wording, changes, tag_uri
from docs_build.i18n import Strings, pick
from docs_build.model import Dataset
from docs_build.pages import url_for

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot hold at all, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Escapes inside a double-quoted attribute, beyond & < >: the quote and the
# white space an XML parser would otherwise fold into spaces.
ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}


def feed_path(kind: str, item_id: str = "") -> str:
    """Return a feed's address relative to the language root ('feeds/areas/1.xml')."""
    if kind == "all":
        return "feeds/all.xml"
    folder = {"area": "areas", "institution": "institutions", "activity": "activities"}[kind]
    return f"feeds/{folder}/{item_id}.xml"


@dataclass(frozen=True)
class Feed:
    """One feed: what it is about and its entries, newest first."""

    kind: str  # all, area, institution, activity
    item_id: str
    title: str
    entries: tuple[Change, ...]


def feeds(data: Dataset, strings: Strings) -> list[Feed]:
    """Return every feed of one language."""
    wording = Wording(data, strings)
    every = changes(data, strings)
    index = data.index
    site = wording.text(data.site.title)
    by_activity: dict[str, list[Change]] = {}
    for change in every:  # newest first, so each group is too
        if change.activity is not None:
            by_activity.setdefault(change.activity, []).append(change)

    def about(kind: str, item_id: str, name: str, activity_ids: Iterable[str]) -> Feed:
        title = wording.t("feed.title_item", "{site}: changes to {item}", site=site, item=name)
        groups = [by_activity.get(activity_id, []) for activity_id in activity_ids]
        if len(groups) == 1:
            return Feed(kind, item_id, title, tuple(groups[0]))
        merged = sorted(chain.from_iterable(groups), key=lambda c: (-c.date.toordinal(), c.key))
        return Feed(kind, item_id, title, tuple(merged))

    found = [Feed("all", "", wording.t("feed.title_all", "{site}: all changes", site=site), every)]
    activities = list(index.activities.values())
    for area in data.strategy.areas:
        name = f"{strings.t('strategy.area', id=area.id)}: {wording.text(area.title)}"
        found.append(
            about("area", area.id, name, [a.id for a in activities if a.area_id == area.id])
        )
    for institution in data.institutions:
        ids = [a.id for a in activities if institution.id in (*a.lead, *a.partners)]
        found.append(about("institution", institution.id, wording.text(institution.name), ids))
    for activity in activities:
        found.append(about("activity", activity.id, wording.activity(activity), [activity.id]))
    return found


def atom_time(day: dt.date) -> str:
    """Return a date as an Atom date-time (midnight UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def text_xml(text: str) -> str:
    """Return text escaped for an XML element, without characters XML cannot hold."""
    return escape(NOT_XML.sub("", text))


def attribute_xml(text: str) -> str:
    """Return text escaped for a double-quoted XML attribute."""
    return escape(NOT_XML.sub("", text), ATTRIBUTE)


def element(indent: str, tag: str, text: str | None = None, **attrs: str) -> str:
    """Return one element on its own line: escaped text, attributes in the given order."""
    attributes = "".join(f' {name}="{attribute_xml(value)}"' for name, value in attrs.items())
    if text is None:
        return f"{indent}<{tag}{attributes} />\n"
    return f"{indent}<{tag}{attributes}>{text_xml(text)}</{tag}>\n"


class AtomWriter:
    """Serializes the feeds of one language as Atom 1.0; each entry is written once."""

    def __init__(self, data: Dataset, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.root_url = data.site.base_url + lang.lower() + "/"
        self.author = publisher_name(data, lang)
        self.entries: dict[str, str] = {}

    def entry(self, change: Change) -> str:
        """Return the XML of one entry (indented two levels), from the cache if written."""
        written = self.entries.get(change.key)
        if written is None:
            when = atom_time(change.date)
            href = self.root_url + url_for(*change.page)
            written = "".join(
                (
                    "  <entry>\n",
                    element("    ", "id", tag_uri(self.data, self.lang, change.key)),
                    element("    ", "title", change.title),
                    element("    ", "updated", when),
                    element("    ", "published", when),
                    element("    ", "link", rel="alternate", type="text/html", href=href),
                    element("    ", "category", term=change.kind),
                    element("    ", "summary", change.summary, type="text")
                    if change.summary
                    else "",
                    "  </entry>\n",
                )
            )
            self.entries[change.key] = written
        return written

    def feed(self, feed: Feed) -> bytes:
        """Return one feed as UTF-8 bytes, the same each time."""
        page = ("home", "") if feed.kind == "all" else (feed.kind, feed.item_id)
        path = feed_path(feed.kind, feed.item_id)
        newest = feed.entries[0].date if feed.entries else data_date(self.data)
        head = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f'<feed xmlns="{ATOM}" xml:lang="{attribute_xml(self.lang)}">\n',
            element("  ", "id", tag_uri(self.data, self.lang, path)),
            element("  ", "title", feed.title),
            element("  ", "updated", atom_time(newest)),
            element(
                "  ", "link", rel="self", type="application/atom+xml", href=self.root_url + path
            ),
            element(
                "  ", "link", rel="alternate", type="text/html", href=self.root_url + url_for(*page)
            ),
            "  <author>\n",
            element("    ", "name", self.author),
            "  </author>\n",
            element("  ", "generator", "PlanPress"),
        )
        body = [self.entry(change) for change in feed.entries]
        return "".join((*head, *body, "</feed>\n")).encode("utf-8")


def publisher_name(data: Dataset, lang: str) -> str:
    """Return the publishing institution's name in a language (its id if not registered)."""
    publisher = data.index.institutions.get(data.site.publisher)
    if publisher is None:
        return data.site.publisher
    return pick(publisher.name, lang, data.site.default_language).text


def write_feeds(data: Dataset, strings_by_lang: dict[str, Strings], out_root: Path) -> list[Path]:
    """Write every feed of every site language under out_root/<lang lower>/feeds/."""
    files: list[tuple[Path, bytes]] = []
    for lang in data.site.languages:
        writer = AtomWriter(data, lang)
        for feed in feeds(data, strings_by_lang[lang]):
            files.append(
                (out_root / lang.lower() / feed_path(feed.kind, feed.item_id), writer.feed(feed))
            )
    return write_files(files)
