"""PDF editions of the monitoring reports: present, readable, dated from the data, stable.

The tests read the example built once for the whole run (the session fixture
`example_site`), with its PDFs, as `make build` writes them. Chromium and pdftotext come from `make tools`; where one is
missing the tests are skipped, except in CI, where that is a failure.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from docs_build import pdf
from docs_build.build import build_site
from docs_build.compute import data_date
from docs_build.dataset import load_dataset
from docs_build.i18n import interface_languages
from docs_build.model import Dataset
from docs_build.pages import report_years
from tests.conftest import ROOT, apply_edits
from tests.quality.conftest import require


def need_chromium() -> None:
    """Skip (fail in CI) without Chromium."""
    require(pdf.chromium_path() is not None, "Debian's chromium")


def need_poppler() -> None:
    """Skip (fail in CI) without pdftotext and pdftoppm."""
    found = shutil.which("pdftotext") and shutil.which("pdftoppm")
    require(bool(found), "pdftotext (Debian's poppler-utils)")


@pytest.fixture(scope="module")
def data() -> Dataset:
    """Load the example's data."""
    loaded, _ = load_dataset(ROOT, interface_languages(ROOT))
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def site(request: pytest.FixtureRequest) -> Path:
    """Return the example built once for the whole run (tests/conftest.py), PDFs included."""
    need_chromium()
    built: Path = request.getfixturevalue("example_site")
    return built


def expected_pdfs(data: Dataset, site: Path) -> list[tuple[int, str, Path]]:
    """Return (year, language, PDF) for every report page of every language."""
    return [
        (
            year,
            lang,
            site / lang.lower() / "reports" / str(year) / f"report-{year}-{lang.lower()}.pdf",
        )
        for year in report_years(data)
        for lang in data.site.languages
    ]


def h1_text(page: Path) -> str:
    """Return the text of a built page's h1, as a reader sees it."""
    found = re.search(r"<h1\b[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.DOTALL)
    assert found, page
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def pdf_text(path: Path) -> str:
    """Return a PDF's text as pdftotext reads it."""
    need_poppler()
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return " ".join(run.stdout.decode("utf-8").split())


def test_every_report_year_has_a_pdf_in_every_language(data: Dataset, site: Path) -> None:
    drafts = {m.year for m in data.monitoring if m.status == "draft"}
    assert drafts & set(report_years(data)), "the example builds a draft report"
    expected = expected_pdfs(data, site)
    assert len(expected) == len(report_years(data)) * len(data.site.languages) >= 6
    for _, _, path in expected:
        assert path.is_file() and path.read_bytes().startswith(b"%PDF-"), path
    written = sorted(site.rglob("*.pdf"))
    assert written == sorted(path for _, _, path in expected)
    assert not list(site.rglob("*.part"))


def test_the_pdf_holds_the_report_title_and_its_text(data: Dataset, site: Path) -> None:
    for _, _, path in expected_pdfs(data, site):
        title = h1_text(path.parent / "index.html")
        text = pdf_text(path)
        assert title in text, path
        assert len(text) > 2000, path
        assert PdfReader(path).metadata.title == title  # type: ignore[union-attr]


def test_the_pdf_leaves_out_the_site_frame(site: Path) -> None:
    text = pdf_text(site / "en" / "reports" / "2025" / "report-2025-en.pdf")
    for frame in ("Skip to content", "Back to top", "Select language", "Download this report"):
        assert frame not in text
    assert "Demonstration data" in text  # a PDF travels without its site: the notice stays


def test_the_pdf_has_an_outline_of_its_headings(data: Dataset, site: Path) -> None:
    for _, _, path in expected_pdfs(data, site):
        reader = PdfReader(path)
        assert "/Outlines" in reader.root_object
        top = reader.outline
        assert top and not isinstance(top[0], list)
        assert top[0].title == h1_text(path.parent / "index.html")
        headings = [item for item in top[1] if not isinstance(item, list)]
        assert len(headings) >= 3, path


def test_the_pdf_is_dated_from_the_data(data: Dataset, site: Path) -> None:
    # Created on the edition date; modified on the date of the latest correction.
    published = {m.year: m.published for m in data.monitoring if m.status == "published"}
    for year, _, path in expected_pdfs(data, site):
        day = published.get(year) or data_date(data)
        corrected = max(
            [day, *(c.date for m in data.monitoring if m.year == year for c in m.corrections)]
        )
        meta = PdfReader(path).metadata
        assert meta is not None
        assert meta.creation_date == dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), path
        assert meta.modification_date == dt.datetime(
            corrected.year, corrected.month, corrected.day, tzinfo=dt.UTC
        ), path
        assert b"<x:xmpmeta" not in path.read_bytes()  # no XMP packet repeating the clock


