"""The page types the quality gates visit, in every language of a site."""

from __future__ import annotations

from pathlib import Path

# One representative page per page type (paths relative to a language root).
# Later page types are added here as they appear; the gates then cover them.
PAGE_TYPES = {
    "home": "",
    "strategy": "strategy/",
    "action plan": "action-plans/ap-2024-2025/",
    "hand-written page": "about/",
    "not found": "404.html",
}


def languages(site: Path) -> list[str]:
    """Return the language folders of a built site."""
    return sorted(p.name for p in site.iterdir() if p.is_dir() and (p / "index.html").is_file())


def sample_pages(site: Path) -> list[str]:
    """Return every page type in every language, plus the language chooser."""
    return [""] + [f"{lang}/{path}" for lang in languages(site) for path in PAGE_TYPES.values()]
