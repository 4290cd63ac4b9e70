"""Helpers shared by the core tests (imported by name: ``from support import digest``).

They live here, not in a conftest.py, because tests/core and tests/gui both have a conftest
module: importing from "conftest" picks whichever was loaded first in a run of both."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path


def child_timeout(seconds: float) -> float:
    """How long a test waits for a child process it started: longer under mutation testing
    (benchmarks/mutation.py sets KOMPASS_TEST_SLOWDOWN), where every call goes through mutmut's
    trampolines on a loaded machine."""
    return seconds * float(os.environ.get("KOMPASS_TEST_SLOWDOWN", "1"))


def digest(path: Path) -> str:
    """The file's content, as a SHA-256 digest (to show that nothing was written)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def user_version(path: Path) -> int:
    """The schema version a .kompass file says it has (``PRAGMA user_version``)."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def as_real_evaluation(path: Path, code: str = "1060") -> Path:
    """Turn a copy of the demo into the evaluation of a real municipality from the register (its
    content unchanged): it counts in a national average, and ``demo --force`` treats it as real."""
    from kompass_desktop.services import EvaluationSession

    with EvaluationSession.open(path) as s:
        s.update_info(municipality_code=code, unlisted=False)
        with s.file.write():
            s.file.set_meta("demo", "0")
    return path


def run_sql(path: Path, *statements: str) -> None:
    """Change a file behind the app's back, as another program would: the statements in one
    committed transaction."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
