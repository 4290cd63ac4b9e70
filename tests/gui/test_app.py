"""The app around the pages: start screen, wizard, opening files (good, bad, busy), registers,
search, coverage, keyboard access and the layout on a 1366×768 screen."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from kompass_desktop.gui import mainwindow, registers
from kompass_desktop.gui import settings as gui_settings
from kompass_desktop.services import EvaluationSession, files


def test_start_screen_offers_new_open_demo_and_recent(window, demo_copy):
    assert window.central.currentWidget() is window.welcome
    names = {w.objectName() for w in window.welcome.findChildren(QWidget)}
    assert {"welcome-new", "welcome-open", "welcome-demo"} <= names
    assert window.open_file(demo_copy)
    window.close_evaluation()
    assert window.welcome.recent.item(0).text().startswith("demo.kompass")
    assert gui_settings.recent_files()[0] == demo_copy.resolve()


def test_file_actions_are_disabled_without_an_evaluation(window, demo_copy):
    assert not window.area_actions[0].isEnabled()
    window.open_file(demo_copy)
    assert window.area_actions[0].isEnabled()
    window.area_actions[2].trigger()  # Ctrl+3
    assert window.workspace.current == "area:3"


def test_wizard_creates_a_new_evaluation_file(window, tmp_path, monkeypatch):
    target = tmp_path / "Provby-2026.kompass"

    def fill(wizard):
        wizard.municipality.name.edit.setText("Provby")
        wizard.municipality.name.unlisted.setChecked(True)  # a fictional municipality
        wizard.municipality.inhabitants.setValue(12000)
        wizard.municipality.parties.setText("M, KD och L")
        wizard.evaluation.framework.setCurrentIndex(wizard.evaluation.framework.findData("2016"))
        wizard.evaluation.evaluators.setPlainText("Anna Berg\nOla Ek")
        wizard.earlier.year.setValue(2019)
        wizard.earlier.framework.setCurrentIndex(wizard.earlier.framework.findData("2016"))
        for spin, value in zip(wizard.earlier.scores, (60, 61, 62, 63, 64, 65, 66, 67), strict=True):
            spin.setValue(value)
        wizard.file.path.setText(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(mainwindow.NewEvaluationWizard, "exec", fill)
    window.new_evaluation()
    assert window.controller is not None and target.exists()
    session = window.controller.session
    info = session.info()
    assert info.municipality == "Provby" and info.unlisted and info.municipality_code == ""
    assert info.inhabitants == 12000 and info.framework_id == "2016"
    assert info.evaluators == ("Anna Berg", "Ola Ek")
    earlier = session.registers.earlier()
    assert len(earlier) == 1 and earlier[0].year == 2019 and earlier[0].total == 508
    assert len(window.workspace.nav._items) > 45  # 8 areas, 45 sub-areas, pages


def test_a_second_writer_gets_a_clear_message(window, demo_copy, errors):
    other = EvaluationSession.open(demo_copy)
    try:
        assert not window.open_file(demo_copy)
        assert window.controller is None
        assert "redan öppen" in errors[-1] and "Stäng den där först" in errors[-1]
    finally:
        other.close()


def test_a_bad_file_shows_a_message_and_changes_nothing(window, tmp_path, errors):
    bad = tmp_path / "trasig.kompass"
    bad.write_bytes(b"inte en databas" * 100)
    before = bad.read_bytes()
    assert not window.open_file(bad)
    assert "inte en utvärderingsfil" in errors[-1]
    assert bad.read_bytes() == before and window.controller is None


def test_a_damaged_file_offers_its_latest_backup(window, demo_copy, tmp_path, monkeypatch, qtbot):
    assert window.open_file(demo_copy)  # opening makes a backup (in the background)
    qtbot.waitUntil(lambda: [b.reason for b in files.list_backups(demo_copy)] == ["open"])
    window.close_evaluation()
    data = bytearray(demo_copy.read_bytes())
    demo_copy.write_bytes(bytes(data[: len(data) // 3]))  # truncated
    restored = tmp_path / "återställd.kompass"
    asked = []
    monkeypatch.setattr(
        mainwindow.QMessageBox,
        "exec",
        lambda box: asked.append(box.text()) or mainwindow.QMessageBox.StandardButton.Open,
    )
    monkeypatch.setattr(mainwindow.QFileDialog, "getSaveFileName", lambda *a, **k: (str(restored), ""))
    assert not window.open_file(demo_copy)
    assert "avkortad" in asked[0]
    assert window.controller is not None and window.controller.session.path == restored
    assert window.controller.session.summary().complete


def test_document_register_add_edit_delete(demo_window, monkeypatch):
    demo_window.go("documents")
    page = demo_window.workspace.pages["documents"]
    rows = page.table.rowCount()

    def fill_new(dialog):
        dialog.widgets["title"].setText("Ny lokal plan för trygghet")
        dialog.widgets["year"].setValue(2025)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(registers.RecordDialog, "exec", fill_new)
    page.add()
    assert page.table.rowCount() == rows + 1
    doc = next(
        d
        for d in demo_window.controller.session.registers.documents()
        if d.title == "Ny lokal plan för trygghet"
    )
    assert doc.year == 2025

    def fill_edit(dialog):
        dialog.widgets["decided_by"].setCurrentText("Kommunstyrelsen")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(registers.RecordDialog, "exec", fill_edit)
    page.select(doc.id)
    page.edit_current()
    assert (
        next(d for d in demo_window.controller.session.registers.documents() if d.id == doc.id).decided_by
        == "Kommunstyrelsen"
    )
    page.select(doc.id)
    page.delete_current()
    assert page.table.rowCount() == rows
    demo_window.undo_action.trigger()
    assert page.table.rowCount() == rows + 1


def test_interview_schedule_lists_the_visit(demo_window):
    demo_window.go("interviews")
    page = demo_window.workspace.pages["interviews"]
    assert page.table.rowCount() == 10
    html = page.schedule_html()
    assert "Intervjuschema – Lindsjö kommun" in html and html.count("<tr>") == 11


def test_search_finds_notes_and_keeps_swedish_letters_distinct(demo_window, qtbot):
    demo_window.go("search")
    page = demo_window.workspace.pages["search"]
    page.query.setText("ägardirektiv")
    page.run()
    assert page.results.count() > 0
    assert "«" in page.results.item(0).text()
    page.query.setText("agardirektiv")
    page.run()
    assert page.results.count() == 0
    page.query.setText("ägardirektiv")
    page.run()
    target = page.results.item(0).data(Qt.ItemDataRole.UserRole + 50)
    page.results.setCurrentRow(0)
    page._activate(page.results.item(0))
    kind, _, rest = target.partition(":")  # note:SUB:ID or text:SCOPE:REF
    sub = rest.rpartition(":")[0] if kind == "note" else rest.partition(":")[2]
    assert demo_window.workspace.current == f"area:{sub.split('.')[0]}"


def test_coverage_matrix_warns_about_scores_without_evidence(demo_window):
    session = demo_window.controller.session
    for note in session.notes.all("1.4"):
        session.notes.delete(note.id)
    demo_window.go("coverage")
    page = demo_window.workspace.pages["coverage"]
    row = page._rows.index("1.4")
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    warnings = page.table.item(row, headers.index("Varningar")).text()
    assert "poäng utan underlag" in warnings
    assert "1 har poäng utan underlag" in page.summary.text()
    page._activate(row, 0)
    assert demo_window.workspace.current == "area:1"


def test_text_inputs_have_accessible_names(demo_window):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    checked = 0
    for key in ("summary", "area:1", "interview", "search"):
        demo_window.go(key)
        page = demo_window.workspace.pages[key]
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) or not widget.isVisibleTo(page):
                continue
            if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the editor inside a spin box or combo box is named through its owner
            checked += 1
            assert widget.accessibleName(), (key, widget.placeholderText())
    assert checked > 20


def test_every_menu_command_has_a_shortcut_or_is_reachable_by_mnemonic(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()


def test_the_window_fits_a_1366x768_screen(demo_window, tmp_path):
    for key in ("summary", "area:1", "interview", "coverage"):
        demo_window.go(key)
        hint = demo_window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 740, (key, hint)
    demo_window.grab().save(str(tmp_path / "summary.png"))
    assert (tmp_path / "summary.png").stat().st_size > 10_000


def test_smoke_test_command_exits_0(tmp_path):
    env = dict(os.environ, KOMPASS_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "kompass_desktop", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ändrade och ångrade en poäng" in result.stdout and "klart" in result.stdout


def test_python_bools_survive_signal_emission():
    """PySide6 6.12.0 lost a reference to True/False on every emit (a crash at exit); 6.11.3 is pinned."""

    class Emitter(QObject):
        flag = Signal(bool)

    emitter = Emitter()
    emitter.flag.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(50):
        emitter.flag.emit(True)
    assert sys.getrefcount(True) >= before - 5


def test_a_file_in_a_network_folder_is_copied_to_the_computer(window, demo_copy, tmp_path, monkeypatch):
    local = tmp_path / "lokal" / "demo.kompass"
    monkeypatch.setenv("KOMPASS_ASSUME_LOCATION", "network")

    def press_copy(box):
        assert "nätverksmapp" in box.text()
        button = next(b for b in box.buttons() if "Kopiera" in b.text().replace("&", ""))
        monkeypatch.setattr(box, "clickedButton", lambda: button)
        monkeypatch.delenv("KOMPASS_ASSUME_LOCATION")  # the copy is on a local disk
        return 0

    monkeypatch.setattr(mainwindow.QMessageBox, "exec", press_copy)
    monkeypatch.setattr(mainwindow.QFileDialog, "getSaveFileName", lambda *a, **k: (str(local), ""))
    assert window.open_file(demo_copy)
    assert window.controller.session.path == local and not window.controller.session.readonly


def test_window_layout_is_remembered(qtbot, demo_copy):
    from kompass_desktop.gui.mainwindow import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(760, 540)
    first.show()
    first.chart_dock.show()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 760
    assert not second.chart_dock.isHidden()
    second.close()


def test_facts_of_the_evaluation_can_be_edited_and_undone(demo_window, monkeypatch):
    from kompass_desktop.gui import info_dialog

    def edit(dialog):
        dialog.inhabitants.setValue(25000)
        dialog.evaluators.setPlainText("Karin Ekström\nJohan Alm\nSara Lund")
        dialog.facts.setPlainText("Kommunvapen: blå fisk\nAreal: 1 046 km²")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(info_dialog.InfoDialog, "exec", edit)
    demo_window.edit_info()
    info = demo_window.controller.session.info()
    assert info.inhabitants == 25000 and info.evaluators[-1] == "Sara Lund"
    assert info.facts == (("Kommunvapen", "blå fisk"), ("Areal", "1 046 km²"))
    demo_window.undo_action.trigger()
    info = demo_window.controller.session.info()
    assert info.inhabitants == 24312 and len(info.evaluators) == 2


def test_the_smoke_test_fails_when_something_breaks(qtbot, monkeypatch, capsys):
    from kompass_desktop.gui import charts, smoke

    def broken(self):
        raise RuntimeError("numpy saknas")

    monkeypatch.setattr(charts.ChartsPanel, "refresh", broken)
    assert smoke.smoke_test() == 1
    assert "numpy saknas" in capsys.readouterr().out
