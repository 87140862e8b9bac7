"""Indicator pages and the registry: chart, sentence, progress, breakdowns, small counts."""

from __future__ import annotations

import html as htmllib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from docs_build.i18n import format_number
from docs_build.model import Baseline, Indicator, IndicatorValue, Target, Text
from docs_build.progress import IndicatorProgress
from docs_build.render.indicator_format import IndicatorFormat
from docs_build.render.sentence import explain, summary_sentence
from docs_build.session import Session, open_session
from docs_build.suppress import suppress_progress
from tests.conftest import ROOT

LANGS = ("en", "sq", "sr-cyrl")
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    """The example, built once for the whole run (tests/conftest.py)."""
    return example_site


def page(site: Path, lang: str, path: str) -> str:
    """Return the main content of a built page."""
    text = (site / lang / path / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


def words(fragment: str) -> str:
    """Return the text of an HTML fragment, unescaped, with spaces normalised."""
    return " ".join(htmllib.unescape(TAG.sub(" ", fragment)).split())


def tables(content: str, cls: str) -> list[str]:
    """Return the tables of a page that have a class."""
    return [t for t in TABLE.findall(content) if cls in t.split(">", 1)[0]]


def cells(table: str) -> list[str]:
    """Return the text of every cell of a table."""
    return [words(c) for c in CELL.findall(table)]


def sentence_of(content: str) -> str:
    found = re.search(r'<p class="pp-lead pp-indicator-sentence" id="summary">(.*?)</p>', content)
    assert found, "the page must open with its sentence"
    return words(found.group(1))


def chart_labels(content: str) -> list[str]:
    svg = SVG.search(content)
    assert svg
    return [htmllib.unescape(x) for x in re.findall(r'pp-chart__label"[^>]*>([^<]*)<', svg.group())]


# --- Built pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ind_id", ["IMP-1", "OUT-3.2.2", "OC-4.3", "IMP-6"])
def test_chart_is_an_accessible_inline_svg(site: Path, lang: str, ind_id: str) -> None:
    content = page(site, lang, f"indicators/{ind_id}")
    svg = SVG.search(content)
    assert svg, "a numeric indicator has a chart"
    root = ET.fromstring(svg.group())  # well-formed XML
    assert root.get("role") == "img"
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text and ind_id in title.text
    assert root.get("aria-labelledby") == title.get("id")
    assert "<script" not in svg.group()
    assert 'role="region"' in content and 'tabindex="0"' in content  # scrolls on narrow screens
    assert tables(content, "pp-indicator-values"), "the chart's figures are also in a table"


@pytest.mark.parametrize("lang", LANGS)
def test_small_counts_show_only_as_withheld(site: Path, lang: str) -> None:
    # OC-4.3 (sensitive): baseline 0, values 0 (2024) and 1 (2025); targets 3 and 6 stay.
    content = page(site, lang, "indicators/OC-4.3")
    assert sorted(chart_labels(content)) == ["3", "6", "<5", "<5", "<5"]
    (values,) = tables(content, "pp-indicator-values")
    shown = cells(values)
    assert shown.count("<5") == 3
    assert not {"0", "1"} & set(shown)
    assert not any(re.match(r"^[01]\b", c) for c in shown)
    assert set(re.findall(r"\d+", sentence_of(content))) <= {"2025", "2026", "3", "5"}
    assert "pp-status--not_computable" in content
    # OUT-3.2.2 (sensitive): sex {11, 2} and {13, 4}, age {12, 1} and {14, 3}: every cell hidden.
    content = page(site, lang, "indicators/OUT-3.2.2")
    for table in tables(content, "pp-indicator-breakdown"):
        body = cells(table)
        rows = [c for c in body if c not in ("2024", "2025")]
        numbers = [c for c in rows if re.fullmatch(r"[\d.,\s]+", c)]
        assert numbers == ["13", "17"], body  # only the published totals
        assert body.count("<5") == 4
    # IMP-1: forced marriage (3) is small, so forced begging (5, 6) is withheld with it.
    content = page(site, lang, "indicators/IMP-1")
    forms = tables(content, "pp-indicator-breakdown")[2]
    shown = cells(forms)
    assert shown.count("<5") == 4
    assert not {"3", "5", "6"} & set(shown)
    assert {"24", "12", "25", "17"} <= set(shown)


@pytest.mark.parametrize("lang", LANGS)
def test_secondary_suppression_in_a_two_cell_breakdown(site: Path, lang: str) -> None:
    # OC-3.3: sex {8, 3} in 2024 and {10, 4} in 2025.
    content = page(site, lang, "indicators/OC-3.3")
    (sex,) = tables(content, "pp-indicator-breakdown")
    shown = cells(sex)
    assert shown.count("<5") == 4
    assert not {"8", "3", "10", "4"} & set(shown)


def test_sentence_has_the_latest_value_and_the_target_in_english(site: Path) -> None:
    text = sentence_of(page(site, "en", "indicators/IMP-1"))
    assert text == (
        "51 persons in 2025, up 34.2% from 38 persons in 2022. Target: 55 persons by 2026. "
        "On track: 76% of the way from the baseline to the target, with 75% of the time gone."
    )
    text = sentence_of(page(site, "en", "indicators/OC-4.3"))
    assert "The value for 2025 is withheld because it is below 5." in text
    assert "Progress is not published" in text


@pytest.mark.parametrize(("lang", "code"), [("en", "en"), ("sq", "sq"), ("sr-cyrl", "sr-Cyrl")])
def test_sentence_formats_numbers_for_the_language(site: Path, lang: str, code: str) -> None:
    def spaced(value: float) -> str:
        return " ".join(format_number(value, code).split())

    text = sentence_of(page(site, lang, "indicators/OC-2.1"))
    assert spaced(1310) in text and spaced(1150) in text and spaced(1400) in text
    assert "2025" in text and "2026" in text
    imp1 = sentence_of(page(site, lang, "indicators/IMP-1"))
    assert "51" in imp1 and "55" in imp1 and "2026" in imp1
    assert spaced(34.2) in imp1


@pytest.mark.parametrize("lang", LANGS)
def test_yes_no_and_qualitative_indicators_render(site: Path, lang: str) -> None:
    yes_no = page(site, lang, "indicators/OC-1.2")
    assert "<svg" not in yes_no, "a yes/no indicator has no chart, only its table"
    assert "pp-status--achieved" in yes_no and tables(yes_no, "pp-indicator-values")
    text = page(site, lang, "indicators/OC-5.1")
    assert "pp-status--achieved" in text and "<svg" not in text
    if lang == "sq":
        assert "U zhvilluan dy konsultime" in text
    if lang == "en":
        assert sentence_of(yes_no).startswith(
            "Reported for 2025: Yes (at the baseline in 2023: No)."
        )
        assert "Two structured consultations were held" in sentence_of(text)


@pytest.mark.parametrize("lang", LANGS)
def test_revisions_are_shown_with_a_moved_badge(site: Path, lang: str) -> None:
    content = page(site, lang, "indicators/OC-1.2")
    assert "pp-badge--moved" in content and 'id="revisions"' in content
    (table,) = tables(content, "pp-indicator-revisions")
    shown = " ".join(cells(table))
    assert "2024" in shown and "2025" in shown
    if lang == "en":
        assert "Yes by 2024 (end target)" in shown and "Yes by 2025 (end target)" in shown
        assert "September 30, 2024" in shown and "Parliament was dissolved" in shown
    assert "pp-badge--moved" not in page(site, lang, "indicators/IMP-3")


@pytest.mark.parametrize("lang", LANGS)
def test_progress_is_explained_with_its_figures(site: Path, lang: str) -> None:
    content = page(site, lang, "indicators/IMP-1")
    steps = re.search(r'<dl class="pp-facts pp-indicator-steps">(.*?)</dl>', content, re.DOTALL)
    assert steps
    text = words(steps.group(1))
    assert "(51 − 38) ÷ (55 − 38)" in text and "(2025 − 2022) ÷ (2026 − 2022)" in text


@pytest.mark.parametrize("lang", LANGS)
def test_registry_links_every_indicator_by_level(site: Path, lang: str) -> None:
    session = open_session(ROOT)
    content = page(site, lang, "indicators")
    for level in ("impact", "outcome", "output"):
        assert f'<h2 id="{level}">' in content
    for indicator in session.data.indicators:
        assert f'href="{indicator.id}/"' in content, indicator.id
    assert content.count("pp-status--") >= len(session.data.indicators)
    assert "pp-badge--moved" in content


# --- The sentence builder, with hand-made cases ----------------------------------------------


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    yield open_session(ROOT)


def person_count(session: Session, **changes: object) -> Indicator:
    """Return a made-up count of persons, changed as a case needs."""
    base = replace(
        session.data.index.indicators["IMP-3"],
        unit=Text((("en", "persons"), ("sq", "persona"), ("sr-Cyrl", "лица"))),
        baseline=Baseline(120, 2022, Text(()), None),
        targets=(Target(2026, 150, "mid_term"), Target(2028, 180, "end")),
        direction="increase",
        sensitive=False,
        revisions=(),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def progress(
    status: str,
    latest: IndicatorValue,
    target: IndicatorValue = 150,
    *,
    share: float | None = None,
    expected: float | None = None,
    baseline: IndicatorValue = 120,
    baseline_year: int | None = 2022,
    latest_year: int | None = 2025,
    target_year: int | None = 2026,
    reason: str | None = None,
) -> IndicatorProgress:
    return IndicatorProgress(
        status, share, expected, target_year, target, latest, latest_year, baseline,
        baseline_year, reason,
    )  # fmt: skip


def say(session: Session, indicator: Indicator, p: IndicatorProgress, lang: str = "en") -> str:
    return str(summary_sentence(IndicatorFormat(session.view(lang), indicator), p))


def test_sentence_up_and_off_track(session: Session) -> None:
    p = progress("off_track", 135, share=0.5, expected=0.75)
    assert say(session, person_count(session), p) == (
        "135 persons in 2025, up 12.5% from 120 persons in 2022. Target: 150 persons by 2026. "
        "Off track: 50% of the way from the baseline to the target, with 75% of the time gone."
    )


def test_sentence_in_other_languages_uses_their_templates_and_numbers(session: Session) -> None:
    p = progress("off_track", 135, share=0.5, expected=0.75)
    sq = say(session, person_count(session), p, "sq")
    sr = say(session, person_count(session), p, "sr-Cyrl")
    for text in (sq, sr):
        assert "12,5" in text and "135" in text and "150" in text
        assert "Target:" not in text and " up " not in text and "of the way" not in text
    assert "лица" in sr and "persona" in sq


def test_sentence_down_unchanged_and_from_zero(session: Session) -> None:
    down = say(
        session,
        person_count(session, direction="decrease"),
        progress("on_track", 90, 60, share=0.5, expected=0.5),
    )
    assert down.startswith("90 persons in 2025, down 25% from 120 persons in 2022.")
    same = say(session, person_count(session), progress("off_track", 120, share=0.0, expected=0.75))
    assert same.startswith("120 persons in 2025, the same as in 2022.")
    zero = person_count(session, baseline=Baseline(0, 2023, Text(()), None))
    text = say(session, zero, progress("on_track", 7, 10, baseline=0, baseline_year=2023))
    assert text.startswith("7 persons in 2025, up from 0 persons in 2023.")


def test_sentence_percentage_changes_in_points(session: Session) -> None:
    share = person_count(session, measure="percentage", unit=Text(()))
    text = say(session, share, progress("on_track", 45, 50, baseline=25, share=0.8, expected=0.67))
    assert text.startswith("45% in 2025, up 20 percentage points from 25% in 2022.")
    one = say(session, share, progress("on_track", 26, 50, baseline=25, share=0.04, expected=0.0))
    assert "up 1 percentage point from" in one


def test_sentence_achieved_late_and_moving_away(session: Session) -> None:
    indicator = person_count(session)
    done = say(session, indicator, progress("achieved", 155, share=1.17, expected=0.75))
    assert done.endswith("Achieved: the target has been reached.")
    late = say(
        session,
        indicator,
        progress(
            "off_track", 170, 180, share=0.83, expected=1.0, latest_year=2029, target_year=2028
        ),
    )
    assert "The last target was 180 persons for 2028." in late
    assert late.endswith(
        "Off track: 83% of the way from the baseline to the target, and the target year has passed."
    )
    away = say(session, indicator, progress("off_track", 110, share=-0.33, expected=0.75))
    assert away.endswith(
        "Off track: the value has moved away from the target, with 75% of the time gone."
    )


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("no_baseline", "Progress cannot be computed yet: there is no baseline value."),
        ("no_target", "Progress cannot be computed: the indicator has no target."),
        ("target_equals_baseline", "Progress cannot be computed: the target equals the baseline"),
    ],
)
def test_sentence_not_computable_gives_the_reason(
    session: Session, reason: str, expected: str
) -> None:
    p = progress("not_computable", 135, reason=reason)
    assert expected in say(session, person_count(session), p)


