"""Issue 14 §5/§6: actions an evaluator can find (visible buttons, clear menus) and one wording
per thing, driven with clicks and keys as a user would."""

from __future__ import annotations

from pathlib import Path

from guisupport import area_page, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFormLayout, QLabel, QMenu

from kompass_desktop.domain.framework import FindingKind


def visible_button(widget, text):
    """The button a user reads ``text`` on (it must be shown, not only reachable by a key)."""
    found = [b for b in widget.findChildren(QAbstractButton) if b.text() == text and b.isVisible()]
    assert found, f"no visible button {text!r}"
    return found[0]


def click_row(qtbot, view, row):
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def strengths(session, area):
    return [f for f in session.findings.all(area) if f.kind == FindingKind.STRENGTH]


def test_findings_are_edited_moved_linked_and_deleted_with_visible_buttons(demo_window, qtbot, monkeypatch):
    from kompass_desktop.gui import findings as findings_module

    session = demo_window.controller.session
    page = area_page(demo_window, 1)
    column = page.findings.columns[FindingKind.STRENGTH]
    first, second = strengths(session, 1)[:2]
    assert not visible_button(column, "Ta bort").isEnabled()  # nothing chosen yet

    click_row(qtbot, column.list, 0)
    qtbot.mouseClick(visible_button(column, "↓"), Qt.MouseButton.LeftButton)
    assert [f.id for f in strengths(session, 1)][:2] == [second.id, first.id]
    qtbot.mouseClick(visible_button(column, "↑"), Qt.MouseButton.LeftButton)
    assert [f.id for f in strengths(session, 1)][:2] == [first.id, second.id]

    def edit(dialog):
        dialog.edit.selectAll()
        type_text(dialog.edit, "Tydlig styrning av demokratiarbetet")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(findings_module.EditTextDialog, "exec", edit)
    qtbot.mouseClick(visible_button(column, "Redigera…"), Qt.MouseButton.LeftButton)
    assert session.findings.get(first.id).body == "Tydlig styrning av demokratiarbetet"

    shown = {}

    def link(dialog):
        shown["texts"] = [label.text() for label in dialog.findChildren(QLabel)]
        unticked = Qt.CheckState.Unchecked
        row = next(r for r in range(dialog.list.count()) if dialog.list.item(r).checkState() == unticked)
        shown["note"] = dialog.list.item(row).data(findings_module.ROLE_ID)
        dialog.list.setFocus()
        dialog.list.setCurrentRow(row)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # tick it, as the dialog says
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(findings_module.LinkNotesDialog, "exec", link)
    qtbot.mouseClick(visible_button(column, "Koppla…"), Qt.MouseButton.LeftButton)
    assert "Iakttagelse: ”Tydlig styrning av demokratiarbetet”" in shown["texts"]
    assert any("Kryssa för de anteckningar som stöder iakttagelsen" in t for t in shown["texts"])
    assert shown["note"] in session.findings.get(first.id).note_ids

    qtbot.mouseClick(visible_button(column, "Ta bort"), Qt.MouseButton.LeftButton)
    assert first.id not in [f.id for f in strengths(session, 1)]


