"""Rows as dicts, ids and times, and SQLite errors in the user's words (shared by :mod:`.db`)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..domain.messages import msg
from .errors import CorruptFile, DiskFull, ReadOnlyFile, StorageError

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


def is_damage(err: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is damaged (not the disk, the folder or a lock)."""
    name = str(getattr(err, "sqlite_errorname", ""))
    text = str(err).lower()
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or any(
        word in text for word in ("malformed", "not a database", "corrupt")
    )


class SqliteFailure(StrEnum):
    """What kind of failure SQLite reports: the one sorting every message about it starts from."""

    FULL = "full"
    READ_ONLY = "read-only"
    DAMAGED = "damaged"
    LOCKED = "locked"
    IO = "io"
    OTHER = "other"


def sqlite_kind(err: sqlite3.Error) -> SqliteFailure:
    text = str(err).lower()
    name = str(getattr(err, "sqlite_errorname", ""))
    if "disk is full" in text:  # also "database or disk is full"
        return SqliteFailure.FULL
    if "readonly" in text or "read-only" in text:
        return SqliteFailure.READ_ONLY
    if is_damage(err):
        return SqliteFailure.DAMAGED
    if "locked" in text or "busy" in text:
        return SqliteFailure.LOCKED
    if "disk i/o" in text or "unable to open" in text or name.startswith("SQLITE_IOERR"):
        return SqliteFailure.IO
    return SqliteFailure.OTHER


def sqlite_reason(err: sqlite3.Error) -> str:
    """Why SQLite failed, for the end of a one-line message (as :func:`.errors.os_reason` for the
    OS): in Swedish, with SQLite's own words after a colon where they help whoever supports the user."""
    kind = sqlite_kind(err)
    if kind is SqliteFailure.FULL:
        return msg("disken är full")
    if kind is SqliteFailure.READ_ONLY:
        return msg("filen eller dess mapp är skrivskyddad")
    if kind is SqliteFailure.DAMAGED:
        return msg("filen är skadad: {err}", err=err)
    if kind is SqliteFailure.LOCKED:
        return msg("filen används av ett annat program")
    if kind is SqliteFailure.IO:
        return msg("läs- eller skrivfel på disken")  # SQLite's "disk I/O error" says no more
    return msg("databasfel: {err}", err=err)


def translate_sqlite_error(err: sqlite3.Error, path: Path) -> StorageError:
    """The error a user is told when SQLite fails on ``path`` (sorted by :func:`sqlite_kind`)."""
    kind = sqlite_kind(err)
    name = str(getattr(err, "sqlite_errorname", ""))
    if kind is SqliteFailure.FULL:
        return DiskFull(
            msg(
                ("Disken är full; ändringen kunde inte sparas i {name}. Frigör utrymme och försök igen."),
                name=path.name,
            )
        )
    if kind is SqliteFailure.READ_ONLY:
        return ReadOnlyFile(msg("{name} är skrivskyddad; ändringen kunde inte sparas.", name=path.name))
    if kind is SqliteFailure.DAMAGED:
        return CorruptFile(
            msg(
                "{name} är skadad ({err}). Återställ en säkerhetskopia (kompass backups).",
                name=path.name,
                err=err,
            )
        )
    if kind is SqliteFailure.LOCKED:
        return StorageError(msg("{name} används av ett annat program just nu; försök igen.", name=path.name))
    if name.startswith("SQLITE_IOERR_SHM"):  # the WAL index beside the file (NAME-shm)
        return StorageError(
            msg(
                (
                    "{name} kunde inte öppnas: SQLite kunde inte skriva sin arbetsfil "
                    "{name2}-shm (är disken full eller mappen skrivskyddad?). Filen är "
                    "oförändrad; frigör utrymme och försök igen."
                ),
                name=path.name,
                name2=path.name,
            )
        )
    if name in ("SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC"):
        return StorageError(
            msg(
                (
                    "{name}: ändringen kunde inte skrivas (skrivfel – är disken full eller "
                    "borttagen?). Det som redan sparats finns kvar; frigör utrymme och "
                    "försök igen."
                ),
                name=path.name,
            )
        )
    if kind is SqliteFailure.IO:
        return StorageError(
            msg("{name} kunde inte läsas eller skrivas (I/O-fel: {err}).", name=path.name, err=err)
        )
    return StorageError(msg("{name}: databasfel: {err}", name=path.name, err=err))


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


def _decode(row: Row, json_cols: tuple[str, ...], name: str, record: Callable[[Row], str]) -> Row:
    """JSON columns to values.  Damage is an error naming the file ``name`` and the record
    (``record(row)``: as the check at open names it, e.g. "anteckningen 3f2a9c1e"), never a
    silent default."""
    for col in json_cols:
        if isinstance(row.get(col), str):
            try:
                row[col] = json.loads(row[col])
            except (json.JSONDecodeError, RecursionError):
                raise CorruptFile(
                    msg(
                        (
                            "{name}: fältet {col} i {record} är skadat (ogiltig JSON). Kör "
                            "kompass validate eller återställ en säkerhetskopia."
                        ),
                        name=name,
                        col=col,
                        record=record(row),
                    )
                ) from None
    return row
