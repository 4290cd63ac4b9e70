"""What an operation changed — for refreshing screens and for undo."""

from __future__ import annotations

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
