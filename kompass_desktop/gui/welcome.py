"""The start screen (recent files, demo, new, open) and the new-evaluation wizard."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .. import resources
from ..domain.errors import KompassError
from . import theme
from .comparisons import EarlierScoresForm
from .municipality_field import MunicipalityField
from .settings import recent_files
from .widgets import kommungrupp_combo, muted_label

ROLE_PATH = Qt.ItemDataRole.UserRole + 70


class WelcomeWidget(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    file_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        title = self.tr("Kompass Desktop")  # (lupdate does not see tr() inside an f-string)
        column.addWidget(QLabel(f"<h1>{title}</h1>", self))
        column.addWidget(
            muted_label(
                self.tr(
                    "Arbetsverktyget för utvärderingar med Kommunkompassen. Allt sparas direkt i "
                    "utvärderingsfilen – det finns ingen Spara-knapp att glömma."
                ),
                self,
            )
        )
        buttons = QHBoxLayout()
        for text, signal, name in (
            (self.tr("Ny utvärdering…"), self.new_requested, "new"),
            (self.tr("Öppna…"), self.open_requested, "open"),
            (self.tr("Öppna demoutvärdering"), self.demo_requested, "demo"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"welcome-{name}")
            button.clicked.connect(signal.emit)
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        column.addLayout(buttons)
        recent_title = self.tr("Senaste filer")
        column.addWidget(QLabel(f"<h3>{recent_title}</h3>", self))
        self.recent = QListWidget(self)
        self.recent.setAccessibleName(self.tr("Senaste filer"))
        self.recent.itemActivated.connect(lambda item: self.file_chosen.emit(item.data(ROLE_PATH)))
        column.addWidget(self.recent)
        column.addStretch(2)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in recent_files():
            item = QListWidgetItem(f"{path.name}\n{path.parent}", self.recent)
            item.setData(ROLE_PATH, str(path))
            if not os.path.exists(path):  # no OSError, also for a name too long to exist
                item.setForeground(QBrush(theme.MUTED))
                item.setToolTip(self.tr("Filen finns inte längre här"))
        if self.recent.count() == 0:
            placeholder = QListWidgetItem(self.tr("Inga öppnade filer ännu."), self.recent)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)


class MunicipalityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Kommunen"))
        self.setSubTitle(self.tr("Uppgifterna används i rapportens Kortfakta och kan ändras senare."))
        form = QFormLayout(self)
        self.name = MunicipalityField(self)
        self.name.changed.connect(self.completeChanged)
        self.kommungrupp = kommungrupp_combo(self)
        self.inhabitants = QSpinBox(self)
        self.inhabitants.setRange(0, 2_000_000)
        self.inhabitants.setGroupSeparatorShown(True)
        self.employees = QSpinBox(self)
        self.employees.setRange(0, 200_000)
        self.employees.setGroupSeparatorShown(True)
        self.parties = QLineEdit(self)
        self.parties.setPlaceholderText(self.tr("t.ex. S och C"))
        for label, widget in (
            (self.tr("Kommunens namn *"), self.name),
            (self.tr("Kommungrupp"), self.kommungrupp),
            (self.tr("Invånare"), self.inhabitants),
            (self.tr("Anställda"), self.employees),
            (self.tr("Styrande partier"), self.parties),
        ):
            widget.setAccessibleName(label.rstrip(" *"))
            form.addRow(label, widget)
        self.name.edit.setAccessibleName(self.tr("Kommunens namn"))

    def isComplete(self) -> bool:
        return self.name.choice() is not None


class EvaluationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Utvärderingen"))
        form = QFormLayout(self)
        self.framework = QComboBox(self)
        for fw in resources.frameworks():
            self.framework.addItem(fw.name, fw.id)
        self.start = QDateEdit(QDate.currentDate(), self)
        self.end = QDateEdit(QDate.currentDate().addDays(2), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.number = QSpinBox(self)
        self.number.setRange(1, 20)
        self.evaluators = QPlainTextEdit(self)
        self.evaluators.setPlaceholderText(self.tr("En utvärderare per rad"))
        self.evaluators.setMaximumHeight(80)
        self.evaluators.setTabChangesFocus(True)
        for label, widget in (
            (self.tr("Version av Kommunkompassen"), self.framework),
            (self.tr("Platsbesöket börjar"), self.start),
            (self.tr("Platsbesöket slutar"), self.end),
            (self.tr("Kommunens utvärdering nr"), self.number),
            (self.tr("Utvärderare"), self.evaluators),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)


class EarlierPage(QWizardPage):
    """An earlier evaluation of the municipality (optional): year, version and score per area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tidigare utvärdering (frivilligt)"))
        self.setSubTitle(
            self.tr("Poängen per område används i diagrammen. Lämna tomt om det inte finns någon.")
        )
        layout = QVBoxLayout(self)
        self.form = EarlierScoresForm(self, optional=True)
        layout.addWidget(self.form)
        self.year, self.framework, self.scores = self.form.year, self.form.framework, self.form.scores

    def values(self) -> dict[str, Any] | None:
        return self.form.values()


class FilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Spara utvärderingsfilen"))
        self.setSubTitle(
            self.tr("Allt du gör sparas direkt i den här filen. Välj en mapp på datorns egen disk.")
        )
        row = QHBoxLayout(self)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Filnamn"))
        self.registerField("path*", self.path)
        browse = QPushButton(self.tr("Välj…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path)
        row.addWidget(browse)

    def initializePage(self) -> None:
        wizard = self.wizard()
        if not self.path.text() and isinstance(wizard, NewEvaluationWizard):
            name = wizard.municipality.name.file_stem() or "utvardering"
            year = QDate.currentDate().year()
            self.path.setText(str(Path.home() / f"{name}-{year}.kompass"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara utvärdering"), self.path.text(), self.tr("Utvärderingar (*.kompass)")
        )
        if path:
            self.path.setText(path if path.endswith(".kompass") else path + ".kompass")


class NewEvaluationWizard(QWizard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ny utvärdering"))
        self.municipality = MunicipalityPage(self)
        self.evaluation = EvaluationPage(self)
        self.earlier = EarlierPage(self)
        self.file = FilePage(self)
        for page in (self.municipality, self.evaluation, self.earlier, self.file):
            self.addPage(page)
        self.resize(640, 520)

    def spec(self) -> dict[str, Any]:
        m, e = self.municipality, self.evaluation
        evaluators = tuple(x.strip() for x in e.evaluators.toPlainText().splitlines() if x.strip())
        choice = m.name.choice()
        if choice is None:  # the page cannot be left without one
            raise KompassError(self.tr("Välj kommunen i listan."))
        return {
            "path": self.file.path.text().strip(),
            "framework_id": e.framework.currentData(),
            "municipality": choice.name,
            "municipality_code": choice.code,
            "unlisted": choice.unlisted,
            "year": e.start.date().year(),
            "kommungrupp": m.kommungrupp.currentText().strip(),
            "inhabitants": m.inhabitants.value() or None,
            "employees": m.employees.value() or None,
            "governing_parties": m.parties.text().strip(),
            "evaluation_number": e.number.value(),
            "start_date": e.start.date().toString("yyyy-MM-dd"),
            "end_date": e.end.date().toString("yyyy-MM-dd"),
            "evaluators": evaluators,
            "earlier": self.earlier.values(),
        }
