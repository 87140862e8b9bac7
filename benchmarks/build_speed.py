"""Time `planpress build` beside a plain MkDocs + Material site of the same size (make bench).

For each size N the script generates a synthetic plan (N activities, as many
indicators, 3 languages), builds it with `planpress build`, then mirrors the
output as a plain MkDocs + Material site: one Markdown page per page PlanPress
wrote, at the same path, with headings, a paragraph and tables sized so the
rendered article is about as large as PlanPress's. The plain site is built with
one `mkdocs build` per language. Each measurement runs in its own wrapper
process, so its peak memory is the peak of that build alone.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import LANGS, generate
from docs_build.build import lang_dir, material_language

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = (500, 1000, 2000)
GOAL_RATIO, GOAL_PEAK_MIB = 1.3, 1024.0
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
ROWS_PER_TABLE = 25
MARKDOWN_EXTENSIONS: list[Any] = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": True}}

# Runs the commands one after the other and writes wall seconds, the CPU seconds
# and the peak resident memory of its children (the builds, not itself) to a JSON
# file. CPU time is printed too because wall time suffers on a busy machine.
WRAPPER = """
import json, resource, subprocess, sys, time
stats, commands = sys.argv[1], json.loads(sys.argv[2])
started = time.perf_counter()
for command in commands:
    code = subprocess.run(command, check=False).returncode
    if code:
        sys.exit(code)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(stats, "w") as handle:
    json.dump({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
               "peak": usage.ru_maxrss}, handle)
"""


@dataclass(frozen=True)
class Measure:
    """Wall time, CPU time and peak memory of one measured run."""

    seconds: float
    cpu: float
    peak_mib: float


@dataclass(frozen=True)
class Page:
    """One page of a built site: its URL path and the size of its article."""

    path: str
    article_chars: int


@dataclass(frozen=True)
class Row:
    """The figures for one size N."""

    activities: int
    pages: int
    planpress: Measure
    plain: Measure
    planpress_article: float
    plain_article: float


def measure(commands: Sequence[Sequence[str]], log: Path) -> Measure:
    """Run commands in a fresh wrapper process; return their wall time and peak memory."""
    stats = log.with_suffix(".json")
    with log.open("w", encoding="utf-8") as out:
        run = subprocess.run(
            [sys.executable, "-c", WRAPPER, str(stats), json.dumps([list(c) for c in commands])],
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
            # The reports' PDFs have no counterpart in the plain site: pdf_speed.py times them.
            env={**os.environ, "PLANPRESS_PDFS": "0"},
        )
    if run.returncode:
        tail = log.read_text(encoding="utf-8").splitlines()[-20:]
        sys.exit(
            f"build failed (exit {run.returncode}); --keep DIR keeps {log.name}:\n"
            + "\n".join(tail)
        )
    result = json.loads(stats.read_text(encoding="utf-8"))
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    unit = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Measure(float(result["seconds"]), float(result["cpu"]), result["peak"] / unit)


def best_of(runs: int, commands: Sequence[Sequence[str]], log: Path) -> Measure:
    """Return the median times and the highest peak memory over several runs."""
    results = [measure(commands, log) for _ in range(runs)]
    return Measure(
        statistics.median(r.seconds for r in results),
        statistics.median(r.cpu for r in results),
        max(r.peak_mib for r in results),
    )


def planpress_project(target: Path, activities: int) -> Path:
    """Generate data for `activities` activities and make it a buildable site."""
    project = generate(target, activities)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").mkdir()
    shutil.copy(ROOT / "macros" / "main.py", project / "macros" / "main.py")
    for lang in LANGS:
        (project / "content" / lang).mkdir(parents=True)
        (project / "content" / lang / "index.md").write_text(
            "# {{ site_title() }}\n", encoding="utf-8"
        )
    return project


def planpress_command(project: Path, out: Path) -> list[str]:
    """Return the command that builds a PlanPress project into out."""
    return [str(BIN / "planpress"), "build", "--project", str(project), "--site-dir", str(out)]


def site_pages(site: Path) -> list[Page]:
    """Return every page of one built language with the size of its article."""
    pages = []
    for html_file in sorted(site.rglob("index.html")):
        match = ARTICLE.search(html_file.read_text(encoding="utf-8"))
        if match is None:  # a redirect page, not content
            continue
        path = html_file.parent.relative_to(site).as_posix()
        pages.append(Page("" if path == "." else path, len(match.group(1))))
    return pages


def source_of(path: str) -> str:
    """Return the Markdown source that MkDocs publishes at a page's URL path."""
    return posixpath.join(path, "index.md") if path else "index.md"


