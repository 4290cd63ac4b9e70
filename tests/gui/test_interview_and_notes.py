"""Interview mode (keyboard-only note capture), moving and deleting notes, the draft that survives a crash."""

from __future__ import annotations

import json

from guisupport import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kompass_desktop.domain.model import SourceKind
from kompass_desktop.gui import interview_mode
from kompass_desktop.gui.interview_mode import DRAFT_KEY, InterviewPage
from kompass_desktop.gui.notes_list import ROLE_NOTE


def interview_page(win) -> InterviewPage:
    win.go("interview")
    page = win.workspace.pages["interview"]
    assert isinstance(page, InterviewPage)
    return page


def test_typing_and_enter_saves_a_tagged_note(demo_window, qtbot):
    page = interview_page(demo_window)
    chosen = demo_window.controller.session.registers.interviews()[3]
    assert page.source.set_value(f"interview:{chosen.id}")
    interview_id = page.current_interview_id()
    assert interview_id == chosen.id
    page.select_subarea("3.5")
    type_text(page.input, "Bolagen får ägardirektiv – men följs de upp?")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    assert page.input.toPlainText() == ""
    notes = demo_window.controller.session.notes.all(interview_id=interview_id)
    note = next(n for n in notes if n.body.startswith("Bolagen får ägardirektiv"))
    assert note.subarea == "3.5" and note.source_kind == SourceKind.INTERVIEW and note.captured_at
    assert page.recent.item(0).text().endswith("Bolagen får ägardirektiv – men följs de upp?")


