"""Measure what the downloads, feeds and calendars add to a full build (make bench).

Issue goal: exports add at most 10% to the build time of the 2,000-activity plan.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate
from docs_build import build
from docs_build.session import open_session

ROOT = Path(__file__).resolve().parent.parent


def buildable(project: Path) -> None:
    """Give generated data the configuration and pages a site needs."""
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").mkdir(exist_ok=True)
    shutil.copy(ROOT / "macros" / "main.py", project / "macros" / "main.py")
    for lang in ("en", "sq", "sr-Cyrl"):
        (project / "content" / lang).mkdir(parents=True, exist_ok=True)
        (project / "content" / lang / "index.md").write_text(
            "# {{ site_title() }}\n", encoding="utf-8"
        )


def timed(
    spent: dict[str, float], name: str, function: Callable[..., object]
) -> Callable[..., object]:
    """Wrap an export so the build records how long it took, where it runs."""

    def run(*args: object) -> object:
        started = time.perf_counter()
        try:
            return function(*args)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

    return run


def main(activities: int = 2000) -> None:
    """Build once, timing the exports inside the build; print the share they add."""
    spent: dict[str, float] = {}
    for name in ("write_downloads", "write_feeds", "write_calendars"):
        setattr(build, name, timed(spent, name, getattr(build, name)))
    with tempfile.TemporaryDirectory() as tmp:
        project = generate(Path(tmp) / "project", activities)
        buildable(project)
        session = open_session(project)
        started = time.perf_counter()
        # Without the reports' PDFs, which are not exports (pdf_speed.py times them).
        build.build_site(project, Path(tmp) / "site", session=session, pdfs=False)
        total = time.perf_counter() - started
    exports = sum(spent.values())
    parts = ", ".join(
        f"{name.removeprefix('write_')} {seconds:.1f} s" for name, seconds in spent.items()
    )
    print(
        f"{activities} activities: full build {total:.1f} s, of which exports {exports:.1f} s "
        f"({parts}): {100 * exports / (total - exports):.1f}% added to the build without them "
        "(goal: at most 10%)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
