"""Start-up: the window with an evaluation is painted before the charts (pyqtgraph, numpy), the
report code and the live preview are imported; the charts follow on the next turn."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from heavy_modules import LOADED

START = """
import json
import time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from kompass_desktop.gui.mainwindow import MainWindow

window = MainWindow()
window.show()
for dock in DOCKS:  # as restored from the last session
    getattr(window, dock).show()
window.open_file(Path(FILE))  # as `kompass-desktop FILE` does
page = window.workspace.stack.currentWidget()
seen = {}


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = loaded()
        return False


painted = Painted()
page.installEventFilter(painted)


def ready(dock):  # a dock shown at start gets its charts or preview after the first paint
    return type(getattr(window, dock).widget()).__name__ in ("ChartsPanel", "PreviewPane")


def check():
    if "painted" in seen and page.charts is not None and all(ready(d) for d in DOCKS):
        print(json.dumps({"painted": seen["painted"], "later": loaded()}))
        app.quit()


timer = QTimer()
timer.timeout.connect(check)
timer.start(5)
QTimer.singleShot(60_000, app.quit)
time.sleep(0.1)  # a slow machine: what waits for a time instead of the paint is due now
app.exec()
"""


@pytest.mark.parametrize("docks", [(), ("chart_dock", "preview_dock")], ids=["first-start", "docks-open"])
def test_the_window_is_painted_before_the_charts_and_the_report_are_imported(tmp_path, demo_copy, docks):
    env = dict(os.environ, KOMPASS_DATA_DIR=str(tmp_path / "data"))  # offscreen: set by conftest
    code = f"{LOADED}\nDOCKS = {docks!r}\nFILE = {str(demo_copy)!r}\n{START}"
    args = [sys.executable, "-c", code]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the charts never came: {result.stderr[-2000:]}"
    seen = json.loads(lines[-1])
    assert seen["painted"] == []  # the first paint: nothing heavy imported yet
    assert {"kompass_desktop.gui.charts", "pyqtgraph"} <= set(seen["later"])  # the charts came after
    if docks:
        assert "kompass_desktop.gui.preview_pane" in seen["later"]
