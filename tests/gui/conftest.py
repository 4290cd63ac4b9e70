"""GUI tests run offscreen (no display needed).  This is the only place that sets the platform."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest


@pytest.fixture
def errors(monkeypatch):
    """Messages that would have been shown in a message box (instead of blocking the test)."""
    shown: list[str] = []

    def record(_parent, message, title=""):
        shown.append(message)

    for module in ("mainwindow", "printing", "dialogs"):
        monkeypatch.setattr(f"kompass_desktop.gui.{module}.show_error", record, raising=False)
    return shown


@pytest.fixture
def window(qtbot, errors):
    from kompass_desktop.gui.mainwindow import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.close_evaluation()


@pytest.fixture
def demo_window(window, demo_copy):
    assert window.open_file(demo_copy)
    return window


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
