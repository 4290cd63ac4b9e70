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
* A name too long for the file system is refused with a clear message (never an OSError).

Every file is written the same way (:func:`writing`, :func:`write_output`): into a temporary
file beside the target, named ``.NAME.PID.tmp`` and readable by its owner only while it is
written, flushed to disk and renamed into place.  Private temporary folders (a draft report,
a recovered copy) are ``.kompass-KIND-….PID.tmp`` in the system's temporary folder.
Temporaries of ours left by a killed process (with a PID that no longer runs, and SQLite's
journals beside them) are removed when the next one is made in that folder.

Inputs are opened read-only; a file at rest (no ``-wal``/``-journal`` beside it, nobody
holding its lock) is opened ``immutable`` so that SQLite creates nothing beside it.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from enum import Enum
from functools import cache
from pathlib import Path

from ..domain.errors import KompassError
from ..domain.messages import Message, msg
from . import fileformat
from .errors import NetworkLocation, ReadOnlyFile, os_reason
from .fileformat import APPLICATION_ID, FILE_SUFFIX, LONGEST_SIDECAR, check_name_length, name_max
from .location import classify
from .lock import LOCK_PREFIX, WriterLock, identity_lock_path, lock_path_for, remove_if_stale

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: SQLite's files beside a database.
COMPANIONS = ("-wal", "-shm", "-journal")
#: ``.NAME.PID.tmp`` (every temporary file of ours, see :func:`temporary_name`) and SQLite's
#: files beside it; private folders are ``.kompass-KIND-XXXX.PID.tmp``.
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d{1,10})\.tmp(?P<companion>-journal|-wal|-shm)?$")
_OUR_FOLDER = ".kompass-"
#: How a complete or partial temporary file of ours begins (an empty one counts too).
_OUR_CONTENT = (
    b"PK\x03\x04",  # .kkx, .docx
    b"PK\x05\x06",
    b"KOMPASS-SEALED",
    _SQLITE_MAGIC,
    b"{",  # JSON
    b"[",
    b"%PDF",
    b"kompass-p",  # keys
    b"\x89PNG",  # charts
    b"<?xml",
    b"<svg",
)


class OutputRefused(KompassError):
    """The command would write where it must not; nothing was written."""


