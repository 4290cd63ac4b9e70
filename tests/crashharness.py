"""Crash harness: a child process edits an evaluation through the real services and is killed
with SIGKILL at a random moment; the parent then checks what is on disk.

The child announces every operation before it starts (``TRY``) and after the services
returned (``ACK``, i.e. committed).  Keystrokes are announced one by one (``KEY``), and the
text is committed the way the GUI does it: at most 0.6 s after the last commit while typing,
and at the end of every burst.  Modes (what the child does besides editing):

* ``edit`` - plain editing with SQLite's default checkpointing;
* ``checkpoint`` - ``wal_autocheckpoint`` of 1-4 pages, so nearly every commit copies the log
  back into the file and random kills land inside checkpoints;
* ``close`` - the log is never copied back automatically; the child closes and reopens the file
  every few edits, and the parent kills it right after it announced a close (inside the final
  checkpoint or the switch back to rollback-journal mode);
* ``diskfull`` - at a random moment the child's files may no longer grow (``RLIMIT_FSIZE``, the
  way a full disk behaves for one process, without privileges): edits fail with an error and
  closing cannot copy the log back.  Failed edits are announced (``FAIL``), never acknowledged.

After the kill the parent checks, with the product itself:

* the state left behind is one SQLite recovers from (counted: interrupted checkpoints, hot
  journals), and ``kompass validate`` says OK;
* every acknowledged edit is present (a later, unacknowledged one may be too);
* how much typing was lost: the keystrokes missing in the file (the debounce contract bounds
  them: at most what can be typed in one ``COMMIT_EVERY`` window, whatever the machine's load),
  and the time from the first of them to the kill (a wall-clock figure: benchmarks/crash.py).

Used by tests/core/test_crash.py (a handful of kills) and benchmarks/crash.py (hundreds).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUB = "2.2"
ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö ,."
COMMIT_EVERY = 0.6  # seconds, like the GUI's autosave while typing
KEY_GAP = (0.02, 0.09)  # seconds between two keystrokes (at least, at most)
#: Keystrokes that can be lost at most: those typed since the last commit began, i.e. within one
#: COMMIT_EVERY window (a sleep lasts at least KEY_GAP[0], so a loaded machine fits fewer) plus
#: the one after which the child checks the time.
MAX_LOST_KEYS = round(COMMIT_EVERY / KEY_GAP[0]) + 1
MODES = ("edit", "checkpoint", "close", "diskfull")


def child(path: str, seed: int, mode: str) -> None:
    sys.path.insert(0, str(ROOT))
    from kompass_desktop.domain.errors import KompassError
    from kompass_desktop.domain.model import TextScope
    from kompass_desktop.services import EvaluationSession, files

    files.warm_up()  # as the app does in the background right after it starts
    rng = random.Random(seed)
    out = sys.stdout

    def say(*parts: object) -> None:
        out.write(" ".join(str(p) for p in parts) + "\n")
        out.flush()

    def open_session() -> EvaluationSession:
        s = EvaluationSession.open(path, author="crash-child")
        if mode == "checkpoint":
            s.file.conn.execute(f"PRAGMA wal_autocheckpoint = {rng.randint(1, 4)}")
        elif mode == "close":
            s.file.conn.execute("PRAGMA wal_autocheckpoint = 0")
        return s

    session = open_session()
    subs = [s.number for s in session.framework.subareas()]
    text = session.scores.text(TextScope.SUBAREA, TEXT_SUB)
    say("READY", len(text), time.monotonic())
    notes: list[str] = [n.id for n in session.notes.all()]
    deleted: list[str] = []
    full_at = time.monotonic() + rng.uniform(0.0, 0.3) if mode == "diskfull" else None

    def attempt(what: str, fn, *args):  # type: ignore[no-untyped-def]
        try:
            return fn(*args)
        except KompassError as err:
            if mode != "diskfull":
                raise
            say("FAIL", what, json.dumps(str(err)))
            return None

    while True:
        if full_at is not None and time.monotonic() >= full_at:
            import resource

            wal = path + "-wal"
            # The log grows with every commit: a few more commits and it hits the limit; the
            # file itself may be larger still (then even copying the log back fails).
            limit = (os.path.getsize(wal) if os.path.exists(wal) else 0) + rng.randint(0, 8 * 1024)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
            say("FULL", limit)
            full_at = None
        ops = ["type"] * (2 if mode == "close" else 5) + [
            "note",
            "note",
            "score",
            "finding",
            "delete",
            "restore",
        ]
        if mode in ("close", "diskfull"):
            ops += ["close"] * 3
        op = rng.choice(ops)
        if op == "type":
            last_commit = time.monotonic()
            for _ in range(rng.randint(4, 20)):
                text += rng.choice(ALPHABET)
                say("KEY", len(text), time.monotonic())
                time.sleep(rng.uniform(*KEY_GAP))
                if time.monotonic() - last_commit >= COMMIT_EVERY:
                    say("TRY", "text", len(text))
                    if (
                        attempt("text", session.scores.set_text, TextScope.SUBAREA, TEXT_SUB, text)
                        is not None
                    ):
                        say("ACK", "text", len(text))
                    last_commit = time.monotonic()
            say("TRY", "text", len(text))
            if attempt("text", session.scores.set_text, TextScope.SUBAREA, TEXT_SUB, text) is not None:
                say("ACK", "text", len(text))
        elif op == "note":
            body = f"anteckning {rng.getrandbits(40):x} om ägarstyrning " + "ö" * rng.randint(0, 600)
            say("TRY", "note", json.dumps(body))
            note = attempt("note", session.notes.add, body, rng.choice(subs))
            if note is not None:
                notes.append(note.id)
                say("ACK", "note", note.id, json.dumps(body))
        elif op == "score":
            sub = rng.choice(subs)
            value = Decimal(rng.randint(0, int(session.framework.subarea(sub).max) * 2)) / 2
            say("TRY", "score", sub, value)
            if attempt("score", session.scores.set, sub, value) is not None:
                say("ACK", "score", sub, value)
        elif op == "finding":
            body = f"iakttagelse {rng.getrandbits(32):x}"
            say("TRY", "finding", json.dumps(body))
            finding = attempt("finding", session.findings.add, rng.randint(1, 8), "strength", body)
            if finding is not None:
                say("ACK", "finding", finding.id)
        elif op == "delete" and notes:
            nid = notes.pop(rng.randrange(len(notes)))
            say("TRY", "delete", nid)
            if attempt("delete", session.notes.delete, nid) is not None:
                deleted.append(nid)
                say("ACK", "delete", nid)
            else:
                notes.append(nid)
        elif op == "restore" and deleted:
            nid = deleted.pop(rng.randrange(len(deleted)))
            say("TRY", "restore", nid)
            if attempt("restore", session.notes.restore, nid) is not None:
                notes.append(nid)
                say("ACK", "restore", nid)
            else:
                deleted.append(nid)
        elif op == "close":
            say("TRY", "close")
            try:
                session.close()
                say("ACK", "close")
            except KompassError as err:  # CheckpointFailed: the edits are safe in the log
                say("CLOSEFAIL", json.dumps(str(err)))
            try:
                session = open_session()
            except KompassError as err:
                say("OPENFAIL", json.dumps(str(err)))
                out.close()
                os._exit(0)


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    acked: int = 0
    failed: int = 0  # edits refused with an error (full disk)
    lost_ms: float = 0.0  # wall clock from the first keystroke missing in the file to the kill
    lost_keys: int = 0  # keystrokes missing in the file
    typed: int = 0
    state: str = "clean"  # what the kill left: clean | wal | interrupted-checkpoint | hot-journal
    messages: list[str] = field(default_factory=list)  # errors the child reported


def left_state(path: Path) -> str:
    """What a kill left behind, read from the header and the files beside it."""
    from kompass_desktop.storage.fileformat import read_header

    header = read_header(path)
    if header.hot_journal:
        return "hot-journal"
    if header.wal:
        if header.page_count * header.page_size > path.stat().st_size:
            return "interrupted-checkpoint"
        return "wal"
    return "clean"


def _snapshot(path: Path) -> dict[str, str | None]:
    from kompass_desktop.services import EvaluationSession

    with EvaluationSession.open(path, readonly=True) as s:
        return {sub: (None if v is None else str(v)) for sub, v in s.scores.all().items()}


def run_once(
    path: Path,
    seed: int,
    kill_after: float,
    env: dict[str, str] | None = None,
    mode: str = "edit",
    after_first_edit: bool = False,
) -> Outcome:
    """Start a child on ``path``, kill it ``kill_after`` seconds after it is ready (in ``close``
    mode: shortly after its first close announced after that), verify.  ``after_first_edit``:
    the time runs from the child's first acknowledged (or, with a full disk, refused) edit, so
    that every kill finds work done even when the machine is too busy to let the child start."""
    before = _snapshot(path)  # a score tried but not acknowledged may keep its old value
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "child", str(path), str(seed), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    watchdog = threading.Timer(kill_after + 60, proc.kill)  # a child that hangs fails, never blocks
    watchdog.start()
    first = proc.stdout.readline().split()
    if not first or first[0] != "READY":
        proc.kill()
        _out, err = proc.communicate(timeout=30)
        watchdog.cancel()
        return Outcome([f"child did not start: {first} {err[-1500:]}"])
    start_len = int(first[1])
    lines: list[list[str]] = []
    if after_first_edit:
        for raw in proc.stdout:
            lines.append(raw.rstrip("\n").split(" ", 3))
            if raw.startswith(("ACK", "FAIL")):
                break
    if mode == "close":
        deadline = time.monotonic() + kill_after
        rng = random.Random(seed)
        for raw in proc.stdout:
            lines.append(raw.rstrip("\n").split(" ", 3))
            if raw.startswith("TRY close") and time.monotonic() >= deadline:
                time.sleep(rng.uniform(0.0, 0.004) if rng.random() < 0.5 else rng.uniform(0.0, 0.03))
                break
    else:
        time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    kill_time = time.monotonic()
    rest, err = proc.communicate(timeout=30)
    watchdog.cancel()
    lines.extend(line.split(" ", 3) for line in rest.splitlines() if line)
    if "Traceback" in err:
        return Outcome([f"child crashed: {err[-1500:]}"])
    outcome = Outcome(state=left_state(path))
    outcome.failed = sum(1 for p in lines if p[0] == "FAIL")
    for parts in lines:
        if parts[0] in ("FAIL", "CLOSEFAIL", "OPENFAIL"):  # FAIL what "message" / CLOSEFAIL "message"
            raw = " ".join(parts[1:])
            outcome.messages.append(json.loads(raw.split(" ", 1)[1] if parts[0] == "FAIL" else raw))
    verify(path, lines, start_len, kill_time, before, outcome)
    return outcome


def validate_ok(path: Path) -> str | None:
    """``kompass validate PATH`` run in this process; None when it says OK, else its output."""
    from kompass_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", str(path)])
    return None if code == 0 and out.getvalue().strip().endswith("OK") else out.getvalue() + err.getvalue()


def verify(
    path: Path,
    lines: list[list[str]],
    start_len: int,
    kill_time: float,
    scores_before: dict[str, str | None] | None = None,
    outcome: Outcome | None = None,
) -> Outcome:
    from kompass_desktop.services import EvaluationSession

    outcome = outcome or Outcome()
    problem = validate_ok(path)
    if problem is not None:
        outcome.problems.append(f"integrity: kompass validate: {problem.strip()}")
        return outcome
    with EvaluationSession.open(path, readonly=True) as session:
        q = session.file.query
        text_row = q("SELECT body FROM texts WHERE scope = 'subarea' AND ref = ?", (TEXT_SUB,))
        stored_text = text_row[0][0] if text_row else ""
        notes = {r[0]: r[1] for r in q("SELECT id, deleted FROM notes")}
        scores = {r[0]: r[1] for r in q("SELECT subarea, points FROM independent_scores")}
        findings = {r[0] for r in q("SELECT id FROM findings WHERE deleted = 0")}
    keys: dict[int, float] = {}
    tried_scores: dict[str, list[str]] = {}
    acked_scores: set[str] = set()
    acked_text = start_len
    tried_text: set[int] = {start_len}
    expected_notes: dict[str, int] = {}  # note id -> expected deleted flag (by the last ack)
    pending: dict[str, int] = {}
    for parts in lines:
        kind = parts[0]
        if kind == "KEY":
            keys[int(parts[1])] = float(parts[2])
        elif kind == "TRY":
            what = parts[1]
            if what == "text":
                tried_text.add(int(parts[2]))
            elif what == "score":
                sub, value = parts[2], parts[3]
                old = (scores_before or {}).get(sub)
                tried_scores.setdefault(sub, [] if old is None else [old]).append(value)
            elif what in ("delete", "restore"):
                pending[parts[2]] = 1 if what == "delete" else 0
        elif kind == "ACK":
            outcome.acked += 1
            what = parts[1]
            if what == "text":
                acked_text = int(parts[2])
            elif what == "note":
                expected_notes[parts[2].split(" ")[0]] = 0
            elif what == "score":
                sub, value = parts[2], parts[3]
                tried_scores[sub] = [value]  # from now on only this value or later tries are allowed
                acked_scores.add(sub)
            elif what == "finding":
                if parts[2] not in findings:
                    outcome.problems.append(f"acknowledged finding {parts[2]} is missing")
            elif what in ("delete", "restore"):
                expected_notes[parts[2]] = 1 if what == "delete" else 0
                pending.pop(parts[2], None)
    stored_len = len(stored_text)
    if stored_len < acked_text:
        outcome.problems.append(f"text shorter than acknowledged: {stored_len} < {acked_text}")
    elif stored_len not in tried_text:
        outcome.problems.append(f"text of length {stored_len} was never written")
    for nid, flag in expected_notes.items():
        if nid not in notes:
            outcome.problems.append(f"acknowledged note {nid} is missing")
        elif notes[nid] != flag and pending.get(nid) != notes[nid]:
            outcome.problems.append(f"note {nid}: deleted={notes[nid]}, acknowledged {flag}")
    for sub, allowed in tried_scores.items():
        stored = scores.get(sub)
        if stored is not None and Decimal(stored) not in {Decimal(v) for v in allowed}:
            outcome.problems.append(f"score {sub} = {stored}, expected one of {allowed}")
        if stored is None and sub in acked_scores:
            outcome.problems.append(f"acknowledged score {sub} is missing")
    typed = max(keys) if keys else start_len
    outcome.typed = typed - start_len
    outcome.lost_keys = max(0, typed - stored_len)
    outcome.problems.extend(debounce_problems(lines))
    if stored_len < typed:
        first_lost = keys.get(stored_len + 1)
        if first_lost is not None:
            outcome.lost_ms = max(0.0, (kill_time - first_lost) * 1000)
    return outcome


def debounce_problems(lines: list[list[str]]) -> list[str]:
    """The child's promise, checked from its own announcements whatever the machine's load: a
    keystroke typed ``COMMIT_EVERY`` or more after the last commit is followed by a commit.

    The time since the last commit is measured from the first keystroke after it (it cannot be
    earlier than the commit's end), so a child that was made to wait is never blamed."""
    problems = []
    since: float | None = None
    for parts, following in zip(lines, [*lines[1:], None], strict=True):
        if parts[0] != "KEY":
            since = None
            continue
        stamp = float(parts[2])
        if since is None:
            since = stamp
        elif stamp - since >= COMMIT_EVERY and following is not None and following[:2] != ["TRY", "text"]:
            problems.append(f"typing not committed: key {parts[1]} came {stamp - since:.2f} s after a commit")
            since = stamp
    return problems


def prepare(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from kompass_desktop import resources
    from kompass_desktop.services import EvaluationSession, NewEvaluation

    EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Kraschby", 2025)).close()


if __name__ == "__main__":
    if sys.argv[1] == "child":
        sys.dont_write_bytecode = True  # under RLIMIT_FSIZE Python would leave truncated .pyc files
        os.environ.setdefault("KOMPASS_AUTHOR", "crash-child")
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else "edit")
