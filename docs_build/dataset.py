"""Load and validate all of data/ once, into one Dataset."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from docs_build.fields import Ctx, did_you_mean
from docs_build.load import Mapping, Node, Sequence, paused_gc, read_yaml_file
from docs_build.model import Dataset
from docs_build.problems import Loc, Problems
from docs_build.read_core import read_indicators, read_institutions, read_site, read_strategy
from docs_build.read_plans import read_plan
from docs_build.read_reports import (
    read_assessment,
    read_evaluations,
    read_glossary,
    read_monitoring,
    read_recommendations,
)
from docs_build.translations import read_lock, warn_outdated
from docs_build.validate import validate

T = TypeVar("T")
TOP_FILES = (
    "site.yml",
    "institutions.yml",
    "strategy.yml",
    "indicators.yml",
    "recommendations.yml",
    "evaluations.yml",
    "glossary.yml",
    "translations.lock.yml",
)
FOLDERS = ("action-plans", "monitoring", "assessments")


class Loader:
    """Read the files of one data folder, naming them relative to the project."""

    def __init__(self, project: Path, problems: Problems) -> None:
        self.project = project
        self.data = project / "data"
        self.problems = problems

    def name(self, path: Path) -> str:
        """Return the path as users see it: relative to the project."""
        try:
            return path.relative_to(self.project).as_posix()
        except ValueError:
            return path.as_posix()

    def node(self, path: Path, required: bool) -> Node | None:
        """Read one file; report a missing required file."""
        if not path.is_file():
            if required:
                self.problems.error(
                    Loc(self.name(path), 0),
                    "",
                    "data.missing_file",
                    "this file is required but does not exist.",
                    "See DATA-FORMAT.md for what it holds; `planpress new` writes a starting point.",
                )
            return None
        return read_yaml_file(path, self.name(path), self.problems)

    def folder(self, name: str) -> list[Path]:
        """List the .yml files of a sub-folder in a stable order."""
        folder = self.data / name
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.yml") if not p.name.startswith(".") and p.is_file())

    def check_unknown_files(self) -> None:
        """Report files that would be silently ignored."""
        if not self.data.is_dir():
            return
        for path in sorted(self.data.iterdir()):
            if path.name.startswith("."):
                continue  # hidden files and folders (editor and system files)
            if path.is_dir():
                if path.name not in FOLDERS:
                    self._unknown(path, FOLDERS, "folder")
                else:
                    for inner in sorted(path.iterdir()):
                        if inner.name.startswith("."):
                            continue
                        if inner.is_dir() or inner.suffix != ".yml":
                            self._unknown(inner, (), "folder" if inner.is_dir() else "file")
            elif path.name not in TOP_FILES and not path.name.startswith("."):
                self._unknown(path, TOP_FILES, "file")

    def _unknown(self, path: Path, known: Iterable[str], what: str) -> None:
        hint = did_you_mean(path.name, known)
        if path.suffix == ".yaml":
            hint = f"Rename it to '{path.stem}.yml'."
        self.problems.error(
            Loc(self.name(path), 0),
            "",
            "data.unknown_file",
            f"PlanPress does not read this {what}, so its content would be ignored.",
            hint or "Move it out of data/, or see DATA-FORMAT.md for the files PlanPress reads.",
        )


def read_each(
    loader: Loader,
    ctx: Ctx,
    folder: str,
    read: Callable[[Ctx, Node | None, str], T],
    key: Callable[[T], object],
) -> tuple[T, ...]:
    """Read every file of a folder; each file's name must match its id or year."""
    found = []
    for path in loader.folder(folder):
        node = loader.node(path, required=True)
        if node is None:
            ctx.broken.update(FOLDER_KINDS.get(folder, ()))
            continue
        item = read(ctx, node, loader.name(path))
        found.append(item)
        ident = str(key(item))
        if ident and ident != "0" and path.stem != ident:
            ctx.problems.error(
                Loc(loader.name(path), node.line),
                "",
                "data.file_name",
                f"the file is named '{path.name}' but holds '{ident}'.",
                f"Rename the file to '{ident}.yml' (or correct the id/year inside).",
            )
    return tuple(found)


