"""`planpress translations status | mark-current`."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from docs_build.dataset import load_dataset
from docs_build.i18n import interface_languages
from docs_build.model import Dataset
from docs_build.problems import format_report
from docs_build.translations import (
    STATES,
    TextState,
    counts_by,
    mark_current,
    states_of,
    write_lock,
)


def _load(project: Path) -> Dataset | None:
    data, problems = load_dataset(project.resolve(), interface_languages(project.resolve()))
    if data is None:
        sys.stderr.write(format_report(problems.errors) + "\n")
    return data


def status_document(data: Dataset) -> dict[str, object]:
    """Return translation coverage per language, file and kind of item."""
    states = states_of(data)
    languages: dict[str, object] = {}
    for lang in data.site.languages:
        if lang == data.site.default_language:
            continue
        mine = [s for s in states if s.lang == lang]
        totals = Counter(s.state for s in mine)
        languages[lang] = {
            **{state: totals[state] for state in STATES},
            "files": {f: dict(c) for f, c in counts_by(states, lang, "file").items()},
            "kinds": {k: dict(c) for k, c in counts_by(states, lang, "kind").items()},
            "texts": [_entry(s) for s in mine if s.state != "translated"],
        }
    return {"default_language": data.site.default_language, "languages": languages}


def _entry(state: TextState) -> dict[str, object]:
    return {"key": state.key, "file": state.file, "line": state.loc.line, "state": state.state}


def cmd_status(project: Path, fmt: str) -> int:
    """Print translation coverage."""
    data = _load(project)
    if data is None:
        return 1
    document = status_document(data)
    if fmt == "json":
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    languages = document["languages"]
    assert isinstance(languages, dict)
    for lang, info in languages.items():
        total = sum(info[s] for s in STATES)
        sys.stdout.write(
            f"{lang}: {info['translated']} of {total} texts translated, "
            f"{info['missing']} missing, {info['outdated']} may be out of date\n"
        )
        for text in info["texts"]:
            sys.stdout.write(f"  {text['file']}:{text['line']}: {text['state']}: {text['key']}\n")
    return 0


def cmd_mark_current(project: Path, keys: list[str], everything: bool) -> int:
    """Record that the given translations were checked against the current source."""
    if not keys and not everything:
        sys.stderr.write(
            "planpress translations mark-current: name the texts (as shown by "
            "`planpress translations status`), a file or path prefix, or use --all.\n"
        )
        return 2
    data = _load(project)
    if data is None:
        return 1
    lock = {k: dict(v) for k, v in (data.lock or {}).items()}
    changed = mark_current(
        data.texts, data.site.default_language, lock, None if everything else keys
    )
    if changed == 0 and keys:
        sys.stderr.write("No translated text matches " + ", ".join(keys) + ".\n")
        return 1
    write_lock(project.resolve(), lock)
    sys.stdout.write(f"Marked {changed} translation(s) as current in data/translations.lock.yml.\n")
    return 0
