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
    "recommendations": "recommendations/",
    "reports": "reports/",
    "report": "reports/{id}/",
    "report-changes": "reports/{id}/changes/",
    "moved": "moved/",
    "evaluations": "evaluations/",
    "evaluation": "evaluations/{id}/",
    "accessibility": "accessibility/",
    "translations": "translations/",
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


SECTION_PAGES = (
    "strategy", "areas", "activities", "indicators", "institutions", "recommendations",
    "reports", "moved", "evaluations", "glossary", "methodology", "accessibility",
    "translations",
)  # fmt: skip


def report_years(data: Dataset) -> list[int]:
    """Return the years that get a report page: published ones, drafts if allowed."""
    return [m.year for m in data.monitoring if m.status == "published" or data.site.publish_drafts]


def generated_pages(data: Dataset) -> list[PageSpec]:
    """List every page generated from the data, section pages first."""
    index = data.index
    pages = [PageSpec(kind) for kind in SECTION_PAGES]
    pages += [PageSpec("area", a.id) for a in data.strategy.areas]
    pages += [PageSpec("objective", o_id) for o_id in index.objectives]
    pages += [PageSpec("action-plan", plan.id) for plan in data.plans]
    pages += [PageSpec("activity", a_id) for a_id in index.activities]
    pages += [PageSpec("indicator", i.id) for i in data.indicators]
    pages += [PageSpec("institution", i.id) for i in data.institutions]
    pages += [PageSpec("recommendation", r_id) for r_id in index.recommendations]
    pages += [PageSpec("report", str(year)) for year in report_years(data)]
    pages += [PageSpec("report-changes", str(year)) for year in report_years(data)]
    pages += [PageSpec("evaluation", e.id) for e in data.evaluations]
    return pages


def redirects(data: Dataset) -> list[tuple[str, str]]:
    """Return (old address, new address) for every former id of an item with a page."""
    kinds = (
        ("activity", [(a.id, a.former_ids) for a in data.index.activities.values()]),
        ("indicator", [(i.id, i.former_ids) for i in data.indicators]),
        ("institution", [(i.id, i.former_ids) for i in data.institutions]),
        ("area", [(a.id, a.former_ids) for a in data.strategy.areas]),
        ("objective", [(o.id, o.former_ids) for o in data.index.objectives.values()]),
        ("action-plan", [(p.id, p.former_ids) for p in data.plans]),
        ("recommendation", [(r.id, r.former_ids) for r in data.recommendations]),
        ("evaluation", [(e.id, e.former_ids) for e in data.evaluations]),
    )
    return [
        (url_for(kind, old), url_for(kind, new))
        for kind, items in kinds
        for new, olds in items
        for old in olds
    ]
