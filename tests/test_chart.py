"""Indicator charts: well-formed, accessible, escaped, stable, and honest about small counts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from docs_build.i18n import format_number
from docs_build.render.chart import (
    ChartData,
    ChartPoint,
    ChartTarget,
    ChartWords,
    nice_ticks,
    render_chart,
    safe_id,
)

SVG = "{http://www.w3.org/2000/svg}"
WORDS = ChartWords(
    value="Reported value",
    target="Target",
    baseline="Baseline",
    suppressed="Fewer than 5 (not shown)",
    no_data="No value reported yet",
)
NORMAL = ChartData(
    title="Identified victims",
    unit="Number of identified victims",
    points=(
        ChartPoint(2019, 812, "812"),
        ChartPoint(2020, 640, "640"),
        ChartPoint(2021, 905, "905"),
        ChartPoint(2022, 1234, "1 234"),
    ),
    targets=(
        ChartTarget(2025, 1300, "1 300", "Mid-term target"),
        ChartTarget(2027, 1500, "1 500", "End target"),
    ),
    baseline=ChartPoint(2018, 750, "750"),
)
SUPPRESSED = ChartData(
    title="Child victims, North",
    unit="Children",
    points=(
        ChartPoint(2019, 12, "12"),
        ChartPoint(2020, None, "<5"),
        ChartPoint(2021, 9, "9"),
        ChartPoint(2022, None, "<5"),
    ),
    targets=(ChartTarget(2025, 20, "20", "End target"),),
)


def parse(data: ChartData, chart_id: str = "IND-1", words: ChartWords = WORDS) -> ET.Element:
    """Render a chart and parse it as XML (which fails unless it is well-formed)."""
    return ET.fromstring(str(render_chart(data, words, chart_id)))


def texts(svg: ET.Element) -> list[str]:
    """Return the content of every <text> element."""
    return ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]


def classes(element: ET.Element) -> set[str]:
    """Return an element's CSS classes."""
    return set(element.get("class", "").split())


def legend(svg: ET.Element) -> ET.Element:
    """Return the legend group."""
    found = [g for g in svg.iter(f"{SVG}g") if "pp-chart__legend" in classes(g)]
    assert len(found) == 1
    return found[0]


def shapes(root: ET.Element, skip: ET.Element | None = None) -> set[tuple[str, str, str, bool]]:
    """Return (series, element, shape, hollow) for every marker under root, outside skip."""
    found = set()
    for group in root.iter(f"{SVG}g"):
        series = [
            c for c in classes(group) if c.startswith("pp-chart__") and c != "pp-chart__legend"
        ]
        if group is skip or not series or (skip is not None and group in skip.iter()):
            continue
        for marker in group:
            names = classes(marker)
            shape = [c for c in names if c.startswith("pp-chart__shape--")]
            if shape:
                hollow = "pp-chart__hollow" in names
                found.add((series[0], marker.tag, shape[0], hollow))
    return found


def plot_markers(svg: ET.Element, shape: str, hollow: bool) -> list[ET.Element]:
    """Return the plotted (not legend) markers of one shape."""
    in_legend = set(legend(svg).iter())
    return [
        m
        for m in svg.iter()
        if m not in in_legend
        and f"pp-chart__shape--{shape}" in classes(m)
        and ("pp-chart__hollow" in classes(m)) == hollow
    ]


def year_axis(svg: ET.Element) -> ET.Element:
    """Return the year axis line."""
    found = [line for line in svg.iter(f"{SVG}line") if "pp-chart__axis" in classes(line)]
    assert len(found) == 1
    return found[0]


def axis_y(svg: ET.Element) -> float:
    """Return the height of the plot's floor (the year axis)."""
    return float(year_axis(svg).get("y1", "nan"))


def polyline_xs(svg: ET.Element) -> list[list[float]]:
    """Return the x coordinates of every plotted line."""
    in_legend = set(legend(svg).iter())
    return [
        [float(pair.split(",")[0]) for pair in line.get("points", "").split()]
        for line in svg.iter(f"{SVG}polyline")
        if line not in in_legend
    ]


