"""Schema migrations of the evaluation file, in order.

``PRAGMA user_version`` is the schema version.  Each migration runs in its own transaction
together with the version bump, so a file is always at exactly one version.  Before an
existing file is migrated a backup copy is made (see :func:`.opening.open_evaluation_file`).

Never edit a released migration; add a new one and a test that upgrades a real old file.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .fileformat import APPLICATION_ID
from .rows import keyed_id

#: Columns every record table has (needed to merge co-evaluators' files record by record).
RECORD_COLUMNS = """
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    rev TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
"""

#: Record tables and the columns that hold JSON lists/objects.
RECORD_TABLES: dict[str, tuple[str, ...]] = {
    "evaluation": ("facts", "evaluators"),
    "scores": (),
    "texts": (),
    "notes": (),
    "findings": (),
    "finding_notes": (),
    "interviews": ("roles", "names"),
    "documents": (),
    "web_sources": (),
    "earlier_evaluations": ("area_scores",),
    "independent_scores": (),
}

_V1 = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE framework_copy (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    frozen_at TEXT NOT NULL
);

CREATE TABLE evaluation (
    id TEXT PRIMARY KEY,
    framework_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    kommungrupp TEXT NOT NULL DEFAULT '',
    inhabitants INTEGER,
    inhabitants_note TEXT NOT NULL DEFAULT '',
    employees INTEGER,
    employees_note TEXT NOT NULL DEFAULT '',
    governing_parties TEXT NOT NULL DEFAULT '',
    facts TEXT NOT NULL DEFAULT '[]',
    evaluation_number INTEGER,
    start_date TEXT NOT NULL DEFAULT '',
    end_date TEXT NOT NULL DEFAULT '',
    year INTEGER,
    evaluators TEXT NOT NULL DEFAULT '[]',
    {RECORD_COLUMNS}
);

CREATE TABLE scores (
    id TEXT PRIMARY KEY,
    subarea TEXT NOT NULL UNIQUE,
    points TEXT,
    {RECORD_COLUMNS}
);

CREATE TABLE texts (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    ref TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS},
    UNIQUE (scope, ref)
);

CREATE TABLE interviews (
    id TEXT PRIMARY KEY,
    grp TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    start TEXT NOT NULL DEFAULT '',
    "end" TEXT NOT NULL DEFAULT '',
    roles TEXT NOT NULL DEFAULT '[]',
    names TEXT NOT NULL DEFAULT '[]',
    participants INTEGER,
    location TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    doc_type TEXT NOT NULL DEFAULT '',
    year INTEGER,
    decided_by TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);

CREATE TABLE web_sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    seen TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'webb',
    {RECORD_COLUMNS}
);

CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    subarea TEXT,
    source_kind TEXT NOT NULL DEFAULT 'none',
    interview_id TEXT,
    document_id TEXT,
    page TEXT NOT NULL DEFAULT '',
    web_id TEXT,
    captured_at TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS}
);
CREATE INDEX notes_subarea ON notes (subarea);
CREATE INDEX notes_interview ON notes (interview_id);

CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    area INTEGER NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    position REAL NOT NULL DEFAULT 0,
    {RECORD_COLUMNS}
);
CREATE INDEX findings_area ON findings (area, kind);

CREATE TABLE finding_notes (
    id TEXT PRIMARY KEY,
    finding_id TEXT NOT NULL,
    note_id TEXT NOT NULL,
    {RECORD_COLUMNS},
    UNIQUE (finding_id, note_id)
);

CREATE TABLE earlier_evaluations (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    framework_id TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    area_scores TEXT NOT NULL DEFAULT '{{}}',
    {RECORD_COLUMNS}
);

-- Every version of every record, so edits can be traced and merges can tell which side changed.
CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    rev TEXT NOT NULL,
    parent_rev TEXT,
    data TEXT NOT NULL,
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT 'edit'
);
CREATE INDEX history_record ON history (record_id, seq);

-- Full-text search; remove_diacritics 0 keeps å, ä and ö distinct from a and o.
CREATE VIRTUAL TABLE notes_fts USING fts5(
    body, content='notes', content_rowid='rowid', tokenize="unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE texts_fts USING fts5(
    body, content='texts', content_rowid='rowid', tokenize="unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='documents', content_rowid='rowid', tokenize="unicode61 remove_diacritics 0");
"""

_FTS_TRIGGERS = {
    "notes": ("notes_fts", ("body",)),
    "texts": ("texts_fts", ("body",)),
    "documents": ("documents_fts", ("title", "body")),
}
#: Content table -> its full-text index (kept in step by triggers).
FTS_TABLES = {table: fts for table, (fts, _cols) in _FTS_TRIGGERS.items()}


