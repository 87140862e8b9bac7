"""The same data builds the same bytes, whatever the date on the build machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.build_utils import tree_digest
from tests.conftest import ROOT
from tests.quality.conftest import require


def build_on(day: str, out: Path) -> None:
    """Build the example with the machine's clock set to another day."""
    exe = Path(sys.executable).parent / "planpress"
    run = subprocess.run(
        ["faketime", day, str(exe), "build", "--project", str(ROOT), "--site-dir", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "PLANPRESS_PDFS": "1"},  # the PDFs must be reproducible too
    )
    assert run.returncode == 0, run.stderr


def test_two_builds_on_different_days_are_identical(tmp_path: Path) -> None:
    require(shutil.which("faketime") is not None, "Debian's faketime")
    build_on("2027-01-15 08:00:00", tmp_path / "one")
    build_on("2031-07-02 23:30:00", tmp_path / "two")
    files = [p for p in (tmp_path / "one").rglob("*") if p.is_file()]
    assert len(files) > 50
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_faketime_really_changes_the_clock(tmp_path: Path) -> None:
    require(shutil.which("faketime") is not None, "Debian's faketime")
    run = subprocess.run(
        [
            "faketime",
            "2031-07-02 23:30:00",
            sys.executable,
            "-c",
            "import time; print(time.gmtime().tm_year)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "2031"
