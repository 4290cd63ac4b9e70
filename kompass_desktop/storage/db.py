"""An open evaluation file: transactions, records and their history, closing.  Opening and
creating are in :mod:`.opening`; together they follow this protocol.

Protocol
--------
* The header is checked before SQLite opens the file (foreign/newer/truncated files are
  refused untouched; states SQLite recovers from, a ``-wal`` or a hot ``-journal``, pass).
* Then SQLite checks the file through a read-only connection (:mod:`.recovery`):
  ``quick_check``, identity and version, the whole schema against the expected one
  (:mod:`.schemacheck`) and every stored value (:mod:`.values`).  Only a file that passes is
  opened for writing; foreign triggers, views and indexes are removed before any other write.
* Read-write opens take the writer lock (one writer per file) and use WAL with
  ``synchronous=FULL``: a committed edit survives a crash or power cut.
* Every write goes through :meth:`EvaluationFile.write` (one transaction) and the record
  helpers, which stamp author/modified/rev and append the new version to ``history``.
* New files are built under a temporary name and renamed into place when complete.
* Closing copies the WAL back into the file.  If that fails (a full disk) nothing is lost: the
  edits stay in ``NAME-wal`` and :class:`.errors.CheckpointFailed` tells the caller so.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import partial
from pathlib import Path
from typing import Any

from ..domain.messages import msg
from ..domain.stored import parse_json
from .errors import CheckpointFailed, CorruptFile, ReadOnlyFile, StorageError
from .fileformat import wal_path
from .lock import WriterLock
from .recovery import RecoveredCopy
from .rows import Row as Row
from .rows import _decode as _decode
from .rows import _encode, sqlite_reason
from .rows import _ident as _ident
from .rows import keyed_id as keyed_id
from .rows import new_id as new_id
from .rows import translate_sqlite_error as translate_sqlite_error
from .rows import utc_now as utc_now
from .schema import RECORD_TABLES
from .values import where as record_name

log = logging.getLogger(__name__)


class EvaluationFile:
    """An open ``.kompass`` file.  Use :func:`open_evaluation_file` or :func:`create_evaluation_file`."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        readonly: bool,
        lock: WriterLock | None,
        clock: Callable[[], str] = utc_now,
        recovered: RecoveredCopy | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        self._db: Any = None
        self.readonly = readonly
        self._lock = lock
        self._recovered = recovered
        self.clock = clock
        self._in_write = False
        #: What the open changed or found, in Swedish, for the caller to show: foreign schema
        #: objects removed (read-write) or found (read-only).
        self.notices: list[str] = []
        #: Differences from the expected schema that a read-only open could not neutralise.
        self.schema_problems: list[str] = []
        row = self._fetch("SELECT value FROM meta WHERE key = 'evaluation_id'").fetchone()
        self.evaluation_id: str = row[0] if row else ""

    @property
    def db(self) -> Any:
        """The sqlite-utils view of the connection (imported on first use: it is slow to import)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._db

    def version(self) -> tuple[int, int]:
        """Changes so far: (this connection's, everyone else's).  Equal versions mean equal
        contents, so what was read from the file can be kept until the version moves."""
        other = self._fetch("PRAGMA data_version").fetchone()[0]
        return self.conn.total_changes, int(other)

    # -- life cycle ------------------------------------------------------------------
    def close(self) -> None:
        """Close the file.  Raises :class:`CheckpointFailed` (after closing) if the WAL could not
        be copied back into the file: the edits are safe in ``NAME-wal``, and the caller must say so."""
        if self.conn is None:
            return
        failure: sqlite3.Error | None = None
        try:
            if not self.readonly:
                failure = self._checkpoint()
            self.conn.close()
        finally:
            self.conn = None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()
            if self._recovered is not None:
                self._recovered.cleanup()
        if failure is not None:
            wal = wal_path(self.path).name
            cause = sqlite_reason(failure)
            raise CheckpointFailed(
                msg(
                    (
                        "{name}: alla ändringar är sparade, men de kunde inte föras in i själva "
                        "filen när den stängdes ({cause}). De ligger säkert i {wal} bredvid "
                        "filen och förs in nästa gång filen öppnas. Frigör utrymme och flytta "
                        "eller kopiera aldrig filen utan {wal2}."
                    ),
                    name=self.path.name,
                    cause=cause,
                    wal=wal,
                    wal2=wal,
                )
            )

    def _checkpoint(self) -> sqlite3.Error | None:
        """At rest the file is a single self-contained file in rollback-journal mode: it can be
        copied or mailed as is, and read-only opens leave no -wal/-shm behind."""
        try:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:  # someone is still reading: the log stays (nothing is lost) until next time
                log.info("%s: checkpoint postponed, the file is being read", self.path.name)
                return None
            self.conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as err:
            if "locked" in str(err).lower() or "busy" in str(err).lower():
                log.info("%s: checkpoint postponed (%s)", self.path.name, err)
                return None
            log.info("%s: checkpoint at close failed: %s", self.path.name, err)  # raised by close()
            return err
        return None

    def __enter__(self) -> EvaluationFile:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            self.close()
        except CheckpointFailed as err:
            if exc_type is None:
                raise
            log.warning("%s", err)  # the error already on its way matters more; this one is logged

    @property
    def closed(self) -> bool:
        return self.conn is None

    # -- transactions ----------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[EvaluationFile]:
        """One transaction: everything inside is committed together or not at all."""
        if self.readonly:
            raise ReadOnlyFile(
                msg("{name} är öppnad skrivskyddad; ändringar kan inte sparas.", name=self.path.name)
            )
        if self._in_write:  # nested: part of the outer transaction
            yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.path) from None
        self._in_write = True
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise translate_sqlite_error(err, self.path) from None
        except BaseException:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._in_write = False

    def _require_write(self) -> None:
        if not self._in_write:
            raise RuntimeError("record writes must happen inside EvaluationFile.write()")

    # -- reading ---------------------------------------------------------------------
    def rows(
        self,
        table: str,
        where: str = "deleted = 0",
        params: Mapping[str, Any] | tuple[Any, ...] = (),
        order_by: str | None = None,
    ) -> list[Row]:
        sql = f"SELECT * FROM {_ident(table)}" + (f" WHERE {where}" if where else "")
        if order_by:
            sql += f" ORDER BY {order_by}"
        try:
            cursor = self.conn.execute(sql, params)
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.path) from None
        names = [d[0] for d in cursor.description]
        json_cols = RECORD_TABLES[table]  # record tables only (KeyError: a programming error)
        return [
            _decode(
                dict(zip(names, values, strict=True)), json_cols, self.path.name, partial(record_name, table)
            )
            for values in cursor.fetchall()
        ]

    def get(self, table: str, record_id: str, include_deleted: bool = False) -> Row | None:
        where = "id = ?" if include_deleted else "id = ? AND deleted = 0"
        found = self.rows(table, where, (record_id,))
        return found[0] if found else None

    def _fetch(self, sql: str, params: Mapping[str, Any] | tuple[Any, ...] = ()) -> sqlite3.Cursor:
        """Run a statement; an SQLite error becomes a StorageError naming the file (a full disk
        can make even a read fail, when SQLite must first rebuild its WAL index)."""
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.path) from None

    def query(self, sql: str, params: Mapping[str, Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.path) from None

    def meta(self, key: str, default: str = "") -> str:
        row = self._fetch("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def framework_data(self) -> dict[str, Any]:
        row = self._fetch("SELECT data FROM framework_copy").fetchone()
        if row is None:
            raise CorruptFile(
                msg("{name} saknar sin kopia av ramverket och kan inte användas.", name=self.path.name)
            )
        try:
            data = parse_json(row[0])
            if not isinstance(data, dict):
                raise ValueError(msg("inget JSON-objekt"))
        except ValueError as err:
            raise CorruptFile(
                msg(
                    (
                        "{name}: ramverkskopian är skadad: {err}. Återställ en säkerhetskopia "
                        "(kompass backups)."
                    ),
                    name=self.path.name,
                    err=err,
                )
            ) from None
        return data

    # -- writing records -------------------------------------------------------------
    def insert(
        self, table: str, values: Mapping[str, Any], *, author: str, record_id: str | None = None
    ) -> Row:
        self._require_write()
        now = self.clock()
        row: Row = dict(values)
        row.update(
            id=record_id or row.get("id") or new_id(),
            author=author,
            created=now,
            modified=now,
            rev=new_id(),
            deleted=0,
        )
        self.db[table].insert(_encode(row, RECORD_TABLES[table]))
        stored = self.get(table, row["id"])  # just inserted, so not deleted
        assert stored is not None
        self._log(table, stored, None, author, now)
        return stored

    def update(
        self, table: str, record_id: str, changes: Mapping[str, Any], *, author: str, reason: str = "edit"
    ) -> tuple[Row, Row]:
        """Change fields of a record; returns (old, new).  A no-op change writes nothing."""
        self._require_write()
        old = self.get(table, record_id, include_deleted=True)
        if old is None:
            raise StorageError(
                msg("Posten {record_id} finns inte i {table}.", record_id=record_id, table=table)
            )
        changed = {k: v for k, v in changes.items() if old.get(k) != v}
        if not changed:
            return old, old
        now = self.clock()
        new = dict(old)
        new.update(changed)
        new.update(author=author, modified=now, rev=new_id())
        stamp = {k: new[k] for k in ("author", "modified", "rev")}
        self.db[table].update(record_id, _encode({**changed, **stamp}, RECORD_TABLES[table]))
        self._log(table, new, old["rev"], author, now, reason)
        return old, new

    def upsert_keyed(
        self, table: str, record_id: str, values: Mapping[str, Any], *, author: str
    ) -> tuple[Row | None, Row]:
        """Insert or update a record whose id is derived from its key (scores, texts)."""
        old = self.get(table, record_id, include_deleted=True)
        if old is None:
            return None, self.insert(table, values, author=author, record_id=record_id)
        changes = dict(values)
        if old["deleted"]:
            changes["deleted"] = 0
        return self.update(table, record_id, changes, author=author)

    def set_deleted(self, table: str, record_id: str, deleted: bool, *, author: str) -> tuple[Row, Row]:
        """Soft delete (or restore): deleted records stay in the file for undo and merging."""
        return self.update(table, record_id, {"deleted": 1 if deleted else 0}, author=author)

    def put_raw(self, table: str, row: Mapping[str, Any], *, reason: str, author: str) -> None:
        """Store a complete record as given (used by import and merge, which keep ids and revs)."""
        self._require_write()
        old = self.get(table, row["id"], include_deleted=True)
        self.db[table].upsert(_encode(dict(row), RECORD_TABLES[table]), pk="id")
        self._log(table, dict(row), old["rev"] if old else None, author, self.clock(), reason)

    def set_meta(self, key: str, value: str) -> None:
        self._require_write()
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def set_framework_copy(self, framework_id: str, data: Mapping[str, Any]) -> None:
        """Freeze the framework used: later edits of the framework files never change this file."""
        self._require_write()
        self.conn.execute("DELETE FROM framework_copy")
        self.conn.execute(
            "INSERT INTO framework_copy (id, data, frozen_at) VALUES (?, ?, ?)",
            (framework_id, json.dumps(data, ensure_ascii=False), self.clock()),
        )

    def log_history(self, table: str, row: Mapping[str, Any], *, reason: str, author: str) -> None:
        """Keep a version that is not (or no longer) the current one, e.g. the loser of a merge."""
        self._require_write()
        self._log(table, dict(row), None, author, self.clock(), reason)

    def history(self, record_id: str) -> list[Row]:
        cur = self._fetch(
            "SELECT seq, tbl, record_id, rev, parent_rev, data, author, at, reason FROM history "
            "WHERE record_id = ? ORDER BY seq",
            (record_id,),
        )
        names = [d[0] for d in cur.description]
        out = []
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            try:
                row["data"] = json.loads(row["data"])
            except (json.JSONDecodeError, TypeError, RecursionError):
                raise CorruptFile(
                    msg(
                        "{name}: historiken för post {record_id} (version {row}) är skadad.",
                        name=self.path.name,
                        record_id=record_id,
                        row=row["seq"],
                    )
                ) from None
            out.append(row)
        return out

    def _log(
        self, table: str, row: Row, parent_rev: str | None, author: str, at: str, reason: str = "edit"
    ) -> None:
        self.conn.execute(
            "INSERT INTO history (tbl, record_id, rev, parent_rev, data, author, at, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                table,
                row["id"],
                row["rev"],
                parent_rev,
                json.dumps(row, ensure_ascii=False, default=str),
                author,
                at,
                reason,
            ),
        )
