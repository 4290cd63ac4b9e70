"""Opening, creating and writing an evaluation file.

Protocol
--------
* The header is checked before SQLite opens the file (foreign/newer/truncated files are
  refused untouched), then ``PRAGMA quick_check`` runs before anything is written.
* Read-write opens take the writer lock (one writer per file) and use WAL with
  ``synchronous=FULL``: a committed edit survives a crash or power cut.
* Every write goes through :meth:`EvaluationFile.write` (one transaction) and the record
  helpers, which stamp author/modified/rev and append the new version to ``history``.
* New files are built under a temporary name and renamed into place when complete.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import CorruptFile, DiskFull, ReadOnlyFile, StorageError
from .fileformat import APPLICATION_ID, SCHEMA_VERSION, read_header
from .lock import WriterLock
from .schema import RECORD_TABLES, migrate

Row = dict[str, Any]
#: Namespace for ids that must be equal in every copy of one evaluation (scores, texts).
_KEYED_NAMESPACE = uuid.UUID("6f1d2a8e-3b7c-4e53-9a43-7d1f0c2b9e51")


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def new_id() -> str:
    return str(uuid.uuid4())


def keyed_id(evaluation_id: str, key: str) -> str:
    """A stable id for records that exist once per evaluation and key (e.g. the score of 3.2)."""
    return str(uuid.uuid5(_KEYED_NAMESPACE, f"{evaluation_id}:{key}"))


def translate_sqlite_error(err: sqlite3.Error, path: Path) -> StorageError:
    text = str(err).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(
            f"Disken är full; ändringen kunde inte sparas i {path.name}. Frigör utrymme och försök igen."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyFile(f"{path.name} är skrivskyddad; ändringen kunde inte sparas.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CorruptFile(f"{path.name} är skadad ({err}). Återställ en säkerhetskopia (kompass backups).")
    if "locked" in text or "busy" in text:
        return StorageError(f"{path.name} används av ett annat program just nu; försök igen.")
    if "disk i/o" in text or "unable to open" in text:
        return StorageError(f"{path.name} kunde inte läsas eller skrivas (I/O-fel: {err}).")
    return StorageError(f"{path.name}: databasfel: {err}")


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
    ) -> None:
        self.path = path
        self.conn = conn
        self._db: Any = None
        self.readonly = readonly
        self._lock = lock
        self.clock = clock
        self._in_write = False
        row = conn.execute("SELECT value FROM meta WHERE key = 'evaluation_id'").fetchone()
        self.evaluation_id: str = row[0] if row else ""

    @property
    def db(self) -> Any:
        """The sqlite-utils view of the connection (imported on first use: it is slow to import)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._db

    # -- life cycle ------------------------------------------------------------------
    def close(self) -> None:
        if self.conn is None:
            return
        try:
            if not self.readonly:
                # At rest the file is a single self-contained file in rollback-journal mode: it
                # can be copied or mailed as is, and read-only opens leave no -wal/-shm behind.
                with suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    self.conn.execute("PRAGMA journal_mode = DELETE")
            self.conn.close()
        finally:
            self.conn = None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> EvaluationFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self.conn is None

    # -- transactions ----------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[EvaluationFile]:
        """One transaction: everything inside is committed together or not at all."""
        if self.readonly:
            raise ReadOnlyFile(f"{self.path.name} är öppnad skrivskyddad; ändringar kan inte sparas.")
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
        json_cols = RECORD_TABLES.get(table, ())
        return [_decode(dict(zip(names, values, strict=True)), json_cols) for values in cursor.fetchall()]

    def get(self, table: str, record_id: str, include_deleted: bool = False) -> Row | None:
        where = "id = ?" if include_deleted else "id = ? AND deleted = 0"
        found = self.rows(table, where, (record_id,))
        return found[0] if found else None

    def query(self, sql: str, params: Mapping[str, Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.path) from None

    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def framework_data(self) -> dict[str, Any]:
        row = self.conn.execute("SELECT data FROM framework_copy").fetchone()
        if row is None:
            raise CorruptFile(f"{self.path.name} saknar sin kopia av ramverket och kan inte användas.")
        data: dict[str, Any] = json.loads(row[0])
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
        stored = self.get(table, row["id"], include_deleted=True)
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
            raise StorageError(f"Posten {record_id} finns inte i {table}.")
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
        cur = self.conn.execute(
            "SELECT seq, tbl, record_id, rev, parent_rev, data, author, at, reason FROM history "
            "WHERE record_id = ? ORDER BY seq",
            (record_id,),
        )
        names = [d[0] for d in cur.description]
        out = []
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            row["data"] = json.loads(row["data"])
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


# -- row encoding ---------------------------------------------------------------------


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"bad identifier {name!r}")
    return name


