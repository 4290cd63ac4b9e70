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
import tempfile
from contextlib import suppress
from pathlib import Path

from .errors import CorruptFile, StorageError
from .fileformat import APPLICATION_ID, journal_path, wal_path
from .rows import is_damage, translate_sqlite_error


def connect_readonly(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write the database.  ``immutable`` also skips all locking: use it
    only for a file without ``-wal``/``-journal`` that nobody writes meanwhile."""
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)


class RecoveredCopy:
    """A private copy of a file with a hot journal, rolled back by SQLite in a temporary folder."""

    def __init__(self, source: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kompass-recovery-"))
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
                f"{source.name} behöver återställas efter ett avbrott, men en tillfällig kopia kunde "
                f"inte göras ({err.strerror or err}). Öppna filen med skrivrätt eller frigör utrymme."
            ) from None
        except sqlite3.Error as err:
            self.cleanup()
            raise CorruptFile(
                f"{source.name} är skadad och kan inte återställas ({err}). "
                "Återställ en säkerhetskopia (kompass backups)."
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
            f"{path.name} är skadad och kan inte öppnas ({err}). "
            "Återställ en säkerhetskopia (kompass backups)."
        ) from None
    if [r[0] for r in result] != ["ok"]:
        detail = "; ".join(str(r[0]) for r in result)
        raise CorruptFile(f"{path.name} är skadad ({detail}). Återställ en säkerhetskopia (kompass backups).")
    if app_id != APPLICATION_ID:
        raise CorruptFile(f"{path.name} är inte en utvärderingsfil från Kompass Desktop.")
    return version
