"""The undo commands of :class:`~.controller.EvaluationController` (Qt's QUndoCommand).

An operation is done once by the controller; its command only calls the services again on
undo and redo, knows where its change is seen (``where``) and what undoing it says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .controller import EvaluationController

#: Where a change is seen: one place, or (place after undo, place after redo).
Where = str | tuple[str, str]


class Command(QUndoCommand):
    """An operation that has already been done once; undo/redo call the services again.

    The stack's index must always say what the file holds, so the controller runs the service
    call *before* it moves the index (:meth:`EvaluationController.undo`) and moves it only if
    the call succeeded.  A command undone or redone by the stack directly whose call fails is
    made obsolete: the stack drops it instead of pretending it was done.
    """

    def __init__(
        self,
        controller: EvaluationController,
        text: str,
        undo: Callable[[], Any],
        redo: Callable[[], Any],
        where: Where = "",
        undo_text: str = "",
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self._undo = undo
        self._redo = redo
        self.where = where
        self.undo_text = undo_text or text  # what undoing it does ("Poäng 1.3: 20 → –")
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

    def place(self, undo: bool) -> str:
        """Where the change is seen after undoing (``undo``) or redoing it."""
        if isinstance(self.where, tuple):
            return self.where[0] if undo else self.where[1]
        return self.where


class Group(QUndoCommand):
    """Several commands as one undo step (kept in Python: Qt's own child commands made from
    Python are not safe to own from both sides)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.parts: list[Command] = []

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


TEXT_COMMAND_ID = 1


class TextCommand(Command):
    """Typing in one text field: the commits of one burst of typing are one undo step."""

    def __init__(
        self,
        controller: EvaluationController,
        text: str,
        undo: Callable[[], Any],
        redo: Callable[[], Any],
        where: str,
        burst: object,
    ) -> None:
        super().__init__(controller, text, undo, redo, where)
        self.burst = burst

    def id(self) -> int:
        return TEXT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextCommand) or other.where != self.where or other.burst != self.burst:
            return False
        if self.burst is None:
            return False
        self._redo = other._redo  # undo still goes back to the text before the burst
        return True


def undo_text(command: QUndoCommand) -> str:
    return command.undo_text if isinstance(command, Command) else command.text()


def place_of(command: QUndoCommand, *, undo: bool) -> str:
    """Where an undone or redone command is seen (a group: its last, main part)."""
    commands = [p for p in parts_of(command) if isinstance(p, Command)]
    return commands[-1].place(undo) if commands else ""


def parts_of(command: QUndoCommand) -> list[QUndoCommand]:
    """A command, or the parts of a group (ours or a QUndoStack macro)."""
    if isinstance(command, Group):
        return list(command.parts)
    count = command.childCount()
    return [command] if count == 0 else [command.child(i) for i in range(count)]
