"""What every record carries, so that the files of co-evaluators can be merged record by record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    id: str
    author: str = ""
    created: str = ""
    modified: str = ""
