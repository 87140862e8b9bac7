"""The planpress command: new, validate, build, pdf, serve."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from docs_build.dataset import load_dataset
from docs_build.i18n import interface_languages
from docs_build.problems import format_json, format_report
from docs_build.session import DataError

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    """Describe the command line."""
    p = argparse.ArgumentParser(
        prog="planpress",
        description="Publish an anti-trafficking strategy, its action plans and "
        "monitoring reports as a multilingual static website.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = sub.add_parser("new", help="create a new site in DIR")
    new.add_argument("dir", type=Path, metavar="DIR")
    new.add_argument(
        "--languages", default="en", help="comma-separated language codes (default: en)"
    )
    val = sub.add_parser("validate", help="check the data and report every problem")
    val.add_argument("--project", type=Path, default=Path("."), metavar="DIR")
    val.add_argument("--format", choices=("text", "json"), default="text")
    val.add_argument("--strict", action="store_true", help="treat data warnings as errors")
    bld = sub.add_parser("build", help="build every language of the site")
    bld.add_argument("--project", type=Path, default=Path("."), metavar="DIR")
    bld.add_argument("--site-dir", type=Path, default=None, metavar="OUT")
    bld.add_argument("--strict", action="store_true", help="treat data warnings as errors")
    pdf = sub.add_parser("pdf", help="print the monitoring reports of the built site to PDF")
    pdf.add_argument("--project", type=Path, default=Path("."), metavar="DIR")
    pdf.add_argument("--site-dir", type=Path, default=None, metavar="OUT")
    tr = sub.add_parser("translations", help="translation coverage and outdated translations")
    tr_sub = tr.add_subparsers(dest="action", required=True, metavar="ACTION")
    st = tr_sub.add_parser("status", help="how many texts are translated, missing, outdated")
    st.add_argument("--project", type=Path, default=Path("."), metavar="DIR")
    st.add_argument("--format", choices=("text", "json"), default="text")
    mc = tr_sub.add_parser("mark-current", help="record that translations match their source")
    mc.add_argument("keys", nargs="*", metavar="TEXT", help="text keys or file/path prefixes")
    mc.add_argument("--all", action="store_true", help="every translated text")
    mc.add_argument("--project", type=Path, default=Path("."), metavar="DIR")
    srv = sub.add_parser("serve", help="preview the site, rebuilding on every change")
    srv.add_argument("--project", type=Path, default=Path("."), metavar="DIR")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--host", default="127.0.0.1")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    _setup_logging()
    if args.command == "validate":
        return cmd_validate(args.project, args.format, args.strict)
    if args.command == "build":
        return cmd_build(args.project, args.site_dir, args.strict)
    if args.command == "pdf":
        return cmd_pdf(args.project, args.site_dir)
    if args.command == "translations":
        from docs_build import translations_cli

        if not _project_ok(args.project):
            return EXIT_USAGE
        if args.action == "status":
            return translations_cli.cmd_status(args.project, args.format)
        return translations_cli.cmd_mark_current(args.project, args.keys, args.all)
    if args.command == "new":
        from docs_build.scaffold import create_site

        return create_site(args.dir, [c.strip() for c in args.languages.split(",") if c.strip()])
    from docs_build.serve import serve

    return serve(args.project, args.host, args.port)


def _setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name, level in (("mkdocs", logging.WARNING), ("planpress", logging.INFO)):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False


def _project_ok(project: Path) -> bool:
    if (project / "data").is_dir() or (project / "mkdocs.yml").is_file():
        return True
    sys.stderr.write(
        f"planpress: {project} is not a PlanPress site (no data/ folder).\n"
        "  Run this in the site's folder, or pass --project DIR.\n"
    )
    return False


def cmd_validate(project: Path, fmt: str, strict: bool) -> int:
    """Validate the data and print every problem."""
    if not _project_ok(project):
        return EXIT_USAGE
    _, problems = load_dataset(project.resolve(), interface_languages(project.resolve()))
    items = problems.sorted()
    if fmt == "json":
        sys.stdout.write(format_json(items) + "\n")
    elif items:
        sys.stdout.write(format_report(items, strict) + "\n")
    else:
        sys.stdout.write("The data is valid.\n")
    return EXIT_DATA if problems.failed(strict) else EXIT_OK


def cmd_build(project: Path, site_dir: Path | None, strict: bool) -> int:
    """Build the site; on any data error leave the previous site as it was."""
    from docs_build.build import build_site
    from docs_build.pdf import PdfError

    if not _project_ok(project):
        return EXIT_USAGE
    try:
        result = build_site(project, site_dir, strict=strict)
    except DataError as exc:
        sys.stderr.write(format_report(exc.problems, exc.strict) + "\n")
        sys.stderr.write("The previous site, if any, was left unchanged.\n")
        return EXIT_DATA
    except PdfError as exc:
        sys.stderr.write(f"planpress: the site was not built: {exc}\n")
        sys.stderr.write("The previous site, if any, was left unchanged.\n")
        return EXIT_DATA
    except MkDocsException as exc:
        reason = "see the problems above" if "BuildError" in str(exc) else str(exc).rstrip("!.")
        sys.stderr.write(
            f"planpress: the site was not built ({reason}).\n"
            "The previous site, if any, was left unchanged.\n"
        )
        return EXIT_DATA
    langs = ", ".join(result.languages)
    sys.stdout.write(f"Built {langs} into {result.site_dir} ({result.warnings} data warning(s)).\n")
    return EXIT_OK


def cmd_pdf(project: Path, site_dir: Path | None) -> int:
    """Print the monitoring reports of an already built site to PDF."""
    from docs_build.pdf import PdfError, write_report_pdfs

    if not _project_ok(project):
        return EXIT_USAGE
    data, problems = load_dataset(project.resolve(), interface_languages(project.resolve()))
    if data is None:
        sys.stderr.write(format_report(problems.sorted(), False) + "\n")
        return EXIT_DATA
    try:
        written = write_report_pdfs(data, (site_dir or project / "site").resolve())
    except PdfError as exc:
        sys.stderr.write(f"planpress: the PDFs were not written: {exc}\n")
        return EXIT_DATA
    sys.stdout.write(f"Wrote {len(written)} PDF(s) of the monitoring reports.\n")
    return EXIT_OK
