"""Interface strings: complete in every shipped language; locale formatting."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel import Locale

from docs_build.i18n import (
    SHIPPED_THEME,
    babel_locale,
    format_day,
    format_money,
    format_number,
    load_strings,
    pick,
    read_strings,
)
from docs_build.model import Text
from docs_build.problems import Problems

SHIPPED = ("en", "fr", "es", "ru", "ar", "sq", "sr-Cyrl")
I18N = SHIPPED_THEME / "i18n"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def strings(lang: str) -> dict[str, str | dict[str, str]]:
    problems = Problems()
    found = read_strings(I18N / f"{lang}.yml", lang, problems)
    assert not problems.items, [p.format_text() for p in problems.items]
    return found


def placeholders(entry: str | dict[str, str]) -> set[str]:
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return {name for text in texts for name in PLACEHOLDER.findall(text)} - {"count"}


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_shipped_language_has_every_key(lang: str) -> None:
    english, other = strings("en"), strings(lang)
    assert sorted(set(english) - set(other)) == [], "missing keys"
    assert sorted(set(other) - set(english)) == [], "keys that English does not have"


@pytest.mark.parametrize("lang", SHIPPED)
def test_placeholders_and_plural_forms_match(lang: str) -> None:
    english, other = strings("en"), strings(lang)
    tags = set(babel_locale(lang).plural_form.tags) | {"other"}
    for key, entry in other.items():
        assert placeholders(entry) == placeholders(english[key]), key
        if isinstance(english[key], dict):
            assert isinstance(entry, dict), f"{key} needs plural forms"
            assert set(entry) == tags, f"{key}: plural forms of {lang} are {sorted(tags)}"


def test_every_key_used_in_code_and_templates_exists() -> None:
    english = strings("en")
    root = SHIPPED_THEME.parent
    sources = [*root.joinpath("docs_build").rglob("*.py"), *SHIPPED_THEME.rglob("*.html")]
    used = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""", text))
    assert used, "the scan must find keys"
    assert sorted(used - set(english)) == []


def test_plural_choice_follows_the_language() -> None:
    ru = load_strings(Path("."), "ru", Problems())
    assert ru.t("money.activities", count=1) != ru.t("money.activities", count=5)
    assert ru.t("money.activities", count=2) != ru.t("money.activities", count=5)
    en = load_strings(Path("."), "en", Problems())
    assert en.t("money.activities", count=1) == "1 activity"
    assert en.t("money.activities", count=1234) == "1,234 activities"


def test_site_file_overrides_a_shipped_string(tmp_path: Path) -> None:
    (tmp_path / "theme" / "i18n").mkdir(parents=True)
    (tmp_path / "theme" / "i18n" / "en.yml").write_text("nav.home: Start\n", encoding="utf-8")
    en = load_strings(tmp_path, "en", Problems())
    assert en.t("nav.home") == "Start"
    assert en.t("nav.strategy") == "Strategy"


def test_locale_formatting_uses_babel() -> None:
    assert format_number(1234.5, "fr") == "1\u202f234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_money(1500, "EUR", "en") == "€1,500"
    assert format_money(1500.5, "EUR", "en") == "€1,500.5"
    assert "1.500" in format_money(1500, "EUR", "sr-Cyrl")
    assert format_day(dt.date(2025, 3, 15), "sr-Cyrl") == "15. март 2025."
    assert Locale.parse("ar").character_order == "right-to-left"


def test_pick_falls_back_to_the_default_language() -> None:
    text = Text((("en", "Hello"), ("fr", "Bonjour")))
    assert pick(text, "fr", "en").text == "Bonjour"
    fallback = pick(text, "sq", "en")
    assert (fallback.text, fallback.lang, fallback.missing) == ("Hello", "en", True)


def test_a_broken_interface_file_is_located(tmp_path: Path) -> None:
    (tmp_path / "theme" / "i18n").mkdir(parents=True)
    (tmp_path / "theme" / "i18n" / "en.yml").write_text(
        "nav.home: [a, b]\nmoney.activities: {one: x, several: y}\n", encoding="utf-8"
    )
    problems = Problems()
    load_strings(tmp_path, "en", problems)
    found = [p.format_text() for p in problems.sorted()]
    assert [f.split(": ")[0] for f in found] == ["theme/i18n/en.yml:1", "theme/i18n/en.yml:2"]
    assert all(f.endswith("[i18n.file]") for f in found)


def test_a_site_language_file_that_lacks_keys_fails_with_the_keys_listed(tmp_path: Path) -> None:
    (tmp_path / "theme" / "i18n").mkdir(parents=True)
    (tmp_path / "theme" / "i18n" / "xx.yml").write_text("nav.home: Hjem\n", encoding="utf-8")
    problems = Problems()
    load_strings(tmp_path, "xx", problems)
    [problem] = problems.errors
    assert problem.code == "i18n.missing_keys"
    assert problem.loc.file == "theme/i18n/xx.yml"
    assert (
        "nav.strategy" in problem.message and "nav.home" not in problem.message.split("key(s): ")[1]
    )


def test_shipped_languages_are_complete() -> None:
    for lang in SHIPPED:
        problems = Problems()
        load_strings(Path("."), lang, problems)
        assert problems.items == [], lang
