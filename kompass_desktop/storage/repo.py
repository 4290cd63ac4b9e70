"""Rows <-> domain records, and the read queries the services need."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..domain.consensus import AgreedScore, Consensus, IndependentScore, build_consensus
from ..domain.framework import FindingKind, Framework
from ..domain.messages import msg
from ..domain.model import (
    Document,
    EarlierEvaluation,
    EvaluationInfo,
    EvaluationSnapshot,
    Finding,
    Interview,
    Note,
    SourceKind,
    Text,
    TextScope,
    WebSource,
)
from ..domain.reference import NationalAverage
from ..domain.stored import DATA_ERRORS, data_problem, parse_stored_national, parse_stored_points
from .db import EvaluationFile, Row
from .errors import CorruptFile
from .schemacheck import compare_schema
from .values import NATIONAL_META as NATIONAL_META
from .values import history_problems, setting_problems, value_problems

log = logging.getLogger(__name__)


def _meta(row: Row) -> dict[str, Any]:
    return {"id": row["id"], "author": row["author"], "created": row["created"], "modified": row["modified"]}


def to_info(row: Row) -> EvaluationInfo:
    return EvaluationInfo(
        **_meta(row),
        framework_id=row["framework_id"],
        municipality=row["municipality"],
        municipality_code=row["municipality_code"],
        unlisted=bool(row["unlisted"]),
        kommungrupp=row["kommungrupp"],
        inhabitants=row["inhabitants"],
        inhabitants_note=row["inhabitants_note"],
        employees=row["employees"],
        employees_note=row["employees_note"],
        governing_parties=row["governing_parties"],
        facts=tuple((str(k), str(v)) for k, v in row["facts"]),
        evaluation_number=row["evaluation_number"],
        start_date=row["start_date"],
        end_date=row["end_date"],
        year=row["year"],
        evaluators=tuple(row["evaluators"]),
    )


def to_interview(row: Row) -> Interview:
    return Interview(
        **_meta(row),
        group=row["grp"],
        title=row["title"],
        date=row["date"],
        start=row["start"],
        end=row["end"],
        roles=tuple(row["roles"]),
        names=tuple(row["names"]),
        participants=row["participants"],
        location=row["location"],
    )


def to_document(row: Row) -> Document:
    return Document(
        **_meta(row),
        title=row["title"],
        doc_type=row["doc_type"],
        year=row["year"],
        decided_by=row["decided_by"],
        body=row["body"],
        path=row["path"],
        url=row["url"],
    )


def to_web(row: Row) -> WebSource:
    return WebSource(**_meta(row), title=row["title"], url=row["url"], seen=row["seen"], kind=row["kind"])


def to_note(row: Row) -> Note:
    return Note(
        **_meta(row),
        body=row["body"],
        subarea=row["subarea"],
        source_kind=SourceKind(row["source_kind"]),
        interview_id=row["interview_id"],
        document_id=row["document_id"],
        page=row["page"],
        web_id=row["web_id"],
        captured_at=row["captured_at"],
    )


def to_text(row: Row) -> Text:
    return Text(**_meta(row), scope=TextScope(row["scope"]), ref=row["ref"], body=row["body"])


def to_earlier(row: Row) -> EarlierEvaluation:
    return EarlierEvaluation(
        **_meta(row),
        year=row["year"],
        framework_id=row["framework_id"],
        label=row["label"],
        area_scores={int(k): Decimal(str(v)) for k, v in row["area_scores"].items()},
    )


def load_info(f: EvaluationFile) -> EvaluationInfo:
    rows = f.rows("evaluation")
    if len(rows) != 1:
        raise CorruptFile(
            msg("{name} innehåller {rows} utvärderingsposter (väntade 1).", name=f.path.name, rows=len(rows))
        )
    return to_info(rows[0])


def load_framework(f: EvaluationFile) -> Framework:
    try:
        return Framework.from_dict(f.framework_data())
    except DATA_ERRORS as err:
        raise CorruptFile(
            msg(
                (
                    "{name}: ramverkskopian är ofullständig ({problem}). Återställ en "
                    "säkerhetskopia (kompass backups)."
                ),
                name=f.path.name,
                problem=data_problem(err),
            )
        ) from None


def _points(f: EvaluationFile, r: Row) -> Decimal | None:
    try:
        return parse_stored_points(r["points"])
    except ValueError as err:
        raise CorruptFile(
            msg(
                "{name}: delfråga {r}: {err}. Kör kompass validate {name2}.",
                name=f.path.name,
                r=r["subarea"],
                err=err,
                name2=f.path.name,
            )
        ) from None


def to_agreed(f: EvaluationFile, r: Row) -> AgreedScore:
    return AgreedScore(**_meta(r), subarea=r["subarea"], points=_points(f, r), reason=r["reason"])


def to_independent(f: EvaluationFile, r: Row) -> IndependentScore:
    return IndependentScore(
        **_meta(r),
        subarea=r["subarea"],
        evaluator=r["evaluator"],
        points=_points(f, r),
        rationale=r["rationale"],
    )


def load_consensus(f: EvaluationFile, framework: Framework | None = None) -> Consensus:
    """Every evaluator's independent score and the recorded agreed scores, per sub-area."""
    return build_consensus(
        framework or load_framework(f),
        (to_independent(f, r) for r in f.rows("independent_scores", order_by="subarea, evaluator")),
        (to_agreed(f, r) for r in f.rows("scores")),
    )


