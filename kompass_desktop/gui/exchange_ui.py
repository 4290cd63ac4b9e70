"""Export to SKR, import of an export, and merging a co-evaluator's file (conflicts side by side)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KompassError
from . import settings
from .controller import EvaluationController
from .dialogs import ok_cancel, show_error
from .error_text import error_text, translated
from .widgets import muted_label

if TYPE_CHECKING:
    from ..exchange.merge import Conflict, MergePlan


class ExportDialog(QDialog):
    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exportera till SKR"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Exporten är en .kkx-fil med utvärderingens poäng, texter, iakttagelser, dokument och "
                    "intervjugrupper. Den kontrolleras efter att den skrivits."
                ),
                self,
            )
        )
        self.personal = QCheckBox(self.tr("Ta med personuppgifter"), self)
        layout.addWidget(self.personal)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Utan bocken lämnas namnen på intervjupersonerna, anteckningarna från intervjuerna och "
                    "ändringshistoriken utanför. Välj bara detta när filen ska till en medutvärderare "
                    "som ska "
                    "slå samman den med sin fil."
                ),
                self,
            )
        )
        self.seal = QCheckBox(self.tr("Försegla för SKR (kryptera med SKR:s publika nyckel)"), self)
        layout.addWidget(self.seal)
        key_row = QHBoxLayout()
        self.key = QLineEdit(str(settings.settings().value("seal_key", "")), self)
        self.key.setAccessibleName(self.tr("SKR:s publika nyckel"))
        self.key.setPlaceholderText(self.tr("SKR:s publika nyckel (.pub)"))
        browse = QPushButton(self.tr("Välj…"), self)
        browse.clicked.connect(self._browse_key)
        key_row.addWidget(self.key)
        key_row.addWidget(browse)
        layout.addLayout(key_row)
        out_row = QHBoxLayout()
        session = controller.session
        self.out = QLineEdit(str(session.path.with_suffix(".kkx")), self)
        self.out.setAccessibleName(self.tr("Exportfil"))
        out_browse = QPushButton(self.tr("Spara som…"), self)
        out_browse.clicked.connect(self._browse_out)
        out_row.addWidget(QLabel(self.tr("Fil:"), self))
        out_row.addWidget(self.out)
        out_row.addWidget(out_browse)
        layout.addLayout(out_row)
        layout.addWidget(ok_cancel(self, self.tr("Exportera")))
        self.resize(560, self.sizeHint().height())

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("SKR:s publika nyckel"), self.key.text(), self.tr("Publika nycklar (*.pub)")
        )
        if path:
            self.key.setText(path)
            self.seal.setChecked(True)

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportera till"), self.out.text(), self.tr("Exportfiler (*.kkx)")
        )
        if path:
            self.out.setText(path if path.endswith(".kkx") else path + ".kkx")


def export_to_skr(parent: QWidget, controller: EvaluationController) -> Path | None:
    from ..exchange.export import export_evaluation

    dialog = ExportDialog(controller, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    key = Path(dialog.key.text()) if dialog.seal.isChecked() and dialog.key.text().strip() else None
    if dialog.seal.isChecked() and key is None:
        show_error(
            parent,
            QCoreApplication.translate("exchange", "Välj SKR:s publika nyckel för att försegla exporten."),
        )
        return None
    if key is not None:
        settings.settings().setValue("seal_key", str(key))
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = export_evaluation(
            controller.session.file,
            Path(dialog.out.text()),
            personal_data=dialog.personal.isChecked(),
            seal_key=key,
        )
    except KompassError as err:
        QGuiApplication.restoreOverrideCursor()
        show_error(parent, error_text(err), QCoreApplication.translate("exchange", "Exporten misslyckades"))
        return None
    QGuiApplication.restoreOverrideCursor()
    sealed = QCoreApplication.translate("exchange", " Den är förseglad för SKR.") if result.sealed else ""
    QMessageBox.information(
        parent,
        QCoreApplication.translate("exchange", "Exporten är klar"),
        QCoreApplication.translate("exchange", "Exporten sparades och kontrollerades: {0}.{1}").format(
            result.path, sealed
        ),
    )
    return result.path


def import_export_file(parent: QWidget) -> Path | None:
    from ..exchange.importer import import_export

    source, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("exchange", "Importera export"),
        str(Path.home()),
        QCoreApplication.translate("exchange", "Exportfiler (*.kkx)"),
    )
    if not source:
        return None
    target, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("exchange", "Spara som utvärderingsfil"),
        str(Path(source).with_suffix(".kompass")),
        QCoreApplication.translate("exchange", "Utvärderingar (*.kompass)"),
    )
    if not target:
        return None
    try:
        result = import_export(Path(source), Path(target))
    except KompassError as err:
        show_error(parent, error_text(err), QCoreApplication.translate("exchange", "Importen misslyckades"))
        return None
    return result.path


class MergeCounts(QObject):
    """Plural forms need ``self.tr(…, n)``: lupdate ignores the count of ``QCoreApplication.translate``."""

    def text(self, plan: MergePlan) -> str:
        new = self.tr("%n nya poster", "", len(plan.inserts))
        changed = self.tr("%n ändrade poster", "", len(plan.updates))
        return self.tr("{0} och {1}").format(new, changed)


def incoming(plan: MergePlan) -> str:
    """ "1 ny post och 3 ändrade poster" (the counts of a merge)."""
    return MergeCounts().text(plan)


def field_label(table: str, name: str) -> str:
    """A field of a conflict ("Text", "Poäng"): the core's word, in the GUI's language."""
    from ..exchange import labels

    return translated(labels.field_label(table, name))


def field_value(table: str, name: str, value: object) -> str:
    from ..exchange import labels

    return translated(labels.field_value(table, name, value))


def conflict_side(conflict: Conflict, side: str) -> str:
    """One file's side of a conflict: a field a line ("Text: Målen följs upp"); ``side``: lead|other."""
    table = conflict.table
    return "\n".join(
        f"{field_label(table, d.name)}: {field_value(table, d.name, getattr(d, side))}"
        for d in conflict.fields
    )


