"""The side panel: areas and sub-areas with live scores and progress, and the work pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..domain.framework import Framework
from ..domain.scoring import Summary, format_exact, round_display
from . import theme
from .formatting import points

ROLE_TARGET = Qt.ItemDataRole.UserRole + 1

#: Work pages below the areas: (key, Swedish label).
PAGES = [
    ("interview", "Intervjuläge"),
    ("interviews", "Intervjuer"),
    ("documents", "Dokument"),
    ("web", "Webb och sociala medier"),
    ("coverage", "Täckning av underlag"),
    ("search", "Sök"),
]


class NavigationPanel(QWidget):
    """Emits ``navigate(target)`` ("summary", "area:3", "sub:3.2" or a page key) when the current
    item changes (arrow keys, a click: the focus stays here) and ``activated(target)`` on Enter
    or a double-click (go into the page)."""

    navigate = Signal(str)
    activated = Signal(str)

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framework = framework
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.total_label = QLabel(self)
        self.total_label.setAccessibleName(self.tr("Totalpoäng"))
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.total_label)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Navigering: områden, delfrågor och arbetssidor"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        layout.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._build()
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(lambda item, _col: self._emit(item, self.activated))

    def _add(self, parent: QTreeWidget | QTreeWidgetItem, target: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text, ""])
        item.setData(0, ROLE_TARGET, target)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._items[target] = item
        return item

    def _build(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        summary = self._add(self.tree, "summary", self.tr("Sammanfattning"))
        summary.setFont(0, bold)
        self._add(self.tree, "consensus", self.tr("Konsensus"))
        for area in self.framework.areas:
            item = self._add(self.tree, f"area:{area.number}", f"{area.number}. {area.title}")
            item.setToolTip(0, area.title)
            for sub in area.subareas:
                child = self._add(item, f"sub:{sub.number}", f"{sub.number} {sub.heading}")
                child.setToolTip(0, sub.title)
        section = QTreeWidgetItem(self.tree, [self.tr("Underlag"), ""])
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        section.setFont(0, bold)
        labels = {
            "interview": self.tr("Intervjuläge"),
            "interviews": self.tr("Intervjuer"),
            "documents": self.tr("Dokument"),
            "web": self.tr("Webb och sociala medier"),
            "coverage": self.tr("Täckning av underlag"),
            "search": self.tr("Sök"),
        }
        for key, _label in PAGES:
            self._add(section, key, labels[key])
        section.setExpanded(True)
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(0, 250)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self._emit(current, self.navigate)

    def _emit(self, item: QTreeWidgetItem, signal: SignalInstance) -> None:
        target = item.data(0, ROLE_TARGET)
        if target:
            signal.emit(str(target))

    def select(self, target: str) -> None:
        """Highlight ``target`` without emitting ``navigate`` again."""
        item = self._items.get(target)
        if item is None:
            return
        self.tree.blockSignals(True)
        parent = item.parent()
        if parent is not None:
            parent.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    def update_progress(self, summary: Summary, notes: dict[str, int], findings: dict[int, int]) -> None:
        total = points(summary.achieved)
        self.total_label.setText(self.tr("Totalt {0} av {1}").format(total, format_exact(summary.max)))
        self.total_label.setToolTip(
            self.tr("Exakt: {0} · {1} av {2} delfrågor bedömda").format(
                format_exact(summary.total), summary.scored_count, summary.subarea_count
            )
        )
        for area in summary.areas:
            item = self._items[f"area:{area.number}"]
            value = "–" if area.achieved is None else str(round_display(area.achieved))
            item.setText(1, f"{value}")
            n_notes = sum(notes.get(s.number, 0) for s in area.subareas)
            item.setToolTip(
                1,
                " · ".join(
                    (
                        self.tr("{0} av {1} delfrågor bedömda").format(area.scored_count, len(area.subareas)),
                        self.tr("%n anteckningar", "", n_notes),
                        self.tr("%n iakttagelser", "", findings.get(area.number, 0)),
                    )
                ),
            )
            done = area.complete
            item.setForeground(1, self.palette().text() if done else QBrush(theme.MUTED))
            for sub in area.subareas:
                child = self._items[f"sub:{sub.number}"]
                score = "–" if sub.achieved is None else format_exact(sub.achieved)
                child.setText(1, f"{score}/{format_exact(sub.max)}")
                count = notes.get(sub.number, 0)
                child.setToolTip(1, self.tr("%n anteckningar", "", count))
                if sub.achieved is not None and count == 0:
                    child.setToolTip(1, self.tr("Poäng utan underlag: inga anteckningar"))
                    child.setForeground(1, QBrush(theme.ERROR))
                else:
                    child.setForeground(1, self.palette().text())
        self.tree.resizeColumnToContents(1)
