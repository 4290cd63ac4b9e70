"""Findings per area — Styrkor / Förbättringsmöjligheter (and Svagheter in 2010) — with the
notes that back them.

Reached as ``session.findings``.  Every change is one transaction and is told to the listeners.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain.errors import KompassError, NotFound
from ..domain.framework import FindingKind
from ..domain.messages import msg
from ..domain.model import Finding
from ..storage import repo
from ..storage.db import keyed_id
from .change import Change, ChangeKind
from .context import SessionContext


class Findings:
    def __init__(self, ctx: SessionContext) -> None:
        self._ctx = ctx

    def all(self, area: int | None = None) -> list[Finding]:
        return repo.load_findings(self._ctx.file, area)

    def get(self, finding_id: str) -> Finding:
        for f in repo.load_findings(self._ctx.file):
            if f.id == finding_id:
                return f
        raise NotFound(msg("Iakttagelsen finns inte (den kan ha tagits bort)."))

    def add(
        self,
        area: int,
        kind: FindingKind | str,
        body: str,
        *,
        note_ids: Iterable[str] = (),
        position: float | None = None,
    ) -> Finding:
        ctx = self._ctx
        ctx.framework.area(area)
        kind = self._kind(kind)
        body = body.strip()
        if not body:
            raise KompassError(msg("Iakttagelsen är tom."))
        if position is None:
            existing = [f.position for f in self.all(area) if f.kind == kind]
            position = (max(existing) + 1.0) if existing else 1.0
        with ctx.file.write():
            row = ctx.file.insert(
                "findings",
                {"area": area, "kind": kind.value, "body": body, "position": position},
                author=ctx.author,
            )
            for nid in note_ids:
                self._link(row["id"], nid)
        finding = self.get(row["id"])
        ctx.emit(Change(ChangeKind.FINDING, (finding.id,), areas=frozenset({area}), new=finding))
        return finding

    def update(self, finding_id: str, **changes: Any) -> Change[Finding]:
        ctx = self._ctx
        old = self.get(finding_id)
        values: dict[str, Any] = {}
        if "body" in changes:
            values["body"] = str(changes["body"]).strip()
            if not values["body"]:
                raise KompassError(msg("Iakttagelsen är tom."))
        if "kind" in changes:
            values["kind"] = self._kind(changes["kind"]).value
        if "position" in changes:
            values["position"] = float(changes["position"])
        unknown = set(changes) - {"body", "kind", "position"}
        if unknown:
            raise KompassError(
                msg("Okända fält för iakttagelse: {unknown}.", unknown=", ".join(sorted(unknown)))
            )
        with ctx.file.write():
            ctx.file.update("findings", finding_id, values, author=ctx.author)
        new = self.get(finding_id)
        return self._told(
            Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({old.area}), old=old, new=new)
        )

    def delete(self, finding_id: str) -> Change[Finding]:
        ctx = self._ctx
        old = self.get(finding_id)
        with ctx.file.write():
            ctx.file.set_deleted("findings", finding_id, True, author=ctx.author)
        return self._told(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({old.area}), old=old))

    def restore(self, finding_id: str) -> Change[Finding]:
        ctx = self._ctx
        with ctx.file.write():
            ctx.file.set_deleted("findings", finding_id, False, author=ctx.author)
        new = self.get(finding_id)
        return self._told(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({new.area}), new=new))

    def link_note(self, finding_id: str, note_id: str) -> Change[Finding]:
        finding = self.get(finding_id)
        with self._ctx.file.write():
            self._link(finding_id, note_id)
        return self._told(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({finding.area})))

    def unlink_note(self, finding_id: str, note_id: str) -> Change[Finding]:
        ctx = self._ctx
        finding = self.get(finding_id)
        link_id = keyed_id(ctx.evaluation_id, f"link:{finding_id}:{note_id}")
        with ctx.file.write():
            if ctx.file.get("finding_notes", link_id) is not None:
                ctx.file.set_deleted("finding_notes", link_id, True, author=ctx.author)
        return self._told(Change(ChangeKind.FINDING, (finding_id,), areas=frozenset({finding.area})))

    def _told(self, change: Change[Finding]) -> Change[Finding]:
        self._ctx.emit(change)
        return change

    def _kind(self, kind: FindingKind | str) -> FindingKind:
        kind = FindingKind(kind)
        framework = self._ctx.framework
        if kind not in framework.finding_kinds:
            raise KompassError(
                msg("{label_sv} används inte i {name}.", label_sv=kind.label_sv, name=framework.name)
            )
        return kind

    def _link(self, finding_id: str, note_id: str) -> None:
        ctx = self._ctx
        if ctx.file.get("notes", note_id) is None:
            raise NotFound(msg("Anteckningen som ska länkas finns inte."))
        ctx.file.upsert_keyed(
            "finding_notes",
            keyed_id(ctx.evaluation_id, f"link:{finding_id}:{note_id}"),
            {"finding_id": finding_id, "note_id": note_id},
            author=ctx.author,
        )
