"""Killing the app at random moments never corrupts the file or loses acknowledged edits."""

from __future__ import annotations

import os
import random
import sys

import pytest
from crashharness import prepare, run_once

from kompass_desktop.services import EvaluationSession

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

KILLS = 24


def test_random_sigkills_lose_nothing_acknowledged(tmp_path):
    path = tmp_path / "krasch.kompass"
    prepare(path)
    rng = random.Random(20261123)
    env = dict(os.environ)
    lost = []
    acked = 0
    for i in range(KILLS):
        outcome = run_once(path, seed=i, kill_after=rng.uniform(0.15, 1.2), env=env)
        assert outcome.problems == [], f"kill {i}: {outcome.problems}"
        acked += outcome.acked
        lost.append(outcome.lost_ms)
    assert acked > KILLS  # the child really worked between kills
    assert max(lost) <= 1000, lost  # at most the last second of typing
    with EvaluationSession.open(path) as session:  # still a normal, valid evaluation
        assert session.validate() == []
        assert len(session.notes()) > 5
