"""Which generated pages exist and their permanent addresses.

Addresses are relative to a language's root (`/<lang>/`) and are a public
promise: they are listed in the README and never change.
"""

from __future__ import annotations

from dataclasses import dataclass

from docs_build.model import Dataset

PATTERNS = {
    "home": "",
    "strategy": "strategy/",
    "areas": "areas/",
    "area": "areas/{id}/",
    "objective": "objectives/{id}/",
    "action-plan": "action-plans/{id}/",
    "activities": "activities/",
    "activity": "activities/{id}/",
    "indicators": "indicators/",
    "indicator": "indicators/{id}/",
    "institutions": "institutions/",
    "institution": "institutions/{id}/",
    "recommendation": "recommendations/{id}/",
    "glossary": "glossary/",
    "methodology": "methodology/",
    "report": "reports/{id}/",
}


def url_for(kind: str, item_id: str = "") -> str:
    """Return the address of a page, relative to the language root."""
    return PATTERNS[kind].format(id=item_id)


def src_for(kind: str, item_id: str = "") -> str:
    """Return the virtual source file of a generated page."""
    return url_for(kind, item_id) + "index.md"


@dataclass(frozen=True)
class PageSpec:
    """A generated page: what it shows and where it lives."""

    kind: str
    item_id: str = ""

    @property
    def url(self) -> str:
        """Return the page's address relative to the language root."""
        return url_for(self.kind, self.item_id)

    @property
    def src_uri(self) -> str:
        """Return the page's virtual source path."""
        return src_for(self.kind, self.item_id)


def generated_pages(data: Dataset) -> list[PageSpec]:
    """List the pages generated from the data."""
    pages = [PageSpec("strategy")]
    pages += [PageSpec("action-plan", plan.id) for plan in data.plans]
    return pages
