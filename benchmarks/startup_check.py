"""What the pre-Qt platform check (kompass_desktop/platform_libs.py) costs at start-up.

    python benchmarks/startup_check.py [--runs 15] [--extra-libs DIR]

Figures, medians of fresh processes (nothing passes or fails):

* the check alone, timed inside the process, for the platforms Qt would pick;
* process start → QApplication created (offscreen), with and without the check;
* process start → PySide6.QtWidgets imported and the xcb plugin loaded (what Qt does when it
  starts on X11), with and without the check; needs the xcb libraries (``--extra-libs DIR``
  adds a folder holding them to LD_LIBRARY_PATH, e.g. unpacked .deb files).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHECK_ALONE = """
import time
t = time.perf_counter()
from kompass_desktop.platform_libs import diagnose
found = diagnose()
print(f"{(time.perf_counter() - t) * 1000:.2f} {bool(found)}")
"""

CHECK = "from kompass_desktop.platform_libs import diagnose\nassert not diagnose()\n"

TO_QAPPLICATION = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
"""

TO_XCB_PLUGIN = """
import ctypes
from pathlib import Path
import PySide6.QtWidgets
plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
ctypes.CDLL(str(plugin))
"""


def wall(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def compare(label: str, body: str, env: dict[str, str], runs: int) -> None:
    wall(CHECK + body, env)  # warm the file cache
    with_check, without = [], []
    for _ in range(runs):
        with_check.append(wall(CHECK + body, env))
        without.append(wall(body, env))
    a, b = statistics.median(with_check) * 1000, statistics.median(without) * 1000
    print(f"{label:<48} {a:7.0f} ms with the check, {b:7.0f} ms without ({a - b:+.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--extra-libs", help="a folder added to LD_LIBRARY_PATH (xcb libraries)")
    args = parser.parse_args()
    base = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    if args.extra_libs:
        base["LD_LIBRARY_PATH"] = os.pathsep.join(
            filter(None, [args.extra_libs, base.get("LD_LIBRARY_PATH")])
        )
    offscreen = dict(base, QT_QPA_PLATFORM="offscreen")
    x11 = dict(base, DISPLAY=base.get("DISPLAY") or ":99")
    for label, env in (("offscreen (forced)", offscreen), ("xcb (X11 session)", x11)):
        runs = [
            subprocess.run(
                [sys.executable, "-c", CHECK_ALONE],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            for _ in range(args.runs)
        ]
        ms = statistics.median(float(r[0]) for r in runs)
        print(f"check alone, {label:<35} {ms:7.2f} ms in process (problem found: {runs[0][1]})")
    compare("start → QApplication (offscreen)", TO_QAPPLICATION, offscreen, args.runs)
    if subprocess.run([sys.executable, "-c", CHECK], env=x11, cwd=ROOT, capture_output=True).returncode:
        print("start → xcb plugin loaded: skipped (the xcb libraries are missing: see --extra-libs)")
    else:
        compare("start → QtWidgets + xcb plugin loaded", TO_XCB_PLUGIN, x11, args.runs)


if __name__ == "__main__":
    main()