def _fts_trigger_sql() -> str:
    parts = []
    for table, (fts, cols) in _FTS_TRIGGERS.items():
        col_list = ", ".join(cols)
        new_vals = ", ".join(f"new.{c}" for c in cols)
        old_vals = ", ".join(f"old.{c}" for c in cols)
        parts.append(f"""
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals});
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
    INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals});
END;
CREATE TRIGGER {table}_au AFTER UPDATE OF {col_list} ON {table} BEGIN
    INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals});
    INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals});
END;""")
    return "\n".join(parts)


def _migrate_1(conn: sqlite3.Connection) -> None:
    for statement in _split(_V1 + _fts_trigger_sql()):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _split(script: str) -> list[str]:
    """Split a script into statements (trigger bodies contain ';')."""
    statements, current = [], ""
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


# -- version 2: consensus scoring -------------------------------------------------------------
#
# Each evaluator's own score per sub-area is a record of its own (``independent_scores``, its id
# derived from evaluation, sub-area and evaluator, so that copies merge side by side); the
# ``scores`` table keeps the agreed score the team recorded, now with its reason.
#
# A file of version 1 has one score per sub-area.  Each such score becomes the independent
# score of the evaluator who set it last (its record's author), and the score record is
# emptied (no agreed score recorded): the score counts exactly as before (one evaluator: status
# "single"), and an evaluator who edits it later edits their own score.  The conversion is
# deterministic (ids and revisions derived from the old revision, times kept), so every copy of
# one old file converts to identical records and copies still merge without conflicts.

_V2 = f"""
CREATE TABLE independent_scores (
    id TEXT PRIMARY KEY,
    subarea TEXT NOT NULL,
    evaluator TEXT NOT NULL,
    points TEXT,
    rationale TEXT NOT NULL DEFAULT '',
    {RECORD_COLUMNS},
    UNIQUE (subarea, evaluator)
);
ALTER TABLE scores ADD COLUMN reason TEXT NOT NULL DEFAULT '';
"""

#: Fields added to existing record tables by later migrations, with the value older versions
#: (and history entries written before the migration) mean by leaving them out.
ADDED_FIELDS: dict[str, dict[str, Any]] = {
    "scores": {"reason": ""},
    "evaluation": {"municipality_code": "", "unlisted": 0},  # version 3
}

_DERIVED = uuid.UUID("0c3f6a52-8d1e-4b7a-9f25-6e4d2a1b7c93")
UNKNOWN_EVALUATOR = "okänd utvärderare"


def independent_id(evaluation_id: str, subarea: str, evaluator: str) -> str:
    """The id of one evaluator's independent score of one sub-area (equal in every copy)."""
    return keyed_id(evaluation_id, f"independent:{subarea}:{evaluator}")


def _derived_rev(kind: str, rev: str) -> str:
    return str(uuid.uuid5(_DERIVED, f"consensus-migration:{kind}:{rev}"))


@dataclass(frozen=True, slots=True)
class LegacyScore:
    """What one version-1 score record becomes (see the comment above ``_V2``)."""

    independent: dict[str, Any]  # the independent score of the record's author
    emptied: dict[str, Any]  # the score record, no agreed score recorded
    #: Versions for the history, oldest first: (table, record as it was, parent revision).  The
    #: earlier versions by the same author are converted too, so a copy converted from an older
    #: version is recognised as older when copies are merged.
    history: tuple[tuple[str, dict[str, Any], str | None], ...]


def _as_independent(version: Mapping[str, Any], evaluation_id: str, evaluator: str) -> dict[str, Any]:
    return {
        "id": independent_id(evaluation_id, str(version["subarea"]), evaluator),
        "subarea": version["subarea"],
        "evaluator": evaluator,
        "points": version.get("points"),
        "rationale": "",
        "author": version.get("author", ""),
        "created": version.get("modified", ""),
        "modified": version.get("modified", ""),
        "rev": _derived_rev("independent", str(version["rev"])),
        "deleted": 0,
    }


def _as_emptied(version: Mapping[str, Any]) -> dict[str, Any]:
    return {**version, "points": None, "reason": "", "rev": _derived_rev("emptied", str(version["rev"]))}


