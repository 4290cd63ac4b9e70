"""The municipality from the register in the GUI (issue 15 §1): the wizard and the facts dialog
offer the register as a list that filters as one types, plus "not in the register" for a
fictional or training evaluation; the window shows the official name."""

from __future__ import annotations

import shutil
from pathlib import Path

from guisupport import type_text
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from kompass_desktop.gui import info_dialog, mainwindow
from kompass_desktop.gui.welcome import NewEvaluationWizard


def offered(field) -> list[str]:
    return field.model.stringList()


def test_the_wizard_offers_the_register_as_a_searchable_list(qtbot):
    wizard = NewEvaluationWizard()
    qtbot.addWidget(wizard)
    page, field = wizard.municipality, wizard.municipality.name
    assert not page.isComplete()  # a municipality must be chosen
    field.edit.setFocus()
    type_text(field.edit, "olofstrom")  # case and diacritics do not matter
    assert offered(field)[0] == "Olofströms kommun (1060)"
    assert page.isComplete() and "kommunkod 1060" in field.status.text()
    field.edit.clear()
    type_text(field.edit, "göte")
    assert "Göteborgs Stad (1480)" in offered(field)
    field.edit.setText(offered(field)[offered(field).index("Göteborgs Stad (1480)")])  # picked from the list
    choice = field.choice()
    assert (choice.name, choice.code, choice.unlisted) == ("Göteborgs Stad", "1480", False)
    field.edit.setText("1280")  # the code alone
    assert field.choice().name == "Malmö stad" and field.file_stem() == "Malmö"
    field.edit.setText("Provköping")  # nothing: not accepted, the closest names shown
    assert not page.isComplete()
    assert "ingen kommun som heter ”Provköping”" in field.status.text()
    assert "Köpings kommun (1983)" in field.status.text()
    field.unlisted.setChecked(True)  # a fictional or training evaluation: the name as written
    assert page.isComplete() and offered(field) == []
    choice = field.choice()
    assert (choice.name, choice.code, choice.unlisted) == ("Provköping", "", True)


def test_the_wizard_stores_code_and_official_name(window, tmp_path, monkeypatch):
    target = tmp_path / "ny.kompass"

    def fill(wizard):
        wizard.municipality.name.edit.setText("vallentuna")
        wizard.file.path.setText(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(mainwindow.NewEvaluationWizard, "exec", fill)
    window.new_evaluation()
    info = window.controller.session.info()
    assert (info.municipality, info.municipality_code, info.unlisted) == ("Vallentuna kommun", "0115", False)
    assert window.windowTitle().startswith("Vallentuna kommun – ny.kompass")


def test_the_facts_dialog_links_an_evaluation_to_the_register(demo_window, qtbot, monkeypatch):
    shown = []

    def choose(dialog):
        shown.append(dialog)
        field = dialog.municipality
        assert field.unlisted.isChecked() and field.edit.text() == "Lindsjö kommun"  # the demo
        field.unlisted.setChecked(False)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # "Lindsjö kommun" is in no register
        field.edit.setText("Region Gotland")
        assert ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(info_dialog.InfoDialog, "exec", choose)
    demo_window.edit_info()
    assert shown
    info = demo_window.controller.session.info()
    assert (info.municipality, info.municipality_code, info.unlisted) == ("Region Gotland", "0980", False)
    assert demo_window.windowTitle().startswith("Region Gotland – ")
    heading = demo_window.workspace.pages["summary"].heading.text()
    assert "Region Gotland" in heading and "kommun" not in heading


def test_a_file_from_before_the_register_is_linked_by_ok(window, tmp_path, monkeypatch):
    old = tmp_path / "gammal.kompass"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "v1" / "olofstrom-v1.kompass", old)
    assert window.open_file(old)
    # the typed "Olofström" is shown as the register names that municipality
    assert window.windowTitle().startswith("Olofströms kommun – ")
    seen = []

    def untouched(dialog):
        field = dialog.municipality
        seen.append(field.status.text())
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(info_dialog.InfoDialog, "exec", untouched)
    window.edit_info()
    assert "Olofströms kommun · kommunkod 1060" in seen[0]  # what OK links it to
    assert "kopplar utvärderingen till kommunregistret" in seen[0]
    info = window.controller.session.info()
    assert (info.municipality, info.municipality_code) == ("Olofströms kommun", "1060")
