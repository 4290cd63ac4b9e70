"""The current source of new notes: one for the whole window, shown at all times.

:class:`CurrentSource` holds it: an interview, a document (with page), a web observation, an
explicit "utan källa" — or nothing chosen yet, in which case no note is saved until a source
is chosen.  It is proposed from the visit schedule by the clock (the interview going on now,
else the next one today; see :func:`kompass_desktop.domain.visit.proposed_interview`) and
follows the schedule as long as the evaluator has not chosen something else.
:class:`SourcePicker` widgets (the status bar, interview mode) show and change it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ..domain.model import Interview, SourceKind
from ..domain.visit import proposed_interview
from ..services import EvaluationSession
from .wording import group_label

#: Longer interview titles are cut in the source's label (the time comes after the title).
TITLE_CHARS = 40
UNSET = ""  # nothing chosen: a note waits for a source
NONE = "none"  # explicitly "utan källa"


def interview_slot(interview: Interview) -> str:
    """'Politisk ledning, 14/10 10:15–11:45' (title, day/month and time)."""
    title = interview.title or group_label(interview.group)
    if len(title) > TITLE_CHARS:  # the time must stay readable in the status bar
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    day = f"{interview.date[8:10]}/{interview.date[5:7]}" if len(interview.date) == 10 else ""
    time = "–".join(t for t in (interview.start, interview.end) if t)
    when = f"{day} {time}".strip()
    return f"{title}, {when}" if when else title


@dataclass(frozen=True)
class Choice:
    value: str  # UNSET, NONE, "interview:ID", "document:ID", "web:ID"
    label: str


class CurrentSource(QObject):
    """The source every new note gets, wherever it is typed."""

    changed = Signal()
    wanted = Signal(QObject)  # a note waits for a source (the widget it was typed in)

    def __init__(self, clock: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.value = UNSET
        self.page = ""
        self.proposed = False  # set from the schedule (not chosen): follows the clock
        self.choices: list[Choice] = []
        self._interviews: list[Interview] = []

    # -- the records to choose from --------------------------------------------------------
    def reload(self, session: EvaluationSession) -> None:
        choices = [Choice(UNSET, self.tr("Välj källa…")), Choice(NONE, self.tr("Utan källa"))]
        self._interviews = session.registers.interviews()
        for i in self._interviews:
            choices.append(Choice(f"interview:{i.id}", self.tr("Intervju: {0}").format(interview_slot(i))))
        for d in session.registers.documents():
            choices.append(Choice(f"document:{d.id}", self.tr("Dokument: {0}").format(d.title)))
        for w in session.registers.web_sources():
            choices.append(Choice(f"web:{w.id}", self.tr("Webb: {0}").format(w.title)))
        self.choices = choices
        if self.value not in {c.value for c in choices}:  # the record was deleted
            self.value, self.proposed = UNSET, False
        if self.value == UNSET or self.proposed:
            self.propose(announce=False)
        self.changed.emit()

    def propose(self, *, announce: bool = True) -> bool:
        """Follow the schedule: the interview going on now, else the next one today.  Only when
        nothing is chosen or the current source was itself proposed.  True if it changed."""
        if self.value != UNSET and not self.proposed:
            return False
        interview = proposed_interview(self._interviews, self.clock())
        value = UNSET if interview is None else f"interview:{interview.id}"
        if value == self.value:
            return False
        self.value, self.page, self.proposed = value, "", value != UNSET
        if announce:
            self.changed.emit()
        return True

    # -- choosing ----------------------------------------------------------------------------
    def choose(self, value: str, page: str = "") -> None:
        """The evaluator's choice (kept until they choose again)."""
        if value == self.value and page == self.page and not self.proposed:
            return
        self.value, self.page, self.proposed = value, page, False
        self.changed.emit()

    def set_page(self, page: str) -> None:
        if page != self.page:
            self.page = page
            self.changed.emit()

    # -- reading ------------------------------------------------------------------------------
    @property
    def chosen(self) -> bool:
        """False while no source is chosen (notes wait)."""
        return self.value != UNSET

    def label(self) -> str:
        text = next((c.label for c in self.choices if c.value == self.value), self.tr("Välj källa…"))
        if self.value.startswith("document:") and self.page:
            text += self.tr(", s. {0}").format(self.page)
        return text

    def interview_id(self) -> str | None:
        kind, _, rid = self.value.partition(":")
        return rid if kind == "interview" else None

    def note_source(self) -> dict[str, Any]:
        """Keyword arguments for ``add_note`` (an empty dict: no source)."""
        kind, _, rid = self.value.partition(":")
        if kind == "interview":
            return {"source_kind": SourceKind.INTERVIEW, "interview_id": rid}
        if kind == "document":
            return {"source_kind": SourceKind.DOCUMENT, "document_id": rid, "page": self.page.strip()}
        if kind == "web":
            return {"source_kind": SourceKind.WEB, "web_id": rid}
        return {}


class SourcePicker(QWidget):
    """A combo box over :class:`CurrentSource` plus the page field used for documents."""

    chosen = Signal()  # the evaluator picked a source here

    def __init__(self, state: CurrentSource, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.state = state
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Källa för nya anteckningar"))
        self.combo.setToolTip(self.tr("Källan som nya anteckningar får, på alla sidor (Ctrl+K)"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(28 if compact else 40)
        self.combo.setMaxVisibleItems(25)
        layout.addWidget(self.combo, 1)
        self.page_label = QLabel(self.tr("sida"), self)
        layout.addWidget(self.page_label)
        self.page = QLineEdit(self)
        self.page.setAccessibleName(self.tr("Sida i dokumentet"))
        self.page.setMaximumWidth(60)
        self.page.setProperty("keep_editable", True)
        layout.addWidget(self.page)
        self.combo.activated.connect(self._picked)
        self.page.textEdited.connect(state.set_page)
        state.changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        """Show the state (after it changed anywhere)."""
        self.combo.blockSignals(True)
        values = [c.value for c in self.state.choices]
        if [self.combo.itemData(i) for i in range(self.combo.count())] != values:
            self.combo.clear()
            for choice in self.state.choices:
                self.combo.addItem(choice.label, choice.value)
        index = self.combo.findData(self.state.value)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        attention = not self.state.chosen
        self.combo.setProperty("attention", attention)
        font = self.combo.font()
        font.setBold(attention)
        self.combo.setFont(font)
        is_doc = self.state.value.startswith("document:")
        self.page.setVisible(is_doc)
        self.page_label.setVisible(is_doc)
        if self.page.text() != self.state.page:
            self.page.setText(self.state.page)

    def _picked(self, index: int) -> None:
        self.state.choose(str(self.combo.itemData(index) or UNSET), self.state.page)
        self.chosen.emit()

    def set_value(self, value: str) -> bool:
        """Choose ``value`` as the evaluator would (True if it is one of the sources)."""
        index = self.combo.findData(value)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        self._picked(index)
        return True

    def value(self) -> str:
        return self.state.value

    def label(self) -> str:
        return self.state.label()

    def open(self) -> None:
        """Ctrl+K: the choice, with the keyboard."""
        self.combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.combo.showPopup()
