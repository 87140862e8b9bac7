"""Read YAML files into raw nodes that keep their line numbers.

The rules are YAML 1.2 (core schema): `yes`/`no`/`on`/`off` stay strings,
duplicate keys and merge keys are errors, and hostile input (alias bombs,
deep nesting, huge files, bad bytes) is answered with a located error.
Parsing uses libyaml's event stream and a small composer of our own: it is
several times faster than PyYAML's composer and never recurses.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser

from docs_build.problems import Loc, Problems

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASED_NODES = 100_000

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
_STR_TAG = "tag:yaml.org,2002:str"

Value = None | bool | int | float | str


class Node:
    """A raw YAML node with the file and line it came from."""

    __slots__ = ("file", "line", "size")

    def __init__(self, file: str, line: int) -> None:
        self.file = file
        self.line = line
        self.size = 1

    @property
    def loc(self) -> Loc:
        """Return where the node starts."""
        return Loc(self.file, self.line)

    kind = "value"


class Scalar(Node):
    """A scalar: its text as written and its YAML 1.2 value."""

    __slots__ = ("plain", "text", "value")
    kind = "text"

    def __init__(self, file: str, line: int, text: str, value: Value, plain: bool) -> None:
        self.file = file
        self.line = line
        self.size = 1
        self.text = text
        self.value = value
        self.plain = plain


class Mapping(Node):
    """A mapping from string keys to nodes; keys keep their own lines."""

    __slots__ = ("items",)
    kind = "mapping"

    def __init__(self, file: str, line: int) -> None:
        super().__init__(file, line)
        self.items: dict[str, tuple[Scalar, Node]] = {}


class Sequence(Node):
    """A list of nodes."""

    __slots__ = ("items",)
    kind = "list"

    def __init__(self, file: str, line: int) -> None:
        super().__init__(file, line)
        self.items: list[Node] = []


_MAYBE_NOT_STR = frozenset("0123456789+-.~nNtTfF")


def resolve_plain(text: str) -> Value:
    """Resolve a plain scalar by the YAML 1.2 core schema."""
    if text and text[0] not in _MAYBE_NOT_STR:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def decode(data: bytes, file: str, problems: Problems) -> str | None:
    """Decode UTF-8 (a byte-order mark is tolerated), or report the bad line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(
            Loc(file, line),
            "",
            "yaml.encoding",
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}).",
            'Save the file as UTF-8 in your editor ("Save with encoding: UTF-8").',
        )
        return None


