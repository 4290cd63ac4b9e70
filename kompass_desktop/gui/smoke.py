"""``kompass-desktop --smoke-test``: open the demo offscreen, walk every area, edit and undo a
score, build a draft report and an export, and exit 0 (used by CI and by the packaged app)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from .mainwindow import MainWindow


def _step(text: str) -> None:
    sys.stdout.write(f"smoke: {text}\n")
    sys.stdout.flush()


def smoke_test() -> int:
    from .mainwindow import MainWindow

    errors: list[str] = []
    previous_hook = sys.excepthook

    def record(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        errors.append(f"{kind.__name__}: {value}")

    sys.excepthook = record
    window = MainWindow()
    try:
        result = _run(window)
    except Exception as err:  # the smoke test reports, it does not crash
        _step(f"FEL: {type(err).__name__}: {err}")
        result = 1
    finally:
        window.close()
        sys.excepthook = previous_hook
    for error in errors:
        _step(f"FEL under körningen: {error}")
    return 1 if errors else result


def _run(window: MainWindow) -> int:
    start = time.perf_counter()
    window.resize(1366, 768)
    window.show()
    window.open_demo()
    if window.controller is None or window.workspace is None:
        _step("FEL: demoutvärderingen öppnades inte")
        return 1
    controller, workspace = window.controller, window.workspace
    _step(f"öppnade {controller.session.path.name}")
    for area in controller.framework.areas:
        workspace.navigate(f"area:{area.number}")
        QApplication.processEvents()
    for page in ("interview", "interviews", "documents", "web", "coverage", "search", "summary"):
        workspace.navigate(page)
        QApplication.processEvents()
    summary = workspace.pages["summary"]
    charts = summary.ensure_charts()  # type: ignore[attr-defined]
    QApplication.processEvents()
    if charts.data is None or charts.bars.grab().isNull():
        _step("FEL: diagrammen ritades inte")
        return 1
    _step(f"visade {len(workspace.pages)} sidor och diagrammen")
    before = controller.scores()["1.1"]
    ok, message = controller.set_score("1.1", "2,5")
    if not ok or str(controller.scores()["1.1"]) != "2.5":
        _step(f"FEL: poängen kunde inte ändras ({message})")
        return 1
    controller.undo()
    if controller.scores()["1.1"] != before:
        _step("FEL: ångra återställde inte poängen")
        return 1
    _step("ändrade och ångrade en poäng")
    with tempfile.TemporaryDirectory() as tmp:
        snapshot = controller.session.snapshot()
        from ..exchange.export import export_evaluation
        from ..report import build_report

        out = Path(tmp) / "utkast.pdf"
        build_report(snapshot, out, draft=True)
        _step(f"skapade utkast ({out.stat().st_size // 1024} kB)")
        out = Path(tmp) / "export.kkx"
        export_evaluation(controller.session.file, out)
        _step(f"exporterade ({out.stat().st_size // 1024} kB)")
    _step(f"klart på {time.perf_counter() - start:.1f} s")
    return 0
