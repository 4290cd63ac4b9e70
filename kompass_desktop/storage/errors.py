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