def test_svg_is_an_image_named_by_its_title_and_described() -> None:
    svg = parse(NORMAL, "IND-1.1 north")
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert "pp-chart" in classes(svg)
    assert svg.get("viewBox", "").startswith("0 0 640 ")
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert list(svg)[:2] == [title, desc]
    assert title.text == "Identified victims"
    assert desc.text and "1 234" in desc.text
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == desc.get("id")
    for element_id in (title.get("id", ""), desc.get("id", "")):
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", element_id)


def test_caller_description_is_used() -> None:
    data = ChartData("T", "", NORMAL.points, description="Rose from 812 to 1 234.")
    desc = parse(data).find(f"{SVG}desc")
    assert desc is not None and desc.text == "Rose from 812 to 1 234."


def test_ids_are_sanitized_and_stay_distinct() -> None:
    assert safe_id("IND-1_2") == "pp-chart-IND-1_2"
    odd = [safe_id(x) for x in ("IND 1.1", "IND-1-1", "IND.1.1", "", '"><script>')]
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", x) for x in odd)
    assert len(set(odd)) == len(odd)


def test_every_label_and_word_is_drawn_as_text() -> None:
    drawn = texts(parse(NORMAL))
    wanted = [p.label for p in NORMAL.points] + [t.label for t in NORMAL.targets]
    wanted += ["750", "Number of identified victims", "Reported value", "Baseline"]
    wanted += ["Mid-term target", "End target"]
    for label in wanted:
        assert label in drawn, label
    assert [str(y) for y in range(2018, 2028)] == [t for t in drawn if re.fullmatch(r"20\d\d", t)]


def test_suppressed_point_sits_hollow_on_the_floor_with_its_label() -> None:
    svg = parse(SUPPRESSED)
    hollow = plot_markers(svg, "circle", hollow=True)
    assert len(hollow) == 2
    assert {float(m.get("cy", "nan")) for m in hollow} == {axis_y(svg)}
    assert texts(svg).count("<5") == 2
    assert "Fewer than 5 (not shown)" in texts(svg)


def test_suppressed_point_is_not_joined_by_any_line() -> None:
    svg = parse(SUPPRESSED)
    xs_hollow = {float(m.get("cx", "nan")) for m in plot_markers(svg, "circle", hollow=True)}
    for xs in polyline_xs(svg):
        assert not xs_hollow & set(xs)
        # No line may pass over a suppressed year either.
        assert not any(min(xs) < x < max(xs) for x in xs_hollow)


def test_suppressed_baseline_is_hollow_on_the_floor() -> None:
    data = ChartData("T", "", (ChartPoint(2021, 3, "3"),), baseline=ChartPoint(2019, None, "<5"))
    svg = parse(data)
    (square,) = plot_markers(svg, "square", hollow=True)
    assert float(square.get("y", "nan")) + 4.5 == axis_y(svg)


@pytest.mark.parametrize("evil", ["<script>alert(1)</script>", '"onload="x', "a & b ' \" >"])
def test_injected_text_stays_text(evil: str) -> None:
    words = ChartWords(evil, evil, evil, evil, evil)
    data = ChartData(
        title=evil,
        unit=evil,
        points=(ChartPoint(2020, 1, evil), ChartPoint(2021, None, evil)),
        targets=(ChartTarget(2022, 3, evil, evil),),
        baseline=ChartPoint(2019, 2, evil),
        description=evil,
    )
    markup = str(render_chart(data, words, evil))
    assert "<script" not in markup
    svg = ET.fromstring(markup)
    assert not list(svg.iter(f"{SVG}script"))
    allowed = re.compile(r"[a-z][a-z0-9-]*|viewBox")
    for element in svg.iter():
        assert all(allowed.fullmatch(name) for name in element.attrib), element.attrib
        assert "onload" not in element.attrib
    assert texts(svg).count(evil) >= 7
    assert [e.text for e in svg if e.tag in (f"{SVG}title", f"{SVG}desc")] == [evil, evil]


