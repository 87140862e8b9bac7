"""Every internal link and every src in the built site resolves, fragments too."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from tests.quality.conftest import EXAMPLE_BASE_URL


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in ("href", "src"):
                self.refs.append(value)


def parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(page: Path, ref: str, site: Path, prefix: str) -> Path | None:
    """Resolve a reference from a page to a file of the site served under prefix."""
    path = unquote(urlsplit(ref).path)
    if path.startswith("/"):
        if not path.startswith(prefix):
            return None
        resolved = site / path[len(prefix) :]
    else:
        resolved = page.parent / path
    resolved = Path(str(resolved.resolve()))
    if resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved if resolved.is_file() else None


def broken_links(site: Path, prefix: str = "/") -> list[str]:
    """Return every reference that does not resolve, as 'page -> ref'."""
    ids: dict[Path, set[str]] = {}
    broken = []
    pages = sorted(site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    for page, found in parsed.items():
        ids[page.resolve()] = found.ids
    for page, found in parsed.items():
        for ref in found.refs:
            scheme = urlsplit(ref).scheme
            if scheme in ("http", "https", "mailto", "data") or ref.startswith("//"):
                continue
            url, fragment = urldefrag(ref)
            target = page.resolve() if not url else target_file(page, url, site, prefix)
            if target is None:
                broken.append(f"{page.relative_to(site)} -> {ref}")
            elif (
                fragment
                and target.suffix == ".html"
                and unquote(fragment) not in ids.get(target, set())
            ):
                broken.append(f"{page.relative_to(site)} -> {ref} (no such anchor)")
    return broken


def test_every_internal_link_resolves(example_site: Path) -> None:
    assert len(list(example_site.rglob("*.html"))) >= 15
    assert broken_links(example_site, urlsplit(EXAMPLE_BASE_URL).path) == []


def test_the_checker_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<a href="b/">x</a><a href="#nope">y</a><img src="c.png">', encoding="utf-8"
    )
    assert len(broken_links(tmp_path)) == 3