def test_sentence_never_reveals_a_withheld_value(session: Session) -> None:
    indicator = person_count(session, sensitive=True, baseline=Baseline(6, 2022, Text(()), None))
    raw = progress("on_track", 3, 8, baseline=6, share=-1.5, expected=0.75)
    published = suppress_progress(indicator, raw, 5)
    text = say(session, indicator, published)
    assert text == (
        "The value for 2025 is withheld because it is below 5. Target: 8 persons by 2026. "
        "Progress is not published, because it could reveal a count below 5."
    )
    explanation = explain(IndicatorFormat(session.view("en"), indicator), published)
    assert "&lt;5 (2025)" in " ".join(str(s.value) for s in explanation.steps)
    assert not re.search(r"\b3\b", text + str(explanation))


def test_sentence_withheld_baseline(session: Session) -> None:
    indicator = person_count(session, sensitive=True, baseline=Baseline(2, 2022, Text(()), None))
    published = suppress_progress(
        indicator, progress("on_track", 9, 10, baseline=2, share=0.875, expected=0.75), 5
    )
    text = say(session, indicator, published)
    assert text.startswith(
        "9 persons in 2025; the baseline (2022) is withheld because it is below 5."
    )
    assert not re.search(r"\b2 persons|\b87|\b88", text)


