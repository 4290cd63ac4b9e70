"""Navigation never edits; one undo history you can see (issue 14, points 2 and 3).

Everything here is done with keys and clicks on the focused widget, as an evaluator would."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import pytest
from guisupport import area_page, keys, press, type_text
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QPushButton

from kompass_desktop import resources
from kompass_desktop.domain.model import TextScope
from kompass_desktop.gui import dialogs, widgets
from kompass_desktop.services import EvaluationSession, NewEvaluation


@pytest.fixture
def empty_window(window, tmp_path):
    """A new, empty 2019 evaluation (nothing scored)."""
    path = tmp_path / "tomby.kompass"
    EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Tomby", 2026)).close()
    assert window.open_file(path)
    return window


def visible_on_screen(widget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def status(win) -> str:
    return win.statusBar().currentMessage()


# -- 2. navigation never edits --------------------------------------------------------------


def test_arrow_keys_in_the_navigation_only_navigate(demo_window, qtbot):
    tree = demo_window.workspace.nav.tree
    session = demo_window.controller.session
    before = session.scores.all()
    tree.setFocus()
    tree.setCurrentItem(demo_window.workspace.nav._items["area:1"])
    keys(qtbot, tree, Qt.Key.Key_Right, Qt.Key.Key_Down)  # into 1.1: the page scrolls there
    assert demo_window.workspace.current == "area:1"
    assert tree.hasFocus()
    keys(qtbot, tree, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up)  # used to lower the 1.1 score
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == "sub:1.2"
    area_page(demo_window, 1).cards["1.4"].text.setFocus()  # "clicking elsewhere" used to save it
    assert session.scores.all() == before
    assert not demo_window.controller.undo_stack.canUndo()
    # every item below the areas is reachable with the arrows; Intervjuläge keeps no focus
    tree.setFocus()
    tree.setCurrentItem(demo_window.workspace.nav._items["area:8"])
    seen = []
    for _ in range(12):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        assert tree.hasFocus()
        seen.append(tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1))
    pages = [t for t in seen if t and not t.startswith(("sub:", "area:"))]
    assert list(dict.fromkeys(pages)) == ["interview", "interviews", "documents", "web", "coverage", "search"]
    assert demo_window.workspace.current == "search"
    assert session.scores.all() == before and session.notes.all() == session.notes.all()


def test_enter_in_the_navigation_goes_into_the_score_field_on_purpose(demo_window, qtbot):
    tree = demo_window.workspace.nav.tree
    tree.setFocus()
    tree.setCurrentItem(demo_window.workspace.nav._items["sub:1.1"])
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    score = demo_window.workspace.pages["area:1"].cards["1.1"].score
    assert score.hasFocus() and visible_on_screen(score)
    keys(qtbot, score, Qt.Key.Key_Up, Qt.Key.Key_Return)  # a deliberate change
    assert demo_window.controller.scores()["1.1"] == 1  # the tester's own score, from empty


def _wheel(widget, steps=-120):
    centre = QPointF(widget.rect().center())
    return QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def test_a_wheel_over_a_score_field_scrolls_the_page_and_never_changes_it(demo_window, qtbot):
    page = area_page(demo_window, 3)
    score = page.cards["3.1"].score
    page.verticalScrollBar().setValue(0)
    for focused in (False, True):  # passing over it, and even when it has the focus
        if focused:
            score.setFocus()
        event = _wheel(score)
        QApplication.sendEvent(score, event)
        # not taken by the field: Qt hands a real wheel event on to the page, which scrolls
        assert not event.isAccepted()
        assert score.hasFocus() == focused
        assert score.text() == "" and score.placeholderText() == "8"
    bar = page.verticalScrollBar()
    QApplication.sendEvent(page.viewport(), _wheel(page.viewport()))
    assert bar.value() > 0
    qtbot.keyClick(score, Qt.Key.Key_Return)
    assert demo_window.controller.scores()["3.1"] is None  # nothing typed: nothing scored
    assert not demo_window.controller.undo_stack.canUndo()


# -- 3. one undo history you can see ----------------------------------------------------------


def test_undo_from_another_page_goes_to_the_change_and_says_what_was_undone(empty_window, qtbot):
    win = empty_window
    score = area_page(win, 1).cards["1.3"].score
    score.setFocus()
    qtbot.keyClicks(score, "20")
    qtbot.keyClick(score, Qt.Key.Key_Return)
    assert status(win) == "Sparat: Poäng 1.3: – → 20"
    press(qtbot, win, "Ctrl+5")
    assert win.workspace.current == "area:5"
    press(qtbot, win, "Ctrl+Z")
    assert win.controller.scores()["1.3"] is None
    assert win.workspace.current == "area:1"
    assert visible_on_screen(score) and score.hasFocus() and score.text() == ""
    assert win.workspace.highlighted is score
    assert status(win) == "Ångrade: Poäng 1.3: 20 → –"
    press(qtbot, win, "Ctrl+4")
    press(qtbot, win, "Ctrl+Shift+Z")
    assert win.controller.scores()["1.3"] == 20 and win.workspace.current == "area:1"
    assert status(win) == "Gjorde om: Poäng 1.3: – → 20"
    press(qtbot, win, "Ctrl+Z")
    press(qtbot, win, "Ctrl+Y")  # the other redo binding
    assert win.controller.scores()["1.3"] == 20


def test_typing_is_one_undo_step_per_field_and_pause_and_ctrl_z_after_leaving_brings_it_back(
    demo_window, qtbot, monkeypatch
):
    now = [1000.0]
    monkeypatch.setattr(widgets, "clock", lambda: now[0])
    session = demo_window.controller.session
    card = area_page(demo_window, 2).cards["2.1"]
    original = session.scores.text(TextScope.SUBAREA, "2.1")
    card.text.setFocus()
    card.text.moveCursor(card.text.textCursor().MoveOperation.End)
    type_text(card.text, " Första tillägget.")
    card.text.flush()  # the autosave after a short pause in typing
    now[0] += 1
    type_text(card.text, " Samma skur.")
    card.text.flush()
    now[0] += 10  # a real pause: a new step
    type_text(card.text, " Efter pausen.")
    qtbot.keyClick(card.text, Qt.Key.Key_Tab)  # leaving the field commits it
    assert session.scores.text(TextScope.SUBAREA, "2.1").endswith("Samma skur. Efter pausen.")
    press(qtbot, demo_window, "Ctrl+Z")
    assert session.scores.text(TextScope.SUBAREA, "2.1") == original + " Första tillägget. Samma skur."
    assert card.text.toPlainText() == session.scores.text(TextScope.SUBAREA, "2.1")
    assert status(demo_window) == "Ångrade: Text 2.1"
    assert card.text.hasFocus() and demo_window.workspace.highlighted is card.text
    press(qtbot, demo_window, "Ctrl+1")
    press(qtbot, demo_window, "Ctrl+Z")  # from another page: the text comes back on its own page
    assert session.scores.text(TextScope.SUBAREA, "2.1") == original == card.text.toPlainText()
    assert demo_window.workspace.current == "area:2"


def test_ctrl_z_in_a_text_field_undoes_the_typing_there(demo_window, qtbot):
    summary = demo_window.workspace.page("summary")
    press(qtbot, demo_window, "Ctrl+0")
    editor = summary.editors[TextScope.SUMMARY_WEAKER]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = editor.toPlainText()
    type_text(editor, " Ny mening.")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before
    assert demo_window.controller.session.scores.text(TextScope.SUMMARY_WEAKER) == before
    assert status(demo_window) == "Ångrade: Text Svagare områden"


def test_ctrl_z_right_after_enter_in_interview_mode_brings_the_note_back(demo_window, qtbot):
    press(qtbot, demo_window, "Ctrl+I")
    page = demo_window.workspace.pages["interview"]
    page.select_subarea("4.2")
    type_text(page.input, "Budgetprocessen är tydlig")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    session = demo_window.controller.session
    assert "Budgetprocessen är tydlig" in [n.body for n in session.notes.all("4.2")]
    assert page.input.toPlainText() == ""
    qtbot.keyClick(page.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Budgetprocessen är tydlig" not in [n.body for n in session.notes.all("4.2")]
    assert page.input.toPlainText() == "Budgetprocessen är tydlig" and page.input.hasFocus()
    assert page.current_subarea() == "4.2"
    assert status(demo_window) == "Ångrade: Ny anteckning"
    type_text(page.input, " i stort")  # corrected and saved again
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    assert "Budgetprocessen är tydlig i stort" in [n.body for n in session.notes.all("4.2")]


def test_ctrl_s_says_everything_is_saved_and_ctrl_w_closes(demo_window, qtbot):
    editor = area_page(demo_window, 6).cards["6.1"].text
    editor.setFocus()
    type_text(editor, "Skrivet just nu. ")
    press(qtbot, demo_window, "Ctrl+S")
    assert status(demo_window) == "Allt är redan sparat. Varje ändring sparas direkt i filen."
    assert demo_window.controller.session.scores.text(TextScope.SUBAREA, "6.1").startswith(
        "Skrivet just nu. "
    )
    press(qtbot, demo_window, "Ctrl+W")
    assert demo_window.controller is None
    assert demo_window.central.currentWidget() is demo_window.welcome


def test_a_refused_score_says_why_beside_the_field_and_in_the_status_bar(demo_window, qtbot):
    card = area_page(demo_window, 1).cards["1.2"]  # max 10; the tester has not scored it
    card.score.setFocus()
    card.score.selectAll()
    qtbot.keyClicks(card.score, "99")
    qtbot.keyClick(card.score, Qt.Key.Key_Return)
    assert demo_window.controller.scores()["1.2"] is None and card.score.text() == ""
    assert "99 är över maxpoängen 10" in status(demo_window)
    assert card.score_error.isVisible() and "99 är över maxpoängen 10" in card.score_error.text()
    qtbot.keyClicks(card.score, "\b8")
    qtbot.keyClick(card.score, Qt.Key.Key_Return)
    assert demo_window.controller.scores()["1.2"] == 8 and not card.score_error.isVisible()


@pytest.fixture
def answer(monkeypatch):
    """Answers the delete question: clicks the button whose text contains ``answer.press``."""

    class Answer:
        press = ""
        asked: ClassVar[list[str]] = []

    def exec_(box):
        Answer.asked.append(f"{box.text()} | " + " | ".join(b.text() for b in box.buttons()))
        chosen = next((b for b in box.buttons() if Answer.press and Answer.press in b.text()), None)
        monkeypatch.setattr(box, "clickedButton", lambda: chosen)
        return 0

    monkeypatch.setattr(dialogs.QMessageBox, "exec", exec_)
    return Answer


def test_deleting_an_interview_with_notes_asks_first_and_undo_brings_everything_back(
    demo_window, qtbot, answer
):
    session = demo_window.controller.session
    press(qtbot, demo_window, "Ctrl+Shift+I")
    page = demo_window.workspace.pages["interviews"]
    interview = session.registers.interviews()[0]  # the management group: 8 notes
    notes = session.notes.all(interview_id=interview.id)
    assert len(notes) == 8
    linked = [f for f in session.findings.all() if set(f.note_ids) & {n.id for n in notes}]
    page.select(interview.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # answered with Avbryt
    assert "är källa till 8 anteckningar" in answer.asked[-1]
    assert "Ta bort intervjun och 8 anteckningar" in answer.asked[-1]
    assert interview.id in [i.id for i in session.registers.interviews()]
    answer.press = "Ta bort intervjun"
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert interview.id not in [i.id for i in session.registers.interviews()]
    assert session.notes.all(interview_id=interview.id) == []
    assert session.validate() == []  # no note cites a deleted interview, no finding a deleted note
    assert status(demo_window) == "Tog bort intervjun och 8 anteckningar. Ctrl+Z ångrar."
    press(qtbot, demo_window, "Ctrl+2")
    press(qtbot, demo_window, "Ctrl+Z")
    assert [n.id for n in session.notes.all(interview_id=interview.id)] == [n.id for n in notes]
    assert [f.note_ids for f in session.findings.all() if f.id in {x.id for x in linked}] == [
        f.note_ids for f in linked
    ]
    assert session.validate() == []
    assert demo_window.workspace.current == "interviews" and page.current_id() == interview.id
    assert status(demo_window) == "Ångrade: Ta bort intervju"


def test_every_delete_is_announced_and_undoable(demo_window, qtbot, answer):
    session = demo_window.controller.session
    page = area_page(demo_window, 1)
    # a note that supports a finding: asked first, the link goes with it
    finding = next(f for f in session.findings.all(1) if f.note_ids)
    note_id = finding.note_ids[0]
    card = page.cards[session.notes.get(note_id).subarea]
    card.notes.select_note(note_id)
    card.notes.setFocus()
    answer.press = "Ta bort anteckningen"
    qtbot.keyClick(card.notes, Qt.Key.Key_Delete)
    assert "Anteckningen stöder 1 iakttagelse:" in answer.asked[-1]
    assert note_id not in [n.id for n in session.notes.all()]
    assert note_id not in session.findings.get(finding.id).note_ids and session.validate() == []
    assert status(demo_window) == "Tog bort anteckningen. Ctrl+Z ångrar."
    press(qtbot, demo_window, "Ctrl+Z")
    assert note_id in session.findings.get(finding.id).note_ids
    # a finding (nothing depends on it: no question)
    asked = len(answer.asked)
    column = page.findings.columns[finding.kind]
    column.list.setFocus()
    column.list.setCurrentRow(0)
    gone = column._current()
    qtbot.keyClick(column.list, Qt.Key.Key_Delete)
    assert gone.id not in [f.id for f in session.findings.all(1)] and len(answer.asked) == asked
    assert status(demo_window) == "Tog bort iakttagelsen. Ctrl+Z ångrar."
    press(qtbot, demo_window, "Ctrl+Z")
    assert gone.id in [f.id for f in session.findings.all(1)]
    # an earlier evaluation on the summary page
    press(qtbot, demo_window, "Ctrl+0")
    box = demo_window.workspace.pages["summary"].comparisons
    box.earlier.setCurrentRow(0)
    earlier = session.registers.earlier()[0]
    next(b for b in box.findChildren(QPushButton) if b.text() == "Ta bort").click()
    assert session.registers.earlier() == []
    assert status(demo_window) == "Tog bort den tidigare utvärderingen. Ctrl+Z ångrar."
    press(qtbot, demo_window, "Ctrl+Z")
    assert [e.id for e in session.registers.earlier()] == [earlier.id]
    assert session.scores.all()["1.1"] == Decimal(13)


def test_deleting_a_record_nothing_depends_on_asks_nothing(demo_window, qtbot, answer):
    session = demo_window.controller.session
    doc = next(
        d for d in session.registers.documents() if not demo_window.controller.citing_notes("document", d.id)
    )
    press(qtbot, demo_window, "Ctrl+Shift+D")
    page = demo_window.workspace.pages["documents"]
    page.select(doc.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answer.asked == [] and doc.id not in [d.id for d in session.registers.documents()]
    assert status(demo_window) == "Tog bort dokumentet. Ctrl+Z ångrar."
