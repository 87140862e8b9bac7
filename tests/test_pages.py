"""The page set of the example: every item has its page in every language,
reachable from the home page, and old addresses redirect."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest

from docs_build.dataset import load_dataset
from docs_build.i18n import interface_languages
from docs_build.model import Dataset
from tests.conftest import ROOT

HREF = re.compile(r'href="([^"#][^"]*)"')


@pytest.fixture(scope="module")
def built(example_site: Path) -> tuple[Path, Dataset]:
    data, _ = load_dataset(ROOT, interface_languages(ROOT))
    assert data is not None
    return example_site, data


def item_pages(data: Dataset) -> list[str]:
    """List the pages every language must have, computed from the data."""
    pages = [f"activities/{a}/" for a in data.index.activities]
    pages += [f"indicators/{i.id}/" for i in data.indicators]
    pages += [f"institutions/{i.id}/" for i in data.institutions]
    pages += [f"areas/{a.id}/" for a in data.strategy.areas]
    pages += [f"objectives/{o}/" for o in data.index.objectives]
    pages += [f"action-plans/{p.id}/" for p in data.plans]
    pages += [f"recommendations/{r.id}/" for r in data.recommendations]
    return pages


def test_every_item_has_its_page_in_every_language(built: tuple[Path, Dataset]) -> None:
    out, data = built
    pages = item_pages(data)
    assert len(pages) > 150
    for lang in data.site.languages:
        missing = [p for p in pages if not (out / lang.lower() / p / "index.html").is_file()]
        assert missing == [], lang


def links_of(page: Path, url: str) -> set[str]:
    found = set()
    for href in HREF.findall(page.read_text(encoding="utf-8")):
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        found.add(urldefrag(urljoin(url, href))[0])
    return found


def test_every_item_is_within_three_clicks_of_home(built: tuple[Path, Dataset]) -> None:
    out, data = built
    root = out / "en"
    seen = {"/"}
    frontier = {"/"}
    for _ in range(3):
        nxt = set()
        for url in frontier:
            page = root / url.lstrip("/") / "index.html"
            if page.is_file():
                nxt |= links_of(page, url) - seen
        seen |= nxt
        frontier = nxt
    missing = [p for p in item_pages(data) if f"/{p}" not in seen]
    assert missing == []


def test_former_ids_redirect(built: tuple[Path, Dataset]) -> None:
    out, data = built
    moved = [(old, a.id) for a in data.index.activities.values() for old in a.former_ids]
    assert moved, "the example renumbers at least one activity"
    for lang in data.site.languages:
        for old, new in moved:
            html = (out / lang.lower() / "activities" / old / "index.html").read_text(
                encoding="utf-8"
            )
            assert f'url=../{new}/"' in html
            assert f"/{lang.lower()}/activities/{new}/" in html


def test_progress_and_rules_are_published(built: tuple[Path, Dataset]) -> None:
    out, data = built
    progress = json.loads((out / "data" / "progress.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in progress["activities"]} == set(data.index.activities)
    assert json.loads((out / "data" / "rules.json").read_text(encoding="utf-8"))


ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">')


@pytest.mark.parametrize(
    "page", ["", "activities/3.1.3/", "indicators/IMP-1/", "about/", "translations/"]
)
def test_switcher_and_hreflang_lead_to_the_same_page(
    built: tuple[Path, Dataset], page: str
) -> None:
    out, data = built
    for lang in data.site.languages:
        here = out / lang.lower() / page
        html = (here / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        alternates = dict((code, href) for href, code in ALTERNATE.findall(html))
        assert set(alternates) == set(data.site.languages)
        for code, href in alternates.items():
            target = (here / href).resolve()
            assert target == (out / code.lower() / page).resolve(), (lang, code, href)
            assert (target / "index.html").is_file()
        switcher = re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link">', html
        )
        assert {(h, c) for h, c in switcher} == {(h, c) for c, h in alternates.items()}


def test_coverage_page_links_gaps_to_their_pages(built: tuple[Path, Dataset]) -> None:
    out, _ = built
    html = (out / "sq" / "translations" / "index.html").read_text(encoding="utf-8")
    assert 'href="../activities/5.1.2/"' in html
    assert "data/glossary.yml" in html
