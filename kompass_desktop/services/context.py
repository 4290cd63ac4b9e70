"""What every part of an open evaluation shares: the file, who writes, the framework, and the
one place that tells listeners what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain.consensus import Consensus
from ..domain.framework import Framework
from ..storage import repo
from ..storage.db import EvaluationFile
from .change import Change

Listener = Callable[[Change[Any]], None]


@dataclass(slots=True)
class SessionContext:
    file: EvaluationFile
    author: str
    framework: Framework
    listeners: list[Listener] = field(default_factory=list)
    _consensus: tuple[tuple[int, int], Consensus] | None = None

    @property
    def evaluation_id(self) -> str:
        return self.file.evaluation_id

    def consensus(self) -> Consensus:
        """Every sub-area's independent and agreed scores, read once per version of the file
        (every page asks after every edit; any write, also by another program, moves the
        version, so what is returned is never older than the file)."""
        version = self.file.version()
        if self._consensus is None or self._consensus[0] != version:
            self._consensus = (version, repo.load_consensus(self.file, self.framework))
        return self._consensus[1]

    def emit(self, change: Change[Any]) -> None:
        """Tell every listener (screens, undo) what an operation changed."""
        for listener in list(self.listeners):
            listener(change)
