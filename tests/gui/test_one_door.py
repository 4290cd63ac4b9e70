"""Every change through the services, undo that never lies, and the file's life cycle in the GUI:
saving a copy, the wizard, closing, backups (on open, every 5 minutes), drafts to print."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest
from guisupport import area_page, type_text
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from kompass_desktop.domain.model import TextScope
from kompass_desktop.gui import mainwindow, printing, welcome
from kompass_desktop.services import EvaluationSession, files
from kompass_desktop.services.errors import DiskFull


def _fail(message):
    def fail(*args, **kwargs):
        raise DiskFull(message)

    return fail


# -- undo ----------------------------------------------------------------------------------


def test_a_failed_undo_leaves_the_stack_and_the_file_as_they_were(demo_window, monkeypatch, errors):
    controller = demo_window.controller
    session = controller.session
    before = controller.scores()["3.2"]  # the tester's own score
    assert controller.set_score("3.2", "7")[0]
    stack = controller.undo_stack
    index = stack.index()
    with monkeypatch.context() as m:
        m.setattr(session.scores, "set", _fail("Disken är full; ändringen kunde inte sparas."))
        demo_window.undo_action.trigger()
        assert "Disken är full" in errors[-1]
        assert stack.index() == index and stack.canUndo()  # the step is still there to retry
        assert controller.scores()["3.2"] == Decimal(7)
    demo_window.undo_action.trigger()  # the disk has room again
    assert stack.index() == index - 1 and controller.scores()["3.2"] == before
    with monkeypatch.context() as m:
        m.setattr(session.scores, "set", _fail("Disken är full igen."))
        demo_window.redo_action.trigger()
        assert "Disken är full igen" in errors[-1]
        assert stack.index() == index - 1 and controller.scores()["3.2"] == before
    demo_window.redo_action.trigger()
    assert stack.index() == index and controller.scores()["3.2"] == Decimal(7)


def test_an_undo_step_of_several_changes_is_undone_whole_or_not_at_all(demo_window, monkeypatch, errors):
    controller = demo_window.controller
    session = controller.session
    stack = controller.undo_stack
    stack.beginMacro("två poäng")
    controller.set_score("1.1", "1")
    controller.set_score("1.2", "2")
    stack.endMacro()
    index = stack.index()
    real = session.scores.set

    def fail_for_1_1(subarea, value):
        if subarea == "1.1":
            raise DiskFull("Disken är full.")
        return real(subarea, value)

    monkeypatch.setattr(session.scores, "set", fail_for_1_1)
    demo_window.undo_action.trigger()  # 1.2 is undone first, then 1.1 fails: 1.2 is put back
    assert "Disken är full" in errors[-1] and stack.index() == index
    assert controller.scores()["1.1"] == Decimal(1) and controller.scores()["1.2"] == Decimal(2)


def test_a_merge_through_the_controller_forgets_undo_steps_that_no_longer_fit(demo_window):
    controller = demo_window.controller
    controller.set_score("3.2", "7")
    assert controller.undo_stack.canUndo()
    controller.session.changed_outside(())
    assert not controller.undo_stack.canUndo()


# -- the file's life cycle -------------------------------------------------------------------


def test_save_copy_reports_success_only_when_the_copy_was_written(demo_window, tmp_path, monkeypatch, errors):
    busy = tmp_path / "upptagen.kompass"
    demo_window.controller.session.save_copy(busy)
    holder = EvaluationSession.open(busy)  # another program has the target open
    try:
        monkeypatch.setattr(mainwindow.QFileDialog, "getSaveFileName", lambda *a, **k: (str(busy), ""))
        demo_window.save_copy()
        assert errors and "Kopian sparades" not in demo_window.statusBar().currentMessage()
    finally:
        holder.close()
    good = tmp_path / "kopia.kompass"
    monkeypatch.setattr(mainwindow.QFileDialog, "getSaveFileName", lambda *a, **k: (str(good), ""))
    count = len(errors)
    demo_window.save_copy()
    assert len(errors) == count
    assert demo_window.statusBar().currentMessage() == f"Kopian sparades: {good}"
    with EvaluationSession.open(good, readonly=True) as copy:
        assert copy.summary().total == demo_window.controller.session.summary().total


def _fill_wizard(target):
    def fill(wizard):
        wizard.municipality.name.edit.setText("Provby")
        wizard.municipality.name.unlisted.setChecked(True)
        wizard.file.path.setText(str(target))
        return QDialog.DialogCode.Accepted

    return fill


def test_a_refused_earlier_evaluation_in_the_wizard_leaves_no_file(window, tmp_path, monkeypatch, errors):
    target = tmp_path / "Provby.kompass"
    monkeypatch.setattr(mainwindow.NewEvaluationWizard, "exec", _fill_wizard(target))
    bad = {"year": 2020, "framework_id": "2019", "area_scores": {"9": 50}}  # 2019 has no area 9
    monkeypatch.setattr(welcome.EarlierPage, "values", lambda page: bad)
    window.new_evaluation()
    assert "område 9" in errors[-1]
    assert window.controller is None
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no file, no lock, no temporary file
    good = {"year": 2020, "framework_id": "2019", "area_scores": {"1": 50}}
    monkeypatch.setattr(welcome.EarlierPage, "values", lambda page: good)
    window.new_evaluation()  # trying again works
    assert window.controller is not None and window.controller.session.path == target
    assert [e.area_scores for e in window.controller.session.registers.earlier()] == [{1: Decimal(50)}]


def _typed_but_not_saved(demo_window, monkeypatch):
    page = area_page(demo_window, 2)
    editor = page.cards["2.1"].text
    editor.setFocus()
    type_text(editor, " Viktigt tillägg.")
    monkeypatch.setattr(demo_window.controller.session.scores, "set_text", _fail("Disken är full."))
    return editor


def test_closing_asks_before_losing_typing_that_could_not_be_saved(demo_window, monkeypatch, errors):
    editor = _typed_but_not_saved(demo_window, monkeypatch)
    asked = []
    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(mainwindow.QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or no)
    assert not demo_window.close_evaluation()
    assert "Disken är full" in errors[-1] and "förlorat" in asked[-1]
    assert demo_window.controller is not None and "Viktigt tillägg." in editor.toPlainText()
    assert not demo_window.close()  # quitting is refused the same way
    assert demo_window.controller is not None
    monkeypatch.setattr(mainwindow.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert demo_window.close_evaluation()
    assert demo_window.controller is None


def test_opening_another_file_keeps_the_first_open_when_its_typing_could_not_be_saved(
    demo_window, demo_copy, tmp_path, monkeypatch, errors
):
    _typed_but_not_saved(demo_window, monkeypatch)
    monkeypatch.setattr(mainwindow.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    other = tmp_path / "annan.kompass"
    demo_window.controller.session.save_copy(other)
    assert not demo_window.open_file(other)
    assert demo_window.controller.session.path == demo_copy


@pytest.mark.timeout(15)
def test_closing_does_not_wait_for_a_slow_backup_on_open(window, demo_copy, monkeypatch):
    started, stopped = threading.Event(), threading.Event()

    def slow_backup(path, reason, cancel=None):  # a slow USB stick: stops only when asked to
        started.set()
        (cancel or threading.Event()).wait(60)
        stopped.set()
        raise files.BackupCancelled("avbruten")

    monkeypatch.setattr(mainwindow.files, "backup_file", slow_backup)
    assert window.open_file(demo_copy)
    assert started.wait(5)
    assert window.close_evaluation()
    assert stopped.is_set()
    assert not Path(f"{demo_copy}-wal").exists()  # closed properly: a self-contained file
    EvaluationSession.open(demo_copy).close()  # and nobody holds it any more


def test_a_backup_is_made_on_open_and_every_five_minutes(window, demo_copy, qtbot):
    assert window.open_file(demo_copy)
    qtbot.waitUntil(lambda: [b.reason for b in files.list_backups(demo_copy)] == ["open"])
    timer = window.findChild(QTimer, "periodic-backup")
    assert timer.isActive() and timer.interval() == 5 * 60 * 1000  # the README's "every 5 minutes"
    window.controller.set_score("3.2", "7")
    timer.timeout.emit()
    taken = files.list_backups(demo_copy)
    assert [b.reason for b in taken] == ["auto", "open"]
    with EvaluationSession.open(taken[0].path, readonly=True) as backup:
        assert backup.consensus.view().get("3.2").points["Testare"] == Decimal(7)
    window.close_evaluation()
    assert not timer.isActive()


# -- drafts ---------------------------------------------------------------------------------


class _Box:
    """The 'draft ready' question; presses the button whose text contains ``press``."""

    press = ""

    def __init__(self, *args, **kwargs):
        self.buttons: list[str] = []
        self.clicked: str | None = None

    def addButton(self, *args):
        label = args[0] if isinstance(args[0], str) else "Stäng"
        self.buttons.append(label)
        return label

    def exec(self):
        self.clicked = next((b for b in self.buttons if _Box.press in b), None)
        return 0

    def clickedButton(self):
        return self.clicked


@pytest.fixture
def draft_box(monkeypatch, tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # where the private draft folder is made
    fake = type(
        "M",
        (),
        {
            "Icon": QMessageBox.Icon,
            "StandardButton": QMessageBox.StandardButton,
            "ButtonRole": QMessageBox.ButtonRole,
            "__new__": lambda cls, *a, **k: _Box(),
        },
    )
    monkeypatch.setattr(printing, "QMessageBox", fake)
    return temp


def test_a_draft_leaves_no_temporary_folder_behind(demo_window, draft_box):
    _Box.press = "Stäng"
    assert printing.print_report(demo_window, demo_window.controller, draft=True) is None
    assert list(draft_box.iterdir()) == []


def test_a_draft_that_cannot_be_saved_shows_why(demo_window, draft_box, tmp_path, monkeypatch, errors):
    _Box.press = "Spara"
    target = tmp_path / "finns-inte" / "utkast.pdf"
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert printing.print_report(demo_window, demo_window.controller, draft=True) is None
    assert errors[-1] == f"Mappen {target.parent} finns inte."  # the output guard's message
    assert list(draft_box.iterdir()) == []


def test_the_texts_typed_are_in_the_file_after_closing(demo_window, demo_copy):
    editor = area_page(demo_window, 2).cards["2.1"].text
    type_text(editor, " Sista meningen.")  # keys sent to the editor: closing, not leaving it, commits
    assert demo_window.close_evaluation()
    with EvaluationSession.open(demo_copy, readonly=True) as reopened:
        assert "Sista meningen." in reopened.scores.text(TextScope.SUBAREA, "2.1")
