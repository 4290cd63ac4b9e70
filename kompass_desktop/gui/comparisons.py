"""Reference data for the charts: earlier evaluations and the national-average reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import resources
from ..domain.rules import AREA_MAX, FIRST_YEAR, LAST_YEAR
from ..domain.scoring import format_exact
from ..services import AnyChange, ChangeKind
from ..services.comparison import national_average_for
from .controller import EvaluationController
from .dialogs import ok_cancel
from .widgets import muted_label
from .wording import national_label

ROLE_ID = Qt.ItemDataRole.UserRole + 80


NO_SCORE = -1  # a spin box showing "–": the area was not scored (or is not known)
NO_YEAR = FIRST_YEAR - 1  # the year box's "ingen" (no earlier evaluation)


class EarlierScoresForm(QWidget):
    """Year, version and the score per area of an earlier evaluation (wizard page and dialog)."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.optional = optional
        self.year = QSpinBox(self)
        if optional:
            self.year.setRange(NO_YEAR, LAST_YEAR)
            self.year.setValue(NO_YEAR)
            self.year.setSpecialValueText(self.tr("ingen"))
        else:
            self.year.setRange(FIRST_YEAR, LAST_YEAR)
            self.year.setValue(2020)
        self.framework = QComboBox(self)
        for fw_id, name in resources.framework_names().items():
            self.framework.addItem(name, fw_id)
        for label, widget in ((self.tr("År"), self.year), (self.tr("Version"), self.framework)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.labels: list[QLabel] = []
        self.scores: list[QSpinBox] = []
        for i in range(8):
            spin = QSpinBox(self)
            spin.setRange(NO_SCORE, int(AREA_MAX))
            spin.setValue(NO_SCORE)
            spin.setSpecialValueText("–")
            spin.setAccessibleName(self.tr("Område {0}").format(i + 1))
            area_label = QLabel(self)
            form.addRow(area_label, spin)
            self.labels.append(area_label)
            self.scores.append(spin)
        self.framework.currentIndexChanged.connect(self._relabel)
        self._relabel()

    def _relabel(self) -> None:
        fw = resources.framework(self.framework.currentData())
        for area, label in zip(fw.areas, self.labels, strict=False):
            label.setText(f"{area.number}. {area.title}")

    def values(self) -> dict[str, Any] | None:
        """None when no earlier evaluation was given; areas left at "–" are not stored."""
        if self.optional and self.year.value() == NO_YEAR:
            return None
        return {
            "year": self.year.value(),
            "framework_id": self.framework.currentData(),
            "area_scores": {
                str(i + 1): s.value() for i, s in enumerate(self.scores) if s.value() != NO_SCORE
            },
        }


class EarlierDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tidigare utvärdering"))
        layout = QVBoxLayout(self)
        self.form = EarlierScoresForm(self)
        layout.addWidget(self.form)
        layout.addWidget(ok_cancel(self))


class ComparisonsBox(QGroupBox):
    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Jämförelser i diagrammen"))
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tidigare utvärderingar"), self))
        self.earlier = QListWidget(self)
        self.earlier.setAccessibleName(self.tr("Tidigare utvärderingar"))
        self.earlier.setMaximumHeight(90)
        layout.addWidget(self.earlier)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Lägg till…"), self.add),
            (self.tr("Läs in från fil…"), self.add_from_file),
            (self.tr("Ta bort"), self.delete),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Nationellt medelvärde"), self))
        self.national = muted_label("", self)
        layout.addWidget(self.national)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Välj medelvärdesfil…"), self.choose_national),
            (self.tr("Använd medföljande"), self.clear_national),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, change: AnyChange | None = None) -> None:
        if change is not None and change.kind not in (ChangeKind.EARLIER, ChangeKind.BULK):
            return
        session = self.controller.session
        self.earlier.clear()
        names = resources.framework_labels()
        for record in session.registers.earlier():
            label = str(record.label or record.year)
            version = names.get(record.framework_id, record.framework_id)
            text = (  # the version once: many labels name it already ("Lindsjö 2018 (version 2.1)")
                self.tr("{0} – totalt {1}").format(label, format_exact(record.total))
                if version in label
                else self.tr("{0} – version {1} – totalt {2}").format(
                    label, version, format_exact(record.total)
                )
            )
            item = QListWidgetItem(text, self.earlier)
            item.setData(ROLE_ID, record.id)
        stored = session.registers.national_average()
        avg = stored or national_average_for(self.controller.framework.id)
        if avg is None:
            self.national.setText(self.tr("Inget medelvärde för denna version."))
        else:
            origin = self.tr("vald fil") if stored else self.tr("medföljer programmet")
            self.national.setText(f"{national_label(avg)} (n = {avg.n}; {origin})")

    def select(self, earlier_id: str) -> QWidget:
        """Make an earlier evaluation current in the list; returns the list."""
        for row in range(self.earlier.count()):
            if self.earlier.item(row).data(ROLE_ID) == earlier_id:
                self.earlier.setCurrentRow(row)
        return self.earlier

    def add(self) -> None:
        dialog = EarlierDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.form.values()
            if values is not None:
                self.controller.add_earlier(values["year"], values["framework_id"], values["area_scores"])

    def add_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Tidigare utvärderingsfil"), str(Path.home()), self.tr("Utvärderingar (*.kompass)")
        )
        if path:
            self.controller.add_earlier_from_file(Path(path))

    def delete(self) -> None:
        item = self.earlier.currentItem()
        if item is not None:
            self.controller.delete_earlier(str(item.data(ROLE_ID)))

    def choose_national(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Nationellt medelvärde"), str(Path.home()), self.tr("Medelvärdesfiler (*.json)")
        )
        if path:
            self.controller.call(self.controller.session.registers.set_national_average_from_file, Path(path))

    def clear_national(self) -> None:
        self.controller.call(self.controller.session.registers.clear_national_average)