def test_shift_enter_makes_a_new_line_not_a_note(demo_window, qtbot):
    page = interview_page(demo_window)
    before = len(demo_window.controller.session.notes.all())
    type_text(page.input, "rad ett")
    qtbot.keyClick(page.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(page.input, "rad två")
    assert page.input.toPlainText() == "rad ett\nrad två"
    assert len(demo_window.controller.session.notes.all()) == before
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    assert demo_window.controller.session.notes.all()[-1].body == "rad ett\nrad två"


def test_keyboard_moves_between_subareas_and_areas(demo_window, qtbot):
    page = interview_page(demo_window)
    page.select_subarea("1.1")
    page.input.setFocus()
    qtbot.keyClick(page.input, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.current_subarea() == "1.2"
    qtbot.keyClick(page.input, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.current_subarea() == "2.1"
    qtbot.keyClick(page.input, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.current_subarea() == "1.5"
    qtbot.keyClick(page.input, Qt.Key.Key_7, Qt.KeyboardModifier.AltModifier)
    assert page.current_subarea() == "7.1"
    qtbot.keyClick(page.input, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert page.current_subarea() is None
    assert "osorterad" in page.target.text()


def test_a_new_interview_can_be_created_quickly(demo_window, monkeypatch):
    page = interview_page(demo_window)

    def fake_exec(dialog):
        dialog.group.setCurrentIndex(dialog.group.findData("fack"))
        dialog.title.setText("Extra fackligt möte")
        dialog.roles.setText("Kommunal, Vision")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(interview_mode.NewInterviewDialog, "exec", fake_exec)
    page.create_interview()
    created = demo_window.controller.session.registers.interviews()[-1]
    assert created.title == "Extra fackligt möte" and created.group == "fack"
    assert created.roles == ("Kommunal", "Vision")
    assert page.current_interview_id() == created.id


def test_the_note_being_typed_survives_a_crash(window, demo_copy, qtbot, tmp_path):
    assert window.open_file(demo_copy)
    page = interview_page(window)
    page.select_subarea("6.3")
    type_text(page.input, "Halvskriven mening om idéslussen")
    qtbot.waitUntil(lambda: "idéslussen" in window.controller.session.draft(DRAFT_KEY), timeout=1000)
    draft = json.loads(window.controller.session.draft(DRAFT_KEY))
    assert draft["subarea"] == "6.3"
    # what is on disk at this moment (a consistent copy of the committed state) is what a crash leaves
    on_disk = tmp_path / "efter-krasch.kompass"
    window.controller.session.save_copy(on_disk)
    window.close_evaluation()
    assert window.open_file(on_disk)
    page = interview_page(window)
    assert page.input.toPlainText() == "Halvskriven mening om idéslussen"
    assert page.current_subarea() == "6.3"


def test_a_note_can_be_moved_to_another_subarea_and_back(demo_window, monkeypatch):
    from kompass_desktop.gui import notes_list

    page = demo_window.workspace.page("area:1")
    demo_window.go("area:1")
    notes = page.cards["1.1"].notes
    notes.setCurrentRow(0)
    note_id = notes.current_note_id()

    class Choose:
        def __init__(self, framework, current, parent):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

        def chosen(self):
            return "2.3"

    monkeypatch.setattr(notes_list, "ChooseSubAreaDialog", Choose)
    notes.move_current()
    session = demo_window.controller.session
    assert session.notes.get(note_id).subarea == "2.3"
    assert note_id not in [n.id for n in session.notes.all("1.1")]
    demo_window.undo_action.trigger()
    assert session.notes.get(note_id).subarea == "1.1"


def test_deleting_a_note_is_undoable(demo_window, qtbot):
    page = demo_window.workspace.page("area:4")
    demo_window.go("area:4")
    # a note no finding cites (one that supports a finding asks first: test_navigation_and_undo)
    linked = {n for f in demo_window.controller.session.findings.all() for n in f.note_ids}
    notes, free = next(
        (card.notes, row)
        for card in page.cards.values()
        for row in range(card.notes.count())
        if card.notes.item(row).data(ROLE_NOTE) not in linked
    )
    count = notes.count()
    notes.setCurrentRow(free)
    note_id = notes.current_note_id()
    subarea = demo_window.controller.session.notes.get(note_id).subarea
    notes.setFocus()
    qtbot.keyClick(notes, Qt.Key.Key_Delete)
    assert notes.count() == count - 1
    assert note_id not in [n.id for n in demo_window.controller.session.notes.all(subarea)]
    demo_window.undo_action.trigger()
    assert notes.count() == count
    assert note_id in [n.id for n in demo_window.controller.session.notes.all(subarea)]


def test_unsorted_notes_are_kept_and_listed(demo_window, qtbot):
    page = interview_page(demo_window)
    page.select_subarea("")
    type_text(page.input, "Osorterad iakttagelse")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    unsorted = demo_window.controller.session.notes.all(unsorted=True)
    assert "Osorterad iakttagelse" in [n.body for n in unsorted]


def test_a_note_can_cite_a_document_and_page(demo_window, qtbot):
    page = demo_window.workspace.page("area:3")
    demo_window.go("area:3")
    doc = next(d for d in demo_window.controller.session.registers.documents() if "ägardirektiv" in d.title)
    picker = demo_window.source_picker  # in the status bar, for every page
    assert picker.set_value(f"document:{doc.id}")
    assert picker.page.isVisible()
    qtbot.keyClicks(picker.page, "12")
    card = page.cards["3.5"]
    card.quick_note.setText("Ägardirektiven saknar krav på rapportering till KS")
    qtbot.keyClick(card.quick_note, Qt.Key.Key_Return)
    note = demo_window.controller.session.notes.all("3.5")[-1]
    assert note.source_kind == SourceKind.DOCUMENT and note.document_id == doc.id and note.page == "12"
    assert f"{doc.title}, s. 12" in card.notes.item(card.notes.count() - 1).text()


def test_interview_mode_can_take_notes_from_a_web_source(demo_window, qtbot):
    page = interview_page(demo_window)
    web = demo_window.controller.session.registers.web_sources()[0]
    assert page.source.set_value(f"web:{web.id}")
    page.select_subarea("1.2")
    type_text(page.input, "Webbplatsen saknar protokoll")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    note = demo_window.controller.session.notes.all()[-1]
    assert note.source_kind == SourceKind.WEB and note.web_id == web.id
    assert page.recent.item(0).text().endswith("Webbplatsen saknar protokoll")
