"""What templates may call: translated, escaped, locale-formatted pieces."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass

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
from docs_build.model import Dataset, Quarter, Text
from docs_build.pages import url_for
from docs_build.render.markdown import render_markdown


@dataclass
class View:
    """Helpers bound to one language and one page (for relative links)."""

    data: Dataset
    progress: Progress
    lang: str
    strings: Strings
    here: str = ""

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
        return View(self.data, self.progress, self.lang, self.strings, here)

    def t(self, key: str, count: float | None = None, **params: object) -> str:
        """Translate an interface string."""
        return self.strings.t(key, count, **params)

    def text(self, text: Text) -> Markup:
        """Show plain data text, marking a missing translation visibly."""
        found = pick(text, self.lang, self.default)
        if not found.missing:
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
            return Markup('<div class="pp-md">{}</div>').format(body)
        return Markup('<div class="pp-md pp-fallback" lang="{}">{}{}</div>').format(
            found.lang, self.untranslated_badge(), body
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
        """Show a list of institutions by their short names, with the full name."""
        index = self.data.index.institutions
        parts = []
        for inst_id in ids:
            inst = index.get(inst_id)
            if inst is None:
                continue
            short = self.plain(inst.short) or self.plain(inst.name)
            parts.append(Markup('<abbr title="{}">{}</abbr>').format(self.plain(inst.name), short))
        return Markup(", ").join(parts)
