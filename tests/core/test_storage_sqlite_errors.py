"""SQLite's errors, said as the user needs them: one clear Swedish message per kind of failure
(rows.translate_sqlite_error), and only damage to the file itself counted as damage (rows.is_damage)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kompass_desktop.storage.errors import CorruptFile, DiskFull, ReadOnlyFile, StorageError
from kompass_desktop.storage.rows import is_damage, translate_sqlite_error


def _sqlite_error(text: str, name: str = "") -> sqlite3.Error:
    err = sqlite3.OperationalError(text)
    if name:
        err.sqlite_errorname = name  # as SQLite 3.11+ sets it
    return err


@pytest.mark.parametrize(
    ("text", "name", "kind", "message"),
    [
        (
            "database or disk is full",
            "SQLITE_FULL",
            DiskFull,
            "Disken är full; ändringen kunde inte sparas i x.kompass. Frigör utrymme och försök igen.",
        ),
        (
            "disk is full",
            "",
            DiskFull,
            "Disken är full; ändringen kunde inte sparas i x.kompass. Frigör utrymme och försök igen.",
        ),
        (
            "attempt to write a readonly database",
            "SQLITE_READONLY",
            ReadOnlyFile,
            "x.kompass är skrivskyddad; ändringen kunde inte sparas.",
        ),
        (
            "Read-only file system",
            "",
            ReadOnlyFile,
            "x.kompass är skrivskyddad; ändringen kunde inte sparas.",
        ),
        (
            "database disk image is malformed",
            "SQLITE_CORRUPT",
            CorruptFile,
            "x.kompass är skadad (database disk image is malformed). Återställ en säkerhetskopia "
            "(kompass backups).",
        ),
        (
            "file is not a database",
            "SQLITE_NOTADB",
            CorruptFile,
            "x.kompass är skadad (file is not a database). Återställ en säkerhetskopia (kompass backups).",
        ),
        (
            "Corrupt index",
            "",
            CorruptFile,
            "x.kompass är skadad (Corrupt index). Återställ en säkerhetskopia (kompass backups).",
        ),
        (
            "database is locked",
            "SQLITE_BUSY",
            StorageError,
            "x.kompass används av ett annat program just nu; försök igen.",
        ),
        (
            "database table is busy",
            "",
            StorageError,
            "x.kompass används av ett annat program just nu; försök igen.",
        ),
        (
            "disk I/O error",
            "SQLITE_IOERR_SHMOPEN",
            StorageError,
            "x.kompass kunde inte öppnas: SQLite kunde inte skriva sin arbetsfil x.kompass-shm "
            "(är disken full eller mappen skrivskyddad?). Filen är oförändrad; frigör utrymme och "
            "försök igen.",
        ),
        (
            "disk I/O error",
            "SQLITE_IOERR_WRITE",
            StorageError,
            "x.kompass: ändringen kunde inte skrivas (skrivfel – är disken full eller borttagen?). "
            "Det som redan sparats finns kvar; frigör utrymme och försök igen.",
        ),
        (
            "disk I/O error",
            "SQLITE_IOERR_FSYNC",
            StorageError,
            "x.kompass: ändringen kunde inte skrivas (skrivfel – är disken full eller borttagen?). "
            "Det som redan sparats finns kvar; frigör utrymme och försök igen.",
        ),
        (
            "disk I/O error",
            "SQLITE_IOERR_READ",
            StorageError,
            "x.kompass kunde inte läsas eller skrivas (I/O-fel: disk I/O error).",
        ),
        (
            "unable to open database file",
            "SQLITE_CANTOPEN",
            StorageError,
            "x.kompass kunde inte läsas eller skrivas (I/O-fel: unable to open database file).",
        ),
        ("no such table: notes", "SQLITE_ERROR", StorageError, "x.kompass: databasfel: no such table: notes"),
    ],
)
def test_each_sqlite_error_is_one_clear_message(text, name, kind, message):
    translated = translate_sqlite_error(_sqlite_error(text, name), Path("/mapp/x.kompass"))
    assert type(translated) is kind and str(translated) == message


@pytest.mark.parametrize(
    ("text", "name", "damaged"),
    [
        ("database disk image is malformed", "SQLITE_CORRUPT", True),
        ("file is not a database", "SQLITE_NOTADB", True),
        ("Database disk image is malformed", "", True),  # without SQLite's name: by its words
        ("file is not a database", "", True),
        ("Corrupt index", "", True),
        ("database or disk is full", "SQLITE_FULL", False),  # the disk, not the file
        ("database is locked", "", False),
    ],
)
def test_only_damage_to_the_file_itself_counts_as_damage(text, name, damaged):
    assert is_damage(_sqlite_error(text, name)) is damaged
