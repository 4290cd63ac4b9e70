"""Named queries for the services: the services ask for *what* they need, storage knows the SQL.

No caller outside ``storage`` hands a WHERE or ORDER BY fragment to the database layer
(``tests/core/test_boundary.py`` checks it); a new need gets a function here.
"""

from __future__ import annotations

from ..domain.model import Document, EarlierEvaluation, Interview, Note, WebSource
from .db import EvaluationFile
from .repo import to_document, to_earlier, to_interview, to_note, to_web

_NOTE_ORDER = "captured_at, created"


def notes(
    f: EvaluationFile,
    *,
    subarea: str | None = None,
    interview_id: str | None = None,
    unsorted: bool = False,
) -> list[Note]:
    """The notes (oldest first): all, of one sub-area, from one interview, or not yet sorted."""
    if unsorted:
        rows = f.rows("notes", "deleted = 0 AND subarea IS NULL", order_by=_NOTE_ORDER)
    elif subarea is not None:
        rows = f.rows("notes", "deleted = 0 AND subarea = ?", (subarea,), order_by=_NOTE_ORDER)
    elif interview_id is not None:
        rows = f.rows("notes", "deleted = 0 AND interview_id = ?", (interview_id,), order_by=_NOTE_ORDER)
    else:
        rows = f.rows("notes", order_by=_NOTE_ORDER)
    return [to_note(r) for r in rows]


def interviews(f: EvaluationFile) -> list[Interview]:
    """The visit schedule: by date and start time."""
    return [to_interview(r) for r in f.rows("interviews", order_by="date, start, created")]


def documents(f: EvaluationFile) -> list[Document]:
    return [to_document(r) for r in f.rows("documents", order_by="title")]


def web_sources(f: EvaluationFile) -> list[WebSource]:
    return [to_web(r) for r in f.rows("web_sources", order_by="title")]


def earlier_evaluations(f: EvaluationFile) -> list[EarlierEvaluation]:
    return [to_earlier(r) for r in f.rows("earlier_evaluations", order_by="year")]


def evaluation_record_ids(f: EvaluationFile) -> list[str]:
    """The ids of the evaluation records (a sound file has exactly one)."""
    return [str(r["id"]) for r in f.rows("evaluation")]


def score_record_keys(f: EvaluationFile) -> list[tuple[str, str]]:
    """(record id, sub-area) of every score record."""
    return [(str(r["id"]), str(r["subarea"])) for r in f.rows("scores")]


def independent_score_keys(f: EvaluationFile) -> list[tuple[str, str, str]]:
    """(record id, sub-area, evaluator) of every independent score record."""
    return [(str(r["id"]), str(r["subarea"]), str(r["evaluator"])) for r in f.rows("independent_scores")]
