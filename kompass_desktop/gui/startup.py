"""Start-up: the first window is painted before anything it does not show is built.

The charts (pyqtgraph and numpy: a third of a second to import), the live preview (its
renderer process, the report code) and the like are made on the event loop's turn after the
page they belong to was first painted (:func:`after_first_paint`, :func:`after_page_painted`):
the evaluator sees the window with the evaluation at once, the charts a moment later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget


class _AfterPaint(QObject):
    """Calls ``then`` once, on the turn after the widget watched is painted."""

    def __init__(self, owner: QObject, watched: QWidget | None, then: Callable[[], None]) -> None:
        super().__init__(owner)  # gone with its owner: ``then`` is never called after that
        self._then = then
        self._watched: QWidget | None = None
        self._painted = False
        self.watch(watched)

    def watch(self, widget: QWidget | None) -> None:
        if self._painted:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = widget
        if widget is not None:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self.watch(None)
            self._painted = True
            QTimer.singleShot(0, self, self._call)  # once this paint is on the screen
        return False

    def _call(self) -> None:
        self._then()
        self.deleteLater()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` on the event loop's turn after ``widget`` is next painted (never if the
    widget is deleted first)."""
    _AfterPaint(widget, widget, then)


def after_page_painted(stack: QStackedWidget, then: Callable[[], None]) -> None:
    """Call ``then`` on the turn after the page shown in ``stack`` is painted (whichever page
    that is by then)."""
    _AfterPagePaint(stack, then)


class _AfterPagePaint(_AfterPaint):
    def __init__(self, stack: QStackedWidget, then: Callable[[], None]) -> None:
        super().__init__(stack, stack.currentWidget(), then)
        self._stack = stack
        stack.currentChanged.connect(self._page_changed)  # disconnected when this is deleted

    def _page_changed(self, _index: int) -> None:
        self.watch(self._stack.currentWidget())
