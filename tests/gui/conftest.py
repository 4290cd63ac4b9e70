"""GUI tests run offscreen (no display needed).  This is the only place that sets the platform."""

from __future__ import annotations

import os
from datetime import datetime

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from guisupport import DEMO_VISIT
from PySide6.QtCore import Qt


class UnexpectedDialog(AssertionError):
    """A modal dialog the test did not expect (it would have blocked the run)."""


def _refuse(kind: str):
    def refuse(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        box = args[0] if args and hasattr(args[0], "text") and callable(args[0].text) else None
        if box is not None:  # a QMessageBox instance: its title, text and details
            texts = [box.windowTitle(), box.text(), box.informativeText()]
        elif args and hasattr(args[0], "windowTitle") and callable(args[0].windowTitle):
            texts = [args[0].windowTitle(), *texts]
        raise UnexpectedDialog(f"unexpected {kind}: {' | '.join(t for t in texts if t)}")

    return refuse


@pytest.fixture(scope="session", autouse=True)
def _swedish_as_in_the_app(qapp):
    """The translators the app installs for Swedish (Qt's own texts, the Swedish plural forms)."""
    from kompass_desktop.gui.i18n import install_translators

    installed = install_translators(qapp, "sv")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch):
    """Every modal dialog fails the test with its text unless the test replaced it on purpose
    (``monkeypatch.setattr(module.QMessageBox, "question", ...)`` and the like)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, _refuse(f"QMessageBox.{name}"))
    monkeypatch.setattr(QMessageBox, "exec", _refuse("message box"))
    monkeypatch.setattr(QDialog, "exec", _refuse("dialog"))
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, _refuse(f"QFileDialog.{name}"))
    for name in ("getText", "getMultiLineText", "getInt", "getDouble", "getItem"):
        monkeypatch.setattr(QInputDialog, name, _refuse(f"QInputDialog.{name}"))


@pytest.fixture
def errors(monkeypatch):
    """Messages that would have been shown in a message box (instead of blocking the test)."""
    shown: list[str] = []

    def record(_parent, message, title=""):
        shown.append(message)

    for module in ("mainwindow", "printing", "dialogs"):
        monkeypatch.setattr(f"kompass_desktop.gui.{module}.show_error", record, raising=False)
    return shown


class Clock:
    """The time the window sees (the current interview is proposed from it)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 12, 9, 0)  # a Monday without interviews: nothing proposed

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def window(qtbot, errors, clock):
    from kompass_desktop.gui.mainwindow import MainWindow

    win = MainWindow(clock=clock)
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on the small test screen
    win.resize(1366, 768)
    win.show()
    yield win
    win.close_evaluation()


@pytest.fixture
def demo_window(window, demo_copy, clock):
    """The demo evaluation, opened on its interview day (the current interview is proposed)."""
    clock.now = DEMO_VISIT
    assert window.open_file(demo_copy)
    return window


@pytest.fixture
def english():
    """Installs kompass_en.qm the way i18n.py loads it; removed again so other tests stay Swedish."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QTranslator

    from kompass_desktop.gui.i18n import translations_dir

    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load("kompass_en", str(translations_dir()))
    assert app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)
    # destroyed now: left to the garbage collector, ~QTranslator could run inside a translate()
    # call (i18n's Python translator calls back into Python) and deadlock on Qt's lock
    shiboken6.delete(translator)
