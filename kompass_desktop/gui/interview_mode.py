"""Interview mode: capture notes with the keyboard alone while someone talks.

Type, Enter saves the note (tagged with the interview, the selected sub-area and the time).
Ctrl+↓/↑ next/previous sub-area, Ctrl+PgDn/PgUp next/previous area, Alt+1..8 an area,
Alt+0 "unsorted".  The text being typed is itself saved as a draft, so a crash loses nothing.
"""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QDate, QEvent, Qt, QTime, QTimer
from PySide6.QtGui import QBrush, QKeyEvent, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.visit import notes_without_source
from ..services import AnyChange, ChangeKind
from ..services.registers import Register
from .controller import EvaluationController
from .dialogs import ok_cancel
from .formatting import Sources
from .notes_list import NotesList
from .source_picker import NONE, CurrentSource, SourcePicker
from .widgets import is_undo_or_redo, muted_label
from .wording import group_labels, names_label, roles_label

DRAFT_KEY = "interview_note"
ROLE_SUB = Qt.ItemDataRole.UserRole + 30
UNSORTED = ""


class NewInterviewDialog(QDialog):
    """Quick creation of the current interview: group, time, roles (names optional)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ny intervju"))
        form = QFormLayout(self)
        self.group = QComboBox(self)
        for group, label in group_labels().items():
            self.group.addItem(label, group.value)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("t.ex. Förvaltningschefer"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime.currentTime(), self)
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime.currentTime().addSecs(90 * 60), self)
        self.end.setDisplayFormat("HH:mm")
        self.roles = QLineEdit(self)
        self.roles.setPlaceholderText(self.tr("t.ex. kommundirektör, ekonomichef"))
        self.names = QLineEdit(self)
        self.names.setPlaceholderText(self.tr("lämna tomt om namnen inte behövs"))
        self.participants = QSpinBox(self)
        self.participants.setRange(0, 99)
        self.participants.setValue(4)
        for label, widget in (
            (self.tr("Grupp"), self.group),
            (self.tr("Rubrik"), self.title),
            (self.tr("Datum"), self.date),
            (self.tr("Start"), self.start),
            (self.tr("Slut"), self.end),
            (roles_label(), self.roles),
            (names_label(), self.names),
            (self.tr("Antal deltagare"), self.participants),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow(ok_cancel(self))

    def values(self) -> dict[str, object]:
        return {
            "group": self.group.currentData(),
            "title": self.title.text().strip() or self.group.currentText(),
            "date": self.date.date().toString("yyyy-MM-dd"),
            "start": self.start.time().toString("HH:mm"),
            "end": self.end.time().toString("HH:mm"),
            "roles": [r.strip() for r in self.roles.text().split(",") if r.strip()],
            "names": [n.strip() for n in self.names.text().split(",") if n.strip()],
            "participants": self.participants.value() or None,
        }


class NoteInput(QPlainTextEdit):
    """Enter saves, Shift+Enter makes a new line.  Ctrl+Z in the empty input undoes the note just
    saved (its text comes back here); while typing it undoes the typing."""

    def __init__(self, page: InterviewPage) -> None:
        super().__init__(page)
        self.page = page
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_or_redo(event) and not self.toPlainText():
            event.ignore()  # the window's Ångra: takes back the saved note
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.page.save_note()
            return
        super().keyPressEvent(event)


class InterviewPage(QWidget):
    def __init__(
        self, controller: EvaluationController, source: CurrentSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.state = source
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Källa:"), self))
        self.source = SourcePicker(source, self)
        self.source.combo.setAccessibleName(self.tr("Pågående intervju eller annan källa"))
        top.addWidget(self.source, 1)
        new = QPushButton(self.tr("Ny intervju…"), self)
        new.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new.setToolTip(self.tr("Skapa en ny intervju (Ctrl+Skift+N)"))
        new.clicked.connect(self.create_interview)
        top.addWidget(new)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.subareas = QListWidget(left)
        self.subareas.setAccessibleName(self.tr("Delfråga för nya anteckningar"))
        left_layout.addWidget(self.subareas, 3)
        self.questions = muted_label("", left)
        self.questions.setAlignment(Qt.AlignmentFlag.AlignTop)
        left_layout.addWidget(self.questions, 1)
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.target = QLabel(right)
        self.target.setWordWrap(True)
        right_layout.addWidget(self.target)
        self.input = NoteInput(self)
        self.input.setParent(right)
        self.input.setAccessibleName(self.tr("Ny anteckning"))
        self.input.setPlaceholderText(self.tr("Skriv – Enter sparar, Skift+Enter ny rad"))
        self.input.setMaximumHeight(110)
        right_layout.addWidget(self.input)
        right_layout.addWidget(
            muted_label(
                self.tr(
                    "Ctrl+↓/↑ nästa/föregående delfråga · Ctrl+PgDn/PgUp nästa/föregående område · "
                    "Alt+1…8 område · Alt+0 osorterad · Ctrl+M flytta senaste anteckningen"
                ),
                right,
            )
        )
        self.recent_label = QLabel(right)
        right_layout.addWidget(self.recent_label)
        self.recent = NotesList(controller, right, show_subarea=True)
        right_layout.addWidget(self.recent, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)

        self._fill_subareas()
        shortcuts = [
            ("Ctrl+Down", lambda: self.step_subarea(1)),
            ("Ctrl+Up", lambda: self.step_subarea(-1)),
            ("Alt+0", lambda: self.select_subarea(UNSORTED)),
        ] + [
            (f"Alt+{a.number}", lambda n=a.number: self.select_subarea(f"{n}.1"))
            for a in self.controller.framework.areas
            if a.number <= 9
        ]
        for keys, slot in shortcuts:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        move = QShortcut(QKeySequence("Ctrl+M"), self.input)  # from the input: the last note
        move.setContext(Qt.ShortcutContext.WidgetShortcut)
        move.activated.connect(self.move_last_note)
        self._last_saved: tuple[str, str, str | None] | None = None  # (note id, text, sub-area)
        self._restoring = True  # nothing may overwrite the saved draft before it is restored
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self.save_draft)
        self.input.textChanged.connect(self._draft_timer.start)
        self.subareas.currentItemChanged.connect(lambda *_: self._update_target())
        source.changed.connect(self._source_changed)
        self.source.chosen.connect(lambda: self.input.setFocus(Qt.FocusReason.OtherFocusReason))
        self.refresh()
        self._restore_draft()
        self._restoring = False

    # -- building ------------------------------------------------------------------------
    def _fill_subareas(self) -> None:
        unsorted = QListWidgetItem(self.tr("Osorterad (välj delfråga senare)"), self.subareas)
        unsorted.setData(ROLE_SUB, UNSORTED)
        for area in self.controller.framework.areas:
            header = QListWidgetItem(f"{area.number}. {area.title}", self.subareas)
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not chosen, skipped by the arrows
            header.setForeground(QBrush(self.palette().color(QPalette.ColorRole.Text)))  # not "disabled" grey
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            for sub in area.subareas:
                item = QListWidgetItem(f"   {sub.number} {sub.heading}", self.subareas)
                item.setData(ROLE_SUB, sub.number)
        self.subareas.setCurrentRow(2)

    def _selectable_rows(self) -> list[int]:
        return [i for i in range(self.subareas.count()) if self.subareas.item(i).data(ROLE_SUB) is not None]

    def current_subarea(self) -> str | None:
        item = self.subareas.currentItem()
        value = None if item is None else item.data(ROLE_SUB)
        return value or None

    def current_interview_id(self) -> str | None:
        return self.state.interview_id()

    def _source_changed(self) -> None:
        self._refresh_recent()
        self._update_target()

    # -- navigation ----------------------------------------------------------------------
    def select_subarea(self, number: str) -> None:
        for row in self._selectable_rows():
            if self.subareas.item(row).data(ROLE_SUB) == number:
                self.subareas.setCurrentRow(row)
                break
        self.input.setFocus()

    def step_subarea(self, step: int) -> None:
        rows = self._selectable_rows()
        current = self.subareas.currentRow()
        position = rows.index(current) if current in rows else 0
        self.subareas.setCurrentRow(rows[(position + step) % len(rows)])
        self.input.setFocus()

    def step_area(self, step: int) -> None:
        areas = [a.number for a in self.controller.framework.areas]
        sub = self.current_subarea()
        current = int(sub.split(".")[0]) if sub else (0 if step > 0 else len(areas) + 1)
        target = current + step
        if 1 <= target <= len(areas):
            self.select_subarea(f"{target}.1")

    def _update_target(self) -> None:
        sub = self.current_subarea()
        fw = self.controller.framework
        if sub:
            info = fw.subarea(sub)
            self.questions.setText(
                f"<b>{info.number} {info.title}</b><br>" + "<br>".join(f"• {q}" for q in info.questions)
            )
        else:
            self.questions.setText(self.tr("Anteckningen sparas utan delfråga och kan flyttas senare."))
        where = f"{sub} {fw.subarea(sub).heading}" if sub else self.tr("osorterad")
        who = (
            self.state.label()
            if self.state.chosen
            else self.tr("<b>ingen källa vald</b> – välj ovan eller med Ctrl+K")
        )
        self.target.setText(self.tr("Sparas till <b>{0}</b> · {1}").format(where, who))
        self.save_draft()

    # -- data ----------------------------------------------------------------------------
    def refresh(self, change: AnyChange | None = None) -> None:
        if change is None or change.kind in (
            ChangeKind.NOTE,
            ChangeKind.INTERVIEW,
            ChangeKind.BULK,
            ChangeKind.DOCUMENT,
            ChangeKind.WEB,
        ):
            self._refresh_recent()
        self._update_target()

    def _refresh_recent(self) -> None:
        iid = self.current_interview_id()
        session = self.controller.session
        if iid:
            notes = session.notes.all(interview_id=iid)
        else:
            kind, _, rid = self.state.value.partition(":")
            notes = session.notes.all()
            if kind in ("document", "web"):
                key = {"document": "document_id", "web": "web_id"}[kind]
                notes = [n for n in notes if getattr(n, key) == rid]
            elif kind == NONE:
                notes = notes_without_source(notes)
            notes = notes[-50:]
        notes = list(reversed(notes))[:50]
        self.recent.set_notes(notes, Sources.load(session))
        self.recent_label.setText(self.tr("Senaste anteckningar ({0})").format(len(notes)))

    def create_interview(self) -> None:
        dialog = NewInterviewDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        record = self.controller.add_record(Register.INTERVIEW, **dialog.values())
        if record is not None:
            self.state.choose(f"interview:{record.id}")
            self.input.setFocus()

    def save_note(self) -> None:
        text = self.input.toPlainText().strip()
        if not text:
            return
        if not self.state.chosen:  # a note without a source only by an explicit choice
            self.controller.status.emit(
                self.tr("Välj källa för anteckningen först – eller ”Utan källa”. Texten finns kvar.")
            )
            self.source.open()
            return
        note = self.controller.add_note(text, self.current_subarea(), **self.state.note_source())
        if note is not None:
            self._last_saved = (note.id, self.input.toPlainText(), note.subarea)
            self.input.clear()
            self.save_draft()
            self.controller.status.emit(
                self.tr("Anteckning sparad {0}").format(datetime.now().strftime("%H:%M:%S"))
            )

    def move_last_note(self) -> None:
        """Ctrl+M in the note input: move the note just saved (else the newest one shown) to
        another sub-area; the input keeps what is being typed."""
        last = self._last_saved
        if last is None or not self.recent.select_note(last[0]):
            if self.recent.count() == 0:
                self.controller.status.emit(self.tr("Det finns ingen anteckning att flytta."))
                return
            self.recent.setCurrentRow(0)
        self.recent.move_current()
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_draft(self) -> bool:
        """Store what is being typed (True when it is stored, or there is nothing to store)."""
        self._draft_timer.stop()
        if self.controller.session.readonly or self._restoring:
            return True
        value = json.dumps(
            {
                "text": self.input.toPlainText(),
                "subarea": self.current_subarea(),
                "source": self.state.value,
            },
            ensure_ascii=False,
        )
        if self.controller.session.draft(DRAFT_KEY) == value:
            return True
        ok, message = self.controller.try_call(self.controller.session.save_draft, DRAFT_KEY, value)
        if not ok:
            self.controller.error.emit(str(message))
        return ok

    def _restore_draft(self) -> None:
        raw = self.controller.session.draft(DRAFT_KEY)
        if not raw:
            return
        try:
            draft = json.loads(raw)
        except ValueError:
            return
        self._apply_draft(draft)

    def _apply_draft(self, draft: dict[str, str]) -> None:
        if draft.get("source") and not self.state.chosen:  # the clock's or evaluator's choice wins
            self.state.choose(draft["source"])
        if draft.get("subarea"):
            self.select_subarea(draft["subarea"])
        self.input.blockSignals(True)
        self.input.setPlainText(draft.get("text", ""))
        self.input.blockSignals(False)

    def focus_first(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal(self, where: str) -> QWidget | None:
        """After an undo/redo of a note: the note in the list, or — when the note just saved was
        taken back — its text in the input again, ready to be corrected."""
        note_id = where.rpartition(":")[2]
        self._refresh_recent()
        shown = self.recent.select_note(note_id)
        last = self._last_saved
        if last is not None and last[0] == note_id:
            if not shown and not self.input.toPlainText():
                self.select_subarea(last[2] or UNSORTED)
                self.input.setPlainText(last[1])
                self.input.moveCursor(QTextCursor.MoveOperation.End)
                return self.input
            if shown and self.input.toPlainText() == last[1]:
                self.input.clear()  # redone: the note is saved again, not also in the input
        return self.recent if shown else self.input

    def flush(self) -> bool:
        return self.save_draft()
