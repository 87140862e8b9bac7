"""The language chooser at the site root: plain HTML, no script."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docs_build.i18n import babel_locale

if TYPE_CHECKING:
    from docs_build.session import Session


@dataclass(frozen=True)
class LanguageLink:
    """One language of the site, named in itself."""

    code: str
    href: str
    name: str
    title: str
    prompt: str
    direction: str


def language_links(session: Session) -> list[LanguageLink]:
    """List the site's languages with their own names and titles."""
    links = []
    for lang in session.data.site.languages:
        view = session.view(lang)
        name = babel_locale(lang).get_display_name(babel_locale(lang)) or lang
        links.append(
            LanguageLink(
                lang,
                f"{lang.lower()}/",
                name[:1].upper() + name[1:],
                view.plain(session.data.site.title),
                view.t("chooser.title"),
                view.direction,
            )
        )
    return links


def write_chooser(session: Session, out: Path) -> None:
    """Write index.html at the root of the built site."""
    site = session.data.site
    html = session.env.get_template("chooser.html").render(
        links=language_links(session),
        default=site.default_language,
        base_url=site.base_url,
        demo=site.demo,
        demo_text={lang: session.view(lang).t("banner.demo") for lang in site.languages},
    )
    (out / "index.html").write_text(html, encoding="utf-8")
