"""Draw an indicator's values over time as an accessible inline SVG (no JavaScript)."""

from __future__ import annotations

import hashlib
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640.0  # viewBox width; CSS scales the drawing to the column
FONT = 13.0  # keep equal to .pp-chart font-size in chart.css: text widths are estimated from it
PLOT_HEIGHT = 220.0
PAD = 8.0
ROW = 20.0  # one legend line
SAMPLE = 28.0  # legend sample (line piece and marker)
TARGET_SHAPES = ("diamond", "triangle", "triangle-down")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
# Where a label goes relative to its marker: dx, dy, and which physical side the anchor is on.
_OFFSETS: dict[str, tuple[float, float, str]] = {
    "above": (0.0, -10.0, "middle"),
    "below": (0.0, 19.0, "middle"),
    "above-right": (8.0, -8.0, "left"),
    "above-left": (-8.0, -8.0, "right"),
    "below-right": (8.0, 17.0, "left"),
    "below-left": (-8.0, 17.0, "right"),
    "right": (10.0, 4.5, "left"),
    "left": (-10.0, 4.5, "right"),
}

Box = tuple[float, float, float, float]
Attrs = dict[str, str | float]


@dataclass(frozen=True)
class ChartPoint:
    """One year's value; value None means suppressed (a small count) and label says so."""

    year: int
    value: float | None
    label: str


@dataclass(frozen=True)
class ChartTarget:
    """A target value for a year, with its printed value and its kind in words."""

    year: int
    value: float
    label: str
    kind_label: str


@dataclass(frozen=True)
class ChartWords:
    """Localized words drawn inside the chart."""

    value: str
    target: str
    baseline: str
    suppressed: str
    no_data: str


@dataclass(frozen=True)
class ChartData:
    """Everything one chart shows; labels are already formatted and localized."""

    title: str
    unit: str
    points: tuple[ChartPoint, ...]
    targets: tuple[ChartTarget, ...] = ()
    baseline: ChartPoint | None = None
    lang_dir: str = "ltr"
    description: str = ""
    y_max: float | None = None


@dataclass(frozen=True)
class _Frame:
    """The plot rectangle and the value and year ranges it maps."""

    left: float
    top: float
    right: float
    bottom: float
    first: int
    last: int
    lo: float
    hi: float

    def x(self, year: int) -> float:
        """Return the centre of a year's column."""
        step = (self.right - self.left) / (self.last - self.first + 1)
        return self.left + (year - self.first + 0.5) * step

    def y(self, value: float) -> float:
        """Return the height of a value."""
        share = (value - self.lo) / (self.hi - self.lo)
        return self.bottom - share * (self.bottom - self.top)


@dataclass
class _Canvas:
    """Markup collected so far and the boxes labels must not cover."""

    rtl: bool
    parts: list[str]
    boxes: list[Box]


@dataclass(frozen=True)
class _Mark:
    """A marker to draw and label: where, which shape, and its text."""

    x: float
    y: float
    shape: str
    hollow: bool
    label: str
    prefer: str