def test_links_go_to_the_published_site(data: Dataset, site: Path) -> None:
    uris = []
    for page in PdfReader(site / "en" / "reports" / "2025" / "report-2025-en.pdf").pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    assert uris
    assert not [uri for uri in uris if uri.startswith("file:")]
    assert f"{data.site.base_url}en/reports/2025/changes/" in uris


def test_table_header_ids_are_numbered_and_consistent(site: Path) -> None:
    reader = PdfReader(site / "sq" / "reports" / "2025" / "report-2025-sq.pdf")
    tree: Any = reader.root_object["/StructTreeRoot"].get_object()
    ids: set[str] = set()
    headers: set[str] = set()
    stack: list[Any] = [tree["/K"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, ArrayObject):
            stack.extend(node)
        elif isinstance(node, DictionaryObject) and "/S" in node:
            if "/ID" in node:
                ids.add(str(node["/ID"]))
            attributes: Any = node.get("/A")
            attributes = attributes.get_object() if attributes is not None else None
            for item in attributes if isinstance(attributes, ArrayObject) else [attributes]:
                found: Any = item.get_object() if isinstance(item, IndirectObject) else item
                if isinstance(found, DictionaryObject) and "/Headers" in found:
                    refs: Any = found["/Headers"]
                    headers.update(str(h) for h in refs)
            stack.append(node.get("/K"))
    assert ids and headers and headers <= ids
    assert ids == {f"node{n:08d}" for n in range(len(ids))}


def test_two_prints_give_the_same_bytes(data: Dataset, site: Path) -> None:
    chromium = pdf.chromium_path()
    assert chromium is not None
    wanted = {(2025, "en"), (2026, "sr-Cyrl")}  # a published report and a draft
    jobs = [job for job in pdf.report_pdfs(data, site) if (job.year, job.lang) in wanted]
    assert len(jobs) == 2
    version = pdf.chromium_version(chromium)
    for job in jobs:
        # The build printed from its temporary folder; this prints the final one.
        title = pdf.page_title(job.page.read_text(encoding="utf-8"))
        key = pdf.source_key(job, version, {})
        again = pdf.finish_pdf(pdf.print_page(chromium, job.page), job, title, key)
        assert again == job.target.read_bytes(), job.target


def test_unchanged_reports_are_copied_and_changed_ones_printed(
    base_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_site(base_project, out, pdfs=True)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.pdf")}
    assert first, "the base fixture has reports"
    printed: list[Path] = []
    real = pdf.print_page

    def counting(chromium: str, page: Path) -> bytes:
        printed.append(page)
        return real(chromium, page)

    monkeypatch.setattr(pdf, "print_page", counting)
    build_site(base_project, out, pdfs=True)  # nothing changed: every PDF copied
    assert printed == []
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*.pdf")} == first
    apply_edits(
        base_project,
        [("data/monitoring/2025.yml", "A good year.", "A very good year.")],
    )
    build_site(base_project, out, pdfs=True)  # the English report changed, not the French
    assert [p.parent.parent.parent.name for p in printed] == ["en"]
    changed = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.pdf")}
    assert [name for name in first if changed[name] != first[name]] == [
        Path("en/reports/2025/report-2025-en.pdf")
    ]


def test_print_layout_renders(site: Path, tmp_path: Path) -> None:
    need_poppler()
    path = site / "sr-cyrl" / "reports" / "2025" / "report-2025-sr-cyrl.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "2", str(path), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    assert len(list(tmp_path.glob("page-*.png"))) == 2
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert "NotoSans" in fonts.stdout  # the site's own fonts, not a system fallback


def test_without_chromium_the_build_skips_pdfs(
    base_project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(pdf, "chromium_path", lambda: None)
    out = tmp_path / "out"
    with caplog.at_level(logging.INFO, logger="planpress.build"):
        build_site(base_project, out, pdfs=True)
    assert "PDFs of the reports were not written: Chromium is not installed." in [
        r.getMessage() for r in caplog.records
    ]
    assert not list(out.rglob("*.pdf"))
    reports = list(out.glob("*/reports/*/index.html"))
    assert reports, "the base fixture has report pages"
    assert not any(".pdf" in p.read_text(encoding="utf-8") for p in reports)


def test_a_failing_chromium_leaves_the_previous_site(
    base_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "previous.html").write_text("the site before", encoding="utf-8")
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setattr(pdf, "chromium_path", lambda: str(broken))
    with pytest.raises(pdf.PdfError, match=r"Chromium could not print .*exit code 3"):
        build_site(base_project, out, pdfs=True)
    assert [p.name for p in out.iterdir()] == ["previous.html"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".planpress")] == []


def test_page_title_reads_the_h1_without_its_permalink() -> None:
    html = '<title>A - Site</title><h1 id="t">Report <em>2025</em> &amp; more<a class="headerlink" href="#t">¶</a></h1>'
    assert pdf.page_title(html) == "Report 2025 & more"
    assert pdf.page_title("<title>Only &amp; title</title>") == "Only & title"
