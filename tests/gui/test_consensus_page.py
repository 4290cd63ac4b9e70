"""The consensus page, driven like a user: two evaluators' merged scores side by side, the largest
disagreement first, the agreed score and its reason typed in place (with undo), hiding the
others' scores while scoring, choosing who I am, and the team's agreement on the summary."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from guisupport import area_page, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kompass_desktop import resources
from kompass_desktop.exchange.merge import apply_merge, plan_merge
from kompass_desktop.services import EvaluationSession, NewEvaluation

SHOTS = Path("/work/wt/consensus-shots")


def shot(widget, name: str) -> None:
    """Screenshots for a person to look at (only where that folder exists)."""
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def merged(tmp_path, monkeypatch):
    """anna's file after merging bo's copy: 1.1 anna 12 / bo 15 (spread 3 of 20: matters),
    1.2 5 / 6 (1 of 10), 1.3 equal, 2.1 only bo."""
    fw = resources.framework("2019")
    anna = tmp_path / "anna.kompass"
    spec = NewEvaluation(fw, "Delby", 2025, evaluators=("anna", "bo"))
    with EvaluationSession.create(anna, spec, author="anna") as s:
        s.scores.set_many({"1.1": 12, "1.2": 5, "1.3": 20})
        s.consensus.set_rationale("1.1", "Planen är inte beslutad")
    bo = tmp_path / "bo.kompass"
    shutil.copy(anna, bo)
    with EvaluationSession.open(bo, author="bo") as s:
        s.scores.set_many({"1.1": 15, "1.2": 6, "1.3": 20, "2.1": 9})
    with EvaluationSession.open(anna, author="anna") as s:
        apply_merge(s, plan_merge(s, bo))
    monkeypatch.setenv("KOMPASS_AUTHOR", "anna")
    return anna


def open_page(window, path):
    assert window.open_file(path)
    window.workspace.navigate("consensus")
    return window.workspace.pages["consensus"]


def column(page, title: str) -> int:
    for col in range(page.table.columnCount()):
        header = page.table.horizontalHeaderItem(col)
        if header is not None and " ".join(header.text().replace("-\n", "").split()) == title:
            return col
    raise AssertionError(f"no column {title}")


def cell(page, number: str, title: str) -> str:
    item = page.table.item(page.rows.index(number), column(page, title))
    return "" if item is None else item.text()


def type_into(qtbot, page, number: str, title: str, text: str) -> None:
    """Select the cell and type, as a user does (typing starts editing), then Enter."""
    page.table.setFocus()
    page.table.setCurrentCell(page.rows.index(number), column(page, title))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)  # start editing the cell
    editors = [e for e in page.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits the editor's text in a queued call


def test_scores_side_by_side_with_the_largest_disagreement_first(window, merged):
    page = open_page(window, merged)
    assert page.rows[:3] == ["1.1", "1.2", "1.3"]  # 3 of 20 (15 %), 1 of 10 (10 %), equal
    assert cell(page, "1.1", "Jag (anna)") == "12" and cell(page, "1.1", "bo") == "15"
    assert cell(page, "1.1", "Min motivering") == "Planen är inte beslutad"
    assert cell(page, "1.1", "Spridning") == "3 !"  # the spread that matters is marked…
    spread = page.table.item(0, column(page, "Spridning"))
    assert spread.background().color().name() == "#fff1b8"  # …and highlighted
    assert cell(page, "1.2", "Spridning") == "1"
    assert (cell(page, "1.1", "Läge"), cell(page, "1.1", "Överenskommen")) == ("oense", "")
    assert cell(page, "1.3", "Läge") == "överens från början"
    assert cell(page, "2.1", "Läge") == "en bedömning" and cell(page, "2.1", "Jag (anna)") == ""
    assert "1 av 3 delfrågor med flera bedömningar lika (33 %)" in page.agreement.text()
    shot(window, "consensus-page")


def test_agreed_score_and_reason_typed_in_place_with_undo(window, merged, qtbot):
    page = open_page(window, merged)
    session = window.controller.session
    type_into(qtbot, page, "1.1", "Överenskommen", "14")
    assert session.consensus.subarea("1.1").recorded is None  # the reason is required: nothing stored
    assert page.message.isVisible() and "Skriv skälet i kolumnen Skäl" in page.message.text()
    assert cell(page, "1.1", "Överenskommen") == "14"  # what was typed waits for its reason
    type_into(qtbot, page, "1.1", "Skäl", "Planen finns men följs inte upp")
    recorded = session.consensus.subarea("1.1").recorded
    assert recorded is not None and (recorded.points, recorded.reason) == (
        14,
        "Planen finns men följs inte upp",
    )
    assert (cell(page, "1.1", "Läge"), cell(page, "1.1", "Överenskommen")) == ("överens", "14")
    assert not page.message.isVisible()
    assert session.scores.all()["1.1"] == 14
    assert window.workspace.nav._items["sub:1.1"].text(1) == "14/20"
    shot(window, "consensus-agreed")
    assert window.controller.undo()
    assert session.consensus.subarea("1.1").recorded is None and cell(page, "1.1", "Läge") == "oense"
    assert window.controller.redo()
    assert session.consensus.subarea("1.1").agreed == 14


def test_an_agreed_score_waits_for_its_reason_also_in_english(english, window, merged, qtbot):
    """The hint to write the reason, and the typed score kept until it is there, come from the
    kind of refusal, not from the words of the message: the same in every language."""
    page = open_page(window, merged)
    session = window.controller.session
    type_into(qtbot, page, "1.1", "Agreed", "14")
    assert session.consensus.subarea("1.1").recorded is None
    assert "Write the reason in the Reason column; the score is saved then." in page.message.text()
    assert cell(page, "1.1", "Agreed") == "14"  # what was typed waits for its reason
    type_into(qtbot, page, "1.1", "Reason", "The plan is not followed up")
    recorded = session.consensus.subarea("1.1").recorded
    assert recorded is not None and (recorded.points, recorded.reason) == (14, "The plan is not followed up")


def test_an_agreed_score_over_the_maximum_is_refused_and_said_why(window, merged, qtbot):
    page = open_page(window, merged)
    type_into(qtbot, page, "1.3", "Överenskommen", "31")
    assert "31 är över maxpoängen 30" in page.message.text()
    assert window.controller.session.consensus.subarea("1.3").recorded is None
    assert cell(page, "1.3", "Överenskommen") == ""


def test_my_own_score_can_be_set_on_the_page(window, merged, qtbot):
    page = open_page(window, merged)
    type_into(qtbot, page, "2.1", "Jag (anna)", "9")
    sub = window.controller.session.consensus.subarea("2.1")
    assert (
        sub.points == {"anna": Decimal(9), "bo": Decimal(9)}
        and cell(page, "2.1", "Läge") == "överens från början"
    )


def test_hiding_the_others_scores_until_i_have_scored(window, merged, qtbot):
    page = open_page(window, merged)
    page.hide_others.setChecked(True)
    assert cell(page, "2.1", "bo") == "dolt" and cell(page, "2.1", "Läge") == "dolt"
    assert cell(page, "1.1", "bo") == "15"  # I have scored 1.1 myself
    nav = window.workspace.nav
    assert nav._items["sub:2.1"].text(1) == "–/15"
    card = area_page(window, 2).cards["2.1"]
    assert card.score.text() == "" and card.score.placeholderText() == "–"
    assert "visas när du har poängsatt" in card.consensus_hint.text()
    shot(window, "area-hidden")
    card.score.setFocus()
    qtbot.keyClicks(card.score, "7")
    qtbot.keyClick(card.score, Qt.Key.Key_Return)
    assert "bo 9" in card.consensus_hint.text() and "oense" in card.consensus_hint.text()
    window.workspace.navigate("consensus")
    page.hide_others.setChecked(False)
    assert nav._items["sub:1.2"].text(1) == "–/10"  # open: no agreed score


def test_the_area_page_shows_the_others_and_the_agreed_score(window, merged):
    card = area_page(open_page(window, merged) and window, 2).cards["2.1"]
    assert card.score.text() == "" and card.score.placeholderText() == "9"  # bo's counts (single)
    assert card.consensus_hint.text() == "Andras poäng: bo 9 · Överenskommen: 9 (en bedömning)"
    shot(window, "area-consensus-hint")


def test_choosing_who_i_am(window, merged, qtbot):
    page = open_page(window, merged)
    assert [page.evaluator.itemText(i) for i in range(page.evaluator.count())] == ["anna", "bo"]
    page.evaluator.setCurrentIndex(1)
    page.evaluator.activated.emit(1)
    assert window.controller.session.author == "bo"
    assert column(page, "Jag (bo)") == 1 and cell(page, "2.1", "Jag (bo)") == "9"
    assert window.controller.undo_stack.count() == 0  # undo steps made as anna are not replayed as bo
    window.close_evaluation()
    assert window.open_file(merged)  # the choice is remembered for this evaluation
    assert window.controller.session.author == "bo"


def test_summary_shows_the_team_agreement_and_open_items_lead_to_the_page(window, merged):
    assert window.open_file(merged)
    window.workspace.navigate("summary")
    summary = window.workspace.pages["summary"]
    assert (
        "1 av 3 delfrågor med flera bedömningar lika (33 %), medelavvikelse 1,33 poäng"
        in summary.agreement.text()
    )
    items = [summary.open_items.item(i) for i in range(summary.open_items.count())]
    open_one = next(i for i in items if "inte enats om poängen (anna 12, bo 15)" in i.text())
    shot(window, "summary-agreement")
    summary._open_item(open_one)
    assert window.workspace.current == "consensus"


def test_ctrl_shift_e_goes_to_the_consensus_page(window, merged, qtbot):
    assert window.open_file(merged)
    press(qtbot, window, "Ctrl+Shift+E")
    assert window.workspace.current == "consensus"


def test_every_column_is_in_view_on_a_laptop_screen(window, tmp_path, monkeypatch, qtbot):
    """Three evaluators with long names and rationales: at 1280×720 (a 1920×1080 screen at
    150 %) the reason and my rationale are on screen, not behind a horizontal scroll bar."""
    fw = resources.framework("2019")
    path = tmp_path / "lag.kompass"
    names = ("Karin Ekström", "Johan Almqvist", "Anna-Lena Björk")
    with EvaluationSession.create(
        path, NewEvaluation(fw, "Delby", 2025, evaluators=names), author=names[0]
    ) as s:
        s.scores.set_many({"1.1": 12})
        s.consensus.set_rationale("1.1", "Planen är inte beslutad och följs inte upp i nämnderna")
    for name, points in ((names[1], 16), (names[2], 9)):
        with EvaluationSession.open(path, author=name) as s:
            s.scores.set_many({"1.1": points})
            s.consensus.set_rationale("1.1", "Dialogforumen finns men återkopplingen till medborgarna saknas")
    monkeypatch.setenv("KOMPASS_AUTHOR", names[0])
    window.resize(1280, 720)
    page = open_page(window, path)
    qtbot.waitUntil(lambda: page.table.viewport().width() > 0)
    QApplication.processEvents()
    widths = [page.table.columnWidth(c) for c in range(page.table.columnCount())]
    assert sum(widths) <= page.table.viewport().width()
    assert not page.table.horizontalScrollBar().isVisible()
    assert column(page, "Min motivering") == page.table.columnCount() - 1
