"""Where the evidence is thin: notes per sub-area and source (interview groups, documents, web)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import EvaluationSnapshot, InterviewGroup, SourceKind

#: Column keys of the coverage matrix: one per interview group, then documents and web.
DOCUMENTS = "documents"
WEB = "web"
OTHER = "other"

#: Warnings of a row: keys and their Swedish wording.
NO_NOTES = "no_notes"
UNSUPPORTED = "unsupported_score"
ONE_SOURCE = "one_source"
WARNING_TEXTS = {
    NO_NOTES: "inga anteckningar",
    UNSUPPORTED: "poäng utan underlag",
    ONE_SOURCE: "bara en källa",
}


@dataclass(frozen=True, slots=True)
class CoverageRow:
    subarea: str
    heading: str
    scored: bool
    counts: dict[str, int]  # column key -> number of notes

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def source_kinds(self) -> int:
        """How many different columns have evidence."""
        return sum(1 for n in self.counts.values() if n)

    @property
    def warning_keys(self) -> list[str]:
        """Stable keys of the warnings (a GUI words them in its language)."""
        out = []
        if self.total == 0:
            out.append(NO_NOTES)
            if self.scored:
                out.append(UNSUPPORTED)
        elif self.source_kinds == 1:
            out.append(ONE_SOURCE)
        return out

    @property
    def warnings(self) -> list[str]:
        return [WARNING_TEXTS[key] for key in self.warning_keys]


@dataclass(frozen=True, slots=True)
class Coverage:
    columns: tuple[tuple[str, str], ...]  # (key, label)
    rows: tuple[CoverageRow, ...]
    short: tuple[str, ...] = ()  # short column labels for narrow tables


def coverage(snap: EvaluationSnapshot) -> Coverage:
    groups = {
        i.id: (i.group if i.group in InterviewGroup._value2member_map_ else InterviewGroup.OVRIGA.value)
        for i in snap.interviews
    }
    used_groups = [g for g in InterviewGroup if g.value in set(groups.values())]
    columns = tuple((g.value, g.label_sv) for g in used_groups) + (
        (DOCUMENTS, "Dokument"),
        (WEB, "Webb"),
        (OTHER, "Utan källa"),
    )
    counts: dict[str, Counter[str]] = {}
    for note in snap.notes:
        if not note.subarea:
            continue
        if note.source_kind == SourceKind.INTERVIEW and note.interview_id in groups:
            key = groups[note.interview_id]
        elif note.source_kind == SourceKind.DOCUMENT:
            key = DOCUMENTS
        elif note.source_kind == SourceKind.WEB:
            key = WEB
        else:
            key = OTHER
        counts.setdefault(note.subarea, Counter())[key] += 1
    rows = tuple(
        CoverageRow(
            sub.number,
            sub.heading,
            snap.scores.get(sub.number) is not None,
            {key: counts.get(sub.number, Counter())[key] for key, _ in columns},
        )
        for sub in snap.framework.subareas()
    )
    short = tuple(g.short_sv for g in used_groups) + ("Dokument", "Webb", "Utan källa")
    return Coverage(columns, rows, short)
