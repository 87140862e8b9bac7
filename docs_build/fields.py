"""Typed access to raw YAML mappings, reporting every problem with its place.

Readers of each data file describe the keys they allow and ask for typed
values; this module turns wrong types, unknown keys and malformed values
into located problems written for the people who edit the data.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from collections.abc import Sequence as Seq
from dataclasses import dataclass

from docs_build.load import Mapping, Node, Scalar, Sequence
from docs_build.model import EMPTY_TEXT, Quarter, Text
from docs_build.problems import Loc, Problems

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
QUARTER_RE = re.compile(r"(\d{4})-Q([1-4])\Z")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
URL_RE = re.compile(r"(https?://[^\s]+|mailto:[^\s]+)\Z")


def suggest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Return the closest candidates to a misspelt word."""
    pool = list(candidates)
    found = difflib.get_close_matches(word, pool, n=n, cutoff=0.6)
    if not found:
        lower = {c.lower(): c for c in pool}
        found = [lower[w] for w in difflib.get_close_matches(word.lower(), lower, n=n, cutoff=0.6)]
    return found


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return a 'Did you mean' hint, or an empty string."""
    close = suggest(word, candidates)
    if not close:
        return ""
    return "Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def article(word: str) -> str:
    """Return 'a' or 'an' for a word."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def describe(node: Node | None) -> str:
    """Describe a raw value in plain words for an error message."""
    if node is None:
        return "nothing"
    if isinstance(node, Mapping):
        return "a mapping (indented 'key: value' lines)"
    if isinstance(node, Sequence):
        return "a list"
    assert isinstance(node, Scalar)
    value = node.value
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{node.text}' (true/false)"
    if isinstance(value, int | float):
        return f"the number {node.text}"
    text = value if len(value) <= 40 else value[:37] + "..."
    return f"the text '{text}'"


@dataclass(frozen=True)
class Ref:
    """A reference to an item by id, to be resolved after reading."""

    kind: str
    id: str
    loc: Loc
    path: str


@dataclass(frozen=True)
class Definition:
    """Where an id was defined."""

    kind: str
    id: str
    loc: Loc
    path: str
    owner: str = ""


class Ctx:
    """Shared state while reading: problems, languages, ids and references."""

    def __init__(
        self,
        problems: Problems,
        languages: Seq[str] = ("en",),
        default: str = "en",
        interface: set[str] | None = None,
    ):
        self.problems = problems
        self.interface = interface
        self.languages = tuple(languages)
        self.default = default
        self.refs: list[Ref] = []
        self.defs: dict[str, dict[str, Definition]] = {}
        self.former: list[Definition] = []
        self.broken: set[str] = set()
        self.texts: list[Text] = []

    def define(self, kind: str, item_id: str, loc: Loc, path: str) -> None:
        """Register an id, reporting a duplicate of the same kind."""
        table = self.defs.setdefault(kind, {})
        first = table.get(item_id)
        if first is not None:
            self.problems.error(
                loc,
                path,
                "data.duplicate_id",
                f"the {kind} id '{item_id}' is used twice (first at {first.loc}).",
                "Ids must be unique within their kind: give this one another id.",
            )
            return
        table[item_id] = Definition(kind, item_id, loc, path)

    def ref(self, kind: str, item_id: str, loc: Loc, path: str) -> None:
        """Register a reference to resolve once every file is read."""
        self.refs.append(Ref(kind, item_id, loc, path))


def item_path(parent: str, node: Node, index: int) -> str:
    """Name a list item by its id when it has one, else by its position."""
    if isinstance(node, Mapping):
        for key in ("id", "area"):  # an action plan's areas are named by their area id
            entry = node.items.get(key)
            if entry is not None and isinstance(entry[1], Scalar) and entry[1].text:
                return f"{parent}[{entry[1].text}]"
    return f"{parent}[#{index + 1}]"


def join(path: str, key: str) -> str:
    """Append a key to a path."""
    return f"{path}.{key}" if path else key


