"""Crash harness at scale: kill a working child process hundreds of times, print what survived.

    python benchmarks/crash.py [--kills 200] [--modes edit,checkpoint,close,diskfull]

Every mode gets ``--kills`` kills (see tests/crashharness.py for what each mode does: plain
editing, tiny ``wal_autocheckpoint`` so kills land inside checkpoints, kills right after a close
began, a full disk during edits and closes).  After every kill ``kompass validate`` must say OK
and every acknowledged edit must be in the file.

Goals: 0 corrupt files, 0 lost acknowledged edits, lost typing ≤ 1 s (not for ``diskfull``,
where edits fail on purpose), and the dangerous states really reached (interrupted checkpoints,
hot journals).
"""

from __future__ import annotations

import argparse
import collections
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from crashharness import MODES, prepare, run_once


def run(kills: int, mode: str = "edit", seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "krasch.kompass"
        prepare(path)
        corrupt = missing = acked = failed = 0
        lost: list[float] = []
        states: collections.Counter[str] = collections.Counter()
        messages: collections.Counter[str] = collections.Counter()
        start = time.perf_counter()
        for i in range(kills):
            outcome = run_once(path, seed=seed * 1000 + i, kill_after=rng.uniform(0.1, 1.5), mode=mode)
            if any(p.startswith(("integrity", "child")) for p in outcome.problems):
                corrupt += 1
            missing += sum(1 for p in outcome.problems if not p.startswith(("integrity", "child", "typing")))
            for problem in outcome.problems:
                print(f"{mode} kill {i}: {problem}", file=sys.stderr)
            states[outcome.state] += 1
            for message in outcome.messages:
                messages[message.split(":", 1)[-1].split("(")[0].strip()[:70]] += 1
            lost.append(outcome.lost_ms)
            acked += outcome.acked
            failed += outcome.failed
        elapsed = time.perf_counter() - start
    return {
        "mode": mode,
        "kills": kills,
        "corrupt": corrupt,
        "missing": missing,
        "acked": acked,
        "failed": failed,
        "states": dict(states),
        "messages": dict(messages),
        "lost_max": max(lost),
        "lost_median": statistics.median(lost),
        "lost_p95": sorted(lost)[int(len(lost) * 0.95)],
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=200, help="kills per mode")
    parser.add_argument("--modes", default=",".join(MODES))
    args = parser.parse_args()
    for mode in args.modes.split(","):
        r = run(args.kills, mode)
        print(f"\n[{mode}] {r['kills']} SIGKILLs in {r['seconds']:.0f} s, {r['acked']} acknowledged edits")
        print(f"corrupt files:                {r['corrupt']}  (goal 0)")
        print(f"acknowledged edits missing:   {r['missing']}  (goal 0)")
        print(f"states left by the kills:     {r['states']}")
        if mode == "diskfull":
            print(f"edits refused (disk full):    {r['failed']}; messages seen: {r['messages']}")
        else:
            print(
                f"typing lost per kill:         median {r['lost_median']:.0f} ms, "
                f"p95 {r['lost_p95']:.0f} ms, max {r['lost_max']:.0f} ms  (goal ≤ 1000 ms)"
            )


if __name__ == "__main__":
    main()
