"""`planpress serve`: a local preview that rebuilds when the sources change."""

from __future__ import annotations

import functools
import http.server
import logging
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from docs_build.build import build_site
from docs_build.problems import format_report
from docs_build.session import DataError

log = logging.getLogger("planpress.serve")
WATCHED = ("data", "content", "theme", "macros", "mkdocs.yml")


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 64
    daemon_threads = True


class _Changes(FileSystemEventHandler):
    def __init__(self) -> None:
        self.changed = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not str(event.src_path).endswith(("~", ".swp")):
            self.changed.set()


def rebuild(project: Path, out: Path) -> bool:
    """Build once; on errors report them and keep the last good preview."""
    try:
        build_site(project, out, pdfs=False)  # a preview needs no PDFs
    except DataError as exc:
        log.error(
            "%s\nThe preview still shows the last good build.",
            format_report(exc.problems, exc.strict),
        )
        return False
    except MkDocsException as exc:
        log.error("The site could not be built: %s", exc)
        return False
    log.info("Rebuilt the preview.")
    return True


def serve(project: Path, host: str, port: int) -> int:
    """Serve a live preview until interrupted."""
    project = project.resolve()
    out = Path(tempfile.mkdtemp(prefix="planpress-serve-")) / "site"
    rebuild(project, out)
    changes = _Changes()
    observer = Observer()
    for name in WATCHED:
        path = project / name
        if path.exists():
            observer.schedule(
                changes, str(path if path.is_dir() else project), recursive=path.is_dir()
            )
    observer.start()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = _Server((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log.info("Serving the preview at http://%s:%d/ (Ctrl+C to stop).", host, port)
    try:
        while True:
            if changes.changed.wait(1.0):
                time.sleep(0.3)
                changes.changed.clear()
                rebuild(project, out)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        observer.stop()
    return 0
