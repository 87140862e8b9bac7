"""What templates may call: translated, escaped, locale-formatted pieces."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from docs_build.compute import Progress
from docs_build.i18n import (
    Strings,
    babel_locale,
    format_day,
    format_money,
    format_number,
    format_quarter,
    pick,
)
from docs_build.model import EMPTY_TEXT, Dataset, IndicatorReport, IndicatorValue, Quarter, Text
from docs_build.pages import url_for
from docs_build.progress import IndicatorProgress
from docs_build.render.markdown import render_markdown
from docs_build.suppress import is_small


@dataclass
class View:
    """Helpers bound to one language and one page (for relative links)."""

    data: Dataset
    progress: Progress
    lang: str
    strings: Strings
    here: str = ""
    indicators: dict[str, IndicatorProgress] = field(default_factory=dict)
    outdated: frozenset[tuple[str, str]] = frozenset()
    project: Path = Path(".")
    pdfs: bool = False  # the build prints the reports' PDFs, so pages may link them

    @property
    def default(self) -> str:
        """Return the site's default language."""
        return self.data.site.default_language

    @property
    def direction(self) -> str:
        """Return the writing direction of the language."""
        return (babel_locale(self.lang).character_order == "right-to-left" and "rtl") or "ltr"

    def at(self, here: str) -> View:
        """Return the same helpers for another page."""
        return replace(self, here=here)

    def t(self, key: str, count: float | None = None, **params: object) -> str:
        """Translate an interface string."""
        return self.strings.t(key, count, **params)

    def text(self, text: Text) -> Markup:
        """Show plain data text, marking a missing translation visibly."""
        found = pick(text, self.lang, self.default)
        if not found.missing:
            if (text.key, self.lang) in self.outdated:
                return Markup('<span class="pp-outdated">{} {}</span>').format(
                    found.text, self.outdated_badge()
                )
            return Markup(escape(found.text))
        return Markup('<span lang="{}" class="pp-fallback">{} {}</span>').format(
            found.lang, found.text, self.untranslated_badge()
        )

    def plain(self, text: Text) -> str:
        """Return data text without markup (for titles and attributes)."""
        return pick(text, self.lang, self.default).text

    def md(self, text: Text) -> Markup:
        """Render Markdown data text safely, marking a missing translation."""
        found = pick(text, self.lang, self.default)
        if not found.text:
            return Markup("")
        body = render_markdown(found.text)
        if not found.missing:
            if (text.key, self.lang) in self.outdated:
                return Markup('<div class="pp-md pp-outdated">{}{}</div>').format(
                    self.outdated_badge(), body
                )
            return Markup('<div class="pp-md">{}</div>').format(body)
        return Markup('<div class="pp-md pp-fallback" lang="{}">{}{}</div>').format(
            found.lang, self.untranslated_badge(), body
        )

    def outdated_badge(self) -> Markup:
        """Return the visible 'may be out of date' marker of a translation."""
        return Markup('<span class="pp-badge pp-badge--outdated">{}</span>').format(
            self.t("i18n.outdated")
        )

    def untranslated_badge(self) -> Markup:
        """Return the visible 'not yet translated' marker."""
        return Markup('<span class="pp-badge pp-badge--untranslated" lang="{}">{}</span>').format(
            self.lang, self.t("i18n.not_translated")
        )

    def url(self, kind: str, item_id: str = "") -> str:
        """Return a relative link from this page to a page of the site."""
        target = url_for(kind, item_id)
        rel = posixpath.relpath(target or ".", self.here or ".")
        return "./" if rel == "." else rel.rstrip("/") + "/"

    def number(self, value: float) -> str:
        """Format a number for the language."""
        return format_number(value, self.lang)

    def money(self, value: float, currency: str | None = None) -> str:
        """Format money in the site currency (or another)."""
        return format_money(value, currency or self.data.site.currency, self.lang)

    def quarter(self, value: Quarter) -> str:
        """Format a quarter."""
        return format_quarter(value, self.strings)

    def date(self, value: dt.date | None) -> str:
        """Format a date in long form."""
        return format_day(value, self.lang) if value else ""

    def status(self, status: str) -> Markup:
        """Show a status as a badge with a symbol and words, never colour alone."""
        return Markup(
            '<span class="pp-status pp-status--{0}"><span class="pp-status__icon" '
            'aria-hidden="true"></span>{1}</span>'
        ).format(status, self.t(f"status.{status}"))

    def footer(self) -> Markup:
        """Return the footer lines: publisher, licence, contact, data date."""
        site = self.data.site
        publisher = self.data.index.institutions.get(site.publisher)
        lines = []
        if publisher is not None:
            lines.append(self.t("footer.publisher", name=self.plain(publisher.name)))
        lines.append(self.t("footer.license", license=site.license))
        ref = self.progress.reference
        lines.append(
            self.t("footer.as_of", date=self.date(ref)) if ref else self.t("progress.no_report")
        )
        html = Markup("").join(Markup("<p>{}</p>").format(line) for line in lines)
        if site.contact:
            html += Markup('<p>{} <a href="mailto:{}">{}</a></p>').format(
                self.t("footer.contact"), site.contact, site.contact
            )
        return html

    def institutions(self, ids: tuple[str, ...]) -> Markup:
        """Link institutions by short name; the full name is read out too."""
        index = self.data.index.institutions
        parts = []
        for inst_id in ids:
            inst = index.get(inst_id)
            if inst is None:
                continue
            name, short = self.plain(inst.name), self.plain(inst.short)
            label = (
                Markup('{}<span class="pp-sr"> ({})</span>').format(short, name)
                if short and short != name
                else Markup(escape(name))
            )
            parts.append(self.link("institution", inst_id, label))
        return Markup(", ").join(parts)

    def link(self, kind: str, item_id: str = "", label: str | Markup | None = None) -> Markup:
        """Link to a page of the site; the label defaults to the item's id and title."""
        text = self.label(kind, item_id) if label is None else label
        return Markup('<a href="{}">{}</a>').format(self.url(kind, item_id), text)

    def label(self, kind: str, item_id: str) -> Markup:
        """Return an item's id and title, translated and escaped."""
        index = self.data.index
        tables: dict[str, dict[str, Any]] = {
            "area": index.areas, "objective": index.objectives, "activity": index.activities,
            "indicator": index.indicators, "action-plan": index.plans,
            "recommendation": index.recommendations, "measure": index.measures,
        }  # fmt: skip
        if kind == "institution":
            return self.text(index.institutions[item_id].name)
        item = tables[kind][item_id]
        title: Text = getattr(item, "title", None) or getattr(item, "text", None) or EMPTY_TEXT
        if kind == "action-plan":
            return self.text(title)
        return Markup("{} {}").format(item_id, self.text(title)) if title else Markup(item_id)

    def value(self, indicator_id: str, value: IndicatorValue, year: int | None = None) -> Markup:
        """Show an indicator value with its unit; a withheld small count as '<N'."""
        indicator = self.data.index.indicators[indicator_id]
        if value is None:
            if year is not None and indicator.sensitive:
                return Markup(escape(f"<{self.data.site.small_count_threshold}"))
            return Markup(escape(self.t("value.none")))
        if isinstance(value, Text):
            return self.text(value)
        if value in ("yes", "no"):
            return Markup(escape(self.t(f"value.{value}")))
        assert isinstance(value, int | float)
        shown = self.number(value)
        if indicator.measure == "percentage":
            return Markup(escape(self.t("share", pct=shown)))
        unit = self.plain(indicator.unit)
        return Markup(escape(f"{shown} {unit}" if unit else shown))

    def indicator_status(self, indicator_id: str) -> Markup:
        """Show an indicator's progress status in words and a symbol."""
        found = self.indicators.get(indicator_id)
        status = found.status if found else "not_computable"
        return Markup(
            '<span class="pp-status pp-status--{0}"><span class="pp-status__icon" '
            'aria-hidden="true"></span>{1}</span>'
        ).format(status, self.t(f"progress.{status}"))

    def report_value(self, report: IndicatorReport) -> Markup:
        """Show one year's reported value, withholding a small count."""
        indicator_id = self.data.index.indicator_id(report.indicator)
        indicator = self.data.index.indicators[indicator_id]
        if is_small(indicator, report.value, self.data.site.small_count_threshold):
            return Markup(escape(f"<{self.data.site.small_count_threshold}"))
        return self.value(indicator_id, report.value)