def render_chart(
    data: ChartData,
    words: ChartWords,
    chart_id: str,
    *,
    format_tick: Callable[[float], str] | None = None,
) -> Markup:
    """Return the chart as an inline SVG with title, description, legend and labels."""
    fmt = format_tick or plain_number
    if not all(math.isfinite(v) for v in _values(data)):
        raise ValueError(f"chart {chart_id!r}: values must be finite numbers")
    ticks = nice_ticks(*_value_range(data))
    frame = _frame(data, ticks, [fmt(t) for t in ticks])
    canvas = _Canvas(data.lang_dir == "rtl", [], [])
    _draw_axes(canvas, frame, data.unit, ticks, fmt)
    if _years(data):
        canvas.parts.extend(_year_labels(canvas, frame))
    points = sorted(data.points, key=lambda p: p.year)
    chain = _chain(data, frame)
    runs = _runs(points, frame)
    series = _series(points, frame, chain[1][1] if len(chain) > 1 else None)
    base = _baseline(data.baseline, frame, {p.year for p in points})
    targets = _targets(data, frame, words, chain)
    for marks in (base, series, targets):
        canvas.boxes.extend((m.x - 6, m.y - 6, m.x + 6, m.y + 6) for m in marks)
    for coords in [chain, *runs]:
        canvas.boxes.extend(_line_boxes(coords))
    _draw_lines(canvas, "target", [chain], {"stroke-width": 2, "stroke-dasharray": "6 4"})
    _draw_lines(canvas, "value", runs, {"stroke-width": 2.5})
    if not points:
        _draw_note(canvas, frame, words.no_data)
    for group, marks in (("baseline", base), ("value", series), ("target", targets)):
        _draw_marks(canvas, group, marks, frame)
    entries = _legend_entries(data, words, bool(runs), bool(chain))
    height = _draw_legend(canvas, entries, frame.bottom + 40)
    ids = safe_id(chart_id)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pp-chart" '
        f'viewBox="0 0 {_num(WIDTH)} {_num(height)}" role="img" font-size="{_num(FONT)}" '
        f'aria-labelledby="{ids}-title" aria-describedby="{ids}-desc">'
        f'<title id="{ids}-title">{_esc(data.title)}</title>'
        f'<desc id="{ids}-desc">{_esc(data.description or _summary(data, words))}</desc>'
    )
    return Markup("\n".join([head, *canvas.parts, "</svg>"]))


def safe_id(chart_id: str) -> str:
    """Return an id prefix from [A-Za-z0-9_-]; a changed id gets a hash so ids stay unique."""
    clean = _UNSAFE_ID.sub("-", chart_id)
    if clean != chart_id or not clean:
        clean += "-" + hashlib.sha1(chart_id.encode("utf-8")).hexdigest()[:8]
    return f"pp-chart-{clean.strip('-')}"


