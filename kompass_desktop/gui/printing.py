"""Reports from the GUI: build the PDF in a worker thread, then save, preview or print it.

The PDF is made by the report package (the same code as ``kompass report``); printing renders
its pages with PDFium, so paper and screen show exactly the PDF.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KompassError
from ..domain.model import EvaluationSnapshot
from ..domain.reference import NationalAverage
from ..services import files
from .controller import EvaluationController
from .dialogs import ok_cancel, show_error
from .error_text import error_text, translated
from .wording import open_item


def build_in_background(parent: QWidget, label: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` in a thread while a progress dialog keeps the window alive; re-raise its error."""
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["value"] = fn(*args, **kwargs)
        except BaseException as err:  # handed back to the GUI thread
            result["error"] = err

    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(lambda: loop.quit() if not thread.is_alive() else None)
    timer.start()
    loop.exec()
    timer.stop()
    progress.close()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def render_pdf(printer: QPrinter, pdf: Path) -> None:
    """Paint every page of ``pdf`` onto ``printer`` (used by print preview and printing)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        dpi = min(printer.resolution(), 200)
        for index in range(len(document)):
            if index:
                printer.newPage()
            page = document[index]
            bitmap = page.render(scale=dpi / 72).to_pil()
            image = QImage(
                bitmap.tobytes("raw", "RGB"),
                bitmap.width,
                bitmap.height,
                bitmap.width * 3,
                QImage.Format.Format_RGB888,
            )
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
        document.close()


def print_guarded(
    parent: QWidget | None,
    printer: QPrinter,
    paint: Callable[[QPrinter], object],
    inputs: Iterable[Path | None] = (),
) -> bool:
    """Paint onto ``printer``.  Printing to a file (the print dialog's "print to PDF") is painted
    into a private temporary file and saved through the output guard like every file the app
    writes: never over an evaluation file or one of ``inputs``, a read-only file or into a network
    folder; a refusal is shown, nothing is written.  False when it was refused."""
    name = printer.outputFileName()
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name:
        paint(printer)
        return True
    try:
        with files.private_folder("utskrift") as folder:
            printer.setOutputFileName(str(folder / "utskrift.pdf"))
            try:
                paint(printer)
            finally:
                printer.setOutputFileName(name)
            files.save_output(Path(name), (folder / "utskrift.pdf").read_bytes(), inputs=inputs)
    except KompassError as err:
        show_error(
            parent, error_text(err), QCoreApplication.translate("printing", "Utskriften sparades inte")
        )
        return False
    return True


def preview_and_print(parent: QWidget, pdf: Path, inputs: Iterable[Path | None] = ()) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pdf.stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Förhandsgranska utkast"))
    dialog.paintRequested.connect(lambda p: print_guarded(parent, p, lambda q: render_pdf(q, pdf), inputs))
    dialog.resize(900, 700)
    dialog.exec()


def print_report(parent: QWidget, controller: EvaluationController, *, draft: bool) -> Path | None:
    """Draft: build to a private temporary file, then offer print preview / save.  Final: ask where
    to save.  Every file saved passes the output guard, as on the command line.

    Returns the PDF saved (None when nothing was saved); a draft's temporary folder is removed."""
    if draft:
        with files.private_folder("utkast") as folder:
            return _print_draft(parent, controller, folder)
    return _save_final(parent, controller)


def save_word_report(parent: QWidget, controller: EvaluationController) -> Path | None:
    """The final report as an accessible, editable Word file (refused while incomplete)."""
    return _save_final(parent, controller, suffix=".docx")


class FinalReportDialog(QDialog):
    """Before a final report: with the national average or without it (``kompass report
    --without-national-average``).  The program's example data cannot be chosen."""

    def __init__(self, national: NationalAverage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finalReport")
        self.setWindowTitle(self.tr("Slutlig rapport"))
        layout = QVBoxLayout(self)
        question = self.tr("Jämförelse med ett nationellt medelvärde i diagram och texter:")
        layout.addWidget(QLabel(question, self))
        self.with_national = QRadioButton(self.tr("Med {0}").format(national.label), self)
        self.without_national = QRadioButton(
            self.tr("Utan nationellt medelvärde (rapporten jämför bara med tidigare utvärderingar)"), self
        )
        layout.addWidget(self.with_national)
        if national.example:
            self.with_national.setEnabled(False)
            note = QLabel(
                self.tr(
                    "Medelvärdet är programmets exempeldata och kan inte stå i en slutlig rapport. "
                    "Ange SKR:s medelvärdesfil på sammanfattningssidan för att jämföra med den."
                ),
                self,
            )
            note.setWordWrap(True)
            note.setIndent(22)
            layout.addWidget(note)
        layout.addWidget(self.without_national)
        (self.without_national if national.example else self.with_national).setChecked(True)
        layout.addWidget(ok_cancel(self, self.tr("Fortsätt…")))

    def include_national(self) -> bool:
        return self.with_national.isChecked()


def choose_national(parent: QWidget, snapshot: EvaluationSnapshot) -> bool | None:
    """Whether the final report compares with the national average (None: cancelled).  Not
    asked when there is no average for this version to leave out."""
    from ..services.comparison import reference_for

    national = reference_for(snapshot)
    if national is None or national.framework_id != snapshot.framework.id:
        return True
    dialog = FinalReportDialog(national, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.include_national()


def _save_final(parent: QWidget, controller: EvaluationController, suffix: str = ".pdf") -> Path | None:
    from ..report import missing_for_final

    snapshot = controller.session.snapshot()
    with_national = choose_national(parent, snapshot)
    if with_national is None:
        return None
    missing = missing_for_final(snapshot, with_national=with_national)
    if missing:
        text = "\n".join(f"• {open_item(item, snapshot.framework)}" for item in missing[:25])
        more = (
            QCoreApplication.translate("printing", "\n… och {0} till").format(len(missing) - 25)
            if len(missing) > 25
            else ""
        )
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("printing", "Rapporten kan inte skapas än"),
            QCoreApplication.translate(
                "printing",
                "Detta saknas för en slutlig rapport:\n\n{0}{1}\n\nEtt utkast kan alltid skrivas ut.",
            ).format(text, more),
        )
        return None
    suggested = controller.session.path.with_suffix(suffix)
    kind = "Word (*.docx)" if suffix == ".docx" else "PDF (*.pdf)"
    target, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("printing", "Spara rapporten"), str(suggested), kind
    )
    if not target:
        return None
    out = Path(target)
    if not _build(parent, snapshot, out, draft=False, with_national=with_national):
        return None
    controller.status.emit(QCoreApplication.translate("printing", "Rapporten sparades: {0}").format(out))
    offer_to_open(parent, out)
    return out


def _build(
    parent: QWidget, snapshot: EvaluationSnapshot, out: Path, *, draft: bool, with_national: bool = True
) -> bool:
    from ..report import build_report

    try:
        build_in_background(
            parent,
            QCoreApplication.translate("printing", "Skapar rapporten…"),
            build_report,
            snapshot,
            out,
            draft=draft,
            with_national=with_national,
        )
    except KompassError as err:
        title = QCoreApplication.translate("printing", "Rapporten kunde inte skapas")
        show_error(parent, _report_error(err, snapshot), title)
        return False
    return True


def _report_error(err: KompassError, snapshot: EvaluationSnapshot) -> str:
    """The error in the GUI's language; what a final report lacks worded as the GUI words it."""
    from ..report import ReportNotReady

    if isinstance(err, ReportNotReady) and err.items:
        lines = (f"  {open_item(item, snapshot.framework)}" for item in err.items)
        return "\n".join([translated(err.summary), *lines])
    return error_text(err)


def _print_draft(parent: QWidget, controller: EvaluationController, folder: Path) -> Path | None:
    out = folder / f"{controller.session.path.stem}-utkast.pdf"
    if not _build(parent, controller.session.snapshot(), out, draft=True):
        return None
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("printing", "Utkastet är klart"),
        QCoreApplication.translate(
            "printing",
            "Utkastet är skapat. Vill du förhandsgranska och skriva ut det, eller spara det som PDF?",
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    print_button = box.addButton(
        QCoreApplication.translate("printing", "Förhandsgranska och skriv ut…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    save_button = box.addButton(
        QCoreApplication.translate("printing", "Spara som PDF…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is print_button:
        preview_and_print(parent, out, inputs=[controller.session.path])
    elif box.clickedButton() is save_button:
        target, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("printing", "Spara utkastet"),
            str(controller.session.path.with_name(out.name)),
            "PDF (*.pdf)",
        )
        if target:
            try:
                files.save_output(Path(target), out.read_bytes(), inputs=[controller.session.path])
            except KompassError as err:
                show_error(
                    parent, error_text(err), QCoreApplication.translate("printing", "Utkastet sparades inte")
                )
                return None
            offer_to_open(parent, Path(target))
            return Path(target)
    return None


def offer_to_open(parent: QWidget, path: Path) -> None:
    """After a report is saved: open it, open its folder, or just close."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("printing", "Rapporten är sparad"),
        QCoreApplication.translate("printing", "Sparad som {0}\ni mappen {1}").format(path.name, path.parent),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    open_file = box.addButton(
        QCoreApplication.translate("printing", "Öppna rapporten"), QMessageBox.ButtonRole.AcceptRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("printing", "Öppna mappen"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif clicked is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
