"""Killing the app at random moments never corrupts the file or loses acknowledged edits: while
editing, inside checkpoints (the write-ahead log copied back into the file), while closing, and
when the disk fills up.  A handful of kills per kind; benchmarks/crash.py runs hundreds.

Nothing here depends on how busy the machine is: every kill comes after the child's first
acknowledged edit, and lost typing is counted in keystrokes against the debounce contract (the
wall-clock figure, at most about a second of typing, is measured by benchmarks/crash.py)."""

from __future__ import annotations

import os
import random
import sys

import pytest
from crashharness import MAX_LOST_KEYS, prepare, run_once

from kompass_desktop.services import EvaluationSession

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and RLIMIT_FSIZE")

KILLS = {"edit": 6, "checkpoint": 5, "close": 5, "diskfull": 5}


@pytest.mark.parametrize("mode", list(KILLS))
def test_random_sigkills_lose_nothing_acknowledged(tmp_path, mode):
    path = tmp_path / "krasch.kompass"
    prepare(path)
    rng = random.Random(20261123)
    env = dict(os.environ)
    lost = []
    acked = failed = 0
    for i in range(KILLS[mode]):
        wait = {
            "close": rng.uniform(0.05, 0.4),
            "diskfull": rng.uniform(0.6, 1.2),
        }.get(  # close: then at a close
            mode, rng.uniform(0.15, 1.2)
        )
        outcome = run_once(path, seed=i, kill_after=wait, env=env, mode=mode, after_first_edit=True)
        assert outcome.problems == [], f"{mode} kill {i} ({outcome.state}): {outcome.problems}"
        acked += outcome.acked
        failed += outcome.failed
        lost.append(outcome.lost_keys)
        for message in outcome.messages:  # errors the child saw: one clear line each
            assert "\n" not in message and "oväntat" not in message, message
    assert acked + failed >= KILLS[mode]  # the child really worked before every kill
    if mode == "diskfull":
        assert failed > 0  # the disk really filled up
    if mode == "edit":  # at most the typing since the last commit began (other modes slow commits)
        assert max(lost) <= MAX_LOST_KEYS, lost
    with EvaluationSession.open(path) as session:  # still a normal, valid evaluation
        assert session.validate() == []
