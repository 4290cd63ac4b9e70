"""One writer per evaluation file: OS locks on small sidecar files named after the file's
identity, not its name.

Two names can lead to one file (a symlink and its target, two hard links, a folder reached
along two paths).  Two writers through two names would each keep their own write-ahead log and
corrupt the file, so the lock belongs to the file itself (its device and inode; on Windows the
volume serial number and file index, which ``os.stat`` reports the same way).  A writer holds
two locks:

* ``.kompass-lock-<device>-<inode>`` in the folder of the real file (symlinks resolved): every
  user and every name in that folder shares it.  A file that does not exist yet is locked by
  its real path.
* ``locks/<device>-<inode>`` in the user-data folder: hard links in two *different* folders
  share it.  (Two different user accounts writing one file through hard links in two different
  folders at the same time are not covered; each account has its own user-data folder.)

The database file itself is never locked or opened by this module: SQLite's own POSIX locks on
it are per process and would be released by closing any other descriptor of that file.

The locks are OS locks (``fcntl.flock`` on Linux and macOS / ``msvcrt.locking`` on Windows),
so they disappear when the process dies; a sidecar left behind after a crash is simply taken
over.  A sidecar also says who holds it ("open by USER on HOST since …").  Windows locks are
mandatory, so the locked byte lies far past that text (at :data:`LOCK_OFFSET`) and the text
stays readable while locked.
"""

from __future__ import annotations

import errno
import getpass
import hashlib
import json
import logging
import os
import socket
import sys
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import IO

from ..domain.messages import msg
from ..userdata import data_dir
from .errors import DiskFull, FileLocked, ReadOnlyFile, StorageError, os_reason

log = logging.getLogger(__name__)

#: The byte that is locked on Windows: far past the holder text, which stays readable.
LOCK_OFFSET = 1 << 20
_INFO_MAX = 4096
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
#: How every lock sidecar beside an evaluation file is named.
LOCK_PREFIX = ".kompass-lock-"


def current_user() -> str:
    """The logged-in user's name, or "okänd" where the system cannot tell."""
    try:
        return getpass.getuser() or "okänd"
    except Exception:  # getpass raises different errors per platform when no name is set
        return "okänd"


def _real(path: Path) -> Path:
    """``path`` with its links resolved (as it is, made absolute, where they loop)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return Path(os.path.abspath(path))


def _file_id(real: Path) -> str | None:
    """Device and file number ("803-1a2b"): the same for every name of one file; None for a file
    that does not exist or a file system without file ids."""
    try:
        st = os.stat(real)
    except OSError:
        return None
    return f"{st.st_dev:x}-{st.st_ino:x}" if st.st_ino else None


def lock_path_for(path: Path) -> Path:
    """The sidecar that every name of ``path`` shares."""
    real = _real(path)
    file_id = _file_id(real)
    if file_id is None:  # not created yet (or no file ids on this file system): its real path
        tag = hashlib.sha256(os.fsencode(str(real))).hexdigest()[:16]
        return real.with_name(f"{LOCK_PREFIX}{tag}")
    return real.with_name(f"{LOCK_PREFIX}{file_id}")


def locks_dir() -> Path:
    """The user's lock folder (user data): one sidecar per file identity open for writing."""
    return data_dir() / "locks"