SENTENCE = {
    "sr-Cyrl": "Активност ради на заштити жртава и праћењу напретка у сваком периоду",
}
DEFAULT_SENTENCE = "The activity works on protecting victims and following progress each period"
TABLE_HEAD = (
    "| Item | Description | Baseline | Latest value | Status |\n| --- | --- | --- | --- | --- |\n"
)


def page_markdown(lang: str, page: Page, index: int, sources: Sequence[str], rows: int) -> str:
    """Return a plain page: a title, a paragraph and tables of links to other pages."""
    # Rows carry two sentences so that a table has about one link per 400 characters
    # of HTML, as PlanPress's pages do: links cost MkDocs more than text.
    sentence = SENTENCE.get(lang, DEFAULT_SENTENCE)
    here = posixpath.dirname(source_of(page.path)) or "."
    parts = [f"# Page {index} ({lang})\n\n{sentence}. {sentence}. {sentence}.\n"]
    for row in range(rows):
        if row % ROWS_PER_TABLE == 0:
            parts.append(f"\n## Section {row // ROWS_PER_TABLE + 1}\n\n{TABLE_HEAD}")
        link = posixpath.relpath(sources[(index + row + 1) % len(sources)], here)
        parts.append(
            f"| [Item {row + 1}]({link}) | {sentence}, {sentence} ({lang}) | 10 events (2023) "
            f"| 7 events (2025) | In progress |\n"
        )
    return "".join(parts)


def rendered_size(text: str) -> int:
    """Return the length of the HTML Python-Markdown makes of text."""
    return len(
        markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    )


def calibrate(lang: str, sources: Sequence[str]) -> tuple[int, float]:
    """Return the rendered size of a page without rows and the size of one row."""
    sample = Page("section/item", 0)
    base = rendered_size(page_markdown(lang, sample, 0, sources, 0))
    per_row = (rendered_size(page_markdown(lang, sample, 0, sources, 50)) - base) / 50
    return base, per_row


def write_plain_language(docs: Path, lang: str, pages: Sequence[Page]) -> None:
    """Mirror one language's PlanPress pages as Markdown files of similar size."""
    sources = [source_of(p.path) for p in pages]
    base, per_row = calibrate(lang, sources)
    for index, (page, source) in enumerate(zip(pages, sources, strict=True)):
        rows = max(0, round((page.article_chars - base) / per_row))
        file = docs / source
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(page_markdown(lang, page, index, sources, rows), encoding="utf-8")


def section_nav(pages: Sequence[Page]) -> list[dict[str, str]]:
    """List the home page and one page per top-level section, as PlanPress does."""
    first: dict[str, str] = {}
    for page in sorted(pages, key=lambda p: (p.path.count("/"), p.path)):
        section = page.path.split("/")[0]
        first.setdefault(section, source_of(page.path))
    return [{section.title() or "Home": source} for section, source in sorted(first.items())]


def plain_config(lang: str, pages: Sequence[Page]) -> dict[str, Any]:
    """Return the mkdocs.yml of one language of the plain site."""
    own = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = {k: v for k, v in own["theme"].items() if k != "custom_dir"}
    theme["language"] = material_language(lang)
    return {
        "site_name": "Plain benchmark site",
        "site_url": f"https://example.org/plain/{lang_dir(lang)}/",
        "docs_dir": f"docs/{lang}",
        "site_dir": f"site/{lang_dir(lang)}",
        "use_directory_urls": True,
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": own["markdown_extensions"],
        "nav": section_nav(pages),
        "validation": own["validation"],
    }


def plain_project(target: Path, planpress_site: Path) -> tuple[Path, list[list[str]]]:
    """Write the plain site mirroring a PlanPress build; return it and its build commands."""
    commands = []
    for lang in LANGS:
        pages = site_pages(planpress_site / lang_dir(lang))
        write_plain_language(target / "docs" / lang, lang, pages)
        config = target / f"mkdocs-{lang}.yml"
        config.write_text(yaml.safe_dump(plain_config(lang, pages), allow_unicode=True))
        commands.append([str(BIN / "mkdocs"), "build", "--quiet", "-f", str(config)])
    return target, commands


