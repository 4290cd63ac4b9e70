"""Opening and creating an evaluation file (the protocol is described in :mod:`.db`): the header
check, SQLite's read-only check (:func:`.recovery.probe`), the lock, migrations, foreign schema
objects neutralised before any write, and new files built under a private temporary name."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..domain.messages import joined, msg
from .db import EvaluationFile
from .errors import CorruptFile, ForeignSchema, StorageError, os_reason
from .fileformat import SCHEMA_VERSION, check_name_fits, check_name_length, read_header
from .lock import WriterLock
from .outputs import (
    Replace,
    check_output,
    commit,
    final_mode,
    new_temporary,
    refuse_read_only,
    remove_temporary,
)
from .recovery import RecoveredCopy, probe
from .rows import translate_sqlite_error, utc_now
from .schema import migrate
from .schemacheck import SchemaDifference, compare_schema, describe_all, neutralise

log = logging.getLogger(__name__)


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StorageError(msg("Filen kunde inte öppnas i WAL-läge (ligger den på en nätverksenhet?)."))
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


def warm_up() -> None:
    """Import what the first write needs ahead of time (call from a background thread)."""
    import sqlite_utils  # noqa: F401


def _tell(opened: EvaluationFile) -> None:
    """What the open found or changed, as warnings: without a logging set-up (the command line)
    Python prints them on stderr; the GUI shows ``opened.notices``."""
    for notice in opened.notices:
        log.warning("%s", notice)


def _upgraded_copy(conn: sqlite3.Connection, version: int, path: Path) -> sqlite3.Connection:
    """An older file read without changing it: a copy in memory, upgraded as a read-write open
    upgrades the file (foreign triggers, views and indexes neutralised first, then every migration
    from ``version``; another program's tables stay, as in the file); closes ``conn``.  The one
    way every read-only open reads an older file."""
    copy = sqlite3.connect(":memory:", isolation_level=None)
    tables: list[SchemaDifference] = []
    try:
        conn.backup(copy)
        differences = compare_schema(copy, version)
        tables = [d for d in differences if not d.repairable]
        neutralise(copy, version, [d for d in differences if d.repairable])
        migrate(copy, version, SCHEMA_VERSION)
    except sqlite3.Error as err:
        copy.close()
        if tables:  # in the way of a table the newer version adds
            raise ForeignSchema(
                msg(
                    (
                        "{name} har ändrats av ett annat program: {changed}. Filen kan inte "
                        "öppnas; återställ en säkerhetskopia (kompass backups)."
                    ),
                    name=path.name,
                    changed=describe_all(tables),
                )
            ) from None
        raise translate_sqlite_error(err, path) from None
    except BaseException:
        copy.close()
        raise
    finally:
        conn.close()
    return copy


def _immutable_reader(path: Path, requested: bool) -> bool:
    """Read without any locking: asked for by the caller or by a command's ``immutable_inputs()``
    block (see :mod:`.outputs`), and only for a file at rest (no writer, no log, no journal)."""
    from .outputs import at_rest, read_only_uri

    return (requested or read_only_uri(path).endswith("immutable=1")) and at_rest(path)


def open_evaluation_file(
    path: str | os.PathLike[str],
    *,
    readonly: bool = False,
    immutable: bool = False,
    before_migrate: Callable[[Path], None] | None = None,
    clock: Callable[[], str] = utc_now,
) -> EvaluationFile:
    """Open an existing evaluation file, or raise a StorageError saying why not.

    ``before_migrate`` is called with the path before an older file is upgraded (the
    services layer makes a backup there).  Nothing is written to a file that is refused.
    ``immutable`` (read-only opens of inputs that nobody writes meanwhile) reads without any
    locking when the file has no ``-wal``/``-journal`` beside it; otherwise it is ignored.
    """
    path = Path(path)
    header = read_header(path)
    if header.user_version == 0:  # ours by id but never initialised: refuse before SQLite writes
        raise CorruptFile(msg("{name} saknar utvärderingsdata och kan inte öppnas.", name=path.name))
    if not readonly:
        check_name_fits(path)
        refuse_read_only(path)  # by its mode bits: root may write anyway, but must not
    lock = None
    if not readonly:
        lock = WriterLock(path)
        lock.acquire()
    recovered = None
    conn = None
    try:
        if header.hot_journal:
            recovered = RecoveredCopy(path)
        source = recovered.path if recovered is not None else path
        quiet = readonly and not header.needs_recovery and _immutable_reader(path, immutable)
        conn, version, differences, settings = probe(path, source, immutable=quiet)
        if readonly:
            if version < SCHEMA_VERSION:  # read through an upgraded private copy; the file stays as it is
                conn = _upgraded_copy(conn, version, path)
            opened = EvaluationFile(path, conn, readonly=True, lock=None, clock=clock, recovered=recovered)
            opened.notices.extend(settings)
            _tell(opened)
            if differences:
                opened.schema_problems = differences
                opened.notices.append(
                    msg(
                        "{name} har ändrats av ett annat program: {differences}.",
                        name=path.name,
                        differences=joined(differences),
                    )
                )
            return opened
        conn.close()
        conn = None
        if recovered is not None:
            recovered.cleanup()
            recovered = None
        opened = _open_for_writing(path, version, lock, before_migrate, clock)
        opened.notices.extend(settings)
        _tell(opened)
        return opened
    except BaseException:
        if conn is not None:
            conn.close()
        if recovered is not None:
            recovered.cleanup()
        if lock is not None:
            lock.release()
        raise


def _open_for_writing(
    path: Path,
    version: int,
    lock: WriterLock | None,
    before_migrate: Callable[[Path], None] | None,
    clock: Callable[[], str],
) -> EvaluationFile:
    """The file passed the read-only checks: open it for writing (SQLite rolls back a hot journal
    here), neutralise foreign schema objects first, then back up, switch to WAL and migrate."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
    try:
        try:
            differences = compare_schema(conn, version)
            tables = [d for d in differences if not d.repairable]
            if tables:
                raise ForeignSchema(
                    msg(
                        (
                            "{name} har ändrats av ett annat program: {tables}. Filen öppnas inte "
                            "för skrivning (den kan öppnas skrivskyddad); återställ en "
                            "säkerhetskopia (kompass backups)."
                        ),
                        name=path.name,
                        tables=describe_all(tables),
                    )
                )
            neutralise(conn, version, differences)
            if version < SCHEMA_VERSION and before_migrate is not None:
                before_migrate(path)
            _apply_pragmas(conn)
            migrate(conn, version, SCHEMA_VERSION)
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, path) from None
        opened = EvaluationFile(path, conn, readonly=False, lock=lock, clock=clock)
    except BaseException:
        conn.close()
        raise
    if differences:
        text = describe_all(differences)
        opened.notices.append(
            msg(
                "{name} innehöll databasobjekt som inte kommer från Kompass Desktop ({text}); "
                "de togs bort innan något annat skrevs.",
                name=path.name,
                text=text,
            )
        )
    return opened


