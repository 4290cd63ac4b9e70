"""Contrast of at least 4.5:1 for all text (WCAG 2.1 AA; issue 14, point 4), measured on what is
drawn: every text on every page is grabbed from the window and its colour compared with the
background really behind it (stylesheets, palettes, item colours and delegates all included)."""

from __future__ import annotations

import numpy as np
import pytest
from guisupport import press
from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

AA = 4.5


def test_the_contrast_formula_matches_wcag():
    from kompass_desktop.gui import theme

    assert theme.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


def _luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG 2.1 relative luminance of sRGB colours (rows of 0…255), computed here, not by the app."""
    c = rgb.astype(float) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def drawn_contrast(image: QImage) -> tuple[float, str, str]:
    """Contrast of text as drawn: the background is the colour most pixels have, the text the
    colour farthest from it (the core of the glyphs).  Returns (ratio, text, background)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    pixels = raw.reshape(height, image.bytesPerLine() // 4, 4)[:, :width, 2::-1].reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    background = colours[counts.argmax()]
    lum, bg = _luminance(colours), _luminance(background[None, :])[0]
    ratios = (np.maximum(lum, bg) + 0.05) / (np.minimum(lum, bg) + 0.05)
    text = colours[ratios.argmax()]
    return float(ratios.max()), _hex(text), _hex(background)


def _hex(rgb: np.ndarray) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in rgb)


def _seen(win, widget, rect: QRect | None = None, inset: int = 0) -> QImage | None:
    """What a person sees of ``widget`` (or of ``rect`` in it): grabbed from the window, so the
    background is the one really behind it.  None when it is not on screen."""
    shown = widget.visibleRegion().boundingRect()
    area = (rect if rect is not None else widget.rect()).adjusted(inset, inset, -inset, -inset)
    if rect is not None and (area.top() < shown.top() or area.bottom() > shown.bottom()):
        return None  # a row scrolled partly out of view (its text cut)
    area = area.intersected(shown)
    if not widget.isVisible() or area.width() < 4 or area.height() < 4:
        return None
    return win.grab(QRect(widget.mapTo(win, area.topLeft()), area.size())).toImage()


def _texts_on_screen(win) -> dict[str, QImage]:
    """Every text now on screen: labels, buttons, placeholders of empty fields, the rows of lists,
    trees and tables (selected, headings, shaded cells) and the status bar's message."""
    seen: dict[str, QImage | None] = {}
    for label in win.findChildren(QLabel):
        if label.text().strip() and label.frameShape() == QFrame.Shape.NoFrame and label.pixmap().isNull():
            seen[f"label {label.text()[:40]!r}"] = _seen(win, label)
    for button in win.findChildren(QAbstractButton):
        if button.text().strip():
            seen[f"button {button.text()!r}"] = _seen(win, button, inset=3)
    for field in win.findChildren(QLineEdit):
        if not field.text() and field.placeholderText():
            seen[f"placeholder {field.placeholderText()[:40]!r}"] = _seen(win, field, inset=3)
    for field in [*win.findChildren(QTextEdit), *win.findChildren(QPlainTextEdit)]:
        if not field.toPlainText() and field.placeholderText():
            seen[f"placeholder {field.placeholderText()[:40]!r}"] = _seen(win, field.viewport(), inset=2)
    for view in win.findChildren(QAbstractItemView):
        model, port = view.model(), view.viewport()
        if model is None or not port.isVisible() or isinstance(view, QHeaderView):
            continue
        for index in _indexes(model, limit=120):
            rect = view.visualRect(index)
            if rect.isValid() and str(index.data() or "").strip():
                name = f"{type(view).__name__} row {index.row()},{index.column()} {str(index.data())[:30]!r}"
                seen[name] = _seen(win, port, rect)
    bar = win.statusBar()
    if bar.currentMessage():
        seen[f"status {bar.currentMessage()[:40]!r}"] = _seen(
            win, bar, QRect(0, 0, bar.width() // 2, bar.height())
        )
    return {name: image for name, image in seen.items() if image is not None}


def _indexes(model, parent=None, limit=120):
    parent = parent if parent is not None else QModelIndex()
    found = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model
        columns = 0
    for row in range(model.rowCount(parent)):
        for column in range(max(columns, 1)):
            index = model.index(row, column, parent)
            found.append(index)
            if column == 0 and columns > 1 and model.rowCount(index):
                found += _indexes(model, index, limit)
        if len(found) >= limit:
            break
    return found[:limit]


def test_every_text_colour_of_the_gui_has_enough_contrast(demo_window, qtbot):
    """Every text on every page, as drawn (style, palette, item colours and delegates included),
    at least 4.5:1 against what is behind it."""
    low: dict[str, tuple[float, str, str]] = {}
    measured = 0
    for page in (
        "summary",
        "area:1",
        "area:7",
        "interview",
        "interviews",
        "documents",
        "web",
        "coverage",
        "consensus",
        "search",
    ):
        demo_window.go(page)
        if page == "search":
            demo_window.workspace.pages["search"].query.setText("demokrati")
            demo_window.workspace.pages["search"].run()
        if page == "coverage":
            press(qtbot, demo_window, "Ctrl+S")  # a message in the status bar too
        QApplication.processEvents()
        for name, image in _texts_on_screen(demo_window).items():
            measured += 1
            ratio, text, background = drawn_contrast(image)
            if ratio < AA:
                low[f"{page}: {name}"] = (round(ratio, 2), text, background)
    assert measured > 300  # the pages were really looked at
    assert low == {}


def test_guiding_questions_and_interview_headings_are_drawn_with_enough_contrast(demo_window):
    """The two places that looked disabled: the guiding questions (3.5:1) and the area headings in
    the interview list (1.9:1)."""
    demo_window.go("area:1")
    card = demo_window.workspace.pages["area:1"].cards["1.1"]
    questions = [w for w in card.findChildren(QLabel) if w.accessibleName().startswith("Vägledande")]
    assert questions
    for label in questions:
        ratio, text, background = drawn_contrast(_seen(demo_window, label))
        assert ratio >= AA, ("guiding questions", ratio, text, background)
    demo_window.go("interview")
    page = demo_window.workspace.pages["interview"]
    headings = [page.subareas.item(i) for i in range(page.subareas.count())]
    headings = [h for h in headings if h.text()[:2] in {f"{n}." for n in range(1, 9)}]
    assert headings[0].text().startswith("1. Samspel")  # the area headings, not the sub-areas
    seen = [_seen(demo_window, page.subareas.viewport(), page.subareas.visualItemRect(h)) for h in headings]
    assert len([image for image in seen if image is not None]) >= 4  # the first ones are on screen
    for heading, image in zip(headings, seen, strict=True):
        if image is not None:
            ratio, text, background = drawn_contrast(image)
            assert ratio >= AA, (heading.text(), ratio, text, background)
