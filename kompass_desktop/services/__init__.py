"""Use cases shared by the GUI and the command line."""

from .change import Change, ChangeKind
from .session import EarlierScores, EvaluationSession, NewEvaluation

__all__ = ["Change", "ChangeKind", "EarlierScores", "EvaluationSession", "NewEvaluation"]