def test_sentence_yes_no_and_maintain_and_no_value(session: Session) -> None:
    yes_no = person_count(session, measure="yes_no", direction=None, unit=Text(()))
    missed = progress("off_track", "no", "yes", baseline="no", target_year=2025)
    assert say(session, yes_no, missed) == (
        "Reported for 2025: No (at the baseline in 2022: No). Target: Yes by 2025. "
        "Off track: the target was not met by the end of 2025."
    )
    due = say(session, yes_no, progress("on_track", "no", "yes", baseline="no"))
    assert due.endswith("On track: the target is due by the end of 2026.")
    keep = person_count(session, direction="maintain")
    text = say(session, keep, progress("on_track", 24, 24, baseline=24))
    assert text == (
        "24 persons in 2025, the same as in 2022. Target: 24 persons, to be maintained in 2026. "
        "On track: within 5% of the target."
    )
    none = say(session, person_count(session), progress("not_computable", None, latest_year=None))
    assert none == "No value has been published yet. Target: 150 persons by 2026."


def test_explanation_writes_out_the_rule(session: Session) -> None:
    fmt = IndicatorFormat(session.view("en"), person_count(session))
    found = explain(fmt, progress("off_track", 135, share=0.5, expected=0.75))
    assert str(found.rule) == (
        "Only 50% of the way from the baseline to the target has been covered; at least 65% "
        "was needed to be on track (the share of the time gone, 75%, minus 10 percentage points)."
    )
    steps = {s.label: str(s.value) for s in found.steps}
    assert steps["Share of the way covered"] == "(135 − 120) ÷ (150 − 120) = 50%"
    assert steps["Share of the time gone"] == "(2025 − 2022) ÷ (2026 − 2022) = 75%"
    assert steps["Baseline"] == "120 persons (2022)"


def test_text_in_the_sentence_is_escaped(session: Session) -> None:
    qualitative = person_count(session, measure="qualitative", direction=None)
    hostile = Text((("en", "<script>alert(1)</script>"),))
    text = say(session, qualitative, progress("achieved", hostile, hostile, baseline=None))
    assert "<script>" not in text and "&lt;script&gt;" in text
