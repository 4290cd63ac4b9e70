"""Files in the states a crash or a full disk leaves behind, made by real SQLite in a child process.

* :func:`interrupted_checkpoint` - edits are committed to the write-ahead log, then closing runs
  out of room (``RLIMIT_FSIZE``) while copying the log back: the file's header claims more
  pages than the file holds, the log beside it has every edit.
* :func:`hot_journal` - a transaction in rollback-journal mode is cut off by ``os._exit`` after
  SQLite spilled changed pages (the first page among them) into the file: the journal, which
  holds their originals, must be rolled back.

Both return what the child saw, so tests can check that nothing acknowledged is lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

CHILD_PRELUDE = """
import json, os, resource, sys
sys.dont_write_bytecode = True  # under RLIMIT_FSIZE Python would leave truncated .pyc files
from kompass_desktop.services import EvaluationSession
"""


def run_child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON line as its last output."""
    proc = subprocess.run(
        [sys.executable, "-c", CHILD_PRELUDE + textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise AssertionError(f"child failed ({proc.returncode}): {proc.stderr[-2000:]}")
    result: dict = json.loads(lines[-1])
    result["stderr"] = proc.stderr
    return result


def interrupted_checkpoint(path: Path, notes: int = 150) -> dict:
    """Add ``notes`` notes (acknowledged), then close with the disk 'full' for growing the file."""
    return run_child(
        """
        path = sys.argv[1]
        s = EvaluationSession.open(path)
        s.file.conn.execute("PRAGMA wal_autocheckpoint = 0")  # everything stays in the log
        acked = []
        for i in range(int(sys.argv[2])):
            acked.append(s.notes.add(f"kvittens {i} " + "x" * 900, "1.1").id)
        s.scores.set("1.1", 11)
        size = os.path.getsize(path)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))
        error = ""
        try:
            s.close()
        except Exception as err:
            error = f"{type(err).__name__}: {err}"
        print(json.dumps({"acked": acked, "score": "11", "close_error": error}))
        """,
        str(path),
        str(notes),
    )


def hot_journal(path: Path) -> dict:
    """Cut off a large transaction in rollback-journal mode; nothing of it was acknowledged."""
    return run_child(
        """
        import sqlite3
        path = sys.argv[1]
        with EvaluationSession.open(path, readonly=True) as s:
            before = {"notes": len(s.notes.all()), "score": str(s.scores.all().get("1.1"))}
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA cache_size = 2")  # changed pages spill into the file before commit
        conn.execute("BEGIN")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA user_version = {version}")  # the first page joins the transaction
        conn.execute("UPDATE independent_scores SET points = '0'")
        for i in range(200):
            conn.execute(
                "INSERT INTO history (tbl, record_id, rev, data, author, at) VALUES "
                "('x', 'y', 'z', json_object('n', ?, 'pad', hex(randomblob(400))), 'a', 'b')",
                (i,),
            )
        print(json.dumps(before), flush=True)
        os._exit(0)
        """,
        str(path),
    )


def crashed_with_log(path: Path, notes: int = 20) -> dict:
    """Edits committed to the write-ahead log, then the process dies (no close, no checkpoint)."""
    return run_child(
        """
        s = EvaluationSession.open(sys.argv[1])
        acked = [s.notes.add(f"före kraschen {i}", "1.1").id for i in range(int(sys.argv[2]))]
        print(json.dumps({"acked": acked}), flush=True)
        os._exit(0)
        """,
        str(path),
        str(notes),
    )
