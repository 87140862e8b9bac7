"""The Jinja environment for PlanPress partials (autoescaped, strict)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from docs_build.i18n import SHIPPED_THEME
from docs_build.render.tables import add_table_helpers


def template_env(project: Path) -> jinja2.Environment:
    """Return an environment that finds the site's templates before the shipped ones."""
    dirs = [project / "theme" / "templates", SHIPPED_THEME / "templates"]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs if d.is_dir()]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    add_table_helpers(env)
    return env
