"""The core's error messages in the GUI's language: English in the English UI (the reason beside
a refused score and in the status bar, a register entry's input error, a file that cannot be
opened), exactly today's Swedish in the Swedish UI; every template of the core is in the
translation with the same placeholders; gui/_core_messages.py is generated from the core."""

from __future__ import annotations

import importlib.util
import pickle
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from support import run_sql

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


# -- files the user picks, reports, bundled data: English in the English UI ----------------


def _choose_national_file(window, monkeypatch, path):
    from kompass_desktop.gui import comparisons

    monkeypatch.setattr(comparisons.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.workspace.pages["summary"].comparisons.choose_national()


def _not_an_average_file(tmp_path):
    path = tmp_path / "medel.json"
    path.write_text('{"format": 1, "kind": "något annat"}', encoding="utf-8")
    return path


def test_an_invalid_national_average_file_is_refused_in_english(
    english, demo_window, errors, monkeypatch, tmp_path
):
    path = _not_an_average_file(tmp_path)
    _choose_national_file(demo_window, monkeypatch, path)
    assert errors[-1] == (
        f"{path}: not a valid average file: $: the field ”frameworks” is missing; "
        "$.kind: must be ”kommunkompassen-national-average”, not ”något annat”"
    )
    path.write_text('{"format": 1,', encoding="utf-8")
    _choose_national_file(demo_window, monkeypatch, path)
    assert (
        errors[-1]
        == f"{path}: invalid JSON on line 1, column 14: Expecting property name enclosed in double quotes."
    )


def test_an_invalid_national_average_file_is_refused_in_swedish(demo_window, errors, monkeypatch, tmp_path):
    path = _not_an_average_file(tmp_path)
    _choose_national_file(demo_window, monkeypatch, path)
    assert errors[-1] == (
        f"{path}: inte en giltig medelvärdesfil: $: fältet ”frameworks” saknas; "
        "$.kind: ska vara ”kommunkompassen-national-average”, inte ”något annat”"
    )


def _save_final_report_as(window, monkeypatch, target):
    """Arkiv → final report, without the national average (the demo has only the example data),
    saved as ``target``."""
    from kompass_desktop.gui import printing

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def without_national(dialog):
        dialog.without_national.setChecked(True)
        return printing.QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing.FinalReportDialog, "exec", without_national)
    assert printing.print_report(window, window.controller, draft=False) is None


def test_a_report_target_that_is_a_folder_is_refused_in_english(
    english, demo_window, errors, monkeypatch, tmp_path
):
    folder = tmp_path / "rapporter.pdf"
    folder.mkdir()
    _save_final_report_as(demo_window, monkeypatch, folder)
    assert errors[-1] == f"{folder} is a folder; enter a file name ending in .pdf or .docx."
    missing = tmp_path / "saknas" / "rapport.pdf"
    _save_final_report_as(demo_window, monkeypatch, missing)
    assert errors[-1] == f"The folder {missing.parent} does not exist."


@pytest.fixture
def damaged_framework(tmp_path, monkeypatch):
    """A copy of the bundled data whose 2016 framework file lost its end (caches emptied)."""
    import shutil

    from kompass_desktop import resources

    copy = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), copy)
    path = copy / "frameworks" / "2016.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('"areas"')], encoding="utf-8")
    monkeypatch.setenv("KOMPASS_RESOURCES", str(copy))
    resources.frameworks.cache_clear()
    yield path
    resources.frameworks.cache_clear()


def test_a_damaged_framework_file_is_reported_in_english(english, window, errors, damaged_framework):
    window.new_evaluation()  # the wizard lists the bundled versions
    assert errors[-1].startswith(f"{damaged_framework}: invalid JSON on line ")
    assert errors[-1].endswith(": Expecting property name enclosed in double quotes.")


def test_a_damaged_framework_file_is_reported_in_swedish_as_before(window, errors, damaged_framework):
    window.new_evaluation()
    assert errors[-1].startswith(f"{damaged_framework}: ogiltig JSON på rad ")


def test_a_framework_file_that_breaks_the_rules_lists_each_problem_in_english(english):
    from kompass_desktop.domain.errors import FrameworkError
    from kompass_desktop.domain.messages import joined, msg
    from kompass_desktop.gui.error_text import error_text

    problems = [msg("[intro] med text saknas"), msg("[areas.{n}] med allmant saknas", n=3), "$.id: data"]
    err = FrameworkError(msg("{path}: {problems}.", path="2019.toml", problems=joined(problems)))
    assert str(err) == "2019.toml: [intro] med text saknas; [areas.3] med allmant saknas; $.id: data."
    assert (
        error_text(err)
        == "2019.toml: [intro] with text is missing; [areas.3] with allmant is missing; $.id: data."
    )