class OutputFailed(KompassError):
    """Writing failed (a full disk, no permission); the target is as it was, nothing is left."""


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
    """Read-only by its mode bits, respected also by root and an administrator (whom
    ``os.access`` always lets write); ``os.access`` only adds what the bits cannot say (another
    user's file, a read-only mount).  On Windows a folder's read-only attribute means nothing
    (Explorer sets it on ordinary folders such as Documents): a folder is never called
    read-only there by its attribute."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode) and fileformat.on_windows():
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


def held_elsewhere(path: Path) -> None:
    """Raise FileLocked naming the holder if another program has ``path`` open for writing (also
    through a hard link in another folder: the lock in the user's lock folder)."""
    identity = identity_lock_path(path)
    if not os.path.exists(lock_path_for(path)) and not (identity is not None and os.path.exists(identity)):
        return
    lock = WriterLock(path)
    lock.acquire()  # raises FileLocked naming the holder
    lock.release()


def _companion_refusal(target: Path) -> Message | None:
    """Why ``target`` is never written when it is an evaluation file's -wal/-shm/-journal or a
    writer lock (None otherwise)."""
    if target.name.startswith(LOCK_PREFIX):
        return msg("{name} är ett skrivlås för en utvärderingsfil och skrivs aldrig över.", name=target.name)
    for suffix in COMPANIONS:
        if target.name.endswith(suffix) and len(target.name) > len(suffix):
            base = target.with_name(target.name[: -len(suffix)])
            if os.path.exists(base) and (is_evaluation_file(base) or base.suffix.lower() == FILE_SUFFIX):
                return msg(
                    "{name} är en av SQLites filer för utvärderingsfilen {base} och skrivs aldrig över.",
                    name=target.name,
                    base=base.name,
                )
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
    check_name_length(target)  # Path.exists() and friends raise for such a name
    target = Path(target)
    if target.is_dir():
        raise OutputRefused(msg("{target} är en mapp; ange ett filnamn.", target=target))
    folder = target.parent
    if not folder.is_dir():
        raise OutputRefused(msg("Mappen {folder} finns inte.", folder=folder))
    refuse_network_folder(target)
    for source in inputs:
        if source is not None and (target.exists() or target.is_symlink()) and same_file(target, source):
            raise OutputRefused(
                msg(
                    (
                        "{target} är samma fil som indatafilen {name}; den skrivs aldrig över. "
                        "Ange en annan fil."
                    ),
                    target=target,
                    name=Path(source).name,
                )
            )
    companion = _companion_refusal(target)
    if companion is not None:
        raise OutputRefused(msg("{why} Ange en annan fil.", why=companion))
    if target.exists() or target.is_symlink():
        _check_existing(target, replace)
    if is_read_only(folder):
        raise ReadOnlyFile(
            msg(
                "Mappen {folder} är skrivskyddad; {name} kan inte skrivas där.",
                folder=folder,
                name=target.name,
            )
        )
    if clean:
        clean_stale_temporaries(folder)


def _check_existing(target: Path, replace: Replace) -> None:
    evaluation = is_evaluation_file(target)
    looks_like_one = evaluation or target.suffix.lower() == FILE_SUFFIX
    if replace is Replace.NEVER:
        if evaluation:
            raise OutputRefused(
                msg(
                    "{target} är en utvärderingsfil och skrivs aldrig över; välj ett annat namn.",
                    target=target,
                )
            )
        raise OutputRefused(
            msg(
                "{target} finns redan; välj ett annat namn (befintliga filer skrivs aldrig över).",
                target=target,
            )
        )
    if replace is Replace.ORDINARY and looks_like_one:
        raise OutputRefused(
            msg("{target} är en utvärderingsfil och skrivs aldrig över; välj ett annat namn.", target=target)
        )
    if replace is Replace.EVALUATION and not looks_like_one and target.exists():
        raise OutputRefused(
            msg(
                (
                    "{target} finns redan och är ingen utvärderingsfil; den skrivs inte "
                    "över. Välj ett annat namn."
                ),
                target=target,
            )
        )
    if target.exists() and is_read_only(target):
        raise ReadOnlyFile(msg("{target} är skrivskyddad och skrivs inte över.", target=target))
    if looks_like_one:
        held_elsewhere(target)


def check_in_place(target: Path, *, inputs: Iterable[Path | None] = ()) -> None:
    """For commands that change an evaluation file in place (``import-scores``, ``merge``)."""
    inputs = list(inputs)
    for path in (target, *inputs):
        if path is not None:
            check_name_length(path)
    target = Path(target)
    if not target.exists():
        return  # opening it says "finns inte"
    refuse_network_folder(target)
    for source in inputs:
        if source is not None and Path(source).exists() and same_file(target, source):
            raise OutputRefused(
                msg(
                    "{name} är samma fil som {name2}; ange en annan fil.",
                    name=Path(source).name,
                    name2=target.name,
                )
            )
    refuse_read_only(target)


def refuse_read_only(target: Path) -> None:
    """An evaluation file is written in place only when it and its folder (where SQLite keeps
    its ``-wal`` and ``-shm``) are writable by their mode bits, also for root/administrator."""
    target = Path(target)
    if is_read_only(target):
        raise ReadOnlyFile(
            msg(
                (
                    "{name} är skrivskyddad. Kopiera den till en skrivbar mapp eller öppna "
                    "den endast för läsning."
                ),
                name=target.name,
            )
        )
    folder = target.parent  # never empty: Path("x").parent is Path(".")
    if is_read_only(folder):
        raise ReadOnlyFile(
            msg(
                (
                    "Mappen {folder} är skrivskyddad, så {name} kan bara öppnas för läsning. "
                    "Kopiera filen till en skrivbar mapp för att ändra den."
                ),
                folder=folder,
                name=target.name,
            )
        )


def refuse_network_folder(path: Path) -> None:
    """No writer writes in a network folder (SQLite's locks are unreliable there; see location)."""
    place = classify(path)
    if place.network:
        raise NetworkLocation(
            msg(
                (
                    "{name} ligger i en nätverksmapp ({detail}). Där kan Kompass Desktop "
                    "inte skriva säkert – två datorer kan förstöra filen. Spara på datorns "
                    "egen disk och kopiera sedan filen dit."
                ),
                name=Path(path).name,
                detail=place.detail,
            )
        )


# -- temporary files left by a killed process ---------------------------------------------------


def _ours(path: Path, companion: str | None) -> bool:
    if companion:  # SQLite's journal of one of our temporary files
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return not head or head.startswith(_OUR_CONTENT)


def _our_folder(path: Path) -> bool:
    """A private temporary folder of ours (by name, and made by this user)."""
    if not path.name.startswith(_OUR_FOLDER):
        return False
    getuid = getattr(os, "getuid", None)
    try:
        return getuid is None or os.stat(path).st_uid == getuid()
    except OSError:
        return False


def clean_stale_temporaries(folder: Path) -> list[Path]:
    """Remove our temporary files and folders whose writer no longer runs, and writer locks nobody
    holds any more; returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in sorted(names):  # the same order everywhere
        path = Path(folder) / name
        if name.startswith(LOCK_PREFIX):  # a writer lock whose holder was killed
            if remove_if_stale(path):
                removed.append(path)
            continue
        m = _TEMP.match(name)
        if m is None:
            continue
        if path.is_symlink():
            continue
        running = fileformat.pid_running(int(m.group("pid")))
        if path.is_dir():
            if _our_folder(path) and not m.group("companion") and not running:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
            continue
        if not path.is_file():
            continue
        if running or not _ours(path, m.group("companion")):
            continue
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


# -- writing ----------------------------------------------------------------------------------


def temporary_name(target: Path) -> Path:
    """``.NAME.PID.tmp`` beside ``target``: the name of every temporary file of ours.  A name too
    long for that is shortened (room is left for SQLite's ``-journal`` too)."""
    target = Path(target)
    tail = f".{os.getpid()}.tmp"
    room = name_max(target.parent) - len(LONGEST_SIDECAR) - len(tail) - 1
    name = target.name
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return target.with_name(f".{name}{tail}")


def new_temporary(target: Path) -> Path:
    """Create the temporary file for ``target``: empty, readable and writable by its owner only
    (it may hold personal data until it is finished), after removing the stale temporaries of
    killed writers in the folder.  Raises OSError."""
    tmp = temporary_name(target)
    clean_stale_temporaries(tmp.parent)
    remove_temporary(tmp)  # ours (same PID), from an earlier failed attempt
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))
    return tmp


