"""GUI regression tests for bugs found in review."""

from __future__ import annotations

from guisupport import DEMO_VISIT, area_page

from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import SourceKind
from kompass_desktop.gui import findings as findings_module
from kompass_desktop.gui.source_picker import NONE


def test_text_left_in_new_note_and_finding_fields_is_saved_on_close(window, demo_copy, clock):
    clock.now = DEMO_VISIT  # a source is proposed: the note is saved with it
    assert window.open_file(demo_copy)
    page = area_page(window, 1)
    page.cards["1.1"].quick_note.setText("Viktig iakttagelse som inte fick Enter")
    page.findings.columns[FindingKind.STRENGTH].input.setText("Styrka som inte fick Enter")
    window.close_evaluation()
    assert window.open_file(demo_copy)
    session = window.controller.session
    saved = next(n for n in session.notes.all("1.1") if n.body == "Viktig iakttagelse som inte fick Enter")
    assert saved.source_kind == SourceKind.INTERVIEW
    assert "Styrka som inte fick Enter" in [f.body for f in session.findings.all(1)]


def test_a_note_left_without_a_source_waits_in_its_field(window, demo_copy):
    assert window.open_file(demo_copy)  # no interview today: no source
    area_page(window, 2).cards["2.2"].quick_note.setText("Ingen källa vald än")
    window.close_evaluation()
    assert window.open_file(demo_copy)
    assert "Ingen källa vald än" not in [n.body for n in window.controller.session.notes.all()]
    assert area_page(window, 2).cards["2.2"].quick_note.text() == "Ingen källa vald än"


def test_interview_mode_keeps_the_chosen_no_source(demo_window):
    demo_window.go("interview")
    page = demo_window.workspace.pages["interview"]
    assert page.source.set_value(NONE)
    demo_window.go("area:2")
    demo_window.controller.set_score("2.1", "9")
    demo_window.go("interview")
    assert page.source.value() == NONE
    page.input.setPlainText("Utan källa")
    page.save_note()
    assert demo_window.controller.session.notes.all()[-1].source_kind == SourceKind.NONE


def test_linking_notes_keeps_links_to_notes_in_other_areas(demo_window, monkeypatch):
    session = demo_window.controller.session
    finding = next(f for f in session.findings.all(1) if len(f.note_ids) >= 1)
    moved = finding.note_ids[0]
    session.notes.move(moved, "7.2")
    page = area_page(demo_window, 1)
    column = page.findings.columns[finding.kind]
    for row in range(column.list.count()):
        if column.list.item(row).data(findings_module.ROLE_ID) == finding.id:
            column.list.setCurrentRow(row)
    shown = {}

    class Unchanged:
        def __init__(self, notes, linked, sources, parent, finding=""):
            shown["ids"] = {n.id for n in notes}
            self.linked = set(linked)

        def exec(self):
            return 1

        def checked(self):
            return self.linked

    monkeypatch.setattr(findings_module, "LinkNotesDialog", Unchanged)
    column._link()
    assert moved in shown["ids"]  # the note filed under area 7 is listed too
    assert moved in session.findings.get(finding.id).note_ids


def test_a_read_only_file_cannot_be_typed_into(window, demo_copy):
    from kompass_desktop.services import EvaluationSession

    session = EvaluationSession.open(demo_copy, readonly=True)
    window._attach(session)
    page = area_page(window, 1)
    assert page.cards["1.1"].text.isReadOnly() and page.cards["1.1"].score.isReadOnly()
    window.go("search")
    assert not window.workspace.pages["search"].query.isReadOnly()
    assert "skrivskyddad" in window.windowTitle()
