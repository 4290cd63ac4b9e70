"""Small reusable widgets: autosaving text editors that grow with their text, the score entry."""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from ..domain.errors import KompassError
from ..domain.rules import step_points
from ..domain.scoring import format_exact, parse_points
from ..domain.visit import KOMMUNGRUPPER
from . import theme

#: Typing is committed this long after the last keystroke (the issue allows at most 1 s).
AUTOSAVE_DELAY_MS = 600
#: A pause in typing this long (seconds) starts a new undo step in the same field.
TYPING_PAUSE_S = 3.0
#: The clock used to measure pauses in typing (replaced in tests).
clock: Callable[[], float] = time.monotonic

_bursts = itertools.count(1)


def is_undo_or_redo(event: QEvent) -> bool:
    """Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y … (every binding of the platform)."""
    return isinstance(event, QKeyEvent) and (
        event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
    )


class AutosaveTextEdit(QTextEdit):
    """A plain-text editor whose content is committed ≤ 1 s after typing stops, on focus-out and
    on demand.  It is as tall as its text (no scroll bar of its own inside a scrolling page).

    ``commit(text, burst)`` returns True when the text is safely stored; commits with the same
    ``burst`` belong to one undo step (a new burst starts on entering the field and after a
    pause in typing).  Ctrl+Z and Ctrl+Shift+Z go to the window's one undo history.
    """

    saved = Signal()

    def __init__(
        self,
        commit: Callable[[str, object], bool],
        parent: QWidget | None = None,
        *,
        placeholder: str = "",
        min_lines: int = 3,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self._stored = ""
        self._burst = next(_bursts)
        self._last_typed = -math.inf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # one history: the window's (see event())
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._min_height = self.fontMetrics().lineSpacing() * min_lines + 12
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._on_changed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self.cursorPositionChanged.connect(self._keep_cursor_visible)
        self._fit()

    # -- growing with the text -----------------------------------------------------------
    def _fit(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        frame = 2 * self.frameWidth() + self.contentsMargins().top() + self.contentsMargins().bottom()
        height = max(self._min_height, math.ceil(document.size().height()) + frame)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _keep_cursor_visible(self) -> None:
        """While typing at the end of a long text, the page scrolls along."""
        if not self.hasFocus():
            return
        area = _scroll_area_of(self)
        body = None if area is None else area.widget()
        if area is not None and body is not None:
            rect = self.cursorRect()
            point = self.viewport().mapTo(body, QPoint(rect.center().x(), rect.center().y()))
            area.ensureVisible(point.x(), point.y(), 20, rect.height() + 8)

    # -- storing ---------------------------------------------------------------------------
    def set_stored_text(self, text: str) -> None:
        """Show text from the file without treating it as an edit."""
        if text == self.toPlainText():
            self._stored = text
            return
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self._stored = text
        self._burst = next(_bursts)  # typing after an outside change (an undo…) is a new step
        self._fit()

    @property
    def dirty(self) -> bool:
        return self.toPlainText() != self._stored

    def _on_changed(self) -> None:
        now = clock()
        if now - self._last_typed >= TYPING_PAUSE_S:
            self._burst = next(_bursts)  # typing again after a pause: a new undo step
        self._last_typed = now
        if self.dirty:
            self._timer.start()

    def flush(self) -> bool:
        """Commit now if there is anything unsaved."""
        self._timer.stop()
        text = self.toPlainText()
        if text == self._stored:
            return True
        if self._commit(text, self._burst):
            self._stored = text
            self.saved.emit()
            return True
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._burst = next(_bursts)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        self._burst = next(_bursts)
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_or_redo(event):
            event.ignore()  # the window's Ångra / Gör om, not a history of this field alone
            return True
        return super().event(event)


class TextLine(QLineEdit):
    """A one-line input for a note or a finding.  A QLineEdit keeps at most 32 767 characters
    and silently drops the rest of a longer pasted text; this one keeps all of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(2**31 - 1)


class GrowingList(QListWidget):
    """A list as tall as its items (word-wrapped), for lists inside a scrolling page: no second
    scroll bar; moving through it with the keys scrolls the page along."""

    def __init__(self, parent: QWidget | None = None, *, grow: bool = True, min_lines: float = 1.5) -> None:
        super().__init__(parent)
        self.grow = grow
        self.setWordWrap(True)
        self._min_height = int(self.fontMetrics().lineSpacing() * min_lines) + 2 * self.frameWidth()
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        if grow:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.setFixedHeight(self._min_height)
        self.currentItemChanged.connect(lambda *_: self._keep_current_visible())
        self._fit_timer = QTimer(self)  # after the view has laid the items out (dies with the list)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._fit_timer.start)

    def fit(self) -> None:
        """Make the list exactly as tall as its items."""
        if not self.grow:
            return
        self.doItemsLayout()
        rows = sum(self.visualItemRect(self.item(i)).height() for i in range(self.count()))
        height = max(self._min_height, rows + 2 * self.frameWidth())
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_timer.start()  # the text wraps anew

    def _keep_current_visible(self) -> None:
        item = self.currentItem()
        area = _scroll_area_of(self)
        body = None if area is None else area.widget()
        if item is None or area is None or body is None or not self.hasFocus():
            return
        rect = self.visualItemRect(item)
        point = self.viewport().mapTo(body, rect.center())
        area.ensureVisible(point.x(), point.y(), 20, rect.height() // 2 + 8)


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent: QObject | None = widget.parent()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parent()
    return parent


class ScoreEdit(QLineEdit):
    """Points for one sub-area: empty = not scored; decimal comma or point; 0..max.

    Enter or leaving the field commits through ``commit(text) -> (ok, message)``; a refused
    value is marked, ``rejected`` says why (shown beside the field and in the status bar) and
    the stored value is put back.  A wheel turned over the field scrolls the page; it never
    changes the score.
    """

    rejected = Signal(str)  # why a value was refused; "" when the field is fine again

    def __init__(
        self, commit: Callable[[str], tuple[bool, str]], maximum: Decimal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self._stored = ""
        self._maximum = maximum
        self.setMaxLength(6)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("000,00") + 18)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("–")
        self.editingFinished.connect(self.commit_text)
        self._base_tip = ""
        self._normal_palette = QPalette(self.palette())
        self.error_message = ""

    def set_stored(self, text: str) -> None:
        """Show the value stored in the file, unless the user is typing something else right now."""
        typing = self.hasFocus() and self.text().strip() != self._stored
        self._stored = text
        if not typing:
            self.setText(text)
        self._show_error("")

    def set_base_tooltip(self, text: str) -> None:
        self._base_tip = text
        self.setToolTip(text)

    def commit_text(self) -> None:
        text = self.text().strip()
        if text == self._stored:
            self._show_error("")
            return
        ok, message = self._commit(text)
        if ok:
            self._stored = text
            self._show_error("")
        else:
            self._show_error(message)
            self.setText(self._stored)

    def _show_error(self, message: str) -> None:
        if message == self.error_message:
            return
        self.error_message = message
        pal = QPalette(self._normal_palette)
        if message:
            pal.setColor(QPalette.ColorRole.Base, theme.ERROR_BACKGROUND)
        self.setPalette(pal)
        self.setToolTip(message or self._base_tip)
        self.rejected.emit(message)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # to the page: scrolling past a score never changes it

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            try:
                current = parse_points(self.text()) if self.text().strip() else None
            except KompassError:
                current = None  # not a number: start again from 0
            direction = 1 if event.key() == Qt.Key.Key_Up else -1
            self.setText(format_exact(step_points(current, direction, self._maximum)))
            return
        if event.key() == Qt.Key.Key_Escape:
            self.setText(self._stored)
            self._show_error("")
            return
        super().keyPressEvent(event)


def muted_label(text: str, parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """Secondary text (guiding questions, hints): quieter than body text, still ≥ 4.5:1."""
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    theme.set_text_colour(label, theme.MUTED)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def kommungrupp_combo(parent: QWidget | None = None, current: str = "") -> QComboBox:
    """Kommungrupp, the same choice wherever it is asked for: SKR's groups (or a group of one's
    own written in, or none)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems(["", *KOMMUNGRUPPER])
    if current and combo.findText(current) < 0:
        combo.addItem(current)
    combo.setCurrentIndex(max(combo.findText(current), 0))
    return combo