class ConflictsDialog(QDialog):
    """Each conflict side by side; the evaluator chooses which value to keep."""

    def __init__(self, plan: MergePlan, other_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Slå samman – konflikter"))
        self.plan = plan
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "{0} tas in. {1}: välj vilket värde som ska gälla. Det andra sparas i historiken."
                ).format(
                    incoming(plan),
                    self.tr("%n poster har ändrats olika i båda filerna", "", len(plan.conflicts)),
                ),
                self,
            )
        )
        self.table = QTableWidget(len(plan.conflicts), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Post"), self.tr("Din fil"), other_label, self.tr("Behåll")]
        )
        self.table.setAccessibleName(self.tr("Konflikter"))
        self.choices: dict[str, QComboBox] = {}
        for row, conflict in enumerate(plan.conflicts):
            label = translated(conflict.label)
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(conflict_side(conflict, "lead")))
            self.table.setItem(row, 2, QTableWidgetItem(conflict_side(conflict, "other")))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("Din fil"), "lead")
            combo.addItem(other_label, "other")
            combo.setAccessibleName(self.tr("Behåll för {0}").format(label))
            self.table.setCellWidget(row, 3, combo)
            self.choices[conflict.id] = combo
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        layout.addWidget(ok_cancel(self, self.tr("Slå samman")))
        self.resize(900, 520)

    def chosen(self) -> dict[str, str]:
        return {cid: str(combo.currentData()) for cid, combo in self.choices.items()}


def merge_other_file(parent: QWidget, controller: EvaluationController, other: Path | None = None) -> bool:
    from ..exchange.merge import apply_merge, plan_merge

    if other is None:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("exchange", "Slå samman med medutvärderares fil"),
            str(Path.home()),
            QCoreApplication.translate("exchange", "Utvärderingar och exporter (*.kompass *.kkx)"),
        )
        if not path:
            return False
        other = Path(path)
    session = controller.session
    try:
        plan = plan_merge(session, other)
    except KompassError as err:
        show_error(
            parent, error_text(err), QCoreApplication.translate("exchange", "Filerna kan inte slås samman")
        )
        return False
    if plan.is_empty:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("exchange", "Slå samman"),
            QCoreApplication.translate("exchange", "{0} innehåller inget nytt.").format(other.name),
        )
        return False
    choices: dict[str, str] = {}
    if plan.conflicts:
        dialog = ConflictsDialog(plan, other.name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        choices = dialog.chosen()
    elif (
        QMessageBox.question(
            parent,
            QCoreApplication.translate("exchange", "Slå samman"),
            QCoreApplication.translate(
                "exchange", "{0} från {1} tas in. En säkerhetskopia görs först. Fortsätta?"
            ).format(incoming(plan), other.name),
        )
        != QMessageBox.StandardButton.Yes
    ):
        return False
    try:
        result = apply_merge(session, plan, choices)  # type: ignore[arg-type]
    except KompassError as err:
        show_error(
            parent, error_text(err), QCoreApplication.translate("exchange", "Sammanslagningen misslyckades")
        )
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("exchange", "Sammanslaget"),
        QCoreApplication.translate(
            "exchange", "Klart. En säkerhetskopia av filen före sammanslagningen finns i {0}."
        ).format(result.backup),
    )
    return True
