"""What the window tells about the file itself, and every file the window writes going through the
output guard: a refusal is shown in a dialog and nothing is written."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from kompass_desktop.gui import charts, file_notices, printing
from kompass_desktop.services import EvaluationSession


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_failed_checkpoint_at_close_is_told_and_the_file_is_safe(demo_window, demo_copy, monkeypatch):
    shown = []
    warn = lambda _parent, title, text: shown.append((title, text))  # noqa: E731
    monkeypatch.setattr(file_notices.QMessageBox, "warning", warn)
    file = demo_window.controller.session.file
    monkeypatch.setattr(file, "_checkpoint", lambda: sqlite3.OperationalError("database or disk is full"))
    assert demo_window.close_evaluation()
    assert demo_window.controller is None and demo_window.central.currentWidget() is demo_window.welcome
    assert len(shown) == 1
    title, text = shown[0]
    assert "ändringarna är sparade" in title
    assert "alla ändringar är sparade" in text and "disken är full" in text and "demo.kompass-wal" in text
    with EvaluationSession.open(demo_copy) as s:  # and it opens again, the edits there
        assert s.validate() == []


def _damage_national_average(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('national_average', '{\"frameworks\": ')")
    conn.commit()
    conn.close()


def test_open_notices_are_shown_once_when_a_file_is_opened(window, demo_copy, tmp_path, qtbot):
    _damage_national_average(demo_copy)
    assert window.open_file(demo_copy)
    notices = window.file_notices
    assert notices.button is not None and notices.button.isVisible()
    assert notices.button.text() == "⚠ 1 anmärkning om filen"
    assert "anmärkningen om filen" in window.statusBar().currentMessage()
    window.grab().save(str(tmp_path / "notices.png"))
    notices.button.click()
    box = notices.details
    assert box is not None and box.isVisible() and not box.isModal()
    assert "national_average" in box.informativeText() and "används inte" in box.informativeText()
    assert window.close_evaluation()
    assert notices.button is None and notices.details is None  # gone with the file
    conn = sqlite3.connect(demo_copy)
    conn.execute("DELETE FROM meta WHERE key = 'national_average'")
    conn.commit()
    conn.close()
    assert window.open_file(demo_copy)
    assert window.file_notices.button is None  # nothing to tell: no button


def test_a_chart_is_never_saved_over_the_evaluation(demo_window, demo_copy, monkeypatch):
    shown = []
    monkeypatch.setattr(charts, "show_error", lambda _p, message, title="": shown.append((title, message)))
    demo_window.go("summary")
    chart = demo_window.workspace.pages["summary"].ensure_charts().radar
    for target in (demo_copy, demo_copy.with_name("profil.png")):
        monkeypatch.setattr(charts.QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        chart.save_dialog("png")
    before = digest(demo_copy)
    assert len(shown) == 1 and "Diagrammet sparades inte" in shown[0][0]
    assert "utvärderingsfil och skrivs aldrig över" in shown[0][1]
    assert digest(demo_copy) == before
    assert demo_copy.with_name("profil.png").read_bytes().startswith(b"\x89PNG")


def test_printing_to_a_file_goes_through_the_output_guard(demo_window, demo_copy, tmp_path, errors):
    from pypdf import PdfReader

    from kompass_desktop.report import build_report

    pdf = tmp_path / "rapport.pdf"
    build_report(demo_window.controller.session.snapshot(), pdf, draft=True)
    before = digest(demo_copy)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(demo_copy))  # "print to file" onto the evaluation itself
    assert not printing.print_guarded(demo_window, printer, lambda p: printing.render_pdf(p, pdf))
    assert digest(demo_copy) == before and len(errors) == 1 and "utvärderingsfil" in errors[0]
    assert printer.outputFileName() == str(demo_copy)  # the dialog's choice is left as it was
    printed = tmp_path / "utskrift.pdf"
    printer.setOutputFileName(str(printed))
    assert printing.print_guarded(demo_window, printer, lambda p: printing.render_pdf(p, pdf))
    assert len(PdfReader(printed).pages) == len(PdfReader(pdf).pages)
    temporaries = [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and "-lock-" not in p.name]
    assert temporaries == []  # (the lock is the open evaluation's)


def test_a_write_protected_file_is_offered_as_a_copy_or_read_only_even_as_root(
    window, demo_copy, monkeypatch
):
    from kompass_desktop.gui import mainwindow

    demo_copy.chmod(0o444)  # root may write anyway; the app respects the mode bits
    before = digest(demo_copy)
    seen = []

    def press_read_only(box):
        seen.append((box.windowTitle(), box.text()))
        button = next(b for b in box.buttons() if "skrivskyddad" in b.text().replace("&", ""))
        monkeypatch.setattr(box, "clickedButton", lambda: button)
        return 0

    monkeypatch.setattr(mainwindow.QMessageBox, "exec", press_read_only)
    try:
        assert window.open_file(demo_copy)
        assert window.controller.session.readonly
        assert [title for title, _text in seen] == ["Filen är skrivskyddad"]
        assert "demo.kompass är skrivskyddad" in seen[0][1]
        assert window.close_evaluation()
        assert digest(demo_copy) == before and sorted(p.name for p in demo_copy.parent.iterdir()) == [
            "demo.kompass"
        ]
    finally:
        demo_copy.chmod(0o644)
