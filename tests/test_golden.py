"""Golden tests: the exact message for every validation rule."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docs_build.dataset import load_dataset
from docs_build.i18n import interface_languages
from docs_build.problems import format_report
from tests.conftest import ROOT, apply_edits
from tests.golden_cases import CASES

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def validate_text(project: Path) -> str:
    _, problems = load_dataset(project, interface_languages(project))
    return format_report(problems.sorted()) + "\n"


def test_base_fixture_is_clean(base_project: Path) -> None:
    assert validate_text(base_project) == "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_message(name: str, base_project: Path) -> None:
    apply_edits(base_project, CASES[name])
    output = validate_text(base_project)
    assert output.strip(), "the change must produce at least one problem"
    golden = GOLDEN / f"{name}.txt"
    if UPDATE:
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"no golden file for {name}: run with UPDATE_GOLDEN=1 and review it"
    assert output == golden.read_text(encoding="utf-8")


def test_every_golden_file_has_a_case() -> None:
    names = {p.stem for p in GOLDEN.glob("*.txt")}
    assert names == set(CASES)


def test_every_problem_code_has_a_golden_case() -> None:
    codes = set()
    for path in (ROOT / "docs_build").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for prefix in ('"data.', '"yaml.', '"i18n.', '"site.'):
            start = 0
            while (start := text.find(prefix, start)) != -1:
                end = text.find('"', start + 1)
                code = text[start + 1 : end]
                if code.replace(".", "").replace("_", "").isalnum() and not code.endswith(".yml"):
                    codes.add(code)
                start = end
    pinned = "".join(p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.txt"))
    untested = {c for c in codes if f"[{c}]" not in pinned} - NOT_REACHABLE_BY_DATA
    assert not untested, f"problem codes without a golden case: {sorted(untested)}"


# Codes that need a file system condition a data edit cannot make.
NOT_REACHABLE_BY_DATA = {"yaml.unreadable", "yaml.too_large", "i18n.file", "i18n.missing_keys"}