def average_article(site: Path) -> tuple[int, float]:
    """Return the page count per language and the mean article size in characters."""
    pages = [p for lang in LANGS for p in site_pages(site / lang_dir(lang))]
    return len(pages) // len(LANGS), statistics.mean(p.article_chars for p in pages)


def bench(work: Path, activities: int, runs: int) -> Row:
    """Build one size with PlanPress and as a plain site; return the figures."""
    base = work / f"n{activities}"
    shutil.rmtree(base, ignore_errors=True)
    project = planpress_project(base / "planpress", activities)
    out = base / "planpress-site"
    planpress = best_of(runs, [planpress_command(project, out)], base / "planpress.log")
    plain, commands = plain_project(base / "plain", out)
    plain_measure = best_of(runs, commands, base / "plain.log")
    pages, planpress_article = average_article(out)
    _, plain_article = average_article(plain / "site")
    return Row(activities, pages, planpress, plain_measure, planpress_article, plain_article)


HEADER = (
    f"{'acts':>6} {'pages':>6} {'PlanPress':>9} {'plain':>7} {'ratio':>5}"
    f" {'PlanPress':>9} {'plain':>7} {'ratio':>5} {'PP peak':>7} {'plain':>7}   article kB\n"
    f"{'':>6} {'/lang':>6} {'wall s':>9} {'wall s':>7} {'':>5}"
    f" {'CPU s':>9} {'CPU s':>7} {'':>5} {'MiB':>7} {'MiB':>7}   PP / plain"
)


def print_row(row: Row) -> None:
    """Print one line of the table."""
    pp, plain = row.planpress, row.plain
    print(
        f"{row.activities:>6} {row.pages:>6} {pp.seconds:>9.1f} {plain.seconds:>7.1f}"
        f" {pp.seconds / plain.seconds:>5.2f} {pp.cpu:>9.1f} {plain.cpu:>7.1f}"
        f" {pp.cpu / plain.cpu:>5.2f} {pp.peak_mib:>7.0f} {plain.peak_mib:>7.0f}"
        f"   {row.planpress_article / 1000:.1f} / {row.plain_article / 1000:.1f}",
        flush=True,
    )


def growth(rows: Sequence[Row], label: str, seconds: Callable[[Measure], float]) -> str:
    """Return how much one kind of time grew from the smallest to the largest size."""
    first, last = rows[0], rows[-1]
    pp = seconds(last.planpress) / seconds(first.planpress)
    plain = seconds(last.plain) / seconds(first.plain)
    return f"{label}: PlanPress x{pp:.2f}, plain x{plain:.2f}"


def print_summary(rows: Sequence[Row]) -> None:
    """Print the growth from the smallest to the largest size and the goals."""
    first, last = rows[0], rows[-1]
    scale = last.activities / first.activities
    print(
        f"growth from {first.activities} to {last.activities} activities (x{scale:g} data, "
        f"linear would be x{scale:g}): {growth(rows, 'wall', lambda m: m.seconds)}; "
        f"{growth(rows, 'CPU', lambda m: m.cpu)}"
    )
    worst = max(r.planpress.seconds / r.plain.seconds for r in rows)
    peak = max(r.planpress.peak_mib for r in rows)
    print(
        f"goals: wall ratio <= {GOAL_RATIO} (worst {worst:.2f}: "
        f"{'met' if worst <= GOAL_RATIO else 'MISSED'}), PlanPress peak < {GOAL_PEAK_MIB:.0f} MiB "
        f"(highest {peak:.0f} MiB: {'met' if peak < GOAL_PEAK_MIB else 'MISSED'})"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Describe the command line."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    p.add_argument("--runs", type=int, default=1, help="runs per build (median time)")
    p.add_argument("--keep", type=Path, default=None, metavar="DIR", help="work here, keep it")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Print one line per size: seconds, ratio and peak memory of both builds."""
    args = parse_args(argv)
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory(prefix="planpress-bench-") as tmp:
        work = args.keep or Path(tmp)
        rows = []
        for n in sorted(args.sizes):
            rows.append(bench(work, n, args.runs))
            print_row(rows[-1])
    if len(rows) > 1:
        print_summary(rows)


if __name__ == "__main__":
    main()
