"""One build's loaded data and helpers, shared by every language's MkDocs run."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from docs_build.compute import Progress
from docs_build.dataset import load_dataset
from docs_build.i18n import Strings, interface_languages, load_strings
from docs_build.model import Dataset
from docs_build.problems import Problem, Problems, Severity
from docs_build.progress import IndicatorProgress
from docs_build.render.templates import template_env
from docs_build.render.view import View
from docs_build.suppress import published_progress
from docs_build.translations import outdated_keys

log = logging.getLogger("planpress.data")


class DataError(Exception):
    """The data has errors (or warnings under --strict): nothing is built."""

    def __init__(self, problems: list[Problem], strict: bool) -> None:
        self.problems = problems
        self.strict = strict
        count = sum(p.severity is Severity.ERROR or strict for p in problems)
        super().__init__(f"{count} problem(s) in the data; the site was not built.")


@dataclass
class Session:
    """Data loaded and validated once, with per-language strings."""

    project: Path
    data: Dataset
    problems: Problems
    progress: Progress
    env: jinja2.Environment
    strings: dict[str, Strings] = field(default_factory=dict)
    indicators: dict[str, IndicatorProgress] = field(default_factory=dict)
    outdated: frozenset[tuple[str, str]] = frozenset()
    lang: str = ""
    pdfs: bool = False  # this build prints the reports' PDFs (set by build_site)

    def view(self, lang: str | None = None, here: str = "") -> View:
        """Return render helpers for a language (the current one by default)."""
        code = lang or self.lang or self.data.site.default_language
        return View(
            self.data,
            self.progress,
            code,
            self.strings[code],
            here,
            self.indicators,
            self.outdated,
            self.project,
            self.pdfs,
        )


def open_session(project: Path, strict: bool = False) -> Session:
    """Load and validate the project's data once; raise DataError when unusable."""
    data, problems = load_dataset(project, interface_languages(project))
    strings: dict[str, Strings] = {}
    if data is not None:
        for lang in data.site.languages:
            strings[lang] = load_strings(project, lang, problems)
    if data is None or problems.failed(strict):
        raise DataError(problems.sorted(), strict)
    return Session(
        project,
        data,
        problems,
        Progress(data),
        template_env(project),
        strings,
        published_progress(data),
        outdated_keys(data),
    )


_current: list[Session] = []


@contextmanager
def active(session: Session) -> Iterator[Session]:
    """Make a session the one MkDocs plugins and macros use during a build."""
    _current.append(session)
    try:
        yield session
    finally:
        _current.pop()


def current() -> Session | None:
    """Return the active session, if a PlanPress build is running."""
    return _current[-1] if _current else None
