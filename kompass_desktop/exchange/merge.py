"""Merging a co-evaluator's copy into the lead's evaluation file, record by record.

Both files descend from one evaluation (same evaluation id).  Records are matched by UUID;
for a record in both files the ``history`` table decides who changed it:

* same revision, or the lead already knows the other's revision (it is in the lead's history,
  e.g. an older version or the loser of an earlier merge) -> keep the lead's record;
* the other file knows the lead's current revision -> only the other side changed: take it;
* otherwise find the common version (the newest revision of the other's history that the lead
  also has) and compare contents with it: if only one side differs from it, take that side;
  if both differ and their contents are equal (e.g. scores entered independently — keyed
  records have the same id in both files) there is no conflict; else it is a **conflict**.

Conflicts keep the lead's value unless chosen otherwise; the losing version is always stored
in the lead's history (reason ``merge-lost``), never deleted.  Soft deletion (``deleted``)
merges like any field.  Applying the same merge twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..domain.errors import KompassError
from ..domain.messages import msg
from ..services.session import EvaluationSession, StaleCopy
from ..storage import exchange_io as xio
from ..storage.db import EvaluationFile, Row
from ..storage.errors import os_reason
from ..storage.outputs import same_file
from . import archive
from .errors import MergeRefused
from .export import evaluation_document
from .importer import META_PERSONAL
from .labels import record_label
from .package import SEALED_MAGIC, check_evaluation, read_export_file
from .records import TABLES, content

Side = Literal["lead", "other"]


@dataclass(frozen=True, slots=True)
class FieldDiff:
    name: str
    lead: Any
    other: Any


@dataclass(frozen=True, slots=True)
class Conflict:
    """One record changed differently in both files (``id`` is the record id)."""

    id: str
    table: str
    label: str  # a Message: "Text för delfråga 1.1" (exchange.labels)
    fields: tuple[FieldDiff, ...]
    lead: Row
    other: Row


@dataclass(frozen=True, slots=True)
class MergePlan:
    lead_path: Path
    other_label: str
    evaluation_id: str
    inserts: tuple[tuple[str, Row], ...] = ()  # only in the other file
    updates: tuple[tuple[str, Row], ...] = ()  # changed only in the other file
    same: tuple[tuple[str, Row], ...] = ()  # changed in both to the same content
    conflicts: tuple[Conflict, ...] = ()
    unchanged: int = 0
    lead_revs: Mapping[str, str | None] = field(default_factory=dict)  # at planning time

    @property
    def is_empty(self) -> bool:
        return not (self.inserts or self.updates or self.same or self.conflicts)


@dataclass(frozen=True, slots=True)
class MergeResult:
    inserted: int
    updated: int
    remembered: int
    conflicts_kept_lead: int
    conflicts_took_other: int
    backup: Path | None


@dataclass(slots=True)
class _Files:
    label: str
    evaluation_id: str
    framework_id: str
    rows: dict[str, dict[str, Row]]
    versions: dict[str, list[tuple[str, dict[str, Any]]]]  # record id -> (rev, data) oldest first


def _versions(entries: list[xio.HistoryEntry]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for e in entries:
        out.setdefault(e.record_id, []).append((e.rev, e.data))
    return out


def _from_file(f: EvaluationFile, label: str) -> tuple[_Files, dict[str, str]]:
    with xio.consistent_read(f):
        rows = {t: {r["id"]: r for r in xio.all_records(f, t)} for t in TABLES}
        history = xio.all_history(f)
        meta = xio.all_meta(f)
        copy = xio.framework_copy(f)
    return _Files(label, meta.get("evaluation_id", ""), copy.id, rows, _versions(history)), meta


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(16)
    except FileNotFoundError:
        raise MergeRefused(msg("Filen {path} finns inte.", path=path)) from None
    except OSError as err:
        raise MergeRefused(msg("{path} kan inte läsas: {err}.", path=path, err=os_reason(err))) from None


def load_other(path: Path) -> _Files:
    """The co-evaluator's file read and checked completely (before the lead is opened for writing)."""
    path = Path(path)
    label = path.name
    head = _head(path)
    if head.startswith(SEALED_MAGIC):
        raise MergeRefused(
            msg(
                "{label} är förseglad för SKR och kan inte slås samman; öppna den först (kompass unseal).",
                label=label,
            )
        )
    if path.suffix.lower() == archive.SUFFIX or head.startswith(archive.ZIP_MAGIC):
        data = read_export_file(path)
        if not data.personal_data or data.document["meta"].get(META_PERSONAL) == "0":
            raise MergeRefused(
                msg(
                    (
                        "{label} saknar personuppgifter (intervjuanteckningar och namn) och kan "
                        "inte slås samman. Be om en export med --include-personal-data eller om "
                        ".kompass-filen."
                    ),
                    label=label,
                )
            )
    else:
        with xio.open_for_reading(path) as f:
            doc = evaluation_document(f, personal_data=True)
        if doc["meta"].get(META_PERSONAL) == "0":
            raise MergeRefused(
                msg(
                    (
                        "{label} är importerad från en export utan personuppgifter (namn och "
                        "intervjuanteckningar saknas) och kan inte slås samman."
                    ),
                    label=label,
                )
            )
        # exactly the checks of an export: scores within 0..max, known sub-areas, references, ...
        data = check_evaluation(doc, label, what="innehållet")
    rows = {t: {r["id"]: r for r in data.rows(t)} for t in TABLES}
    return _Files(label, data.evaluation_id, data.framework.id, rows, _versions(data.history()))


