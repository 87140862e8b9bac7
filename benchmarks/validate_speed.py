"""Time `planpress validate` on the example and on generated data (make bench)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent
PLANPRESS = Path(sys.executable).parent / "planpress"


def time_validate(project: Path, runs: int) -> tuple[float, int]:
    """Return the median wall time of the validate command and its exit code."""
    times, code = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        run = subprocess.run(
            [str(PLANPRESS), "validate", "--project", str(project)],
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - started)
        code = run.returncode
    return statistics.median(times), code


def size_mb(project: Path) -> float:
    """Return the size of the project's data in MB."""
    return sum(p.stat().st_size for p in (project / "data").rglob("*.yml")) / 1e6


def main() -> None:
    """Print one line per data set: activities, MB of YAML, seconds, per-activity cost."""
    seconds, code = time_validate(ROOT, 5)
    print(f"example site: {seconds:.2f} s (exit {code}; goal under 1 s)")
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in (1000, 3000, 10000):
            project = generate(Path(tmp) / f"bench-{n}", n)
            seconds, code = time_validate(project, 3 if n < 10000 else 1)
            rows.append((n, seconds))
            per = 1000 * seconds / n
            print(
                f"{n:>6} activities, {size_mb(project):5.1f} MB YAML: {seconds:6.2f} s "
                f"(exit {code}; {per:.3f} ms per activity)"
            )
        (n1, t1), (n3, t3) = rows[0], rows[-1]
        print(
            f"growth from {n1} to {n3} activities: x{t3 / t1:.1f} time for x{n3 / n1:.0f} data "
            f"(linear would be x{n3 / n1:.0f}); 10,000 goal: under 10 s"
        )


if __name__ == "__main__":
    main()
