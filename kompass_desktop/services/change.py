"""What an operation changed — for refreshing screens and for undo."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


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
class Change:
    kind: ChangeKind
    ids: tuple[str, ...] = ()
    subareas: frozenset[str] = frozenset()
    areas: frozenset[int] = frozenset()
    old: Any = None
    new: Any = None
