"""Area pages: scoring with live totals, undo, texts that save themselves, findings."""

from __future__ import annotations

from decimal import Decimal

from guisupport import DEMO_VISIT, area_page, type_text
from PySide6.QtCore import Qt, QTimer

from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import TextScope
from kompass_desktop.services import EvaluationSession


def type_score(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_opening_the_demo_shows_totals(demo_window):
    nav = demo_window.workspace.nav
    assert nav.total_label.text() == "Totalt 518 av 800"
    assert nav._items["area:2"].text(1) == "68"  # 67.5 rounded half up
    assert "Lindsjö kommun" in demo_window.windowTitle()


def test_score_entry_updates_area_and_total_immediately(demo_window, qtbot):
    page = area_page(demo_window, 1)
    # the tester's own 20 against Karin's and Johan's 13: 1.1 is open and no longer counts
    type_score(qtbot, page.cards["1.1"].score, "20")
    assert demo_window.controller.scores()["1.1"] == 20
    assert demo_window.workspace.nav.total_label.text() == "Totalt 505 av 800"
    assert "52 / 100" in page.score_label.text()
    assert demo_window.workspace.nav._items["area:1"].text(1) == "52"
    assert "oense" in page.cards["1.1"].consensus_hint.text()
    type_score(qtbot, page.cards["1.1"].score, "13")  # now all three agree: it counts again
    assert demo_window.workspace.nav.total_label.text() == "Totalt 518 av 800"
    assert "65 / 100" in page.score_label.text()


def test_decimal_comma_is_accepted(demo_window, qtbot):
    page = area_page(demo_window, 3)
    type_score(qtbot, page.cards["3.2"].score, "21,5")
    assert demo_window.controller.scores()["3.2"] == Decimal("21.5")
    assert page.cards["3.2"].score.text() == "21,5"


def test_score_above_max_is_refused_with_the_reason(demo_window, qtbot):
    page = area_page(demo_window, 1)
    edit = page.cards["1.2"].score  # max 10
    type_score(qtbot, edit, "11")
    assert demo_window.controller.scores()["1.2"] is None  # the tester has not scored 1.2
    assert edit.text() == "" and edit.placeholderText() == "7"  # the agreed score, greyed
    assert "över maxpoängen 10" in edit.toolTip()
    type_score(qtbot, edit, "tio")
    assert "inte ett tal" in edit.toolTip()
    assert demo_window.controller.scores()["1.2"] is None


def test_clearing_a_score_makes_it_unscored(demo_window, qtbot):
    page = area_page(demo_window, 4)
    edit = page.cards["4.1"].score
    type_score(qtbot, edit, "5")  # against the others' 12: open, not counted
    assert "4 av 5" in page.score_label.toolTip()
    edit.setFocus()
    edit.clear()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert demo_window.controller.scores()["4.1"] is None  # my score withdrawn
    assert "5 av 5" in page.score_label.toolTip()  # the others' agreed 12 counts again
    assert edit.text() == "" and edit.placeholderText() == "12"


def test_undo_and_redo_a_score_change(demo_window, qtbot):
    page = area_page(demo_window, 5)
    type_score(qtbot, page.cards["5.1"].score, "3")
    assert demo_window.controller.scores()["5.1"] == 3
    assert "Poäng 5.1" in demo_window.undo_action.text()
    demo_window.undo_action.trigger()
    assert demo_window.controller.scores()["5.1"] is None  # the tester had not scored 5.1
    assert page.cards["5.1"].score.text() == "" and page.cards["5.1"].score.placeholderText() == "14"
    demo_window.redo_action.trigger()
    assert demo_window.controller.scores()["5.1"] == 3


def test_arrow_keys_step_the_score_within_its_range(demo_window, qtbot):
    page = area_page(demo_window, 7)
    edit = page.cards["7.1"].score  # max 15; the tester's own score is empty: ↑ starts from 0
    edit.setFocus()
    for _ in range(16):
        qtbot.keyClick(edit, Qt.Key.Key_Up)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert demo_window.controller.scores()["7.1"] == 15


def test_arrow_keys_step_a_decimal_score_exactly_and_stop_at_zero(demo_window, qtbot):
    edit = area_page(demo_window, 7).cards["7.1"].score
    edit.setFocus()
    edit.setText("0,1")
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.text() == "1,1"
    for _ in range(3):
        qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.text() == "0"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert demo_window.controller.scores()["7.1"] == 0


def test_text_is_saved_within_a_second_of_typing(demo_window, qtbot):
    page = area_page(demo_window, 2)
    editor = page.cards["2.1"].text
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " Tillägg om åtgärder.")
    session = demo_window.controller.session
    assert not session.scores.text(TextScope.SUBAREA, "2.1").endswith("Tillägg om åtgärder.")
    # the promise is "saved at most 1 s after typing stops": one timer is waiting, due within 1 s,
    # and when it fires the text is in the file (no real waiting)
    pending = [t for t in editor.findChildren(QTimer) if t.isActive()]
    assert len(pending) == 1 and pending[0].isSingleShot()
    assert 0 < pending[0].remainingTime() <= 1000
    pending[0].timeout.emit()
    assert session.scores.text(TextScope.SUBAREA, "2.1").endswith("Tillägg om åtgärder.")


