"""A plain-text citation of a page: title, publisher, edition date, permanent address."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from docs_build.compute import published_years
from docs_build.pages import url_for
from docs_build.render.view import View


@dataclass(frozen=True)
class Citation:
    """A citation as text, BibTeX and CSL-JSON, with the permanent address on its own."""

    text: str
    url: str
    bibtex: str = ""
    csl_json: str = ""


def permanent_url(view: View, kind: str, item_id: str = "") -> str:
    """Return a page's permanent address: the site's base URL, language, page address."""
    base = view.data.site.base_url.rstrip("/") + "/"
    return f"{base}{view.lang.lower()}/{url_for(kind, item_id)}"


def citation(
    view: View, kind: str, item_id: str, title: str, edition_of: int | None = None
) -> Citation:
    """Cite a page with the edition date of the latest published monitoring report.

    A report page is cited with its own edition (`edition_of` its year): the date
    that year's report was published, none while it is a draft.
    """
    data = view.data
    publisher = data.index.institutions.get(data.site.publisher)
    years = published_years(data)
    if edition_of is not None:
        edition = next((m.published for m in years if m.year == edition_of), None)
    else:
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
    key = re.sub(r"[^A-Za-z0-9]+", "-", f"{kind}-{item_id or 'page'}-{view.lang}").strip("-")
    return Citation(
        text,
        url,
        bibtex(key, publisher_name, title, site_title, edition, url),
        csl_json(key, publisher_name, title, site_title, edition, url, view.lang),
    )


BIBTEX_SPECIAL = re.compile(r"([\\{}%&#_$^~])")


def _bib(text: str) -> str:
    return BIBTEX_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) not in "\\^~" else "", text)


def bibtex(
    key: str, publisher: str, title: str, site: str, edition: dt.date | None, url: str
) -> str:
    """Return a BibTeX @misc entry; the publisher is a corporate author (double braces)."""
    lines = [
        f"@misc{{{key},",
        f"  author = {{{{{_bib(publisher)}}}}},",
        f"  title = {{{_bib(title)}}},",
        f"  howpublished = {{{_bib(site)}}},",
    ]
    if edition is not None:
        lines.append(f"  year = {{{edition.year}}},")
        lines.append(f"  note = {{Edition of {edition.isoformat()}}},")
    lines.append(f"  url = {{{url}}}")
    return "\n".join(lines) + "\n}"


def csl_json(
    key: str,
    publisher: str,
    title: str,
    site: str,
    edition: dt.date | None,
    url: str,
    lang: str,
) -> str:
    """Return a CSL-JSON item (as reference managers import it)."""
    item: dict[str, object] = {
        "id": key,
        "type": "webpage",
        "title": title,
        "author": [{"literal": publisher}],
        "publisher": publisher,
        "container-title": site,
        "URL": url,
        "language": lang,
    }
    if edition is not None:
        item["issued"] = {"date-parts": [[edition.year, edition.month, edition.day]]}
    return json.dumps([item], ensure_ascii=False, indent=2)
