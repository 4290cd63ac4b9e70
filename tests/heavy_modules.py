"""The modules the first painted window does not need (tests of the start-up imports).

Each costs tens to hundreds of milliseconds to import (the report's reportlab, the charts'
pyqtgraph and numpy, PDF readers, the live preview); they are imported when first used.
A name covers its submodules.
"""

from __future__ import annotations

HEAVY = (
    "pyqtgraph",
    "numpy",
    "reportlab",
    "pypdf",
    "pypdfium2",
    "docx",
    "kompass_desktop.report",
    "kompass_desktop.exchange",
    "kompass_desktop.preview_renderer",
    "kompass_desktop.gui.charts",
    "kompass_desktop.gui.preview_pane",
    "kompass_desktop.gui.preview_worker",
    "kompass_desktop.gui.printing",
    "kompass_desktop.gui.exchange_ui",
    "kompass_desktop.gui.consensus_page",
)

#: Python source that defines ``loaded()``: the heavy modules in ``sys.modules`` now.
LOADED = f"""
import sys
HEAVY = {HEAVY!r}
def loaded():
    return sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
"""
