"""Evidence and coverage: a matrix of sub-areas × sources showing where evidence is thin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..domain.coverage import Coverage
from ..domain.visit import notes_without_source
from ..services import AnyChange, ChangeKind
from . import theme
from .controller import EvaluationController
from .formatting import Sources
from .notes_list import NotesList
from .widgets import muted_label
from .wording import coverage_column, coverage_warning


class CoveragePage(QWidget):
    navigate = Signal(str)

    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        heading = self.tr("Täckning av underlag")
        layout.addWidget(QLabel(f"<h2>{heading}</h2>", self))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Antal anteckningar per delfråga och källa. Tomma och ljusa rutor visar var underlaget "
                    "är tunt. Dubbelklicka för att gå till delfrågan."
                ),
                self,
            )
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(self)
        self.table.setAccessibleName(self.tr("Täckningsmatris: delfrågor och källor"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellActivated.connect(self._activate)
        self.table.cellDoubleClicked.connect(self._activate)
        layout.addWidget(self.table, 1)
        self.unsourced_label = QLabel(self)
        layout.addWidget(self.unsourced_label)
        self.unsourced = NotesList(controller, self, show_subarea=True)
        self.unsourced.setAccessibleName(self.tr("Anteckningar utan källa"))
        self.unsourced.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.unsourced.note_activated.connect(self._open_note)
        layout.addWidget(self.unsourced)
        self._rows: list[str] = []
        self._dirty = True

    def refresh(self, change: AnyChange | None = None) -> None:
        if change is not None and change.kind not in (
            ChangeKind.NOTE,
            ChangeKind.SCORE,
            ChangeKind.INTERVIEW,
            ChangeKind.DOCUMENT,
            ChangeKind.WEB,
            ChangeKind.BULK,
        ):
            return
        self._dirty = True
        if self.isVisible():
            self.rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.rebuild()
        super().showEvent(event)

    def rebuild(self) -> None:
        self._dirty = False
        cov: Coverage = self.controller.session.coverage()
        # Totalt and Varningar first: on a laptop screen they are never scrolled out of view
        first = [self.tr("Totalt"), self.tr("Varningar")]
        columns = [coverage_column(key) for key, _label in cov.columns]
        self.table.clear()
        self.table.setColumnCount(len(first) + len(columns))
        self.table.setRowCount(len(cov.rows))
        self.table.setHorizontalHeaderLabels(first + [short for short, _full in columns])
        for col, (_short, full) in enumerate(columns, start=len(first)):
            header = self.table.horizontalHeaderItem(col)
            if header is not None:
                header.setToolTip(full)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._rows = [r.subarea for r in cov.rows]
        warnings = 0
        text = QBrush(theme.COVERAGE_TEXT)
        for row, data in enumerate(cov.rows):
            name = data.heading if len(data.heading) <= 30 else data.heading[:28] + "…"
            head = QTableWidgetItem(f"{data.subarea} {name}")
            head.setToolTip(f"{data.subarea} {data.heading}")
            self.table.setVerticalHeaderItem(row, head)
            total = QTableWidgetItem(str(data.total))
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 0, total)
            warn = QTableWidgetItem(", ".join(coverage_warning(k) for k in data.warning_keys))
            if data.warning_keys:
                warnings += 1
                warn.setForeground(QBrush(theme.WARNING))
            self.table.setItem(row, 1, warn)
            for col, (key, _label) in enumerate(cov.columns, start=len(first)):
                n = data.counts[key]
                item = QTableWidgetItem(str(n) if n else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(QColor(theme.COVERAGE_SHADES[min(n, 3)])))
                item.setForeground(text)
                self.table.setItem(row, col, item)
        sections = self.table.horizontalHeader()
        sections.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        sections.setStretchLastSection(False)
        self._show_unsourced()
        no_notes = sum(1 for r in cov.rows if r.total == 0)
        unsupported = sum(1 for r in cov.rows if r.scored and r.total == 0)
        self.summary.setText(
            " · ".join(
                (
                    self.tr("%n delfrågor har varningar", "", warnings),
                    self.tr("%n saknar anteckningar", "", no_notes),
                    self.tr("%n har poäng utan underlag", "", unsupported),
                )
            )
        )

    def _show_unsourced(self) -> None:
        session = self.controller.session
        notes = notes_without_source(session.notes.all())
        self.unsourced.set_notes(notes, Sources.load(session))
        self.unsourced_label.setText(
            self.tr("<b>Anteckningar utan källa ({0})</b> – dubbelklicka för att öppna anteckningen").format(
                len(notes)
            )
        )
        self.unsourced_label.setVisible(bool(notes))
        self.unsourced.setVisible(bool(notes))

    def _open_note(self, note_id: str) -> None:
        note = self.controller.session.notes.get(note_id)
        self.navigate.emit(f"note:{note.subarea or ''}:{note_id}")

    def _activate(self, row: int, _col: int) -> None:
        """Double-click or Enter on a row: the sub-area (its score field: the evidence is judged)."""
        if 0 <= row < len(self._rows):
            self.navigate.emit(f"sub:{self._rows[row]}")
