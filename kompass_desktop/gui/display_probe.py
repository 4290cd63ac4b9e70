"""``kompass-desktop --check-display``: can Qt's display platform start here?

Run by the self-check (``kompass doctor``) in a child process, so a Qt abort cannot end the
check.  Prints one JSON line: ``{"platform": ..., "qt": ...}`` (exit 0), or
``{"problems": [[problem, remedy], ...]}`` when it cannot start (exit 1).  No
window is shown.
"""

from __future__ import annotations

import json
import sys

from ..platform_libs import Diagnosis


def check_display(found: Diagnosis) -> int:
    if found:
        sys.stdout.write(json.dumps({"problems": found.lines()}, ensure_ascii=False) + "\n")
        return 1
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - alive while asked
    data = {"platform": QApplication.platformName(), "qt": qVersion(), "screens": len(QApplication.screens())}
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()
    return 0