def plain_number(value: float) -> str:
    """Format a tick without locale (callers pass a Babel formatter instead)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def nice_ticks(lo: float, hi: float, whole: bool) -> tuple[float, ...]:
    """Return about five evenly spaced round ticks from lo (or below) to hi (or above)."""
    if whole and hi - lo < 4:
        hi = lo + 4  # counts of 0 to 3 still get a readable scale of whole steps
    elif hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = 10 * magnitude
    for factor in (1.0, 2.0, 2.5, 5.0):
        if factor * magnitude >= raw * (1 - 1e-9) and not (whole and factor == 2.5 and step <= 10):
            step = factor * magnitude
            break
    if whole:
        step = max(1.0, round(step))
    start, end = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return tuple(round(i * step, 10) + 0.0 for i in range(start, end + 1))


def _values(data: ChartData) -> list[float]:
    """Return every number the chart shows, and the y max hint."""
    values = [p.value for p in data.points if p.value is not None]
    values += [t.value for t in data.targets]
    if data.baseline is not None and data.baseline.value is not None:
        values.append(data.baseline.value)
    return values + ([data.y_max] if data.y_max is not None else [])


def _value_range(data: ChartData) -> tuple[float, float, bool]:
    """Return the lowest and highest value to show, and whether all are whole numbers."""
    values = _values(data)
    whole = all(float(v).is_integer() for v in values)
    return min([0.0, *values]), max([0.0, *values]), whole


def _years(data: ChartData) -> list[int]:
    """Return every year that has a point, a target or the baseline."""
    years = [p.year for p in data.points] + [t.year for t in data.targets]
    return years + ([data.baseline.year] if data.baseline is not None else [])


def _frame(data: ChartData, ticks: Sequence[float], tick_labels: Sequence[str]) -> _Frame:
    """Place the plot so tick labels, the unit caption and year labels fit."""
    left = max(36.0, max(_text_width(t) for t in tick_labels) + 14)
    unit_lines = len(_wrap(data.unit, WIDTH - 2 * PAD)) if data.unit.strip() else 0
    top = 22.0 + unit_lines * (FONT + 5)
    years = _years(data) or [0]
    return _Frame(
        left, top, WIDTH - 16, top + PLOT_HEIGHT, min(years), max(years), ticks[0], ticks[-1]
    )


def _draw_axes(
    canvas: _Canvas, frame: _Frame, unit: str, ticks: Sequence[float], fmt: Callable[[float], str]
) -> None:
    """Draw gridlines with value ticks, the year axis, and the unit caption."""
    out = ['<g class="pp-chart__grid" fill="currentColor">']
    for tick in ticks:
        y = frame.y(tick)
        cls = "pp-chart__gridline" + (" pp-chart__zero" if tick == 0 else "")
        attrs: Attrs = {"class": cls, "x1": frame.left, "x2": frame.right, "y1": y, "y2": y}
        out.append(_tag("line", attrs | {"stroke": "currentColor", "stroke-width": 0.5}))
        out.append(_text(canvas, frame.left - 6, y + 4.5, fmt(tick), "right"))
    axis: Attrs = {"x1": frame.left, "y1": frame.bottom, "x2": frame.right, "y2": frame.bottom}
    out.append(_tag("line", {"class": "pp-chart__axis", **axis, "stroke": "currentColor"}))
    for n, line in enumerate(_wrap(unit, WIDTH - 2 * PAD) if unit.strip() else []):
        y = 14 + n * (FONT + 5)
        out.append(_text(canvas, PAD, y, line, "left", "pp-chart__unit"))
        canvas.boxes.append((PAD, y - FONT, PAD + _text_width(line), y + 3))
    canvas.parts.extend([*out, "</g>"])


def _year_labels(canvas: _Canvas, frame: _Frame) -> list[str]:
    """Return a tick for every year and as many year labels as fit without overlapping."""
    step = (frame.right - frame.left) / (frame.last - frame.first + 1)
    every = math.ceil((_text_width(str(frame.last)) + 8) / step)
    out = ['<g class="pp-chart__years" fill="currentColor">']
    for year in range(frame.first, frame.last + 1):
        x = frame.x(year)
        tick: Attrs = {"x1": x, "x2": x, "y1": frame.bottom, "y2": frame.bottom + 4}
        out.append(_tag("line", tick | {"stroke": "currentColor"}))
        if (frame.last - year) % every == 0:  # the latest year always keeps its label
            out.append(_text(canvas, x, frame.bottom + 18, str(year), "middle"))
    return [*out, "</g>"]


def _series(points: Sequence[ChartPoint], frame: _Frame, tail: float | None) -> list[_Mark]:
    """Return the reported values; a suppressed one sits hollow on the plot's floor."""
    ys = [frame.y(p.value) if p.value is not None else None for p in points]
    marks = []
    for i, point in enumerate(points):
        x, y = frame.x(point.year), ys[i]
        if y is None:
            marks.append(_Mark(x, frame.bottom, "circle", True, point.label, "above"))
            continue
        before = ys[i - 1] if i > 0 else None
        after = ys[i + 1] if i + 1 < len(ys) else tail  # the last value leads on to a target
        marks.append(_Mark(x, y, "circle", False, point.label, _prefer(y, before, after)))
    return marks


def _prefer(y: float, before: float | None, after: float | None) -> str:
    """Choose the label side the line leaves free: above a peak, below a valley."""
    rises_before = before is not None and before < y - 0.5
    rises_after = after is not None and after < y - 0.5
    if rises_before and rises_after:
        return "below"
    if rises_after:
        return "above-left"
    if rises_before:
        return "above-right"
    return "above"


def _baseline(baseline: ChartPoint | None, frame: _Frame, taken: set[int]) -> list[_Mark]:
    """Return the baseline square, beside a value of the same year, hollow if suppressed."""
    if baseline is None:
        return []
    x = frame.x(baseline.year) - (11 if baseline.year in taken else 0)
    if baseline.value is None:
        return [_Mark(x, frame.bottom, "square", True, baseline.label, "above")]
    return [_Mark(x, frame.y(baseline.value), "square", False, baseline.label, "below")]


