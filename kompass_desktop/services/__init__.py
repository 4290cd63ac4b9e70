"""Use cases shared by the GUI and the command line."""

from .change import Change
from .session import EvaluationSession, NewEvaluation

__all__ = ["Change", "EvaluationSession", "NewEvaluation"]
