"""Problems found in the data: where, what, what was expected, and a hint."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors stop the build, warnings are reported."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a data file: path relative to the project and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


NOWHERE = Loc("", 0)


@dataclass(frozen=True)
class Problem:
    """One located problem with a stable code."""

    loc: Loc
    path: str
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def sort_key(self) -> tuple[str, int, str, str]:
        """Order problems by file, line, then path and code."""
        return (self.loc.file, self.loc.line, self.path, self.code)

    def format_text(self) -> str:
        """Render the problem the way data owners read it in a terminal."""
        where = f"{self.loc}: " if self.loc.file else ""
        path = f"{self.path}: " if self.path else ""
        label = "warning: " if self.severity is Severity.WARNING else ""
        hint = f"\n  {self.hint}" if self.hint else ""
        return f"{where}{label}{path}{self.message}{hint} [{self.code}]"

    def as_dict(self) -> dict[str, str | int]:
        """Return the problem as a JSON-ready mapping."""
        return {
            "file": self.loc.file,
            "line": self.loc.line,
            "path": self.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


class Problems:
    """An ordered collector of problems; never stops at the first one."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, loc: Loc, path: str, code: str, message: str, hint: str = "") -> None:
        """Record an error."""
        self.items.append(Problem(loc, path, code, message, hint, Severity.ERROR))

    def warn(self, loc: Loc, path: str, code: str, message: str, hint: str = "") -> None:
        """Record a data warning."""
        self.items.append(Problem(loc, path, code, message, hint, Severity.WARNING))

    def extend(self, other: Problems) -> None:
        """Take over the problems of another collector."""
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        """Return the errors, sorted."""
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Return the warnings, sorted."""
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        """Return every problem once, sorted by file and line."""
        return sorted(dict.fromkeys(self.items), key=Problem.sort_key)

    def failed(self, strict: bool = False) -> bool:
        """Tell whether the data must not be published."""
        return bool(self.errors) or (strict and bool(self.warnings))


def format_report(problems: list[Problem], strict: bool = False) -> str:
    """Render all problems and a closing count line."""
    lines = [p.format_text() for p in problems]
    n_err = sum(p.severity is Severity.ERROR for p in problems)
    n_warn = len(problems) - n_err
    if strict and n_warn:
        lines.append(
            f"{n_err + n_warn} problem(s) ({n_warn} warning(s) count as errors: --strict)."
        )
    elif n_err:
        lines.append(f"{n_err} error(s), {n_warn} warning(s): the site was not built.")
    elif n_warn:
        lines.append(f"0 errors, {n_warn} warning(s).")
    return "\n".join(lines)


def format_json(problems: list[Problem]) -> str:
    """Render problems as a JSON array."""
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)