def _target_shapes(data: ChartData, words: ChartWords) -> dict[str, str]:
    """Give each kind of target its own hollow shape, in order of first appearance."""
    shapes: dict[str, str] = {}
    for target in data.targets:
        kind = target.kind_label.strip() or words.target
        shapes.setdefault(kind, TARGET_SHAPES[len(shapes) % len(TARGET_SHAPES)])
    return shapes


def _targets(
    data: ChartData, frame: _Frame, words: ChartWords, chain: Sequence[tuple[float, float]]
) -> list[_Mark]:
    """Return the target markers, labelled on the side the dashed line leaves free."""
    shapes = _target_shapes(data, words)
    ys = [y for _, y in chain]
    marks = []
    for t in sorted(data.targets, key=lambda t: (t.year, t.value)):
        x, y = frame.x(t.year), frame.y(t.value)
        at = chain.index((x, y)) if (x, y) in chain[1:] else 0
        prefer = _prefer(y, ys[at - 1], ys[at + 1] if at + 1 < len(ys) else None) if at else "above"
        marks.append(
            _Mark(x, y, shapes[t.kind_label.strip() or words.target], True, t.label, prefer)
        )
    return marks


def _chain(data: ChartData, frame: _Frame) -> list[tuple[float, float]]:
    """Return the dashed path from the latest value (else the baseline) through later targets."""
    # Start only from a known latest value: a line from a suppressed point would show a
    # height it does not have, and one from an older value would skip the suppressed year.
    points = sorted(data.points, key=lambda p: p.year)
    start = points[-1] if points else data.baseline
    if start is None or start.value is None:
        return []
    later = sorted((t for t in data.targets if t.year > start.year), key=lambda t: t.year)
    coords = [(frame.x(start.year), frame.y(start.value))]
    coords += [(frame.x(t.year), frame.y(t.value)) for t in later]
    return coords if len(coords) > 1 else []


def _runs(points: Sequence[ChartPoint], frame: _Frame) -> list[list[tuple[float, float]]]:
    """Return the solid line's pieces: it breaks at suppressed points."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point.value is None:
            runs.append([])
        else:
            runs[-1].append((frame.x(point.year), frame.y(point.value)))
    return [run for run in runs if len(run) > 1]


def _draw_lines(
    canvas: _Canvas, group: str, lines: Sequence[Sequence[tuple[float, float]]], attrs: Attrs
) -> None:
    """Draw a series' lines."""
    drawn = [_polyline(coords, attrs) for coords in lines if coords]
    if drawn:
        canvas.parts.append(f'<g class="pp-chart__{group}">' + "".join(drawn) + "</g>")


def _line_boxes(coords: Sequence[tuple[float, float]]) -> list[Box]:
    """Return small boxes along a line so labels keep off it."""
    boxes = []
    for (x0, y0), (x1, y1) in itertools.pairwise(coords):
        steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 3))
        for i in range(steps + 1):
            x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
            boxes.append((x - 1.5, y - 1.5, x + 1.5, y + 1.5))
    return boxes


def _draw_note(canvas: _Canvas, frame: _Frame, note: str) -> None:
    """Write the 'no value yet' note across the plot where it covers the least."""
    x, width = (frame.left + frame.right) / 2, _text_width(note)
    best: tuple[int, float, Box] | None = None
    for share in (0.5, 0.35, 0.65, 0.2, 0.8):
        y = frame.top + share * (frame.bottom - frame.top)
        box = (x - width / 2, y - FONT, x + width / 2, y + 4)
        hits = sum(_overlaps(box, other) for other in canvas.boxes)
        if best is None or hits < best[0]:
            best = (hits, y, box)
    assert best is not None
    canvas.boxes.append(best[2])
    canvas.parts.append(_text(canvas, x, best[1], note, "middle", "pp-chart__note"))


def _draw_marks(canvas: _Canvas, group: str, marks: Sequence[_Mark], frame: _Frame) -> None:
    """Draw one series' markers and their labels."""
    if not marks:
        return
    out = [f'<g class="pp-chart__{group}" fill="currentColor">']
    out += [_marker(m.shape, m.x, m.y, m.hollow) for m in marks]
    out += [_label(canvas, frame, m) for m in marks]
    canvas.parts.extend([*out, "</g>"])


