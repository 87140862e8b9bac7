"""Build tests: real MkDocs builds, in-process, in strict mode."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docs_build.build import build_site
from docs_build.cli import main
from tests.build_utils import tree_digest
from tests.conftest import ROOT, apply_edits
from tests.golden_cases import CASES


def test_base_site_builds_in_strict_mode(base_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build_site(base_project, out, mkdocs_strict=True)
    assert result.languages == ("en", "fr")
    chooser = (out / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr"' in chooser and 'href="fr/"' in chooser
    fr_home = (out / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in fr_home
    assert "Site de test" in fr_home
    strategy = (out / "en" / "strategy" / "index.html").read_text(encoding="utf-8")
    assert "Test Strategy" in strategy and 'id="objective-2.1"' in strategy
    plan = (out / "en" / "action-plans" / "ap-2024-2025" / "index.html").read_text(encoding="utf-8")
    assert 'id="measure-1.1"' in plan and 'id="activity-2.1.1"' in plan
    assert "Not costed" in plan and "No funding required" in plan


def test_untranslated_page_falls_back_with_a_marker(base_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(base_project, out, mkdocs_strict=True)
    about = (out / "fr" / "about" / "index.html").read_text(encoding="utf-8")
    assert "A page only in English." in about
    assert "pp-fallback-note" in about


def test_demo_banner_on_every_page(base_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(base_project, out)
    pages = [p for p in out.rglob("*.html") if p.parent != out]
    assert len(pages) >= 8
    for page in pages:
        assert "pp-demo-banner" in page.read_text(encoding="utf-8"), page


def test_same_data_builds_same_bytes(base_project: Path, tmp_path: Path) -> None:
    build_site(base_project, tmp_path / "one")
    build_site(base_project, tmp_path / "two")
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_example_site_builds_in_strict_mode(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build_site(ROOT, out, mkdocs_strict=True)
    assert len(result.languages) >= 3
    for lang in result.languages:
        home = (out / lang.lower() / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in home
        assert (out / lang.lower() / "strategy" / "index.html").is_file()


# At least 25 kinds of bad input, each of which must stop the build.
BAD_INPUTS = sorted(
    name
    for name in CASES
    if "0 errors," not in (ROOT / "tests" / "golden" / f"{name}.txt").read_text(encoding="utf-8")
)
LOCATED = re.compile(r"^data/[\w./-]+(:\d+)?: ", re.MULTILINE)


@pytest.fixture(scope="module")
def built_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("intact")
    project = root / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", project)
    out = root / "published"
    build_site(project, out)
    return out, tree_digest(out)


def test_there_are_enough_kinds_of_bad_input() -> None:
    assert len(BAD_INPUTS) >= 25


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_fails_and_leaves_the_site_intact(
    name: str, built_base: tuple[Path, str], base_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, digest = built_base
    apply_edits(base_project, CASES[name])
    code = main(["build", "--project", str(base_project), "--site-dir", str(out)])
    captured = capsys.readouterr()
    assert code == 1, captured.err
    assert LOCATED.search(captured.err), captured.err
    assert "Traceback" not in captured.err + captured.out
    assert "left unchanged" in captured.err
    assert tree_digest(out) == digest
    assert not list(out.parent.glob(".planpress-build-*")), "the temporary build must be removed"


def test_cli_in_a_real_process(built_base: tuple[Path, str], base_project: Path) -> None:
    out, digest = built_base
    apply_edits(base_project, CASES["many_problems_sorted"])
    exe = Path(sys.executable).parent / "planpress"
    run = subprocess.run(
        [str(exe), "build", "--project", str(base_project), "--site-dir", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if LOCATED.match(line)]
    assert lines == sorted(lines, key=lambda s: (s.split(":")[0], int(s.split(":")[1])))
    assert "7 error(s)" in run.stderr
    assert tree_digest(out) == digest


def test_validate_exit_codes(base_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--project", str(base_project)]) == 0
    assert main(["validate", "--bogus"]) == 2
    assert main(["validate", "--project", str(base_project / "nowhere")]) == 2
    apply_edits(base_project, CASES["missing_translation_warning"])
    assert main(["validate", "--project", str(base_project)]) == 0
    assert main(["validate", "--project", str(base_project), "--strict"]) == 1
    capsys.readouterr()
    apply_edits(base_project, CASES["unknown_institution"])
    assert main(["validate", "--project", str(base_project), "--format", "json"]) == 1
    import json

    problems = json.loads(capsys.readouterr().out)
    assert {p["code"] for p in problems} >= {"data.unknown_ref", "i18n.missing"}
    first = next(p for p in problems if p["code"] == "data.unknown_ref")
    assert set(first) >= {"file", "line", "path", "code", "severity", "message"}
    assert first["file"] == "data/action-plans/ap-2024-2025.yml" and first["line"] == 16


@pytest.mark.parametrize("languages", ["en", "fr,en", "sq,sr-Cyrl,en"])
def test_new_site_validates_and_builds(tmp_path: Path, languages: str) -> None:
    target = tmp_path / "newsite"
    assert main(["new", str(target), "--languages", languages]) == 0
    assert main(["validate", "--project", str(target)]) == 0
    out = tmp_path / "out"
    build_site(target, out, mkdocs_strict=True)
    for lang in languages.split(","):
        assert (out / lang.lower() / "index.html").is_file()


def test_new_refuses_a_non_empty_folder_and_unknown_languages(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "file.txt").write_text("x")
    assert main(["new", str(tmp_path / "taken")]) == 2
    assert main(["new", str(tmp_path / "other"), "--languages", "xx"]) == 2


def test_ambiguous_and_unknown_refs_in_pages_fail_clearly(
    base_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = base_project / "content" / "en" / "about.md"
    page.write_text('# About\n\n{{ ref("1.1") }}\n', encoding="utf-8")
    code = main(["build", "--project", str(base_project), "--site-dir", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "ref('1.1') is ambiguous" in err
    assert 'ref("objective:1.1")' in err and 'ref("measure:1.1")' in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()
    page.write_text('# About\n\n{{ ref("activity:1.1.9") }}\n', encoding="utf-8")
    assert main(["build", "--project", str(base_project), "--site-dir", str(tmp_path / "out")]) == 1
    assert "Did you mean '1.1.1'" in capsys.readouterr().err


def test_new_site_with_other_valid_data_builds(tmp_path: Path) -> None:
    target = tmp_path / "newsite"
    assert main(["new", str(target)]) == 0
    shutil.rmtree(target / "data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "base" / "data", target / "data")
    out = tmp_path / "out"
    build_site(target, out, mkdocs_strict=True)
    assert "pp-fallback-note" in (out / "fr" / "index.html").read_text(encoding="utf-8")
