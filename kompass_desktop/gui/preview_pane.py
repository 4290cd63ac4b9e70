"""Visa → Förhandsvisning: the report page(s) of the field being edited, beside the page.

The pane follows the workspace: the page shown (an area, the summary with chapter 2's texts)
and the field with the cursor.  After a short pause in typing (the text as typed, before the
autosave commits it) and after every committed edit (a score once its steps pause) it asks the
worker (:mod:`.preview_worker`) for the page the field is on, rendered by the report code
itself, as a draft; typing never waits for it.  On the edit path itself the pane only restarts
a timer and marks what is rendering as outdated: the charts and totals repaint first.  Zoom, fit to width,
previous/next page; a click on a paragraph puts the cursor in the field it came from.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..services import AnyChange, ChangeKind
from . import theme
from .controller import EvaluationController
from .preview_sources import focus_source, section_key, source_of
from .preview_worker import PreviewPage, PreviewRequest, PreviewResult, PreviewWorker
from .widgets import AutosaveTextEdit
from .workspace import Workspace

# Changes arriving within this time are rendered once: score steps with ↑/↓ (a key repeats
# every 33–40 ms), undo of a group.  Renders wait for such a burst to pause.
COALESCE_MS = 60
# Text typed in a field is shown after a pause this long, before the autosave commits it.
TYPING_PAUSE_MS = 300
# Space between pages and around them (logical pixels).
GAP = 8
# Zoom steps and limits (pixels per PDF point).
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.3, 4.0
HIGHLIGHT = QColor(255, 200, 0, 70)


class PageView(QWidget):
    """The rendered pages one below the other, the current field's paragraphs marked."""

    clicked = Signal(str, int, float)  # the source clicked, the page, how far into it on that page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: tuple[PreviewPage, ...] = ()
        self.regions: tuple = ()  # type: ignore[type-arg]
        self.marked = ""
        self.scale = 1.0  # logical pixels per PDF point
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_pages(self, pages: tuple[PreviewPage, ...], regions: tuple, marked: str) -> None:  # type: ignore[type-arg]
        self.pages, self.regions, self.marked = pages, regions, marked
        self._resize()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self._resize()

    def _resize(self) -> None:
        width = max((p.width for p in self.pages), default=0) * self.scale
        height = sum(p.height * self.scale + GAP for p in self.pages)
        self.setFixedSize(int(width) + 2 * GAP, int(height) + GAP)
        self.update()

    def page_rect(self, index: int) -> QRectF:
        top = GAP + sum(p.height * self.scale + GAP for p in self.pages[:index])
        page = self.pages[index]
        return QRectF(GAP, top, page.width * self.scale, page.height * self.scale)

    def region_rect(self, region: object) -> QRectF | None:
        """Where a printed paragraph (:class:`~kompass_desktop.report.pages.Region`) is shown."""
        for index, page in enumerate(self.pages):
            if page.number == region.page:  # type: ignore[attr-defined]
                rect = self.page_rect(index)
                s = self.scale
                x0, y0, x1, y1 = region.x0, region.y0, region.x1, region.y1  # type: ignore[attr-defined]
                return QRectF(
                    rect.left() + x0 * s, rect.top() + (page.height - y1) * s, (x1 - x0) * s, (y1 - y0) * s
                )
        return None

    def marked_rects(self) -> list[QRectF]:
        rects = [self.region_rect(r) for r in self.regions if r.source == self.marked]
        return [r for r in rects if r is not None]

    def source_at(self, point: QPoint) -> str:
        for index, page in enumerate(self.pages):
            rect = self.page_rect(index)
            if rect.contains(point.toPointF()):
                x = (point.x() - rect.left()) / self.scale
                y = page.height - (point.y() - rect.top()) / self.scale
                found = [r for r in self.regions if r.page == page.number and r.contains(x, y)]
                if found:  # the innermost (a paragraph in a table cell before its table)
                    return str(min(found, key=lambda r: (r.x1 - r.x0) * (r.y1 - r.y0)).source)
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index, page in enumerate(self.pages):
            rect = self.page_rect(index)
            painter.fillRect(rect.adjusted(2, 2, 2, 2), QColor(0, 0, 0, 40))
            painter.drawImage(rect, page.image)
        for rect in self.marked_rects():
            painter.fillRect(rect.adjusted(-2, -1, 2, 1), HIGHLIGHT)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        source = self.source_at(point)
        if source:
            number, into = self.into(source, point)
            self.clicked.emit(source, number, into)
        super().mousePressEvent(event)

    def into(self, source: str, point: QPoint) -> tuple[int, float]:
        """The page at ``point`` and how far (0–1) into the paragraphs of ``source`` on it."""
        for index, page in enumerate(self.pages):
            if not self.page_rect(index).contains(point.toPointF()):
                continue
            here = [r for r in self.regions if r.source == source and r.page == page.number]
            rects: list[QRectF] = [r for r in map(self.region_rect, here) if r is not None]
            total = above = 0.0
            for rect in rects:
                total += rect.height()
                above += min(rect.height(), max(0.0, point.y() - rect.top()))
            return page.number, above / total if total else 0.0
        return 0, 0.0


