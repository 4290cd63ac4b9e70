"""What an operation changed — for refreshing screens and for undo."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # score | note | finding | text | interview | document | web | earlier | info | bulk
    ids: tuple[str, ...] = ()
    subareas: frozenset[str] = frozenset()
    areas: frozenset[int] = frozenset()
    old: Any = None
    new: Any = None


def bulk(changes: Iterable[Change]) -> Change:
    items = list(changes)
    return Change(
        "bulk",
        tuple(i for c in items for i in c.ids),
        frozenset().union(*(c.subareas for c in items)),
        frozenset().union(*(c.areas for c in items)),
    )
