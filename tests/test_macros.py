"""Macros for hand-written pages: real strict builds of the base site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from docs_build.build import build_site
from docs_build.cli import main
from docs_build.i18n import load_strings
from docs_build.problems import Problems
from docs_build.render.indicator_format import IndicatorFormat
from docs_build.render.indicator_rows import chart_input, reported
from docs_build.session import open_session
from tests.conftest import BASE, apply_edits

PAGE = """# About

{{ activity_table(area="2") }}

{{ activity_table(institution="MOI", status="completed") }}

{{ activity_table(area=2, status="cancelled") }}

{{ status_summary() }}

{{ status_summary(area="2") }}

{{ budget_summary(area="1") }}

{{ budget_summary(institution="MOI", plan="ap-2024-2025") }}

{{ indicator_chart("IMP-1") }}

{{ indicator_chart("OC-1") }}

See {{ ref("activity:1.1.1") }} in {{ site_title() }}: {{ t("nav.activities") }}.
"""


def section(html: str, start: str) -> str:
    """Return the macro block that contains a text: up to its table's or its note's end."""
    blocks = html.split('<div class="pp-macro')[1:]
    block = next(block for block in blocks if start in block)
    ends = [block.index(tag) for tag in ("</table>", "</p>") if tag in block]
    return block[: min(ends)]


def body_ids(block: str) -> list[str]:
    """Return the activity ids of a table's rows, in order."""
    return re.findall(r'<th scope="row"><a href="[^"]*">([^<]+)</a></th>', block)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the base site once with a page that calls every macro."""
    project = tmp_path_factory.mktemp("macros") / "project"
    shutil.copytree(BASE, project)
    (project / "content" / "en" / "about.md").write_text(PAGE, encoding="utf-8")
    out = project.parent / "out"
    build_site(project, out, mkdocs_strict=True)
    return out


def about(out: Path, lang: str = "en") -> str:
    return (out / lang / "about" / "index.html").read_text(encoding="utf-8")


def test_activity_table_keeps_the_activities_matching_every_filter(built: Path) -> None:
    html = about(built)
    first = section(html, 'id="pp-activities"')
    assert body_ids(first) == ["2.1.1", "2.1.2"]
    assert '<caption id="pp-activities">Activities: area 2</caption>' in first
    assert "data-pp-sortable" in first and 'data-sort="2024-2 2025-4"' in first
    assert "data-pp-filter" not in first  # two rows: sorting, but no filter box
    second = section(html, 'id="pp-activities-2"')
    assert body_ids(second) == ["1.1.1"]
    assert "Activities: led by MoI, status “Completed”" in second
    empty = section(html, "No activity matches")
    assert "No activity matches: area 2, status “Cancelled”." in empty
    assert "<table" not in empty


def test_links_in_macro_tables_are_relative_to_the_page(built: Path) -> None:
    first = section(about(built), 'id="pp-activities"')
    assert '<a href="../activities/2.1.1/">' in first
    assert '<a href="../institutions/MOI/">' in first
    assert (built / "en" / "activities" / "2.1.1" / "index.html").is_file()


def test_status_and_budget_summaries(built: Path) -> None:
    html = about(built)
    everything = section(html, 'id="pp-statuses"')
    assert "Activities by latest reported status (2025)" in everything
    assert "Completed" in everything and "Postponed" in everything
    area = section(html, 'id="pp-statuses-2"')
    assert "Activities of area 2 by latest reported status" in area
    assert "Completed" not in area and "Postponed" in area
    money = section(html, 'id="pp-money"')
    assert "Money for activities: area 1" in money
    assert "€10,000" in money and "€8,000" in money and "€2,000" in money
    led = section(html, 'id="pp-money-2"')
    assert "Money for activities: action plan Action Plan 2024-2025, led by MoI" in led
    assert "1 activity" in led  # 2.1.1 is not costed, 2.1.2 needs no funding


def test_indicator_chart_with_its_figures(built: Path) -> None:
    html = about(built)
    chart = section(html, 'id="pp-chart-IMP-1-figures"')
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="pp-chart"' in chart
    title = re.search(r"<title[^>]*>([^<]*)</title>", chart)
    assert title is not None and "IMP-1" in title.group(1) and "Victims assisted" in title.group(1)
    assert "<summary>Figures shown in the chart</summary>" in chart
    rows = re.findall(r"<tr><td>(\d+)</td><td>([^<]+)</td><td[^>]*>([^<]+)</td></tr>", chart)
    assert rows == [
        ("2023", "Baseline", "100"),
        ("2025", "Reported value", "110"),
        ("2025", "Mid-term target", "120"),
        ("2026", "End target", "150"),
    ]
    share = section(html, 'id="pp-chart-OC-1-figures"')
    assert ("2025", "Reported value", "30%") in re.findall(
        r"<tr><td>(\d+)</td><td>([^<]+)</td><td[^>]*>([^<]+)</td></tr>", share
    )


def test_text_macros_still_work_beside_the_blocks(built: Path) -> None:
    html = about(built)
    assert '<a href="../action-plans/ap-2024-2025/#activity-1.1.1">' in html
    assert "Test Strategy Site: Activities." in html
    # Blocks stay blocks: Markdown did not wrap them in paragraphs.
    assert "<p><div" not in html and "<p>\n<div" not in html


def test_the_other_language_uses_its_own_words(built: Path) -> None:
    html = about(built, "fr")
    strings = load_strings(Path(__file__).resolve().parent.parent, "fr", Problems())
    caption = strings.t(
        "macros.activities_caption", filters=strings.t("macros.filter_area", id="2")
    )
    assert f'<caption id="pp-activities">{caption}</caption>' in html.replace("&#39;", "'")
    assert 'href="../activities/2.1.1/"' in html


def test_a_small_count_is_withheld_in_chart_and_table(base_project: Path, tmp_path: Path) -> None:
    apply_edits(
        base_project,
        [
            ("data/monitoring/2025.yml", "IMP-1: {value: 110,", "IMP-1: {value: 3,"),
            ("data/monitoring/2025.yml", "{female: 80, male: 30}", "{female: 2, male: 1}"),
            ("content/en/about.md", None, '# About\n\n{{ indicator_chart("IMP-1") }}\n'),
        ],
    )
    session = open_session(base_project)
    fmt = IndicatorFormat(session.view("en"), session.data.index.indicators["IMP-1"])
    found = chart_input(fmt, reported(fmt))
    assert found is not None
    assert [(p.year, p.value, p.label) for p in found[0].points] == [(2025, None, "<5")]
    out = tmp_path / "out"
    build_site(base_project, out, session=session, mkdocs_strict=True)
    html = about(out)
    assert '<td class="pp-num" data-sort="">&lt;5</td>' in html
    assert ">3<" not in html and 'data-sort="3"' not in html


def test_data_text_is_escaped_in_macro_output(base_project: Path, tmp_path: Path) -> None:
    hostile = "<b>Bold</b> *star* {{ 6 * 7 }} [x](http://evil.example)"
    apply_edits(
        base_project,
        [
            ("data/action-plans/ap-2024-2025.yml", "{en: Open a shelter,", f"{{en: '{hostile}',"),
            ("content/en/about.md", None, '# About\n\n{{ activity_table(area="2") }}\n'),
        ],
    )
    out = tmp_path / "out"
    build_site(base_project, out, mkdocs_strict=True)
    table = section(about(out), 'id="pp-activities"')
    assert "&lt;b&gt;Bold&lt;/b&gt; *star* {{ 6 * 7 }} [x](http://evil.example)" in table
    assert "<b>" not in table and "<em>" not in table and "42" not in table
    assert "evil.example" not in table.replace("[x](http://evil.example)", "")


UNKNOWN = [
    (
        '{{ activity_table(institution="MOJ") }}',
        "activity_table(institution='MOJ'): there is no institution 'MOJ'. Did you mean 'MOI'?",
    ),
    (
        '{{ activity_table(status="in progres") }}',
        "activity_table(status='in progres'): there is no activity status 'in progres'. "
        "Did you mean 'in_progress'?",
    ),
    (
        '{{ budget_summary(plan="ap-2024-2026") }}',
        "budget_summary(plan='ap-2024-2026'): there is no action plan 'ap-2024-2026'. "
        "Did you mean 'ap-2024-2025'?",
    ),
    (
        "{{ status_summary(area=22) }}",
        "status_summary(area='22'): there is no area '22'. Did you mean '2'? Known: 1, 2.",
    ),
    (
        '{{ indicator_chart("IMP-2") }}',
        "indicator_chart('IMP-2'): there is no indicator 'IMP-2'. Did you mean 'IMP-1'?",
    ),
    (
        '{{ indicator_chart("OC-2") }}',
        "indicator_chart('OC-2'): indicator 'OC-2' is measured as 'yes_no', which cannot be drawn",
    ),
    (
        '{{ activity_table(area="1", aera="2") }}',
        "activity_table() has no parameter 'aera'; it takes area, institution, status, plan",
    ),
]


@pytest.mark.parametrize(("call", "message"), UNKNOWN, ids=[c for c, _ in UNKNOWN])
def test_an_unknown_id_is_a_located_error_with_a_suggestion(
    call: str,
    message: str,
    base_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = base_project / "content" / "en" / "about.md"
    page.write_text(f"# About\n\nSome text.\n\n{call}\n", encoding="utf-8")
    code = main(["build", "--project", str(base_project), "--site-dir", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"content/en/about.md:5: {message}" in err
    assert "[page.macro]" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