class PreviewPane(QWidget):
    """The live preview beside the workspace (in the main window's dock)."""

    shown = Signal(object)  # a PreviewResult now on screen (or its error)

    def __init__(
        self, controller: EvaluationController, workspace: Workspace, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.controller = controller
        self.workspace = workspace
        self.worker = PreviewWorker(self)
        self.worker.rendered.connect(self._rendered)
        self.generation = 0
        self.result: PreviewResult | None = None
        self.source = ""  # the field followed
        self.key = ""  # its section
        self._sources: dict[str, str] = {}  # page key -> the last field followed on it
        self._draft: tuple[str, str] = ("", "")  # the typed text the newest request showed
        self.page = 0  # a page chosen with previous/next (0: the field's page)
        self.fit = True
        self.scale = 1.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.previous_button = self._button("◀", self.tr("Föregående sida"), lambda: self.step(-1))
        self.next_button = self._button("▶", self.tr("Nästa sida"), lambda: self.step(1))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("previewPageLabel")
        self.page_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("Sida 888 av 888"))
        self.zoom_out_button = self._button("−", self.tr("Zooma ut"), lambda: self.zoom(1 / ZOOM_STEP))
        self.zoom_in_button = self._button("+", self.tr("Zooma in"), lambda: self.zoom(ZOOM_STEP))
        self.fit_button = self._button("↔", self.tr("Anpassa till bredden"), self.fit_width)
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.busy_label = QLabel(self.tr("uppdaterar…"), self)
        self.busy_label.setObjectName("previewBusy")
        theme.set_text_colour(self.busy_label, theme.MUTED)
        self.busy_label.hide()
        for widget in (self.previous_button, self.next_button, self.page_label, self.busy_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.message = QLabel(self)
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.view = PageView(self)
        self.view.clicked.connect(self.go_to_source)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.view)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroller.setBackgroundRole(self.backgroundRole())
        self.scroller.setMinimumWidth(120)
        layout.addWidget(self.scroller, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.request)
        self._slow_timer = QTimer(self)  # a render that takes long (a very long text) says so
        self._slow_timer.setSingleShot(True)
        self._slow_timer.setInterval(400)
        self._slow_timer.timeout.connect(self.busy_label.show)
        self._watched: QTextEdit | None = None
        self._cursor_timer = QTimer(self)  # the cursor moved (without an edit): follow it
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(150)
        self._cursor_timer.timeout.connect(self._cursor_moved)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._rescale)
        controller.changed.connect(self._changed)
        workspace.page_changed.connect(self._page_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._follow(render=False)
        self._update_buttons()

    def sizeHint(self) -> QSize:
        # not the page's size: a third of the window at most, the page being edited keeps the most
        return QSize(min(440, max(240, self.window().width() // 3)), 600)

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    # -- what to show ---------------------------------------------------------------------------
    def _follow(self, *, render: bool = True) -> None:
        """Follow the page shown and the field with the cursor."""
        current = self.workspace.current
        key = section_key(current)
        page = self.workspace.pages.get(current)
        focus = QApplication.focusWidget()
        if focus is not None and not self.isAncestorOf(focus):
            self._watch(focus)
        source = source_of(page, focus) or self._sources.get(current, "")
        if source:
            self._sources[current] = source
        if (key, source) == (self.key, self.source):
            return
        self.key, self.source, self.page = key, source, 0
        if not key:
            self._show_message(
                self.tr("Förhandsvisningen visar rapportens sidor för områdena och sammanfattningen.")
            )
            return
        if self.result is not None and not self.result.error and self._shows(source):
            self._mark()  # already on screen: only mark it and scroll to it
        elif render:
            self.schedule()

    def _shows(self, source: str) -> bool:
        shown = {p.number for p in self.view.pages}
        return bool(source) and any(r.source == source and r.page in shown for r in self.view.regions)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is None or self.isAncestorOf(new) or not self.isVisible():
            return
        self._follow()

    def _watch(self, widget: QWidget | None) -> None:
        """Follow the cursor of text field ``widget`` (the one with the focus)."""
        old, self._watched = self._watched, widget if isinstance(widget, QTextEdit) else None
        if old is self._watched:
            return
        if old is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # it may be gone already
                old.cursorPositionChanged.disconnect(self._cursor_timer.start)
                old.textChanged.disconnect(self._typed)
        if self._watched is not None:
            self._watched.cursorPositionChanged.connect(self._cursor_timer.start)
            self._watched.textChanged.connect(self._typed)

    def _typed(self) -> None:
        """Typing: the text as typed is shown after a pause (the autosave commits it later)."""
        if self.isVisible() and self.key and self.source.startswith("text:"):
            self.schedule(TYPING_PAUSE_MS)

    def _typed_draft(self) -> tuple[str, str]:
        """The field with the cursor and its text when it has typing not committed yet."""
        widget = self._watched
        if not isinstance(widget, AutosaveTextEdit) or not widget.dirty:
            return ("", "")
        return (self._watched_source(), widget.toPlainText())

    def _watched_source(self) -> str:
        """The report text the field with the cursor becomes ("" if it is not one)."""
        source = source_of(self.workspace.pages.get(self.workspace.current), self._watched)
        return source if source.startswith("text:") else ""

    def _cursor_moved(self) -> None:
        """The cursor moved in a field printed over several pages: show its page, if not shown."""
        result = self.result
        if result is None or result.error or self.page or not self.isVisible():
            return
        first, last = result.span
        wanted = first + round(self._cursor_at() * (last - first)) if first else 0
        if wanted and wanted not in {p.number for p in self.view.pages}:
            self.request()
        else:
            self._mark()

    def _page_changed(self, _key: str) -> None:
        if self.isVisible():
            self._follow()

    def _changed(self, change: AnyChange) -> None:
        """An edit was committed.  Only cheap things here (the edit's repaint comes first)."""
        if not (self.isVisible() and self.key):
            return
        text = change.kind == ChangeKind.TEXT
        if text and self._draft[0] and self._draft == (self._watched_source(), change.new):
            watched = self._watched
            if watched is not None and watched.toPlainText() == change.new:
                return  # the autosave committed the text already shown as typed: nothing new
        self.generation += 1  # what is rendering now is older than this edit
        self.worker.outdate(self.generation)
        # typing was committed after a pause already: at once; scores step with ↑/↓
        self.schedule(0 if text else COALESCE_MS)

    def schedule(self, delay: int = COALESCE_MS) -> None:
        """Render soon (changes close together are rendered once)."""
        self._timer.start(delay)

    def request(self) -> int:
        """Ask the worker for the current field's page now; returns the request's generation."""
        self._timer.stop()
        if not self.key or self.controller.session.closed:
            return self.generation
        self.generation += 1
        scale = self._target_scale() * self.devicePixelRatioF()
        self._draft = self._typed_draft()
        request = PreviewRequest(
            self.generation,
            str(self.controller.session.path),
            self.source,
            self.key,
            self.page,
            scale,
            at=self._cursor_at(),
            draft=self._draft,
        )
        self.worker.submit(request)
        self._slow_timer.start()
        return self.generation

    # -- results ---------------------------------------------------------------------------------
    def _rendered(self, result: PreviewResult) -> None:
        if result.generation != self.generation:
            return  # a newer edit is on its way
        self._slow_timer.stop()
        self.busy_label.hide()
        self.result = result
        if result.error:
            self._show_message(result.error, error=True)
        else:
            self.message.hide()
            self.scroller.show()
            if self.fit:
                self.scale = self._target_scale()
            self.view.set_scale(self.scale)
            self.view.show_pages(result.pages, result.regions, self.source)
            self._mark()
        self._update_buttons()
        self.shown.emit(result)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        theme.set_text_colour(self.message, theme.ERROR if error else theme.MUTED)
        self.message.show()
        self.scroller.setVisible(not error and bool(self.key) and bool(self.view.pages))
        self._update_buttons()

    def _cursor_at(self) -> float:
        """Where the cursor is in the field followed (0: its start, 1: its end)."""
        widget = QApplication.focusWidget()
        page = self.workspace.pages.get(self.workspace.current)
        if not isinstance(widget, QTextEdit) or source_of(page, widget) != self.source:
            return 0.0
        length = widget.document().characterCount() - 1  # not a copy of a long text
        return widget.textCursor().position() / length if length > 0 else 0.0

    def _mark(self) -> None:
        """Mark the field's paragraphs and scroll to the part with the cursor."""
        self.view.marked = self.source
        self.view.update()
        rects = sorted(self.view.marked_rects(), key=lambda r: r.top())
        bar = self.scroller.verticalScrollBar()
        if not rects:
            bar.setValue(0)
            return
        remaining = self._cursor_at() * sum(r.height() for r in rects)
        y = rects[-1].bottom()
        for rect in rects:
            if remaining <= rect.height():
                y = rect.top() + remaining
                break
            remaining -= rect.height()
        top = min(y - 40, max(rects[0].top() - 40, y - self.scroller.viewport().height() / 3))
        bar.setValue(max(0, int(top)))

    def _update_buttons(self) -> None:
        result = self.result
        pages = [p.number for p in self.view.pages]
        ok = result is not None and not result.error and bool(pages) and bool(self.key)
        self.previous_button.setEnabled(ok and pages[0] > 1)
        self.next_button.setEnabled(ok and result is not None and pages[-1] < result.total)
        if ok and result is not None:
            self.page_label.setText(self.tr("Sida {0} av {1}").format(pages[0], result.total))
        else:
            self.page_label.setText("")

    # -- commands ---------------------------------------------------------------------------------
    def step(self, step: int) -> None:
        """Previous (−1) or next (+1) page of the report."""
        if not self.view.pages or self.result is None:
            return
        number = (self.view.pages[0].number if step < 0 else self.view.pages[-1].number) + step
        if 1 <= number <= self.result.total:
            self.page = number
            self.request()

    def zoom(self, factor: float) -> None:
        self.fit = False
        self.fit_button.setChecked(False)
        self.scale = min(MAX_SCALE, max(MIN_SCALE, self.scale * factor))
        self.view.set_scale(self.scale)  # at once, from the pixels there are; sharp when rendered
        self._mark()
        self.request()

    def fit_width(self) -> None:
        self.fit = True
        self.fit_button.setChecked(True)
        self._rescale()

    def _target_scale(self) -> float:
        if not self.fit:
            return self.scale
        width = self.scroller.viewport().width() - 2 * GAP
        page = max((p.width for p in self.view.pages), default=595.0)
        return float(min(MAX_SCALE, max(MIN_SCALE, width / page)))

    def _rescale(self) -> None:
        scale = self._target_scale()
        if abs(scale - self.scale) < 0.005:
            return
        self.scale = scale
        self.view.set_scale(scale)
        if self.key and self.view.pages:
            self.request()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._resize_timer.start()

    def go_to_source(self, source: str, page: int = 0, into: float = 0.0) -> None:
        """A click on a paragraph: the cursor in the field it came from, near the place clicked
        (``into``: how far into the field's paragraphs on page ``page``)."""
        result = self.result
        first, last = result.span if result is not None and result.source == source else (0, 0)
        if first and last > first and first <= page <= last:  # a field over several pages
            into = (page - first + into) / (last - first + 1)
        self.source = source
        widget = focus_source(self.workspace, source)
        if widget is None:
            self.controller.status.emit(self.tr("Den här texten skrivs inte i ett fält."))
        elif isinstance(widget, QTextEdit):
            text = widget.toPlainText()
            position = round(min(1.0, max(0.0, into)) * len(text))
            while 0 < position < len(text) and not text[position - 1].isspace():
                position -= 1  # at the start of the word
            cursor = widget.textCursor()
            cursor.setPosition(position)
            widget.setTextCursor(cursor)
        self._mark()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.key = self.source = "\0"  # follow anew: the page or field may have changed meanwhile
        self._follow()
        if self.key and self.result is None:
            self.schedule()

    def shutdown(self) -> None:
        """Stop following the evaluation (it is being closed).  A render still running finishes
        on its own; the window does not wait for it."""
        self._timer.stop()
        self._slow_timer.stop()
        self.generation += 1  # whatever is on its way is stale
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        self.controller.changed.disconnect(self._changed)
        self.workspace.page_changed.disconnect(self._page_changed)
        retire(self.worker)


_retired: set[PreviewWorker] = set()  # workers finishing a render after their pane was closed


def retire(worker: PreviewWorker) -> None:
    """Stop ``worker`` without waiting; it is kept alive until its thread has ended."""
    worker.stop()
    worker.rendered.disconnect()
    if worker.wait(50):
        return
    worker.setParent(None)
    for done in [w for w in _retired if w.isFinished()]:
        _retired.discard(done)
    _retired.add(worker)