def plan_merge(lead: EvaluationSession, other_path: Path, *, other: _Files | None = None) -> MergePlan:
    """What merging ``other_path`` into the lead's open file would do (nothing is written);
    ``other`` is the file already read with :func:`load_other`."""
    other_path = Path(other_path)
    if same_file(other_path, lead.path):
        raise MergeRefused(msg("{name} är samma fil som huvudfilen.", name=other_path.name))
    mine, _meta = _from_file(lead.file, lead.path.name)
    theirs = other if other is not None else load_other(other_path)
    if theirs.evaluation_id != mine.evaluation_id:
        raise MergeRefused(
            msg(
                (
                    "{label} gäller en annan utvärdering än {label2} (olika "
                    "utvärderings-id); bara kopior av samma utvärdering kan slås samman."
                ),
                label=theirs.label,
                label2=mine.label,
            )
        )
    if theirs.framework_id != mine.framework_id:
        raise MergeRefused(
            msg(
                "{label} använder ramverket {framework_id}, huvudfilen {framework_id2}.",
                label=theirs.label,
                framework_id=theirs.framework_id,
                framework_id2=mine.framework_id,
            )
        )
    inserts, updates, same, conflicts = [], [], [], []
    unchanged = 0
    lead_revs: dict[str, str | None] = {}
    for table in TABLES:
        for rid, other_row in theirs.rows[table].items():
            lead_row = mine.rows[table].get(rid)
            lead_revs[rid] = None if lead_row is None else lead_row["rev"]
            if lead_row is None:
                inserts.append((table, other_row))
                continue
            outcome = _decide(
                table, lead_row, other_row, mine.versions.get(rid, []), theirs.versions.get(rid, [])
            )
            if outcome == "unchanged":
                unchanged += 1
            elif outcome == "other":
                updates.append((table, other_row))
            elif outcome == "same":
                same.append((table, other_row))
            else:
                conflicts.append(_conflict(table, lead_row, other_row))
    return MergePlan(
        lead.path,
        theirs.label,
        mine.evaluation_id,
        tuple(inserts),
        tuple(updates),
        tuple(same),
        tuple(conflicts),
        unchanged,
        lead_revs,
    )


def _decide(
    table: str,
    lead: Row,
    other: Row,
    lead_history: list[tuple[str, dict[str, Any]]],
    other_history: list[tuple[str, Any]],
) -> str:
    """unchanged | other | same | conflict (see the module docstring)."""
    lead_rev, other_rev = lead["rev"], other["rev"]
    if lead_rev == other_rev:
        return "unchanged"
    known = {rev: data for rev, data in lead_history}
    known[lead_rev] = lead
    if other_rev in known:
        return "unchanged"
    other_known = {rev for rev, _ in other_history}
    if lead_rev in other_known:
        return "other"
    lead_content, other_content = content(lead, table), content(other, table)
    base_rev = next((rev for rev, _ in reversed(other_history) if rev in known), None)
    if base_rev is not None:
        base = content(known[base_rev], table)
        if other_content == base:
            return "unchanged"
        if lead_content == base:
            return "other"
    return "same" if lead_content == other_content else "conflict"


def _conflict(table: str, lead: Row, other: Row) -> Conflict:
    a, b = content(lead, table), content(other, table)
    names = list(a) + [k for k in b if k not in a]
    diffs = tuple(FieldDiff(k, a.get(k), b.get(k)) for k in names if a.get(k) != b.get(k))
    return Conflict(lead["id"], table, record_label(table, lead), diffs, lead, other)


def apply_merge(
    lead: EvaluationSession,
    plan: MergePlan,
    choices: Mapping[str, Side] | None = None,
    *,
    default: Side = "lead",
) -> MergeResult:
    """Carry out ``plan`` in one transaction after a backup; conflicts follow ``choices``
    (conflict id -> "lead"|"other"), the others ``default``.  The loser goes to history."""
    choices = dict(choices or {})
    ids = {c.id for c in plan.conflicts}
    unknown = sorted(set(choices) - ids)
    if unknown:
        raise KompassError(msg("Okända konflikter i valen: {unknown}.", unknown=", ".join(unknown)))
    for side in [*choices.values(), default]:
        if side not in ("lead", "other"):
            raise KompassError(msg("Ogiltigt val ”{side}”: ange lead eller other.", side=side))
    if plan.lead_path.resolve() != lead.path.resolve():
        raise MergeRefused(msg("Planen gäller en annan huvudfil."))
    if plan.is_empty:
        return MergeResult(0, 0, 0, 0, 0, None)
    steps: list[tuple[str, Row, str | None]] = [(t, row, None) for t, row in plan.inserts + plan.updates]
    steps += [(t, row, "merge-same") for t, row in plan.same]
    kept_lead = took_other = 0
    for c in plan.conflicts:
        if choices.get(c.id, default) == "other":
            steps += [(c.table, c.lead, "merge-lost"), (c.table, c.other, None)]
            took_other += 1
        else:
            steps.append((c.table, c.other, "merge-lost"))
            kept_lead += 1
    expected = {
        row["id"]: (t, plan.lead_revs.get(row["id"])) for t, row in plan.inserts + plan.updates + plan.same
    }
    expected.update({c.id: (c.table, plan.lead_revs.get(c.id)) for c in plan.conflicts})
    try:  # through the services: backup, one transaction, listeners told
        saved = lead.store_copied(steps, expected, "before-merge")
    except StaleCopy:
        raise MergeRefused(
            msg("Huvudfilen har ändrats sedan sammanslagningen planerades; planera om.")
        ) from None
    return MergeResult(len(plan.inserts), len(plan.updates), len(plan.same), kept_lead, took_other, saved)
