"""Errors that carry a message meant for the evaluator (Swedish, one line, no traceback)."""

from __future__ import annotations


class KompassError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing message."""

    exit_code = 1


class FrameworkError(KompassError):
    """A framework or standard-text file is missing or broken."""


class UnknownSubArea(KompassError):
    """A sub-area or area number that the framework does not have."""


class ScoreError(KompassError):
    """Points that are not a number, negative, above the maximum or too precise."""


class ReasonRequired(ScoreError):
    """An agreed score that needs its reason (the independent scores differ, or the team agrees
    on another score than theirs): what was typed may wait for the reason."""


class NotFound(KompassError):
    """A record that does not exist (or was deleted)."""


class InputProblems(KompassError):
    """Several problems found in one input (e.g. a CSV file); nothing was written."""

    def __init__(self, summary: str, problems: list[str]) -> None:
        self.summary = summary
        self.problems = list(problems)
        super().__init__(summary + "\n" + "\n".join(f"  {p}" for p in self.problems))
