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
from ..domain.framework import FindingKind
from ..domain.model import Finding, Note, TextScope
from ..domain.scoring import format_exact
from ..services import Change, EvaluationSession


def _previous(change: Change, keys: Any) -> dict[str, Any]:
    """The fields an operation changed, as they were before (for its undo)."""
    return {k: list(v) if isinstance(v, tuple) else v for k in keys for v in [getattr(change.old, k)]}


class _Command(QUndoCommand):
    """An operation that has already been done once; undo/redo call the services again."""

    def __init__(
        self, controller: EvaluationController, text: str, undo: Callable[[], Any], redo: Callable[[], Any]
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self._undo = undo
        self._redo = redo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._controller.call(self._redo)

    def undo(self) -> None:
        self._controller.call(self._undo)


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

    @property
    def framework(self):
        return self.session.framework

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
    def add_record(self, kind: str, **values: Any) -> Any:
        add, _update, delete, restore = self._register_ops(kind)
        record = self.call(add, **values)
        if record is not None:
            rid = record.id
            self._push(self.tr("Ny post"), lambda: delete(rid), lambda: restore(rid))
        return record

    def update_record(self, kind: str, record_id: str, **changes: Any) -> bool:
        _add, update, _delete, _restore = self._register_ops(kind)
        change: Change | None = self.call(update, record_id, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra post"), lambda: update(record_id, **old), lambda: update(record_id, **changes)
        )
        return True

    def delete_record(self, kind: str, record_id: str) -> bool:
        _add, _update, delete, restore = self._register_ops(kind)
        if self.call(delete, record_id) is None:
            return False
        self._push(self.tr("Ta bort post"), lambda: restore(record_id), lambda: delete(record_id))
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

    def _register_ops(self, kind: str) -> tuple[Callable[..., Any], ...]:
        s = self.session
        return {
            "interview": (s.add_interview, s.update_interview, s.delete_interview, s.restore_interview),
            "document": (s.add_document, s.update_document, s.delete_document, s.restore_document),
            "web": (s.add_web_source, s.update_web_source, s.delete_web_source, s.restore_web_source),
        }[kind]
