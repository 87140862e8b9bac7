"""How one indicator's values are written in one language, small counts withheld.

Every figure of an indicator page goes through `IndicatorFormat`, so a count
below the site's small-count threshold of a `sensitive` indicator can only
ever be written as "<N". Numbers, percentages and lists are formatted by Babel
for the page's language; words come from the interface strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.lists import format_list
from babel.numbers import format_percent
from markupsafe import Markup, escape

from docs_build.i18n import PLACEHOLDER, babel_locale, format_number
from docs_build.model import Indicator, IndicatorValue, Target, Text
from docs_build.render.view import View
from docs_build.suppress import hidden_text, is_small

DIGITS = 4  # data values are shown as written (a rate of 1.89 stays 1.89)
TARGET_KINDS = ("mid_term", "end", "annual")
_WORD = re.compile(r"[^A-Za-z0-9]+")


def markup_t(view: View, key: str, /, **params: str | Markup) -> Markup:
    """Translate a key into escaped markup, filling placeholders with escaped or safe parts."""
    template = view.t(key)  # placeholders without a value stay as they are
    escaped = str(escape(template))
    return Markup(
        PLACEHOLDER.sub(
            lambda m: str(escape(params[m.group(1)])) if m.group(1) in params else m.group(0),
            escaped,
        )
    )


def label_or_name(view: View, key: str, name: str) -> str:
    """Return the interface string for a data name if one exists, else the name readably."""
    strings = view.strings
    if key in strings.entries or key in strings.fallback:
        return view.t(key)
    return _WORD.sub(" ", name).strip() or name


@dataclass(frozen=True)
class IndicatorFormat:
    """Writes the values of one indicator for one page and language."""

    view: View
    indicator: Indicator

    @property
    def threshold(self) -> int:
        """Return the site's small-count threshold."""
        return self.view.data.site.small_count_threshold

    @property
    def hidden(self) -> str:
        """Return the text that stands for a withheld count ("<5")."""
        return hidden_text(self.threshold)

    def is_hidden(self, value: IndicatorValue) -> bool:
        """Tell whether a value must be withheld."""
        return is_small(self.indicator, value, self.threshold)

    def number(self, value: float) -> str:
        """Format a number as written in the data, for the language."""
        return format_number(value, self.view.lang, DIGITS)

    def percent(self, fraction: float, decimals: int = 0) -> str:
        """Format a share (0.765 -> 77%, or 76.5% with one decimal) for the language."""
        return format_percent(
            round(fraction, 2 + decimals),
            locale=babel_locale(self.view.lang),
            decimal_quantization=False,
        )

    def points(self, amount: float) -> str:
        """Format a difference of percentages in percentage points."""
        return self.view.t("sentence.points", count=round(amount, DIGITS))

    def bare(self, value: float, withhold: bool = True) -> str:
        """Write a number without its unit, a percentage with its sign (chart labels, cells).

        Counts are withheld when small; targets (plans, not counts) pass withhold=False.
        """
        if withhold and self.is_hidden(value):
            return self.hidden
        shown = self.number(value)
        return self.view.t("share", pct=shown) if self.indicator.measure == "percentage" else shown

    def full(self, value: IndicatorValue, withhold: bool = True) -> Markup:
        """Write a value with its unit; yes/no in words; text marked when untranslated."""
        if value is None:
            return Markup(escape(self.view.t("value.none")))
        if isinstance(value, Text):
            return self.view.text(value)
        if value in ("yes", "no"):
            return Markup(escape(self.view.t(f"value.{value}")))
        assert isinstance(value, int | float)
        hidden = withhold and self.is_hidden(value)
        if hidden or self.indicator.measure == "percentage":
            return Markup(escape(self.bare(value, withhold)))
        unit = self.view.plain(self.indicator.unit)
        if not unit:
            return Markup(escape(self.number(value)))
        return markup_t(self.view, "indicator.value_unit", value=self.number(value), unit=unit)

    def kind(self, target: Target, label: bool = False) -> str:
        """Name a target's kind in words: "mid-term target", or as a label "Mid-term target"."""
        known = target.kind if target.kind in TARGET_KINDS else "other"
        return self.view.t(f"indicator.{'target_label' if label else 'target_kind'}.{known}")

    def target(self, target: Target) -> Markup:
        """Write a target with its year and kind ("55 persons by 2026 (mid-term target)")."""
        value = self.full(target.value, withhold=False)
        year = str(target.year)
        if self.indicator.measure == "qualitative":  # a sentence: the year goes first
            kind = self.kind(target, label=True)
            return markup_t(self.view, "indicator.target_text", value=value, year=year, kind=kind)
        kind = self.kind(target)
        return markup_t(self.view, "indicator.target_by", value=value, year=year, kind=kind)

    def dated(self, value: str | Markup, year: int) -> Markup:
        """Write a value already shown with its year ("38 persons (2022)", "2023: text")."""
        key = (
            "indicator.text_year"
            if self.indicator.measure == "qualitative"
            else "indicator.value_year"
        )
        return markup_t(self.view, key, value=value, year=str(year))

    def listing(self, items: list[str]) -> str:
        """Join words into a list the language's way ("sex, age and form")."""
        return format_list(items, locale=babel_locale(self.view.lang)) if items else ""

    def dimension(self, name: str) -> str:
        """Name a breakdown dimension ("sex") in the language."""
        return label_or_name(self.view, f"indicator.dimension.{name}", name)

    def category(self, name: str) -> str:
        """Name a breakdown category ("female") in the language."""
        return label_or_name(self.view, f"indicator.category.{name}", name)
