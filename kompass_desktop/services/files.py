"""Files as files: backups, restoring one, copies, and every other file the GUI saves.

Changes to an *open* evaluation go through :class:`~kompass_desktop.services.EvaluationSession`;
these functions work on paths (a file that is not open here, or a backup taken with the
evaluation's own connection closed to it).  Every file written here passes the output guard
(:mod:`kompass_desktop.storage.outputs`), exactly as the command line's files do.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain.messages import msg
from ..storage import backup as _backup
from ..storage import outputs as _outputs
from ..storage import restore as _restore
from ..storage.backup import Backup, BackupCancelled
from ..storage.errors import StorageError, os_reason
from ..storage.opening import warm_up as _warm_up

__all__ = [
    "Backup",
    "BackupCancelled",
    "backup_file",
    "backup_folder",
    "copy_to",
    "list_backups",
    "private_folder",
    "restore_backup",
    "save_output",
    "warm_up",
]


def backup_file(path: Path, reason: str = "auto", cancel: threading.Event | None = None) -> Path:
    """A backup of the file at ``path`` (read with its own connection: safe from another thread).

    Setting ``cancel`` stops it quickly: :class:`BackupCancelled` is raised, nothing is kept."""
    return _backup.make_backup(Path(path), reason, cancel)


def list_backups(path: Path) -> list[Backup]:
    """The backups of one evaluation file, newest first."""
    return _backup.list_backups(Path(path))


def backup_folder(path: Path) -> Path:
    return _backup.folder_for(Path(path))


def restore_backup(backup: Path, target: Path) -> Path | None:
    """Write ``backup`` (checked first) to ``target``; an existing target is backed up first and
    that backup returned.  Refused while ``target`` is open anywhere."""
    return _restore.restore_backup(Path(backup), Path(target))


def copy_to(source: Path, target: Path) -> Path:
    """A consistent copy of the evaluation file ``source`` (e.g. from a network folder to this
    computer); returns ``target``."""
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StorageError(
            msg("Mappen {parent} kunde inte skapas: {err}.", parent=Path(target).parent, err=os_reason(err))
        ) from None
    _backup.copy_database(Path(source), Path(target))
    return Path(target)


def save_output(target: Path, data: bytes, *, inputs: Iterable[Path | None] = ()) -> Path:
    """Save ``data`` (a draft PDF, a chart) as the file the user chose, through the output guard:
    never over an evaluation file or one of ``inputs`` (also not through a link), a read-only
    file or folder, or into a network folder; an ordinary earlier file is replaced (the save
    dialog asked).  Written under a private temporary name and renamed when complete."""
    _outputs.write_output(Path(target), data, inputs=inputs, replace=_outputs.Replace.ORDINARY)
    return Path(target)


@contextmanager
def private_folder(kind: str) -> Iterator[Path]:
    """A temporary folder only this user can read (e.g. for a draft report before it is printed),
    removed afterwards; one left by a killed process is removed the next time one is made."""
    with _outputs.private_folder(kind) as folder:
        yield folder


def warm_up() -> None:
    """Import what the first write needs ahead of time (call from a background thread)."""
    _warm_up()
