"""Recognising our files from their first 100 bytes, before SQLite touches them.

Reading the header ourselves means a foreign, newer or truncated file is refused without
opening a connection that could write to it (WAL set-up, journal recovery).

The check accepts every state SQLite itself recovers from, because refusing those would throw
away acknowledged edits:

* a write-ahead log (``NAME-wal``) beside the file: a crash or a full disk while the log was
  copied back (a checkpoint) leaves a header that claims more pages than the file holds, or a
  last page written only in part; SQLite reads those pages from the log;
* a hot rollback journal (``NAME-journal``): a transaction was interrupted and SQLite rolls it
  back from the journal, which also holds the original first page, so identity and version
  are read from there.

What is left for the caller (:mod:`.db`) is to let SQLite verify such a file read-only before
anything is written (``quick_check``).
"""

from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from ..domain.messages import msg
from .errors import CorruptFile, NameTooLong, NewerFileVersion, NotAnEvaluationFile, StorageError, os_reason

#: ``PRAGMA application_id`` of every .kompass file: the bytes "KOMP".
APPLICATION_ID = 0x4B4F4D50
#: ``PRAGMA user_version``: the schema version this app writes (see :mod:`.schema`).
SCHEMA_VERSION = 3
FILE_SUFFIX = ".kompass"
#: The longest suffix SQLite adds to a database's name for its own files.
LONGEST_SIDECAR = "-journal"

_MAGIC = b"SQLite format 3\x00"
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")  # big- and little-endian checksums
_WAL_HEADER = 32


@dataclass(frozen=True, slots=True)
class Header:
    page_size: int
    page_count: int
    user_version: int
    application_id: int
    #: A write-ahead log with content lies beside the file (committed edits may be only there).
    wal: bool = False
    #: An interrupted transaction left a hot rollback journal that SQLite must roll back.
    hot_journal: bool = False

    @property
    def needs_recovery(self) -> bool:
        return self.wal or self.hot_journal


def wal_path(path: Path) -> Path:
    return Path(str(path) + "-wal")


def journal_path(path: Path) -> Path:
    return Path(str(path) + "-journal")


def name_max(folder: Path) -> int:
    """The longest file name (in bytes) the folder's file system accepts."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):
        return 255


#: The longest name of one file or folder on the file systems we meet (ext4, APFS, NTFS).
NAME_LIMIT = 255
#: The longest path Linux and macOS accept (PATH_MAX, bytes).
PATH_LIMIT = 4096
#: Windows' MAX_PATH (UTF-16 units, the terminating NUL included): longer paths fail there unless
#: long paths are enabled for the whole system, which an evaluator's computer cannot be assumed to.
WINDOWS_PATH_LIMIT = 260


def on_windows() -> bool:
    """Whether the Windows rules apply (a function, so that tests can simulate Windows)."""
    return sys.platform == "win32"


def pid_running(pid: int) -> bool:
    """Whether a process with this id runs (unsure answers count as running: nothing is removed)."""
    if pid <= 0 or pid == os.getpid():
        return True
    if on_windows():
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True


def _units(name: str) -> int:
    """The length a file system counts: bytes (POSIX) or UTF-16 code units (Windows)."""
    if on_windows():
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    return len(os.fsencode(name))


def name_too_long(name: str | os.PathLike[str]) -> str:
    """The one-line message for a name that no file system holds (also used for an OSError)."""
    parts = [p for p in Path(name).parts if _units(p) > NAME_LIMIT]
    if not parts:
        return path_too_long(os.fspath(name))
    part = parts[0]
    return msg(
        "Namnet ”{part}…” är för långt ({units} byte; filsystemet tillåter högst "
        "{limit} byte per namn). Välj ett kortare namn.",
        part=part[:40],
        units=_units(part),
        limit=NAME_LIMIT,
    )


def _path_limit() -> int:
    """The longest path of a file of ours, with room for SQLite's ``-journal`` beside it."""
    if on_windows():
        return WINDOWS_PATH_LIMIT - 1 - len(LONGEST_SIDECAR)
    return PATH_LIMIT - 1 - len(LONGEST_SIDECAR)


def path_too_long(path: str) -> str:
    return msg(
        "Sökvägen ”{path}…” är för lång ({units} tecken; högst {limit} går "
        "här). Välj en mapp närmare diskens rot eller ett kortare namn.",
        path=path[:40],
        units=_units(path),
        limit=_path_limit(),
    )


def check_name_length(path: str | os.PathLike[str]) -> None:
    """Refuse a path that cannot exist because a name in it, or the whole path, is too long
    (instead of the OSError that ``Path.exists()`` and friends raise for it, or on Windows a
    "file not found" for a path over MAX_PATH)."""
    text = os.fspath(path)
    if any(_units(part) > NAME_LIMIT for part in Path(text).parts):
        raise NameTooLong(name_too_long(text))
    full = os.path.abspath(text)
    if _units(full) > _path_limit():
        raise NameTooLong(path_too_long(full))


def check_name_fits(path: Path) -> None:
    """SQLite needs ``NAME-journal``/``NAME-wal`` beside the file: refuse names too long for that."""
    folder = path.parent  # never empty: Path("x").parent is Path(".")
    limit = name_max(folder) if folder.is_dir() else 255
    size = len(os.fsencode(path.name))
    room = limit - len(LONGEST_SIDECAR)
    if size > room:
        raise NameTooLong(
            msg(
                (
                    "Filnamnet {name}… är för långt ({size} byte): Kompass Desktop behöver "
                    "plats för ”{LONGEST_SIDECAR}” efter namnet. Byt namn på filen till "
                    "högst {room} byte och försök igen."
                ),
                name=path.name[:40],
                size=size,
                LONGEST_SIDECAR=LONGEST_SIDECAR,
                room=room,
            )
        )