def create_evaluation_file(
    path: str | os.PathLike[str],
    populate: Callable[[EvaluationFile], None],
    *,
    overwrite: bool = False,
    clock: Callable[[], str] = utc_now,
) -> EvaluationFile:
    """Create a new file: build it under a temporary name, then move it into place.

    The target passes the output guard (:mod:`.outputs`); the temporary file is readable by its
    owner only while it is built.  ``populate`` runs inside the first transaction and writes
    the initial records.  Returns the file opened for writing.
    """
    path = Path(path)
    check_name_length(path)
    if path.exists() and not overwrite:
        raise StorageError(msg("{path} finns redan; välj ett annat namn.", path=path))
    if not path.parent.is_dir():
        raise StorageError(msg("Mappen {parent} finns inte.", parent=path.parent))
    check_name_fits(path)
    check_output(path, replace=Replace.EVALUATION if overwrite else Replace.NEVER, clean=False)
    tmp: Path | None = None
    try:
        tmp = new_temporary(path)  # owner only; SQLite gives its journal the same mode
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
        if path.exists():  # overwrite: never while open elsewhere, never with its old WAL
            from .backup import replace_file

            replace_file(tmp, path)
        else:
            commit(tmp, path, replace=False, mode=final_mode(path))
    except sqlite3.Error as err:
        raise translate_sqlite_error(err, path) from None
    except OSError as err:
        raise StorageError(msg("{path} kunde inte skapas: {err}.", path=path, err=os_reason(err))) from None
    finally:
        if tmp is not None:
            remove_temporary(tmp)
    return open_evaluation_file(path, clock=clock)
