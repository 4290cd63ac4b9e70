"""Presentation helpers: how records are shown in lists (no rules, only wording)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject

from ..domain.meta import local_moment
from ..domain.model import Document, Interview, Note, SourceKind, WebSource
from ..domain.scoring import round_display
from ..services import EvaluationSession
from .wording import group_label


def points(value: Decimal | None) -> str:
    """Points as shown everywhere: rounded half up, "–" when nothing is scored."""
    return "–" if value is None else str(round_display(value))


# How much of a text a list row shows: a few wrapped lines.  A list lays out every row's whole
# text, so a 200 KB note would stall the window on every change and resize; the whole text is
# in the editor (F2, double-click) and in the report.  TIP_TEXT: how much a tooltip shows.
LIST_TEXT = 600
TIP_TEXT = 2000


def excerpt(text: str, limit: int = LIST_TEXT) -> str:
    """``text`` cut after ``limit`` characters (at a space where there is one near), saying how
    much more there is."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit - 80, limit)
    shown = text[: cut if cut > 0 else limit].rstrip()
    return shown + " " + _ExcerptWording().more(len(text) - len(shown))


class _ExcerptWording(QObject):
    """Plural forms need ``self.tr(…, n)``: lupdate ignores the count of ``translate``."""

    def more(self, count: int) -> str:
        return self.tr("… (%n tecken till)", "", count)


def local_time(stamp: str) -> str:
    """'2025-10-14T08:41:00.000Z' -> '14/10 10:41' in local time."""
    if not stamp:
        return ""
    moment = local_moment(stamp)
    return stamp if moment is None else moment.strftime("%d/%m %H:%M")


@dataclass
class Sources:
    """Lookup of the registers, for labelling notes."""

    interviews: dict[str, Interview] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    web: dict[str, WebSource] = field(default_factory=dict)

    @classmethod
    def load(cls, session: EvaluationSession) -> Sources:
        return cls(
            {i.id: i for i in session.registers.interviews()},
            {d.id: d for d in session.registers.documents()},
            {w.id: w for w in session.registers.web_sources()},
        )

    def label(self, note: Note) -> str:
        if note.source_kind == SourceKind.INTERVIEW and note.interview_id in self.interviews:
            return interview_label(self.interviews[note.interview_id])
        if note.source_kind == SourceKind.DOCUMENT and note.document_id in self.documents:
            doc = self.documents[note.document_id]
            return doc.title + (
                QCoreApplication.translate("formatting", ", s. {0}").format(note.page) if note.page else ""
            )
        if note.source_kind == SourceKind.WEB and note.web_id in self.web:
            return self.web[note.web_id].title
        return QCoreApplication.translate("formatting", "utan källa")


def interview_label(interview: Interview) -> str:
    title = interview.title or group_label(interview.group)
    day = f"{interview.date[8:10]}/{interview.date[5:7]}" if len(interview.date) == 10 else ""
    when = f"{day} {interview.start}".strip()  # day/month, like the times of notes
    return f"{title} ({when})" if when else title


def note_line(note: Note, sources: Sources) -> str:
    return f"{local_time(note.captured_at)} · {sources.label(note)}\n{excerpt(note.body)}"
