"""Time printing the monitoring reports to PDF on a synthetic plan (make bench).

Builds the generated plan without PDFs, then prints every report page of every
language with headless Chromium, as `planpress build` does when Chromium is
installed, and reports the seconds, the pages and the size of the PDFs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.export_share import buildable
from benchmarks.generate import generate
from docs_build.build import build_site
from docs_build.pdf import chromium_path, write_report_pdfs
from docs_build.session import open_session


def pages_of(pdf: Path) -> int:
    """Return a PDF's page count, read by pdfinfo when poppler-utils is installed."""
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return 0
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def main(activities: int = 500) -> None:
    """Build a synthetic plan, then time its PDFs."""
    if chromium_path() is None:
        print("pdf_speed: Chromium is not installed; nothing to time.")
        return
    with tempfile.TemporaryDirectory() as tmp:
        project = generate(Path(tmp) / "project", activities)
        buildable(project)
        session = open_session(project)
        site = Path(tmp) / "site"
        build_site(project, site, session=session, pdfs=False)
        started = time.perf_counter()
        written = write_report_pdfs(session.data, site)
        seconds = time.perf_counter() - started
        pages = sum(pages_of(p) for p in written)
        size = sum(p.stat().st_size for p in written) / 1e6
    print(
        f"{activities} activities: {len(written)} report PDFs ({pages} pages, {size:.1f} MB) "
        f"printed in {seconds:.1f} s, {seconds / max(len(written), 1):.1f} s each"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
