"""Interface strings, translatable data text and locale formatting (Babel)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from docs_build.load import Mapping, Scalar, read_yaml_file
from docs_build.model import Quarter, Text
from docs_build.problems import Loc, Problems

SHIPPED_THEME = Path(__file__).resolve().parent.parent / "theme"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def interface_dirs(project: Path) -> list[Path]:
    """Return the folders of interface strings: shipped first, then the site's own."""
    dirs = [SHIPPED_THEME / "i18n"]
    own = project / "theme" / "i18n"
    if own.resolve() != dirs[0].resolve() and own.is_dir():
        dirs.append(own)
    return dirs


def interface_languages(project: Path) -> set[str]:
    """Return the languages that have an interface strings file."""
    return {p.stem for d in interface_dirs(project) for p in d.glob("*.yml")}


@lru_cache(maxsize=64)
def babel_locale(lang: str) -> Locale:
    """Return the Babel locale for a BCP 47 language code."""
    return Locale.parse(lang.replace("-", "_"))


Entry = str | dict[str, str]


def read_strings(path: Path, name: str, problems: Problems) -> dict[str, Entry]:
    """Read one interface strings file: flat dotted keys, optional plural forms."""
    node = read_yaml_file(path, name, problems)
    found: dict[str, Entry] = {}
    if node is None:
        return found
    if not isinstance(node, Mapping):
        problems.error(
            node.loc, "", "i18n.file", "an interface strings file is a mapping of keys to texts."
        )
        return found
    for key, (knode, value) in node.items.items():
        if isinstance(value, Scalar) and isinstance(value.value, str | int | float) and value.text:
            found[key] = value.text
        elif isinstance(value, Mapping) and all(k in PLURAL_FORMS for k in value.items):
            found[key] = {k: v.text for k, (_, v) in value.items.items() if isinstance(v, Scalar)}
        else:
            problems.error(
                knode.loc,
                key,
                "i18n.file",
                "expected a text, or plural forms like {one: ..., other: ...}.",
            )
    return found


@dataclass
class Strings:
    """The interface strings of one language, with the English fallback."""

    lang: str
    entries: dict[str, Entry]
    fallback: dict[str, Entry]

    def t(self, key: str, count: float | None = None, **params: object) -> str:
        """Translate a key, choosing the plural form for `count` when given."""
        entry = self.entries.get(key, self.fallback.get(key))
        if entry is None:
            raise KeyError(f"interface string '{key}' is not defined in theme/i18n/en.yml")
        if isinstance(entry, dict):
            form = (
                babel_locale(self.lang).plural_form(abs(count or 0))
                if count is not None
                else "other"
            )
            entry = entry.get(form) or entry.get("other") or next(iter(entry.values()))
        if count is not None:
            params.setdefault("count", format_number(count, self.lang))
        return PLACEHOLDER.sub(lambda m: str(params.get(m.group(1), m.group(0))), entry)


def load_strings(project: Path, lang: str, problems: Problems) -> Strings:
    """Load one language's strings, site files overriding shipped ones."""
    layers: dict[str, dict[str, Entry]] = {}
    for code in dict.fromkeys((lang, "en")):
        merged = layers.setdefault(code, {})
        for folder in interface_dirs(project):
            path = folder / f"{code}.yml"
            if path.is_file():
                merged.update(read_strings(path, _display(path, project), problems))
    strings = Strings(lang, layers[lang], layers["en"])
    check_complete(strings, project, problems)
    return strings


def check_complete(strings: Strings, project: Path, problems: Problems) -> None:
    """Report the interface strings a site language lacks, all of them at once."""
    missing = [key for key in strings.fallback if key not in strings.entries]
    if not missing or strings.lang == "en":
        return
    files = [folder / f"{strings.lang}.yml" for folder in interface_dirs(project)]
    where = next((f for f in reversed(files) if f.is_file()), files[-1])
    shown = ", ".join(missing[:20]) + (
        f" and {len(missing) - 20} more" if len(missing) > 20 else ""
    )
    problems.error(
        Loc(_display(where, project), 0),
        "",
        "i18n.missing_keys",
        f"the interface strings for '{strings.lang}' lack {len(missing)} key(s): {shown}.",
        "Copy each key from theme/i18n/en.yml and translate it.",
    )


def _display(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return "planpress:" + path.relative_to(SHIPPED_THEME.parent).as_posix()


@dataclass(frozen=True)
class Localized:
    """A text chosen for one language, with the language it is really in."""

    text: str
    lang: str
    missing: bool


def pick(text: Text, lang: str, default: str) -> Localized:
    """Choose a text's translation, falling back to the default language."""
    value = text.get(lang)
    if value is not None:
        return Localized(value, lang, False)
    value = text.get(default)
    if value is not None:
        return Localized(value, default, True)
    for code, other in text.values:
        return Localized(other, code, True)
    return Localized("", lang, False)


def format_number(value: float, lang: str, digits: int = 1) -> str:
    """Format a number for a language (grouping and decimal signs by locale)."""
    pattern = "#,##0" if float(value).is_integer() else "#,##0." + "#" * digits
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def format_money(value: float, currency: str, lang: str) -> str:
    """Format money in a currency for a language; whole amounts without decimals."""
    locale = babel_locale(lang)
    pattern = locale.currency_formats["standard"].pattern
    if float(value).is_integer():
        pattern = re.sub(r"0\.0+", "0", pattern)
    else:
        pattern = re.sub(r"0\.0+", "0.0#", pattern)
    return format_currency(value, currency, format=pattern, locale=locale, currency_digits=False)


def format_share(value: float, lang: str) -> str:
    """Format a share (0.5 -> 50%) for a language."""
    return format_percent(value, locale=babel_locale(lang))


def format_day(value: dt.date, lang: str) -> str:
    """Format a date in the language's long form (Cyrillic months in Serbian)."""
    return format_date(value, format="long", locale=babel_locale(lang))


def format_quarter(value: Quarter, strings: Strings) -> str:
    """Format a quarter with the language's own words ("Q3 2025")."""
    return strings.t("quarter", q=value.q, year=value.year)


_ = Loc
