"""Start-up imports: importing the app and its window imports nothing the first window does
not show (:data:`heavy_modules.HEAVY`); tests/gui/test_startup.py checks the same up to the
first painted window with the demo."""

from __future__ import annotations

import json
import subprocess
import sys

from heavy_modules import LOADED


def heavy_imported_by(code: str) -> list[str]:
    """The heavy modules in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    check = f"{LOADED}\n{code}\nimport json\nprint(json.dumps(loaded()))"
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.splitlines()[-1]))


def test_importing_the_app_and_its_window_imports_nothing_heavy():
    code = "import kompass_desktop.app, kompass_desktop.gui.main, kompass_desktop.gui.mainwindow"
    assert heavy_imported_by(code) == []


def test_the_check_sees_a_heavy_import():
    found = heavy_imported_by("import kompass_desktop.gui.charts")
    assert {"kompass_desktop.gui.charts", "pyqtgraph", "numpy"} <= set(found)