def remove_temporary(tmp: Path) -> None:
    """A temporary file and SQLite's files beside it."""
    for suffix in ("", *COMPANIONS):
        with suppress(OSError):
            os.unlink(f"{tmp}{suffix}")


#: Where Linux tells a process its umask (macOS and Windows have no such file).
_PROC_STATUS = Path("/proc/self/status")


@cache
def _umask() -> int:
    """The process's umask: read on Linux, else set and put back at once (macOS, Windows)."""
    try:  # Linux says it without changing it
        for line in _PROC_STATUS.read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def final_mode(target: Path, *, private: bool = False, replace: bool = False) -> int:
    """The mode a finished file gets: owner only when ``private``; else that of the file it
    replaces, or what a new file of the user gets (0644 with the usual umask)."""
    if private:
        return 0o600
    if replace:
        with suppress(OSError):
            return stat.S_IMODE(os.stat(target).st_mode)
    return 0o666 & ~_umask()


def commit(tmp: Path, target: Path, *, replace: bool, mode: int) -> None:
    """Flush ``tmp`` to disk and move it to ``target`` (never over an existing file unless
    ``replace``, also not one that appeared meanwhile).  Raises OSError or OutputRefused."""
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
        if fileformat.on_windows():
            fh.close()  # Windows cannot rename or replace a file that is open
        if replace:
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
        if os.name == "posix":  # only now: until it is in place it is readable by its owner only
            if fh.closed:
                os.chmod(target, mode)
            else:
                os.fchmod(fh.fileno(), mode)
    fsync_folder(Path(target).parent)