def test_the_previews_renderer_errors_are_in_english(english):
    from kompass_desktop.domain.messages import msg
    from kompass_desktop.gui.preview_worker import error_message
    from kompass_desktop.preview_renderer import message_of
    from kompass_desktop.report.fonts import FontMissing

    err = FontMissing(
        msg(
            "Rapportens typsnitt {path} kan inte läsas ({err}). Installera om programmet.",
            path="/f/Carlito.ttf",
            err="bad",
        )
    )
    sent = message_of(err)  # what crosses the pipe from the renderer's process
    assert sent == "Rapportens typsnitt /f/Carlito.ttf kan inte läsas (bad). Installera om programmet."
    assert error_message(pickle.loads(pickle.dumps(sent))) == (
        "The preview could not be made: "
        "The report font /f/Carlito.ttf cannot be read (bad). Reinstall the program."
    )


def test_a_final_report_refused_while_building_says_what_is_missing_in_english(
    english, window, errors, tmp_path
):
    """The dialog checks first; if the evaluation changed meanwhile the build itself refuses: the
    summary and each missing item in English (worded by the GUI, as in the check before)."""
    from kompass_desktop import resources
    from kompass_desktop.gui import printing
    from kompass_desktop.services import EvaluationSession, NewEvaluation

    path = tmp_path / "ny.kompass"
    EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Nyby", 2026)).close()
    assert window.open_file(path)
    snapshot = window.controller.session.snapshot()
    assert not printing._build(window, snapshot, tmp_path / "r.pdf", draft=False, with_national=False)
    lines = errors[-1].splitlines()
    assert lines[0].startswith("The final report cannot be created: ")
    assert lines[0].endswith(" items are missing (a draft shows everything that remains):")
    assert "  1.1 Strategi för demokratiutveckling och information: no score set" in lines
    assert not (tmp_path / "r.pdf").exists()


# -- detail lists: each damaged value, each notice in English --------------------------------


def test_a_file_with_damaged_values_lists_each_in_english(english, window, demo_copy, errors):
    run_sql(
        demo_copy,
        "UPDATE independent_scores SET points = 'abc' WHERE subarea = '1.1'",
        "UPDATE evaluation SET evaluators = '[1, 2'",
    )
    assert not window.open_file(demo_copy)
    assert errors[-1] == (
        "demo.kompass contains damaged values: the evaluation: the field evaluators: invalid JSON "
        "(“[1, 2”); the score for sub-area 1.1 by Karin Ekström: the field points: the score “abc” is "
        "not a number; the score for sub-area 1.1 by Johan Alm: the field points: the score “abc” is "
        "not a number. The file is not opened; restore a backup (kompass backups)."
    )


def test_a_file_with_damaged_values_lists_each_in_swedish_as_before(window, demo_copy, errors):
    run_sql(demo_copy, "UPDATE independent_scores SET points = 'abc' WHERE subarea = '1.1'")
    assert not window.open_file(demo_copy)
    assert errors[-1] == (
        "demo.kompass innehåller skadade värden: poängen för delfråga 1.1 av Karin Ekström: fältet "
        "points: poängen ”abc” är inte ett tal; poängen för delfråga 1.1 av Johan Alm: fältet points: "
        "poängen ”abc” är inte ett tal. Filen öppnas inte; återställ en säkerhetskopia (kompass backups)."
    )


def test_a_damaged_stored_setting_is_noticed_in_english(english, window, demo_copy):
    run_sql(demo_copy, "INSERT OR REPLACE INTO meta VALUES ('national_average', '{\"frameworks\": 7}')")
    assert window.open_file(demo_copy)
    window.file_notices.open_details()
    assert window.file_notices.details.informativeText() == (
        "• demo.kompass: the setting national_average (table meta): the national average: "
        "$.frameworks: must be an object; it is not used"
    )


def test_a_rejected_exports_problems_are_listed_in_english(english):
    """Each problem of an inconsistent export in English, full stops trimmed as in Swedish."""
    from kompass_desktop.domain.errors import ScoreError
    from kompass_desktop.domain.messages import msg
    from kompass_desktop.exchange.package import MAX_REPORTED, _reject_many
    from kompass_desktop.gui.error_text import error_text

    above = ScoreError(
        msg("Delfråga {number}: {points} är över maxpoängen {max}.", number="1.1", points=99, max=10)
    )
    problems = [
        msg("{where}.points: {err}", where="$.records.scores[0]", err=above),
        "$.x: 'a' is not valid.",
    ]
    problems += [
        msg("$.records.findings[{i}].area: område {area} finns inte", i=i, area=9)
        for i in range(MAX_REPORTED)
    ]
    rejected = _reject_many(
        "till-skr.kkx", msg("{what} är inte konsekvent", what="evaluation.json"), problems
    )
    more = len(problems) - MAX_REPORTED
    assert str(rejected).startswith(
        "till-skr.kkx: evaluation.json är inte konsekvent: $.records.scores[0].points: Delfråga 1.1: 99 är "
        "över maxpoängen 10; $.x: 'a' is not valid; $.records.findings[0].area: område 9 finns inte; "
    )
    assert str(rejected).endswith(f" finns inte (och {more} till).")
    english_text = error_text(rejected)
    assert english_text.startswith(
        "till-skr.kkx: evaluation.json is not consistent: $.records.scores[0].points: Sub-area 1.1: 99 is "
        "above the maximum score of 10; $.x: 'a' is not valid; $.records.findings[0].area: area 9 does "
        "not exist; "
    )
    assert english_text.endswith(f" does not exist (and {more} more).")