def test_characters_xml_cannot_hold_are_dropped() -> None:
    data = ChartData("bell\x07", "", (ChartPoint(2020, 1, "1\x00"),))
    svg = parse(data)
    assert "1" in texts(svg)


def test_same_input_gives_same_bytes_with_short_numbers() -> None:
    first = str(render_chart(NORMAL, WORDS, "IND-1"))
    assert first == str(render_chart(NORMAL, WORDS, "IND-1"))
    assert not re.search(r"\d\.\d\d", first)


def test_legend_uses_the_series_shapes() -> None:
    for data in (NORMAL, SUPPRESSED):
        svg = parse(data)
        key = legend(svg)
        assert shapes(key) == shapes(svg, skip=key)
    key_shapes = {s[2] for s in shapes(legend(parse(NORMAL)))}
    assert key_shapes == {
        "pp-chart__shape--circle",
        "pp-chart__shape--square",
        "pp-chart__shape--diamond",
        "pp-chart__shape--triangle",
    }


def test_series_differ_without_colour() -> None:
    svg = parse(NORMAL)
    lines = {line.get("stroke-dasharray", "solid") for line in svg.iter(f"{SVG}polyline")}
    assert lines == {"solid", "6 4"}
    assert {s[3] for s in shapes(svg) if s[0] == "pp-chart__target"} == {True}
    assert {s[3] for s in shapes(svg) if s[0] == "pp-chart__value"} == {False}


def test_dashed_line_runs_from_latest_value_through_later_targets() -> None:
    svg = parse(NORMAL)
    dashed = [
        line
        for line in svg.iter(f"{SVG}polyline")
        if line.get("stroke-dasharray") and line not in set(legend(svg).iter())
    ]
    assert len(dashed) == 1
    assert len(dashed[0].get("points", "").split()) == 3


def test_no_dashed_line_from_a_suppressed_latest_value() -> None:
    svg = parse(SUPPRESSED)
    plotted = [line for line in svg.iter(f"{SVG}polyline") if line not in set(legend(svg).iter())]
    assert not [line for line in plotted if line.get("stroke-dasharray")]


def test_no_values_draws_axes_targets_and_the_note() -> None:
    data = ChartData("T", "%", (), NORMAL.targets, ChartPoint(2022, 41.5, "41.5%"), y_max=100)
    svg = parse(data)
    drawn = texts(svg)
    assert "No value reported yet" in drawn
    assert {"1 300", "1 500", "41.5%"} <= set(drawn)
    assert "Reported value" not in drawn
    assert len(plot_markers(svg, "diamond", hollow=True)) == 1
    assert axis_y(svg) > 0


def test_nothing_at_all_still_draws_a_well_formed_chart() -> None:
    drawn = texts(parse(ChartData("Empty", "", ())))
    assert "No value reported yet" in drawn
    assert "0" in drawn


def test_single_year_is_centred() -> None:
    svg = parse(ChartData("One", "", (ChartPoint(2024, 7, "7"),)))
    (dot,) = plot_markers(svg, "circle", hollow=False)
    axis = year_axis(svg)
    middle = (float(axis.get("x1", "0")) + float(axis.get("x2", "0"))) / 2
    assert float(dot.get("cx", "nan")) == pytest.approx(middle, abs=0.1)
    assert "2024" in texts(svg)


def test_all_zeros_sit_on_the_floor_of_a_readable_scale() -> None:
    data = ChartData("Zero", "", tuple(ChartPoint(y, 0, "0") for y in (2020, 2021, 2022)))
    svg = parse(data)
    assert {float(m.get("cy", "nan")) for m in plot_markers(svg, "circle", False)} == {axis_y(svg)}
    assert {"0", "1", "2", "3", "4"} <= set(texts(svg))


