"""The summary page: totals per area, the summary comments, open items and the live charts."""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.checks import Severity
from ..domain.model import TextScope
from ..domain.scoring import format_exact, round_display
from ..services import AnyChange, ChangeKind
from .comparisons import ComparisonsBox
from .controller import EvaluationController
from .formatting import points
from .startup import after_first_paint
from .widgets import AutosaveTextEdit, GrowingList, muted_label
from .wording import open_item, team_agreement

if TYPE_CHECKING:
    from .charts import ChartsPanel

ROLE_REF = Qt.ItemDataRole.UserRole + 60
#: The charts beside the table (total, bars and profile side by side, their notes).
CHART_HEIGHT = 430


class SummaryPage(QScrollArea):
    """One scrolling page: the totals with the charts beside them, then the texts at full width."""

    navigate = Signal(str)

    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.scroller = self
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        layout = self.body_layout = QVBoxLayout(body)
        info = controller.session.info()
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)  # a long municipality name wraps
        self.heading.setAccessibleName(self.tr("Kommun"))
        layout.addWidget(self.heading)
        layout.addWidget(muted_label(f"{controller.framework.name} · {info.start_date or ''}", body))
        self.total = QLabel(body)
        self.total.setAccessibleName(self.tr("Totalpoäng"))
        layout.addWidget(self.total)
        self.agreement = QLabel(body)  # how far the evaluators agreed from the start
        self.agreement.setObjectName("summaryTeamAgreement")
        self.agreement.setWordWrap(True)
        self.agreement.setAccessibleName(self.tr("Samstämmighet mellan utvärderarna"))
        layout.addWidget(self.agreement)
        table = QGroupBox(self.tr("Poäng per område"), body)
        grid = QGridLayout(table)
        self.bars: dict[int, tuple[QLabel, QProgressBar]] = {}
        for row, area in enumerate(controller.framework.areas):
            name = QLabel(f"{area.number}. {area.title}", table)
            name.setWordWrap(True)
            grid.addWidget(name, row, 0)
            value = QLabel(table)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(value, row, 1)
            bar = QProgressBar(table)
            bar.setRange(0, 100)
            bar.setTextVisible(False)
            bar.setMaximumWidth(160)
            bar.setAccessibleName(self.tr("Område {0}").format(area.number))
            grid.addWidget(bar, row, 2)
            self.bars[area.number] = (value, bar)
        grid.setColumnStretch(0, 1)
        top = QHBoxLayout()
        top.addWidget(table, 4)
        # the charts (pyqtgraph) are built just after the page is first painted: a faster start
        self.charts: ChartsPanel | None = None
        self._charts_coming = False
        self._chart_holder = QWidget(body)
        self._chart_holder.setMinimumHeight(CHART_HEIGHT)
        self._chart_layout = QVBoxLayout(self._chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._chart_holder, 6)
        layout.addLayout(top)
        self.editors: dict[TextScope, AutosaveTextEdit] = {}
        for scope, title, hint in (
            (
                TextScope.SUMMARY_OVERALL,
                self.tr("Sammanfattande kommentarer"),
                self.tr("Helhetsbedömningen: totalresultat, jämförelser, det viktigaste…"),
            ),
            (
                TextScope.SUMMARY_STRONGER,
                self.tr("Starkare områden"),
                self.tr("Områden där kommunen är stark…"),
            ),
            (
                TextScope.SUMMARY_WEAKER,
                self.tr("Svagare områden"),
                self.tr("Områden med störst förbättringsbehov…"),
            ),
            (
                TextScope.COMPARISONS,
                self.tr("Jämförelser (kapitel 2)"),
                self.tr("Tomt: rapporten skriver versionens standardtext och vad som inte kan jämföras…"),
            ),
        ):
            box = QGroupBox(title, body)
            box_layout = QVBoxLayout(box)
            editor = AutosaveTextEdit(
                functools.partial(self._save_summary_text, scope),
                box,
                placeholder=hint,
                min_lines=4,
            )
            editor.setAccessibleName(title)
            box_layout.addWidget(editor)
            layout.addWidget(box)
            self.editors[scope] = editor
        self.comparisons = ComparisonsBox(controller, body)
        layout.addWidget(self.comparisons)
        items = QGroupBox(self.tr("Att göra innan rapporten är klar"), body)
        items_layout = QVBoxLayout(items)
        self.open_items = GrowingList(items)  # as long as the list: the page scrolls
        self.open_items.setAccessibleName(self.tr("Öppna punkter"))
        self.open_items.itemActivated.connect(self._open_item)
        items_layout.addWidget(self.open_items)
        layout.addWidget(items)
        layout.addStretch(1)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None and not self._charts_coming:
            self._charts_coming = True  # the page (its figures) on the screen first
            after_first_paint(self, self._create_charts_if_open)

    def _create_charts_if_open(self) -> None:
        if not self.controller.session.closed:  # the evaluation may have been closed meanwhile
            self.ensure_charts()

    def ensure_charts(self) -> ChartsPanel:
        if self.charts is None:
            from .charts import ChartsPanel

            self.charts = ChartsPanel(self.controller, self._chart_holder, wide=True)
            self._chart_layout.addWidget(self.charts)
        return self.charts

    def _save_summary_text(self, scope: TextScope, text: str, burst: object) -> bool:
        return self.controller.set_text(scope, "", text, burst)

    def _show(self, widget: QWidget) -> QWidget:
        self.body_layout.activate()
        self.scroller.ensureWidgetVisible(widget, 40, 40)
        return widget

    def focus_first(self) -> None:
        """Ctrl+0: the summary comments, in view."""
        editor = self.editors[TextScope.SUMMARY_OVERALL]
        self._show(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal(self, where: str) -> QWidget | None:
        """The widget that shows the change ``where`` (see controller), scrolled into view."""
        kind, _, rest = where.partition(":")
        if kind == "text":
            editor = self.editors.get(TextScope(rest.partition(":")[0]))
            return None if editor is None else self._show(editor)
        if kind == "earlier":
            return self._show(self.comparisons.select(rest))
        if kind == "info":
            return self._show(self.heading)
        return None

    def refresh(self, change: AnyChange | None = None) -> None:
        kind = change.kind if change else ChangeKind.BULK  # no change given: show everything anew
        self.heading.setText(f"<h2>{html.escape(self.controller.session.names().display)}</h2>")
        summary = self.controller.session.summary()
        self.total.setText(
            self.tr("<h1>{0} av {1} poäng</h1>").format(points(summary.achieved), format_exact(summary.max))
        )
        self.total.setToolTip(
            self.tr("Exakt {0}; {1} av {2} delfrågor bedömda").format(
                format_exact(summary.total), summary.scored_count, summary.subarea_count
            )
        )
        self.agreement.setText(team_agreement(self.controller.session.consensus.team_agreement()))
        for area in summary.areas:
            value, bar = self.bars[area.number]
            value.setText("–" if area.achieved is None else f"{round_display(area.achieved)} / 100")
            bar.setValue(0 if area.achieved is None else round_display(area.achieved))
        if kind in (ChangeKind.TEXT, ChangeKind.BULK):
            for scope, editor in self.editors.items():
                if not editor.dirty:
                    editor.set_stored_text(self.controller.session.scores.text(scope))
        self._refresh_open_items()
        if self.charts is not None and kind in (
            ChangeKind.SCORE,
            ChangeKind.EARLIER,
            ChangeKind.BULK,
            ChangeKind.INFO,
        ):
            self.charts.refresh()
        self.comparisons.refresh(change)

    def _refresh_open_items(self) -> None:
        self.open_items.clear()
        items = self.controller.session.open_items()
        for item in items:
            mark = "●" if item.severity == Severity.REQUIRED else "○"
            text = open_item(item, self.controller.framework)
            entry = QListWidgetItem(f"{mark} {text}", self.open_items)
            entry.setData(ROLE_REF, f"consensus:{item.ref}" if item.kind == "not_agreed" else item.ref)
            entry.setToolTip(
                self.tr("Krävs för slutlig rapport")
                if item.severity == Severity.REQUIRED
                else self.tr("Varning")
            )
        if not items:
            QListWidgetItem(self.tr("Inget saknas – rapporten kan skapas."), self.open_items)

    def _open_item(self, item: QListWidgetItem) -> None:
        ref = str(item.data(ROLE_REF) or "")
        if ref.startswith("consensus:"):
            self.navigate.emit("consensus")
        elif "." in ref:
            self.navigate.emit(f"sub:{ref}")
        elif ref:
            self.navigate.emit(f"area:{ref}")

    def flush(self) -> bool:
        return all([editor.flush() for editor in self.editors.values()])
