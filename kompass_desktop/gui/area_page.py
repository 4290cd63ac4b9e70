"""The page of one area: Allmänt, every sub-area (questions, score, text, notes) and the findings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.framework import Area, SubArea
from ..domain.model import TextScope
from ..domain.rules import intro_text
from ..domain.scoring import format_exact, round_display
from ..services import AnyChange, ChangeKind
from . import theme
from .consensus_actions import score_hint, visible_summary
from .controller import EvaluationController
from .findings import FindingsEditor
from .formatting import Sources
from .notes_list import NotesList
from .source_picker import CurrentSource
from .widgets import AutosaveTextEdit, ScoreEdit, TextLine, muted_label


class SubAreaCard(QFrame):
    def __init__(
        self,
        controller: EvaluationController,
        sub: SubArea,
        source: CurrentSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sub = sub
        self.source = source
        self.setObjectName(f"sub-{sub.number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(f"<b>{sub.number} {sub.heading}</b>", self)
        title.setWordWrap(True)
        title.setToolTip(sub.title)
        head.addWidget(title, 1)
        head.addWidget(QLabel(self.tr("Poäng"), self))
        self.score = ScoreEdit(lambda text: controller.set_score(sub.number, text), sub.max, self)
        self.score.setAccessibleName(self.tr("Poäng för {0}").format(sub.number))
        self.score.set_base_tooltip(
            self.tr("0–{0}, decimaler tillåtna. Enter sparar, Esc ångrar, ↑/↓ ±1.").format(
                format_exact(sub.max)
            )
        )
        head.addWidget(self.score)
        head.addWidget(QLabel(f"/ {format_exact(sub.max)}", self))
        layout.addLayout(head)
        self.score_error = QLabel(self)  # why a typed score was not saved, beside the field
        self.score_error.setObjectName(f"score-error-{sub.number}")
        self.score_error.setWordWrap(True)
        self.score_error.setAlignment(Qt.AlignmentFlag.AlignRight)
        theme.set_text_colour(self.score_error, theme.ERROR)
        self.score_error.hide()
        layout.addWidget(self.score_error)
        self.score.rejected.connect(self._score_rejected)
        self.consensus_hint = QLabel(self)  # the others' scores and the agreed one (unless hidden)
        self.consensus_hint.setObjectName(f"consensus-{sub.number}")
        self.consensus_hint.setWordWrap(True)
        self.consensus_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        theme.set_text_colour(self.consensus_hint, theme.MUTED)
        layout.addWidget(self.consensus_hint)
        if sub.title != sub.heading:
            layout.addWidget(muted_label(sub.title, self))
        if sub.questions:
            questions = muted_label("\n".join(f"• {q}" for q in sub.questions), self)
            questions.setAccessibleName(self.tr("Vägledande frågor för {0}").format(sub.number))
            layout.addWidget(questions)
        self.text = AutosaveTextEdit(
            lambda body, burst: controller.set_text(TextScope.SUBAREA, sub.number, body, burst),
            self,
            placeholder=self.tr("Bedömning för {0} – texten till rapporten…").format(sub.number),
            min_lines=5,
        )
        self.text.setAccessibleName(self.tr("Text för {0}").format(sub.number))
        layout.addWidget(self.text)
        notes_head = QHBoxLayout()
        self.notes_label = QLabel(self)
        notes_head.addWidget(self.notes_label, 1)
        layout.addLayout(notes_head)
        self.notes = NotesList(controller, self, grow=True)  # as tall as its notes
        layout.addWidget(self.notes)
        self.quick_note = TextLine(self)
        self.quick_note.setAccessibleName(self.tr("Ny anteckning till {0}").format(sub.number))
        self.quick_note.returnPressed.connect(self._add_note)
        layout.addWidget(self.quick_note)
        self._draft_key = f"quick_note:{sub.number}"
        self._has_draft = False
        draft = controller.session.draft(self._draft_key)
        if draft:  # typed but not entered when the file was last closed (no source was chosen)
            self.quick_note.setText(draft)
            self._has_draft = True
        source.changed.connect(self._show_source)
        self._show_source()

    def _show_source(self) -> None:
        source = self.source.label() if self.source.chosen else self.tr("välj källa först (Ctrl+K)")
        self.quick_note.setPlaceholderText(
            self.tr("Ny anteckning till {0} · {1} – Enter sparar").format(self.sub.number, source)
        )

    def _score_rejected(self, message: str) -> None:
        self.score_error.setText(message)
        self.score_error.setVisible(bool(message))
        if message:
            self.controller.status.emit(self.tr("Poängen sparades inte: {0}").format(message))

    def add_pending_note(self) -> bool:
        """Text left in the new-note field (e.g. when the page is left) is saved, not dropped:
        as a note when a source is chosen, else kept as a draft in its field."""
        if self.source.chosen or not self.quick_note.text().strip():
            return self._add_note()
        return self._keep_draft(self.quick_note.text())

    def _keep_draft(self, text: str) -> bool:
        if not text and not self._has_draft:
            return True
        ok, message = self.controller.try_call(self.controller.session.save_draft, self._draft_key, text)
        if not ok:
            self.controller.error.emit(str(message))
            return False
        self._has_draft = bool(text)
        return True

    def _add_note(self) -> bool:
        text = self.quick_note.text().strip()
        if not text:
            return self._keep_draft("")
        if not self.source.chosen:  # a note without a source only by an explicit choice
            self.controller.status.emit(
                self.tr("Välj källa för anteckningen först – eller ”Utan källa”. Texten finns kvar.")
            )
            self.source.wanted.emit(self.quick_note)
            return False
        if self.controller.add_note(text, self.sub.number, **self.source.note_source()) is None:
            return False
        self.quick_note.clear()
        return self._keep_draft("")

    def refresh_score(self, scores: dict) -> None:  # type: ignore[type-arg]
        """``scores``: the evaluator's own; the agreed score is the placeholder while empty."""
        self.score.set_stored(format_exact(scores.get(self.sub.number)))
        placeholder, line = score_hint(self.controller, self.sub.number)
        self.score.setPlaceholderText(placeholder)
        self.consensus_hint.setText(line)
        self.consensus_hint.setVisible(bool(line))

    def refresh_text(self) -> None:
        if not self.text.dirty:
            self.text.set_stored_text(self.controller.session.scores.text(TextScope.SUBAREA, self.sub.number))

    def refresh_notes(self, sources: Sources) -> None:
        notes = self.controller.session.notes.all(self.sub.number)
        self.notes.set_notes(notes, sources)
        self.notes_label.setText(self.tr("Anteckningar ({0})").format(len(notes)))
        self.notes.setVisible(bool(notes))


