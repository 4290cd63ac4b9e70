"""What every part of an open evaluation shares: the file, who writes, the framework, and the
one place that tells listeners what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain.framework import Framework
from ..storage.db import EvaluationFile
from .change import Change

Listener = Callable[[Change[Any]], None]


@dataclass(slots=True)
class SessionContext:
    file: EvaluationFile
    author: str
    framework: Framework
    listeners: list[Listener] = field(default_factory=list)

    @property
    def evaluation_id(self) -> str:
        return self.file.evaluation_id

    def emit(self, change: Change[Any]) -> None:
        """Tell every listener (screens, undo) what an operation changed."""
        for listener in list(self.listeners):
            listener(change)