class Obj:
    """A mapping read against the keys it may hold."""

    def __init__(
        self, ctx: Ctx, node: Node | None, path: str, keys: Seq[str], what: str, loc: Loc
    ) -> None:
        self.ctx = ctx
        self.path = path
        self.what = what
        self.items: dict[str, tuple[Scalar, Node]] = {}
        self.loc = node.loc if node is not None else loc
        self.ok = isinstance(node, Mapping)
        self.item_id = ""
        if isinstance(node, Mapping):
            self.items = node.items
            allowed = set(keys)
            for key, (knode, _) in node.items.items():
                if key not in allowed:
                    hint = did_you_mean(key, keys) or "Allowed keys: " + ", ".join(keys) + "."
                    ctx.problems.error(
                        knode.loc,
                        join(path, key),
                        "data.unknown_key",
                        f"unknown key '{key}' in {what}.",
                        hint,
                    )
        elif node is not None:  # None: absent, reported by the caller if required
            ctx.problems.error(
                self.loc,
                path,
                "data.type",
                f"{what} must be a mapping (indented 'key: value' lines), "
                f"but this is {describe(node)}.",
            )

    # -- basics ---------------------------------------------------------------

    def node(self, key: str) -> Node | None:
        """Return the raw value of a key; None when absent or null."""
        entry = self.items.get(key)
        if entry is None:
            return None
        value = entry[1]
        if isinstance(value, Scalar) and value.value is None and value.plain:
            return None
        return value

    def at(self, key: str) -> Loc:
        """Return the place of a key, or of the mapping when it is absent."""
        entry = self.items.get(key)
        return entry[1].loc if entry is not None else self.loc

    def p(self, key: str) -> str:
        """Return the path of a key."""
        return join(self.path, key)

    def error(self, key: str, code: str, message: str, hint: str = "") -> None:
        """Report a problem at a key."""
        self.ctx.problems.error(self.at(key), self.p(key), code, message, hint)

    def missing(self, key: str, expected: str, hint: str = "") -> None:
        """Report a required key that is absent."""
        if self.ok:
            self.ctx.problems.error(
                self.loc,
                self.p(key),
                "data.missing_key",
                f"{self.what} has no '{key}'; expected {expected}.",
                hint,
            )

    def wrong(self, key: str, expected: str, node: Node | None, hint: str = "") -> None:
        """Report a value of the wrong kind."""
        self.error(key, "data.type", f"expected {expected}, found {describe(node)}.", hint)

    # -- scalars --------------------------------------------------------------

    def string(self, key: str, required: bool = False, expected: str = "a text") -> str | None:
        """Read a plain string (numbers written plainly are taken as written)."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, expected)
            return None
        if isinstance(node, Scalar) and not isinstance(node.value, bool) and node.text.strip():
            return node.text.strip()
        self.wrong(key, expected, node)
        return None

    def id(self, kind: str, key: str = "id") -> str:
        """Read and register the id of an item."""
        value = self.string(key, required=True, expected=f"the {kind}'s id")
        if value is None:
            return ""
        if not check_id(self.ctx, value, self.at(key), self.p(key)):
            return value
        self.ctx.define(kind, value, self.at(key), self.path)
        self.item_id = value
        return value

    def enum(self, key: str, choices: Seq[str], required: bool = False) -> str | None:
        """Read one of a fixed list of words."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, "one of " + ", ".join(choices))
            return None
        if isinstance(node, Scalar) and node.text in choices:
            return node.text
        hint = did_you_mean(node.text if isinstance(node, Scalar) else "", choices)
        self.error(
            key,
            "data.enum",
            f"'{node.text if isinstance(node, Scalar) else describe(node)}' is not allowed here; "
            f"expected one of: {', '.join(choices)}.",
            hint,
        )
        return None

    def number(
        self,
        key: str,
        required: bool = False,
        minimum: float | None = 0,
        maximum: float | None = None,
    ) -> float | None:
        """Read a number, by default non-negative."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, "a number")
            return None
        return read_number(self.ctx, node, self.p(key), minimum, maximum)

    def integer(
        self, key: str, required: bool = False, minimum: int = 0, maximum: int = 10**9
    ) -> int | None:
        """Read a whole number within a range."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, "a whole number")
            return None
        if isinstance(node, Scalar) and type(node.value) is int:
            if minimum <= node.value <= maximum:
                return node.value
            self.error(
                key, "data.range", f"{node.value} is out of range; expected {minimum} to {maximum}."
            )
            return None
        self.wrong(key, "a whole number", node)
        return None

    def year(self, key: str, required: bool = False) -> int | None:
        """Read a year such as 2025."""
        return self.integer(key, required, minimum=1900, maximum=2100)

    def flag(self, key: str, default: bool) -> bool:
        """Read true or false."""
        node = self.node(key)
        if node is None:
            return default
        if isinstance(node, Scalar) and isinstance(node.value, bool):
            return node.value
        self.wrong(key, "true or false", node, "Write true or false (not yes/no, on/off).")
        return default

    def date(self, key: str, required: bool = False) -> dt.date | None:
        """Read an ISO date such as 2025-09-30."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, "a date like 2025-09-30")
            return None
        return read_date(self.ctx, node, self.p(key))

    def quarter(self, key: str, required: bool = False) -> Quarter | None:
        """Read a quarter such as 2025-Q3."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, "a quarter like 2025-Q3")
            return None
        return read_quarter(self.ctx, node, self.p(key))

    def url(self, key: str, required: bool = False) -> str | None:
        """Read a web address (http, https or mailto)."""
        value = self.string(key, required, expected="a web address")
        if value is not None and not URL_RE.match(value):
            self.error(
                key,
                "data.url",
                f"'{value}' is not a web address.",
                "Write a full address starting with https:// (or http://, mailto:).",
            )
            return None
        return value

    # -- composites -----------------------------------------------------------

    def text(self, key: str, required: bool = False) -> Text:
        """Read translatable text: a plain string or {language: text}."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, "a text, or a mapping of languages to texts")
            return EMPTY_TEXT
        text = read_text(self.ctx, node, self.p(key))
        if required and not text and isinstance(node, Mapping):
            self.missing(key, "a text in at least the default language")
        return text

    def seq(
        self, key: str, required: bool = False, expected: str = "a list"
    ) -> list[tuple[Node, str]]:
        """Read a list, returning each item with its path."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, expected)
            return []
        if not isinstance(node, Sequence):
            self.wrong(key, expected, node, "Write each item on its own line starting with '- '.")
            return []
        return [(item, item_path(self.p(key), item, i)) for i, item in enumerate(node.items)]

    def mapping(
        self, key: str, required: bool = False, expected: str = "a mapping"
    ) -> list[tuple[Scalar, Node, str]]:
        """Read a mapping of ids to values, returning key, value and path."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, expected)
            return []
        if not isinstance(node, Mapping):
            self.wrong(key, expected, node)
            return []
        return [(k, v, join(self.p(key), name)) for name, (k, v) in node.items.items()]

    def refs(self, key: str, kind: str, required: bool = False) -> tuple[str, ...]:
        """Read a list of ids of another kind, registering each reference."""
        found: list[str] = []
        node = self.node(key)
        if isinstance(node, Scalar):
            self.wrong(key, f"a list of {kind} ids, like [{node.text}]", node)
            return ()
        for item, path in self.seq(key, required, expected=f"a list of {kind} ids"):
            value = scalar_id(self.ctx, item, path, kind)
            if value:
                self.ctx.ref(kind, value, item.loc, path)
                found.append(value)
        if required and self.ok and node is not None and not found and isinstance(node, Sequence):
            self.error(
                key, "data.missing_key", f"{self.what} needs at least one {kind} in '{key}'."
            )
        return tuple(found)

    def ref(self, key: str, kind: str, required: bool = False) -> str | None:
        """Read one id of another kind, registering the reference."""
        node = self.node(key)
        if node is None:
            if required:
                self.missing(key, f"{article(kind)} {kind} id")
            return None
        value = scalar_id(self.ctx, node, self.p(key), kind)
        if value:
            self.ctx.ref(kind, value, node.loc, self.p(key))
        return value

    def former_ids(self, kind: str) -> tuple[str, ...]:
        """Read former ids whose old addresses redirect to this item."""
        found: list[str] = []
        for item, path in self.seq("former_ids", expected="a list of former ids"):
            value = scalar_id(self.ctx, item, path, kind)
            if value and check_id(self.ctx, value, item.loc, path):
                self.ctx.former.append(Definition(kind, value, item.loc, path, self.item_id))
                found.append(value)
        return tuple(found)


def check_id(ctx: Ctx, value: str, loc: Loc, path: str) -> bool:
    """Check that an id is a valid, stable URL segment."""
    if ID_RE.match(value) and value.isascii():
        return True
    ctx.problems.error(
        loc,
        path,
        "data.bad_id",
        f"'{value}' cannot be used as an id: ids become web addresses.",
        "Use only ASCII letters, digits, '.', '_' and '-', starting with a letter or digit.",
    )
    return False


def scalar_id(ctx: Ctx, node: Node, path: str, kind: str) -> str | None:
    """Read an id used as a reference (numbers are taken as written)."""
    if isinstance(node, Scalar) and node.text and not isinstance(node.value, bool):
        return node.text
    ctx.problems.error(
        node.loc, path, "data.type", f"expected {article(kind)} {kind} id, found {describe(node)}."
    )
    return None


def read_number(
    ctx: Ctx, node: Node, path: str, minimum: float | None = 0, maximum: float | None = None
) -> float | None:
    """Read a number within optional bounds."""
    if isinstance(node, Scalar) and type(node.value) in (int, float):
        value = node.value
        assert isinstance(value, int | float)
        if value != value or value in (float("inf"), float("-inf")):
            ctx.problems.error(node.loc, path, "data.type", "expected a finite number.")
            return None
        if minimum is not None and value < minimum:
            what = "a negative number" if minimum == 0 else f"less than {minimum:g}"
            ctx.problems.error(
                node.loc,
                path,
                "data.range",
                f"{node.text} is {what}; expected at least {minimum:g}.",
            )
            return None
        if maximum is not None and value > maximum:
            ctx.problems.error(
                node.loc, path, "data.range", f"{node.text} is more than {maximum:g}."
            )
            return None
        return value
    hint = ""
    if isinstance(node, Scalar) and isinstance(node.value, str) and re.search(r"\d", node.text):
        hint = "Write a plain number without spaces, thousands separators or currency, e.g. 15000."
    ctx.problems.error(
        node.loc, path, "data.type", f"expected a number, found {describe(node)}.", hint
    )
    return None


def read_date(ctx: Ctx, node: Node, path: str) -> dt.date | None:
    """Read an ISO date."""
    if isinstance(node, Scalar) and DATE_RE.match(node.text):
        try:
            return dt.date.fromisoformat(node.text)
        except ValueError:
            ctx.problems.error(node.loc, path, "data.date", f"'{node.text}' is not a real date.")
            return None
    ctx.problems.error(
        node.loc,
        path,
        "data.date",
        f"expected a date like 2025-09-30, found {describe(node)}.",
        "Write dates as year-month-day with dashes: 2025-09-30.",
    )
    return None


def read_quarter(ctx: Ctx, node: Node, path: str) -> Quarter | None:
    """Read a quarter like 2025-Q3."""
    match = QUARTER_RE.match(node.text) if isinstance(node, Scalar) else None
    if match:
        return Quarter(int(match.group(1)), int(match.group(2)))
    ctx.problems.error(
        node.loc,
        path,
        "data.quarter",
        f"expected a quarter like 2025-Q3, found {describe(node)}.",
        "Write the year, a dash, then Q1, Q2, Q3 or Q4.",
    )
    return None


def read_text(ctx: Ctx, node: Node, path: str) -> Text:
    """Read translatable text and report missing or unknown languages."""
    if isinstance(node, Scalar):
        if isinstance(node.value, bool) or not node.text.strip():
            ctx.problems.error(
                node.loc, path, "data.type", f"expected a text, found {describe(node)}."
            )
            return EMPTY_TEXT
        text = Text(((ctx.default, node.text),), node.loc, f"{node.file}#{path}")
    elif isinstance(node, Mapping):
        values: list[tuple[str, str]] = []
        for lang, (knode, vnode) in node.items.items():
            if lang not in ctx.languages:
                ctx.problems.error(
                    knode.loc,
                    join(path, lang),
                    "i18n.unknown_language",
                    f"'{lang}' is not one of the site's languages ({', '.join(ctx.languages)}).",
                    did_you_mean(lang, ctx.languages)
                    or "Add the language to 'languages' in data/site.yml.",
                )
            elif isinstance(vnode, Scalar) and vnode.plain and vnode.value is None:
                continue  # `sq:` or `sq: ~` with nothing: the translation is missing
            elif (
                isinstance(vnode, Scalar)
                and not isinstance(vnode.value, bool)
                and vnode.text.strip()
            ):
                values.append((lang, vnode.text))
            elif not (isinstance(vnode, Scalar) and vnode.value is None):
                ctx.problems.error(
                    vnode.loc,
                    join(path, lang),
                    "data.type",
                    f"expected a text, found {describe(vnode)}.",
                )
        text = Text(tuple(values), node.loc, f"{node.file}#{path}")
        if values and text.get(ctx.default) is None:
            ctx.problems.error(
                node.loc,
                path,
                "i18n.missing_default",
                f"there is no text in the default language '{ctx.default}'.",
                f"Add '{ctx.default}: ...': the default language is what others fall back to.",
            )
    else:
        ctx.problems.error(
            node.loc,
            path,
            "data.type",
            f"expected a text or {{language: text}}, found {describe(node)}.",
        )
        return EMPTY_TEXT
    if text:
        ctx.texts.append(text)
    for lang in ctx.languages:
        if text.get(lang) is None and text.get(ctx.default) is not None:
            ctx.problems.warn(
                node.loc,
                path,
                "i18n.missing",
                f"no '{lang}' translation; the '{ctx.default}' text is shown, marked as not yet translated.",
            )
    return text
