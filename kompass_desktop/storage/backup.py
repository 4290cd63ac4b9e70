"""Rotating backups made with SQLite's online backup API (never a copy of a live file).

Backups live in the user-data folder (see :mod:`kompass_desktop.userdata`), one folder per evaluation file:
``backups/<file name>/<YYYYmmdd-HHMMSS-fff>--<reason>.kompass``.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.messages import msg
from ..userdata import backups_dir
from ..userdata import data_dir as data_dir  # re-exported for older callers
from .errors import StorageError, os_reason
from .outputs import (
    Replace,
    check_output,
    commit,
    copy_file,
    final_mode,
    new_temporary,
    remove_temporary,
    temporary_name,
)
from .rows import sqlite_reason

#: How many backups of each reason are kept per evaluation file.
KEEP = {"open": 10, "auto": 10}
KEEP_OTHER = 5

#: The clock that names backups (replaceable, so that tests can take many backups "minutes apart").
clock: Callable[[], datetime] = datetime.now

_NAME = re.compile(r"^(\d{8}-\d{6}-\d{3})--([a-z0-9-]+)\.kompass$")


def folder_for(path: Path) -> Path:
    """One folder per evaluation file: its name plus a short hash of its full path, so two files
    with the same name in different folders never share (or rotate away) each other's backups."""
    resolved = Path(path).resolve()
    safe = re.sub(r"[^\w.-]+", "_", resolved.stem, flags=re.UNICODE) or "utvardering"
    while len(safe.encode("utf-8")) > 120:  # room for the tag within any file system's limit
        safe = safe[:-1]
    tag = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:10]
    return backups_dir() / f"{safe}-{tag}"


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    size: int


def list_backups(path: Path) -> list[Backup]:
    folder = folder_for(path)
    found = []
    if folder.is_dir():
        for item in folder.iterdir():
            m = _NAME.match(item.name)
            if m and item.is_file():
                taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S-%f")
                found.append(Backup(item, taken, m.group(2), item.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


class BackupCancelled(StorageError):
    """A backup was stopped on request (e.g. the file is being closed); nothing was kept."""


#: Pages copied per step of a cancellable backup (4 MB with SQLite's default 4 KiB pages).
_STEP_PAGES = 1024


def _copy_with_backup_api(
    source: Path, dest: Path, cancel: threading.Event | None = None, *, private: bool = False
) -> None:
    """A consistent copy of ``source`` as ``dest`` (new or replaced), built in a temporary file
    of ours (owner only while written; a killed run's is removed by the next one)."""
    mode = final_mode(dest, private=private, replace=True)
    # A source built as our own temporary for ``dest`` (a new file made over an old one) must not
    # share the copy's temporary name: making that temporary would empty the source first.
    own = temporary_name(dest) == Path(source)
    tmp = new_temporary(dest.with_name(f"{dest.name}.copy") if own else dest)
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)

    def progress(*_pages: int) -> None:  # SQLite passes (status, remaining, total): not needed
        if cancel is not None and cancel.is_set():
            raise BackupCancelled(msg("Säkerhetskopian av {name} avbröts.", name=source.name))

    try:
        dst = sqlite3.connect(str(tmp))
        try:
            if cancel is None:
                src.backup(dst)
            else:  # in steps, so that a request to stop is seen within one step
                progress()
                src.backup(dst, pages=_STEP_PAGES, progress=progress)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        commit(tmp, dest, replace=True, mode=mode)
    finally:
        src.close()
        remove_temporary(tmp)


def copy_database(source: Path, dest: Path) -> None:
    """A consistent copy of a (possibly open) evaluation file, e.g. for "Spara kopia som…".

    ``dest`` passes the output guard (never the original, also not through a link; never a
    file that is not an evaluation file, a read-only file or a network folder).  An existing
    evaluation file is replaced only when no program has it open; it is backed up first.
    """
    source, dest = Path(source), Path(dest)
    check_output(dest, inputs=[source], replace=Replace.EVALUATION)
    replace_file(source, dest)


def replace_file(source: Path, target: Path) -> Path | None:
    """Write a consistent copy of ``source`` to ``target`` (new or existing).

    An existing target must not be open elsewhere (its writer lock is taken), is backed up
    first, and its ``-wal``/``-shm`` are removed so they can never be replayed onto the new
    content.  Returns the backup of the old target, if there was one.
    """
    from .lock import WriterLock

    lock = WriterLock(target)
    lock.acquire()  # refuses while the target is open elsewhere
    saved = None
    try:
        if target.exists():
            saved = _backup_before_replacing(target)
            for suffix in ("-wal", "-shm"):
                with suppress(OSError):
                    Path(str(target) + suffix).unlink()
        _copy_with_backup_api(source, target)
    except OSError as err:
        raise StorageError(
            msg("{target} kunde inte skrivas: {err}.", target=target, err=os_reason(err))
        ) from None
    except sqlite3.Error as err:
        raise StorageError(
            msg("{target} kunde inte skrivas: {err}.", target=target, err=sqlite_reason(err))
        ) from None
    finally:
        lock.release()
    return saved


def _backup_before_replacing(target: Path) -> Path:
    """A backup of a file about to be replaced; a damaged file is kept byte for byte."""
    try:
        return make_backup(target, "before-restore")
    except StorageError:
        folder = folder_for(target)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = clock().strftime("%Y%m%d-%H%M%S-%f")[:-3]
        dest = folder / f"{stamp}--damaged.kompass"
        for suffix in ("-wal", "-shm", ""):  # the file last: a backup is listed only when complete
            if suffix == "" or Path(f"{target}{suffix}").exists():
                copy_file(Path(f"{target}{suffix}"), Path(f"{dest}{suffix}"), private=True)
        return dest


def make_backup(path: Path, reason: str = "auto", cancel: threading.Event | None = None) -> Path:
    """Back up ``path`` now; returns the backup's path.  Old backups of the same reason rotate.

    Setting ``cancel`` (from another thread) stops it within one step: BackupCancelled is
    raised and no backup file is left."""
    path = Path(path)
    folder = folder_for(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = clock().strftime("%Y%m%d-%H%M%S-%f")[:-3]
        dest = folder / f"{stamp}--{reason}.kompass"
        _copy_with_backup_api(path, dest, cancel, private=True)
    except OSError as err:
        raise StorageError(
            msg("Säkerhetskopian av {name} kunde inte skapas: {err}.", name=path.name, err=os_reason(err))
        ) from None
    except sqlite3.Error as err:
        raise StorageError(
            msg("Säkerhetskopian av {name} kunde inte skapas: {err}.", name=path.name, err=sqlite_reason(err))
        ) from None
    _rotate(path, reason)
    return dest


def _rotate(path: Path, reason: str) -> None:
    keep = KEEP.get(reason, KEEP_OTHER)
    same = [b for b in list_backups(path) if b.reason == reason]
    for old in same[keep:]:
        with suppress(OSError):
            old.path.unlink()
