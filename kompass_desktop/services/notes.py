"""Notes — the evidence — and the sources they cite (an interview, a document page, a web page).

Reached as ``session.notes``.  Every change is one transaction and is told to the listeners.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import KompassError, NotFound
from ..domain.messages import msg
from ..domain.model import Note, SourceKind
from ..storage import queries, repo
from .change import Change, ChangeKind
from .context import SessionContext

_NOTE_FIELDS = {
    "body",
    "subarea",
    "source_kind",
    "interview_id",
    "document_id",
    "page",
    "web_id",
    "captured_at",
}
_SOURCE_FIELDS = {"source_kind", "interview_id", "document_id", "web_id"}
_SOURCES = {  # the register a cited source must be in
    SourceKind.INTERVIEW: ("interview_id", "interviews", "Intervjun"),
    SourceKind.DOCUMENT: ("document_id", "documents", "Dokumentet"),
    SourceKind.WEB: ("web_id", "web_sources", "Webbkällan"),
}


class Notes:
    def __init__(self, ctx: SessionContext) -> None:
        self._ctx = ctx

    # -- reading ---------------------------------------------------------------------
    def all(
        self, subarea: str | None = None, *, interview_id: str | None = None, unsorted: bool = False
    ) -> list[Note]:
        """All notes (oldest first), or those of one sub-area / one interview / not yet sorted."""
        return queries.notes(self._ctx.file, subarea=subarea, interview_id=interview_id, unsorted=unsorted)

    def get(self, note_id: str) -> Note:
        row = self._ctx.file.get("notes", note_id)
        if row is None:
            raise NotFound(msg("Anteckningen finns inte (den kan ha tagits bort)."))
        return repo.to_note(row)

    def counts(self) -> dict[str, int]:
        """Notes per sub-area."""
        return repo.note_counts(self._ctx.file)

    # -- changing --------------------------------------------------------------------
    def add(
        self,
        body: str,
        subarea: str | None = None,
        *,
        source_kind: SourceKind | str = SourceKind.NONE,
        interview_id: str | None = None,
        document_id: str | None = None,
        page: str = "",
        web_id: str | None = None,
        captured_at: str | None = None,
    ) -> Note:
        ctx = self._ctx
        values = self._checked(
            {
                "body": body,
                "subarea": subarea,
                "source_kind": source_kind,
                "interview_id": interview_id,
                "document_id": document_id,
                "page": str(page or ""),
                "web_id": web_id,
            }
        )
        with ctx.file.write():
            values["captured_at"] = captured_at or ctx.file.clock()
            row = ctx.file.insert("notes", values, author=ctx.author)
        note = repo.to_note(row)
        ctx.emit(Change(ChangeKind.NOTE, (note.id,), _subs(note.subarea), _areas(note.subarea), new=note))
        return note

    def update(self, note_id: str, **changes: Any) -> Change[Note]:
        unknown = set(changes) - _NOTE_FIELDS
        if unknown:
            raise KompassError(
                msg("Okända fält för anteckning: {unknown}.", unknown=", ".join(sorted(unknown)))
            )
        ctx = self._ctx
        old = self.get(note_id)
        merged = {k: getattr(old, k) for k in _NOTE_FIELDS}
        merged.update(changes)
        # a note keeps citing a source that was deleted later; only a new source must exist
        values = self._checked(merged, check_source=bool(_SOURCE_FIELDS & set(changes)))
        stored = {k: values[k] for k in changes if k in values}
        if "source_kind" in changes:
            stored["source_kind"] = values["source_kind"]
        with ctx.file.write():
            ctx.file.update("notes", note_id, stored, author=ctx.author)
        new = self.get(note_id)
        touched = _subs(old.subarea) | _subs(new.subarea)
        change = Change(ChangeKind.NOTE, (note_id,), touched, frozenset(_area(s) for s in touched), old, new)
        ctx.emit(change)
        return change

    def move(self, note_id: str, subarea: str | None) -> Change[Note]:
        return self.update(note_id, subarea=subarea)

    def delete(self, note_id: str) -> Change[Note]:
        ctx = self._ctx
        old = self.get(note_id)
        with ctx.file.write():
            ctx.file.set_deleted("notes", note_id, True, author=ctx.author)
        change = Change(ChangeKind.NOTE, (note_id,), _subs(old.subarea), _areas(old.subarea), old=old)
        ctx.emit(change)
        return change

    def restore(self, note_id: str) -> Change[Note]:
        ctx = self._ctx
        with ctx.file.write():
            ctx.file.set_deleted("notes", note_id, False, author=ctx.author)
        note = self.get(note_id)
        change = Change(ChangeKind.NOTE, (note_id,), _subs(note.subarea), _areas(note.subarea), new=note)
        ctx.emit(change)
        return change

    def _checked(self, values: dict[str, Any], check_source: bool = True) -> dict[str, Any]:
        if "body" in values:
            values["body"] = str(values["body"]).strip()
            if not values["body"]:
                raise KompassError(msg("Anteckningen är tom."))
        if values.get("subarea"):
            self._ctx.framework.subarea(values["subarea"])
        elif "subarea" in values:
            values["subarea"] = None
        kind = SourceKind(values.get("source_kind", SourceKind.NONE))
        values["source_kind"] = kind.value
        if kind in _SOURCES and check_source:
            key, table, label = _SOURCES[kind]
            if not values.get(key) or self._ctx.file.get(table, values[key]) is None:
                raise NotFound(msg("{label} som anteckningen hänvisar till finns inte.", label=label))
        return values


def _area(sub: str) -> int:
    return int(sub.split(".")[0])


def _subs(sub: str | None) -> frozenset[str]:
    return frozenset({sub}) if sub else frozenset()


def _areas(sub: str | None) -> frozenset[int]:
    return frozenset({_area(sub)}) if sub else frozenset()
