"""The one guard every command passes before it writes a file, and how inputs are opened.

Rules (the README's command-line section states them for users):

* A network folder is never written to (see :mod:`.location`).
* No command writes over one of its own inputs: the same file is recognised by identity
  (device and inode through symlinks and hard links), not by name.
* An evaluation file is recognised by its content (the SQLite header with our
  ``application_id``), never by its suffix, and is only replaced where that is the command's
  very purpose (:attr:`Replace.EVALUATION`: ``restore -o`` and ``demo --force``), never while
  it is open elsewhere (its writer lock), and only after a backup (done by the writer).
  SQLite's companions of an evaluation file (``-wal``, ``-shm``, ``-journal``, ``.lock``) are
  never written to either.
* A read-only file or folder is respected by its mode bits, also when running as root or
  administrator (who may write anyway as far as the OS is concerned).
* Temporary files of ours left by a killed process (``.NAME.PID.tmp`` and its SQLite
  journals, with a PID that no longer runs) are removed when the next writer runs in that
  folder.

Inputs are opened read-only; a file at rest (no ``-wal``/``-journal`` beside it, nobody
holding its lock) is opened ``immutable`` so that SQLite creates nothing beside it.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from enum import Enum
from pathlib import Path

from ..domain.errors import KompassError
from .errors import NetworkLocation, ReadOnlyFile
from .fileformat import APPLICATION_ID, FILE_SUFFIX
from .location import classify
from .lock import WriterLock, lock_path_for

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: SQLite's files beside a database, and our lock file.
COMPANIONS = ("-wal", "-shm", "-journal", ".lock")
#: ``.NAME.PID.tmp`` (archive.new_file, create_evaluation_file, backups) and SQLite's files beside it.
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d{1,10})\.tmp(?P<companion>-journal|-wal|-shm|\.lock)?$")
#: How a complete or partial temporary file of ours begins (an empty one counts too).
_OUR_CONTENT = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"KOMPASS-SEALED",
    _SQLITE_MAGIC,
    b"{",
    b"%PDF",
    b"kompass-p",
)


class OutputRefused(KompassError):
    """The command would write where it must not; nothing was written."""


class Replace(Enum):
    """What an existing target may be replaced by the command."""

    NEVER = "never"  # export, import, keygen, unseal, new, demo without --force
    ORDINARY = "ordinary"  # report, aggregate: an ordinary file (never an evaluation file)
    EVALUATION = "evaluation"  # restore -o, demo --force: an evaluation file, after a backup


# -- what a file is ---------------------------------------------------------------------------


def is_evaluation_file(path: Path) -> bool:
    """True if ``path`` holds an evaluation file of ours (by content, whatever its name)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return False
    return (
        head.startswith(_SQLITE_MAGIC)
        and len(head) >= 72
        and int.from_bytes(head[68:72], "big") == APPLICATION_ID
    )


def is_read_only(path: Path) -> bool:
    """Read-only by its mode bits (respected even by root, whom ``os.access`` always lets write)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def same_file(a: Path, b: Path) -> bool:
    """The same file by identity (device + inode), also through symlinks and hard links."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        try:
            return Path(a).resolve() == Path(b).resolve()
        except OSError:
            return False


def held_elsewhere(path: Path) -> bool:
    """True (with the holder's message raised) if another program has ``path`` open for writing."""
    if not lock_path_for(path).exists():
        return False
    lock = WriterLock(path)
    lock.acquire()  # raises FileLocked naming the holder
    lock.release()
    return False


