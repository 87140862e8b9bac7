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
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docs_build.export import write_files
from docs_build.export.changes import Change, Wording, changes, edition_date, tag_uri
from docs_build.i18n import Strings, pick
from docs_build.model import Dataset
from docs_build.pages import url_for

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot hold at all, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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

    def about(kind: str, item_id: str, name: str, activity_ids: Iterable[str]) -> Feed:
        wanted = set(activity_ids)
        title = wording.t("feed.title_item", "{site}: changes to {item}", site=site, item=name)
        return Feed(kind, item_id, title, tuple(c for c in every if c.activity in wanted))

    found = [Feed("all", "", wording.t("feed.title_all", "{site}: all changes", site=site), every)]
    activities = list(index.activities.values())
    for area in data.strategy.areas:
        name = f"{strings.t('strategy.area', id=area.id)}: {wording.text(area.title)}"
        found.append(
            about("area", area.id, name, (a.id for a in activities if a.area_id == area.id))
        )
    for institution in data.institutions:
        ids = (a.id for a in activities if institution.id in (*a.lead, *a.partners))
        found.append(about("institution", institution.id, wording.text(institution.name), ids))
    for activity in activities:
        found.append(about("activity", activity.id, wording.activity(activity), (activity.id,)))
    return found


def atom_time(day: dt.date) -> str:
    """Return a date as an Atom date-time (midnight UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = NOT_XML.sub("", text)
    return element


def atom_bytes(data: Dataset, lang: str, feed: Feed) -> bytes:
    """Serialize one feed as Atom 1.0: UTF-8, escaped by ElementTree, same bytes each time."""
    root_url = data.site.base_url + lang.lower() + "/"
    page = ("home", "") if feed.kind == "all" else (feed.kind, feed.item_id)
    path = feed_path(feed.kind, feed.item_id)
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _add(root, "id", tag_uri(data, lang, path))
    _add(root, "title", feed.title)
    newest = feed.entries[0].date if feed.entries else edition_date(data)
    _add(root, "updated", atom_time(newest))
    _add(root, "link", rel="self", type="application/atom+xml", href=root_url + path)
    _add(root, "link", rel="alternate", type="text/html", href=root_url + url_for(*page))
    author = _add(root, "author")
    _add(author, "name", publisher_name(data, lang))
    _add(root, "generator", "PlanPress")
    for change in feed.entries:
        entry = _add(root, "entry")
        _add(entry, "id", tag_uri(data, lang, change.key))
        _add(entry, "title", change.title)
        _add(entry, "updated", atom_time(change.date))
        _add(entry, "published", atom_time(change.date))
        _add(
            entry, "link", rel="alternate", type="text/html", href=root_url + url_for(*change.page)
        )
        _add(entry, "category", term=change.kind)
        if change.summary:
            _add(entry, "summary", change.summary, type="text")
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode("utf-8")


def publisher_name(data: Dataset, lang: str) -> str:
    """Return the publishing institution's name in a language (its id if not registered)."""
    publisher = data.index.institutions.get(data.site.publisher)
    if publisher is None:
        return data.site.publisher
    return pick(publisher.name, lang, data.site.default_language).text


def write_feeds(data: Dataset, strings_by_lang: dict[str, Strings], out_root: Path) -> list[Path]:
    """Write every feed of every site language under out_root/<lang lower>/feeds/."""
    return write_files(
        (out_root / lang.lower() / feed_path(feed.kind, feed.item_id), atom_bytes(data, lang, feed))
        for lang in data.site.languages
        for feed in feeds(data, strings_by_lang[lang])
    )
