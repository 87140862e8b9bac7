"""mkdocs-macros entry point: the macros live in docs_build.macros."""

from __future__ import annotations

from typing import Any

from docs_build.macros import register


def define_env(env: Any) -> None:
    """Register PlanPress macros (called by mkdocs-macros)."""
    register(env)
