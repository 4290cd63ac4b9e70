"""The app on a given screen, as on its first start: where things end up, and screenshots.

Run as a script in its own process (the screen and the scaling are fixed when Qt starts)::

    python tests/gui/screens.py --screen 1366x768 [--scale 1.5] [--shots DIR] [--lang en]

It uses Qt's offscreen platform with a screen of that size (``QT_QPA_PLATFORM=offscreen:
configfile=…``) and ``QT_SCALE_FACTOR`` for the scaling (1920×1080 at 150 % is a 1280×720
screen of logical pixels), starts with an empty user-data folder (no remembered window), opens
the demo on its interview day and prints one JSON line: the screen, the window, and the
rectangles of what must be on screen.  With ``--shots`` every page is saved as a PNG.
``tests/gui/test_layout.py`` runs it; the coordinator's screenshots come from it too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

PAGES = [
    "summary",
    "area:1",
    "area:3",
    "interview",
    "interviews",
    "documents",
    "web",
    "coverage",
    "consensus",
    "search",
]


def run(screen: str, scale: float = 1.0, shots: Path | None = None, lang: str = "sv") -> dict:
    """Start the app in a new process on ``screen`` ("1366x768") and return what it reports."""
    width, height = (int(x) for x in screen.split("x"))
    folder = Path(tempfile.mkdtemp(prefix="kompass-screen-"))
    config = folder / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]})
    )
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=str(scale),
        KOMPASS_DATA_DIR=str(folder / "data"),
        KOMPASS_AUTHOR="Testare",
    )
    args = [sys.executable, __file__, "--child", "--lang", lang]
    if shots is not None:
        args += ["--shots", str(shots)]
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=240, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    broken = "Traceback" in result.stderr or "Error calling Python override" in result.stderr
    if result.returncode != 0 or not lines or broken:
        raise RuntimeError(f"screens.py failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return json.loads(lines[-1])


def _rect(widget) -> list[int]:  # type: ignore[no-untyped-def]
    """Global rectangle [left, top, right, bottom] in logical pixels."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), top_left.x() + widget.width(), top_left.y() + widget.height()]


def _child(shots: Path | None, lang: str) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0]])
    from kompass_desktop.gui.i18n import install_translators
    from kompass_desktop.gui.mainwindow import MainWindow

    translators = install_translators(app, lang)  # noqa: F841 - kept alive
    window = MainWindow(clock=lambda: datetime(2025, 10, 14, 10, 30))  # during the demo's visit
    window.show()
    window.open_demo()
    for _ in range(20):
        app.processEvents()
    screen = app.primaryScreen().availableGeometry()
    report: dict = {
        "screen": [screen.left(), screen.top(), screen.right() + 1, screen.bottom() + 1],
        "maximized": window.isMaximized(),
        "window": [window.frameGeometry().left(), window.frameGeometry().top()]
        + [window.frameGeometry().right() + 1, window.frameGeometry().bottom() + 1],
        "saved": _rect(window.saved_label),
        "source": _rect(window.source_picker) if window.source_picker is not None else None,
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "pages": {},
    }
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        window.go(page)
        for _ in range(10):
            app.processEvents()
        report["pages"][page] = {
            "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()]
        }
        if shots is not None:
            window.grab().save(str(shots / f"{page.replace(':', '-')}.png"))
    window.chart_dock.show()
    window.go("area:2")
    for _ in range(10):
        app.processEvents()
    report["dock"] = window.chart_dock.width()
    frame = window.frameGeometry()  # every page was shown: the widest one counts
    report["window_with_charts"] = [frame.left(), frame.top(), frame.right() + 1, frame.bottom() + 1]
    if shots is not None:
        window.grab().save(str(shots / "area-2-with-charts.png"))
    print(json.dumps(report))
    sys.stdout.flush()
    window.close_evaluation()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screen", default="1366x768")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--lang", default="sv")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.shots, args.lang)
    print(json.dumps(run(args.screen, args.scale, args.shots, args.lang), indent=1))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
