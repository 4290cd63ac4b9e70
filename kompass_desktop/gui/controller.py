"""The GUI's one door to the services: runs operations, reports errors, records undo.

Every change to the evaluation goes through :class:`EvaluationController`.  An operation is
executed by the services (which commit it to disk at once); if it succeeds, an undo command
that knows how to reverse it is pushed onto the QUndoStack.  Screens listen to ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.errors import KompassError
from ..domain.framework import FindingKind, Framework
from ..domain.model import Finding, Note, TextScope
from ..domain.scoring import format_exact
from ..services import Change, ChangeKind, EvaluationSession
from ..services.registers import Record, Register


def _previous(change: Change, keys: Any) -> dict[str, Any]:
    """The fields an operation changed, as they were before (for its undo)."""
    return {k: list(v) if isinstance(v, tuple) else v for k in keys for v in [getattr(change.old, k)]}


class _Command(QUndoCommand):
    """An operation that has already been done once; undo/redo call the services again.

    The stack's index must always say what the file holds, so the controller runs the service
    call *before* it moves the index (:meth:`EvaluationController.undo`) and moves it only if
    the call succeeded.  A command undone or redone by the stack directly whose call fails is
    made obsolete: the stack drops it instead of pretending it was done.
    """

    def __init__(
        self, controller: EvaluationController, text: str, undo: Callable[[], Any], redo: Callable[[], Any]
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self._undo = undo
        self._redo = redo
        # True: the service call was already made (when pushed: the operation itself), so the
        # stack's next undo()/redo() of this command only moves the index
        self.armed = True

    def run(self, undo: bool) -> bool:
        """Call the service now (see :attr:`armed`)."""
        ok, message = self._controller.try_call(self._undo if undo else self._redo)
        if not ok:
            self._controller.error.emit(str(message))
            return False
        self.armed = True
        return True

    def redo(self) -> None:
        self._step(undo=False)

    def undo(self) -> None:
        self._step(undo=True)

    def _step(self, *, undo: bool) -> None:
        if self.armed:
            self.armed = False
        elif not self.run(undo):
            self.setObsolete(True)


class EvaluationController(QObject):
    changed = Signal(object)  # services.Change
    error = Signal(str)
    status = Signal(str)

    def __init__(self, session: EvaluationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        session.listeners.append(self.changed.emit)
        self.changed.connect(self._forget_undo_after_outside_changes)

    @property
    def framework(self) -> Framework:
        return self.session.framework

    def _forget_undo_after_outside_changes(self, change: Change) -> None:
        """After a merge (or any change of many records at once) earlier undo steps may no longer
        fit the records, so they are dropped rather than applied to the wrong values."""
        if change.kind == ChangeKind.BULK:
            self.undo_stack.clear()

    def close(self) -> None:
        if self.changed.emit in self.session.listeners:
            self.session.listeners.remove(self.changed.emit)
        self.undo_stack.clear()
        self.session.close()

    # -- running operations --------------------------------------------------------
    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a service call; a KompassError becomes an ``error`` signal and None."""
        try:
            return fn(*args, **kwargs)
        except KompassError as err:
            self.error.emit(str(err))
            return None

    def try_call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        """Like :meth:`call` but returns (ok, result or message) without emitting ``error``."""
        try:
            return True, fn(*args, **kwargs)
        except KompassError as err:
            return False, str(err)

    def _push(self, text: str, undo: Callable[[], Any], redo: Callable[[], Any]) -> None:
        self.undo_stack.push(_Command(self, text, undo, redo))

    # -- undo / redo ---------------------------------------------------------------
    def undo(self) -> bool:
        """Undo the last change; the stack moves only when the file really changed back."""
        stack = self.undo_stack
        if not stack.canUndo() or not self._run(stack.command(stack.index() - 1), undo=True):
            return False
        stack.undo()
        return True

    def redo(self) -> bool:
        stack = self.undo_stack
        if not stack.canRedo() or not self._run(stack.command(stack.index()), undo=False):
            return False
        stack.redo()
        return True

    def _run(self, command: QUndoCommand | None, *, undo: bool) -> bool:
        """Run a command's service calls (a macro's parts in order); if one fails, the parts already
        done are put back and nothing moves."""
        if command is None:
            return False
        parts = (
            [command]
            if command.childCount() == 0
            else [command.child(i) for i in range(command.childCount())]
        )
        if not all(isinstance(part, _Command) for part in parts):
            return False
        order: list[_Command] = [p for p in parts if isinstance(p, _Command)]
        if undo:
            order.reverse()
        done: list[_Command] = []
        for part in order:
            if not part.run(undo):
                for finished in reversed(done):
                    finished.run(not undo)
                for each in order:
                    each.armed = False
                return False
            done.append(part)
        return True

    # -- scores ----------------------------------------------------------------------
    def set_score(self, subarea: str, value: object) -> tuple[bool, str]:
        """Returns (ok, message).  The message explains a refused value."""
        ok, result = self.try_call(self.session.set_score, subarea, value)
        if not ok:
            return False, result
        change: Change = result
        if change.old != change.new:
            old, new = change.old, change.new
            label = self.tr("Poäng {0}: {1} → {2}").format(
                subarea, format_exact(old) or "–", format_exact(new) or "–"
            )
            self._push(
                label,
                lambda: self.session.set_score(subarea, old),
                lambda: self.session.set_score(subarea, new),
            )
            self.status.emit(self.tr("Sparat: {0}").format(label))
        return True, ""

    def scores(self) -> dict[str, Decimal | None]:
        return self.session.scores()

    # -- texts (typing is autosaved; the editors have their own undo) ----------------
    def set_text(self, scope: TextScope, ref: str, body: str) -> bool:
        return self.call(self.session.set_text, scope, ref, body) is not None

    # -- notes -----------------------------------------------------------------------
    def add_note(self, body: str, subarea: str | None, **source: Any) -> Note | None:
        note: Note | None = self.call(self.session.add_note, body, subarea, **source)
        if note is not None:
            nid = note.id
            self._push(
                self.tr("Ny anteckning"),
                lambda: self.session.delete_note(nid),
                lambda: self.session.restore_note(nid),
            )
        return note

    def update_note(self, note_id: str, **changes: Any) -> bool:
        change: Change | None = self.call(self.session.update_note, note_id, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra anteckning"),
            lambda: self.session.update_note(note_id, **old),
            lambda: self.session.update_note(note_id, **changes),
        )
        return True

    def move_note(self, note_id: str, subarea: str | None) -> bool:
        change: Change | None = self.call(self.session.move_note, note_id, subarea)
        if change is None:
            return False
        old = change.old.subarea
        self._push(
            self.tr("Flytta anteckning till {0}").format(subarea or self.tr("osorterat")),
            lambda: self.session.move_note(note_id, old),
            lambda: self.session.move_note(note_id, subarea),
        )
        return True

    def delete_note(self, note_id: str) -> bool:
        if self.call(self.session.delete_note, note_id) is None:
            return False
        self._push(
            self.tr("Ta bort anteckning"),
            lambda: self.session.restore_note(note_id),
            lambda: self.session.delete_note(note_id),
        )
        return True

    # -- findings ------------------------------------------------------------------
    def add_finding(
        self, area: int, kind: FindingKind, body: str, note_ids: tuple[str, ...] = ()
    ) -> Finding | None:
        finding: Finding | None = self.call(self.session.add_finding, area, kind, body, note_ids=note_ids)
        if finding is not None:
            fid = finding.id
            self._push(
                self.tr("Ny iakttagelse"),
                lambda: self.session.delete_finding(fid),
                lambda: self.session.restore_finding(fid),
            )
        return finding

    def update_finding(self, finding_id: str, **changes: Any) -> bool:
        change: Change | None = self.call(self.session.update_finding, finding_id, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra iakttagelse"),
            lambda: self.session.update_finding(finding_id, **old),
            lambda: self.session.update_finding(finding_id, **changes),
        )
        return True

    def delete_finding(self, finding_id: str) -> bool:
        if self.call(self.session.delete_finding, finding_id) is None:
            return False
        self._push(
            self.tr("Ta bort iakttagelse"),
            lambda: self.session.restore_finding(finding_id),
            lambda: self.session.delete_finding(finding_id),
        )
        return True

    def link_note(self, finding_id: str, note_id: str) -> bool:
        if self.call(self.session.link_note, finding_id, note_id) is None:
            return False
        self._push(
            self.tr("Koppla anteckning"),
            lambda: self.session.unlink_note(finding_id, note_id),
            lambda: self.session.link_note(finding_id, note_id),
        )
        return True

    def unlink_note(self, finding_id: str, note_id: str) -> bool:
        if self.call(self.session.unlink_note, finding_id, note_id) is None:
            return False
        self._push(
            self.tr("Koppla bort anteckning"),
            lambda: self.session.link_note(finding_id, note_id),
            lambda: self.session.unlink_note(finding_id, note_id),
        )
        return True

    # -- registers (interview, document, web) ---------------------------------------
    def add_record(self, register: Register, /, **values: Any) -> Record | None:
        s = self.session
        record: Record | None = self.call(s.add_record, register, **values)
        if record is not None:
            rid = record.id
            self._push(
                self.tr("Ny post"),
                lambda: s.delete_record(register, rid),
                lambda: s.restore_record(register, rid),
            )
        return record

    def update_record(self, register: Register, record_id: str, /, **changes: Any) -> bool:
        s = self.session
        change: Change | None = self.call(s.update_record, register, record_id, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra post"),
            lambda: s.update_record(register, record_id, **old),
            lambda: s.update_record(register, record_id, **changes),
        )
        return True

    def delete_record(self, register: Register, record_id: str, /) -> bool:
        s = self.session
        if self.call(s.delete_record, register, record_id) is None:
            return False
        self._push(
            self.tr("Ta bort post"),
            lambda: s.restore_record(register, record_id),
            lambda: s.delete_record(register, record_id),
        )
        return True

    # -- facts of the evaluation ------------------------------------------------------
    def update_info(self, **changes: Any) -> bool:
        change: Change | None = self.call(self.session.update_info, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra uppgifter om utvärderingen"),
            lambda: self.session.update_info(**old),
            lambda: self.session.update_info(**changes),
        )
        return True

    # -- comparisons ---------------------------------------------------------------
    def add_earlier(self, year: int, framework_id: str, area_scores: dict[str, Any], label: str = "") -> bool:
        record = self.call(self.session.add_earlier_evaluation, year, framework_id, area_scores, label)
        if record is None:
            return False
        rid = record.id
        self._push(
            self.tr("Ny tidigare utvärdering"),
            lambda: self.session.delete_earlier_evaluation(rid),
            lambda: self.session.restore_earlier_evaluation(rid),
        )
        return True

    def add_earlier_from_file(self, path: Any) -> bool:
        change: Change | None = self.call(self.session.add_earlier_from_file, path)
        if change is None:
            return False
        rid = change.ids[0]
        self._push(
            self.tr("Tidigare utvärdering från fil"),
            lambda: self.session.delete_earlier_evaluation(rid),
            lambda: self.session.restore_earlier_evaluation(rid),
        )
        return True

    def delete_earlier(self, earlier_id: str) -> bool:
        if self.call(self.session.delete_earlier_evaluation, earlier_id) is None:
            return False
        self._push(
            self.tr("Ta bort tidigare utvärdering"),
            lambda: self.session.restore_earlier_evaluation(earlier_id),
            lambda: self.session.delete_earlier_evaluation(earlier_id),
        )
        return True
