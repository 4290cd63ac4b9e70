"""Notes (the evidence) and findings (Styrkor / Förbättringsmöjligheter / Svagheter)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..domain.errors import KompassError, NotFound
from ..domain.framework import FindingKind, Framework
from ..domain.model import Finding, Note, SourceKind
from ..storage import queries, repo
from ..storage.db import EvaluationFile, keyed_id
from .change import Change, ChangeKind

if TYPE_CHECKING:
    from ..domain.model import EvaluationInfo

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


class NotesMixin:
    file: EvaluationFile
    author: str
    framework: Framework
    _emit: Callable[[Change], Change]
    info: Callable[[], EvaluationInfo]

    if TYPE_CHECKING:

        @property
        def evaluation_id(self) -> str: ...

    # -- notes ------------------------------------------------------------------------
    def notes(
        self, subarea: str | None = None, *, interview_id: str | None = None, unsorted: bool = False
    ) -> list[Note]:
        return queries.notes(self.file, subarea=subarea, interview_id=interview_id, unsorted=unsorted)

    def note(self, note_id: str) -> Note:
        row = self.file.get("notes", note_id)
        if row is None:
            raise NotFound("Anteckningen finns inte (den kan ha tagits bort).")
        return repo.to_note(row)

    def _note_values(self, values: dict[str, Any], check_source: bool = True) -> dict[str, Any]:
        if "body" in values:
            values["body"] = str(values["body"]).strip()
            if not values["body"]:
                raise KompassError("Anteckningen är tom.")
        if values.get("subarea"):
            self.framework.subarea(values["subarea"])
        elif "subarea" in values:
            values["subarea"] = None
        kind = SourceKind(values.get("source_kind", SourceKind.NONE))
        values["source_kind"] = kind.value
        checks = {
            SourceKind.INTERVIEW: ("interview_id", "interviews", "Intervjun"),
            SourceKind.DOCUMENT: ("document_id", "documents", "Dokumentet"),
            SourceKind.WEB: ("web_id", "web_sources", "Webbkällan"),
        }
        if kind in checks and check_source:
            key, table, label = checks[kind]
            if not values.get(key) or self.file.get(table, values[key]) is None:
                raise NotFound(f"{label} som anteckningen hänvisar till finns inte.")
        return values

    def add_note(
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
        values = self._note_values(
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
        with self.file.write():
            values["captured_at"] = captured_at or self.file.clock()
            row = self.file.insert("notes", values, author=self.author)
        note = repo.to_note(row)
        self._emit(Change(ChangeKind.NOTE, (note.id,), _subs(note.subarea), _areas(note.subarea), new=note))
        return note

    def update_note(self, note_id: str, **changes: Any) -> Change:
        unknown = set(changes) - _NOTE_FIELDS
        if unknown:
            raise KompassError(f"Okända fält för anteckning: {', '.join(sorted(unknown))}.")
        old = self.note(note_id)
        merged = {k: getattr(old, k) for k in _NOTE_FIELDS}
        merged.update(changes)
        # a note keeps citing a source that was deleted later; only a new source must exist
        source_fields = {"source_kind", "interview_id", "document_id", "web_id"}
        values = self._note_values(merged, check_source=bool(source_fields & set(changes)))
        with self.file.write():
            self.file.update(
                "notes",
                note_id,
                {k: values[k] for k in changes if k in values}
                | ({"source_kind": values["source_kind"]} if "source_kind" in changes else {}),
                author=self.author,
            )
        new = self.note(note_id)
        touched = _subs(old.subarea) | _subs(new.subarea)
        return self._emit(
            Change(
                ChangeKind.NOTE, (note_id,), touched, frozenset(_area(s) for s in touched), old=old, new=new
            )
        )

    def move_note(self, note_id: str, subarea: str | None) -> Change:
        return self.update_note(note_id, subarea=subarea)

    def delete_note(self, note_id: str) -> Change:
        old = self.note(note_id)
        with self.file.write():
            self.file.set_deleted("notes", note_id, True, author=self.author)
        return self._emit(
            Change(ChangeKind.NOTE, (note_id,), _subs(old.subarea), _areas(old.subarea), old=old)
        )

    def restore_note(self, note_id: str) -> Change:
        with self.file.write():
            self.file.set_deleted("notes", note_id, False, author=self.author)
        note = self.note(note_id)
        return self._emit(
            Change(ChangeKind.NOTE, (note_id,), _subs(note.subarea), _areas(note.subarea), new=note)
        )

    # -- findings ---------------------------------------------------------------------
    def findings(self, area: int | None = None) -> list[Finding]:
        return repo.load_findings(self.file, area)

    def finding(self, finding_id: str) -> Finding:
        for f in repo.load_findings(self.file):
            if f.id == finding_id:
                return f
        raise NotFound("Iakttagelsen finns inte (den kan ha tagits bort).")

    def _check_kind(self, kind: FindingKind | str) -> FindingKind:
        kind = FindingKind(kind)
        if kind not in self.framework.finding_kinds:
            raise KompassError(f"{kind.label_sv} används inte i {self.framework.name}.")
        return kind

    def add_finding(
        self,
        area: int,
        kind: FindingKind | str,
        body: str,
        *,
        note_ids: Iterable[str] = (),
        position: float | None = None,
    ) -> Finding:
        self.framework.area(area)
        kind = self._check_kind(kind)
        body = body.strip()
        if not body:
            raise KompassError("Iakttagelsen är tom.")
        if position is None:
            existing = [f.position for f in self.findings(area) if f.kind == kind]
            position = (max(existing) + 1.0) if existing else 1.0
        with self.file.write():
            row = self.file.insert(
                "findings",
                {"area": area, "kind": kind.value, "body": body, "position": position},
                author=self.author,
            )
            for nid in note_ids:
                self._link(row["id"], nid)
        finding = self.finding(row["id"])
        self._emit(Change(ChangeKind.FINDING, (finding.id,), areas=frozenset({area}), new=finding))
        return finding

    def update_finding(self, finding_id: str, **changes: Any) -> Change:
        old = self.finding(finding_id)
        values: dict[str, Any] = {}
        if "body" in changes:
            values["body"] = str(changes["body"]).strip()
            if not values["body"]:
                raise KompassError("Iakttagelsen är tom.")
        if "kind" in changes:
            values["kind"] = self._check_kind(changes["kind"]).value
        if "position" in changes:
            values["position"] = float(changes["position"])
        unknown = set(changes) - {"body", "kind", "position"}
        if unknown:
            raise KompassError(f"Okända fält för iakttagelse: {', '.join(sorted(unknown))}.")
        with self.file.write():
            self.file.update("findings", finding_id, values, author=self.author)
        new = self.finding(finding_id)
        return self._emit(
            Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({old.area}), old=old, new=new)
        )

    def delete_finding(self, finding_id: str) -> Change:
        old = self.finding(finding_id)
        with self.file.write():
            self.file.set_deleted("findings", finding_id, True, author=self.author)
        return self._emit(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({old.area}), old=old))

    def restore_finding(self, finding_id: str) -> Change:
        with self.file.write():
            self.file.set_deleted("findings", finding_id, False, author=self.author)
        new = self.finding(finding_id)
        return self._emit(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({new.area}), new=new))

    def link_note(self, finding_id: str, note_id: str) -> Change:
        finding = self.finding(finding_id)
        self.note(note_id)
        with self.file.write():
            self._link(finding_id, note_id)
        return self._emit(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({finding.area})))

    def unlink_note(self, finding_id: str, note_id: str) -> Change:
        finding = self.finding(finding_id)
        link_id = keyed_id(self.evaluation_id, f"link:{finding_id}:{note_id}")
        with self.file.write():
            if self.file.get("finding_notes", link_id) is not None:
                self.file.set_deleted("finding_notes", link_id, True, author=self.author)
        return self._emit(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({finding.area})))

    def _link(self, finding_id: str, note_id: str) -> None:
        if self.file.get("notes", note_id) is None:
            raise NotFound("Anteckningen som ska länkas finns inte.")
        self.file.upsert_keyed(
            "finding_notes",
            keyed_id(self.evaluation_id, f"link:{finding_id}:{note_id}"),
            {"finding_id": finding_id, "note_id": note_id},
            author=self.author,
        )


def _area(sub: str) -> int:
    return int(sub.split(".")[0])


def _subs(sub: str | None) -> frozenset[str]:
    return frozenset({sub}) if sub else frozenset()


def _areas(sub: str | None) -> frozenset[int]:
    return frozenset({_area(sub)}) if sub else frozenset()
