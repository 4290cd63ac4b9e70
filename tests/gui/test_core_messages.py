"""The core's error messages in the GUI's language: English in the English UI (the reason beside
a refused score and in the status bar, a register entry's input error, a file that cannot be
opened), exactly today's Swedish in the Swedish UI; every template of the core is in the
translation with the same placeholders; gui/_core_messages.py is generated from the core."""

from __future__ import annotations

import importlib.util
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QDialog

from kompass_desktop.gui import registers

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kompass_en.ts"
HOW_TO_FIX = "run `python packaging/update_translations.py` and translate the new entries"


def _tools():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


def _fields(text: str) -> list[str]:
    return sorted(name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None)


def _core_translations() -> dict[str, str]:
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "messages":
            for message in context.iter("message"):
                found[message.findtext("source", "")] = message.findtext("translation", "")
    return found


@pytest.fixture
def english():
    from kompass_desktop.gui.i18n import translations_dir

    app = QCoreApplication.instance()
    translator = QTranslator()
    assert translator.load("kompass_en", str(translations_dir()))
    assert app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


# -- the generated list and the translation ------------------------------------------------


def test_the_generated_list_of_core_messages_is_current():
    tools = _tools()
    assert len(tools.core_message_templates()) > 150  # the scan really finds the core's msg() calls
    assert tools.CORE_MESSAGES_FILE.read_text(encoding="utf-8") == tools.core_messages_source(), (
        f"kompass_desktop/gui/_core_messages.py is out of date ({HOW_TO_FIX})"
    )


def test_every_core_message_has_english_with_the_same_placeholders():
    translations = _core_translations()
    templates = _tools().core_message_templates()
    missing = [t for t in templates if not translations.get(t, "").strip()]
    assert not missing, f"no English ({HOW_TO_FIX}):\n" + "\n".join(missing)
    differ = [f"{t!r} -> {translations[t]!r}" for t in templates if _fields(t) != _fields(translations[t])]
    assert not differ, "placeholders differ:\n" + "\n".join(differ)


# -- what a user sees ----------------------------------------------------------------------


def _type_score(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _refuse_99(window, qtbot):
    window.go("area:1")
    card = window.workspace.pages["area:1"].cards["1.2"]  # max 10
    _type_score(qtbot, card.score, "99")
    assert window.controller.scores()["1.2"] is None
    return card, window.statusBar().currentMessage()


def test_a_refused_score_says_why_in_english(english, demo_window, qtbot):
    card, status = _refuse_99(demo_window, qtbot)
    reason = "Sub-area 1.2: 99 is above the maximum score of 10."
    assert card.score_error.text() == reason
    assert status == f"The score was not saved: {reason}"
    _type_score(qtbot, card.score, "tio")
    assert card.score_error.text() == "“tio” is not a number."


def test_a_refused_score_says_why_in_swedish_as_before(demo_window, qtbot):
    card, status = _refuse_99(demo_window, qtbot)
    assert card.score_error.text() == "Delfråga 1.2: 99 är över maxpoängen 10."
    assert status == "Poängen sparades inte: Delfråga 1.2: 99 är över maxpoängen 10."


def _add_interview_at(window, monkeypatch, start):
    window.go("interviews")
    page = window.workspace.pages["interviews"]

    def fill(dialog):
        dialog.widgets["group"].setCurrentText("Politisk ledning")
        dialog.widgets["start"].setText(start)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(registers.RecordDialog, "exec", fill)
    rows = page.table.rowCount()
    page.add()
    assert page.table.rowCount() == rows  # refused: nothing added


def test_a_malformed_register_entry_is_refused_in_english(english, demo_window, errors, monkeypatch):
    _add_interview_at(demo_window, monkeypatch, "25:99")
    assert errors[-1] == "Start time: “25:99” is not a time (HH:MM)."


def test_a_malformed_register_entry_is_refused_in_swedish_as_before(demo_window, errors, monkeypatch):
    _add_interview_at(demo_window, monkeypatch, "25:99")
    assert errors[-1] == "Starttid: ”25:99” är ingen tid (TT:MM)."


def _open_not_an_evaluation(window, tmp_path):
    path = tmp_path / "anteckningar.kompass"
    path.write_text("Det här är inga poäng, bara text.\n" * 20, encoding="utf-8")
    assert not window.open_file(path)
    return path


def test_a_file_that_is_no_evaluation_is_refused_in_english(english, window, errors, tmp_path):
    path = _open_not_an_evaluation(window, tmp_path)
    assert errors[-1] == f"{path} is not an evaluation file from Kompass Desktop (unknown file format)."


def test_a_file_that_is_no_evaluation_is_refused_in_swedish_as_before(window, errors, tmp_path):
    path = _open_not_an_evaluation(window, tmp_path)
    assert errors[-1] == f"{path} är inte en utvärderingsfil från Kompass Desktop (okänt filformat)."


def test_an_empty_file_is_refused_in_english(english, window, errors, tmp_path):
    path = tmp_path / "tom.kompass"
    path.write_bytes(b"")
    assert not window.open_file(path)
    assert errors[-1] == f"{path} is empty (0 bytes) and is not an evaluation file."


def test_params_that_are_messages_or_errors_are_translated_too(english):
    from kompass_desktop.domain.errors import InputProblems, KompassError, ScoreError
    from kompass_desktop.domain.messages import msg
    from kompass_desktop.gui.error_text import error_text

    inner = ScoreError(msg("”{value}” är inte ett tal.", value="tio"))
    outer = KompassError(msg("{label}: {err}", label=msg("Datum"), err=inner))
    assert str(outer) == "Datum: ”tio” är inte ett tal."
    assert error_text(outer) == "Date: “tio” is not a number."
    several = InputProblems(msg("CSV-filen är tom."), [msg("Datum"), "rad 3: något annat"])
    assert error_text(several) == "The CSV file is empty.\n  Date\n  rad 3: något annat"
    assert error_text(KompassError("en text utan mall")) == "en text utan mall"  # shown as it is
