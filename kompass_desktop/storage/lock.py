"""One writer per evaluation file: an OS lock on a small sidecar file named after the file's
identity, not its name.

Two names can lead to one file (a symlink and its target, two hard links, a folder reached
along two paths).  Two writers through two names would each keep their own write-ahead log and
corrupt the file, so the lock belongs to the file itself: the sidecar lies in the folder of the
real file (symlinks resolved) and is named after its device and inode (on Windows the volume
serial number and file index, which ``os.stat`` reports the same way):
``.kompass-lock-<device>-<inode>``.  A file that does not exist yet is locked by its real path.
Hard links in two *different* folders get two sidecars; that case is not covered.

The lock is an OS lock (``fcntl.flock`` / ``msvcrt.locking``), so it disappears when the
process dies; a sidecar left behind after a crash is simply taken over.  The sidecar also says
who holds it ("open by USER on HOST since …").  Windows locks are mandatory, so the locked byte
lies far past that text (at :data:`LOCK_OFFSET`) and the text stays readable while locked.
"""

from __future__ import annotations

import errno
import getpass
import hashlib
import json
import os
import socket
import sys
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import IO

from .errors import DiskFull, FileLocked, ReadOnlyFile, StorageError

#: The byte that is locked on Windows: far past the holder text, which stays readable.
LOCK_OFFSET = 1 << 20
_INFO_MAX = 4096
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def current_user() -> str:
    """The logged-in user's name, or "okänd" where the system cannot tell."""
    try:
        return getpass.getuser() or "okänd"
    except Exception:  # getpass raises different errors per platform when no name is set
        return "okänd"


def lock_path_for(path: Path) -> Path:
    """The sidecar that every name of ``path`` shares."""
    real = Path(path).resolve()
    try:
        st = os.stat(real)
        identity = (st.st_dev, st.st_ino) if st.st_ino else None
    except OSError:
        identity = None
    if identity is None:  # not created yet (or no file ids on this file system): its real path
        tag = hashlib.sha256(os.fsencode(str(real))).hexdigest()[:16]
        return real.with_name(f".kompass-lock-{tag}")
    return real.with_name(f".kompass-lock-{identity[0]:x}-{identity[1]:x}")


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


class WriterLock:
    """Held for as long as an evaluation file is open for writing."""

    def __init__(self, path: Path) -> None:
        self.name = Path(path).name  # the name the user knows, for messages
        self.path = lock_path_for(Path(path))
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        for _attempt in range(3):
            try:
                fh = open(self.path, "a+b", buffering=0)  # noqa: SIM115 - kept open while the lock is held
            except PermissionError:
                raise ReadOnlyFile(
                    f"Mappen {self.path.parent} är skrivskyddad; "
                    "utvärderingsfilen kan bara öppnas för läsning."
                ) from None
            except OSError as err:
                raise self._cannot_write(err) from None
            if not _try_lock(fh):
                holder = self._describe_holder(fh)
                fh.close()
                raise FileLocked(
                    f"{self.name} är redan öppen{holder}. "
                    "Stäng den där först – två program kan inte skriva i samma utvärdering."
                )
            if self._replaced_meanwhile(fh):  # the previous holder removed it just now: retry
                fh.close()
                continue
            try:
                self._write_holder(fh)
            except OSError as err:  # a full disk: no lock file (empty or not) is left behind
                self._fh = fh
                self.release()
                raise self._cannot_write(err) from None
            self._fh = fh
            return
        raise FileLocked(f"{self.name} öppnas just nu av ett annat program.")

    def _cannot_write(self, err: OSError) -> StorageError:
        if err.errno in _FULL:
            return DiskFull(
                f"Disken är full: låsfilen för {self.name} kunde inte skrivas i {self.path.parent}. "
                "Frigör utrymme och försök igen."
            )
        return StorageError(
            f"Låsfilen för {self.name} kunde inte skrivas i {self.path.parent} ({err.strerror or err})."
        )

    def _replaced_meanwhile(self, fh: IO[bytes]) -> bool:
        """True if the sidecar we locked was removed by its previous holder just before."""
        if sys.platform == "win32":
            return False
        try:
            return os.stat(self.path).st_ino != os.fstat(fh.fileno()).st_ino
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
            return ""
        who = f"{info.get('user', '?')} på {info.get('host', '?')}"
        since = str(info.get("since", "")).replace("T", " ")
        return f" av {who}" + (f" sedan {since}" if since else "")

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            if sys.platform != "win32":  # remove while still holding the lock (Windows cannot)
                self.path.unlink(missing_ok=True)
            _unlock(self._fh)
        except OSError:
            pass
        finally:
            self._fh.close()
            self._fh = None
            if sys.platform == "win32":
                with suppress(OSError):
                    self.path.unlink()

    @property
    def held(self) -> bool:
        return self._fh is not None
