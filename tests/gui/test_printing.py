"""Reports from the GUI: drafts to preview/print/save, final reports refused while incomplete."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from kompass_desktop import resources
from kompass_desktop.gui import printing
from kompass_desktop.services import EvaluationSession, NewEvaluation


class FakeBox:
    """Stands in for the 'draft ready' question and presses the button whose text contains ``press``."""

    press = ""

    def __init__(self, *args, **kwargs):
        self.buttons = []
        self.clicked = None

    def addButton(self, *args):
        label = args[0] if isinstance(args[0], str) else "Stäng"
        self.buttons.append(label)
        return label

    def exec(self):
        self.clicked = next((b for b in self.buttons if FakeBox.press in b), None)
        return 0

    def clickedButton(self):
        return self.clicked


def answer_final(monkeypatch, include: bool | None) -> list[printing.FinalReportDialog]:
    """Answer the final report's question: with (True) or without (False) the national average,
    or cancel (None).  Returns the dialogs shown, to look at what they offered."""
    shown = []

    def exec_(dialog):
        shown.append(dialog)
        if include is None:
            return printing.QDialog.DialogCode.Rejected
        (dialog.with_national if include else dialog.without_national).setChecked(True)
        return printing.QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing.FinalReportDialog, "exec", exec_)
    return shown


def test_a_draft_can_be_saved_as_pdf(demo_window, tmp_path, monkeypatch):
    target = tmp_path / "utkast.pdf"
    FakeBox.press = "Spara"
    monkeypatch.setattr(
        printing,
        "QMessageBox",
        type(
            "M",
            (),
            {
                "Icon": printing.QMessageBox.Icon,
                "StandardButton": printing.QMessageBox.StandardButton,
                "ButtonRole": printing.QMessageBox.ButtonRole,
                "__new__": lambda cls, *a, **k: FakeBox(),
            },
        ),
    )
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    result = printing.print_report(demo_window, demo_window.controller, draft=True)
    assert result == target
    text = "".join(page.extract_text() for page in PdfReader(target).pages[:2])
    assert "UTKAST" in text


def test_the_pdf_pages_are_painted_onto_a_printer(demo_window, tmp_path):
    from kompass_desktop.report import build_report

    pdf = tmp_path / "rapport.pdf"
    build_report(demo_window.controller.session.snapshot(), pdf, draft=True)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "utskrift.pdf"
    printer.setOutputFileName(str(printed))
    printing.render_pdf(printer, pdf)
    assert len(PdfReader(printed).pages) == len(PdfReader(pdf).pages)
    assert printed.stat().st_size > 100_000  # real page images, not blank pages


def test_a_final_report_is_refused_with_the_list_of_what_is_missing(window, tmp_path, monkeypatch):
    path = tmp_path / "ny.kompass"
    EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Nyby", 2026)).close()
    assert window.open_file(path)
    answer_final(monkeypatch, include=False)
    warned = []
    monkeypatch.setattr(printing.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    asked = []
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or ("", ""))
    assert printing.print_report(window, window.controller, draft=False) is None
    assert "1.1 Strategi för demokratiutveckling och information: ingen poäng satt" in warned[0]
    assert "Ett utkast kan alltid skrivas ut" in warned[0]
    assert asked == []  # not even asked where to save


def test_a_final_report_of_the_demo_is_saved(demo_window, tmp_path, monkeypatch):
    from reporthelp import skr_average

    # a final report compares with SKR's national average, never with the bundled example data
    demo_window.controller.session.registers.set_national_average_from_file(skr_average(tmp_path))
    target = tmp_path / "slutlig.pdf"
    answer_final(monkeypatch, include=True)
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    offered = []
    monkeypatch.setattr(printing, "offer_to_open", lambda _parent, path: offered.append(path))
    assert printing.print_report(demo_window, demo_window.controller, draft=False) == Path(target)
    assert offered == [target]
    reader = PdfReader(target)
    assert len(reader.pages) > 25
    assert "UTKAST" not in reader.pages[3].extract_text()


def test_arkiv_saves_the_report_as_word(demo_window, tmp_path, monkeypatch):
    from docx import Document
    from reporthelp import skr_average

    demo_window.controller.session.registers.set_national_average_from_file(skr_average(tmp_path))
    target = tmp_path / "rapport.docx"
    asked = []

    def save_as(*args, **kwargs):
        asked.append(args[3] if len(args) > 3 else kwargs.get("filter", ""))
        return str(target), ""

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(printing, "offer_to_open", lambda _parent, path: None)
    answer_final(monkeypatch, include=True)
    action = next(a for a in demo_window.file_menu.actions() if a.text() == "Skapa slutlig rapport i &Word…")
    assert action.isEnabled()
    action.trigger()
    assert asked == ["Word (*.docx)"]
    doc = Document(str(target))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1 Vad är Kommunkompassen?" and len(headings) == 5
    assert doc.core_properties.title == "Kommunkompassen — analys av Lindsjö kommun"


def test_a_final_report_without_the_national_average_from_the_gui(demo_window, tmp_path, monkeypatch):
    """The demo compares with the program's example data: the final report offers only 'without'
    and then contains no example data and no national comparison (as --without-national-average)."""
    target = tmp_path / "utan.pdf"
    shown = answer_final(monkeypatch, include=False)
    monkeypatch.setattr(printing, "offer_to_open", lambda _parent, path: None)
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert printing.print_report(demo_window, demo_window.controller, draft=False) == Path(target)
    dialog = shown[0]
    assert not dialog.with_national.isEnabled() and "EXEMPELDATA" in dialog.with_national.text()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Lindsjö kommun" in text and "UTKAST" not in text and "exempeldata" not in text.lower()
    results = text[
        text.index("Sammanfattning av resultat Nedan") : text.index("Sammanfattande kommentarer Lindsjö")
    ]
    assert "medelvärde" not in results.lower() and "Lindsjö 2018" in results  # the earlier one stays


def test_the_final_report_question_can_be_cancelled_and_offers_skr_data(demo_window, tmp_path, monkeypatch):
    from reporthelp import skr_average

    asked = []
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or ("", ""))
    shown = answer_final(monkeypatch, include=None)
    assert printing.print_report(demo_window, demo_window.controller, draft=False) is None
    assert asked == [] and len(shown) == 1  # cancelled before anything else
    demo_window.controller.session.registers.set_national_average_from_file(skr_average(tmp_path))
    printing.print_report(demo_window, demo_window.controller, draft=False)
    offered = shown[-1]
    assert offered.with_national.isEnabled() and offered.with_national.isChecked()  # SKR's data: the default
