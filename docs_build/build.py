"""Build every language of a site, atomically: bad input never breaks good output."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import posixpath
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from docs_build import pdf
from docs_build.chooser import write_chooser
from docs_build.compute import data_date
from docs_build.export.calendar import write_calendars
from docs_build.export.feeds import write_feeds
from docs_build.export.files import write_downloads
from docs_build.i18n import SHIPPED_THEME
from docs_build.pages import redirects
from docs_build.session import Session, active, open_session

log = logging.getLogger("planpress.build")
data_log = logging.getLogger("planpress.data")


@dataclass(frozen=True)
class BuildResult:
    """What a successful build produced."""

    site_dir: Path
    languages: tuple[str, ...]
    warnings: int


def lang_dir(lang: str) -> str:
    """Return the URL segment of a language: its code in lower case."""
    return lang.lower()


def build_site(
    project: Path,
    site_dir: Path | None = None,
    strict: bool = False,
    mkdocs_strict: bool = False,
    session: Session | None = None,
    pdfs: bool | None = None,
) -> BuildResult:
    """Validate, build each language into a temporary folder, then swap it in.

    The reports' PDFs are printed when Chromium is installed, unless `pdfs` is
    False or, when it is not given, the environment sets PLANPRESS_PDFS=0 (a live
    preview needs none; most tests neither). Report pages link their PDF only when
    it is printed.
    """
    project = project.resolve()
    session = session or open_session(project, strict=strict)
    wanted = pdfs if pdfs is not None else os.environ.get("PLANPRESS_PDFS", "1") != "0"
    if wanted and pdf.chromium_path() is None:
        log.info("PDFs of the reports were not written: Chromium is not installed.")
    session.pdfs = wanted and pdf.chromium_path() is not None
    for problem in session.problems.warnings:
        data_log.warning(problem.format_text())
    out = (site_dir or project / "site").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".planpress-build-", dir=out.parent))
    try:
        with active(session), reproducible_time(session), frozen_data():
            for lang in session.data.site.languages:
                session.lang = lang
                build_language(session, staging / lang_dir(lang), mkdocs_strict)
                write_redirects(session, lang, staging / lang_dir(lang))
            write_chooser(session, staging)
            write_downloads(session.data, staging / "data")  # with progress.json and rules.json
            write_feeds(session.data, session.strings, staging)
            write_calendars(session.data, session.strings, staging)
        if session.pdfs:
            # Unchanged reports are copied from the site being replaced. PdfError: no half site.
            pdf.write_report_pdfs(session.data, staging, previous=out if out.is_dir() else None)
        swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(out, session.data.site.languages, len(session.problems.warnings))


def build_language(session: Session, out: Path, strict: bool) -> None:
    """Run MkDocs for one language of the site."""
    project = session.project
    lang = session.lang
    raw = _read_mkdocs_yml(project / "mkdocs.yml")
    theme: dict[str, Any] = dict(raw.get("theme") or {"name": "material"})
    theme["language"] = material_language(lang)
    custom = project / str(theme.get("custom_dir", "theme/overrides"))
    theme["custom_dir"] = str(custom if custom.is_dir() else SHIPPED_THEME / "overrides")
    content = project / "content" / lang
    if content.is_dir():
        _run_mkdocs(session, project, content, out, theme, strict)
        return
    # No pages written in this language yet: every page falls back, marked.
    with tempfile.TemporaryDirectory(prefix="planpress-empty-") as empty:
        _run_mkdocs(session, project, Path(empty), out, theme, strict)


def _run_mkdocs(
    session: Session, project: Path, content: Path, out: Path, theme: dict[str, Any], strict: bool
) -> None:
    lang = session.lang
    config = load_config(
        str(project / "mkdocs.yml"),
        docs_dir=str(content),
        site_dir=str(out),
        site_url=session.data.site.base_url + lang_dir(lang) + "/",
        theme=theme,
        strict=strict,
    )
    _add_shipped_theme(config)
    search = config.plugins.get("material/search")
    if search is not None and not search.config.lang:
        search.config.lang = search_languages(lang)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def write_redirects(session: Session, lang: str, out: Path) -> None:
    """Write a small page at every former address that points to the new one."""
    template = session.env.get_template("redirect.html")
    view = session.view(lang)
    for old, new in redirects(session.data):
        target = posixpath.relpath(new, old).rstrip("/") + "/"
        page = out / old / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        html = template.render(
            lang=lang,
            target=target,
            canonical=session.data.site.base_url + lang_dir(lang) + "/" + new,
            title=view.t("redirect.title"),
            text=view.t("redirect.text"),
        )
        page.write_text(html, encoding="utf-8")


def _read_mkdocs_yml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return raw if isinstance(raw, dict) else {}


def _add_shipped_theme(config: Any) -> None:
    """Let a site's own overrides sit on top of PlanPress's shipped ones."""
    shipped = str((SHIPPED_THEME / "overrides").resolve())
    dirs = config.theme.dirs
    if shipped not in [str(Path(d).resolve()) for d in dirs]:
        dirs.insert(1, shipped)


# Languages with a stemmer in Material's search (lunr-languages).
LUNR_LANGUAGES = frozenset(
    [
        "ar",
        "da",
        "de",
        "du",
        "el",
        "es",
        "fi",
        "fr",
        "he",
        "hi",
        "hu",
        "hy",
        "it",
        "ja",
        "kn",
        "ko",
        "nl",
        "no",
        "pt",
        "ro",
        "ru",
        "sa",
        "sv",
        "ta",
        "te",
        "th",
        "tr",
        "vi",
        "zh",
    ]
)
CYRILLIC = frozenset({"sr", "mk", "bg", "uk", "be", "mn", "kk", "ky", "tg"})


def search_languages(lang: str) -> list[str]:
    """Choose search languages: the site's own when supported, else by script.

    Lunr's English trimmer drops non-Latin letters, so a Cyrillic language
    without a stemmer of its own uses Russian's (which keeps Cyrillic words).
    """
    base = lang.split("-")[0].lower()
    if base == "en":
        return ["en"]
    if base in LUNR_LANGUAGES:
        return [base, "en"]
    if base in CYRILLIC or "-cyrl" in lang.lower():
        return ["ru", "en"]
    return ["en"]


MATERIAL_LANGUAGES = {"sr-Cyrl": "sr", "sr-Latn": "sh", "zh-Hans": "zh", "pt-PT": "pt"}


def material_language(lang: str) -> str:
    """Return the Material theme language closest to a site language."""
    import material

    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    for candidate in (MATERIAL_LANGUAGES.get(lang, lang), lang.split("-")[0]):
        if (languages / f"{candidate}.html").is_file():
            return candidate
    return "en"


def swap_in(staging: Path, out: Path) -> None:
    """Replace the output folder with the new build in two renames."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def frozen_data() -> Iterator[None]:
    """Keep the loaded data out of the garbage collector's scans while pages are made.

    The data is millions of long-lived objects; without this every collection
    during rendering walks them again (measured: exports 40% faster).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def reproducible_time(session: Session) -> Iterator[None]:
    """Date what tools write (MkDocs' sitemap) from the data, not the clock."""
    day = data_date(session.data)
    epoch = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
