"""`planpress new`: a new site for another country, valid from the start."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from docs_build.i18n import interface_languages
from docs_build.read_core import LANG_RE

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
PROJECT_FILES = ("mkdocs.yml", "macros/main.py")


def create_site(target: Path, languages: list[str]) -> int:
    """Write config, theme hooks, content pages and minimal data into a new folder."""
    shipped = interface_languages(SCAFFOLD)
    bad = [code for code in languages if not LANG_RE.match(code)]
    unknown = [code for code in languages if code not in shipped]
    if not languages or bad or unknown:
        sys.stderr.write(
            f"planpress new: cannot use the language(s) {', '.join(bad + unknown) or '(none)'}.\n"
            f"  PlanPress ships interface strings for: {', '.join(sorted(shipped))}.\n"
        )
        return 2
    if target.exists() and any(target.iterdir()):
        sys.stderr.write(f"planpress new: {target} exists and is not empty; choose a new folder.\n")
        return 2
    shutil.copytree(SCAFFOLD, target, dirs_exist_ok=True)
    for name in PROJECT_FILES:  # the same configuration and glue as the example site
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SCAFFOLD.parent.parent / name, target / name)
    _write_languages(target, languages)
    sys.stdout.write(
        f"Created a new PlanPress site in {target}.\n"
        f"Next: edit the files in {target / 'data'}, then run\n"
        f"  planpress validate --project {target}\n"
        f"  planpress build --project {target}\n"
    )
    return 0


def _write_languages(target: Path, languages: list[str]) -> None:
    site = target / "data" / "site.yml"
    text = site.read_text(encoding="utf-8")
    text = text.replace("languages: [en]", f"languages: [{', '.join(languages)}]")
    text = text.replace("default_language: en", f"default_language: {languages[0]}")
    site.write_text(text, encoding="utf-8")
    source = target / "content" / "en"
    for lang in languages:
        if lang != "en":
            shutil.copytree(source, target / "content" / lang, dirs_exist_ok=True)
    if "en" not in languages:
        shutil.rmtree(source)
