"""Small dialogs: choosing a sub-area, editing a text, showing errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.framework import Framework

UNSORTED = "__unsorted__"


def subarea_combo(
    framework: Framework, parent: QWidget | None = None, *, allow_unsorted: bool = True
) -> QComboBox:
    combo = QComboBox(parent)
    if allow_unsorted:
        combo.addItem(QCoreApplication.translate("dialogs", "Osorterad (ingen delfråga)"), UNSORTED)
    for area in framework.areas:
        for sub in area.subareas:
            combo.addItem(f"{sub.number} {sub.heading}", sub.number)
    combo.setAccessibleName(QCoreApplication.translate("dialogs", "Delfråga"))
    return combo


class ChooseSubAreaDialog(QDialog):
    def __init__(self, framework: Framework, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Flytta anteckning"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Flytta till delfråga:"), self))
        self.combo = subarea_combo(framework, self)
        index = self.combo.findData(current or UNSORTED)
        self.combo.setCurrentIndex(max(index, 0))
        layout.addWidget(self.combo)
        layout.addWidget(ok_cancel(self))

    def chosen(self) -> str | None:
        value = self.combo.currentData()
        return None if value == UNSORTED else str(value)


class EditTextDialog(QDialog):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.edit.setAccessibleName(title)
        layout.addWidget(self.edit)
        layout.addWidget(ok_cancel(self))
        self.resize(520, 260)

    def text(self) -> str:
        return self.edit.toPlainText()


def ok_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """The OK/Cancel row of a dialog, connected to accept/reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm_delete(parent: QWidget | None, title: str, text: str, button: str) -> bool:
    """Ask before deleting something other data depends on; says what goes with it.

    ``button`` names exactly what will be deleted ("Ta bort intervjun och 8 anteckningar");
    Avbryt is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmDelete")
    box.setInformativeText(QCoreApplication.translate("dialogs", "Du kan ångra med Ctrl+Z."))
    delete = box.addButton(button, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def show_error(parent: QWidget | None, message: str, title: str = "") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title or "Kompass Desktop", message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorBox")
    box.exec()
