"""Machine-readable exports of the data and of the values computed from it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def json_bytes(document: object, compact: bool = False) -> bytes:
    """Serialize a document the same way every time: UTF-8, final newline.

    `compact` writes one line with Python's C encoder (indenting runs the much
    slower pure-Python one): used for the many small per-item files.
    """
    if compact:
        text = json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    else:
        text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def write_files(files: Iterable[tuple[Path, bytes]]) -> list[Path]:
    """Write many small files, in threads: here, opening files is what costs."""
    items = list(files)
    for parent in sorted({path.parent for path, _ in items}):
        parent.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda item: item[0].write_bytes(item[1]), items))
    return [path for path, _ in items]
