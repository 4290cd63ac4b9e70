"""Editing the facts of the municipality and the evaluation (Kortfakta, title page, Utvärderingen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ..domain.model import EvaluationInfo
from .dialogs import ok_cancel
from .municipality_field import MunicipalityField
from .widgets import kommungrupp_combo


class InfoDialog(QDialog):
    def __init__(self, info: EvaluationInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Uppgifter om kommunen och utvärderingen"))
        self.info = info
        form = QFormLayout(self)
        self.municipality = MunicipalityField(self, info)
        self.kommungrupp = kommungrupp_combo(self, info.kommungrupp)
        self.inhabitants = self._number(info.inhabitants, 2_000_000)
        self.inhabitants_note = QLineEdit(info.inhabitants_note, self)
        self.inhabitants_note.setPlaceholderText(self.tr("t.ex. 31 december 2024"))
        self.employees = self._number(info.employees, 200_000)
        self.employees_note = QLineEdit(info.employees_note, self)
        self.parties = QLineEdit(info.governing_parties, self)
        self.number = self._number(info.evaluation_number, 20)
        self.start = self._date(info.start_date)
        self.end = self._date(info.end_date)
        self.evaluators = QPlainTextEdit("\n".join(info.evaluators), self)
        self.evaluators.setTabChangesFocus(True)
        self.evaluators.setMaximumHeight(70)
        self.facts = QPlainTextEdit("\n".join(f"{k}: {v}" for k, v in info.facts), self)
        self.facts.setTabChangesFocus(True)
        self.facts.setPlaceholderText(self.tr("En uppgift per rad, t.ex.  Kommunvapen: …"))
        self.facts.setMaximumHeight(90)
        rows = (
            (self.tr("Kommun"), self.municipality),
            (self.tr("Kommungrupp"), self.kommungrupp),
            (self.tr("Invånare"), self.inhabitants),
            (self.tr("Invånarantalet gäller"), self.inhabitants_note),
            (self.tr("Anställda"), self.employees),
            (self.tr("Antalet anställda gäller"), self.employees_note),
            (self.tr("Styrande partier"), self.parties),
            (self.tr("Utvärdering nr"), self.number),
            (self.tr("Platsbesöket börjar"), self.start),
            (self.tr("Platsbesöket slutar"), self.end),
            (self.tr("Utvärderare (en per rad)"), self.evaluators),
            (self.tr("Fler kortfakta"), self.facts),
        )
        for label, widget in rows:
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)
        self.municipality.changed.connect(self._allow_ok)
        self._allow_ok()
        self.resize(560, self.sizeHint().height())

    def _allow_ok(self) -> None:
        """OK needs a municipality from the register or one marked as not in it (a file from
        before the register may also keep its name as it is)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.municipality.is_valid())

    def _number(self, value: int | None, maximum: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, maximum)
        spin.setGroupSeparatorShown(True)
        spin.setSpecialValueText("–")
        spin.setValue(value or 0)
        return spin

    def _date(self, value: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        date = QDate.fromString(value, "yyyy-MM-dd")
        edit.setDate(date if date.isValid() else QDate.currentDate())
        return edit

    def changes(self) -> dict[str, Any]:
        facts = []
        for line in self.facts.toPlainText().splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                facts.append((key.strip(), value.strip()))
        start = self.start.date().toString("yyyy-MM-dd")
        values: dict[str, Any] = {
            "kommungrupp": self.kommungrupp.currentText().strip(),
            "inhabitants": self.inhabitants.value() or None,
            "inhabitants_note": self.inhabitants_note.text().strip(),
            "employees": self.employees.value() or None,
            "employees_note": self.employees_note.text().strip(),
            "governing_parties": self.parties.text().strip(),
            "evaluation_number": self.number.value() or None,
            "start_date": start,
            "end_date": self.end.date().toString("yyyy-MM-dd"),
            "year": int(start[:4]),
            "evaluators": tuple(x.strip() for x in self.evaluators.toPlainText().splitlines() if x.strip()),
            "facts": tuple(facts),
        }
        current = {key: getattr(self.info, key) for key in values}
        changed = {k: v for k, v in values.items() if v != current[k]}
        choice = self.municipality.choice()
        if choice is not None:  # the name, the code and "not in the register" change together
            chosen = {
                "municipality": choice.name,
                "municipality_code": choice.code,
                "unlisted": choice.unlisted,
            }
            if any(getattr(self.info, key) != value for key, value in chosen.items()):
                changed.update(chosen)
        return changed
