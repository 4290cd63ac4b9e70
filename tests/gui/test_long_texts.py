"""A very long note or finding (a pasted 200 KB text) is kept whole, but the lists show its
beginning and say how much more there is: the page stays a page and the window keeps
answering (a list lays out every row's whole text on every change and resize)."""

from __future__ import annotations

import re

from guisupport import area_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kompass_desktop.domain.framework import FindingKind

WORDS = "Kommunen följer upp målen i styrmodellen och redovisar resultaten öppet. "
LONG = "Lång text. " + (WORDS * (200_000 // len(WORDS) + 1))[:200_000]


def shown_rest(row_text: str) -> tuple[str, int]:
    """The part of the text a row shows and the number of characters it says are left."""
    found = re.search(r"… \((\d+) tecken till\)$", row_text)
    assert found, f"the row does not say how much more there is: {row_text[-80:]!r}"
    return row_text[: found.start()].rstrip(), int(found.group(1))


def text_opened_by_f2(qtbot, monkeypatch, module, view, row) -> str:
    """The text the edit dialog opens with when F2 is pressed on ``row`` of ``view``."""
    opened = []

    def edit(dialog):
        opened.append(dialog.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(module.EditTextDialog, "exec", edit)
    view.setCurrentItem(row)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert len(opened) == 1
    return opened[0]


def test_a_200_kb_note_shows_its_beginning_and_opens_whole(demo_window, qtbot, monkeypatch):
    from kompass_desktop.gui import notes_list as notes_module

    session = demo_window.controller.session
    card = area_page(demo_window, 2).cards["2.1"]
    card.quick_note.setFocus()
    card.quick_note.setText(LONG)  # pasted
    qtbot.keyClick(card.quick_note, Qt.Key.Key_Return)
    note = next(n for n in session.notes.all() if n.body == LONG)  # stored whole

    row = next(
        card.notes.item(r)
        for r in range(card.notes.count())
        if card.notes.item(r).data(notes_module.ROLE_NOTE) == note.id
    )
    body = row.text().split("\n", 1)[1]
    shown, rest = shown_rest(body)
    assert LONG.startswith(shown) and 300 < len(shown) <= 1000
    assert len(shown) + rest == len(LONG) + 1 or len(shown) + rest == len(LONG)  # the space cut
    assert len(row.toolTip()) < 3000
    qtbot.waitUntil(lambda: card.notes.height() > 0)
    card.notes.fit()
    assert card.notes.height() < demo_window.height()  # a page, not hundreds of screens

    assert text_opened_by_f2(qtbot, monkeypatch, notes_module, card.notes, row) == LONG
    assert session.notes.get(note.id).body == LONG


def test_a_200_kb_finding_shows_its_beginning_and_opens_whole(demo_window, qtbot, monkeypatch):
    from kompass_desktop.gui import findings as findings_module

    session = demo_window.controller.session
    column = area_page(demo_window, 2).findings.columns[FindingKind.STRENGTH]
    column.input.setFocus()
    column.input.setText(LONG)
    qtbot.keyClick(column.input, Qt.Key.Key_Return)
    finding = next(f for f in session.findings.all(2) if f.body == LONG)

    row = column.list.item(column.list.count() - 1)
    assert row.data(findings_module.ROLE_ID) == finding.id
    shown, rest = shown_rest(row.text().removeprefix("• "))
    assert LONG.startswith(shown) and 300 < len(shown) <= 1000 and rest > 199_000
    column.list.fit()
    assert column.list.height() < demo_window.height()

    assert text_opened_by_f2(qtbot, monkeypatch, findings_module, column.list, row) == LONG
    assert session.findings.get(finding.id).body == LONG


def test_a_short_text_is_shown_whole(demo_window, qtbot):
    card = area_page(demo_window, 2).cards["2.1"]
    card.quick_note.setFocus()
    card.quick_note.setText("Kort anteckning.")
    qtbot.keyClick(card.quick_note, Qt.Key.Key_Return)
    rows = [card.notes.item(r).text() for r in range(card.notes.count())]
    assert any(r.endswith("\nKort anteckning.") for r in rows)
    assert not any("tecken till" in r for r in rows)
