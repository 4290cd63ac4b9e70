"""The queries export, import and merge need (owned by :mod:`kompass_desktop.exchange`).

Everything here reads or writes whole records *including* soft-deleted ones and the
``history`` table, which the ordinary record helpers of :mod:`.db` hide.  Writes still go
through :meth:`.db.EvaluationFile.write` (one transaction); records themselves are written
with :meth:`.db.EvaluationFile.put_raw` by the callers, so every version lands in history.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..domain.messages import msg
from .db import EvaluationFile, Row, _ident, translate_sqlite_error
from .errors import CorruptFile
from .opening import open_evaluation_file
from .schema import RECORD_TABLES


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One stored version of one record (``data`` is the record as it was)."""

    table: str
    record_id: str
    rev: str
    parent_rev: str | None
    author: str
    at: str
    reason: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class FrameworkCopy:
    id: str
    data: dict[str, Any]
    frozen_at: str


def open_for_reading(path: os.PathLike[str] | str) -> EvaluationFile:
    """Open a file only to read it (export, merge source, aggregation); never migrates.

    Read-only, and ``immutable`` when nobody has the file open and SQLite has nothing to
    recover beside it: nothing is written to the file and nothing appears beside it.
    """
    from .outputs import immutable_inputs

    with immutable_inputs():
        return open_evaluation_file(path, readonly=True)


def _fetch(f: EvaluationFile, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
    try:
        return f.conn.execute(sql, params)
    except sqlite3.Error as err:
        raise translate_sqlite_error(err, f.path) from None


@contextmanager
def consistent_read(f: EvaluationFile) -> Iterator[EvaluationFile]:
    """Read several tables as of one moment (a read transaction), unless already inside one."""
    if f.conn.in_transaction:
        yield f
        return
    _fetch(f, "BEGIN")
    try:
        yield f
    finally:
        if f.conn.in_transaction:
            f.conn.execute("COMMIT")


def all_records(f: EvaluationFile, table: str) -> list[Row]:
    """Every row of a record table, deleted ones included, in insertion order."""
    if table not in RECORD_TABLES:
        raise ValueError(f"not a record table: {table!r}")
    return f.rows(table, "", order_by="rowid")


def record_counts(f: EvaluationFile) -> dict[str, int]:
    """How many rows (deleted included) each record table holds."""
    return {
        table: int(_fetch(f, f"SELECT count(*) FROM {_ident(table)}").fetchone()[0])
        for table in RECORD_TABLES
    }


def history_count(f: EvaluationFile) -> int:
    return int(_fetch(f, "SELECT count(*) FROM history").fetchone()[0])


def all_history(f: EvaluationFile) -> list[HistoryEntry]:
    """The whole history table in the order it was written."""
    cursor = _fetch(
        f, "SELECT tbl, record_id, rev, parent_rev, author, at, reason, data FROM history ORDER BY seq"
    )
    out = []
    for tbl, record_id, rev, parent_rev, author, at, reason, data in cursor.fetchall():
        try:
            decoded = json.loads(data)
        except json.JSONDecodeError:
            raise CorruptFile(
                msg(
                    "{name}: historiken för post {record_id} är skadad.",
                    name=f.path.name,
                    record_id=record_id,
                )
            ) from None
        out.append(HistoryEntry(tbl, record_id, rev, parent_rev, author, at, reason, decoded))
    return out


def insert_history(f: EvaluationFile, entries: Iterable[HistoryEntry]) -> int:
    """Append versions exactly as given (import of a complete export).  Inside ``f.write()``."""
    if not f.conn.in_transaction:
        raise RuntimeError("history writes must happen inside EvaluationFile.write()")
    rows = [
        (
            e.table,
            e.record_id,
            e.rev,
            e.parent_rev,
            json.dumps(e.data, ensure_ascii=False),  # read from JSON: nothing else to turn into text
            e.author,
            e.at,
            e.reason,
        )
        for e in entries
    ]
    try:
        f.conn.executemany(
            "INSERT INTO history (tbl, record_id, rev, parent_rev, data, author, at, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    except sqlite3.Error as err:
        raise translate_sqlite_error(err, f.path) from None
    return len(rows)


def all_meta(f: EvaluationFile) -> dict[str, str]:
    return {str(k): str(v) for k, v in _fetch(f, "SELECT key, value FROM meta ORDER BY key").fetchall()}


def framework_copy(f: EvaluationFile) -> FrameworkCopy:
    row = _fetch(f, "SELECT id, data, frozen_at FROM framework_copy").fetchone()
    if row is None:
        raise CorruptFile(
            msg("{name} saknar sin kopia av ramverket och kan inte användas.", name=f.path.name)
        )
    try:
        data = json.loads(row[1])
    except json.JSONDecodeError:
        raise CorruptFile(msg("{name}: kopian av ramverket är skadad.", name=f.path.name)) from None
    return FrameworkCopy(str(row[0]), data, str(row[2]))


def set_framework_frozen_at(f: EvaluationFile, frozen_at: str) -> None:
    """Keep the original freezing time when a framework copy is re-created by an import."""
    if not f.conn.in_transaction:
        raise RuntimeError("writes must happen inside EvaluationFile.write()")
    _fetch(f, "UPDATE framework_copy SET frozen_at = ?", (frozen_at,))
