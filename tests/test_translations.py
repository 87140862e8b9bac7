"""Translation coverage, the lock file, and outdated translations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from docs_build.cli import main
from tests.conftest import ROOT

LANGS = {"en", "sq", "sr-Cyrl"}


def count_texts(value: Any, found: list[dict[str, str]]) -> None:
    """Independently collect every {language: text} mapping of the data."""
    if isinstance(value, dict):
        if (
            value
            and set(value) <= LANGS
            and "en" in value
            and all(isinstance(v, str) for v in value.values())
        ):
            found.append(value)
            return
        for item in value.values():
            count_texts(item, found)
    elif isinstance(value, list):
        for item in value:
            count_texts(item, found)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "example"
    shutil.copytree(ROOT / "data", target / "data")
    return target


def status(project: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["translations", "status", "--project", str(project), "--format", "json"]) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def test_coverage_matches_an_independent_count(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts: list[dict[str, str]] = []
    for path in sorted((example / "data").rglob("*.yml")):
        if path.name != "translations.lock.yml":
            count_texts(yaml.safe_load(path.read_text(encoding="utf-8")), texts)
    document = status(example, capsys)
    for lang in ("sq", "sr-Cyrl"):
        info = document["languages"][lang]
        assert info["translated"] + info["missing"] + info["outdated"] == len(texts)
        assert info["missing"] == sum(lang not in t for t in texts)


def test_the_example_shows_one_outdated_translation(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = status(example, capsys)
    for lang in ("sq", "sr-Cyrl"):
        outdated = [t for t in document["languages"][lang]["texts"] if t["state"] == "outdated"]
        assert len(outdated) == 1


def test_changing_one_source_text_flags_exactly_that_text(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translations", "mark-current", "--all", "--project", str(example)]) == 0
    capsys.readouterr()
    before = status(example, capsys)
    assert all(before["languages"][lang]["outdated"] == 0 for lang in ("sq", "sr-Cyrl"))
    path = example / "data" / "institutions.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("en: Ministry of Interior\n") == 1
    path.write_text(
        text.replace("en: Ministry of Interior\n", "en: Ministry of the Interior\n"),
        encoding="utf-8",
    )
    after = status(example, capsys)
    for lang in ("sq", "sr-Cyrl"):
        outdated = [t for t in after["languages"][lang]["texts"] if t["state"] == "outdated"]
        assert [t["key"] for t in outdated] == ["data/institutions.yml#[MOI].name"]
    key = "data/institutions.yml#[MOI].name"
    assert main(["translations", "mark-current", key, "--project", str(example)]) == 0
    capsys.readouterr()
    assert all(
        status(example, capsys)["languages"][lang]["outdated"] == 0 for lang in ("sq", "sr-Cyrl")
    )


def test_without_a_lock_every_translation_is_current(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (example / "data" / "translations.lock.yml").unlink()
    document = status(example, capsys)
    assert all(document["languages"][lang]["outdated"] == 0 for lang in ("sq", "sr-Cyrl"))


def test_mark_current_needs_a_selection(example: Path) -> None:
    assert main(["translations", "mark-current", "--project", str(example)]) == 2
    assert (
        main(["translations", "mark-current", "data/nothing.yml", "--project", str(example)]) == 1
    )
