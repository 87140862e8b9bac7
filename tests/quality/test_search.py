"""Search works offline in every language of the site, Cyrillic included."""

from __future__ import annotations

import re
from typing import Any

import pytest

from docs_build.dataset import load_dataset
from docs_build.i18n import interface_languages, pick
from tests.conftest import ROOT
from tests.quality.conftest import Served

ACTIVITY = "2.1.1"


def title_word(lang: str) -> str:
    """Pick the word of an activity's title that is rarest in the other titles."""
    data, _ = load_dataset(ROOT, interface_languages(ROOT))
    assert data is not None
    titles = {
        a.id: pick(a.title, lang, data.site.default_language).text.casefold()
        for a in data.index.activities.values()
    }
    words: list[str] = [w for w in re.findall(r"\w+", titles[ACTIVITY]) if len(w) >= 5]
    return min(words, key=lambda w: (sum(w in t for t in titles.values()), -len(w)))


@pytest.mark.parametrize("lang", ["en", "sq", "sr-Cyrl"])
def test_a_word_of_an_activity_title_finds_it(tab: Any, example_server: Served, lang: str) -> None:
    word = title_word(lang)
    tab.goto(example_server.url(f"{lang.lower()}/"), wait_until="networkidle")
    tab.click(".md-search__input")
    tab.wait_for_timeout(1500)  # the search worker loads its index and stemmers on first focus
    tab.keyboard.type(word, delay=40)
    tab.keyboard.press("Space")  # ask again, in case the first keys arrived before the index
    tab.keyboard.press("Backspace")
    tab.wait_for_function(
        "id => [...document.querySelectorAll('.md-search-result__link')]"
        ".some(a => a.getAttribute('href').includes('activities/' + id + '/'))",
        arg=ACTIVITY,
        timeout=15_000,
    )
