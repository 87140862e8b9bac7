"""Fixtures for the quality gates: built sites, a local server, a real browser.

The tools are installed by `make tools` (scripts/install-tools.sh). Where one
is missing a test is skipped with the reason, except in CI (CI=true), where a
missing tool is a failure: CI must never skip these gates.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCK_OTHER_HOSTS = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
EXAMPLE_BASE_URL = "https://example.org/antitrafficking/"  # data/site.yml


def require(condition: bool, what: str) -> None:
    """Skip when a tool is missing, but fail in CI, which must run every gate."""
    if condition:
        return
    message = f"{what} is not installed (run `make tools`)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # http.server's default of 5 stalls a browser at random
    daemon_threads = True


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the site under the path of its base_url, as it will be published."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Served:
    """A built site served on the loopback interface."""

    root: Path
    base: str

    def url(self, path: str) -> str:
        """Return the address of a path of the site."""
        return f"{self.base}/{path}"


def serve(root: Path, prefix: str = "/") -> Iterator[Served]:
    """Serve a folder on 127.0.0.1 under a path prefix until the generator is closed."""
    handler_class = type("_Handler", (_QuietHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def example_server(example_site: Path) -> Iterator[Served]:
    """Serve the built example under the path of its base_url."""
    yield from serve(example_site, urlsplit(EXAMPLE_BASE_URL).path)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Start Debian's Chromium once, unable to reach any host but this one."""
    require(CHROMIUM.is_file(), "Debian's chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                f"--host-resolver-rules={BLOCK_OTHER_HOSTS}",
            ],
        )
        yield instance
        instance.close()


def copy_project(source: Path, target: Path) -> Path:
    """Copy a site project (data, content, config) to a new folder."""
    shutil.copytree(
        source, target, ignore=shutil.ignore_patterns("site", ".venv", "node_modules", ".git")
    )
    return target


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """Open a fresh page that records every request it makes (in `.requests`)."""
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
