"""A plain-text citation of a page: title, publisher, edition date, permanent address."""

from __future__ import annotations

from dataclasses import dataclass

from docs_build.compute import published_years
from docs_build.pages import url_for
from docs_build.render.view import View


@dataclass(frozen=True)
class Citation:
    """A citation as one line of text, and the permanent address on its own."""

    text: str
    url: str


def permanent_url(view: View, kind: str, item_id: str = "") -> str:
    """Return a page's permanent address: the site's base URL, language, page address."""
    base = view.data.site.base_url.rstrip("/") + "/"
    return f"{base}{view.lang.lower()}/{url_for(kind, item_id)}"


def citation(view: View, kind: str, item_id: str, title: str) -> Citation:
    """Cite a page with the edition date of the latest published monitoring report."""
    data = view.data
    publisher = data.index.institutions.get(data.site.publisher)
    years = published_years(data)
    edition = years[-1].published if years else None
    url = permanent_url(view, kind, item_id)
    publisher_name = view.plain(publisher.name) if publisher else ""
    site_title = view.plain(data.site.title)
    if edition is None:
        text = view.t(
            "cite.text_undated", publisher=publisher_name, title=title, site=site_title, url=url
        )
    else:
        text = view.t(
            "cite.text",
            publisher=publisher_name,
            title=title,
            site=site_title,
            date=view.date(edition),
            url=url,
        )
    return Citation(text, url)
