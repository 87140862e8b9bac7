"""The page types the quality gates visit, in every language of a site."""

from __future__ import annotations

from pathlib import Path

# One representative page per page type (paths relative to a language root).
# Later page types are added here as they appear; the gates then cover them.
PAGE_TYPES = {
    "home": "",
    "strategy": "strategy/",
    "action plan": "action-plans/ap-2024-2025/",
    "areas": "areas/",
    "area": "areas/3/",
    "objective": "objectives/3.1/",
    "activities": "activities/",
    "activity": "activities/3.1.3/",
    "indicators": "indicators/",
    "indicator": "indicators/IMP-1/",
    "institutions": "institutions/",
    "institution": "institutions/MOI/",
    "recommendations": "recommendations/",
    "recommendation": "recommendations/GRETA-2023-1/",
    "reports": "reports/",
    "report": "reports/2025/",
    "draft report": "reports/2026/",
    "report changes": "reports/2025/changes/",
    "moved commitments": "moved/",
    "evaluations": "evaluations/",
    "evaluation": "evaluations/midterm-2026/",
    "glossary": "glossary/",
    "methodology": "methodology/",
    "accessibility": "accessibility/",
    "hand-written page": "about/",
    "not found": "404.html",
}


def languages(site: Path) -> list[str]:
    """Return the language folders of a built site."""
    return sorted(p.name for p in site.iterdir() if p.is_dir() and (p / "index.html").is_file())


def sample_pages(site: Path) -> list[str]:
    """Return every page type that exists in every language, plus the chooser."""
    return [""] + [
        f"{lang}/{path}"
        for lang in languages(site)
        for path in PAGE_TYPES.values()
        if (site / lang / path).is_file() or (site / lang / path / "index.html").is_file()
    ]
