"""The evaluation file (``.kompass``): SQLite as an application file format.

The only package that writes SQL.  See :mod:`.db` for opening and the write protocol.
"""

from .db import EvaluationFile, create_evaluation_file, open_evaluation_file
from .errors import FileLocked, StorageError

__all__ = ["EvaluationFile", "FileLocked", "StorageError", "create_evaluation_file", "open_evaluation_file"]