def _encode(row: Row, json_cols: tuple[str, ...]) -> Row:
    out = dict(row)
    for col in json_cols:
        if col in out and not isinstance(out[col], str):
            out[col] = json.dumps(out[col], ensure_ascii=False)
    return out


def _decode(row: Row, json_cols: tuple[str, ...]) -> Row:
    for col in json_cols:
        if isinstance(row.get(col), str):
            try:
                row[col] = json.loads(row[col])
            except json.JSONDecodeError:
                row[col] = [] if col != "area_scores" else {}
    return row


# -- opening --------------------------------------------------------------------------


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        from .outputs import read_only_uri  # immutable for short-lived readers of files at rest

        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None, timeout=5.0)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
    return conn


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.Error as err:
        raise CorruptFile(
            f"{path.name} är skadad och kan inte öppnas ({err}). "
            "Återställ en säkerhetskopia (kompass backups)."
        ) from None
    if [r[0] for r in result] != ["ok"]:
        detail = "; ".join(str(r[0]) for r in result)
        raise CorruptFile(f"{path.name} är skadad ({detail}). Återställ en säkerhetskopia (kompass backups).")


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StorageError("Filen kunde inte öppnas i WAL-läge (ligger den på en nätverksenhet?).")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


def warm_up() -> None:
    """Import what the first write needs ahead of time (call from a background thread)."""
    import sqlite_utils  # noqa: F401


def open_evaluation_file(
    path: str | os.PathLike[str],
    *,
    readonly: bool = False,
    before_migrate: Callable[[Path], None] | None = None,
    clock: Callable[[], str] = utc_now,
) -> EvaluationFile:
    """Open an existing evaluation file, or raise a StorageError saying why not.

    ``before_migrate`` is called with the path before an older file is upgraded (the
    services layer makes a backup there).  Nothing is written to a file that is refused.
    """
    path = Path(path)
    header = read_header(path)
    if header.user_version == 0:  # ours by id but never initialised: refuse before SQLite writes
        raise CorruptFile(f"{path.name} saknar utvärderingsdata och kan inte öppnas.")
    if not readonly and not os.access(path, os.W_OK):
        raise ReadOnlyFile(
            f"{path.name} är skrivskyddad. Kopiera den till en skrivbar mapp eller öppna "
            "den endast för läsning."
        )
    lock = None
    if not readonly:
        lock = WriterLock(path)
        lock.acquire()
    conn = None
    try:
        try:
            conn = _connect(path, readonly)
            _check_integrity(conn, path)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, path) from None
        if app_id != APPLICATION_ID:
            raise CorruptFile(f"{path.name} är inte en utvärderingsfil från Kompass Desktop.")
        if version < SCHEMA_VERSION:
            if readonly:
                raise StorageError(
                    f"{path.name} har ett äldre filformat och måste öppnas med skrivrätt för att uppgraderas."
                )
            if before_migrate is not None:
                before_migrate(path)
        if not readonly:
            try:
                _apply_pragmas(conn)
                migrate(conn, version, SCHEMA_VERSION)
            except sqlite3.Error as err:
                raise translate_sqlite_error(err, path) from None
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            raise CorruptFile(f"{path.name} saknar utvärderingsdata.")
        return EvaluationFile(path, conn, readonly=readonly, lock=lock, clock=clock)
    except BaseException:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        raise


def create_evaluation_file(
    path: str | os.PathLike[str],
    populate: Callable[[EvaluationFile], None],
    *,
    overwrite: bool = False,
    clock: Callable[[], str] = utc_now,
) -> EvaluationFile:
    """Create a new file: build it under a temporary name, then move it into place.

    ``populate`` runs inside the first transaction and writes the initial records.
    Returns the file opened for writing.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise StorageError(f"{path} finns redan; välj ett annat namn.")
    if not path.parent.is_dir():
        raise StorageError(f"Mappen {path.parent} finns inte.")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn, 0, SCHEMA_VERSION)
            temp_file = EvaluationFile(tmp, conn, readonly=False, lock=None, clock=clock)
            with temp_file.write():
                populate(temp_file)
        finally:
            conn.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        if path.exists():  # overwrite: never while open elsewhere, never with its old WAL
            from .backup import replace_file

            replace_file(tmp, path)
        else:
            os.replace(tmp, path)
        _fsync_dir(path.parent)
    except sqlite3.Error as err:
        raise translate_sqlite_error(err, path) from None
    except OSError as err:
        raise StorageError(f"{path} kunde inte skapas: {err.strerror or err}.") from None
    finally:
        for leftover in (tmp, Path(str(tmp) + "-journal")):
            with suppress(OSError):
                leftover.unlink()
    return open_evaluation_file(path, clock=clock)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
