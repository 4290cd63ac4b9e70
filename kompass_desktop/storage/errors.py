"""Errors about the evaluation file itself.  Messages name the file and the problem."""

from __future__ import annotations

from ..domain.errors import KompassError


class StorageError(KompassError):
    """The file cannot be opened or written; nothing was changed."""


class NotAnEvaluationFile(StorageError):
    pass


class NewerFileVersion(StorageError):
    pass


class CorruptFile(StorageError):
    pass


class FileLocked(StorageError):
    pass


class ReadOnlyFile(StorageError):
    pass


class DiskFull(StorageError):
    pass


class NetworkLocation(StorageError):
    """The file is in a network folder, where SQLite cannot write safely."""


class ForeignSchema(CorruptFile):
    """The file's tables are not the ones this app creates (changed by another program)."""


class CheckpointFailed(StorageError):
    """Closing could not copy the write-ahead log back into the file.  Nothing is lost: the
    edits are in ``NAME-wal`` beside the file and are recovered at the next open."""
