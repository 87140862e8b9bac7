"""Markdown from data files, rendered safely: no raw HTML, only safe links."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = ("http", "https", "mailto", "")


def is_safe_url(url: str) -> bool:
    """Tell whether a link target is allowed: http(s), mailto or relative."""
    cleaned = "".join(ch for ch in html.unescape(url) if ch.isprintable() and not ch.isspace())
    head = cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" not in head:
        return True
    return head.split(":", 1)[0].lower() in SAFE_SCHEMES


class _SafeLinks(Treeprocessor):
    """Drop unsafe link targets and turn images into plain links."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    child.tag = "a"
                    child.text = child.attrib.pop("alt", "") or child.attrib.get("src", "")
                    child.attrib = {"href": child.attrib.get("src", "")}
                if child.tag == "a":
                    href = child.attrib.get("href", "")
                    if not is_safe_url(href):
                        child.tag = "span"
                        child.attrib = {}
                    elif urlsplit(href).scheme in ("http", "https"):
                        child.attrib["rel"] = "noopener"


class _NoHtml(Extension):
    """Treat raw HTML as text and keep only safe links."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "planpress_safe_links", 0)


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_NoHtml(), "sane_lists", "tables"], output_format="html")


def render_markdown(text: str) -> Markup:
    """Render data Markdown to HTML that cannot carry script."""
    md = _renderer()
    md.reset()
    return Markup(md.convert(text))
