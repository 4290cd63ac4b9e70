"""Crash harness: a child process edits an evaluation through the real services and is killed
with SIGKILL at a random moment; the parent then checks what is on disk.

The child announces every operation before it starts (``TRY``) and after the services
returned (``ACK``, i.e. committed).  Keystrokes are announced one by one (``KEY``), and the
text is committed the way the GUI does it: at most 0.6 s after the last commit while typing,
and at the end of every burst.  After the kill the parent checks:

* ``PRAGMA integrity_check`` is ok and the file opens normally;
* every acknowledged edit is present (a later, unacknowledged one may be too);
* how much typing was lost: from the first keystroke missing in the file to the kill.

Used by tests/core/test_crash.py (a few dozen kills) and benchmarks/crash.py (hundreds).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUB = "2.2"
ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö ,."
COMMIT_EVERY = 0.6  # seconds, like the GUI's autosave while typing


def child(path: str, seed: int) -> None:
    sys.path.insert(0, str(ROOT))
    from kompass_desktop.domain.model import TextScope
    from kompass_desktop.services import EvaluationSession

    rng = random.Random(seed)
    session = EvaluationSession.open(path, author="crash-child")
    subs = [s.number for s in session.framework.subareas()]
    text = session.text(TextScope.SUBAREA, TEXT_SUB)
    out = sys.stdout

    def say(*parts: object) -> None:
        out.write(" ".join(str(p) for p in parts) + "\n")
        out.flush()

    say("READY", len(text), time.monotonic())
    notes: list[str] = [n.id for n in session.notes()]
    deleted: list[str] = []
    while True:
        op = rng.choice(["type"] * 5 + ["note", "note", "score", "finding", "delete", "restore"])
        if op == "type":
            last_commit = time.monotonic()
            for _ in range(rng.randint(4, 20)):
                char = rng.choice(ALPHABET)
                text += char
                say("KEY", len(text), time.monotonic())
                time.sleep(rng.uniform(0.02, 0.09))
                if time.monotonic() - last_commit >= COMMIT_EVERY:
                    say("TRY", "text", len(text))
                    session.set_text(TextScope.SUBAREA, TEXT_SUB, text)
                    say("ACK", "text", len(text))
                    last_commit = time.monotonic()
            say("TRY", "text", len(text))
            session.set_text(TextScope.SUBAREA, TEXT_SUB, text)
            say("ACK", "text", len(text))
        elif op == "note":
            body = f"anteckning {rng.getrandbits(40):x} om ägarstyrning"
            say("TRY", "note", json.dumps(body))
            note = session.add_note(body, rng.choice(subs))
            notes.append(note.id)
            say("ACK", "note", note.id, json.dumps(body))
        elif op == "score":
            sub = rng.choice(subs)
            value = Decimal(rng.randint(0, int(session.framework.subarea(sub).max) * 2)) / 2
            say("TRY", "score", sub, value)
            session.set_score(sub, value)
            say("ACK", "score", sub, value)
        elif op == "finding":
            body = f"iakttagelse {rng.getrandbits(32):x}"
            say("TRY", "finding", json.dumps(body))
            finding = session.add_finding(rng.randint(1, 8), "strength", body)
            say("ACK", "finding", finding.id)
        elif op == "delete" and notes:
            nid = notes.pop(rng.randrange(len(notes)))
            say("TRY", "delete", nid)
            session.delete_note(nid)
            deleted.append(nid)
            say("ACK", "delete", nid)
        elif op == "restore" and deleted:
            nid = deleted.pop(rng.randrange(len(deleted)))
            say("TRY", "restore", nid)
            session.restore_note(nid)
            notes.append(nid)
            say("ACK", "restore", nid)


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    acked: int = 0
    lost_ms: float = 0.0
    typed: int = 0


def run_once(path: Path, seed: int, kill_after: float, env: dict[str, str] | None = None) -> Outcome:
    """Start a child on ``path``, kill it ``kill_after`` seconds after it is ready, verify."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:  # the state before this run: a score tried but not acknowledged may keep its old value
        before = {r[0]: r[1] for r in conn.execute("SELECT subarea, points FROM scores")}
    finally:
        conn.close()
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "child", str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().split()
    if not first or first[0] != "READY":
        proc.kill()
        return Outcome([f"child did not start: {first} {proc.stderr.read() if proc.stderr else ''}"])
    start_len = int(first[1])
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    kill_time = time.monotonic()
    rest, _err = proc.communicate(timeout=30)
    lines = [line.split(" ", 3) for line in rest.splitlines() if line]
    return verify(path, lines, start_len, kill_time, before)


def verify(
    path: Path,
    lines: list[list[str]],
    start_len: int,
    kill_time: float,
    scores_before: dict[str, str | None] | None = None,
) -> Outcome:
    outcome = Outcome()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            outcome.problems.append(f"integrity_check: {check}")
            return outcome
        text_row = conn.execute(
            "SELECT body FROM texts WHERE scope = 'subarea' AND ref = ?", (TEXT_SUB,)
        ).fetchone()
        stored_text = text_row[0] if text_row else ""
        notes = {r[0]: r[1] for r in conn.execute("SELECT id, deleted FROM notes")}
        scores = {r[0]: r[1] for r in conn.execute("SELECT subarea, points FROM scores")}
        findings = {r[0] for r in conn.execute("SELECT id FROM findings WHERE deleted = 0")}
    finally:
        conn.close()
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
    if stored_len < typed:
        first_lost = keys.get(stored_len + 1)
        if first_lost is not None:
            outcome.lost_ms = max(0.0, (kill_time - first_lost) * 1000)
    return outcome


def prepare(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from kompass_desktop import resources
    from kompass_desktop.services import EvaluationSession, NewEvaluation

    EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Kraschby", 2025)).close()


if __name__ == "__main__":
    if sys.argv[1] == "child":
        os.environ.setdefault("KOMPASS_AUTHOR", "crash-child")
        child(sys.argv[2], int(sys.argv[3]))
