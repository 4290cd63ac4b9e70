"""Room to write on a real laptop screen (issue 14, point 4): texts and lists grow with their
content, the window fits the screen on first start (1366×768, and 1920×1080 at 150 %), the charts
open at a readable width, the coverage matrix and the documents register use the width well, a
long municipality name wraps, and the focus always lands on something visible and useful."""

from __future__ import annotations

import screens
from guisupport import area_page, press, type_text
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from kompass_desktop.domain.model import TextScope
from kompass_desktop.gui import info_dialog


def on_screen(widget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def test_texts_and_note_lists_grow_with_their_content(demo_window, qtbot):
    card = area_page(demo_window, 1).cards["1.1"]
    editor = card.text
    assert editor.verticalScrollBar().maximum() == 0  # the whole text, no scroll bar of its own
    assert editor.document().size().height() <= editor.viewport().height() + 1
    before = editor.height()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    for _ in range(6):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        type_text(editor, "Ytterligare en rad i bedömningen.")
    assert editor.height() > before + 5 * editor.fontMetrics().lineSpacing()
    assert editor.verticalScrollBar().maximum() == 0
    notes = area_page(demo_window, 7).cards["7.2"].notes  # seven notes, some on three lines
    qtbot.waitUntil(lambda: notes.verticalScrollBar().maximum() == 0 and notes.height() > 200)
    shown = sum(notes.visualItemRect(notes.item(i)).height() for i in range(notes.count()))
    assert abs(notes.viewport().height() - shown) <= 2  # exactly as tall as its notes
    press(qtbot, demo_window, "Ctrl+0")
    summary = demo_window.workspace.pages["summary"]
    comments = summary.editors[TextScope.SUMMARY_OVERALL]
    assert comments.width() >= 0.85 * summary.viewport().width()  # the width there is
    assert comments.verticalScrollBar().maximum() == 0


def test_the_window_fits_the_screen_on_first_start(tmp_path):
    for screen, scale in (("1366x768", 1.0), ("1920x1080", 1.5)):
        shots = tmp_path / f"{screen}-{scale}"
        seen = screens.run(screen, scale, shots)
        left, top, right, bottom = seen["screen"]

        def inside(r, left=left, top=top, right=right, bottom=bottom):
            return left <= r[0] and top <= r[1] and r[2] <= right and r[3] <= bottom

        assert seen["maximized"], screen
        assert inside(seen["window"]), (screen, seen["window"])
        assert inside(seen["window_with_charts"]), (screen, "with the charts", seen["window_with_charts"])
        assert inside(seen["saved"]), (screen, "the Sparat indicator", seen["saved"])
        assert inside(seen["source"]), (screen, "the current source", seen["source"])
        for page, hint in seen["pages"].items():
            assert hint["minimum"][0] <= right - left and hint["minimum"][1] <= bottom - top, (screen, page)
        assert len(list(shots.glob("*.png"))) == len(screens.PAGES) + 1


def test_ctrl_g_opens_the_charts_at_a_readable_width(demo_window, qtbot):
    dock = demo_window.chart_dock
    dock.show()  # the evaluator once dragged it narrow, then closed it
    demo_window.resizeDocks([dock], [120], Qt.Orientation.Horizontal)
    dock.hide()
    press(qtbot, demo_window, "Ctrl+2")
    press(qtbot, demo_window, "Ctrl+G")
    assert dock.isVisible()
    qtbot.waitUntil(lambda: dock.width() >= 400, timeout=1000)  # as soon as it is shown
    bars = dock.widget().bars
    assert bars.width() >= 380


def test_the_coverage_matrix_shows_total_and_warnings_at_1366(demo_window, qtbot):
    session = demo_window.controller.session
    for note in session.notes.all("1.4"):  # an evaluation in progress: some warnings to read
        session.notes.delete(note.id)
    press(qtbot, demo_window, "Ctrl+Shift+T")
    QApplication.processEvents()  # laid out as on screen
    table = demo_window.workspace.pages["coverage"].table
    header, view = table.horizontalHeader(), table.viewport()
    assert view.mapTo(demo_window, QPoint(view.width(), 0)).x() <= demo_window.width()
    labels = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for title in ("Totalt", "Varningar"):
        column = labels.index(title)
        start = header.sectionViewportPosition(column)
        assert start >= 0 and start + header.sectionSize(column) <= view.width(), title


def test_document_titles_get_the_space(demo_window, qtbot):
    press(qtbot, demo_window, "Ctrl+Shift+D")
    table = demo_window.workspace.pages["documents"].table
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert widths[0] == max(widths) and widths[0] >= 0.3 * table.viewport().width()
    title = "Kompetensförsörjningsplan 2024–2027"
    assert table.fontMetrics().horizontalAdvance(title) < widths[0]  # a usual title on one line


def test_a_long_municipality_name_wraps(demo_window, qtbot, monkeypatch):
    name = "Övre Fjällbygdens och Skärgårdens Gemensamma Utvecklingskommun med Kustband och Inland kommun"

    def rename(dialog):
        dialog.municipality.edit.setText(name)  # the demo is unlisted: the name as written
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(info_dialog.InfoDialog, "exec", rename)
    press(qtbot, demo_window, "Ctrl+Shift+U")
    press(qtbot, demo_window, "Ctrl+0")
    summary = demo_window.workspace.pages["summary"]
    heading = summary.heading
    assert name in heading.text()
    assert heading.height() > 2.5 * heading.fontMetrics().height()  # two lines of the <h2> heading
    assert heading.geometry().right() <= summary.viewport().width()
    assert demo_window.minimumSizeHint().width() <= 1366


#: Widgets that do something with the keyboard focus (not a scroll area or a bare container).
USEFUL = (
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
)


def _page_keys(win) -> list[str]:
    """Every key of the Gå till menu (as the window has it; Ctrl+0 last, the test starts on the
    summary), then search and the charts shown and hidden."""
    go = next(a.menu() for a in win.menuBar().actions() if a.text().replace("&", "") == "Gå till")
    keys = [a.shortcut().toString() for a in go.actions() if a.isVisible() and not a.shortcut().isEmpty()]
    assert {"Ctrl+0", "Ctrl+1", "Ctrl+8", "Ctrl+I", "Ctrl+Shift+T"} <= set(keys)  # the menu was found
    return [*(k for k in keys if k != "Ctrl+0"), "Ctrl+F", "Ctrl+G", "Ctrl+G", "Ctrl+0"]


def _looks_focused(win, widget) -> bool:
    """Focus is visible: the widget and what is around it (a focus ring) look different with the
    focus than without it, and by more than the text cursor (a line two pixels wide that blinks)."""
    rect = QRect(widget.mapTo(win, QPoint(0, 0)), widget.size()).adjusted(-4, -4, 4, 4)
    with_focus = win.grab(rect).toImage()
    win.workspace.nav.tree.setFocus()  # the focus elsewhere, the page unchanged
    without = win.grab(rect).toImage()
    widget.setFocus()
    changed = [
        (x, y)
        for y in range(with_focus.height())
        for x in range(with_focus.width())
        if with_focus.pixel(x, y) != without.pixel(x, y)
    ]
    xs = {x for x, _ in changed}
    return bool(changed) and max(xs) - min(xs) > 3


def test_the_focus_lands_on_something_visible_and_useful(demo_window, qtbot):
    """Every page key (and search, the charts) leaves the focus on something a person can see and
    use: never an invisible scroll area, its viewport or a bare container, always with a visible
    focus indication."""
    comments = demo_window.workspace.pages["summary"].editors[TextScope.SUMMARY_OVERALL]
    qtbot.mouseClick(comments.viewport(), Qt.MouseButton.LeftButton)  # the focus starts in a page
    assert QApplication.focusWidget() is comments
    seen = []
    for key in _page_keys(demo_window):
        press(qtbot, demo_window, key)
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        where = (key, type(focus).__name__, focus.objectName() if focus else "")
        seen.append(where)
        assert focus is not None, where
        assert on_screen(focus), where
        outer = focus.parentWidget()
        assert not isinstance(focus, QScrollArea), where
        assert not (isinstance(outer, QAbstractScrollArea) and outer.viewport() is focus), where
        assert type(focus) not in (QWidget, QFrame) and isinstance(focus, USEFUL), where
        assert focus.focusPolicy() & Qt.FocusPolicy.TabFocus, where
        if key != "Ctrl+G":  # a page key goes into the page it shows
            assert demo_window.workspace.stack.currentWidget().isAncestorOf(focus), where
        assert _looks_focused(demo_window, focus), where
    assert seen[0][:2] == ("Ctrl+1", "AutosaveTextEdit")  # the first sub-area's text
    press(qtbot, demo_window, "Ctrl+1")
    assert QApplication.focusWidget() is demo_window.workspace.pages["area:1"].cards["1.1"].text
    press(qtbot, demo_window, "Ctrl+I")
    assert QApplication.focusWidget() is demo_window.workspace.pages["interview"].input


def test_interview_titles_get_the_space_and_long_group_names_wrap(demo_window, qtbot):
    press(qtbot, demo_window, "Ctrl+Shift+I")
    table = demo_window.workspace.pages["interviews"].table
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert widths[headers.index("Rubrik")] == max(widths), dict(zip(headers, widths, strict=True))
