"""Vector charts (reportlab.graphics) drawn from :class:`ChartData`, the numbers the GUI also shows.

Nothing here computes a score: every value comes from ``ChartData`` (built by
``services.comparison.snapshot_chart_data``), and areas it leaves out (``None``: not comparable
or not available) are drawn as gaps and labelled, never estimated.  Series differ in colour
(Okabe–Ito palette), line style and marker, so the charts work in grey-scale print and for
colour-blind readers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..domain.comparison import ChartData, Series, SeriesKind, wrap_words
from ..domain.scoring import round_display
from .fonts import BOLD, ITALIC, REGULAR
from .markup import plain
from .styles import INK, MUTED, SERIES_COLOURS

GRID = colors.HexColor("#C8C8C8")
AXIS = colors.HexColor("#808080")


@dataclass(frozen=True, slots=True)
class Look:
    colour: Color
    width: float
    dash: tuple[float, ...] | None
    marker: str  # circle | square | triangle | diamond
    fill: bool


def series_looks(data: ChartData) -> list[Look]:
    """One look per series: current solid blue, earlier dashed, national dotted grey."""
    looks: list[Look] = []
    extra = iter(SERIES_COLOURS[3:])
    earlier_seen = 0
    for s in data.series:
        if s.kind == SeriesKind.CURRENT:
            looks.append(Look(SERIES_COLOURS[0], 2.2, None, "circle", True))
        elif s.kind == SeriesKind.NATIONAL:
            looks.append(Look(SERIES_COLOURS[2], 1.4, (1.5, 2.0), "triangle", False))
        else:
            colour = SERIES_COLOURS[1] if earlier_seen == 0 else next(extra, SERIES_COLOURS[1])
            dash = (5.0, 2.5) if earlier_seen == 0 else (7.0, 2.0, 1.5, 2.0)
            looks.append(Look(colour, 1.6, dash, "square" if earlier_seen == 0 else "diamond", False))
            earlier_seen += 1
    return looks


def _marker(x: float, y: float, look: Look, size: float = 3.2) -> Group:
    g = Group()
    common = {"fillColor": look.colour, "strokeColor": colors.white, "strokeWidth": 0.6}
    if look.marker == "circle":
        g.add(Circle(x, y, size, **common))
    elif look.marker == "square":
        g.add(Rect(x - size * 0.9, y - size * 0.9, size * 1.8, size * 1.8, **common))
    elif look.marker == "triangle":
        s = size * 1.15
        g.add(Polygon([x, y + s, x - s, y - s * 0.75, x + s, y - s * 0.75], **common))
    else:
        s = size * 1.15
        g.add(Polygon([x, y + s, x + s, y, x, y - s, x - s, y], **common))
    return g


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = REGULAR  # the renderer's default would be Helvetica (not embedded)
    return d


def _num(value: Decimal | None) -> str:
    return "–" if value is None else str(round_display(value))


def _fits(font: str, size: float, width: float) -> Callable[[str], bool]:
    return lambda line: stringWidth(line, font, size) <= width


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return wrap_words(plain(text), _fits(font, size, width))


def _legend_layout(data: ChartData, width: float) -> list[tuple[float, int]]:
    """(x, row) of every legend item, wrapping to a new row when the next one does not fit."""
    x, row, out = 0.0, 0, []
    for s in data.series:
        item_w = 30 + stringWidth(plain(s.label), REGULAR, 8) + 16
        if x > 0 and x + item_w > width:
            x, row = 0.0, row + 1
        out.append((x, row))
        x += item_w
    return out


def legend_height(data: ChartData, width: float) -> float:
    return 13.0 * (1 + max(row for _, row in _legend_layout(data, width)))


def legend(
    drawing: Drawing, data: ChartData, looks: Sequence[Look], y: float, width: float, with_lines: bool
) -> None:
    """Legend rows from ``y`` (baseline of the first row) downwards."""
    for s, look, (x, row) in zip(data.series, looks, _legend_layout(data, width), strict=True):
        yy = y - 13 * row
        if with_lines:
            drawing.add(
                Line(
                    x,
                    yy + 3,
                    x + 22,
                    yy + 3,
                    strokeColor=look.colour,
                    strokeWidth=look.width,
                    strokeDashArray=look.dash,
                )
            )
            drawing.add(_marker(x + 11, yy + 3, look, 2.8))
        else:
            drawing.add(Rect(x + 4, yy - 1, 14, 8, fillColor=look.colour, strokeColor=None))
        drawing.add(String(x + 27, yy, plain(s.label), fontName=REGULAR, fontSize=8, fillColor=INK))


def area_bars(data: ChartData, width: float) -> Drawing:
    """Grouped horizontal bars: points per area for every series (0–100), values printed."""
    looks = series_looks(data)
    n_series = len(data.series)
    bar_h = 7.5  # room for a 7-point value label beside every bar
    label_w = 170.0
    most_lines = max(len(a.lines(_fits(REGULAR, 8, label_w - 8))) for a in data.areas)
    group_h = max(n_series * bar_h, 9.2 * most_lines) + 6
    right = 26.0
    plot_w = width - label_w - right
    top_pad = 6.0
    plot_h = group_h * len(data.areas)
    legend_h = 8.0 + legend_height(data, width)
    height = top_pad + plot_h + 18 + legend_h
    d = _drawing(width, height)
    y_top = height - top_pad
    y_bottom = y_top - plot_h
    scale = plot_w / float(data.area_max)
    for tick in range(0, int(data.area_max) + 1, 20):
        x = label_w + tick * scale
        d.add(Line(x, y_bottom, x, y_top, strokeColor=GRID, strokeWidth=0.5))
        d.add(
            String(
                x,
                y_bottom - 10,
                str(tick),
                fontName=REGULAR,
                fontSize=7.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    for i, area in enumerate(data.areas):
        g_top = y_top - i * group_h - 3
        lines = area.lines(_fits(REGULAR, 8, label_w - 8))
        mid = g_top - n_series * bar_h / 2
        for j, line in enumerate(lines):
            d.add(
                String(
                    label_w - 6,
                    mid - 3 + (len(lines) - 1) * 4.6 - j * 9.2,
                    line,
                    fontName=REGULAR,
                    fontSize=8,
                    fillColor=INK,
                    textAnchor="end",
                )
            )
        for k, (series, look) in enumerate(zip(data.series, looks, strict=True)):
            value = series.values[i]
            y = g_top - (k + 1) * bar_h
            if value is None:
                d.add(
                    String(
                        label_w + 3,
                        y + 1.6,
                        _gap_reason(series),
                        fontName=ITALIC,
                        fontSize=6.8,
                        fillColor=MUTED,
                    )
                )
                continue
            w = float(value) * scale
            d.add(Rect(label_w, y + 0.6, w, bar_h - 1.2, fillColor=look.colour, strokeColor=None))
            d.add(
                String(
                    label_w + w + 3,
                    y + 1.5,
                    _num(value),
                    fontName=BOLD if k == 0 else REGULAR,
                    fontSize=7.2,
                    fillColor=INK,
                )
            )
    d.add(Line(label_w, y_bottom, label_w, y_top, strokeColor=AXIS, strokeWidth=0.8))
    legend(d, data, looks, y_bottom - 26, width, with_lines=False)
    return d


def _gap_reason(series: Series) -> str:
    return "ej jämförbart" if series.kind == SeriesKind.EARLIER else "uppgift saknas"


def totals_bars(data: ChartData, width: float) -> Drawing | None:
    """Total points (of ``total_max``) for the series whose totals can be compared."""
    rows = [
        (s, look)
        for s, look in zip(data.series, series_looks(data), strict=True)
        if s.total is not None and s.total_comparable
    ]
    if not rows:
        return None
    bar_h = 13.0
    label_w = 132.0
    plot_w = width - label_w - 34
    labels = [_wrap(s.label, REGULAR, 8.5, label_w - 8) for s, _ in rows]
    row_h = [max(bar_h, 10.0 * len(lines)) + 5 for lines in labels]
    height = sum(row_h) + 18
    d = _drawing(width, height)
    scale = plot_w / float(data.total_max)
    y0 = 14.0
    top = height - 2
    for tick in range(0, int(data.total_max) + 1, 100):
        x = label_w + tick * scale
        d.add(Line(x, y0, x, top, strokeColor=GRID, strokeWidth=0.5))
        d.add(
            String(
                x, y0 - 10, str(tick), fontName=REGULAR, fontSize=7.5, fillColor=MUTED, textAnchor="middle"
            )
        )
    y_row = top
    for (series, look), lines, h in zip(rows, labels, row_h, strict=True):
        y_row -= h
        y = y_row + (h - bar_h) / 2
        total = series.total if series.total is not None else Decimal(0)
        w = float(total) * scale
        d.add(Rect(label_w, y, w, bar_h, fillColor=look.colour, strokeColor=None))
        for j, line in enumerate(lines):
            d.add(
                String(
                    label_w - 6,
                    y + bar_h / 2 - 3 + (len(lines) - 1) * 5 - j * 10,
                    line,
                    fontName=REGULAR,
                    fontSize=8.5,
                    fillColor=INK,
                    textAnchor="end",
                )
            )
        d.add(String(label_w + w + 4, y + 3.5, _num(series.total), fontName=BOLD, fontSize=9, fillColor=INK))
    d.add(Line(label_w, y0, label_w, top, strokeColor=AXIS, strokeWidth=0.8))
    return d


def profile_radar(data: ChartData, width: float) -> Drawing:
    """The spider profile: one spoke per area (0–100), a polygon per series, gaps where None."""
    looks = series_looks(data)
    n = len(data.areas)
    legend_h = legend_height(data, width) + 8
    radius = min(120.0, width / 2 - 125)
    height = 2 * radius + 80
    d = _drawing(width, height + legend_h)
    cx, cy = width / 2, legend_h + height / 2
    maximum = float(data.area_max)

    def point(i: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / n
        r = radius * value / maximum
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    rings = list(range(20, int(maximum) + 1, 20))
    for ring in rings:
        pts: list[float] = []
        for i in range(n):
            pts.extend(point(i, ring))
        d.add(Polygon(pts, fillColor=None, strokeColor=GRID, strokeWidth=0.8 if ring == maximum else 0.5))
    for i, area in enumerate(data.areas):
        x, y = point(i, maximum)
        d.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
        lx, ly = point(i, maximum * 1.07)
        dx = lx - cx
        anchor = "middle" if abs(dx) < 1 else ("start" if dx > 0 else "end")
        lines = area.lines(_fits(REGULAR, 8, 118))
        dy = ly - cy
        base = ly + (4 if dy > radius * 0.5 else (-9 if dy < -radius * 0.5 else -3))
        base += (len(lines) - 1) * 4.6 if abs(dy) <= radius * 0.5 else (len(lines) - 1) * 9.2 * (dy > 0)
        for j, line in enumerate(lines):
            d.add(
                String(
                    lx, base - j * 9.2, line, fontName=REGULAR, fontSize=8, fillColor=INK, textAnchor=anchor
                )
            )
    # draw the current evaluation last so it is on top
    order = list(range(1, len(data.series))) + [0]
    for k in order:
        series, look = data.series[k], looks[k]
        points = [None if v is None else point(i, float(v)) for i, v in enumerate(series.values)]
        if all(p is not None for p in points):
            flat = [c for p in points if p is not None for c in p]
            d.add(
                Polygon(
                    flat,
                    fillColor=look.colour if look.fill else None,
                    fillOpacity=0.12,
                    strokeColor=look.colour,
                    strokeWidth=look.width,
                    strokeDashArray=look.dash,
                    strokeLineJoin=1,
                )
            )
        else:
            for i in range(n):
                a, b = points[i], points[(i + 1) % n]
                if a is not None and b is not None:
                    d.add(
                        PolyLine(
                            [*a, *b],
                            strokeColor=look.colour,
                            strokeWidth=look.width,
                            strokeDashArray=look.dash,
                        )
                    )
        for p in points:
            if p is not None:
                d.add(_marker(p[0], p[1], look))
    for ring in rings:  # scale labels on top, with a light halo
        x, y = point(0, ring)
        d.add(Rect(x - 12.5, y - 0.5, 10, 7.5, fillColor=colors.white, fillOpacity=0.8, strokeColor=None))
        d.add(
            String(
                x - 3, y + 0.8, str(ring), fontName=REGULAR, fontSize=6.8, fillColor=MUTED, textAnchor="end"
            )
        )
    legend(d, data, looks, legend_h - 10, width, with_lines=True)
    return d


# -- alternative texts (Word) and pictures ------------------------------------------------------


def _values(data: ChartData, series: Series) -> str:
    parts = [
        f"{a.label} {_num(v) if v is not None else _gap_reason(series)}"
        for a, v in zip(data.areas, series.values, strict=True)
    ]
    return f"{series.label}: " + "; ".join(parts)


def areas_alt(data: ChartData) -> str:
    """What the area bars show, with every number (alternative text of the picture)."""
    head = f"Stapeldiagram: poäng per område, av {_num(data.area_max)} möjliga per område."
    return " ".join([head, *(_values(data, s) + "." for s in data.series)])


def profile_alt(data: ChartData) -> str:
    head = f"Spindeldiagram: poängprofil över de {len(data.areas)} områdena, skala 0–{_num(data.area_max)}."
    return " ".join([head, *(_values(data, s) + "." for s in data.series)])


def totals_alt(data: ChartData) -> str:
    rows = [s for s in data.series if s.total is not None and s.total_comparable]
    items = [f"{s.label}: {_num(s.total)}" for s in rows]
    return f"Stapeldiagram: totalpoäng av {_num(data.total_max)}. " + "; ".join(items) + "."


def png(drawing: Drawing, dpi: int = 200) -> bytes:
    """The drawing as a PNG picture (for the Word file): drawn as PDF, rasterised with PDFium.

    The same vector drawing and embedded fonts as in the PDF report; no display and no Qt.
    """
    import io

    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    from .fonts import register_fonts

    register_fonts()
    document = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()
