"""Unit tests of the strict YAML loader."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from docs_build.load import MAX_FILE_BYTES, Mapping, Scalar, Sequence, parse_yaml, read_yaml_file
from docs_build.problems import Problems


def parse(text: str | bytes) -> tuple[object, list[str]]:
    problems = Problems()
    node = parse_yaml(text.encode() if isinstance(text, str) else text, "f.yml", problems)
    return node, [p.format_text() for p in problems.sorted()]


def test_yaml_1_2_scalars_keep_yes_no_as_text() -> None:
    node, problems = parse("a: yes\nb: no\nc: on\nd: true\ne: 1.10\nf: '1'\ng: ~\nh: 2025-01-01\n")
    assert problems == []
    assert isinstance(node, Mapping)
    values = {k: v.value for k, (_, v) in node.items.items() if isinstance(v, Scalar)}
    assert values == {
        "a": "yes", "b": "no", "c": "on", "d": True, "e": 1.1, "f": "1", "g": None, "h": "2025-01-01"
    }  # fmt: skip
    e = node.items["e"][1]
    assert isinstance(e, Scalar)
    assert e.text == "1.10"


def test_line_numbers_are_kept() -> None:
    node, _ = parse("a:\n  - x\n  - y: 1\n")
    assert isinstance(node, Mapping)
    seq = node.items["a"][1]
    assert isinstance(seq, Sequence)
    assert [item.line for item in seq.items] == [2, 3]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 1\na: 2\n", "yaml.duplicate_key"),
        ("<<: {a: 1}\n", "yaml.merge_key"),
        ("", "yaml.empty"),
        ("# nothing\n", "yaml.empty"),
        (b"a: \xff\n", "yaml.encoding"),
        ("a: [1\n", "yaml.syntax"),
        ("- a\n---\n- b\n", "yaml.multi_document"),
        ("a: !!python/object {}\n", "yaml.tag"),
        ("a: *x\n", "yaml.unknown_anchor"),
        ("? [a]\n: 1\n", "yaml.complex_key"),
    ],
)
def test_bad_yaml_is_located(text: str | bytes, code: str) -> None:
    _, problems = parse(text)
    assert problems, "a problem must be reported"
    assert problems[0].startswith("f.yml:")
    assert problems[0].endswith(f"[{code}]")


def test_alias_bomb_is_stopped_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(8):
        prev, name = chr(97 + i), chr(98 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    node, problems = parse("\n".join(lines) + "\n")
    assert node is None
    assert problems[0].endswith("[yaml.alias_limit]")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "text",
    ["[" * 10_000 + "]" * 10_000, "a:\n" + "".join("  " * i + "-\n" for i in range(1, 10_000))],
)
def test_deep_nesting_is_refused(text: str) -> None:
    node, problems = parse(text)
    assert node is None
    assert problems and ("[yaml.too_deep]" in problems[0] or "[yaml.syntax]" in problems[0])


def test_bom_is_tolerated() -> None:
    node, problems = parse(b"\xef\xbb\xbfa: 1\n")
    assert problems == []
    assert isinstance(node, Mapping)


def test_small_aliases_are_allowed() -> None:
    node, problems = parse("a: &p [X, Y]\nb: *p\n")
    assert problems == []
    assert isinstance(node, Mapping)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yml"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no time spent writing
    problems = Problems()
    started = time.perf_counter()
    assert read_yaml_file(big, "data/big.yml", problems) is None
    assert time.perf_counter() - started < 1
    assert problems.items[0].code == "yaml.too_large"
    assert problems.items[0].format_text().startswith("data/big.yml: the file is 64 MB")


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yml"
    folder.mkdir()
    problems = Problems()
    assert read_yaml_file(folder, "data/folder.yml", problems) is None
    assert problems.items[0].code == "yaml.unreadable"
