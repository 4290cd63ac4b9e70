"""Use cases shared by the GUI and the command line."""

from .change import AnyChange, Change, ChangeKind
from .session import EarlierScores, EvaluationSession, NewEvaluation

__all__ = ["AnyChange", "Change", "ChangeKind", "EarlierScores", "EvaluationSession", "NewEvaluation"]
