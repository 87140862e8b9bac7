"""Every built page is valid HTML for the Nu HTML Checker (vnu.jar)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.quality.conftest import VNU, require


def run_vnu(site: Path) -> list[str]:
    """Return the checker's errors over every HTML file of a site."""
    require(VNU.is_file(), "vnu.jar (npm vnu-jar)")
    require(shutil.which("java") is not None, "Java")
    run = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "gnu",
            "--skip-non-html",
            str(site),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    # No message is filtered: every error the checker reports fails the test.
    return [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]


def test_example_site_has_no_html_errors(example_site: Path) -> None:
    pages = list(example_site.rglob("*.html"))
    assert len(pages) >= 15
    assert run_vnu(example_site) == []


def test_the_checker_does_find_errors(tmp_path: Path) -> None:
    """Guard against a checker that silently checks nothing."""
    (tmp_path / "bad.html").write_text(
        "<!doctype html><title>x</title><p><div></p>", encoding="utf-8"
    )
    assert run_vnu(tmp_path)
