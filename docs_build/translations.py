"""Translation coverage and outdated translations.

`data/translations.lock.yml` records, for each translated text, a fingerprint
of the default-language text the translation was made from. When the source
text changes, the translation "may be out of date" until a translator runs
`planpress translations mark-current`. Without a lock file, or without an
entry for a text, every existing translation counts as current.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docs_build.load import Mapping, Scalar, read_yaml_file
from docs_build.model import Dataset, Text
from docs_build.problems import Loc, Problem, Problems, Severity

LOCK_NAME = "translations.lock.yml"
LOCK_HEADER = (
    "# Fingerprints of the source texts each translation was made from.\n"
    "# Written by `planpress translations mark-current`; do not edit by hand.\n"
)
STATES = ("translated", "missing", "outdated")
WORD = re.compile(r"[A-Za-z_]+")
KINDS = (
    "areas", "objectives", "measures", "activities", "indicators", "risks", "principles",
    "targets", "revisions", "recommendations", "criteria", "corrections", "evidence",
)  # fmt: skip
Lock = dict[str, dict[str, str]]


def fingerprint(source: str) -> str:
    """Return a short, stable fingerprint of a source text."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class TextState:
    """One text in one language: translated, missing or outdated."""

    key: str
    lang: str
    state: str
    loc: Loc

    @property
    def file(self) -> str:
        """Return the data file the text is written in."""
        return self.key.split("#", 1)[0]

    @property
    def path(self) -> str:
        """Return the path of the text inside its file."""
        return self.key.split("#", 1)[1]


def read_lock(project: Path, problems: Problems) -> Lock | None:
    """Read the lock file, or None when the site has none."""
    path = project / "data" / LOCK_NAME
    if not path.is_file():
        return None
    node = read_yaml_file(path, f"data/{LOCK_NAME}", problems)
    lock: Lock = {}
    if not isinstance(node, Mapping):
        return lock
    for key, (_, value) in node.items.items():
        if isinstance(value, Mapping):
            lock[key] = {
                lang: fp.text for lang, (_, fp) in value.items.items() if isinstance(fp, Scalar)
            }
    return lock


def write_lock(project: Path, lock: Lock) -> None:
    """Write the lock file in a stable order, every value quoted."""
    lines = [LOCK_HEADER]
    for key in sorted(lock):
        if lock[key]:
            lines.append(f"{_quote(key)}:\n")
            lines += [f"  {lang}: {_quote(fp)}\n" for lang, fp in sorted(lock[key].items())]
    (project / "data" / LOCK_NAME).write_text("".join(lines), encoding="utf-8")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_states(
    texts: Iterable[Text], languages: tuple[str, ...], default: str, lock: Lock | None
) -> list[TextState]:
    """Return the state of every text in every language but the default."""
    found = []
    for text in texts:
        source = text.get(default)
        if source is None or not text.key:
            continue
        current = fingerprint(source)
        for lang in languages:
            if lang == default:
                continue
            if text.get(lang) is None:
                state = "missing"
            elif lock is not None and lock.get(text.key, {}).get(lang, current) != current:
                state = "outdated"
            else:
                state = "translated"
            found.append(TextState(text.key, lang, state, text.loc))
    return found


def mark_current(
    texts: Iterable[Text], default: str, lock: Lock, selected: Iterable[str] | None
) -> int:
    """Record the current source of translated texts; return how many changed."""
    wanted = list(selected) if selected is not None else None
    changed = 0
    for text in texts:
        source = text.get(default)
        if source is None or not text.key:
            continue
        if wanted is not None and not any(_selects(w, text.key) for w in wanted):
            continue
        entry = lock.setdefault(text.key, {})
        for lang in text.languages:
            if lang != default and entry.get(lang) != fingerprint(source):
                entry[lang] = fingerprint(source)
                changed += 1
    return changed


def _selects(selector: str, key: str) -> bool:
    """A selector names a text, or every text under a file or a path prefix."""
    return key == selector or (key.startswith(selector) and key[len(selector)] in ".[#")


def kind_of(state: TextState) -> str:
    """Name the kind of item a text belongs to (activities, indicators, ...)."""
    words: list[str] = [w for w in WORD.findall(state.path) if w in KINDS]
    if words:
        return words[-1]
    stem = Path(state.file).stem
    return "reports" if stem.isdigit() else stem


def counts_by(states: Iterable[TextState], lang: str, key: str) -> dict[str, Counter[str]]:
    """Count states of one language grouped by 'file' or 'kind'."""
    grouped: dict[str, Counter[str]] = {}
    for state in states:
        if state.lang != lang:
            continue
        group = state.file if key == "file" else kind_of(state)
        grouped.setdefault(group, Counter())[state.state] += 1
    return dict(sorted(grouped.items()))


def states_of(data: Dataset) -> list[TextState]:
    """Return the translation state of every text of a dataset."""
    site = data.site
    return text_states(data.texts, site.languages, site.default_language, data.lock)


def outdated_keys(data: Dataset) -> frozenset[tuple[str, str]]:
    """Return (text key, language) for every translation that may be out of date."""
    return frozenset((s.key, s.lang) for s in states_of(data) if s.state == "outdated")


def warn_outdated(data: Dataset) -> list[Problem]:
    """Return a warning for each translation made from an older source text."""
    return [
        Problem(
            s.loc,
            s.path,
            "i18n.outdated",
            f"the '{s.lang}' translation may be out of date: the '{data.site.default_language}' "
            "text changed after it was translated.",
            f"Update the translation, then run: planpress translations mark-current '{s.key}'",
            Severity.WARNING,
        )
        for s in states_of(data)
        if s.state == "outdated"
    ]


ITEM = re.compile(r"(activities|objectives|areas|measures)[\[.]([^\].]+(?:\.[0-9]+)*)\]?")
FILE_KINDS = {
    "indicators": "indicator",
    "institutions": "institution",
    "recommendations": "recommendation",
}
KIND_OF_CONTAINER = {"activities": "activity", "objectives": "objective", "areas": "area"}


def page_of(state: TextState) -> tuple[str, str] | None:
    """Return the (kind, id) of the page that shows a text, when there is one."""
    found = [(m.group(1), m.group(2)) for m in ITEM.finditer(state.path)]
    for container, item_id in reversed(found):
        if container in KIND_OF_CONTAINER and not item_id.startswith("#"):
            return KIND_OF_CONTAINER[container], item_id
    stem = Path(state.file).stem
    top = re.match(r"\[([^\]#][^\]]*)\]", state.path)
    if stem in FILE_KINDS and top:
        return FILE_KINDS[stem], top.group(1)
    folder = Path(state.file).parent.name
    if stem == "glossary":
        return "glossary", ""
    if stem == "strategy":
        return "strategy", ""
    if folder == "action-plans":
        return "action-plan", stem
    if folder == "monitoring":
        return "report", stem
    return None
