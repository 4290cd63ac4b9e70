"""Restoring a backup over (or beside) an evaluation file.

Its own module so that the import graph stays a tree: ``db`` uses ``backup`` (a file being
overwritten is backed up first) and this module uses both.
"""

from __future__ import annotations

from pathlib import Path

from .backup import replace_file
from .fileformat import read_header
from .opening import open_evaluation_file
from .outputs import Replace, check_output


def restore_backup(backup: Path, target: Path) -> Path | None:
    """Write ``backup`` to ``target``.  An existing target is backed up first; returns that copy."""
    backup, target = Path(backup), Path(target)
    check_output(target, inputs=[backup], replace=Replace.EVALUATION)  # the output guard
    read_header(backup)  # refuses foreign, newer and truncated files with a clear message
    open_evaluation_file(backup, readonly=True).close()  # integrity check
    return replace_file(backup, target)
