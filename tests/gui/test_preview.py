"""Visa → Förhandsvisning: the report page of the field being edited, live, beside the page."""

from __future__ import annotations

import io
import os
import threading
import time

import pytest
from guisupport import area_page, press, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from kompass_desktop.domain.model import TextScope
from kompass_desktop.gui import preview_worker

WAIT = 20_000  # ms: a render on a loaded 2-core machine, with room to spare


def printed(result) -> str:
    """The text of the pages the pane shows, read from the report's own PDF."""
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(result.pdf)).pages)


def open_preview(qtbot, win):
    """Visa → Förhandsvisning with its shortcut, as a user would."""
    press(qtbot, win, "Ctrl+Shift+R")
    qtbot.waitUntil(lambda: win.preview_dock.isVisible())
    from kompass_desktop.gui.preview_pane import PreviewPane

    pane = win.preview_dock.widget()
    assert isinstance(pane, PreviewPane)
    return pane


def settled(pane):
    return not pane.worker.busy and not pane._timer.isActive()


def shown_newest(pane):
    return settled(pane) and pane.result is not None and pane.result.generation == pane.generation


def test_the_pane_shows_the_page_of_the_field_with_what_was_typed(qtbot, demo_window):
    win = demo_window
    page = area_page(win, 3)
    card = page.cards["3.2"]
    card.text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert pane.result.key == "area-3" and not pane.result.error
    assert "UTKAST" in printed(pane.result)  # the draft marking
    assert pane.page_label.text().startswith("Sida ")
    card.text.selectAll()
    type_text(card.text, "Styrningen följs upp varje kvartal i nämnderna.")
    assert card.text.flush()  # committed (as after a pause in typing)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert "Styrningen följs upp varje kvartal i nämnderna." in printed(pane.result)
    shown = [p.number for p in pane.view.pages]
    assert pane.page_label.text() == f"Sida {shown[0]} av {pane.result.total}"
    assert pane.view.marked == "text:subarea:3.2" and pane.view.marked_rects()  # marked, in view
    bar = pane.scroller.verticalScrollBar()
    top = min(r.top() for r in pane.view.marked_rects())
    assert bar.value() <= top <= bar.value() + pane.scroller.viewport().height()


def test_a_changed_score_and_the_summary_texts_are_followed(qtbot, demo_window):
    win = demo_window
    pane = open_preview(qtbot, win)
    page = area_page(win, 2)
    page.cards["2.1"].score.setFocus()
    qtbot.waitUntil(lambda: shown_newest(pane) and pane.result.key == "area-2", timeout=WAIT)
    before = printed(pane.result)
    ok, _ = win.controller.set_score("2.1", "0")
    assert ok
    qtbot.waitUntil(lambda: shown_newest(pane) and printed(pane.result) != before, timeout=WAIT)
    win.go("summary")
    editor = win.workspace.pages["summary"].editors[TextScope.SUMMARY_WEAKER]
    editor.setFocus()
    editor.selectAll()
    type_text(editor, "Svagast är kvalitetsutvecklingen.")
    assert editor.flush()
    qtbot.waitUntil(lambda: shown_newest(pane) and pane.result.key == "ch2", timeout=WAIT)
    assert "Svagast är kvalitetsutvecklingen." in printed(pane.result)


class Gate:
    """Holds every render until released (a slow render, made deterministic)."""

    def __init__(self, monkeypatch):
        self.open = threading.Event()
        self.entered = threading.Event()
        real = preview_worker.PreviewWorker.exchange

        def exchange(worker, request):
            self.entered.set()
            self.open.wait(30)
            return real(worker, request)

        monkeypatch.setattr(preview_worker.PreviewWorker, "exchange", exchange)


def test_the_newest_edit_wins_over_a_render_still_running(qtbot, demo_window, monkeypatch):
    win = demo_window
    page = area_page(win, 4)
    page.cards["4.1"].text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    gate = Gate(monkeypatch)
    seen = []
    pane.shown.connect(lambda result: seen.append(printed(result)))
    for i in range(1, 6):  # rapid edits, each committed while the first render is held
        assert win.controller.set_text(TextScope.SUBAREA, "4.1", f"Version {i} av texten.")
        pane.request()
        if i == 1:
            assert gate.entered.wait(10)  # the first one is running
    gate.open.set()
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert seen and all("Version 5 av texten." in text for text in seen)  # nothing older shown
    assert "Version 5 av texten." in printed(pane.result)


