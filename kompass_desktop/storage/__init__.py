"""The evaluation file (``.kompass``): SQLite as an application file format.

The only package that writes SQL.  See :mod:`.db` for opening and the write protocol.
"""

from .db import EvaluationFile
from .errors import FileLocked, StorageError
from .opening import create_evaluation_file, open_evaluation_file

__all__ = ["EvaluationFile", "FileLocked", "StorageError", "create_evaluation_file", "open_evaluation_file"]
