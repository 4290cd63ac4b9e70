"""Export to SKR, importing an export and merging a co-evaluator's file from the GUI."""

from __future__ import annotations

import shutil
from decimal import Decimal

from PySide6.QtWidgets import QDialog, QMessageBox

from kompass_desktop.domain.model import SourceKind
from kompass_desktop.gui import exchange_ui
from kompass_desktop.gui.consensus_actions import agree
from kompass_desktop.services import EvaluationSession


def test_export_leaves_personal_data_out_by_default(demo_window, tmp_path, monkeypatch):
    target = tmp_path / "till-skr.kkx"
    shown = []

    def fill(dialog):
        assert not dialog.personal.isChecked()
        dialog.out.setText(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(exchange_ui.ExportDialog, "exec", fill)
    monkeypatch.setattr(exchange_ui.QMessageBox, "information", lambda *a: shown.append(a[2]))
    demo_window.export()
    assert target.exists() and "kontrollerades" in shown[0]
    imported = tmp_path / "importerad.kompass"
    monkeypatch.setattr(exchange_ui.QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(exchange_ui.QFileDialog, "getSaveFileName", lambda *a, **k: (str(imported), ""))
    demo_window.import_export()
    session = demo_window.controller.session
    assert session.path == imported
    assert all(n.source_kind != SourceKind.INTERVIEW for n in session.notes.all())
    assert all(not i.names for i in session.registers.interviews())
    assert session.summary().total == Decimal("517.5")


def test_merge_shows_conflicts_and_keeps_the_losing_value(window, demo_copy, tmp_path, monkeypatch):
    colleague = tmp_path / "kollega.kompass"
    shutil.copy(demo_copy, colleague)
    with EvaluationSession.open(colleague, author="Kollega") as other:
        other.consensus.agree("3.2", "25", "Kollegans skäl")
        other.notes.add("Kollegans anteckning om nämndernas mål", "3.2")
    assert window.open_file(demo_copy)
    assert agree(window.controller, "3.2", "20", "Huvudfilens skäl")[0]
    seen = {}

    def choose_other(dialog):
        seen["rows"] = dialog.table.rowCount()
        seen["label"] = dialog.table.item(0, 0).text()
        seen["lead"] = dialog.table.item(0, 1).text()
        seen["other"] = dialog.table.item(0, 2).text()
        for combo in dialog.choices.values():
            combo.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(exchange_ui.ConflictsDialog, "exec", choose_other)
    monkeypatch.setattr(exchange_ui.QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    assert window.controller.undo_stack.canUndo()
    assert exchange_ui.merge_other_file(window, window.controller, colleague)
    assert not window.controller.undo_stack.canUndo()  # undo steps from before may not fit any more
    assert seen == {
        "rows": 1,
        "label": "Överenskommen poäng för delfråga 3.2",
        "lead": "Poäng: 20\nSkäl: Huvudfilens skäl",
        "other": "Poäng: 25\nSkäl: Kollegans skäl",
    }
    session = window.controller.session
    assert session.scores.all()["3.2"] == 25
    assert "Kollegans anteckning om nämndernas mål" in [n.body for n in session.notes.all("3.2")]
    score_id = session.file.rows("scores", "subarea = '3.2'")[0]["id"]
    reasons = [h["reason"] for h in session.file.history(score_id)]
    assert "merge-lost" in reasons
    page = window.workspace.page("area:3")
    window.go("area:3")
    assert page.cards["3.2"].score.placeholderText() == "25"  # the agreed score (the tester's own is empty)


def test_the_conflicts_are_named_in_english(english, window, demo_copy, tmp_path, monkeypatch):
    colleague = tmp_path / "kollega.kompass"
    shutil.copy(demo_copy, colleague)
    with EvaluationSession.open(colleague, author="Kollega") as other:
        other.consensus.agree("3.2", "22.5", "Kollegans skäl")
        first = other.notes.all("3.2")[0]
        other.notes.delete(first.id)
    with EvaluationSession.open(demo_copy, author="Lead") as lead:
        lead.consensus.agree("3.2", "20", "Huvudfilens skäl")
        lead.notes.update(lead.notes.all("3.2")[0].id, body="Huvudfilens anteckning")
    assert window.open_file(demo_copy)
    seen = []

    def look(dialog):
        table = dialog.table
        seen.extend([table.item(row, col).text() for col in range(3)] for row in range(table.rowCount()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(exchange_ui.ConflictsDialog, "exec", look)
    assert not exchange_ui.merge_other_file(window, window.controller, colleague)
    assert seen == [
        [
            "Note “Huvudfilens anteckning”",
            "Text: Huvudfilens anteckning\nDeleted: no",
            f"Text: {first.body}\nDeleted: yes",
        ],
        [
            "Agreed score for sub-area 3.2",
            "Score: 20\nReason: Huvudfilens skäl",
            "Score: 22,5\nReason: Kollegans skäl",
        ],
    ]
