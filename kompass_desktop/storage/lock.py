"""One writer per evaluation file: an OS lock on a small sidecar file.

``NAME.kompass.lock`` holds who has the file open.  The lock itself is an OS lock
(``fcntl.flock`` / ``msvcrt.locking``), so it disappears when the process dies; a sidecar
left behind after a crash is simply taken over.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import IO

from .errors import FileLocked, ReadOnlyFile, StorageError


def current_user() -> str:
    """The logged-in user's name, or "okänd" where the system cannot tell."""
    try:
        return getpass.getuser() or "okänd"
    except Exception:  # getpass raises different errors per platform when no name is set
        return "okänd"


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            fh.seek(0)
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

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            pass
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class WriterLock:
    """Held for as long as an evaluation file is open for writing."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path_for(path)
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        for _attempt in range(3):
            try:
                fh = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
            except PermissionError:
                raise ReadOnlyFile(
                    f"Mappen {self.path.parent} är skrivskyddad; "
                    "utvärderingsfilen kan bara öppnas för läsning."
                ) from None
            except OSError as err:
                raise StorageError(f"Kan inte skapa låsfilen {self.path}: {err.strerror}.") from None
            if not _try_lock(fh):
                holder = self._describe_holder(fh)
                fh.close()
                raise FileLocked(
                    f"{self.path.name.removesuffix('.lock')} är redan öppen{holder}. "
                    "Stäng den där först – två program kan inte skriva i samma utvärdering."
                )
            if self._replaced_meanwhile(fh):  # the previous holder removed it just now: retry
                fh.close()
                continue
            self._write_holder(fh)
            self._fh = fh
            return
        raise FileLocked(f"{self.path.name.removesuffix('.lock')} öppnas just nu av ett annat program.")

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
        # byte 0 is the locked byte on Windows; the JSON starts after it
        fh.write(b" " + json.dumps(info).encode("utf-8"))
        fh.flush()

    @staticmethod
    def _describe_holder(fh: IO[bytes]) -> str:
        try:
            fh.seek(0)
            info = json.loads(fh.read(4096).decode("utf-8").strip() or "{}")
        except (OSError, ValueError):
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
