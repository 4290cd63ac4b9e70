"""The findings editor of an area: Styrkor / Förbättringsmöjligheter (/ Svagheter)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KompassError
from ..domain.framework import FindingKind
from ..domain.model import Finding, Note
from .controller import EvaluationController
from .dialogs import EditTextDialog, ok_cancel
from .formatting import TIP_TEXT, Sources, excerpt, note_line
from .widgets import GrowingList, TextLine
from .wording import finding_kind

ROLE_ID = Qt.ItemDataRole.UserRole + 20


def kind_label(kind: FindingKind) -> str:
    return finding_kind(kind)


class LinkNotesDialog(QDialog):
    """Tick the notes that support a finding; the dialog names the finding and says what to do."""

    def __init__(
        self,
        notes: Sequence[Note],
        linked: Sequence[str],
        sources: Sources,
        parent: QWidget | None = None,
        finding: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Koppla anteckningar till iakttagelsen"))
        layout = QVBoxLayout(self)
        self.finding = QLabel(self)
        self.finding.setObjectName("linkedFinding")
        self.finding.setWordWrap(True)
        self.finding.setTextFormat(Qt.TextFormat.PlainText)
        self.finding.setText(self.tr("Iakttagelse: ”{0}”").format(excerpt(finding, TIP_TEXT)))
        layout.addWidget(self.finding)
        self.help = QLabel(self)
        self.help.setObjectName("linkHelp")
        self.help.setWordWrap(True)
        self.help.setText(
            self.tr(
                "Kryssa för de anteckningar som stöder iakttagelsen (mellanslag kryssar för den "
                "markerade) och tryck OK. En borttagen bock tar bort kopplingen, inte anteckningen."
            )
            if notes
            else self.tr("Området har inga anteckningar ännu. Skriv anteckningar under delfrågorna först.")
        )
        layout.addWidget(self.help)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Anteckningar i området"))
        for note in notes:
            item = QListWidgetItem(f"{note.subarea or '–'} · " + note_line(note, sources), self.list)
            item.setData(ROLE_ID, note.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if note.id in linked else Qt.CheckState.Unchecked)
        layout.addWidget(self.list)
        layout.addWidget(ok_cancel(self))
        self.resize(640, 420)

    def checked(self) -> set[str]:
        return {
            str(self.list.item(i).data(ROLE_ID))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }


class FindingColumn(QWidget):
    def __init__(self, editor: FindingsEditor, kind: FindingKind) -> None:
        super().__init__(editor)
        self.editor = editor
        self.kind = kind
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{kind_label(kind)}</b>", self)
        layout.addWidget(title)
        self.list = GrowingList(self, min_lines=2)  # as tall as its points
        self.list.setAccessibleName(kind_label(kind))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.list)
        self.input = TextLine(self)
        self.input.setPlaceholderText(self.tr("Ny punkt – skriv och tryck Enter"))
        self.input.setAccessibleName(self.tr("Ny punkt under {0}").format(kind_label(kind)))
        self.input.returnPressed.connect(self._add)
        layout.addWidget(self.input)
        for text, shortcut, slot in (
            (self.tr("Redigera…"), QKeySequence(Qt.Key.Key_F2), self._edit),
            (self.tr("Koppla anteckningar…"), QKeySequence("Ctrl+L"), self._link),
            (self.tr("Flytta upp"), QKeySequence("Ctrl+Up"), lambda: self._move(-1)),
            (self.tr("Flytta ned"), QKeySequence("Ctrl+Down"), lambda: self._move(1)),
            (self.tr("Ta bort"), QKeySequence(QKeySequence.StandardKey.Delete), self._delete),
        ):
            action = QAction(text, self.list)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)
        self.list.itemActivated.connect(lambda _item: self._edit())
        # the same commands as visible buttons (the keys and the context menu stay)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("edit", self.tr("Redigera…"), self.tr("Redigera den markerade punkten (F2)"), self._edit),
            (
                "link",
                self.tr("Koppla…"),
                self.tr("Koppla anteckningar till den markerade punkten (Ctrl+L)"),
                self._link,
            ),
            ("up", "↑", self.tr("Flytta upp (Ctrl+↑)"), lambda: self._move(-1)),
            ("down", "↓", self.tr("Flytta ned (Ctrl+↓)"), lambda: self._move(1)),
            ("delete", self.tr("Ta bort"), self.tr("Ta bort den markerade punkten (Delete)"), self._delete),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout.insertLayout(2, buttons)
        self.list.currentRowChanged.connect(lambda _row: self._enable_buttons())
        self._findings: list[Finding] = []
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        row = self.list.currentRow()
        chosen = 0 <= row < len(self._findings)
        for key, button in self.buttons.items():
            if key == "up":
                button.setEnabled(chosen and row > 0)
            elif key == "down":
                button.setEnabled(chosen and row < len(self._findings) - 1)
            else:
                button.setEnabled(chosen)

    def set_findings(self, findings: list[Finding]) -> None:
        current = self._current()
        self._findings = findings
        self.list.clear()
        for finding in findings:
            links = f"  [{len(finding.note_ids)}]" if finding.note_ids else ""
            item = QListWidgetItem(f"• {excerpt(finding.body)}{links}", self.list)
            item.setData(ROLE_ID, finding.id)
            item.setToolTip(self.tr("%n kopplade anteckningar", "", len(finding.note_ids)))
            if current is not None and finding.id == current.id:
                self.list.setCurrentItem(item)
        self._enable_buttons()

    def _current(self) -> Finding | None:
        item = self.list.currentItem()
        if item is None:
            return None
        fid = item.data(ROLE_ID)
        return next((f for f in self._findings if f.id == fid), None)

    def _add(self) -> bool:
        text = self.input.text().strip()
        if not text:
            return True
        if self.editor.controller.add_finding(self.editor.area, self.kind, text) is None:
            return False
        self.input.clear()
        return True

    def _edit(self) -> None:
        finding = self._current()
        if finding is None:
            return
        dialog = EditTextDialog(self.tr("Redigera iakttagelse"), finding.body, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text().strip() != finding.body:
            self.editor.controller.update_finding(finding.id, body=dialog.text())

    def _delete(self) -> None:
        finding = self._current()
        if finding is not None:
            self.editor.controller.delete_finding(finding.id)

    def _move(self, step: int) -> None:
        finding = self._current()
        if finding is None:
            return
        index = self._findings.index(finding)
        other = index + step
        if not 0 <= other < len(self._findings):
            return
        neighbour = self._findings[other]
        # place it just past the neighbour
        beyond = other + step
        if 0 <= beyond < len(self._findings):
            position = (neighbour.position + self._findings[beyond].position) / 2
        else:
            position = neighbour.position + step
        self.editor.controller.update_finding(finding.id, position=position)

    def _link(self) -> None:
        finding = self._current()
        if finding is None:
            return
        notes = self.editor.area_notes()
        shown = {n.id for n in notes}
        session = self.editor.controller.session
        for nid in finding.note_ids:  # linked notes filed under another area are listed too
            if nid not in shown:
                try:
                    notes.append(session.notes.get(nid))
                    shown.add(nid)
                except KompassError:
                    continue
        dialog = LinkNotesDialog(notes, finding.note_ids, self.editor.sources, self, finding.body)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.checked() | (set(finding.note_ids) - shown)  # never unlink what was not shown
        controller = self.editor.controller
        with controller.group(self.tr("Koppla anteckningar")):
            for nid in chosen - set(finding.note_ids):
                controller.link_note(finding.id, nid)
            for nid in set(finding.note_ids) - chosen:
                controller.unlink_note(finding.id, nid, announce=False)


class FindingsEditor(QWidget):
    def __init__(self, controller: EvaluationController, area: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.area = area
        self.sources = Sources()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.columns = {kind: FindingColumn(self, kind) for kind in controller.framework.finding_kinds}
        for column in self.columns.values():
            layout.addWidget(column)

    def add_pending(self) -> bool:
        """Text left in a new-finding field is saved, not dropped (False if it could not be)."""
        return all([column._add() for column in self.columns.values()])

    def area_notes(self) -> list[Note]:
        prefix = f"{self.area}."
        return [n for n in self.controller.session.notes.all() if n.subarea and n.subarea.startswith(prefix)]

    def select(self, finding_id: str) -> QWidget | None:
        """Make ``finding_id`` current in its column; returns the column's list (or None)."""
        for column in self.columns.values():
            for row in range(column.list.count()):
                if column.list.item(row).data(ROLE_ID) == finding_id:
                    column.list.setCurrentRow(row)
                    return column.list
        return None

    def refresh(self, sources: Sources) -> None:
        self.sources = sources
        findings = self.controller.session.findings.all(self.area)
        for kind, column in self.columns.items():
            column.set_findings([f for f in findings if f.kind == kind])
