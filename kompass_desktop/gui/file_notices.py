"""What the app must tell about the file itself, without stopping the evaluator's work.

* After opening: what the open changed or found (``session.file.notices``: foreign schema
  objects removed, a damaged stored national average left unused, …) — once, as a button in
  the status bar that stays while the file is open and shows the details when clicked.
* After closing: a checkpoint that failed (the edits are safe in ``NAME-wal``; what to do).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QWidget

from .error_text import translated


class FileNotices(QObject):
    """The status-bar button for the open file's notices (none: no button)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.button: QPushButton | None = None
        self.details: QMessageBox | None = None
        self._notices: list[str] = []

    def show(self, notices: Sequence[str]) -> None:
        """Tell about ``notices`` once: a short status message and a button with the details."""
        self.clear()
        self._notices = [translated(n) for n in notices if str(n).strip()]  # in the GUI's language
        if not self._notices:
            return
        count = len(self._notices)
        button = QPushButton(self.tr("⚠ %n anmärkningar om filen", "", count), self._window)
        button.setFlat(True)
        button.setAccessibleName(self.tr("Anmärkningar om filen"))
        button.setToolTip(self.tr("Vad som ändrades eller hittades när filen öppnades"))
        button.clicked.connect(self.open_details)
        self._window.statusBar().insertPermanentWidget(0, button)
        self.button = button
        self._window.statusBar().showMessage(
            self.tr("Filen är öppen. Läs anmärkningen om filen nere till höger."), 15000
        )

    def open_details(self) -> None:
        """The notices in a window that does not block the work (closed with OK)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Anmärkningar om filen"),
            self.tr("När filen öppnades hittades detta. Ditt arbete i filen påverkas inte:"),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setInformativeText("\n\n".join(f"• {n}" for n in self._notices))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.details = box

    def clear(self) -> None:
        if self.button is not None:
            self._window.statusBar().removeWidget(self.button)
            self.button.deleteLater()
            self.button = None
        if self.details is not None:
            self.details.close()
            self.details = None
        self._notices = []


def tell_checkpoint_failed(parent: QWidget, message: str) -> None:
    """The file is closed, but the edits are only in ``NAME-wal``: say so, and what to do."""
    title = QCoreApplication.translate("file_notices", "Filen är stängd – ändringarna är sparade")
    QMessageBox.warning(parent, title, message)
