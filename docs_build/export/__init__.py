"""Machine-readable exports of the data and of the values computed from it."""

from __future__ import annotations

import json


def json_bytes(document: object) -> bytes:
    """Serialize a document the same way every time: UTF-8, indent 2, final newline."""
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")
