"""`planpress serve`: a real preview server that rebuilds on change."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.conftest import apply_edits


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return False


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def test_serve_rebuilds_on_change_and_keeps_the_last_good_build(base_project: Path) -> None:
    port = free_port()
    exe = Path(sys.executable).parent / "planpress"
    proc = subprocess.Popen(
        [str(exe), "serve", "--project", str(base_project), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/en/about/"
    try:
        assert wait_for(lambda: "A page only in English." in fetch(url), 60)
        page = base_project / "content" / "en" / "about.md"
        page.write_text("# About\n\nEdited while serving.\n", encoding="utf-8")
        assert wait_for(lambda: "Edited while serving." in fetch(url), 60)
        apply_edits(base_project, [("data/site.yml", "currency: EUR", "currency: Euro")])
        time.sleep(3)
        assert "Edited while serving." in fetch(url), "a bad edit must not break the preview"
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=20)
    assert "[site.currency]" in output
    assert "Traceback" not in output