def _label(canvas: _Canvas, frame: _Frame, mark: _Mark) -> str:
    """Place a marker's label on the side covering least, preferring the given side."""
    width = _text_width(mark.label)
    best: tuple[tuple[bool, int, int], float, float, str, Box] | None = None
    for rank, side in enumerate([mark.prefer, *(s for s in _OFFSETS if s != mark.prefer)]):
        dx, dy, anchor = _OFFSETS[side]
        x, y = mark.x + dx, mark.y + dy
        x0 = {"left": x, "middle": x - width / 2, "right": x - width}[anchor]
        shift = max(0.0, frame.left + 2 - x0) - max(0.0, x0 + width - (WIDTH - 2))
        box = (x0 + shift, y - FONT * 0.8, x0 + shift + width, y + FONT * 0.2)
        fits = box[1] >= 0 and box[3] <= frame.bottom - 1
        score = (not fits, sum(_overlaps(box, other) for other in canvas.boxes), rank)
        if best is None or score < best[0]:
            best = (score, x + shift, y, anchor, box)
        if score[:2] == (False, 0):
            break
    assert best is not None
    canvas.boxes.append(best[4])
    return _text(canvas, best[1], best[2], mark.label, best[3], "pp-chart__label")


def _legend_entries(
    data: ChartData, words: ChartWords, solid: bool, dashed: bool
) -> list[tuple[str, bool, str, str, str]]:
    """Return (shape, hollow, series, line, words) for each thing drawn, as it is drawn."""
    entries = []
    if any(p.value is not None for p in data.points):
        entries.append(("circle", False, "value", "solid" if solid else "", words.value))
    if any(p.value is None for p in data.points):
        entries.append(("circle", True, "value", "", words.suppressed))
    if data.baseline is not None:
        entries.append(("square", data.baseline.value is None, "baseline", "", words.baseline))
    for kind, shape in _target_shapes(data, words).items():
        entries.append((shape, True, "target", "dashed" if dashed else "", kind))
    return entries


def _draw_legend(
    canvas: _Canvas, entries: Sequence[tuple[str, bool, str, str, str]], top: float
) -> float:
    """Draw the legend in rows with the series' own shapes; return the chart height."""
    # Entries flow in reading order: left to right, or right to left on an RTL page.
    out = ['<g class="pp-chart__legend">']
    x, y, row_end = PAD, top, top
    for shape, hollow, group, line, text in entries:
        lines = _wrap(text, WIDTH - 2 * PAD - SAMPLE - 6)
        width = SAMPLE + 6 + max(_text_width(t) for t in lines)
        if x > PAD and x + width > WIDTH - PAD:
            x, y = PAD, row_end
        mid = _flip(canvas, x + SAMPLE / 2)
        sample = [_marker(shape, mid, y, hollow)]
        if line:
            coords = [(_flip(canvas, x), y), (_flip(canvas, x + SAMPLE), y)]
            dash: Attrs = {"stroke-dasharray": "6 4"} if line == "dashed" else {}
            sample.insert(
                0, _polyline(coords, {"stroke-width": 2.5 if line == "solid" else 2, **dash})
            )
        out.append(f'<g class="pp-chart__{group}" fill="currentColor">' + "".join(sample) + "</g>")
        side = "right" if canvas.rtl else "left"
        for n, part in enumerate(lines):
            out.append(_text(canvas, _flip(canvas, x + SAMPLE + 6), y + 4.5 + n * ROW, part, side))
        row_end = max(row_end, y + len(lines) * ROW)
        x += width + 20
    canvas.parts.extend([*out, "</g>"])
    return row_end + 4


def _flip(canvas: _Canvas, x: float) -> float:
    """Mirror a legend position on a right-to-left page."""
    return WIDTH - x if canvas.rtl else x


