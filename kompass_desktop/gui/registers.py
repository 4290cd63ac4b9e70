"""Registers of the visit: interviews (the schedule), documents, web and social-media observations."""

from __future__ import annotations

import html
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import InterviewGroup
from ..services import AnyChange, ChangeKind
from ..services.registers import Record, Register
from .controller import EvaluationController
from .dialogs import confirm_delete, ok_cancel
from .formatting import interview_label
from .printing import print_guarded
from .wording import group_label, group_labels, names_label, roles_label, web_kind, web_kinds

ROLE_ID = Qt.ItemDataRole.UserRole + 40


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text | multiline | list | int | date | group | webkind | choice | path
    choices: tuple[str, ...] = ()


class RecordDialog(QDialog):
    def __init__(
        self, title: str, fields: list[Field], values: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = fields
        form = QFormLayout(self)
        self.widgets: dict[str, QWidget] = {}
        for f in fields:
            value = values.get(f.key)
            widget: QWidget
            if f.kind == "multiline":
                widget = QPlainTextEdit(str(value or ""), self)
                widget.setTabChangesFocus(True)
            elif f.kind == "int":
                widget = QSpinBox(self)
                widget.setRange(0, 3000 if f.key == "year" else 999)
                widget.setSpecialValueText("–")
                widget.setValue(int(value or 0))
            elif f.kind == "date":
                widget = QDateEdit(self)
                widget.setCalendarPopup(True)
                widget.setDisplayFormat("yyyy-MM-dd")
                date = QDate.fromString(str(value or ""), "yyyy-MM-dd")
                widget.setDate(date if date.isValid() else QDate.currentDate())
            elif f.kind == "group":
                widget = QComboBox(self)
                for group, label in group_labels().items():
                    widget.addItem(label, group.value)
                widget.setCurrentIndex(max(widget.findData(value or InterviewGroup.OVRIGA.value), 0))
            elif f.kind == "webkind":  # a stored key, shown in the GUI's language
                widget = QComboBox(self)
                for key, label in web_kinds().items():
                    widget.addItem(label, key)
                if widget.findData(value) < 0 and value:
                    widget.addItem(str(value), value)
                widget.setCurrentIndex(max(widget.findData(value or "webb"), 0))
            elif f.kind == "choice":
                widget = QComboBox(self)
                widget.setEditable(True)
                widget.addItems(list(f.choices))
                widget.setCurrentText(str(value or ""))
            elif f.kind == "path":
                widget = QWidget(self)
                row = QHBoxLayout(widget)
                row.setContentsMargins(0, 0, 0, 0)
                line = QLineEdit(str(value or ""), widget)
                browse = QPushButton(self.tr("Välj…"), widget)
                browse.clicked.connect(lambda _=False, line=line: self._browse(line))
                row.addWidget(line)
                row.addWidget(browse)
                widget.line = line  # type: ignore[attr-defined]
            else:
                text = ", ".join(value) if isinstance(value, (list, tuple)) else str(value or "")
                widget = QLineEdit(text, self)
            widget.setAccessibleName(f.label)
            self.widgets[f.key] = widget
            form.addRow(f.label, widget)
        form.addRow(ok_cancel(self))
        self.resize(520, self.sizeHint().height())

    def _browse(self, line: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Välj dokument"), line.text())
        if path:
            line.setText(path)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.widgets[f.key]
            if isinstance(w, QPlainTextEdit):
                out[f.key] = w.toPlainText()
            elif isinstance(w, QSpinBox):
                out[f.key] = w.value() or None
            elif isinstance(w, QDateEdit):
                out[f.key] = w.date().toString("yyyy-MM-dd")
            elif isinstance(w, QComboBox):
                keyed = f.kind in ("group", "webkind")
                out[f.key] = w.currentData() if keyed else w.currentText().strip()
            elif f.kind == "path":
                out[f.key] = w.line.text().strip()  # type: ignore[attr-defined]
            elif f.kind == "list":
                out[f.key] = [x.strip() for x in w.text().split(",") if x.strip()]  # type: ignore[attr-defined]
            else:
                out[f.key] = w.text().strip()  # type: ignore[attr-defined]
        return out


class RegisterPage(QWidget):
    """One register as a table; Insert adds, Enter/F2 edits, Delete removes (all undoable)."""

    def __init__(
        self, controller: EvaluationController, kind: Register, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.kind = kind
        self.fields = self._make_fields(kind)
        titles = {
            Register.INTERVIEW: self.tr("Intervjuer – besöksschema"),
            Register.DOCUMENT: self.tr("Dokument"),
            Register.WEB: self.tr("Webb och sociala medier"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{titles[kind]}</h2>", self))
        buttons = QHBoxLayout()
        self.table = QTableWidget(self)
        self.table.setAccessibleName(titles[kind])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        actions = [
            (self.tr("Ny…"), "Ins", self.add),
            (self.tr("Redigera…"), "F2", self.edit_current),
            (self.tr("Ta bort"), "Del", self.delete_current),
        ]
        if kind == Register.DOCUMENT:
            actions.append((self.tr("Öppna dokumentet"), "Ctrl+Return", self.open_current))
        if kind == Register.INTERVIEW:
            actions.append((self.tr("Skriv ut schema…"), "", self.print_schedule))
        for text, keys, slot in actions:
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if keys:
                action = QAction(text, self.table)
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                self.table.addAction(action)
                button.setToolTip(f"{text} ({keys})")
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._records: list[Record] = []
        self.refresh()

    def _make_fields(self, kind: Register) -> list[Field]:
        if kind == Register.INTERVIEW:
            return [
                Field("group", self.tr("Grupp"), "group"),
                Field("title", self.tr("Rubrik")),
                Field("date", self.tr("Datum"), "date"),
                Field("start", self.tr("Start (TT:MM)")),
                Field("end", self.tr("Slut (TT:MM)")),
                Field("roles", roles_label(), "list"),
                Field("names", names_label(), "list"),
                Field("participants", self.tr("Antal deltagare"), "int"),
                Field("location", self.tr("Plats")),
            ]
        if kind == Register.DOCUMENT:
            return [
                Field("title", self.tr("Titel")),
                Field(
                    "doc_type",
                    self.tr("Typ"),
                    "choice",
                    (
                        "Vision",
                        "Program",
                        "Plan",
                        "Policy",
                        "Riktlinje",
                        "Strategi",
                        "Rapport",
                        "Reglemente",
                        "Budget",
                        "Årsredovisning",
                        "Övrigt",
                    ),
                ),
                Field("year", self.tr("År"), "int"),
                Field(
                    "decided_by",
                    self.tr("Beslutad av"),
                    "choice",
                    ("Kommunfullmäktige", "Kommunstyrelsen", "Nämnd", "Kommundirektören", ""),
                ),
                Field("path", self.tr("Fil på disken"), "path"),
                Field("url", self.tr("Webbadress")),
                Field("body", self.tr("Sammanfattning"), "multiline"),
            ]
        return [
            Field("title", self.tr("Rubrik")),
            Field("url", self.tr("Webbadress")),
            Field("seen", self.tr("Besökt den"), "date"),
            Field("kind", self.tr("Typ"), "webkind"),
        ]

    def _load(self) -> list[Record]:
        return self.controller.session.registers.records(self.kind)

    def _columns(self) -> list[tuple[str, Any]]:
        counts = self._note_counts()
        if self.kind == Register.INTERVIEW:
            return [
                (self.tr("Datum"), lambda r: r.date),
                (self.tr("Tid"), lambda r: f"{r.start}–{r.end}".strip("–")),
                (self.tr("Grupp"), lambda r: group_label(r.group)),
                (self.tr("Rubrik"), lambda r: r.title),
                (self.tr("Roller"), lambda r: ", ".join(r.roles)),
                (self.tr("Deltagare"), lambda r: "" if r.participants is None else str(r.participants)),
                (self.tr("Anteckningar"), lambda r: str(counts[r.id])),
            ]
        if self.kind == Register.DOCUMENT:
            return [
                (self.tr("Titel"), lambda r: r.title),
                (self.tr("Typ"), lambda r: r.doc_type),
                (self.tr("År"), lambda r: "" if r.year is None else str(r.year)),
                (self.tr("Beslutad av"), lambda r: r.decided_by),
                (self.tr("Fil / webbadress"), lambda r: r.path or r.url),
                (self.tr("Anteckningar"), lambda r: str(counts[r.id])),
            ]
        return [
            (self.tr("Rubrik"), lambda r: r.title),
            (self.tr("Webbadress"), lambda r: r.url),
            (self.tr("Besökt"), lambda r: r.seen),
            (self.tr("Typ"), lambda r: web_kind(r.kind)),
            (self.tr("Anteckningar"), lambda r: str(counts[r.id])),
        ]

    def _note_counts(self) -> Counter[str]:
        key = {Register.INTERVIEW: "interview_id", Register.DOCUMENT: "document_id", Register.WEB: "web_id"}[
            self.kind
        ]
        return Counter(getattr(n, key) for n in self.controller.session.notes.all() if getattr(n, key))

    def refresh(self, change: AnyChange | None = None) -> None:
        if change is not None and change.kind not in (
            self.kind.change_kind,
            ChangeKind.NOTE,
            ChangeKind.BULK,
        ):
            return
        current = self.current_id()
        self._records = self._load()
        columns = self._columns()
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(self._records))
        self.table.setHorizontalHeaderLabels([c[0] for c in columns])
        for row, record in enumerate(self._records):
            for col, (_title, getter) in enumerate(columns):
                item = QTableWidgetItem(getter(record))
                item.setData(ROLE_ID, record.id)
                self.table.setItem(row, col, item)
            if record.id == current:
                self.table.selectRow(row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # the name of the record gets the space; long addresses are cut in the middle (tooltip: all)
        stretch, capped = {
            Register.INTERVIEW: (3, (2, 4)),  # long group names wrap (English: "Elected representatives …")
            Register.DOCUMENT: (0, (4,)),
            Register.WEB: (0, (1,)),
        }[self.kind]
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column in capped:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, self.fontMetrics().horizontalAdvance("x" * 28))
        for row in range(self.table.rowCount()):
            for column in capped:
                cell = self.table.item(row, column)
                if cell is not None and cell.text():
                    cell.setToolTip(cell.text())
        self.table.resizeRowsToContents()

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else str(item.data(ROLE_ID))

    def select(self, record_id: str) -> None:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.table.model().index(row, 0))
                self.table.setFocus()

    def reveal(self, where: str) -> QWidget | None:
        """The row of the record ``where`` ("interview:ID"), selected."""
        self.select(where.partition(":")[2])
        return self.table

    def _current_record(self) -> Any:
        rid = self.current_id()
        return next((r for r in self._records if r.id == rid), None)

    def add(self) -> None:
        dialog = RecordDialog(self.tr("Ny post"), self.fields, {}, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record = self.controller.add_record(self.kind, **dialog.values())
            if record is not None:
                self.select(record.id)

    def edit_current(self) -> None:
        record = self._current_record()
        if record is None:
            return
        values = {f.key: getattr(record, f.key) for f in self.fields}
        dialog = RecordDialog(self.tr("Redigera"), self.fields, values, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            new = dialog.values()
            changes = {k: v for k, v in new.items() if _comparable(values.get(k)) != _comparable(v)}
            if changes:
                self.controller.update_record(self.kind, record.id, **changes)

    def delete_current(self) -> None:
        """Delete the selected record; if notes cite it, ask first and name what goes with it."""
        record = self._current_record()
        if record is None:
            return
        notes = self.controller.citing_notes(self.kind, record.id)
        if notes:
            name = interview_label(record) if self.kind == Register.INTERVIEW else record.title
            questions = {
                Register.INTERVIEW: (
                    self.tr("Ta bort intervjun?"),
                    self.tr("Intervjun ”{0}” är källa till %n anteckningar.", "", len(notes)),
                    self.tr("Ta bort intervjun och %n anteckningar", "", len(notes)),
                ),
                Register.DOCUMENT: (
                    self.tr("Ta bort dokumentet?"),
                    self.tr("Dokumentet ”{0}” är källa till %n anteckningar.", "", len(notes)),
                    self.tr("Ta bort dokumentet och %n anteckningar", "", len(notes)),
                ),
                Register.WEB: (
                    self.tr("Ta bort webbkällan?"),
                    self.tr("Webbkällan ”{0}” är källa till %n anteckningar.", "", len(notes)),
                    self.tr("Ta bort webbkällan och %n anteckningar", "", len(notes)),
                ),
            }
            title, text, button = questions[self.kind]
            text = (
                text.format(name)
                + " "
                + self.tr(
                    "Anteckningarna tas bort tillsammans med källan, och deras kopplingar till styrkor och "
                    "förbättringsmöjligheter."
                )
            )
            if not confirm_delete(self, title, text, button):
                return
        self.controller.delete_record(self.kind, record.id)

    def open_current(self) -> None:
        record = self._current_record()
        if record is None:
            return
        if record.path and os.path.isfile(record.path):  # no OSError for a name too long
            QDesktopServices.openUrl(QUrl.fromLocalFile(record.path))
        elif record.path:
            self.controller.error.emit(self.tr("Filen {0} finns inte på den här datorn.").format(record.path))
        elif record.url:
            QDesktopServices.openUrl(QUrl(record.url))

    def schedule_html(self) -> str:
        name = self.controller.session.names().display
        rows = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(getter(r))}</td>" for _t, getter in self._columns()[:6])
            + "</tr>"
            for r in self._records
        )
        heads = "".join(f"<th align=left>{html.escape(t)}</th>" for t, _g in self._columns()[:6])
        title = self.tr("Intervjuschema – {0}").format(html.escape(name))
        return (
            f"<h2>{title}</h2><table border=1 cellspacing=0 cellpadding=4 width=100%>"
            f"<tr>{heads}</tr>{rows}</table>"
        )

    def print_schedule(self) -> None:
        document = QTextDocument(self)
        document.setHtml(self.schedule_html())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.paintRequested.connect(lambda p: print_guarded(self, p, document.print_))  # file: guarded
        preview.exec()


def _comparable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
