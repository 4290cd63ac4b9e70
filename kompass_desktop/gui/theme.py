"""Colours of the GUI, chosen for a contrast of at least 4.5:1 (WCAG 2.1 AA) for all text.

Secondary text (guiding questions, hints) is quieter than body text but never lighter than
:data:`MUTED`; headings in lists are body text in bold, not "disabled" grey.  The contrast
itself is computed by :func:`contrast_ratio` (``tests/gui/test_contrast.py`` checks every pair).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QPlainTextEdit, QTextEdit, QWidget

#: Secondary text on light backgrounds: 7.0:1 on white, 6.2:1 on the window grey (#efefef).
MUTED = QColor("#595959")
#: Placeholder text in empty fields (5.7:1 on white).
PLACEHOLDER = QColor("#666666")
#: Selected rows: white on this blue is 5.6:1 (Fusion's #308cc6 gives only 3.6:1).
HIGHLIGHT = QColor("#1f6aa5")
HIGHLIGHTED_TEXT = QColor("#ffffff")
#: Warnings (coverage, a score without evidence) and errors (a refused score).
WARNING = QColor("#9a4a00")
ERROR = QColor("#b00020")
ERROR_BACKGROUND = QColor("#fff1b8")
#: The outline that shows the place of an undone or redone change.
FLASH = QColor("#d55e00")
#: Shades of the coverage matrix for 0, 1, 2 and 3+ notes (light to dark blue), with their text.
COVERAGE_SHADES = ("#ffffff", "#deebf7", "#9ecae1", "#6baed6")
COVERAGE_TEXT = QColor("#000000")


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2.1 contrast ratio (1 … 21) of two opaque colours."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def muted_on(background: QColor) -> QColor:
    """Secondary text for ``background``: :data:`MUTED` on light, a light grey on dark (dark mode)."""
    return QColor(MUTED) if relative_luminance(background) > 0.4 else QColor("#c8c8c8")


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    """Text of a label (or any widget) in ``colour`` (chosen for its background)."""
    palette = widget.palette()
    colour = muted_on(palette.color(QPalette.ColorRole.Window)) if colour == MUTED else colour
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, colour)
    widget.setPalette(palette)


class FocusRing(QFocusFrame):
    """A ring in the selection colour around the text editor that has the focus: the style draws
    one around line edits but none around multi-line editors, where only the blinking text cursor
    would say where the typing goes."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)


def _follow_focus(old: QWidget | None, new: QWidget | None) -> None:
    """The focus ring of each window follows the focus to the text editor that has it."""
    for widget in (old, new):
        if widget is None:
            continue
        window = widget.window()
        ring = window.findChild(FocusRing)
        editor = new if isinstance(new, QTextEdit | QPlainTextEdit) and new.window() is window else None
        if editor is not None and ring is None:
            ring = FocusRing(window)
        if ring is not None and ring.widget() is not editor:
            ring.setWidget(editor)  # type: ignore[arg-type]  # None: the ring follows nothing
            ring.setVisible(editor is not None)


def apply(app: QApplication) -> None:
    """Placeholder text and selected rows with enough contrast (light themes; dark ones keep theirs);
    a visible focus ring around multi-line editors."""
    if not app.property("kompassFocusRing"):
        app.setProperty("kompassFocusRing", True)
        app.focusChanged.connect(_follow_focus)
    palette = app.palette()
    if relative_luminance(palette.color(QPalette.ColorRole.Base)) < 0.4:
        return  # a dark theme: its own colours are designed for it
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, PLACEHOLDER)
        palette.setColor(group, QPalette.ColorRole.Highlight, HIGHLIGHT)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, HIGHLIGHTED_TEXT)
    app.setPalette(palette)