def test_a_render_that_takes_long_says_so_until_its_page_is_shown(qtbot, demo_window, monkeypatch):
    win = demo_window
    area_page(win, 4).cards["4.1"].text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    gate = Gate(monkeypatch)  # a slow render, made deterministic
    assert win.controller.set_text(TextScope.SUBAREA, "4.1", "En text som tar tid att visa.")
    pane.request()
    assert gate.entered.wait(10)
    qtbot.waitUntil(lambda: pane.busy_label.isVisible(), timeout=WAIT)  # "uppdaterar…"
    gate.open.set()
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert not pane.busy_label.isVisible() and "En text som tar tid att visa." in printed(pane.result)


def test_clicking_a_paragraph_puts_the_cursor_in_its_field(qtbot, demo_window):
    win = demo_window
    page = area_page(win, 3)
    page.cards["3.1"].score.setFocus()  # the area box and the first sub-areas are on its page
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    regions = {r.source: r for r in pane.view.regions}
    for source, field in (
        ("text:subarea:3.2", page.cards["3.2"].text),
        ("text:area_intro:3", page.intro),
        ("score:3.4", page.cards["3.4"].score),
    ):
        rect = pane.view.region_rect(regions[source])
        pane.scroller.ensureVisible(int(rect.center().x()), int(rect.center().y()))
        qtbot.mouseClick(pane.view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
        qtbot.waitUntil(lambda field=field: QApplication.focusWidget() is field)
        assert pane.view.marked == source


def resources_with_fonts(tmp_path, fonts: bytes | None):
    """A copy of the resources (links) whose report fonts are ``fonts`` (None: the real ones)."""
    from kompass_desktop import resources

    real = resources._base_dir() / "resources"
    copy = tmp_path / "resources"
    copy.mkdir(exist_ok=True)
    for entry in real.iterdir():
        if entry.name != "fonts" and not (copy / entry.name).exists():
            (copy / entry.name).symlink_to(entry)
    (copy / "fonts").mkdir(exist_ok=True)
    for font in (real / "fonts").glob("*.ttf"):
        (copy / "fonts" / font.name).write_bytes(font.read_bytes() if fonts is None else fonts)
    return copy


def test_a_failing_render_shows_its_message_and_the_window_goes_on(qtbot, demo_window, monkeypatch, tmp_path):
    """A damaged report font: the pane says so, the edit is saved; once repaired it renders again."""
    monkeypatch.setenv("KOMPASS_RESOURCES", str(resources_with_fonts(tmp_path, b"not a font" * 10)))
    win = demo_window
    page = area_page(win, 5)
    page.cards["5.1"].text.setFocus()
    pane = open_preview(qtbot, win)  # its renderer starts with the damaged fonts
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert pane.result.error and pane.message.isVisible()
    assert "Förhandsvisningen kunde inte skapas" in pane.message.text()
    assert "Carlito-Regular.ttf" in pane.message.text()
    assert win.controller.set_text(TextScope.SUBAREA, "5.1", "Text medan typsnittet är trasigt.")
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert pane.result.error and pane.message.isVisible()
    stored = win.controller.session.scores.text(TextScope.SUBAREA, "5.1")
    assert stored == "Text medan typsnittet är trasigt."  # the edit itself was saved
    resources_with_fonts(tmp_path, None)  # repaired (or reinstalled)
    assert win.controller.set_text(TextScope.SUBAREA, "5.1", "Typsnittet är lagat.")
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert not pane.result.error and not pane.message.isVisible()
    assert "Typsnittet är lagat." in printed(pane.result)


def test_a_renderer_that_dies_is_replaced(qtbot, demo_window):
    win = demo_window
    area_page(win, 7).cards["7.1"].text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    pane.worker._child.process.kill()  # crashed
    assert win.controller.set_text(TextScope.SUBAREA, "7.1", "Första försöket.")
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert "Förhandsvisningen kunde inte skapas" in pane.message.text()
    assert win.controller.set_text(TextScope.SUBAREA, "7.1", "Andra försöket.")
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert not pane.result.error and "Andra försöket." in printed(pane.result)


@pytest.mark.parametrize("step", [1, -1])
def test_previous_and_next_page_and_zoom(qtbot, demo_window, step):
    win = demo_window
    area_page(win, 6).cards["6.1"].text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    number = pane.view.pages[0].number
    total = pane.result.total
    (pane.next_button if step > 0 else pane.previous_button).click()
    qtbot.waitUntil(lambda: shown_newest(pane) and pane.view.pages[0].number == number + step, timeout=WAIT)
    assert pane.page_label.text() == f"Sida {number + step} av {total}"
    assert f"Sida {number + step} av {total}" in printed(pane.result)
    width = pane.view.width()
    pane.zoom_in_button.click()
    assert not pane.fit_button.isChecked() and pane.view.width() > width
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    pane.fit_button.click()
    assert pane.view.width() <= pane.scroller.viewport().width()


def test_a_200_kb_finding_is_previewed_while_the_window_goes_on(qtbot, demo_window):
    from kompass_desktop.domain.framework import FindingKind

    win = demo_window
    page = area_page(win, 2)
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    words = "Kommunen följer upp målen i styrmodellen och redovisar resultaten öppet. "
    body = "Lång iakttagelse. " + (words * (200_000 // len(words) + 1))[:200_000]
    said_busy = []  # the pane says it is working when a render takes long (over 0,4 s)
    pane._slow_timer.timeout.connect(lambda: said_busy.append(pane.busy_label.isVisible()))
    started = time.monotonic()
    finding = win.controller.add_finding(2, FindingKind.STRENGTH, body)
    page.findings.select(finding.id).setFocus()
    qtbot.waitUntil(lambda: pane.worker.busy)
    ticks = []  # the window's event loop runs while the long text is laid out
    qtbot.waitUntil(lambda: ticks.append(1) or (len(ticks) > 3 and pane.worker.busy), timeout=WAIT)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=60_000)
    if time.monotonic() - started > 1.0:  # a slow machine: the wait was said
        assert said_busy and all(said_busy)
    assert not pane.busy_label.isVisible()
    assert pane.source == f"finding:2:{finding.id}" and pane.result.total > 60
    assert "Lång iakttagelse." in printed(pane.result)  # its first page, marked
    assert pane.view.marked_rects()
    page.cards["2.1"].text.setFocus()
    assert win.controller.set_text(TextScope.SUBAREA, "2.1", "Efter den långa.")
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=60_000)
    assert "Efter den långa." in printed(pane.result)


def test_a_page_without_report_text_says_so_and_the_next_area_is_shown_again(qtbot, demo_window):
    win = demo_window
    area_page(win, 8).cards["8.1"].text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane) and pane.result.key == "area-8", timeout=WAIT)
    win.go("documents")
    assert pane.message.isVisible() and "områdena och sammanfattningen" in pane.message.text()
    assert not pane.scroller.isVisible() and pane.page_label.text() == ""
    win.go("area:1")
    qtbot.waitUntil(lambda: shown_newest(pane) and "Område 1" in printed(pane.result), timeout=WAIT)
    assert pane.scroller.isVisible() and not pane.message.isVisible()


