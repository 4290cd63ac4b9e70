"""Every note gets the right source (issue 14, point 1): one current source for the whole window,
shown at all times, proposed from the visit schedule by the (injected) clock."""

from __future__ import annotations

from datetime import datetime

from guisupport import press, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kompass_desktop.domain.model import SourceKind


def open_demo_at(window, demo_copy, clock, when):
    clock.now = when
    assert window.open_file(demo_copy)
    return window.controller.session


def interview(session, title_start):
    return next(i for i in session.registers.interviews() if i.title.startswith(title_start))


def on_screen(widget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def test_the_interview_going_on_now_is_the_source_on_every_page(window, demo_copy, clock, qtbot):
    session = open_demo_at(window, demo_copy, clock, datetime(2025, 10, 15, 10, 40))
    union = interview(session, "Fackliga")
    picker = window.source_picker
    assert picker.label() == "Intervju: Fackliga företrädare, 15/10 10:15–11:30"
    for keys in ("Ctrl+0", "Ctrl+3", "Ctrl+I", "Ctrl+Shift+I", "Ctrl+Shift+T", "Ctrl+F"):
        press(qtbot, window, keys)
        assert on_screen(picker.combo), keys  # shown at all times
    press(qtbot, window, "Ctrl+I")
    page = window.workspace.pages["interview"]
    assert page.source.label() == picker.label()
    page.select_subarea("2.4")
    type_text(page.input, "Föreningsbidragen följs inte upp")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    press(qtbot, window, "Ctrl+2")  # the same source on an area page (it used to be "utan källa")
    card = window.workspace.pages["area:2"].cards["2.3"]
    card.quick_note.setFocus()
    type_text(card.quick_note, "Klimatmålen saknar budget")
    qtbot.keyClick(card.quick_note, Qt.Key.Key_Return)
    for body in ("Föreningsbidragen följs inte upp", "Klimatmålen saknar budget"):
        note = next(n for n in session.notes.all() if n.body == body)
        assert note.source_kind == SourceKind.INTERVIEW and note.interview_id == union.id
    # a source chosen on one page is the source on every page
    press(qtbot, window, "Ctrl+I")
    other = interview(session, "Nämndordförande")
    assert page.source.set_value(f"interview:{other.id}")
    assert picker.value() == f"interview:{other.id}"
    press(qtbot, window, "Ctrl+5")
    card = window.workspace.pages["area:5"].cards["5.1"]
    assert "Nämndordförande i majoriteten" in card.quick_note.placeholderText()
    card.quick_note.setFocus()
    type_text(card.quick_note, "Brukarrådet träffas sällan")
    qtbot.keyClick(card.quick_note, Qt.Key.Key_Return)
    assert session.notes.all("5.1")[-1].interview_id == other.id


def test_before_the_first_interview_the_next_one_today_is_proposed(window, demo_copy, clock):
    session = open_demo_at(window, demo_copy, clock, datetime(2025, 10, 16, 7, 50))
    assert window.source_picker.value() == f"interview:{interview(session, 'De kommunala bolagen').id}"
    window.go("interview")
    assert window.workspace.pages["interview"].current_interview_id() == interview(session, "De kommunala").id


def test_the_source_follows_the_schedule_until_the_evaluator_chooses(window, demo_copy, clock):
    session = open_demo_at(window, demo_copy, clock, datetime(2025, 10, 14, 10, 30))
    picker = window.source_picker
    assert picker.value() == f"interview:{interview(session, 'Politisk ledning').id}"
    timer = window.workspace.findChild(QTimer, "schedule-clock")
    assert timer.isActive()
    clock.now = datetime(2025, 10, 14, 13, 5)
    timer.timeout.emit()
    assert picker.value() == f"interview:{interview(session, 'Förvaltningschefer').id}"
    assert window.statusBar().currentMessage() == (
        "Källa enligt besöksschemat: Intervju: Förvaltningschefer, 14/10 13:00–14:30"
    )
    document = session.registers.documents()[0]
    assert picker.set_value(f"document:{document.id}")  # the evaluator's choice is kept
    clock.now = datetime(2025, 10, 14, 14, 50)
    timer.timeout.emit()
    assert picker.value() == f"document:{document.id}"


def test_a_note_without_a_source_only_by_an_explicit_choice(window, demo_copy, qtbot):
    assert window.open_file(demo_copy)  # a day without interviews: nothing proposed
    session = window.controller.session
    picker = window.source_picker
    assert picker.label() == "Välj källa…"
    before = len(session.notes.all())
    press(qtbot, window, "Ctrl+1")
    card = window.workspace.pages["area:1"].cards["1.3"]
    assert "välj källa först" in card.quick_note.placeholderText()
    card.quick_note.setFocus()
    type_text(card.quick_note, "Medborgarpanelen har lagts ned")
    qtbot.keyClick(card.quick_note, Qt.Key.Key_Return)
    assert len(session.notes.all()) == before  # not saved "utan källa" behind the evaluator's back
    assert card.quick_note.text() == "Medborgarpanelen har lagts ned"
    assert "Välj källa för anteckningen först" in window.statusBar().currentMessage()
    popup = picker.combo.view()
    assert popup.isVisible()  # the choice is open, ready for the keyboard
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # "Utan källa": an explicit choice
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.label() == "Utan källa"
    assert QApplication.focusWidget() is card.quick_note  # back where the note was typed
    qtbot.keyClick(card.quick_note, Qt.Key.Key_Return)
    note = session.notes.all("1.3")[-1]
    assert note.body == "Medborgarpanelen har lagts ned" and note.source_kind == SourceKind.NONE
    # the coverage page lists the notes without a source and opens them
    press(qtbot, window, "Ctrl+Shift+T")
    coverage = window.workspace.pages["coverage"]
    assert coverage.unsourced_label.text().startswith("<b>Anteckningar utan källa (1)</b>")
    assert coverage.unsourced.count() == 1
    coverage.unsourced.setCurrentRow(0)
    coverage.unsourced.setFocus()
    qtbot.keyClick(coverage.unsourced, Qt.Key.Key_Return)
    assert window.workspace.current == "area:1"
    assert card.notes.current_note_id() == note.id and card.notes.hasFocus()
