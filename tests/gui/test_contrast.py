"""Contrast of at least 4.5:1 for all text (WCAG 2.1 AA; issue 14, point 4): every colour the GUI
chooses, computed against the background it is shown on, and two places measured on screen."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from kompass_desktop.gui import charts, theme

AA = 4.5


def test_the_contrast_formula_matches_wcag():
    assert theme.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


def test_every_text_colour_of_the_gui_has_enough_contrast(window):
    palette = QApplication.palette()  # as the window set it up
    window_grey, white = palette.color(QPalette.ColorRole.Window), QColor("#ffffff")
    role, r = palette.color, QPalette.ColorRole
    pairs = {
        "text": (role(r.Text), role(r.Base)),
        "window text": (role(r.WindowText), window_grey),
        "buttons": (role(r.ButtonText), role(r.Button)),
        "placeholder": (role(r.PlaceholderText), role(r.Base)),
        "selected row": (role(r.HighlightedText), role(r.Highlight)),
        "tooltip": (role(r.ToolTipText), role(r.ToolTipBase)),
        "secondary text": (theme.MUTED, window_grey),
        "secondary text in lists": (theme.MUTED, white),
        "warning": (theme.WARNING, white),
        "refused score": (theme.ERROR, window_grey),
        "score without evidence (navigation)": (theme.ERROR, white),
        "bar labels inside the bars": (QColor("#ffffff"), charts.CURRENT),
    }
    pairs |= {
        f"coverage cell {shade}": (theme.COVERAGE_TEXT, QColor(shade)) for shade in theme.COVERAGE_SHADES
    }
    low = {name: round(theme.contrast_ratio(fg, bg), 2) for name, (fg, bg) in pairs.items()}
    assert {name: ratio for name, ratio in low.items() if ratio < AA} == {}


def _darkest_and_background(image: QImage) -> tuple[QColor, QColor]:
    """The text colour as drawn (the darkest pixel) and the background (the corner pixel)."""
    darkest = min(
        (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())),
        key=theme.relative_luminance,
    )
    return darkest, image.pixelColor(0, 0)


def test_guiding_questions_and_interview_headings_are_drawn_with_enough_contrast(demo_window):
    demo_window.go("area:1")
    card = demo_window.workspace.pages["area:1"].cards["1.1"]
    label = next(w for w in card.findChildren(QLabel) if w.accessibleName().startswith("Vägledande"))
    text, background = _darkest_and_background(label.grab().toImage())
    assert theme.contrast_ratio(text, background) >= AA, (text.name(), background.name())
    demo_window.go("interview")
    page = demo_window.workspace.pages["interview"]
    heading = page.subareas.item(1)
    assert heading.text().startswith("1. Samspel")  # an area heading, not a sub-area
    rect = page.subareas.visualItemRect(heading)
    image = page.subareas.viewport().grab(rect).toImage()
    text, background = _darkest_and_background(image)
    assert theme.contrast_ratio(text, background) >= AA, (text.name(), background.name())
