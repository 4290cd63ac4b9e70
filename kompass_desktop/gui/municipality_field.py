"""The municipality of an evaluation, chosen from the register (the wizard and the facts dialog).

A search field whose list filters as one types (name, short name or code; case and diacritics
do not matter: "olofstrom", "1060" and "Göteborg" all find theirs), a line that says what the
text names ("Olofströms kommun · kommunkod 1060 · Blekinge län", or why nothing is chosen and
the closest names), and the explicit choice "Ej i registret (övning/fiktiv)", which keeps the
name exactly as written and keeps the evaluation out of every national average.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.errors import KompassError
from ..domain.model import EvaluationInfo
from ..domain.municipalities import Municipality, MunicipalityNotFound
from ..services import municipality
from ..services.municipality import MunicipalityChoice
from .error_text import error_text


class MunicipalityField(QWidget):
    """``choice()`` is what the file will store, or None while the text names no municipality."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, info: EvaluationInfo | None = None) -> None:
        super().__init__(parent)
        self.register = municipality.register()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("municipality")
        self.edit.setPlaceholderText(self.tr("Skriv namnet eller kommunkoden, t.ex. Olofström eller 1060"))
        self.edit.setAccessibleName(self.tr("Kommun"))
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self.unlisted = QCheckBox(self.tr("Ej i registret (övning/fiktiv)"), self)
        self.unlisted.setObjectName("municipality-unlisted")
        self.unlisted.setToolTip(
            self.tr(
                "För en övning eller en påhittad kommun: namnet används precis som det står "
                "(t.ex. ”Lindsjö kommun”) och utvärderingen räknas aldrig i nationella medelvärden."
            )
        )
        self.status = QLabel(self)
        self.status.setObjectName("municipality-status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        for widget in (self.edit, self.unlisted, self.status):
            layout.addWidget(widget)
        self._initial: tuple[str, bool] = ("", False)
        self.current = info
        if info is not None:
            entry = self.register.by_code(info.municipality_code) if info.municipality_code else None
            self.edit.setText(entry.label() if entry else info.municipality)
            self.unlisted.setChecked(info.unlisted)
            self._initial = (self.edit.text(), info.unlisted)
        self.edit.textEdited.connect(self._filter)
        self.edit.textChanged.connect(self._update)
        self.unlisted.toggled.connect(lambda: self._filter(self.edit.text(), popup=False))
        self.unlisted.toggled.connect(self._update)
        self._filter(self.edit.text(), popup=False)
        self._update()

    # -- what is chosen ------------------------------------------------------------------
    def _lookup(self) -> Municipality | KompassError:
        try:
            return self.register.find(self.edit.text())
        except MunicipalityNotFound as err:
            return err

    def choice(self) -> MunicipalityChoice | None:
        if self.unlisted.isChecked():
            text = " ".join(self.edit.text().split())
            return municipality.unlisted(text) if text else None
        found = self._lookup()
        return municipality.from_register(found) if isinstance(found, Municipality) else None

    def untouched(self) -> bool:
        """The stored name as it was (a file from before the register may keep its name)."""
        return (self.edit.text(), self.unlisted.isChecked()) == self._initial

    def is_valid(self) -> bool:
        return self.choice() is not None or (self.current is not None and self.untouched())

    def file_stem(self) -> str:
        """A file name for a new evaluation: "Olofström", "Lindsjö kommun"."""
        found = None if self.unlisted.isChecked() else self._lookup()
        if isinstance(found, Municipality):
            return found.short_name
        return " ".join(self.edit.text().split())

    # -- as one types --------------------------------------------------------------------
    def _filter(self, text: str, popup: bool = True) -> None:
        if self.unlisted.isChecked():
            self.model.setStringList([])
            return
        self.model.setStringList([m.label() for m in self.register.search(text)])
        if popup and text.strip() and self.edit.hasFocus():
            self.completer.complete()

    def _update(self) -> None:
        self.status.setText(self._status_html())
        self.changed.emit()

    def _status_html(self) -> str:
        if self.unlisted.isChecked():
            if not self.edit.text().strip():
                return self._warn(
                    self.tr("Skriv namnet som det ska stå i rapporten, t.ex. ”Lindsjö kommun”.")
                )
            return html.escape(
                self.tr("Namnet används som det står; utvärderingen räknas aldrig i nationella medelvärden.")
            )
        found = self._lookup()
        if isinstance(found, Municipality):
            text = self.tr("{0} · kommunkod {1} · {2}").format(found.name, found.code, found.county)
            if self.current is not None and not self.current.municipality_code and not self.current.unlisted:
                text += " " + self.tr("(OK kopplar utvärderingen till kommunregistret)")
            return "✓ " + html.escape(text)
        if self.current is not None and self.untouched():
            return self._warn(
                self.tr(
                    "”{0}” är inte vald ur kommunregistret. Välj kommunen i listan, eller kryssa i "
                    "Ej i registret för en övning eller en påhittad kommun."
                ).format(self.current.municipality)
            )
        return self._warn(
            error_text(found) if self.edit.text().strip() else self.tr("Välj kommunen i listan.")
        )

    @staticmethod
    def _warn(text: str) -> str:
        return f'<span style="color:#a33">{html.escape(text)}</span>'
