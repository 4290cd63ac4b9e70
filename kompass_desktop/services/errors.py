"""The errors a caller of the services may want to tell apart (re-exported from storage).

Every one is a :class:`~kompass_desktop.domain.errors.KompassError` whose message names the
file and the problem; the GUI and the command line need not import ``storage`` to catch them.
"""

from __future__ import annotations

from ..domain.errors import KompassError, NotFound
from ..storage.errors import (
    CheckpointFailed,
    CorruptFile,
    DiskFull,
    FileLocked,
    NameTooLong,
    NetworkLocation,
    NewerFileVersion,
    NotAnEvaluationFile,
    ReadOnlyFile,
    StorageError,
)

__all__ = [
    "CheckpointFailed",
    "CorruptFile",
    "DiskFull",
    "FileLocked",
    "KompassError",
    "NameTooLong",
    "NetworkLocation",
    "NewerFileVersion",
    "NotAnEvaluationFile",
    "NotFound",
    "ReadOnlyFile",
    "StorageError",
]