class AreaPage(QScrollArea):
    def __init__(
        self,
        controller: EvaluationController,
        area: Area,
        source: CurrentSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.area = area
        self.source = source
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        layout = self.body_layout = QVBoxLayout(body)
        header = QGridLayout()
        heading = self.tr("Område {0}. {1}").format(area.number, area.title)
        title = QLabel(f"<h2>{heading}</h2>", body)
        title.setWordWrap(True)
        header.addWidget(title, 0, 0)
        self.score_label = QLabel(body)
        self.score_label.setAccessibleName(self.tr("Områdets poäng"))
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.score_label, 0, 1)
        header.setColumnStretch(0, 1)
        layout.addLayout(header)
        toggle = QToolButton(body)
        toggle.setText(self.tr("Allmänt"))
        toggle.setCheckable(True)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        toggle.setAccessibleName(self.tr("Visa eller dölj Allmänt"))
        layout.addWidget(toggle)
        self.intro = AutosaveTextEdit(
            lambda text, burst: controller.set_text(TextScope.AREA_INTRO, str(area.number), text, burst),
            body,
        )
        self.intro.setAccessibleName(self.tr("Allmänt för område {0}").format(area.number))
        self.intro.setToolTip(self.tr("Standardtexten för området. Ändringar gäller bara denna utvärdering."))
        self.intro.setVisible(False)
        layout.addWidget(self.intro)

        def show_intro(checked: bool) -> None:
            self.intro.setVisible(checked)
            toggle.setArrowType(Qt.ArrowType.DownArrow if checked else Qt.ArrowType.RightArrow)

        toggle.toggled.connect(show_intro)
        self.intro_toggle = toggle
        self.cards: dict[str, SubAreaCard] = {}
        for sub in area.subareas:
            card = SubAreaCard(controller, sub, source, body)
            self.cards[sub.number] = card
            layout.addWidget(card)
        findings_title = self.tr("Styrkor och förbättringsmöjligheter")
        layout.addWidget(QLabel(f"<h3>{findings_title}</h3>", body))
        self.findings = FindingsEditor(controller, area.number, body)
        layout.addWidget(self.findings)
        layout.addStretch(1)
        self.refresh()

    def refresh(self, change: AnyChange | None = None) -> None:
        if (
            change is not None
            and change.areas
            and self.area.number not in change.areas
            and change.kind
            not in (ChangeKind.INTERVIEW, ChangeKind.DOCUMENT, ChangeKind.WEB, ChangeKind.BULK)
        ):
            return
        kind = change.kind if change else ChangeKind.BULK  # no change given: show everything anew
        sources = (
            Sources.load(self.controller.session)
            if kind
            in (
                ChangeKind.NOTE,
                ChangeKind.INTERVIEW,
                ChangeKind.DOCUMENT,
                ChangeKind.WEB,
                ChangeKind.BULK,
                ChangeKind.FINDING,
            )
            else None
        )
        if kind in (ChangeKind.SCORE, ChangeKind.BULK):
            scores = self.controller.scores()
            for card in self.cards.values():
                card.refresh_score(scores)
            self._refresh_total()
        if kind in (ChangeKind.TEXT, ChangeKind.BULK):
            for card in self.cards.values():
                card.refresh_text()
            if not self.intro.dirty:
                own = self.controller.session.scores.text(TextScope.AREA_INTRO, str(self.area.number))
                self.intro.set_stored_text(intro_text(own, self.area.intro))
        if sources is not None:
            if kind != ChangeKind.FINDING:
                for card in self.cards.values():
                    card.refresh_notes(sources)
            self.findings.refresh(sources)

    def _refresh_total(self) -> None:
        area = visible_summary(self.controller).area(self.area.number)
        value = "–" if area.achieved is None else str(round_display(area.achieved))
        self.score_label.setText(f"<h2>{value} / {format_exact(area.max)}</h2>")
        self.score_label.setToolTip(
            self.tr("Exakt: {0} · {1} av {2} delfrågor bedömda").format(
                format_exact(area.achieved) or "–", area.scored_count, len(area.subareas)
            )
        )

    def flush(self) -> bool:
        """Commit everything typed on the page, including a note or finding not yet entered.

        False when something could not be stored (the error was shown); a refused score is
        not counted: its field already shows why and the stored value."""
        results = [self.intro.flush()]
        for card in self.cards.values():
            results.append(card.text.flush())
            card.score.commit_text()
            results.append(card.add_pending_note())
        results.append(self.findings.add_pending())
        return all(results)

    def scroll_to(self, subarea: str, *, focus: bool = True) -> None:
        """Show the sub-area at the top; ``focus``: into its score field (a deliberate step)."""
        card = self.cards.get(subarea)
        if card is not None:
            self.body_layout.activate()
            self.verticalScrollBar().setValue(card.y())
            if focus:
                card.score.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        """Ctrl+1…8 and Enter on an area: the top of the page, in the first sub-area's text."""
        self.verticalScrollBar().setValue(0)
        first = next(iter(self.cards.values()), None)
        if first is not None:
            self.ensureWidgetVisible(first.text, 0, 0)
            first.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, widget: QWidget) -> QWidget:
        self.body_layout.activate()
        self.ensureWidgetVisible(widget, 40, 40)
        return widget

    def reveal(self, where: str) -> QWidget | None:
        """The widget that shows the change ``where`` (see controller), scrolled into view."""
        kind, _, rest = where.partition(":")
        if kind == "score":
            card = self.cards.get(rest)
            return None if card is None else self._show(card.score)
        if kind == "text":
            scope, _, ref = rest.partition(":")
            if scope == TextScope.SUBAREA.value and ref in self.cards:
                return self._show(self.cards[ref].text)
            self.intro_toggle.setChecked(True)
            return self._show(self.intro)
        if kind == "note":
            sub, _, note_id = rest.partition(":")
            card = self.cards.get(sub)
            if card is None:
                return None
            if card.notes.select_note(note_id):
                return self._show(card.notes)
            return self._show(card.notes if card.notes.count() else card.quick_note)
        if kind == "finding":
            widget = self.findings.select(rest.partition(":")[2])
            return None if widget is None else self._show(widget)
        return None
