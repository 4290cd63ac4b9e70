"""The GUI's one door to the services: runs operations, reports errors, records undo.

Every change to the evaluation goes through :class:`EvaluationController`.  An operation is
executed by the services (which commit it to disk at once); if it succeeds, an undo command
that knows how to reverse it is pushed onto the QUndoStack.  Screens listen to ``changed``.

Every command knows *where* its change is seen (``where``: "score:1.3", "text:subarea:1.3",
"note:1.3:ID", "finding:3:ID", "interview:ID", "earlier:ID", "info"), so undo and redo can
show the place and say what they did (``stepped``).  Typing in a text field is one command per
field and burst of typing: the autosaved commits of the same burst merge (:class:`TextCommand`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.errors import KompassError
from ..domain.framework import FindingKind, Framework
from ..domain.model import Finding, Note, SourceKind, TextScope
from ..domain.scoring import format_exact
from ..domain.visit import findings_linking, notes_citing
from ..services import AnyChange, Change, ChangeKind, EvaluationSession
from ..services.registers import Record, Register
from .error_text import error_text
from .undo_commands import Command, Group, TextCommand, Where, parts_of, place_of, undo_text


def _previous(change: Change[Any], keys: Any) -> dict[str, Any]:
    """The fields an operation changed, as they were before (for its undo)."""
    return {k: list(v) if isinstance(v, tuple) else v for k in keys for v in [getattr(change.old, k)]}


class EvaluationController(QObject):
    changed = Signal(object)  # services.Change
    error = Signal(str)
    status = Signal(str)
    #: after an undo or redo: (True for undo, what was undone/redone, where it is seen)
    stepped = Signal(bool, str, str)

    def __init__(self, session: EvaluationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self._groups: list[Group] = []
        session.listeners.append(self.changed.emit)
        self.changed.connect(self._forget_undo_after_outside_changes)

    @property
    def framework(self) -> Framework:
        return self.session.framework

    def _forget_undo_after_outside_changes(self, change: AnyChange) -> None:
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
            self.error.emit(error_text(err))
            return None

    def try_call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        """Like :meth:`call` but returns (ok, result or message) without emitting ``error``."""
        try:
            return True, fn(*args, **kwargs)
        except KompassError as err:
            return False, error_text(err)

    def _push(
        self,
        text: str,
        undo: Callable[[], Any],
        redo: Callable[[], Any],
        where: Where = "",
        undo_text: str = "",
    ) -> None:
        command = Command(self, text, undo, redo, where, undo_text)
        if self._groups:  # still armed: pushing the group "redoes" it, which only moves the index
            self._groups[-1].parts.append(command)
        else:
            self.undo_stack.push(command)

    @contextmanager
    def group(self, text: str) -> Iterator[None]:
        """Changes made inside are one undo step; nothing is pushed when none succeeded."""
        group = Group(text)
        self._groups.append(group)
        try:
            yield
        finally:
            self._groups.pop()
            if group.parts:
                self.undo_stack.push(group)

    def _deleted(self, what: str) -> None:
        """Every delete is announced, with the way back."""
        self.status.emit(self.tr("Tog bort {0}. Ctrl+Z ångrar.").format(what))

    # -- undo / redo ---------------------------------------------------------------
    def undo(self) -> bool:
        """Undo the last change; the stack moves only when the file really changed back."""
        stack = self.undo_stack
        command = stack.command(stack.index() - 1) if stack.canUndo() else None
        if command is None or not self._run(command, undo=True):
            return False
        stack.undo()
        self.stepped.emit(True, undo_text(command), place_of(command, undo=True))
        return True

    def redo(self) -> bool:
        stack = self.undo_stack
        command = stack.command(stack.index()) if stack.canRedo() else None
        if command is None or not self._run(command, undo=False):
            return False
        stack.redo()
        self.stepped.emit(False, command.text(), place_of(command, undo=False))
        return True

    def _run(self, command: QUndoCommand | None, *, undo: bool) -> bool:
        """Run a command's service calls (a macro's parts in order); if one fails, the parts already
        done are put back and nothing moves."""
        if command is None:
            return False
        parts = parts_of(command)
        if not all(isinstance(part, Command) for part in parts):
            return False
        order: list[Command] = [p for p in parts if isinstance(p, Command)]
        if undo:
            order.reverse()
        done: list[Command] = []
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
        ok, result = self.try_call(self.session.scores.set, subarea, value)
        if not ok:
            return False, result
        change: Change[Any] = result
        if change.old != change.new:
            old, new = change.old, change.new
            pattern = self.tr("Poäng {0}: {1} → {2}")
            label = pattern.format(subarea, format_exact(old) or "–", format_exact(new) or "–")
            back = pattern.format(subarea, format_exact(new) or "–", format_exact(old) or "–")
            self._push(
                label,
                lambda: self.session.scores.set(subarea, old),
                lambda: self.session.scores.set(subarea, new),
                f"score:{subarea}",
                back,
            )
            self.status.emit(self.tr("Sparat: {0}").format(label))
        return True, ""

    def scores(self) -> dict[str, Decimal | None]:
        """The evaluator's own scores: what the score fields show and set (the agreed scores,
        which count, are ``session.scores.all()``)."""
        return self.session.consensus.mine()

    # -- texts (typing is autosaved; one undo step per field and burst of typing) -------
    def set_text(self, scope: TextScope, ref: str, body: str, burst: object = None) -> bool:
        """Store a text; commits with the same ``burst`` (not None) for one field merge into one
        undo step."""
        change: Change[str] | None = self.call(self.session.scores.set_text, scope, ref, body)
        if change is None:
            return False
        old = change.before()
        if old != body:
            self.undo_stack.push(
                TextCommand(
                    self,
                    self.tr("Text {0}").format(text_name(scope, ref)),
                    lambda: self.session.scores.set_text(scope, ref, old),
                    lambda: self.session.scores.set_text(scope, ref, body),
                    f"text:{scope.value}:{ref}",
                    burst,
                )
            )
        return True

    # -- notes -----------------------------------------------------------------------
    def add_note(self, body: str, subarea: str | None, **source: Any) -> Note | None:
        note: Note | None = self.call(self.session.notes.add, body, subarea, **source)
        if note is not None:
            nid = note.id
            self._push(
                self.tr("Ny anteckning"),
                lambda: self.session.notes.delete(nid),
                lambda: self.session.notes.restore(nid),
                f"note:{subarea or ''}:{nid}",
            )
        return note

    def update_note(self, note_id: str, **changes: Any) -> bool:
        change: Change[Note] | None = self.call(self.session.notes.update, note_id, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra anteckning"),
            lambda: self.session.notes.update(note_id, **old),
            lambda: self.session.notes.update(note_id, **changes),
            (
                f"note:{change.before().subarea or ''}:{note_id}",
                f"note:{change.after().subarea or ''}:{note_id}",
            ),
        )
        return True

    def move_note(self, note_id: str, subarea: str | None) -> bool:
        change: Change[Note] | None = self.call(self.session.notes.move, note_id, subarea)
        if change is None:
            return False
        old = change.before().subarea
        self._push(
            self.tr("Flytta anteckning till {0}").format(subarea or self.tr("osorterad")),
            lambda: self.session.notes.move(note_id, old),
            lambda: self.session.notes.move(note_id, subarea),
            (f"note:{old or ''}:{note_id}", f"note:{subarea or ''}:{note_id}"),
        )
        return True

    def delete_note(self, note_id: str) -> bool:
        """Delete a note and its links to findings (one undo step)."""
        with self.group(self.tr("Ta bort anteckning")):
            ok = self._delete_with_links(note_id)
        if ok:
            self._deleted(self.tr("anteckningen"))
        return ok

    def _delete_note(self, note_id: str) -> bool:
        change: Change[Note] | None = self.call(self.session.notes.delete, note_id)
        if change is None:
            return False
        where = f"note:{change.before().subarea or ''}:{note_id}"
        self._push(
            self.tr("Ta bort anteckning"),
            lambda: self.session.notes.restore(note_id),
            lambda: self.session.notes.delete(note_id),
            where,
        )
        return True

    # -- findings ------------------------------------------------------------------
    def add_finding(
        self, area: int, kind: FindingKind, body: str, note_ids: tuple[str, ...] = ()
    ) -> Finding | None:
        finding: Finding | None = self.call(self.session.findings.add, area, kind, body, note_ids=note_ids)
        if finding is not None:
            fid = finding.id
            self._push(
                self.tr("Ny iakttagelse"),
                lambda: self.session.findings.delete(fid),
                lambda: self.session.findings.restore(fid),
                f"finding:{area}:{fid}",
            )
        return finding

    def update_finding(self, finding_id: str, **changes: Any) -> bool:
        change: Change[Finding] | None = self.call(self.session.findings.update, finding_id, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra iakttagelse"),
            lambda: self.session.findings.update(finding_id, **old),
            lambda: self.session.findings.update(finding_id, **changes),
            f"finding:{change.before().area}:{finding_id}",
        )
        return True

    def delete_finding(self, finding_id: str) -> bool:
        change: Change[Finding] | None = self.call(self.session.findings.delete, finding_id)
        if change is None:
            return False
        self._push(
            self.tr("Ta bort iakttagelse"),
            lambda: self.session.findings.restore(finding_id),
            lambda: self.session.findings.delete(finding_id),
            f"finding:{change.before().area}:{finding_id}",
        )
        self._deleted(self.tr("iakttagelsen"))
        return True

    def link_note(self, finding_id: str, note_id: str) -> bool:
        change: Change[Finding] | None = self.call(self.session.findings.link_note, finding_id, note_id)
        if change is None:
            return False
        self._push(
            self.tr("Koppla anteckning"),
            lambda: self.session.findings.unlink_note(finding_id, note_id),
            lambda: self.session.findings.link_note(finding_id, note_id),
            f"finding:{min(change.areas, default='')}:{finding_id}",
        )
        return True

    def unlink_note(self, finding_id: str, note_id: str, *, announce: bool = True) -> bool:
        change: Change[Finding] | None = self.call(self.session.findings.unlink_note, finding_id, note_id)
        if change is None:
            return False
        self._push(
            self.tr("Koppla bort anteckning"),
            lambda: self.session.findings.link_note(finding_id, note_id),
            lambda: self.session.findings.unlink_note(finding_id, note_id),
            f"finding:{min(change.areas, default='')}:{finding_id}",
        )
        if announce:
            self._deleted(self.tr("kopplingen till anteckningen"))
        return True

    # -- registers (interview, document, web) ---------------------------------------
    def add_record(self, register: Register, /, **values: Any) -> Record | None:
        s = self.session
        record: Record | None = self.call(s.registers.add, register, **values)
        if record is not None:
            rid = record.id
            self._push(
                record_text(register, "new"),
                lambda: s.registers.delete(register, rid),
                lambda: s.registers.restore(register, rid),
                f"{register.value}:{rid}",
            )
        return record

    def update_record(self, register: Register, record_id: str, /, **changes: Any) -> bool:
        s = self.session
        change: Change[Any] | None = self.call(s.registers.update, register, record_id, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            record_text(register, "edit"),
            lambda: s.registers.update(register, record_id, **old),
            lambda: s.registers.update(register, record_id, **changes),
            f"{register.value}:{record_id}",
        )
        return True

    def citing_notes(self, register: Register, record_id: str) -> list[Note]:
        """The notes that cite an interview, document or web observation as their source."""
        kind = {
            Register.INTERVIEW: SourceKind.INTERVIEW,
            Register.DOCUMENT: SourceKind.DOCUMENT,
            Register.WEB: SourceKind.WEB,
        }.get(register)
        return [] if kind is None else notes_citing(self.session.notes.all(), kind, record_id)

    def delete_record(self, register: Register, record_id: str, /) -> bool:
        """Delete a record together with the notes that cite it (one undo step)."""
        s = self.session
        notes = self.citing_notes(register, record_id)
        with self.group(record_text(register, "delete")):
            ok = all(self._delete_with_links(n.id) for n in notes)
            ok = ok and self.call(s.registers.delete, register, record_id) is not None
            if ok:
                self._push(
                    record_text(register, "delete"),
                    lambda: s.registers.restore(register, record_id),
                    lambda: s.registers.delete(register, record_id),
                    f"{register.value}:{record_id}",
                )
        if ok:
            what = record_text(register, "what")
            if notes:
                what = self.tr("{0} och %n anteckningar", "", len(notes)).format(what)
            self._deleted(what)
        return ok

    def _delete_with_links(self, note_id: str) -> bool:
        linked = findings_linking(self.session.findings.all(), note_id)
        return all(self.unlink_note(f.id, note_id, announce=False) for f in linked) and self._delete_note(
            note_id
        )

    # -- facts of the evaluation ------------------------------------------------------
    def update_info(self, **changes: Any) -> bool:
        change: Change[Any] | None = self.call(self.session.update_info, **changes)
        if change is None:
            return False
        old = _previous(change, changes)
        self._push(
            self.tr("Ändra uppgifter om utvärderingen"),
            lambda: self.session.update_info(**old),
            lambda: self.session.update_info(**changes),
            "info",
        )
        return True

    # -- comparisons ---------------------------------------------------------------
    def add_earlier(self, year: int, framework_id: str, area_scores: dict[str, Any], label: str = "") -> bool:
        record = self.call(self.session.registers.add_earlier, year, framework_id, area_scores, label)
        if record is None:
            return False
        rid = record.id
        self._push(
            self.tr("Ny tidigare utvärdering"),
            lambda: self.session.registers.delete(Register.EARLIER, rid),
            lambda: self.session.registers.restore(Register.EARLIER, rid),
            f"earlier:{rid}",
        )
        return True

    def add_earlier_from_file(self, path: Any) -> bool:
        record = self.call(self.session.registers.add_earlier_from_file, path)
        if record is None:
            return False
        rid = record.id
        self._push(
            self.tr("Tidigare utvärdering från fil"),
            lambda: self.session.registers.delete(Register.EARLIER, rid),
            lambda: self.session.registers.restore(Register.EARLIER, rid),
            f"earlier:{rid}",
        )
        return True

    def delete_earlier(self, earlier_id: str) -> bool:
        if self.call(self.session.registers.delete, Register.EARLIER, earlier_id) is None:
            return False
        self._push(
            self.tr("Ta bort tidigare utvärdering"),
            lambda: self.session.registers.restore(Register.EARLIER, earlier_id),
            lambda: self.session.registers.delete(Register.EARLIER, earlier_id),
            f"earlier:{earlier_id}",
        )
        self._deleted(self.tr("den tidigare utvärderingen"))
        return True


def text_name(scope: TextScope, ref: str) -> str:
    """How a text field is named in undo messages ("Text 1.3", "Text Allmänt 3")."""
    names = {
        TextScope.SUBAREA: "{0}",
        TextScope.AREA_INTRO: QCoreApplication.translate("controller", "Allmänt {0}"),
        TextScope.AREA: QCoreApplication.translate("controller", "område {0}"),
        TextScope.SUMMARY_OVERALL: QCoreApplication.translate("controller", "Sammanfattande kommentarer"),
        TextScope.SUMMARY_STRONGER: QCoreApplication.translate("controller", "Starkare områden"),
        TextScope.SUMMARY_WEAKER: QCoreApplication.translate("controller", "Svagare områden"),
        TextScope.COMPARISONS: QCoreApplication.translate("controller", "Jämförelser"),
    }
    return names.get(scope, scope.value).format(ref)


def record_text(register: Register, action: str) -> str:
    """The undo text of adding ("new"), editing ("edit") or deleting ("delete") a record, or
    the record itself ("what": "intervjun")."""
    texts = {
        Register.INTERVIEW: {
            "new": QCoreApplication.translate("controller", "Ny intervju"),
            "edit": QCoreApplication.translate("controller", "Ändra intervju"),
            "delete": QCoreApplication.translate("controller", "Ta bort intervju"),
            "what": QCoreApplication.translate("controller", "intervjun"),
        },
        Register.DOCUMENT: {
            "new": QCoreApplication.translate("controller", "Nytt dokument"),
            "edit": QCoreApplication.translate("controller", "Ändra dokument"),
            "delete": QCoreApplication.translate("controller", "Ta bort dokument"),
            "what": QCoreApplication.translate("controller", "dokumentet"),
        },
        Register.WEB: {
            "new": QCoreApplication.translate("controller", "Ny webbkälla"),
            "edit": QCoreApplication.translate("controller", "Ändra webbkälla"),
            "delete": QCoreApplication.translate("controller", "Ta bort webbkälla"),
            "what": QCoreApplication.translate("controller", "webbkällan"),
        },
        Register.EARLIER: {
            "new": QCoreApplication.translate("controller", "Ny tidigare utvärdering"),
            "edit": QCoreApplication.translate("controller", "Ändra tidigare utvärdering"),
            "delete": QCoreApplication.translate("controller", "Ta bort tidigare utvärdering"),
            "what": QCoreApplication.translate("controller", "den tidigare utvärderingen"),
        },
    }
    return texts[register][action]
