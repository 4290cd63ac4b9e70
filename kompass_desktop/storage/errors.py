"""Errors about the evaluation file itself.  Messages name the file and the problem."""

from __future__ import annotations

from ..domain.errors import KompassError
from ..domain.messages import msg


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


class NameTooLong(StorageError):
    """A file or folder name longer than the file system allows: no such file can exist."""


def os_reason(err: OSError) -> str:
    """Why a file operation failed, in Swedish, for a one-line message (never Python's English)."""
    import errno

    if err.errno == errno.ENAMETOOLONG:
        return msg("namnet är för långt för filsystemet")
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return msg("disken är full")
    if err.errno == errno.EFBIG:  # a file system's largest file (FAT32: 4 GB), or a quota
        return msg("filen blir för stor för filsystemet")
    if isinstance(err, FileNotFoundError):
        return msg("filen eller mappen finns inte")
    if isinstance(err, IsADirectoryError):
        return msg("det är en mapp, inte en fil")
    if isinstance(err, PermissionError):
        return msg("mappen eller filen är skrivskyddad, eller filen är öppen i ett annat program")
    if err.errno == errno.EROFS:
        return msg("filsystemet är skrivskyddat")
    if err.errno == errno.EIO:  # a failing disk, or a USB stick or share that went away
        return msg("läsfel eller skrivfel på enheten (den kan vara skadad eller urkopplad)")
    if isinstance(err, NotADirectoryError):
        return msg("en del av sökvägen är en fil, inte en mapp")
    if err.errno == errno.ELOOP:
        return msg("sökvägen har för många symboliska länkar (kanske en länk till sig själv)")
    return err.strerror or str(err)
