"""The live preview's dock in the main window (Visa → Förhandsvisning, Ctrl+Shift+R)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

if TYPE_CHECKING:
    from .preview_pane import PreviewPane


def preview_dock(window: QMainWindow) -> QDockWidget:
    """The dock, hidden; its pane is made when it is first shown with an evaluation open."""
    dock = QDockWidget(QCoreApplication.translate("preview", "Förhandsvisning"), window)
    dock.setObjectName("previewDock")
    dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    dock.visibilityChanged.connect(lambda visible: attach_preview(window) if visible else None)
    return dock


def pane_of(window: QMainWindow) -> PreviewPane | None:
    module = sys.modules.get(f"{__package__}.preview_pane")
    if module is None:  # never imported: no pane was made (closing must not import the report)
        return None
    PreviewPane = module.PreviewPane
    widget = window.preview_dock.widget()  # type: ignore[attr-defined]
    return widget if isinstance(widget, PreviewPane) else None


def attach_preview(window: QMainWindow) -> None:
    """An evaluation was opened (or the dock shown): the pane follows its workspace."""
    dock: QDockWidget = window.preview_dock  # type: ignore[attr-defined]
    controller, workspace = window.controller, window.workspace  # type: ignore[attr-defined]
    if not dock.isVisible() or controller is None or workspace is None or pane_of(window) is not None:
        return
    from .preview_pane import PreviewPane

    dock.setWidget(PreviewPane(controller, workspace, dock))
    width = min(440, max(240, window.width() // 3))  # the page being edited keeps the most room
    # once the dock is laid out (a size set while it is being shown is not kept)
    QTimer.singleShot(0, dock, lambda: window.resizeDocks([dock], [width], Qt.Orientation.Horizontal))


def detach_preview(window: QMainWindow) -> None:
    """The evaluation is being closed: the pane stops (a render on its way is dropped)."""
    pane = pane_of(window)
    if pane is None:
        return
    pane.shutdown()
    dock: QDockWidget = window.preview_dock  # type: ignore[attr-defined]
    dock.setWidget(QLabel(QCoreApplication.translate("preview", "Ingen utvärdering är öppen."), dock))
    pane.deleteLater()


def current_pane(window: QWidget) -> PreviewPane | None:
    """The open preview pane of ``window`` (None when hidden or not made)."""
    return pane_of(window) if isinstance(window, QMainWindow) else None