def legacy_score(
    row: Mapping[str, Any], evaluation_id: str, earlier: Sequence[Mapping[str, Any]] = ()
) -> LegacyScore | None:
    """A version-1 score record converted, or None when there is nothing to convert (deleted,
    or never scored by its author).  ``earlier``: the record's earlier versions from the
    history, oldest first.  A score its author cleared becomes their withdrawn score (points
    None), so that a copy from before the clearing cannot bring the old points back."""
    if row.get("deleted"):
        return None
    author = str(row.get("author") or "")
    evaluator = author or UNKNOWN_EVALUATOR
    lineage = [
        version
        for version in earlier
        if version.get("rev") != row["rev"]
        and str(version.get("author") or "") == author
        and version.get("subarea") == row["subarea"]
    ]
    scored = row.get("points") is not None
    if not scored and not any(v.get("points") is not None for v in lineage):
        return None
    independent = _as_independent(row, evaluation_id, evaluator)
    emptied = _as_emptied(row) if scored else dict(row)
    history: list[tuple[str, dict[str, Any], str | None]] = []
    for version in lineage:
        history.append(("independent_scores", _as_independent(version, evaluation_id, evaluator), None))
        history.append(("scores", _as_emptied(version), str(version["rev"])))
    history.append(("independent_scores", independent, None))
    if scored:
        history.append(("scores", emptied, str(row["rev"])))
    return LegacyScore(independent, emptied, tuple(history))


def _migrate_2(conn: sqlite3.Connection) -> None:
    for statement in _split(_V2):
        conn.execute(statement)
    found = conn.execute("SELECT value FROM meta WHERE key = 'evaluation_id'").fetchone()
    evaluation_id = str(found[0]) if found else ""
    cursor = conn.execute("SELECT * FROM scores ORDER BY rowid")
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        earlier = []
        for (data,) in conn.execute(
            "SELECT data FROM history WHERE tbl = 'scores' AND record_id = ? ORDER BY seq", (row["id"],)
        ):
            try:
                version = json.loads(data)
            except (json.JSONDecodeError, TypeError, RecursionError):
                continue  # a damaged old version only loses its place in the lineage
            if isinstance(version, dict) and "rev" in version:
                earlier.append(version)
        converted = legacy_score(row, evaluation_id, earlier)
        if converted is None:
            continue
        independent = converted.independent
        columns = ", ".join(independent)
        marks = ", ".join("?" for _ in independent)
        conn.execute(
            f"INSERT INTO independent_scores ({columns}) VALUES ({marks})", tuple(independent.values())
        )
        conn.execute(
            "UPDATE scores SET points = NULL, reason = '', rev = ? WHERE id = ?",
            (converted.emptied["rev"], row["id"]),
        )
        # Each history entry is dated by the version it records (its ``modified``), not by the
        # time of the upgrade: copies of one old file upgraded apart stay identical.
        for table, data, parent in converted.history:
            conn.execute(
                "INSERT INTO history (tbl, record_id, rev, parent_rev, data, author, at, reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 'migration')",
                (
                    table,
                    data["id"],
                    data["rev"],
                    parent,
                    json.dumps(data, ensure_ascii=False),
                    data["author"],
                    data.get("modified") or row["modified"],
                ),
            )


# -- version 3: the municipality from the register -------------------------------------------
#
# ``municipality_code`` is the municipality's code in the register (``"1060"``) when it was
# chosen from it, and ``municipality`` then holds the register's name ("Olofströms kommun").
# ``unlisted`` = 1 marks a fictional or training evaluation (the demo is one): its name is used
# as written and it never counts in a national average.  A file from before has neither: its
# free-text name is shown as the register names that municipality where it names exactly one,
# and it can be linked to the register later (the facts dialog).  The migration only adds the
# two columns with their defaults (no record, revision or history entry changes), so every copy
# of one old file upgrades to identical contents.

_V3 = """
ALTER TABLE evaluation ADD COLUMN municipality_code TEXT NOT NULL DEFAULT ''
    CHECK (municipality_code = '' OR municipality_code GLOB '[0-9][0-9][0-9][0-9]');
ALTER TABLE evaluation ADD COLUMN unlisted INTEGER NOT NULL DEFAULT 0 CHECK (unlisted IN (0, 1));
"""


def _migrate_3(conn: sqlite3.Connection) -> None:
    for statement in _split(_V3):
        conn.execute(statement)


#: version -> migration that brings a file from version-1 to version.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1, 2: _migrate_2, 3: _migrate_3}


def migrate(conn: sqlite3.Connection, current: int, target: int) -> list[int]:
    """Apply migrations current+1..target, each in its own transaction. Returns versions applied."""
    applied = []
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