def read_yaml_file(path: Path, file: str, problems: Problems) -> Node | None:
    """Read one YAML file into raw nodes, reporting every problem found."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.error(
                Loc(file, 0),
                "",
                "yaml.too_large",
                f"the file is {size / 1048576:.0f} MB; files may be at most "
                f"{MAX_FILE_BYTES // 1048576} MB.",
                "Split the data into several files (for example one action plan per file).",
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.error(
            Loc(file, 0), "", "yaml.unreadable", f"cannot read the file: {exc.strerror}."
        )
        return None
    return parse_yaml(data, file, problems)


def parse_yaml(data: bytes, file: str, problems: Problems) -> Node | None:
    """Parse YAML bytes into raw nodes; None when the file cannot be used."""
    text = decode(data, file, problems)
    if text is None:
        return None
    composer = _Composer(file, problems)
    try:
        root = composer.compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = exc.problem or exc.context or "the text is not valid YAML"
        problems.error(
            Loc(file, line),
            "",
            "yaml.syntax",
            f"this is not valid YAML: {what}.",
            "Check the indentation and that every ':' inside a text is within quotes.",
        )
        return None
    except yaml.YAMLError as exc:
        problems.error(Loc(file, 0), "", "yaml.syntax", f"this is not valid YAML: {exc}.")
        return None
    if root is None and not composer.failed:
        problems.error(
            Loc(file, 1),
            "",
            "yaml.empty",
            "the file is empty.",
            "Write the data, or delete the file if it is optional.",
        )
    return root


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Loading makes millions of objects and no reference cycles; the collector
    would rescan them again and again, making big data sets quadratic.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Stop(Exception):
    """Raised inside the composer when the file cannot be read further."""


class _Composer:
    """Build raw nodes from libyaml events with an explicit stack."""

    def __init__(self, file: str, problems: Problems) -> None:
        self.file = file
        self.problems = problems
        self.anchors: dict[str, Node] = {}
        self.aliased = 0
        self.failed = False
        self._pending_anchors: list[str | None] = []

    def fail(self, line: int, code: str, message: str, hint: str = "") -> _Stop:
        self.failed = True
        self.problems.error(Loc(self.file, line), "", code, message, hint)
        return _Stop()

    def compose(self, text: str) -> Node | None:
        with paused_gc():
            try:
                return self._compose(text)
            except _Stop:
                return None

    def _compose(self, text: str) -> Node | None:
        parser = CParser(text)
        try:
            stack: list[Mapping | Sequence] = []
            keys: list[Scalar | None] = []
            root: Node | None = None
            documents = 0
            while True:
                event: Any = parser.get_event()
                kind = type(event)
                line = event.start_mark.line + 1
                if kind is yaml.ScalarEvent:
                    node: Node = self._scalar(event, line)
                elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    self._check_tag(event, line)
                    if len(stack) >= MAX_DEPTH:
                        raise self.fail(
                            line,
                            "yaml.too_deep",
                            f"the data is nested more than {MAX_DEPTH} levels deep.",
                            "Data files are a few levels deep; check the indentation.",
                        )
                    container: Mapping | Sequence = (
                        Mapping(self.file, line)
                        if kind is yaml.MappingStartEvent
                        else Sequence(self.file, line)
                    )
                    stack.append(container)
                    keys.append(None)
                    self._pending_anchors.append(event.anchor)
                    continue
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    node = stack.pop()
                    keys.pop()
                    anchor = self._pending_anchors.pop()
                    if anchor:
                        self.anchors[anchor] = node
                elif kind is yaml.AliasEvent:
                    node = self._alias(event, line)
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise self.fail(
                            line,
                            "yaml.multi_document",
                            "the file holds more than one YAML document ('---').",
                            "Keep one document per file; remove the extra '---' line.",
                        )
                    continue
                elif kind is yaml.StreamEndEvent:
                    return root
                else:
                    continue
                if not stack:
                    root = node
                    continue
                self._attach(stack[-1], keys, node)
        finally:
            parser.dispose()

    def _attach(self, parent: Mapping | Sequence, keys: list[Scalar | None], node: Node) -> None:
        if isinstance(parent, Sequence):
            parent.items.append(node)
            parent.size += node.size
            return
        key = keys[-1]
        if key is None:
            if not isinstance(node, Scalar):
                raise self.fail(
                    node.line,
                    "yaml.complex_key",
                    "a key must be a plain word or number, not a list or mapping.",
                )
            if node.plain and node.text == "<<":
                raise self.fail(
                    node.line,
                    "yaml.merge_key",
                    "merge keys ('<<') are not supported.",
                    "Write the keys out in full; anchors and aliases of whole values are allowed.",
                )
            keys[-1] = node
            return
        keys[-1] = None
        first = parent.items.get(key.text)
        if first is not None:
            self.problems.error(
                Loc(self.file, key.line),
                key.text,
                "yaml.duplicate_key",
                f"the key '{key.text}' appears twice in the same mapping "
                f"(first at line {first[0].line}).",
                "Remove one of them: with two, one would be silently ignored.",
            )
            self.failed = True
            return
        parent.items[key.text] = (key, node)
        parent.size += node.size

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> Scalar:
        self._check_tag(event, line)
        text = event.value
        plain = bool(event.implicit[0]) and event.tag is None
        value: Value = resolve_plain(text) if plain else text
        node = Scalar(self.file, line, text, value, plain)
        if event.anchor:
            self.anchors[event.anchor] = node
        return node

    def _alias(self, event: yaml.AliasEvent, line: int) -> Node:
        target = self.anchors.get(event.anchor or "")
        if target is None:
            raise self.fail(
                line,
                "yaml.unknown_anchor",
                f"the alias '*{event.anchor}' refers to no anchor defined before it.",
                f"Define '&{event.anchor}' earlier in the file, on a complete value.",
            )
        self.aliased += target.size
        if self.aliased > MAX_ALIASED_NODES:
            raise self.fail(
                line,
                "yaml.alias_limit",
                f"aliases repeat more than {MAX_ALIASED_NODES:,} values in this file "
                "(an 'alias bomb').",
                "Use aliases for small repeated values only, or write the values out.",
            )
        return target

    def _check_tag(self, event: yaml.NodeEvent, line: int) -> None:
        tag = getattr(event, "tag", None)
        if tag is None or tag == "!" or tag == _STR_TAG:
            return
        raise self.fail(
            line,
            "yaml.tag",
            f"the tag '{tag}' is not allowed.",
            "Remove the '!…' tag; write the value as plain text or a number.",
        )
