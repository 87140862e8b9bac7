"""Machine-readable exports of the data and of the values computed from it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def json_bytes(document: object, compact: bool = False) -> bytes:
    """Serialize a document the same way every time: UTF-8, final newline.

    `compact` writes one line (the many small per-item files). Otherwise the outer
    three levels are indented, one item per line, and anything deeper stays on its
    item's line: readable, and written by Python's C encoder, which indenting would
    replace by the much slower pure-Python one.
    """
    if compact:
        text = json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    else:
        text = _indented(document, 0)
    return (text + "\n").encode("utf-8")


INDENTED_LEVELS = 3


def _indented(value: object, level: int) -> str:
    """Return JSON with containers above INDENTED_LEVELS spread over lines."""
    if level < INDENTED_LEVELS and isinstance(value, dict) and value:
        inner = "\n" + "  " * (level + 1)
        items = (
            f"{_one_line(str(key))}: {_indented(item, level + 1)}" for key, item in value.items()
        )
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    if level < INDENTED_LEVELS and isinstance(value, list | tuple) and value:
        inner = "\n" + "  " * (level + 1)
        items = (_indented(item, level + 1) for item in value)
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    return _one_line(value)


def _one_line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def write_files(files: Iterable[tuple[Path, bytes]]) -> list[Path]:
    """Write many small files, in threads: here, opening files is what costs."""
    items = list(files)
    for parent in sorted({path.parent for path, _ in items}):
        parent.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda item: item[0].write_bytes(item[1]), items))
    return [path for path, _ in items]