def load_dataset(
    project: Path, interface_languages: Iterable[str] | None = None
) -> tuple[Dataset | None, Problems]:
    """Load and validate data/; the dataset is None when there are errors."""
    with paused_gc():
        return _load_dataset(project, interface_languages)


def _load_dataset(
    project: Path, interface_languages: Iterable[str] | None
) -> tuple[Dataset | None, Problems]:
    problems = Problems()
    loader = Loader(project, problems)
    if not loader.data.is_dir():
        problems.error(
            Loc("data", 0),
            "",
            "data.missing_file",
            f"there is no data/ folder in {project}.",
            "Run the command from the site's folder, or pass --project DIR.",
        )
        return None, problems
    ctx = Ctx(
        problems, interface=set(interface_languages) if interface_languages is not None else None
    )
    d = loader.data
    site = read_site(ctx, loader.node(d / "site.yml", True), "data/site.yml")
    institutions = read_institutions(
        ctx, _defining(loader, ctx, "institutions.yml", ("institution",)), "data/institutions.yml"
    )
    strategy = read_strategy(
        ctx,
        _defining(loader, ctx, "strategy.yml", ("strategy", "area", "objective"), Mapping),
        "data/strategy.yml",
    )
    indicators = read_indicators(
        ctx, _defining(loader, ctx, "indicators.yml", ("indicator",)), "data/indicators.yml"
    )
    by_id = {i.id: i for i in indicators}
    for indicator in indicators:  # values in old reports may use a former id
        for old in indicator.former_ids:
            by_id.setdefault(old, indicator)
    plans = read_each(loader, ctx, "action-plans", read_plan, lambda p: p.id)
    if not loader.folder("action-plans"):
        ctx.broken.update(FOLDER_KINDS["action-plans"])
        problems.error(
            Loc("data/action-plans", 0),
            "",
            "data.missing_file",
            "there is no action plan: data/action-plans/ needs at least one <id>.yml file.",
        )
    monitoring = read_each(
        loader, ctx, "monitoring", lambda c, n, f: read_monitoring(c, n, f, by_id), lambda m: m.year
    )
    data = Dataset(
        site=site,
        institutions=institutions,
        strategy=strategy,
        indicators=indicators,
        plans=plans,
        monitoring=tuple(sorted(monitoring, key=lambda m: m.year)),
        assessments=read_each(loader, ctx, "assessments", read_assessment, lambda a: a.id),
        recommendations=_optional(loader, ctx, "recommendations.yml", read_recommendations),
        evaluations=_optional(loader, ctx, "evaluations.yml", read_evaluations),
        glossary=_optional(loader, ctx, "glossary.yml", read_glossary),
    )
    loader.check_unknown_files()
    validate(data, ctx)
    lock = read_lock(project, problems)
    data = replace(data, texts=tuple(ctx.texts), lock=lock)
    problems.items.extend(warn_outdated(data))
    return (None if problems.errors else data), problems


FOLDER_KINDS = {"action-plans": ("action plan", "measure", "activity")}


def _defining(
    loader: Loader,
    ctx: Ctx,
    name: str,
    kinds: tuple[str, ...],
    shape: type[Node] = Sequence,
) -> Node | None:
    """Read a file that defines ids; if it is unusable, skip references to them."""
    node = loader.node(loader.data / name, required=True)
    if not isinstance(node, shape):
        ctx.broken.update(kinds)
    return node


def _optional(
    loader: Loader, ctx: Ctx, name: str, read: Callable[[Ctx, Node | None, str], tuple[T, ...]]
) -> tuple[T, ...]:
    node = loader.node(loader.data / name, required=False)
    if node is None:
        if (loader.data / name).exists():
            ctx.broken.add("recommendation")
        return ()
    return read(ctx, node, f"data/{name}")
