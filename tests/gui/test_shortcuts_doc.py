"""The keys the documentation names are the keys the app has, both ways (issue 14, "Done when"):
Hjälp → Kortkommandon lists every key of the window (menus, lists, pages) and names no key the
app lacks; the README's GUI section names only keys the app has."""

from __future__ import annotations

import re
from pathlib import Path

from guisupport import press
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog

ROOT = Path(__file__).resolve().parents[2]
#: Keys a widget handles itself (no action or shortcut object to find); test_interview_and_notes.py
#: (Enter, Shift+Enter in interview mode) and test_scoring_and_areas.py (↑/↓ in a score) press them.
HANDLED_BY_WIDGETS = {"Return", "Shift+Return", "Up", "Down"}
PAGES = (
    "summary",
    "consensus",
    "area:1",
    "interview",
    "interviews",
    "documents",
    "web",
    "coverage",
    "search",
)


def _normal(key: str) -> str:
    """One key combination as Qt writes it ("Ctrl+Skift+Z" → "Ctrl+Shift+Z", "↓" → "Down")."""
    key = key.strip().replace("Skift", "Shift").replace("↓", "Down").replace("↑", "Up")
    key = key.replace("PgDn", "PgDown").replace("Enter", "Return").replace("Delete", "Del")
    key = key.replace("Insert", "Ins")
    text = QKeySequence(key).toString()
    assert text, key  # a key Qt cannot read is a mistake in the documentation
    return text


def _expand(written: str) -> set[str]:
    """The combinations one documented entry stands for: "Ctrl+Z / Ctrl+Skift+Z, Ctrl+Y",
    "Ctrl+1 … Ctrl+8", "Alt+1…8", "Ctrl+PgDn/PgUp" (the second key has the first one's
    modifiers), "↑ / ↓ (poängfält)"."""
    written = re.sub(r"\s*\([^)]*\)", "", written)
    out: set[str] = set()
    modifiers = ""
    for part in (p for p in re.split(r"\s*[,/]\s*", written) if p.strip()):
        span = re.fullmatch(r"(.*?)(\d)\s*…\s*(?:.*?\+)?(\d)", part)
        if span:
            out |= {_normal(f"{span[1]}{n}") for n in range(int(span[2]), int(span[3]) + 1)}
            modifiers = span[1]
        elif "+" in part[:-1]:
            modifiers = part[: part.rindex("+") + 1]
            out.add(_normal(part))
        else:
            out.add(_normal(modifiers + part))
    return out


def _app_keys(win) -> set[str]:
    """Every key of the window: menu commands, list and page actions, page shortcuts (every page
    built first, as they are built when first shown)."""
    for page in PAGES:
        win.go(page)
    keys = {
        k.toString()
        for action in win.findChildren(QAction)
        for k in action.shortcuts()
        if action.isVisible() or action.menu() is None
    }
    keys |= {sc.key().toString() for sc in win.findChildren(QShortcut)}
    keys |= {button.shortcut().toString() for button in win.findChildren(QAbstractButton)}
    return {k for k in keys if k}


def _platform_extras() -> set[str]:
    """Further bindings of the standard commands on this platform (Undo: Alt+Backspace and the
    Undo key of some keyboards): the list names the usual one, the app has them all."""
    return {
        k.toString() for standard in QKeySequence.StandardKey for k in QKeySequence.keyBindings(standard)[1:]
    }


def _help_entries(win, qtbot, monkeypatch) -> list[tuple[str, str]]:
    """Hjälp → Kortkommandon as shown after F1: (keys, what they do) per row."""
    from kompass_desktop.gui import help as help_module

    shown: list[str] = []

    def read(dialog):
        shown.append(dialog.browser.toHtml())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(help_module.ShortcutsDialog, "exec", read)
    press(qtbot, win, "F1")
    assert len(shown) == 1
    rows = re.findall(r"<tr>.*?</tr>", shown[0], re.S)
    cells = [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td.*?</td>", r, re.S)] for r in rows]
    return [(c[0].replace("&gt;", ">").replace("&amp;", "&"), c[1]) for c in cells if len(c) == 2]


def _readme_keys() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    gui = readme.split("## The desktop app", 1)[1].split("\n## ", 1)[0]
    found = set()
    for code in re.findall(r"`([^`]+)`", gui):
        if re.match(r"(Ctrl|Alt|Shift|F\d|Enter|Delete|↑|↓)", code):
            found |= _expand(code)
    return found


def test_the_shortcut_list_and_the_app_have_the_same_keys(demo_window, qtbot, monkeypatch):
    entries = _help_entries(demo_window, qtbot, monkeypatch)
    listed = set().union(*(_expand(keys) for keys, _what in entries))
    app = _app_keys(demo_window)
    assert {"Ctrl+0", "Ctrl+8", "Ctrl+Shift+E", "Ctrl+L", "Alt+0", "F2"} <= app  # all were found
    assert sorted(app - listed - _platform_extras()) == []  # every key of the app is listed …
    assert sorted(listed - app - HANDLED_BY_WIDGETS) == []  # … and the list names no other key


def test_the_readme_names_only_keys_the_app_has(demo_window):
    named = _readme_keys()
    assert {"Ctrl+0", "Ctrl+1", "Ctrl+8", "Ctrl+PgDown", "Ctrl+G", "F1"} <= named  # the section was read
    assert sorted(named - _app_keys(demo_window) - HANDLED_BY_WIDGETS) == []
