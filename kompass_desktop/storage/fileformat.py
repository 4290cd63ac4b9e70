"""Recognising our files from their first 100 bytes, before SQLite touches them.

Reading the header ourselves means a foreign, newer or truncated file is refused without
opening a connection that could write to it (WAL set-up, journal recovery).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import CorruptFile, NewerFileVersion, NotAnEvaluationFile, StorageError

#: ``PRAGMA application_id`` of every .kompass file: the bytes "KOMP".
APPLICATION_ID = 0x4B4F4D50
#: ``PRAGMA user_version``: the schema version this app writes (see :mod:`.schema`).
SCHEMA_VERSION = 1
FILE_SUFFIX = ".kompass"

_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class Header:
    page_size: int
    page_count: int
    user_version: int
    application_id: int


def read_header(path: Path) -> Header:
    """Parse the SQLite header of ``path``; raise a StorageError naming what is wrong."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
            size = fh.seek(0, 2)
    except FileNotFoundError:
        raise StorageError(f"Filen {path} finns inte.") from None
    except IsADirectoryError:
        raise StorageError(f"{path} är en mapp, inte en utvärderingsfil.") from None
    except PermissionError:
        raise StorageError(f"Du saknar behörighet att läsa {path}.") from None
    except OSError as err:
        raise StorageError(f"Filen {path} kan inte läsas: {err.strerror}.") from None
    if size == 0:
        raise NotAnEvaluationFile(f"{path} är tom (0 byte) och är inte en utvärderingsfil.")
    if not head.startswith(_MAGIC[: min(len(head), len(_MAGIC))]) or len(head) < len(_MAGIC):
        raise NotAnEvaluationFile(
            f"{path} är inte en utvärderingsfil från Kompass Desktop (okänt filformat)."
        )
    if len(head) < 100:
        raise CorruptFile(f"{path} är avkortad ({size} byte) och kan inte öppnas.")
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (change_counter,) = struct.unpack(">I", head[24:28])
    (page_count,) = struct.unpack(">I", head[28:32])
    (user_version,) = struct.unpack(">I", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    (valid_for,) = struct.unpack(">I", head[92:96])
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFile(f"{path} är skadad (ogiltigt sidhuvud).")
    if application_id != APPLICATION_ID:
        raise NotAnEvaluationFile(
            f"{path} är en SQLite-databas men ingen utvärderingsfil från Kompass Desktop."
        )
    if user_version > SCHEMA_VERSION:
        raise NewerFileVersion(
            f"{path} är skapad med en nyare version av Kompass Desktop (filformat {user_version}, "
            f"denna version läser {SCHEMA_VERSION}). Uppdatera programmet för att öppna filen."
        )
    valid = valid_for == change_counter and page_count > 0
    if valid and size < page_count * page_size:
        raise CorruptFile(
            f"{path} är avkortad: {size} byte av förväntade {page_count * page_size}. "
            "Återställ en säkerhetskopia (kompass backups)."
        )
    if size % page_size:
        raise CorruptFile(f"{path} är avkortad eller skadad (storleken {size} passar inte sidstorleken).")
    return Header(page_size, page_count, user_version, application_id)