def test_ctrl_m_in_the_note_input_moves_the_note_just_saved(demo_window, qtbot, monkeypatch):
    from kompass_desktop.gui import dialogs

    press(qtbot, demo_window, "Ctrl+I")
    page = demo_window.workspace.pages["interview"]
    page.select_subarea("1.1")
    page.input.setFocus()
    type_text(page.input, "Medborgarpanelen träffas fyra gånger om året")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    session = demo_window.controller.session
    note = next(n for n in session.notes.all() if n.body == "Medborgarpanelen träffas fyra gånger om året")
    assert note.subarea == "1.1"

    asked = []

    def choose(dialog):
        asked.append(dialog.combo.currentData())
        dialog.combo.setCurrentIndex(dialog.combo.findData("2.3"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.ChooseSubAreaDialog, "exec", choose)
    type_text(page.input, "Nästa")  # typing has begun: Ctrl+M still moves the note just saved
    press(qtbot, demo_window, "Ctrl+M")
    assert asked == ["1.1"]
    assert session.notes.get(note.id).subarea == "2.3"
    assert page.input.toPlainText() == "Nästa"
    assert QApplication.focusWidget() is page.input


def test_a_search_hit_opens_the_matching_note(demo_window, qtbot):
    session = demo_window.controller.session
    note = next(n for n in session.notes.all() if n.subarea and n.subarea.startswith("3."))
    word = max(note.body.split(), key=len).strip('.,:;()”"')
    press(qtbot, demo_window, "Ctrl+F")
    search = demo_window.workspace.pages["search"]
    type_text(search.query, note.body[:60])
    qtbot.keyClick(search.query, Qt.Key.Key_Return)  # to the first hit
    assert search.results.count() >= 1, word
    hits = [search.results.item(r).text() for r in range(search.results.count())]
    row = next(r for r, text in enumerate(hits) if text.startswith("Anteckning"))
    search.results.setCurrentRow(row)
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    focus = QApplication.focusWidget()
    card = area_page(demo_window, int(note.subarea.split(".")[0])).cards[note.subarea]
    assert focus is card.notes  # the note, not the score field
    assert card.notes.current_note_id() == note.id


def test_after_a_report_is_saved_its_folder_can_be_opened(demo_window, tmp_path, monkeypatch, qtbot):
    from reporthelp import skr_average

    from kompass_desktop.gui import printing

    demo_window.controller.session.registers.set_national_average_from_file(skr_average(tmp_path))
    target = tmp_path / "slutlig.pdf"
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    # with or without the national average: the default (SKR's average)
    monkeypatch.setattr(printing.FinalReportDialog, "exec", lambda _d: printing.QDialog.DialogCode.Accepted)
    offered = {}

    def answer(box):
        offered["buttons"] = [b.text() for b in box.buttons()]
        next(b for b in box.buttons() if b.text() == "Öppna mappen").click()
        return 0

    monkeypatch.setattr(printing.QMessageBox, "exec", answer)
    opened = []
    monkeypatch.setattr(printing.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    press(qtbot, demo_window, "Ctrl+Shift+P")
    assert target.exists()
    assert "Öppna rapporten" in offered["buttons"]
    assert [Path(p) for p in opened] == [tmp_path]


def top_menus(window) -> dict[str, QMenu]:
    return {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}


def test_the_report_commands_say_which_one_is_final(demo_window):
    file = menu_texts(demo_window.file_menu)
    finals = [t for t in file if t.startswith("Skapa slutlig")]
    assert finals == ["Skapa slutlig rapport (PDF)…", "Skapa slutlig rapport i Word…"]
    draft = next(t for t in file if "utkast" in t)
    assert "inte slutligt" in draft


def test_go_to_lists_the_area_names(demo_window):
    go = menu_texts(top_menus(demo_window)["Gå till"])
    titles = [f"{a.number} {a.title}" for a in demo_window.controller.framework.areas]
    assert all(title in go for title in titles), go


def test_the_language_is_an_exclusive_choice(demo_window, monkeypatch):
    from kompass_desktop.gui import mainwindow

    told = []
    monkeypatch.setattr(mainwindow.QMessageBox, "information", lambda _p, _t, text: told.append(text))
    visa = top_menus(demo_window)["Visa"]
    language = next(a.menu() for a in visa.actions() if a.menu() is not None)
    before = [a for a in language.actions() if a.isChecked()]
    assert len(before) == 1
    other = next(a for a in language.actions() if not a.isChecked())
    other.trigger()  # a click on the other language
    assert [a for a in language.actions() if a.isChecked()] == [other]
    assert told == ["Språket ändras nästa gång programmet startar."]
    before[0].trigger()  # and back: still exactly one
    assert [a for a in language.actions() if a.isChecked()] == before


def test_kommungrupp_is_the_same_choice_in_the_wizard_and_the_edit_dialog(demo_window):
    from kompass_desktop.gui.info_dialog import InfoDialog
    from kompass_desktop.gui.welcome import NewEvaluationWizard

    wizard = NewEvaluationWizard(demo_window)
    dialog = InfoDialog(demo_window.controller.session.info(), demo_window)
    try:
        in_wizard = wizard.municipality.kommungrupp
        in_dialog = dialog.kommungrupp
        choices = [in_wizard.itemText(i) for i in range(in_wizard.count())]
        assert "Landsbygdskommun (C8)" in choices
        assert type(in_dialog) is type(in_wizard)
        assert [in_dialog.itemText(i) for i in range(in_dialog.count())][: len(choices)] == choices
        assert in_dialog.currentText() == demo_window.controller.session.info().kommungrupp
    finally:
        wizard.deleteLater()
        dialog.deleteLater()


def labels_of(widget) -> list[str]:
    out = []
    for form in widget.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                out.append(item.widget().text())
    return out


def test_one_wording_per_thing(demo_window, qtbot):
    from kompass_desktop.gui.info_dialog import InfoDialog
    from kompass_desktop.gui.interview_mode import NewInterviewDialog

    quick = NewInterviewDialog(demo_window)
    info = InfoDialog(demo_window.controller.session.info(), demo_window)
    qtbot.addWidget(quick)
    qtbot.addWidget(info)
    demo_window.go("interviews")
    register = demo_window.workspace.pages["interviews"]
    fields = [f.label for f in register.fields]
    for label in ("Roller (åtskilda med kommatecken)", "Namn (frivilligt, personuppgift)"):
        assert label in labels_of(quick) and label in fields
    assert not [t for t in labels_of(info) if t.endswith(", avser")]
    demo_window.go("web")
    web = demo_window.workspace.pages["web"]
    headers = [web.table.horizontalHeaderItem(c).text() for c in range(web.table.columnCount())]
    assert "Sett" not in headers and "Besökt" in headers
    assert "Importera export…" not in menu_texts(demo_window.file_menu)
    demo_window.go("summary")
    earlier = demo_window.workspace.pages["summary"].comparisons.earlier
    lines = [earlier.item(r).text() for r in range(earlier.count())]
    assert lines and all(line.count("2.1") <= 1 for line in lines), lines


def test_hjalp_kortkommandon_lists_every_key_of_the_menus(demo_window, qtbot, monkeypatch):
    from kompass_desktop.gui import help as help_module

    shown = []

    def read(dialog):
        shown.append(dialog.browser.toPlainText())
        screen = demo_window.screen().availableGeometry()
        assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(help_module.ShortcutsDialog, "exec", read)
    press(qtbot, demo_window, "F1")
    assert len(shown) == 1
    listed = shown[0].replace("Skift", "Shift")
    missing = []
    for menu in top_menus(demo_window).values():
        for action in menu.actions():
            keys = [k.toString() for k in action.shortcuts()]
            if not keys:
                continue
            digit = any(k.startswith("Ctrl+") and k[5:].isdigit() and k != "Ctrl+0" for k in keys)
            if not any(k in listed for k in keys) and not (digit and "Ctrl+1 … Ctrl+8" in listed):
                missing.append((action.text(), keys))
    assert not missing


def test_nothing_scored_is_a_dash_and_the_chart_shows_the_tables_figures(window, tmp_path, qtbot):
    from kompass_desktop import resources
    from kompass_desktop.services import EvaluationSession, NewEvaluation

    path = tmp_path / "ny.kompass"
    EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Nyby", 2026)).close()
    assert window.open_file(path)
    press(qtbot, window, "Ctrl+0")
    page = window.workspace.pages["summary"]
    assert page.total.text().startswith("<h1>– av 800"), page.total.text()  # not "0 av 800"
    assert page.bars[1][0].text() == "–"

    area = area_page(window, 1)
    for sub, points in (("1.1", "12,5"), ("1.2", "5")):  # area 1: 17,5
        field = area.cards[sub].score
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, points)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    press(qtbot, window, "Ctrl+0")
    qtbot.waitUntil(lambda: page.charts is not None)
    table = page.bars[1][0].text()
    chart = page.charts.bars.labels[0].textItem.toPlainText()
    assert table == "18 / 100" and chart == "18"
    assert page.total.text().startswith("<h1>18 av 800")
    assert page.charts.total.text.textItem.toPlainText().endswith("18")