def test_text_is_saved_on_focus_out(demo_window, qtbot):
    page = area_page(demo_window, 2)
    editor = page.cards["2.2"].text
    editor.setFocus()
    qtbot.keyClicks(editor, "X")
    page.cards["2.2"].score.setFocus()  # leave the editor
    qtbot.wait(10)
    assert "X" in demo_window.controller.session.scores.text(TextScope.SUBAREA, "2.2")


def test_allmant_is_the_standard_text_until_edited(demo_window, qtbot):
    page = area_page(demo_window, 6)
    framework = demo_window.controller.framework
    assert page.intro.toPlainText() == framework.area(6).intro
    page.intro.setPlainText("Egen inledning.")
    page.intro.flush()
    assert demo_window.controller.session.scores.text(TextScope.AREA_INTRO, "6") == "Egen inledning."
    page.intro.setPlainText("   ")  # emptied: the standard text is back, on screen as in the report
    page.intro.flush()
    page.refresh(None)
    assert page.intro.toPlainText() == framework.area(6).intro
    assert demo_window.controller.session.snapshot().area_intro(6) == framework.area(6).intro


def test_findings_add_edit_delete_and_undo(demo_window, qtbot, monkeypatch):
    page = area_page(demo_window, 3)
    column = page.findings.columns[FindingKind.IMPROVEMENT]
    before = column.list.count()
    column.input.setFocus()
    type_text(column.input, "Ägardirektiv behöver förnyas")
    qtbot.keyClick(column.input, Qt.Key.Key_Return)
    assert column.list.count() == before + 1
    assert column.input.text() == ""
    bodies = [f.body for f in demo_window.controller.session.findings.all(3)]
    assert "Ägardirektiv behöver förnyas" in bodies
    column.list.setCurrentRow(column.list.count() - 1)
    column._delete()
    assert column.list.count() == before
    demo_window.undo_action.trigger()
    assert column.list.count() == before + 1


def test_2010_evaluations_have_a_weakness_column(window, tmp_path):
    from kompass_desktop import resources
    from kompass_desktop.services import NewEvaluation

    path = tmp_path / "gammal.kompass"
    EvaluationSession.create(path, NewEvaluation(resources.framework("2010"), "Äldreby", 2014)).close()
    assert window.open_file(path)
    page = area_page(window, 1)
    assert set(page.findings.columns) == {FindingKind.STRENGTH, FindingKind.IMPROVEMENT, FindingKind.WEAKNESS}
    assert len(page.cards) == 5 and page.cards["1.1"].score.text() == ""


def test_notes_can_be_linked_to_a_finding(demo_window, monkeypatch):
    from kompass_desktop.gui import findings as findings_module

    page = area_page(demo_window, 1)
    column = page.findings.columns[FindingKind.STRENGTH]
    column.list.setCurrentRow(0)
    finding = column._current()
    note = page.findings.area_notes()[-1]

    class FakeDialog:
        def __init__(self, notes, linked, sources, parent, finding=""):
            self.linked = set(linked)

        def exec(self):
            return 1

        def checked(self):
            return self.linked | {note.id}

    monkeypatch.setattr(findings_module, "LinkNotesDialog", FakeDialog)
    column._link()
    assert note.id in demo_window.controller.session.findings.get(finding.id).note_ids
    demo_window.undo_action.trigger()
    assert note.id not in demo_window.controller.session.findings.get(finding.id).note_ids


def test_reopening_the_file_finds_everything(window, demo_copy, qtbot, clock):
    clock.now = DEMO_VISIT
    assert window.open_file(demo_copy)
    page = area_page(window, 8)
    type_score(qtbot, page.cards["8.3"].score, "16,5")
    page.cards["8.3"].text.setPlainText("Ny bedömning av intern kommunikation.")
    page.cards["8.3"].quick_note.setText("Intranätet Insidan används dagligen")
    qtbot.keyClick(page.cards["8.3"].quick_note, Qt.Key.Key_Return)
    window.close_evaluation()  # flushes the text editor
    assert window.open_file(demo_copy)
    session = window.controller.session
    assert window.controller.scores()["8.3"] == Decimal("16.5")  # the tester's own, beside the others'
    assert session.consensus.subarea("8.3").points["Karin Ekström"] == 12
    assert session.scores.text(TextScope.SUBAREA, "8.3") == "Ny bedömning av intern kommunikation."
    assert "Intranätet Insidan används dagligen" in [n.body for n in session.notes.all("8.3")]
    page = area_page(window, 8)
    assert page.cards["8.3"].score.text() == "16,5"
