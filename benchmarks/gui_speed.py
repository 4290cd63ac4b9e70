"""GUI figures: cold start to a painted window (vs a bare PySide6 window), edit → repaint, note commit.

    python benchmarks/gui_speed.py [--runs 5]

Uses the real display if there is one, else Qt's offscreen platform.  Prints figures with the
goals from the issues; nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True); sys.exit(0)
        return False
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("Kompass")); w.resize(1366, 768)
f = Painted(); w.centralWidget().installEventFilter(f)
w.show(); app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True); sys.exit(0)
        return False
app = QApplication(sys.argv[:1])
from kompass_desktop.gui.i18n import install_translators
keep = install_translators(app, "sv")
from kompass_desktop.gui.mainwindow import MainWindow
w = MainWindow(); w.resize(1366, 768); w.show()
w.open_demo()
page = w.workspace.stack.currentWidget()
f = Painted(); page.installEventFilter(f)
app.exec()
"""


def spawn(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, env=env, text=True, cwd=ROOT
    )
    line = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if "painted" not in line:
        raise RuntimeError("the window was never painted")
    return elapsed


def cold_start(runs: int, env: dict[str, str]) -> tuple[float, float]:
    spawn(APP, env)  # builds the cached demo once, warms the OS file cache
    spawn(BARE, env)
    app = statistics.median(spawn(APP, env) for _ in range(runs))
    bare = statistics.median(spawn(BARE, env) for _ in range(runs))
    return app, bare


def in_process(env: dict[str, str]) -> dict[str, float]:
    os.environ.update(env)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from kompass_desktop.gui.mainwindow import MainWindow

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.open_demo()
    window.chart_dock.show()
    window.go("area:3")
    app.processEvents()
    controller = window.controller
    assert controller is not None
    edits = []
    for i in range(60):
        start = time.perf_counter()
        ok, _ = controller.set_score("3.2", str(10 + i % 15))
        app.processEvents()  # repaint of the score, the area total, the navigation and the charts
        edits.append(time.perf_counter() - start)
        assert ok
    notes = []
    window.go("interview")
    page = window.workspace.pages["interview"]
    for i in range(100):
        page.input.setPlainText(f"Anteckning {i} om styrning och uppföljning")
        start = time.perf_counter()
        page.save_note()
        notes.append(time.perf_counter() - start)
        app.processEvents()
    window.close()
    return {
        "edit": statistics.median(edits),
        "edit_p95": sorted(edits)[int(len(edits) * 0.95)],
        "note": statistics.median(notes),
        "note_p95": sorted(notes)[int(len(notes) * 0.95)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, KOMPASS_DATA_DIR=tmp, PYTHONPATH=str(ROOT))
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        platform = env.get("QT_QPA_PLATFORM") or "display"
        app, bare = cold_start(args.runs, env)
        figures = in_process(env)
    print(f"platform: {platform}")
    print(f"cold start to painted window with the demo: {app * 1000:7.0f} ms  (goal ≤ 1200 ms)")
    print(
        f"bare PySide6 window, same machine:          {bare * 1000:7.0f} ms  "
        f"(ratio {app / bare:.2f}, goal ≤ 1.5)"
    )
    print(
        f"score edit → totals and charts repainted:   {figures['edit'] * 1000:7.1f} ms median, "
        f"{figures['edit_p95'] * 1000:.1f} ms p95  (goal ≤ 16 ms median)"
    )
    print(
        f"note commit (Enter → on disk):              {figures['note'] * 1000:7.1f} ms median, "
        f"{figures['note_p95'] * 1000:.1f} ms p95"
    )


if __name__ == "__main__":
    main()
