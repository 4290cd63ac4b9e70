"""The consensus page: per area, sub-areas × evaluators with each one's own score and rationale,
the spread (highlighted where it matters), and the agreed score and its reason, editable in
place with undo.  The largest disagreements come first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.consensus import Status, SubAreaConsensus, TeamAgreement
from ..domain.scoring import format_exact
from ..services import AnyChange, ChangeKind
from . import consensus_actions as actions
from . import theme
from .controller import EvaluationController
from .widgets import muted_label
from .wording import consensus_status, team_agreement

ROLE_SUB = Qt.ItemDataRole.UserRole + 70
ROLE_KIND = Qt.ItemDataRole.UserRole + 71
#: Editable columns (their kind): my own score, my rationale, the agreed score, its reason.
MINE, RATIONALE, AGREED, REASON = "mine", "rationale", "agreed", "reason"


class ConsensusPage(QWidget):
    navigate = Signal(str)

    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        heading = self.tr("Konsensus: var och ens poäng och den överenskomna")
        title = QLabel(f"<h2>{heading}</h2>", self)
        title.setWordWrap(True)  # the page fits beside the charts on a laptop screen
        layout.addWidget(title)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Varje utvärderare poängsätter på egen hand. Där poängen skiljer sig är delfrågan "
                    "öppen tills ni skriver in den överenskomna poängen och skälet. Stor spridning "
                    "(minst 15 % av maxpoängen) är markerad med !. Störst skillnad först."
                ),
                self,
            )
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Jag är:"), self))
        self.evaluator = QComboBox(self)
        self.evaluator.setAccessibleName(self.tr("Vem som poängsätter"))
        self.evaluator.activated.connect(self._choose_evaluator)
        row.addWidget(self.evaluator)
        self.hide_others = QCheckBox(self.tr("Dölj de andras poäng tills jag har poängsatt"), self)
        self.hide_others.toggled.connect(lambda on: actions.set_hide_others(controller, on))
        row.addWidget(self.hide_others)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Område:"), self))
        self.area = QComboBox(self)
        self.area.setAccessibleName(self.tr("Område som visas"))
        self.area.addItem(self.tr("Alla områden"), 0)
        for area in controller.framework.areas:
            self.area.addItem(f"{area.number}. {area.title}", area.number)
        # as wide as its longest area name where there is room; elided where there is not (a
        # laptop screen with the charts beside the page), never a window wider than the screen
        self.area.setMaximumWidth(self.area.sizeHint().width())
        self.area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.area.setMinimumContentsLength(16)
        self.area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.area.currentIndexChanged.connect(lambda _i: self.rebuild())
        row.addWidget(self.area)
        layout.addLayout(row)
        self.agreement = QLabel(self)
        self.agreement.setObjectName("teamAgreement")
        self.agreement.setWordWrap(True)
        layout.addWidget(self.agreement)
        self.message = QLabel(self)
        self.message.setObjectName("consensusMessage")
        self.message.setWordWrap(True)
        theme.set_text_colour(self.message, theme.ERROR)
        self.message.hide()
        layout.addWidget(self.message)
        self.table = QTableWidget(self)
        self.table.setAccessibleName(self.tr("Delfrågor och utvärderarnas poäng"))
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._edited)
        self.table.cellDoubleClicked.connect(self._open_subarea)
        layout.addWidget(self.table, 1)
        self._loading = False
        self._wrapping: list[int] = []
        self.table.viewport().installEventFilter(self)
        self._dirty = True
        #: Typed but not yet stored (the agreed score waits for its reason, or the reverse).
        self.pending: dict[str, dict[str, str]] = {}
        self.rows: list[str] = []
        self.refresh()

    # -- refreshing --------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.rebuild()

    def refresh(self, change: AnyChange | None = None) -> None:
        if change is not None and change.kind not in (ChangeKind.SCORE, ChangeKind.INFO, ChangeKind.BULK):
            return
        self._dirty = True
        if self.isVisible() or change is None:
            self.rebuild()

    def _fill_evaluators(self, names: list[str]) -> None:
        me = self.controller.session.author
        choices = list(dict.fromkeys([*self.controller.session.info().evaluators, *names, me]))
        self.evaluator.blockSignals(True)
        self.evaluator.clear()
        for name in choices:
            self.evaluator.addItem(name)
        self.evaluator.setCurrentText(me)
        self.evaluator.setEnabled(not self.controller.session.readonly)
        self.evaluator.blockSignals(False)

    def rebuild(self) -> None:
        self._dirty = False
        session = self.controller.session
        view = session.consensus.view()
        me = session.author
        hide = actions.hide_others()
        self.hide_others.blockSignals(True)
        self.hide_others.setChecked(hide)
        self.hide_others.blockSignals(False)
        others = [name for name in view.evaluators() if name != me]
        self._fill_evaluators(others)
        self._show_agreement(view.team_agreement())
        area = int(self.area.currentData() or 0)
        subs = [
            s for s in view.largest_disagreements_first() if not area or s.number.split(".")[0] == str(area)
        ]
        # headers of narrow columns break at their spaces (names, "Jag (namn)")
        headers = [
            self.tr("Delfråga"),
            self.tr("Jag ({0})").format(me).replace(" ", "\n"),
            *(name.replace(" ", "\n") for name in others),
            self.tr("Spridning"),
            self.tr("Överens-\nkommen"),
            self.tr("Skäl"),
            self.tr("Läge"),
            self.tr("Min motivering"),
        ]
        self._loading = True
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(subs))
        self.rows = [s.number for s in subs]
        readonly = session.readonly
        for row, sub in enumerate(subs):
            hidden = hide and me not in sub.points
            title = self.controller.framework.subarea(sub.number)
            self._cell(
                row, 0, f"{sub.number} {title.heading}\n/ {format_exact(sub.max)}", sub, tip=title.title
            )
            mine = next((s for s in sub.independent if s.evaluator == me), None)
            self._cell(row, 1, format_exact(sub.points.get(me)), sub, MINE, editable=not readonly)
            for col, name in enumerate(others, start=2):
                score = next((s for s in sub.independent if s.evaluator == name), None)
                if hidden and score is not None:
                    self._cell(row, col, self.tr("dolt"), sub, tip=self.tr("Visas när du har poängsatt."))
                elif score is None or score.points is None:
                    self._cell(row, col, "–", sub)
                else:
                    text = format_exact(score.points) + (f"\n{score.rationale}" if score.rationale else "")
                    self._cell(row, col, text, sub, tip=score.rationale)
            base = 2 + len(others)
            self._spread_cell(row, base, sub, hidden)
            pending = self.pending.get(sub.number, {})
            agreed = "" if hidden or sub.recorded is None else format_exact(sub.agreed)
            shown = "–" if hidden or sub.agreed is None else format_exact(sub.agreed)
            self._cell(
                row,
                base + 1,
                pending.get(AGREED, agreed if sub.recorded is not None else ""),
                sub,
                AGREED,
                editable=not (readonly or hidden),
                tip=self.tr("Gäller nu: {0}").format(shown),
            )
            reason = pending.get(REASON, sub.reason)
            self._cell(row, base + 2, reason, sub, REASON, editable=not (readonly or hidden))
            status = self.tr("dolt") if hidden else consensus_status(sub.status)
            if not hidden and sub.status == Status.AGREED and sub.recorded is None and len(sub.points) > 1:
                status = self.tr("överens från början")
            self._cell(row, base + 3, status, sub, tip=self._who_agreed(sub))
            self._cell(row, base + 4, mine.rationale if mine else "", sub, RATIONALE, editable=not readonly)
            if not hidden and sub.status == Status.OPEN:
                status_item = self.table.item(row, base + 3)
                if status_item is not None:
                    status_item.setForeground(QBrush(theme.ERROR))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._wrapping = [0, *range(2, 2 + len(others)), len(headers) - 2, len(headers) - 3, len(headers) - 1]
        self._fit_columns()
        self._loading = False

    def _fit_columns(self) -> None:
        """Every column within the visible width where it can be: the columns of words (the
        sub-area, the others' scores with their rationale, the reason, my rationale) wrap and
        share what the numbers leave, down to a readable minimum (then the table scrolls)."""
        if self.table.columnCount() == 0:
            return
        self.table.resizeColumnsToContents()
        wrapping = [c for c in self._wrapping if c < self.table.columnCount()]
        widths = {c: self.table.columnWidth(c) for c in range(self.table.columnCount())}
        limits = {c: (80, 170) for c in wrapping}
        limits[0] = (150, 260)
        for c in wrapping[-3:]:  # the status, the reason and my rationale
            limits[c] = (90, 260)
        for c, (low, high) in limits.items():
            widths[c] = min(max(widths[c], low), high)
        available = self.table.viewport().width()
        excess = sum(widths.values()) - available
        room = sum(widths[c] - limits[c][0] for c in wrapping)
        if excess > 0 and room > 0:
            share = min(1.0, excess / room)
            for c in wrapping:
                widths[c] -= int((widths[c] - limits[c][0]) * share + 0.999)
        elif excess < 0 and wrapping:  # room to spare: the reason gets it
            widths[wrapping[-2]] += -excess
        for c, width in widths.items():
            self.table.setColumnWidth(c, width)
        self.table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The table's visible part changed size (window, splitter, scroll bar): fit again."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize and not self._loading:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _cell(
        self,
        row: int,
        col: int,
        text: str,
        sub: SubAreaConsensus,
        kind: str = "",
        *,
        editable: bool = False,
        tip: str = "",
    ) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(ROLE_SUB, sub.number)
        item.setData(ROLE_KIND, kind)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        if tip:
            item.setToolTip(tip)
        if kind in (MINE, AGREED) or (col > 0 and kind == "" and text[:1].isdigit()):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if kind in self.pending.get(sub.number, {}):
            item.setForeground(QBrush(theme.WARNING))
            item.setToolTip(self.tr("Inte sparad ännu: poäng och skäl sparas tillsammans."))
        self.table.setItem(row, col, item)
        return item

    def _spread_cell(self, row: int, col: int, sub: SubAreaConsensus, hidden: bool) -> None:
        if hidden or len(sub.points) < 2 or sub.spread is None:
            self._cell(row, col, "", sub)
            return
        text = format_exact(sub.spread) + (" !" if sub.notable else "")
        item = self._cell(row, col, text, sub)
        if sub.notable:
            item.setBackground(QBrush(theme.ERROR_BACKGROUND))
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setToolTip(self.tr("Stor spridning: minst 15 % av maxpoängen"))

    def _who_agreed(self, sub: SubAreaConsensus) -> str:
        if sub.recorded is None:
            return ""
        return self.tr("Överenskommen av {0}, {1}").format(
            sub.recorded.author, sub.recorded.modified[:16].replace("T", " ")
        )

    def _show_agreement(self, team: TeamAgreement) -> None:
        self.agreement.setText(team_agreement(team))

    # -- editing ---------------------------------------------------------------------------
    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        number = str(item.data(ROLE_SUB))
        kind = str(item.data(ROLE_KIND))
        text = item.text().strip()
        ok, message = True, ""
        if kind == MINE:
            ok, message = self.controller.set_score(number, text)
        elif kind == RATIONALE:
            ok = actions.set_rationale(self.controller, number, text)
        elif kind in (AGREED, REASON):
            ok, message = self._agree(number, kind, text)
        self._say(message if not ok else "")
        self.rebuild()

    def _agree(self, number: str, kind: str, text: str) -> tuple[bool, str]:
        sub = self.controller.session.consensus.subarea(number)
        pending = self.pending.setdefault(number, {})
        pending[kind] = text
        points = pending.get(AGREED, "" if sub.recorded is None else format_exact(sub.agreed))
        reason = pending.get(REASON, sub.reason)
        if kind == REASON and not points.strip():
            return True, ""  # the reason waits for the points
        ok, message, waits_for_reason = actions.agree(self.controller, number, points, reason)
        if ok:
            self.pending.pop(number, None)
            return True, ""
        if waits_for_reason:
            return False, self.tr("{0} Skriv skälet i kolumnen Skäl; poängen sparas då.").format(message)
        pending.pop(kind, None)
        return False, message

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        if message:
            self.controller.status.emit(message)

    def _choose_evaluator(self, _index: int) -> None:
        actions.set_evaluator(self.controller, self.evaluator.currentText())
        self.rebuild()

    def _open_subarea(self, row: int, col: int) -> None:
        item = self.table.item(row, col)
        if col == 0 and item is not None:
            self.navigate.emit(f"sub:{item.data(ROLE_SUB)}")

    # -- navigation and undo ---------------------------------------------------------------
    def focus_first(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.table.rowCount():
            self.table.setCurrentCell(0, 1)

    def reveal(self, where: str) -> QWidget | None:
        """The row of the sub-area in ``where`` ("consensus:1.1"), selected and in view."""
        number = where.partition(":")[2]
        if self._dirty:
            self.rebuild()
        if number not in self.rows:
            self.area.setCurrentIndex(0)
            self.rebuild()
        if number not in self.rows:
            return None
        row = self.rows.index(number)
        self.table.setCurrentCell(row, self.table.columnCount() - 3)
        first = self.table.item(row, 0)
        if first is not None:
            self.table.scrollToItem(first)
        return self.table
