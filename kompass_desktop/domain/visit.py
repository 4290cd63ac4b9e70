"""The visit: which interview is going on by the clock, and what depends on a record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from .model import Finding, Interview, Note, SourceKind

#: Municipality groups of SKR's classification (kommungruppsindelning 2017), as written in reports.
KOMMUNGRUPPER: tuple[str, ...] = (
    "Storstäder (A1)",
    "Pendlingskommun nära storstad (A2)",
    "Större stad (B3)",
    "Pendlingskommun nära större stad (B4)",
    "Lågpendlingskommun nära större stad (B5)",
    "Mindre stad/tätort (C6)",
    "Pendlingskommun nära mindre stad/tätort (C7)",
    "Landsbygdskommun (C8)",
    "Landsbygdskommun med besöksnäring (C9)",
)


def proposed_interview(interviews: Sequence[Interview], now: datetime) -> Interview | None:
    """The interview going on at ``now`` by the schedule, else the next one the same day.

    An interview without an end time lasts until the next one starts (or the day ends).
    Interviews without a date or start time are never proposed."""
    today = now.date().isoformat()
    clock = now.strftime("%H:%M")
    todays = sorted((i for i in interviews if i.date == today and i.start), key=lambda i: i.start)
    running = []
    for index, interview in enumerate(todays):
        following = todays[index + 1].start if index + 1 < len(todays) else "24:00"
        end = interview.end or following
        if interview.start <= clock < end:
            running.append(interview)
    if running:
        return running[-1]  # overlapping: the one that started last
    upcoming = [i for i in todays if i.start > clock]
    return upcoming[0] if upcoming else None


def notes_citing(notes: Iterable[Note], kind: SourceKind, record_id: str) -> list[Note]:
    """The notes whose source is the interview, document or web observation ``record_id``."""
    key = {
        SourceKind.INTERVIEW: "interview_id",
        SourceKind.DOCUMENT: "document_id",
        SourceKind.WEB: "web_id",
    }[kind]
    return [n for n in notes if n.source_kind == kind and getattr(n, key) == record_id]


def notes_without_source(notes: Iterable[Note]) -> list[Note]:
    """Notes that cite no interview, document or web observation (listed for the evaluator)."""
    return [n for n in notes if n.source_kind == SourceKind.NONE]


def findings_linking(findings: Iterable[Finding], note_id: str) -> list[Finding]:
    """The findings that cite the note ``note_id`` as support."""
    return [f for f in findings if note_id in f.note_ids]
