"""What an operation changed — for refreshing screens and for undo."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ChangeKind(StrEnum):
    """What kind of record changed (screens refresh what shows it)."""

    SCORE = "score"
    TEXT = "text"
    NOTE = "note"
    FINDING = "finding"
    INTERVIEW = "interview"
    DOCUMENT = "document"
    WEB = "web"
    EARLIER = "earlier"  # earlier evaluations and the national-average reference
    INFO = "info"  # the facts of the municipality and the evaluation
    BULK = "bulk"  # many records at once (a merge): everything may have changed


@dataclass(frozen=True, slots=True)
class Change(Generic[T]):
    """``old``/``new``: the value before and after (a score, a text, a note, …); None where
    there was none (a new record) or is none (a deleted one)."""

    kind: ChangeKind
    ids: tuple[str, ...] = ()
    subareas: frozenset[str] = frozenset()
    areas: frozenset[int] = frozenset()
    old: T | None = None
    new: T | None = None

    def before(self) -> T:
        """The value before an edit or a delete (which always have one)."""
        if self.old is None:
            raise ValueError(f"{self.kind} change without a value before")
        return self.old

    def after(self) -> T:
        """The value after an edit or an insert (which always have one)."""
        if self.new is None:
            raise ValueError(f"{self.kind} change without a value after")
        return self.new


#: A change of any kind, as screens receive them.
AnyChange = Change[Any]