def _marker(shape: str, x: float, y: float, hollow: bool) -> str:
    """Return one marker; shapes and fill tell series apart without colour."""
    paint: Attrs = {
        "class": f"pp-chart__shape pp-chart__shape--{shape}"
        + (" pp-chart__hollow" if hollow else ""),
        "fill": "#fff" if hollow else "currentColor",
        "stroke": "currentColor",
        "stroke-width": 2,
    }
    if shape == "circle":
        return _tag("circle", paint | {"cx": x, "cy": y, "r": 4.5})
    if shape == "square":
        return _tag("rect", paint | {"x": x - 4.5, "y": y - 4.5, "width": 9, "height": 9})
    corners = {
        "diamond": ((0, -6.5), (6.5, 0), (0, 6.5), (-6.5, 0)),
        "triangle": ((0, -6.5), (6, 4.5), (-6, 4.5)),
        "triangle-down": ((0, 6.5), (6, -4.5), (-6, -4.5)),
    }[shape]
    path = "M" + " L".join(f"{_num(x + dx)} {_num(y + dy)}" for dx, dy in corners) + " Z"
    return _tag("path", paint | {"d": path})


def _polyline(coords: Sequence[tuple[float, float]], attrs: Attrs) -> str:
    """Return an unfilled line through the coordinates."""
    points = " ".join(f"{_num(x)},{_num(y)}" for x, y in coords)
    return _tag("polyline", {"points": points, "fill": "none", "stroke": "currentColor", **attrs})


def _text(canvas: _Canvas, x: float, y: float, text: str, side: str, cls: str = "") -> str:
    """Return a text element anchored on its physical left, middle or right."""
    # Charts keep time running left to right even on Arabic or Hebrew pages (as printed
    # statistics there do), so coordinates never mirror except the legend. Text with
    # right-to-left letters is marked direction="rtl" so the bidi algorithm orders its
    # words, digits and signs correctly; text without them (years, "-5", "<5") is marked
    # direction="ltr" so a minus sign keeps its place, as it would otherwise inherit rtl
    # from the page. text-anchor is logical (start is the right edge in RTL), so the
    # physical side is translated here.
    rtl = canvas.rtl and any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
    anchor = {"left": "start", "middle": "middle", "right": "end"}[side]
    if rtl and side != "middle":
        anchor = "end" if side == "left" else "start"
    attrs: Attrs = {"x": x, "y": y, "text-anchor": anchor}
    if canvas.rtl:
        attrs["direction"] = "rtl" if rtl else "ltr"
    if cls:
        attrs["class"] = cls
    return _tag("text", attrs, text)


def _tag(name: str, attrs: Attrs, text: str | None = None) -> str:
    """Return an element with escaped attributes and escaped text."""
    rendered = "".join(
        f' {key}="{_num(value) if isinstance(value, float | int) else _esc(value)}"'
        for key, value in attrs.items()
    )
    if text is None:
        return f"<{name}{rendered}/>"
    return f"<{name}{rendered}>{_esc(text)}</{name}>"


def _summary(data: ChartData, words: ChartWords) -> str:
    """Return a plain listing of the shown values for <desc> when none was given."""
    parts = []
    if data.points:
        parts.append(f"{words.value}: " + ", ".join(f"{p.year} {p.label}" for p in data.points))
    if data.baseline is not None:
        parts.append(f"{words.baseline}: {data.baseline.year} {data.baseline.label}")
    parts += [f"{t.kind_label or words.target}: {t.year} {t.label}" for t in data.targets]
    return "; ".join(parts) or words.no_data


def _wrap(text: str, width: float) -> list[str]:
    """Split text at spaces into lines no wider than width (a long word stays whole)."""
    lines: list[str] = []
    for word in filter(None, text.split(" ")):
        if lines and _text_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _text_width(text: str) -> float:
    """Estimate the drawn width of text (wide East Asian characters count double)."""
    return FONT * sum(
        0.0 if unicodedata.combining(c) else 1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6
        for c in text
    )


def _overlaps(a: Box, b: Box) -> bool:
    """Return whether two boxes share area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _num(value: float) -> str:
    """Round a coordinate to one decimal, without a trailing .0, for stable bytes."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _esc(text: str) -> str:
    """Escape text for XML, dropping characters XML cannot hold."""
    return str(escape(_INVALID_XML.sub("", text)))
