"""Live charts (pyqtgraph): score per area, the radar profile and the total, against references.

The numbers come from :func:`kompass_desktop.domain.comparison.chart_data` (shared with the
PDF report).  Items are created once and updated in place on every score change (no flicker).
Colours are the Okabe–Ito palette (colour-blind safe) and every series also differs in style.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPainter,
    QPen,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsRectItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..domain.comparison import ChartData, SeriesKind
from ..domain.errors import KompassError
from ..domain.scoring import format_exact, round_display
from ..services import files
from ..services.comparison import national_average_for, session_chart_data
from .controller import EvaluationController
from .dialogs import show_error
from .error_text import error_text
from .wording import chart_note, national_label

CURRENT = QColor("#0072B2")
EARLIER = QColor("#E69F00")
NATIONAL = QColor("#009E73")
GRID = QColor("#b0b0b0")

#: Copied and saved charts are at least this large (every label readable).
EXPORT_SIZE = QSize(560, 420)

pg.setConfigOptions(antialias=True, background="w", foreground="k")


# The areas' real titles, wrapped to these widths (pixels), as the report wraps them.
AXIS_LABEL_WIDTH = 200
RADAR_LABEL_WIDTH = 130


def _fits(metrics: QFontMetrics, width: int) -> Callable[[str], bool]:
    return lambda line: metrics.horizontalAdvance(line) <= width


def _f(value: Decimal | None) -> float:
    return math.nan if value is None else float(value)


def _style(kind: SeriesKind, index: int = 0) -> tuple[QColor, Qt.PenStyle]:
    if kind == SeriesKind.CURRENT:
        return CURRENT, Qt.PenStyle.SolidLine
    if kind == SeriesKind.EARLIER:
        color = QColor(EARLIER) if index == 0 else QColor("#CC79A7")
        return color, Qt.PenStyle.DashLine
    return NATIONAL, Qt.PenStyle.DotLine


class ChartWidget(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph ships no type information
    """A PlotWidget with copy/save (PNG, SVG) in its context menu."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.name = name
        self.setAccessibleName(name)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in (
            (QCoreApplication.translate("ChartWidget", "Kopiera som bild"), self.copy_image),
            (QCoreApplication.translate("ChartWidget", "Spara som PNG…"), lambda: self.save_dialog("png")),
            (QCoreApplication.translate("ChartWidget", "Spara som SVG…"), lambda: self.save_dialog("svg")),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            self.addAction(action)
        self.setMinimumHeight(200)
        self.legend_html: Callable[[], str] = lambda: ""

    def _legend_document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setHtml(self.legend_html())
        doc.setTextWidth(self.width())
        return doc

    @contextmanager
    def _export_size(self) -> Iterator[None]:
        """A copied or saved chart is drawn at least at :data:`EXPORT_SIZE` (with all its labels),
        however narrow it is on screen just now."""
        old = self.size()
        size = old.expandedTo(EXPORT_SIZE)
        if size != old:
            self.resize(size)
        try:
            yield
        finally:
            if size != old:
                self.resize(old)

    def image(self) -> QImage:
        """The chart with its legend above it."""
        with self._export_size():
            doc = self._legend_document()
            height = int(doc.size().height())
            image = QImage(self.width(), self.height() + height, QImage.Format.Format_ARGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            doc.drawContents(painter)
            painter.translate(0, height)
            self.render(painter)
            painter.end()
        return image

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())

    def save_dialog(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ChartWidget", "Spara diagram"),
            f"{self.name}.{fmt}",
            "PNG (*.png)" if fmt == "png" else "SVG (*.svg)",
        )
        if path:
            try:
                self.save(Path(path))
            except KompassError as err:
                title = QCoreApplication.translate("ChartWidget", "Diagrammet sparades inte")
                show_error(self, error_text(err), title)

    def save(self, path: Path) -> None:
        """The chart as SVG or PNG (after the suffix), written through the output guard."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if path.suffix.lower() == ".svg":
            with self._export_size():
                doc = self._legend_document()
                height = int(doc.size().height())
                generator = QSvgGenerator()
                generator.setOutputDevice(buffer)
                generator.setSize(QSize(self.width(), self.height() + height))
                generator.setViewBox(QRectF(0, 0, self.width(), self.height() + height))
                generator.setTitle(self.name)
                painter = QPainter(generator)
                doc.drawContents(painter)
                painter.translate(0, height)
                self.render(painter)
                painter.end()
        else:
            self.image().save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt takes str
        files.save_output(path, bytes(buffer.data().data()))


class BarChart(ChartWidget):
    """Horizontal bars per area (of 100) with markers for the earlier evaluation and the average."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("charts", "Poäng per område"), parent)
        plot = self.getPlotItem()
        for x in (20, 40, 60, 80, 100):  # light guide lines (cheaper to repaint than the axis grid)
            plot.addItem(pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen(GRID, width=1)))
        plot.setXRange(0, 100, padding=0.02)
        # few tick labels: the plot is narrow beside the areas' titles
        plot.getAxis("bottom").setTicks([[(x, str(x)) for x in (0, 50, 100)], []])
        plot.getAxis("left").setStyle(tickLength=0)
        plot.invertY(True)
        self.rects: list[QGraphicsRectItem] = []  # plain rectangles repaint faster than a BarGraphItem
        self.widths: list[float] = []
        self.markers: list[pg.PlotCurveItem] = []
        self.labels: list[pg.TextItem] = []
        self.data: ChartData | None = None
        self._areas: tuple[object, ...] = ()
        self._label_width = 0
        self._marker_keys: list[object] = []
        self.scene().sigMouseMoved.connect(self._hover)

    def update_data(self, data: ChartData) -> None:
        self.data = data
        n = len(data.areas)
        values = [_f(v) for v in data.current.values]
        while len(self.rects) < n:
            rect = QGraphicsRectItem()
            rect.setBrush(QBrush(CURRENT))
            rect.setPen(QPen(Qt.PenStyle.NoPen))
            self.getPlotItem().addItem(rect)
            self.rects.append(rect)
        self.widths = [0.0 if math.isnan(v) else v for v in values]
        for row, rect in enumerate(self.rects):
            width = self.widths[row] if row < n else 0.0
            if rect.rect().width() != width or rect.rect().y() != row - 0.3:
                rect.setRect(QRectF(0, row - 0.3, width, 0.6))
        if self._areas != data.areas:  # axis work only when the areas change (not on every edit)
            self._areas = data.areas
            self._label_width = 0
            self._layout_titles()
        refs = [s for s in data.series if s.kind != SeriesKind.CURRENT]
        while len(self.markers) < len(refs):
            curve = pg.PlotCurveItem(connect="pairs")
            self.getPlotItem().addItem(curve)
            self.markers.append(curve)
        for i, curve in enumerate(self.markers):
            if i >= len(refs):
                curve.setData([], [])
                continue
            series = refs[i]
            key = (series.label, series.values)
            if i < len(self._marker_keys) and self._marker_keys[i] == key:
                continue  # references do not change when a score is edited
            color, style = _style(series.kind, i)
            xs, ys_pairs = [], []
            for row, value in enumerate(series.values):
                if value is None:
                    continue
                xs += [float(value), float(value)]
                ys_pairs += [row - 0.38, row + 0.38]
            curve.setData(
                np.array(xs, dtype=float),
                np.array(ys_pairs, dtype=float),
                connect="pairs",
                pen=pg.mkPen(color, width=3, style=style),
            )
        while len(self.labels) < n:
            label = pg.TextItem("", color="w", anchor=(0, 0.5))
            self.getPlotItem().addItem(label)
            self.labels.append(label)
        for row, label in enumerate(self.labels):
            width = values[row] if row < n else math.nan
            exact = data.current.values[row] if row < n else None
            if math.isnan(width) or exact is None:
                label.setText("")
                continue
            inside = width > 10
            text = str(round_display(exact))  # as in the table beside it; exact in the tooltip
            if label.textItem.toPlainText() != text:
                label.setText(text)
                label.setColor("w" if inside else "k")
                label.setPos(1 if inside else width + 1, row)

    def _layout_titles(self) -> None:
        """The areas' real titles beside the bars, wrapped to at most half the chart's width
        (:data:`AXIS_LABEL_WIDTH` at most); the chart is tall enough for every title's lines."""
        areas = self.data.areas if self.data is not None else ()
        width = max(110, min(AXIS_LABEL_WIDTH, self.width() // 2))
        if not areas or width == self._label_width:
            return
        self._label_width = width
        axis = self.getPlotItem().getAxis("left")
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        lines = [a.lines(_fits(metrics, width)) for a in areas]
        axis.setTicks([[(i, "\n".join(rows)) for i, rows in enumerate(lines)]])
        widest = max((metrics.horizontalAdvance(r) for rows in lines for r in rows), default=40)
        axis.setWidth(widest + 14)
        self.setMinimumHeight(sum(max(2, len(rows)) for rows in lines) * metrics.lineSpacing() + 40)
        # room above the first and below the last bar for their titles' extra lines
        top = 0.6 + 0.3 * (len(lines[0]) - 1)
        bottom = 0.6 + 0.3 * (len(lines[-1]) - 1)
        self.getPlotItem().setYRange(-top, len(areas) - 1 + bottom, padding=0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if getattr(self, "_areas", ()):  # (a resize may come while it is being built)
            self._layout_titles()

    def _hover(self, pos: QPointF) -> None:
        if self.data is None:
            return
        point = self.getPlotItem().vb.mapSceneToView(pos)
        row = round(point.y())
        if not 0 <= row < len(self.data.areas):
            self.setToolTip("")
            return
        area = self.data.areas[row]
        lines = [f"{area.number}. {area.title}"]
        for series in self.data.series:
            value = series.values[row]
            lines.append(f"{series.label}: {'–' if value is None else _fmt(value)}")
        self.setToolTip("\n".join(lines))


def _fmt(value: Decimal) -> str:
    """The exact value (tooltips): 67,5 – labels on the charts are rounded like every table."""
    return format_exact(value)


class RadarChart(ChartWidget):
    """The profile of the areas (0–100 on every spoke); pyqtgraph has no polar chart, so it is drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("charts", "Profil"), parent)
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setAspectLocked(True)
        plot.setRange(xRange=(-175, 175), yRange=(-138, 146), padding=0)  # room for wrapped titles
        self.labels: list[tuple[pg.TextItem, str, str]] = []  # (item, with title, number only)
        self.grid_items: list[object] = []
        self.curves: list[pg.PlotCurveItem] = []
        self.fill: pg.FillBetweenItem | None = None
        self.n = 0
        self.data: ChartData | None = None
        self.scene().sigMouseMoved.connect(self._hover)

    def _angles(self, n: int) -> np.ndarray:
        return np.pi / 2 - np.arange(n) * 2 * np.pi / n

    def _build_grid(self, data: ChartData) -> None:
        plot = self.getPlotItem()
        for item in self.grid_items:
            plot.removeItem(item)
        self.grid_items = []
        self.labels = []
        n = len(data.areas)
        angles = self._angles(n)
        for radius in (20, 40, 60, 80, 100):
            xs = np.append(radius * np.cos(angles), radius * np.cos(angles[0]))
            ys = np.append(radius * np.sin(angles), radius * np.sin(angles[0]))
            ring = pg.PlotCurveItem(xs, ys, pen=pg.mkPen(GRID, width=1 if radius < 100 else 1.5))
            plot.addItem(ring)
            self.grid_items.append(ring)
        for i, area in enumerate(data.areas):
            spoke = pg.PlotCurveItem(
                [0, 100 * np.cos(angles[i])], [0, 100 * np.sin(angles[i])], pen=pg.mkPen(GRID)
            )
            plot.addItem(spoke)
            self.grid_items.append(spoke)
            cos, sin = np.cos(angles[i]), np.sin(angles[i])
            anchor = (0.5 - 0.5 * cos, 0.5 + 0.5 * sin)
            full = "\n".join(area.lines(_fits(self.fontMetrics(), RADAR_LABEL_WIDTH)))
            label = pg.TextItem(full, color="k", anchor=anchor)
            label.setPos(106 * cos, 106 * sin)
            plot.addItem(label)
            self.grid_items.append(label)
            self.labels.append((label, full, str(area.number)))
        self.n = n
        self._fit_labels()

    def _fit_labels(self) -> None:
        """The areas' titles (wrapped) around the profile where they fit; only the numbers in a
        narrow chart (the titles are in the tooltip and in the bar chart)."""
        labels = getattr(self, "labels", [])  # (a resize may come while it is being built)
        metrics = self.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(line) for _i, full, _n in labels for line in full.split("\n")),
            default=0,
        )
        roomy = self.width() >= 2 * widest + 200
        for item, full, number in labels:
            text = full if roomy else number
            if item.textItem.toPlainText() != text:
                item.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def update_data(self, data: ChartData) -> None:
        self.data = data
        if self.n != len(data.areas):
            self._build_grid(data)
        angles = self._angles(len(data.areas))
        plot = self.getPlotItem()
        while len(self.curves) < len(data.series):
            curve = pg.PlotCurveItem(connect="finite")
            plot.addItem(curve)
            self.curves.append(curve)
        earlier_index = 0
        for i, curve in enumerate(self.curves):
            if i >= len(data.series):
                curve.setData([], [])
                continue
            series = data.series[i]
            values = np.array([_f(v) for v in series.values] + [_f(series.values[0])])
            ang = np.append(angles, angles[0])
            color, style = _style(series.kind, earlier_index)
            if series.kind == SeriesKind.EARLIER:
                earlier_index += 1
            width = 3 if series.kind == SeriesKind.CURRENT else 2
            curve.setData(
                values * np.cos(ang),
                values * np.sin(ang),
                connect="finite",
                pen=pg.mkPen(color, width=width, style=style),
            )
        current = np.nan_to_num(np.array([_f(v) for v in data.current.values] + [_f(data.current.values[0])]))
        ang = np.append(angles, angles[0])
        xs, ys = current * np.cos(ang), current * np.sin(ang)
        if self.fill is None:
            self._fill_curve = pg.PlotCurveItem(xs, ys, pen=pg.mkPen(None))
            self._origin = pg.PlotCurveItem(np.zeros(len(xs)), np.zeros(len(xs)), pen=pg.mkPen(None))
            fill_color = QColor(CURRENT)
            fill_color.setAlpha(45)
            self.fill = pg.FillBetweenItem(self._fill_curve, self._origin, brush=fill_color)
            plot.addItem(self.fill)
        else:
            self._fill_curve.setData(xs, ys)

    def _hover(self, pos: QPointF) -> None:
        if self.data is None:
            return
        point = self.getPlotItem().vb.mapSceneToView(pos)
        if math.hypot(point.x(), point.y()) > 125:
            self.setToolTip("")
            return
        angle = (np.pi / 2 - math.atan2(point.y(), point.x())) % (2 * np.pi)
        index = round(angle / (2 * np.pi / len(self.data.areas))) % len(self.data.areas)
        area = self.data.areas[index]
        lines = [f"{area.number}. {area.title}"] + [
            f"{s.label}: {'–' if (value := s.values[index]) is None else _fmt(value)}"
            for s in self.data.series
        ]
        self.setToolTip("\n".join(lines))


class TotalChart(ChartWidget):
    """The total of 800 with the same references."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("charts", "Totalpoäng"), parent)
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.showGrid(x=True, y=False, alpha=0.3)
        self.bar = pg.BarGraphItem(x0=[0], y=[0], height=0.5, width=[0], brush=CURRENT, pen=pg.mkPen(None))
        plot.addItem(self.bar)
        self.marks: list[pg.PlotCurveItem] = []
        self.text = pg.TextItem("", color="k", anchor=(0, 0.5))
        plot.addItem(self.text)
        self.setMinimumHeight(90)
        self.setMaximumHeight(120)
        self._max: Decimal | None = None

    def update_data(self, data: ChartData) -> None:
        plot = self.getPlotItem()
        total = float(data.current.total or 0)
        if self._max != data.total_max:
            self._max = data.total_max
            plot.setXRange(0, float(data.total_max), padding=0.02)
            plot.setYRange(-0.5, 0.5, padding=0)
        self.bar.setOpts(x0=[0], y=[0], width=[total], height=0.5)
        current = data.current.total
        shown = "–" if current is None else str(round_display(current))
        exact = "–" if current is None else _fmt(current)
        parts = [f"{data.current.label}: {exact}"]
        refs = data.series[1:]
        while len(self.marks) < len(refs):
            curve = pg.PlotCurveItem()
            plot.addItem(curve)
            self.marks.append(curve)
        earlier_index = 0
        for i, curve in enumerate(self.marks):
            series = refs[i] if i < len(refs) else None
            if series is None or series.total is None:
                curve.setData([], [])
                continue
            color, style = _style(series.kind, earlier_index)
            earlier_index += series.kind == SeriesKind.EARLIER
            value = float(series.total)
            curve.setData([value, value], [-0.35, 0.35], pen=pg.mkPen(color, width=3, style=style))
            mark = "" if series.total_comparable else QCoreApplication.translate("charts", " (annan version)")
            parts.append(f"{series.label}: {_fmt(series.total)}{mark}")
        self.text.setText(f"{data.current.label}: {shown}")  # rounded, as everywhere; exact in the tooltip
        self.text.setPos(total + 8, 0)
        self.setToolTip("\n".join(parts))


class ChartsPanel(QWidget):
    """All three charts and the comparability notes; ``refresh()`` after a change."""

    def __init__(
        self,
        controller: EvaluationController,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        wide: bool = False,
    ) -> None:
        """``compact``: beside the pages (no total); ``wide``: bars and profile side by side."""
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Teckenförklaring"))
        layout.addWidget(self.legend)
        self.total = TotalChart(self)
        self.bars = BarChart(self)
        self.radar = RadarChart(self)
        layout.addWidget(self.total)
        if wide:
            row = QHBoxLayout()
            row.addWidget(self.bars, 1)
            row.addWidget(self.radar, 1)
            layout.addLayout(row, 1)
        else:
            layout.addWidget(self.bars, 1)
            layout.addWidget(self.radar, 1)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Om jämförelserna"))
        layout.addWidget(self.notes)
        if compact:
            self.total.hide()
        self.bundled = national_average_for(controller.framework.id)
        self.national = self.bundled
        self.data: ChartData | None = None
        for chart in (self.total, self.bars, self.radar):
            chart.legend_html = self.legend_html
        self.refresh()

    def legend_html(self) -> str:
        if self.data is None:
            return ""
        parts = []
        earlier_index = 0
        for series in self.data.series:
            color, style = _style(series.kind, earlier_index)
            earlier_index += series.kind == SeriesKind.EARLIER
            mark = {Qt.PenStyle.SolidLine: "━━", Qt.PenStyle.DashLine: "╍╍", Qt.PenStyle.DotLine: "┅┅"}[style]
            parts.append(
                f'<span style="color:{color.name()}"><b>{mark}</b></span>&nbsp;{html.escape(series.label)}'
            )
        return "&nbsp;&nbsp; ".join(parts)

    def sizeHint(self) -> QSize:
        return QSize(420, 640)

    def refresh(self) -> None:
        self.national = self.controller.session.registers.national_average() or self.bundled
        data = session_chart_data(self.controller.session, self.national)
        if self.national is not None:  # the national average named in the GUI's language
            shown = national_label(self.national)
            data = replace(
                data,
                series=tuple(
                    replace(s, label=shown) if s.kind == SeriesKind.NATIONAL else s for s in data.series
                ),
            )
        self.data = data
        self.total.update_data(data)
        self.bars.update_data(data)
        self.radar.update_data(data)
        self.legend.setText(self.legend_html())
        notes = [text for note in data.notes if (text := chart_note(note, self.national)) is not None]
        if self.national is not None and self.national.example:
            notes.append(self.tr("Medelvärdet är exempeldata, inte verkliga resultat."))
        shown = "<br>".join(html.escape(note) for note in notes)
        self.notes.setText(f"<small>{shown}</small>" if notes else "")
