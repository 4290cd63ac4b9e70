"""A list of notes with keyboard and context-menu actions (edit, move, delete)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QListWidgetItem, QWidget

from ..domain.model import Note
from ..domain.visit import findings_linking
from .controller import EvaluationController
from .dialogs import ChooseSubAreaDialog, EditTextDialog, confirm_delete
from .formatting import TIP_TEXT, Sources, excerpt, local_time, note_line
from .widgets import GrowingList

ROLE_NOTE = Qt.ItemDataRole.UserRole + 10


class NotesList(GrowingList):
    """Shows notes; Delete removes, F2 edits, Ctrl+M moves to another sub-area (all undoable).

    ``grow``: as tall as its notes (inside a scrolling page); otherwise it scrolls itself."""

    note_activated = Signal(str)

    def __init__(
        self,
        controller: EvaluationController,
        parent: QWidget | None = None,
        *,
        show_subarea: bool = False,
        grow: bool = False,
    ) -> None:
        super().__init__(parent, grow=grow)
        self.controller = controller
        self.show_subarea = show_subarea
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setAccessibleName(self.tr("Anteckningar"))
        for text, shortcut, slot in (
            (self.tr("Redigera…"), QKeySequence(Qt.Key.Key_F2), self.edit_current),
            (self.tr("Flytta till delfråga…"), QKeySequence("Ctrl+M"), self.move_current),
            (self.tr("Ta bort"), QKeySequence(QKeySequence.StandardKey.Delete), self.delete_current),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.itemActivated.connect(lambda item: self.note_activated.emit(item.data(ROLE_NOTE)))
        self._notes: dict[str, Note] = {}

    def set_notes(self, notes: Sequence[Note], sources: Sources) -> None:
        current = self.current_note_id()
        self.clear()
        self._notes = {n.id: n for n in notes}
        for note in notes:
            item = QListWidgetItem(self._line(note, sources), self)
            item.setData(ROLE_NOTE, note.id)
            item.setToolTip(excerpt(note.body, TIP_TEXT))
            if note.id == current:
                self.setCurrentItem(item)

    def _line(self, note: Note, sources: Sources) -> str:
        if not self.show_subarea:
            return note_line(note, sources)
        fw = self.controller.framework
        where = f"{note.subarea} {fw.subarea(note.subarea).heading}" if note.subarea else self.tr("osorterad")
        return f"{local_time(note.captured_at)} · {where}\n{excerpt(note.body)}"

    def select_note(self, note_id: str) -> bool:
        """Make ``note_id`` the current note (True if it is in the list)."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ROLE_NOTE) == note_id:
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return True
        return False

    def current_note_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(ROLE_NOTE))

    def edit_current(self) -> None:
        nid = self.current_note_id()
        if nid is None:
            return
        dialog = EditTextDialog(self.tr("Redigera anteckning"), self._notes[nid].body, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text().strip() != self._notes[nid].body:
            self.controller.update_note(nid, body=dialog.text())

    def move_current(self) -> None:
        nid = self.current_note_id()
        if nid is None:
            return
        dialog = ChooseSubAreaDialog(self.controller.framework, self._notes[nid].subarea, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() != self._notes[nid].subarea:
            self.controller.move_note(nid, dialog.chosen())

    def delete_current(self) -> None:
        """Delete the selected note; if findings cite it, ask first (the links go with it)."""
        nid = self.current_note_id()
        if nid is None:
            return
        linked = findings_linking(self.controller.session.findings.all(), nid)
        if linked:
            text = self.tr("Anteckningen stöder %n iakttagelser:", "", len(linked))
            text += "".join(f"\n• {excerpt(f.body, 300)}" for f in linked[:5])
            text += "\n" + self.tr("Kopplingarna tas bort tillsammans med anteckningen.")
            button = self.tr("Ta bort anteckningen och %n kopplingar", "", len(linked))
            if not confirm_delete(self, self.tr("Ta bort anteckningen?"), text, button):
                return
        self.controller.delete_note(nid)