def test_the_pane_follows_the_cursor_through_a_text_over_several_pages(qtbot, demo_window):
    from PySide6.QtGui import QTextCursor

    win = demo_window
    page = area_page(win, 3)
    text = page.cards["3.3"].text
    long = "\n\n".join(f"Stycke {i} om styrning och uppföljning i kommunen. " * 6 for i in range(40))
    assert win.controller.set_text(TextScope.SUBAREA, "3.3", f"BÖRJAN {long} SLUTET")
    text.setFocus()
    text.moveCursor(QTextCursor.MoveOperation.Start)
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane) and "BÖRJAN" in printed(pane.result), timeout=WAIT)
    first, last = pane.result.span
    assert last > first and "SLUTET" not in printed(pane.result)
    text.moveCursor(QTextCursor.MoveOperation.End)  # no edit: only the cursor moves
    qtbot.waitUntil(lambda: shown_newest(pane) and "SLUTET" in printed(pane.result), timeout=WAIT)
    assert [p.number for p in pane.view.pages] == [last]


def test_a_click_puts_the_cursor_near_the_place_clicked(qtbot, demo_window):
    win = demo_window
    page = area_page(win, 3)
    text = page.cards["3.1"].text
    body = text.toPlainText()
    assert "\n\n" in body  # two paragraphs
    text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    mine = [r for r in pane.view.regions if r.source == "text:subarea:3.1"]
    for region, inside in ((max(mine, key=lambda r: r.y1), False), (min(mine, key=lambda r: r.y0), True)):
        rect = pane.view.region_rect(region)  # the heading, then the last paragraph
        pane.scroller.ensureVisible(int(rect.center().x()), int(rect.center().y()))
        qtbot.mouseClick(pane.view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
        qtbot.waitUntil(lambda: QApplication.focusWidget() is text)
        position = text.textCursor().position()
        assert (position > body.index("\n\n")) is inside, position


def test_typing_is_shown_after_a_short_pause_before_the_autosave_commits_it(qtbot, demo_window):
    win = demo_window
    card = area_page(win, 3).cards["3.4"]
    card.text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    card.text._timer.setInterval(600_000)  # the autosave far away: only the pause in typing counts
    stored = win.controller.session.scores.text(TextScope.SUBAREA, "3.4")
    card.text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(card.text, " Nämnderna får rapporten varje månad.")
    qtbot.waitUntil(lambda: shown_newest(pane) and "varje månad." in printed(pane.result), timeout=WAIT)
    assert card.text.dirty  # shown as typed, not committed yet
    assert win.controller.session.scores.text(TextScope.SUBAREA, "3.4") == stored
    assert pane.view.marked == "text:subarea:3.4" and pane.view.marked_rects()
    generation = pane.generation
    assert card.text.flush()  # the autosave: the text already shown is not rendered again
    assert not pane._timer.isActive() and pane.generation == generation
    assert win.controller.session.scores.text(TextScope.SUBAREA, "3.4").endswith("varje månad.")


def test_a_render_outdated_by_a_score_edit_never_reaches_the_window(qtbot, demo_window, monkeypatch):
    win = demo_window
    area_page(win, 4).cards["4.2"].score.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    gate = Gate(monkeypatch)
    seen = []
    pane.shown.connect(lambda result: seen.append(result.generation))
    held = pane.request()
    assert gate.entered.wait(10)
    ok, _ = win.controller.set_score("4.2", "5")  # while the older render is running
    assert ok
    gate.open.set()
    end = time.monotonic() + 20
    while pane.worker.busy and time.monotonic() < end:  # finished, the window's loop not run
        time.sleep(0.005)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    assert held not in seen and seen == [pane.generation]
    score = next(r for r in pane.view.regions if r.source == "score:4.2")
    assert score.page in {p.number for p in pane.view.pages}


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_renderer_gives_way_to_the_window(qtbot, demo_window):
    win = demo_window
    area_page(win, 1).cards["1.1"].text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    child = pane.worker._child.process.pid
    assert os.getpriority(os.PRIO_PROCESS, child) > os.getpriority(os.PRIO_PROCESS, 0)


def test_a_render_still_running_when_the_application_ends_is_ended_first(qtbot, demo_window, monkeypatch):
    """Qt aborts the whole process ("terminate called without an active exception") when a thread
    that still runs is destroyed at exit: the worker ends with the application."""
    win = demo_window
    area_page(win, 4).cards["4.1"].text.setFocus()
    pane = open_preview(qtbot, win)
    qtbot.waitUntil(lambda: shown_newest(pane), timeout=WAIT)
    entered = threading.Event()
    real = preview_worker.PreviewWorker.exchange

    def exchange(worker, request):  # a render that runs until the worker is told to stop
        entered.set()
        while not worker._stopping:
            time.sleep(0.01)
        return real(worker, request)

    monkeypatch.setattr(preview_worker.PreviewWorker, "exchange", exchange)
    assert win.controller.set_text(TextScope.SUBAREA, "4.1", "Skrivs medan programmet avslutas.")
    pane.request()
    assert entered.wait(10)
    QApplication.instance().aboutToQuit.emit()  # what QApplication.quit() sends before it returns
    assert pane.worker.isFinished()