def test_percentages_use_the_y_max_hint() -> None:
    data = ChartData("Share", "%", (ChartPoint(2023, 45.5, "45.5%"),), y_max=100)
    svg = ET.fromstring(str(render_chart(data, WORDS, "x", format_tick=lambda v: f"{v:g}%")))
    assert "100%" in texts(svg)
    assert "120%" not in texts(svg)


def test_large_numbers_widen_the_margin_so_ticks_fit() -> None:
    data = ChartData("Money", "EUR", (ChartPoint(2020, 12_345_678, "12 345 678"),))
    markup = render_chart(data, WORDS, "m", format_tick=lambda v: format_number(v, "en"))
    svg = ET.fromstring(str(markup))
    assert "12,500,000" in texts(svg)
    axis = year_axis(svg)
    assert float(axis.get("x1", "0")) > 10 * 13 * 0.6


def test_negative_values_extend_below_zero() -> None:
    data = ChartData("Change", "", (ChartPoint(2020, -3, "-3"), ChartPoint(2021, 4, "4")))
    svg = parse(data)
    zero = [line for line in svg.iter(f"{SVG}line") if "pp-chart__zero" in classes(line)]
    assert len(zero) == 1
    assert float(zero[0].get("y1", "nan")) < axis_y(svg)


def test_right_to_left_text_keeps_time_left_to_right() -> None:
    words = ChartWords("القيمة", "الهدف", "خط الأساس", "أقل من ٥", "لا توجد قيمة")
    goal = (ChartTarget(2025, 20, "20", "الهدف النهائي"),)
    data = ChartData("عنوان", "عدد", SUPPRESSED.points, goal, lang_dir="rtl")
    svg = parse(data, words=words)
    arabic = [t for t in svg.iter(f"{SVG}text") if re.search("[\u0600-\u06ff]", t.text or "")]
    assert len(arabic) == 4  # the unit and three legend entries
    assert {t.get("direction") for t in arabic} == {"rtl"}
    # Numbers without letters are marked left to right (not inherited from the page),
    # so "-5" keeps its sign on the left.
    others = [t for t in svg.iter(f"{SVG}text") if t not in arabic]
    assert {t.get("direction") for t in others} == {"ltr"}
    years = [t for t in svg.iter(f"{SVG}text") if re.fullmatch(r"20\d\d", t.text or "")]
    xs = [float(t.get("x", "nan")) for t in years]
    assert xs == sorted(xs) and [t.text for t in years] == sorted(t.text or "" for t in years)
    # The legend reads from the right: the first entry's marker is right of its words.
    key = legend(svg)
    first_marker = next(m for m in key.iter() if "pp-chart__shape" in classes(m))
    first_text = next(key.iter(f"{SVG}text"))
    assert first_text.text == "القيمة"
    assert float(first_marker.get("cx", "nan")) > float(first_text.get("x", "nan"))
    assert first_text.get("text-anchor") == "start"


def test_ltr_text_has_no_direction() -> None:
    assert not [t for t in parse(NORMAL).iter(f"{SVG}text") if t.get("direction")]


@pytest.mark.parametrize(
    ("lo", "hi", "whole", "ticks"),
    [
        (0, 100, False, (0, 20, 40, 60, 80, 100)),
        (0, 1234, True, (0, 250, 500, 750, 1000, 1250)),
        (0, 0, True, (0, 1, 2, 3, 4)),
        (0, 12, True, (0, 5, 10, 15)),
        (0, 3, True, (0, 1, 2, 3, 4)),
        (0, 1, True, (0, 1, 2, 3, 4)),
        (-3, 4, True, (-4, -2, 0, 2, 4)),
        (0, 0.3, False, (0, 0.1, 0.2, 0.3)),
    ],
)
def test_nice_ticks(lo: float, hi: float, whole: bool, ticks: tuple[float, ...]) -> None:
    assert nice_ticks(lo, hi, whole) == ticks