def identity_lock_path(path: Path) -> Path | None:
    """The sidecar in :func:`locks_dir` that every hard link of ``path`` shares, wherever it lies
    (None for a file that does not exist or a file system without file ids)."""
    file_id = _file_id(_real(path))
    return None if file_id is None else locks_dir() / file_id


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            fh.seek(LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        with suppress(OSError):
            fh.seek(LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def remove_if_stale(path: Path) -> bool:
    """Remove a lock sidecar that nobody holds (its holder was killed); True if it was removed.
    A sidecar held by any process, this one included, is left alone."""
    try:
        fh = open(path, "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError:
        return False
    removed = False
    try:
        if not _try_lock(fh):
            return False
        try:
            if sys.platform != "win32" and os.stat(path).st_ino == os.fstat(fh.fileno()).st_ino:
                path.unlink()  # while holding it, as a holder releasing it does
                removed = True
        finally:
            _unlock(fh)
    except OSError:
        return removed
    finally:
        fh.close()
    if sys.platform == "win32":  # Windows cannot remove an open file
        with suppress(OSError):
            path.unlink()
            removed = True
    return removed


def clean_stale_locks(folder: Path) -> None:
    """Remove the sidecars in ``folder`` (the user's lock folder) whose holders were killed."""
    with suppress(OSError):
        for name in os.listdir(folder):
            remove_if_stale(Path(folder) / name)


class WriterLock:
    """Held for as long as an evaluation file is open for writing: the sidecar beside the file
    and the one in the user's lock folder (see the module doc)."""

    def __init__(self, path: Path) -> None:
        self.name = Path(path).name  # the name the user knows, for messages
        self.path = lock_path_for(Path(path))
        self.identity_path = identity_lock_path(Path(path))
        self._held: list[tuple[Path, IO[bytes]]] = []

    def acquire(self) -> None:
        beside = self._take(self.path)
        assert beside is not None  # only an optional lock may be left out
        self._held.append((self.path, beside))
        if self.identity_path is None:
            return
        try:
            fh = self._take(self.identity_path, optional=True)
        except BaseException:
            self.release()
            raise
        if fh is not None:
            self._held.append((self.identity_path, fh))

    def _take(self, path: Path, *, optional: bool = False) -> IO[bytes] | None:
        """Lock the sidecar ``path``.  An ``optional`` one (the user's lock folder) that cannot be
        made is left out (logged): only another holder refuses the open then."""
        for _attempt in range(3):
            try:
                if optional:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    clean_stale_locks(path.parent)
                fh = open(path, "a+b", buffering=0)  # noqa: SIM115 - kept open while the lock is held
            except OSError as err:
                if optional:
                    log.warning("the lock %s could not be made: %s", path, err)
                    return None
                if isinstance(err, PermissionError):
                    raise ReadOnlyFile(
                        msg(
                            (
                                "Mappen {parent} är skrivskyddad; utvärderingsfilen kan bara öppnas för "
                                "läsning."
                            ),
                            parent=path.parent,
                        )
                    ) from None
                raise self._cannot_write(err, path) from None
            if not _try_lock(fh):
                holder = self._describe_holder(fh)
                fh.close()
                raise FileLocked(
                    msg(
                        (
                            "{name} är redan öppen{holder}. Stäng den där först – två program kan "
                            "inte skriva i samma utvärdering."
                        ),
                        name=self.name,
                        holder=holder,
                    )
                )
            if self._replaced_meanwhile(fh, path):  # the previous holder removed it just now: retry
                fh.close()
                continue
            try:
                self._write_holder(fh)
            except OSError as err:  # a full disk: no lock file (empty or not) is left behind
                self._release_one(path, fh)
                if optional:  # the lock itself is held; only the holder text is missing
                    log.warning("the lock %s could not be written: %s", path, err)
                    return None
                raise self._cannot_write(err, path) from None
            return fh
        raise FileLocked(msg("{name} öppnas just nu av ett annat program.", name=self.name))

    def _cannot_write(self, err: OSError, path: Path) -> StorageError:
        if err.errno in _FULL:
            return DiskFull(
                msg(
                    (
                        "Disken är full: låsfilen för {name} kunde inte skrivas i {parent}. "
                        "Frigör utrymme och försök igen."
                    ),
                    name=self.name,
                    parent=path.parent,
                )
            )
        return StorageError(
            msg(
                "Låsfilen för {name} kunde inte skrivas i {parent} ({err}).",
                name=self.name,
                parent=path.parent,
                err=os_reason(err),
            )
        )

    @staticmethod
    def _replaced_meanwhile(fh: IO[bytes], path: Path) -> bool:
        """True if the sidecar we locked was removed by its previous holder just before."""
        if sys.platform == "win32":
            return False
        try:
            return os.stat(path).st_ino != os.fstat(fh.fileno()).st_ino
        except OSError:
            return True

    @staticmethod
    def _write_holder(fh: IO[bytes]) -> None:
        info = {
            "user": current_user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="minutes"),
        }
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(info).encode("utf-8") + b"\n")  # far below the locked byte
        fh.flush()

    @staticmethod
    def _describe_holder(fh: IO[bytes]) -> str:
        try:
            fh.seek(0)
            info = json.loads(fh.read(_INFO_MAX).decode("utf-8").strip() or "{}")
        except (OSError, ValueError):
            return ""
        if not isinstance(info, dict):
            return ""  # another format, or not yet written: the holder cannot be named
        user, host = str(info.get("user") or ""), str(info.get("host") or "")
        if user and host:
            who = msg("av {user} på {host}", user=user, host=host)
        elif user or host:
            who = msg("av {user}", user=user) if user else msg("av någon på {host}", host=host)
        else:
            return ""
        since = str(info.get("since", "")).replace("T", " ")
        return " " + (msg("{who} sedan {since}", who=who, since=since) if since else who)

    @staticmethod
    def _release_one(path: Path, fh: IO[bytes]) -> None:
        try:
            if sys.platform != "win32":  # remove while still holding the lock (Windows cannot)
                path.unlink(missing_ok=True)
            _unlock(fh)
        except OSError:
            pass
        finally:
            fh.close()
            if sys.platform == "win32":
                with suppress(OSError):
                    path.unlink()

    def release(self) -> None:
        held, self._held = self._held, []
        for path, fh in reversed(held):
            self._release_one(path, fh)
