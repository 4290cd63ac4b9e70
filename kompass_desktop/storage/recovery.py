"""Checking a file with SQLite before anything is written to it.

Every open first looks at the file through a read-only connection: ``quick_check``, identity,
version, schema and values.  Only when all of that is sound does a read-write open follow.  A
read-only connection never writes the database (it cannot run a checkpoint at close), so a file
that is refused is left exactly as it was.

One state cannot be read that way: a hot rollback journal must be rolled back before the file
can be read, and rolling back is a write.  Such a file is copied (with its journal) into a
private temporary folder and recovered there; the copy is checked, and read-only opens read
the copy.  The user's file is rolled back only by a read-write open, after the copy passed.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import suppress
from pathlib import Path

from ..domain.messages import joined_at_most, msg
from .errors import CorruptFile, ForeignSchema, StorageError, os_reason
from .fileformat import APPLICATION_ID, SCHEMA_VERSION, journal_path, wal_path
from .outputs import make_private_folder
from .rows import is_damage, translate_sqlite_error
from .schemacheck import compare_schema, describe_all
from .values import setting_problems, value_problems


def connect_readonly(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write the database.  ``immutable`` also skips all locking: use it
    only for a file without ``-wal``/``-journal`` that nobody writes meanwhile."""
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)


class RecoveredCopy:
    """A private copy of a file with a hot journal, rolled back by SQLite in a temporary folder."""

    def __init__(self, source: Path) -> None:
        self.folder = make_private_folder("recovery")  # removed by the next one if we are killed
        self.path = self.folder / "recovered.kompass"
        try:
            shutil.copyfile(source, self.path)
            for sidecar in (journal_path, wal_path):
                with suppress(FileNotFoundError):
                    shutil.copyfile(sidecar(source), sidecar(self.path))
            conn = sqlite3.connect(str(self.path), isolation_level=None)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls the journal back
            finally:
                conn.close()
        except OSError as err:
            self.cleanup()
            raise StorageError(
                msg(
                    (
                        "{name} behöver återställas efter ett avbrott, men en tillfällig kopia "
                        "kunde inte göras ({err}). Öppna filen med skrivrätt eller frigör "
                        "utrymme."
                    ),
                    name=source.name,
                    err=os_reason(err),
                )
            ) from None
        except sqlite3.Error as err:
            self.cleanup()
            raise CorruptFile(
                msg(
                    (
                        "{name} är skadad och kan inte återställas ({err}). Återställ en "
                        "säkerhetskopia (kompass backups)."
                    ),
                    name=source.name,
                    err=err,
                )
            ) from None

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def check_integrity(conn: sqlite3.Connection, path: Path) -> int:
    """``quick_check`` and identity; returns the file's schema version."""
    try:
        result = conn.execute("PRAGMA quick_check(5)").fetchall()
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as err:
        if not is_damage(err):  # a full disk, a lock, a folder: the file may be perfectly sound
            raise translate_sqlite_error(err, path) from None
        raise CorruptFile(
            msg(
                (
                    "{name} är skadad och kan inte öppnas ({err}). Återställ en "
                    "säkerhetskopia (kompass backups)."
                ),
                name=path.name,
                err=err,
            )
        ) from None
    if [r[0] for r in result] != ["ok"]:
        detail = "; ".join(str(r[0]) for r in result)
        raise CorruptFile(
            msg(
                "{name} är skadad ({detail}). Återställ en säkerhetskopia (kompass backups).",
                name=path.name,
                detail=detail,
            )
        )
    if app_id != APPLICATION_ID:
        raise CorruptFile(msg("{name} är inte en utvärderingsfil från Kompass Desktop.", name=path.name))
    return version


def _damaged_values(path: Path, problems: list[str], limit: int = 8) -> CorruptFile:
    listed = joined_at_most(problems, limit)
    return CorruptFile(
        msg(
            (
                "{name} innehåller skadade värden: {listed}. Filen öppnas inte; "
                "återställ en säkerhetskopia (kompass backups)."
            ),
            name=path.name,
            listed=listed,
        )
    )


def probe(
    path: Path, source: Path, *, immutable: bool
) -> tuple[sqlite3.Connection, int, list[str], list[str]]:
    """Check ``source`` (the file, or its recovered copy) read-only: integrity, identity, version,
    values.  Returns the open read-only connection, the schema version, schema differences and
    damaged optional settings."""
    conn = connect_readonly(source, immutable=immutable)
    try:
        version = check_integrity(conn, path)
        if version > SCHEMA_VERSION:  # the header said otherwise: a recovered journal or log
            raise CorruptFile(
                msg("{name} har ett okänt filformat ({version}).", name=path.name, version=version)
            )
        differences = compare_schema(conn, version)
        missing = [d for d in differences if d.problem == "missing" and d.object.type == "table"]
        if missing:
            what = (
                msg("utvärderingsdata")
                if missing[0].object.name == "meta"
                else msg("tabellen {name}", name=missing[0].object.name)
            )
            raise CorruptFile(msg("{name} saknar {what} och kan inte öppnas.", name=path.name, what=what))
        changed = [d for d in differences if d.problem == "changed" and not d.repairable]
        if changed:  # our own tables altered: even reading them could go wrong
            raise ForeignSchema(
                msg(
                    (
                        "{name} har ändrats av ett annat program: {changed}. Filen kan inte "
                        "öppnas; återställ en säkerhetskopia (kompass backups)."
                    ),
                    name=path.name,
                    changed=describe_all(changed),
                )
            )
        problems = value_problems(conn)
        if problems:
            raise _damaged_values(path, problems)
        settings: list[str] = [
            msg("{name}: {p}; den används inte", name=path.name, p=p) for p in setting_problems(conn)
        ]
        return conn, version, [d.describe() for d in differences], settings
    except sqlite3.Error as err:
        conn.close()
        raise translate_sqlite_error(err, path) from None
    except BaseException:
        conn.close()
        raise
