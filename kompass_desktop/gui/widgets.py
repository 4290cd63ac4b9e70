"""Small reusable widgets: autosaving text editors and the score entry."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from ..domain.errors import KompassError
from ..domain.rules import step_points
from ..domain.scoring import format_exact, parse_points

#: Typing is committed this long after the last keystroke (the issue allows at most 1 s).
AUTOSAVE_DELAY_MS = 600


class AutosaveTextEdit(QPlainTextEdit):
    """A text editor whose content is committed ≤ 1 s after typing stops, on focus-out and on demand.

    ``commit`` is called with the text; it returns True when the text is safely stored.
    """

    saved = Signal()

    def __init__(
        self,
        commit: Callable[[str], bool],
        parent: QWidget | None = None,
        *,
        placeholder: str = "",
        min_lines: int = 4,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self._stored = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * min_lines + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.textChanged.connect(self._on_changed)

    def set_stored_text(self, text: str) -> None:
        """Show text from the file without treating it as an edit."""
        if text == self.toPlainText():
            self._stored = text
            return
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self._stored = text

    @property
    def dirty(self) -> bool:
        return self.toPlainText() != self._stored

    def _on_changed(self) -> None:
        if self.dirty:
            self._timer.start()

    def flush(self) -> bool:
        """Commit now if there is anything unsaved."""
        self._timer.stop()
        text = self.toPlainText()
        if text == self._stored:
            return True
        if self._commit(text):
            self._stored = text
            self.saved.emit()
            return True
        return False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        doc_height = int(self.document().size().height() * self.fontMetrics().lineSpacing()) + 16
        hint.setHeight(max(self.minimumHeight(), min(doc_height, 480)))
        return hint


class ScoreEdit(QLineEdit):
    """Points for one sub-area: empty = not scored; decimal comma or point; 0..max.

    Enter or leaving the field commits through ``commit(text) -> (ok, message)``; a refused
    value is shown in red with the reason and the stored value is put back.
    """

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
            pal.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.yellow)
        self.setPalette(pal)
        self.setToolTip(message or self._base_tip)

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
    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