def _read_start(path: Path, count: int) -> tuple[bytes, int]:
    try:
        with open(path, "rb") as fh:
            head = fh.read(count)
            size = fh.seek(0, 2)
    except FileNotFoundError:
        raise StorageError(msg("Filen {path} finns inte.", path=path)) from None
    except IsADirectoryError:
        raise StorageError(msg("{path} är en mapp, inte en utvärderingsfil.", path=path)) from None
    except PermissionError:
        raise StorageError(msg("Du saknar behörighet att läsa {path}.", path=path)) from None
    except OSError as err:
        raise StorageError(
            msg("Filen {path} kan inte läsas: {err}.", path=path, err=os_reason(err))
        ) from None
    return head, size


def _sidecar_bytes(path: Path) -> bytes:
    """The content of a sidecar file, or b"" when it is absent or unreadable."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:  # absent, a name too long for the file system, no permission
        return b""


def has_wal_content(path: Path) -> bool:
    """True if ``NAME-wal`` exists with a valid header and at least part of a frame."""
    try:
        with open(wal_path(path), "rb") as fh:
            head = fh.read(_WAL_HEADER + 1)
    except OSError:
        return False
    return len(head) > _WAL_HEADER and head[:4] in _WAL_MAGICS


def hot_journal_page1(path: Path) -> tuple[bool, bytes | None]:
    """(journal is hot, the original first page it holds, if any)."""
    data = _sidecar_bytes(journal_path(path))
    if len(data) < 28 or not data.startswith(_JOURNAL_MAGIC):
        return False, None  # absent, empty, or zeroed (already committed): nothing to roll back
    offset = 0
    while offset + 28 <= len(data) and data[offset : offset + 8] == _JOURNAL_MAGIC:
        n_rec, nonce, _initial, sector, page_size = struct.unpack(">IIIII", data[offset + 8 : offset + 28])
        if sector < 32 or page_size < 512 or page_size & (page_size - 1):
            break
        record = offset + sector
        record_size = 4 + page_size + 4
        count = (len(data) - record) // record_size if n_rec == 0xFFFFFFFF else n_rec
        for _ in range(count):
            if record + record_size > len(data):
                break
            (page_no,) = struct.unpack(">I", data[record : record + 4])
            page = data[record + 4 : record + 4 + page_size]
            (stored,) = struct.unpack(">I", data[record + 4 + page_size : record + record_size])
            if page_no == 1 and stored == _journal_checksum(page, nonce):
                return True, page
            record += record_size
        offset = record + (-record % sector)
    return True, None


def _journal_checksum(page: bytes, nonce: int) -> int:
    """SQLite's rollback-journal record checksum (pager.c, pager_cksum)."""
    total = nonce
    i = len(page) - 200
    while i > 0:
        total += page[i]
        i -= 200
    return total & 0xFFFFFFFF


def read_header(path: Path) -> Header:
    """Parse the SQLite header of ``path``; raise a StorageError naming what is wrong."""
    check_name_length(path)
    head, size = _read_start(path, 100)
    if size == 0:
        raise NotAnEvaluationFile(msg("{path} är tom (0 byte) och är inte en utvärderingsfil.", path=path))
    hot, original_page1 = hot_journal_page1(path)
    wal = not hot and has_wal_content(path)
    if original_page1 is not None:  # what the file will be once SQLite has rolled back
        head = original_page1[:100]
    if not head.startswith(_MAGIC[: min(len(head), len(_MAGIC))]) or len(head) < len(_MAGIC):
        raise NotAnEvaluationFile(
            msg("{path} är inte en utvärderingsfil från Kompass Desktop (okänt filformat).", path=path)
        )
    if len(head) < 100:
        raise CorruptFile(msg("{path} är avkortad ({size} byte) och kan inte öppnas.", path=path, size=size))
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (change_counter,) = struct.unpack(">I", head[24:28])
    (page_count,) = struct.unpack(">I", head[28:32])
    (user_version,) = struct.unpack(">I", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    (valid_for,) = struct.unpack(">I", head[92:96])
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFile(msg("{path} är skadad (ogiltigt sidhuvud).", path=path))
    if application_id != APPLICATION_ID:
        raise NotAnEvaluationFile(
            msg("{path} är en SQLite-databas men ingen utvärderingsfil från Kompass Desktop.", path=path)
        )
    if user_version > SCHEMA_VERSION:
        raise NewerFileVersion(
            msg(
                (
                    "{path} är skapad med en nyare version av Kompass Desktop (filformat "
                    "{user_version}, denna version läser {SCHEMA_VERSION}). Uppdatera "
                    "programmet för att öppna filen."
                ),
                path=path,
                user_version=user_version,
                SCHEMA_VERSION=SCHEMA_VERSION,
            )
        )
    if not (hot or wal):  # without a log or journal to recover from, the size must fit
        valid = valid_for == change_counter and page_count > 0
        if valid and size < page_count * page_size:
            raise CorruptFile(
                msg(
                    (
                        "{path} är avkortad: {size} byte av förväntade {value}. Återställ en "
                        "säkerhetskopia (kompass backups)."
                    ),
                    path=path,
                    size=size,
                    value=page_count * page_size,
                )
            )
        if size % page_size:
            raise CorruptFile(
                msg(
                    "{path} är avkortad eller skadad (storleken {size} passar inte sidstorleken).",
                    path=path,
                    size=size,
                )
            )
    return Header(page_size, page_count, user_version, application_id, wal=wal, hot_journal=hot)
