"""Shared fixtures: copies of the base test site and the real example."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from docs_build.build import build_site

# Builds in tests print no PDFs unless asked (build_site(pdfs=True)): printing
# takes about a second per report and language, and few tests need it.
os.environ.setdefault("PLANPRESS_PDFS", "0")

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "fixtures" / "base"

Edit = tuple[str, str | None, str | bytes | None]


def apply_edits(project: Path, edits: Iterable[Edit]) -> None:
    """Change files of a copied project: replace text once, write or delete a file."""
    for name, old, new in edits:
        path = project / name
        if old == "DELETE":
            path.unlink()
        elif old is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(new, bytes):
                path.write_bytes(new)
            else:
                path.write_text(new or "", encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{name}: the text to replace must occur once: {old!r}"
            assert isinstance(new, str)
            path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def base_project(tmp_path: Path) -> Path:
    """Return a fresh copy of the small, valid base site."""
    target = tmp_path / "site-project"
    shutil.copytree(BASE, target)
    return target


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundled example once for the whole run, in MkDocs' strict mode."""
    out = tmp_path_factory.mktemp("example") / "site"
    build_site(ROOT, out, mkdocs_strict=True, pdfs=True)
    return out