def _companion_of_evaluation(target: Path) -> Path | None:
    """The evaluation file ``target`` belongs to if it is its -wal/-shm/-journal/.lock."""
    for suffix in COMPANIONS:
        if target.name.endswith(suffix) and len(target.name) > len(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if base.exists() and (is_evaluation_file(base) or base.suffix.lower() == FILE_SUFFIX):
                return base
    return None


# -- the guard --------------------------------------------------------------------------------


def check_output(
    target: Path,
    *,
    inputs: Iterable[Path | None] = (),
    replace: Replace = Replace.NEVER,
    clean: bool = True,
) -> None:
    """Refuse (raise, nothing written) if a command may not write ``target``; see the module doc.

    With ``clean`` our stale temporary files in the target's folder are removed afterwards.
    """
    target = Path(target)
    if target.is_dir():
        raise OutputRefused(f"{target} är en mapp; ange ett filnamn.")
    folder = target.parent
    if not folder.is_dir():
        raise OutputRefused(f"Mappen {folder} finns inte.")
    refuse_network_folder(target)
    for source in inputs:
        if source is not None and (target.exists() or target.is_symlink()) and same_file(target, source):
            raise OutputRefused(
                f"{target} är samma fil som kommandots indata {Path(source).name}; "
                "den skrivs aldrig över. Ange en annan fil."
            )
    companion_of = _companion_of_evaluation(target)
    if companion_of is not None:
        raise OutputRefused(
            f"{target.name} hör till utvärderingsfilen {companion_of.name} (SQLite eller låset) och "
            "skrivs aldrig över. Ange en annan fil."
        )
    if target.exists() or target.is_symlink():
        _check_existing(target, replace)
    if is_read_only(folder):
        raise ReadOnlyFile(f"Mappen {folder} är skrivskyddad; {target.name} kan inte skrivas där.")
    if clean:
        clean_stale_temporaries(folder)


def _check_existing(target: Path, replace: Replace) -> None:
    evaluation = is_evaluation_file(target)
    looks_like_one = evaluation or target.suffix.lower() == FILE_SUFFIX
    if replace is Replace.NEVER:
        if evaluation:
            raise OutputRefused(
                f"{target} är en utvärderingsfil och skrivs aldrig över; välj ett annat namn."
            )
        raise OutputRefused(
            f"{target} finns redan; välj ett annat namn (befintliga filer skrivs aldrig över)."
        )
    if replace is Replace.ORDINARY and looks_like_one:
        raise OutputRefused(f"{target} är en utvärderingsfil och skrivs aldrig över; välj ett annat namn.")
    if replace is Replace.EVALUATION and not looks_like_one and target.exists():
        raise OutputRefused(
            f"{target} finns redan och är ingen utvärderingsfil; den skrivs inte över. Välj ett annat namn."
        )
    if target.exists() and is_read_only(target):
        raise ReadOnlyFile(f"{target} är skrivskyddad och skrivs inte över.")
    if looks_like_one:
        held_elsewhere(target)


def check_in_place(target: Path, *, inputs: Iterable[Path | None] = ()) -> None:
    """For commands that change an evaluation file in place (``import-scores``, ``merge``)."""
    target = Path(target)
    if not target.exists():
        return  # opening it says "finns inte"
    refuse_network_folder(target)
    for source in inputs:
        if source is not None and Path(source).exists() and same_file(target, source):
            raise OutputRefused(f"{Path(source).name} är samma fil som {target.name}; ange en annan fil.")
    if is_read_only(target):
        raise ReadOnlyFile(
            f"{target.name} är skrivskyddad. Kopiera den till en skrivbar mapp "
            "eller öppna den endast för läsning."
        )


def refuse_network_folder(path: Path) -> None:
    """No writer writes in a network folder (SQLite's locks are unreliable there; see location)."""
    place = classify(path)
    if place.network:
        raise NetworkLocation(
            f"{Path(path).name} ligger i en nätverksmapp ({place.detail}). Där kan Kompass Desktop inte "
            "skriva säkert – två datorer kan förstöra filen. Spara på datorns egen disk och kopiera "
            "sedan filen dit."
        )


# -- temporary files left by a killed process ---------------------------------------------------


def pid_running(pid: int) -> bool:
    """Whether a process with this id runs (unsure answers count as running: nothing is removed)."""
    if pid <= 0 or pid == os.getpid():
        return True
    if sys.platform == "win32":
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


def _ours(path: Path, companion: str | None) -> bool:
    if companion:  # SQLite's journal of one of our temporary files
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return not head or head.startswith(_OUR_CONTENT)


def clean_stale_temporaries(folder: Path) -> list[Path]:
    """Remove our temporary files whose writer no longer runs; returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        m = _TEMP.match(name)
        if m is None:
            continue
        path = Path(folder) / name
        if path.is_symlink() or not path.is_file():
            continue
        if pid_running(int(m.group("pid"))) or not _ours(path, m.group("companion")):
            continue
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


# -- inputs -----------------------------------------------------------------------------------

#: Set while a short-lived reader opens its inputs (a command, an export's or a merge's source).
#: The GUI's long-lived read-only sessions are not immutable: another program may write the file.
_IMMUTABLE_INPUTS: ContextVar[bool] = ContextVar("immutable_inputs", default=False)


@contextmanager
def immutable_inputs() -> Iterator[None]:
    """Within this block read-only opens of files at rest are ``immutable`` (see :func:`read_only_uri`)."""
    token = _IMMUTABLE_INPUTS.set(True)
    try:
        yield
    finally:
        _IMMUTABLE_INPUTS.reset(token)


def at_rest(path: Path) -> bool:
    """No writer has ``path`` open and SQLite has nothing to recover beside it."""
    return not any(os.path.exists(f"{path}{s}") for s in ("-wal", "-journal")) and not (  # no OSError
        lock_path_for(path).exists()
    )


def read_only_uri(path: Path) -> str:
    """The URI to open an input with: read-only, and ``immutable`` for a short-lived reader of a
    file at rest, so that SQLite creates no ``-wal``/``-shm`` beside it (it would for a file in
    WAL mode) and takes no locks."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if _IMMUTABLE_INPUTS.get() and at_rest(Path(path)) else uri