def load_scores(f: EvaluationFile, framework: Framework | None = None) -> dict[str, Decimal | None]:
    """The score that counts per sub-area: the agreed one (None: open or not scored)."""
    return load_consensus(f, framework).agreed_scores()


def load_notes(f: EvaluationFile) -> list[Note]:
    return [to_note(r) for r in f.rows("notes", order_by="captured_at, created")]


def load_links(f: EvaluationFile) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for r in f.rows("finding_notes", order_by="created"):
        links.setdefault(r["finding_id"], []).append(r["note_id"])
    return links


def load_findings(f: EvaluationFile, area: int | None = None) -> list[Finding]:
    links = load_links(f)
    where, params = ("deleted = 0", ()) if area is None else ("deleted = 0 AND area = ?", (area,))
    return [
        Finding(
            **_meta(r),
            area=r["area"],
            kind=FindingKind(r["kind"]),
            body=r["body"],
            position=r["position"],
            note_ids=tuple(links.get(r["id"], ())),
        )
        for r in f.rows("findings", where, params, order_by="area, kind, position, created")
    ]


def load_snapshot(f: EvaluationFile) -> EvaluationSnapshot:
    framework = load_framework(f)
    consensus = load_consensus(f, framework)
    return EvaluationSnapshot(
        info=load_info(f),
        framework=framework,
        scores=consensus.agreed_scores(),
        consensus=consensus,
        notes=tuple(load_notes(f)),
        findings=tuple(load_findings(f)),
        texts=tuple(to_text(r) for r in f.rows("texts", order_by="scope, ref")),
        interviews=tuple(to_interview(r) for r in f.rows("interviews", order_by="date, start, created")),
        documents=tuple(to_document(r) for r in f.rows("documents", order_by="title")),
        web_sources=tuple(to_web(r) for r in f.rows("web_sources", order_by="title")),
        earlier=tuple(to_earlier(r) for r in f.rows("earlier_evaluations", order_by="year")),
        national=load_national(f),
    )


def load_national(f: EvaluationFile) -> NationalAverage | None:
    """The national-average reference stored in the file (chosen by the evaluator), if any.
    A damaged one is not used; it is reported when the file is opened (``f.notices``) and by
    :func:`file_problems` (``validate``) with what is wrong and where."""
    try:
        return parse_stored_national(f.meta(NATIONAL_META))
    except ValueError as err:
        log.debug("%s: the stored national average is not used: %s", f.path.name, err)  # told at open
        return None


def file_problems(f: EvaluationFile) -> list[str]:
    """What is wrong with the file itself: SQLite's integrity check, schema objects we did not
    create, damaged values and history versions (each with what and where)."""
    integrity = f.query("PRAGMA integrity_check(20)")
    problems: list[str] = [msg("databasen: {r}", r=r[0]) for r in integrity if r[0] != "ok"]
    if problems:
        return problems
    version = int(f.query("PRAGMA user_version")[0][0])
    problems.extend(msg("schemat: {d}", d=d.describe()) for d in compare_schema(f.conn, version))
    problems.extend(value_problems(f.conn))
    problems.extend(setting_problems(f.conn))
    problems.extend(history_problems(f.conn))
    return problems


def note_counts(f: EvaluationFile) -> dict[str, int]:
    return {
        sub: n
        for sub, n in f.query(
            "SELECT subarea, count(*) FROM notes WHERE deleted = 0 AND subarea IS NOT NULL GROUP BY subarea"
        )
    }


# -- search ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "note" | "text" | "document"
    id: str
    ref: str  # sub-area of a note, scope:ref of a text, title of a document
    snippet: str  # with [ and ] around matches
    rank: float


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """User input -> a safe FTS5 query: every word must match, as a prefix."""
    words = _TOKEN.findall(text)
    return " ".join(f'"{w}"*' for w in words)


def search(f: EvaluationFile, text: str, limit: int) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    hits: list[SearchHit] = []
    for rid, sub, snippet, rank in f.query(
        "SELECT n.id, coalesce(n.subarea, ''), snippet(notes_fts, 0, '[', ']', '…', 12), notes_fts.rank "
        "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid "
        "WHERE notes_fts MATCH ? AND n.deleted = 0 ORDER BY notes_fts.rank LIMIT ?",
        (query, limit),
    ):
        hits.append(SearchHit("note", rid, sub, snippet, rank))
    for rid, scope, ref, snippet, rank in f.query(
        "SELECT t.id, t.scope, t.ref, snippet(texts_fts, 0, '[', ']', '…', 12), texts_fts.rank "
        "FROM texts_fts JOIN texts t ON t.rowid = texts_fts.rowid "
        "WHERE texts_fts MATCH ? AND t.deleted = 0 ORDER BY texts_fts.rank LIMIT ?",
        (query, limit),
    ):
        hits.append(SearchHit("text", rid, f"{scope}:{ref}", snippet, rank))
    for rid, title, snippet, rank in f.query(
        "SELECT d.id, d.title, snippet(documents_fts, -1, '[', ']', '…', 12), documents_fts.rank "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH ? AND d.deleted = 0 ORDER BY documents_fts.rank LIMIT ?",
        (query, limit),
    ):
        hits.append(SearchHit("document", rid, title, snippet, rank))
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]
