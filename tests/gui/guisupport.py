"""Helpers shared by the GUI tests (``from guisupport import area_page``): kept out of
conftest.py, whose module name tests/core's conftest shares."""

from __future__ import annotations

from datetime import datetime

#: During the demo's visit: "Politisk ledning" (14/10 10:15–11:45) is going on.
DEMO_VISIT = datetime(2025, 10, 14, 10, 30)


def area_page(win, number):
    win.go(f"area:{number}")
    return win.workspace.pages[f"area:{number}"]


def type_text(widget, text):
    """Type text key by key, including å, ä and ö (QTest.keyClicks only handles ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def keys(qtbot, widget, *pressed):
    """Press keys one after the other on ``widget``."""
    for key in pressed:
        qtbot.keyClick(widget, key)


def press(qtbot, win, sequence):
    """A key combination ("Ctrl+Shift+Z") typed where the focus is, as a user would."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    win.activateWindow()
    target = QApplication.focusWidget() or win
    QTest.keySequence(target, QKeySequence(sequence))