def _link_new(tmp: Path, target: Path) -> None:
    try:
        os.link(tmp, target)  # fails if the target exists: no overwrite, even in a race
    except FileExistsError:
        raise OutputRefused(msg("{target} finns redan; välj ett annat namn.", target=target)) from None
    except OSError:  # file systems without hard links (FAT, some network shares)
        if os.path.lexists(target):
            raise OutputRefused(msg("{target} finns redan; välj ett annat namn.", target=target)) from None
        os.replace(tmp, target)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)  # Path("") is "." already
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def writing(
    target: Path,
    *,
    replace: bool = False,
    private: bool = False,
    error: type[KompassError] = OutputFailed,
) -> Iterator[Path]:
    """Yield a new private temporary file beside ``target``; when the block succeeds it becomes
    ``target``, flushed to disk.  Without ``replace`` an existing target is never overwritten.
    On any error nothing is left behind and an OSError becomes one ``error`` naming the target.
    The guard (:func:`check_output`) is the caller's, before any work."""
    target = Path(target)
    tmp: Path | None = None
    try:
        tmp = new_temporary(target)
        yield tmp
        commit(tmp, target, replace=replace, mode=final_mode(target, private=private, replace=replace))
    except OutputRefused as err:
        raise error(err.args[0] if len(err.args) == 1 else str(err)) from None  # kept as built
    except OSError as err:
        raise error(msg("{target} kunde inte skrivas: {err}.", target=target, err=os_reason(err))) from None
    finally:
        if tmp is not None:
            remove_temporary(tmp)


def write_output(
    target: Path,
    data: bytes,
    *,
    inputs: Iterable[Path | None] = (),
    replace: Replace = Replace.NEVER,
    private: bool = False,
    error: type[KompassError] = OutputFailed,
) -> None:
    """The guard, then ``data`` written as ``target`` (see :func:`writing`)."""
    check_output(target, inputs=inputs, replace=replace, clean=False)
    with writing(target, replace=replace is not Replace.NEVER, private=private, error=error) as tmp:
        Path(tmp).write_bytes(data)


def copy_file(source: Path, target: Path, *, replace: bool = False, private: bool = False) -> None:
    """A copy of ``source`` written like every output (internal files: no guard here)."""
    with writing(target, replace=replace, private=private) as tmp:
        shutil.copyfile(source, tmp)


def make_private_folder(kind: str) -> Path:
    """A new folder readable by this user only in the system's temporary folder,
    ``.kompass-KIND-XXXX.PID.tmp`` (the stale ones of killed processes are removed first)."""
    base = Path(tempfile.gettempdir())
    clean_stale_temporaries(base)
    return Path(tempfile.mkdtemp(prefix=f"{_OUR_FOLDER}{kind}-", suffix=f".{os.getpid()}.tmp", dir=base))


@contextmanager
def private_folder(kind: str) -> Iterator[Path]:
    """:func:`make_private_folder`, removed with everything in it after the block."""
    folder = make_private_folder(kind)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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
    identity = identity_lock_path(path)
    found = [f"{path}-wal", f"{path}-journal", str(lock_path_for(path))]
    if identity is not None:
        found.append(str(identity))
    return not any(os.path.exists(p) for p in found)  # os.path: no OSError for a long name


def read_only_uri(path: Path) -> str:
    """The URI to open an input with: read-only, and ``immutable`` for a short-lived reader of a
    file at rest, so that SQLite creates no ``-wal``/``-shm`` beside it (it would for a file in
    WAL mode) and takes no locks."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if _IMMUTABLE_INPUTS.get() and at_rest(Path(path)) else uri
