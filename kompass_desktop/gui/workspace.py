"""The workspace of an open evaluation: navigation on the left, the current page on the right."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from ..services import AnyChange, ChangeKind
from ..services.registers import Register
from . import consensus_actions as consensus
from . import theme
from .controller import EvaluationController
from .nav import NavigationPanel
from .source_picker import CurrentSource
from .widgets import AutosaveTextEdit

#: How long the outline around an undone/redone change stays.
FLASH_MS = 2500
#: How often the current source follows the visit schedule (ms).
SCHEDULE_CHECK_MS = 30 * 1000


def page_of(where: str, current: str) -> str:
    """The page on which the change ``where`` (see controller) is seen."""
    kind, _, rest = where.partition(":")
    if kind == "score":
        return f"area:{rest.split('.')[0]}"
    if kind == "text":
        scope, _, ref = rest.partition(":")
        if scope == "subarea":
            return f"area:{ref.split('.')[0]}"
        return f"area:{ref}" if ref else "summary"
    if kind == "note":
        sub = rest.partition(":")[0]
        if current == "interview" or not sub:
            return "interview"
        return f"area:{sub.split('.')[0]}"
    if kind == "finding":
        return f"area:{rest.partition(':')[0]}"
    if kind in ("interview", "document", "web"):
        return {"interview": "interviews", "document": "documents", "web": "web"}[kind]
    if kind in ("earlier", "info"):
        return "summary"
    if kind == "consensus":
        return "consensus"
    return ""


class Workspace(QSplitter):
    """Pages are built when first shown; every change refreshes the pages that exist."""

    page_changed = Signal(str)
    typing = Signal()  # a text field has text not yet committed (Ångra can take it back)

    def __init__(
        self,
        controller: EvaluationController,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.controller = controller
        self.source = CurrentSource(clock, self)  # one current source for every page
        self.source.reload(controller.session)
        self._schedule_timer = QTimer(self)  # the next interview in the schedule takes over
        self._schedule_timer.setObjectName("schedule-clock")
        self._schedule_timer.setInterval(SCHEDULE_CHECK_MS)
        self._schedule_timer.timeout.connect(self.follow_schedule)
        self._schedule_timer.start()
        self.nav = NavigationPanel(controller.framework, self)
        self.stack = QStackedWidget(self)
        self.addWidget(self.nav)
        self.addWidget(self.stack)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([330, 1000])
        self.pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()  # pages that missed changes while hidden
        self._finding_counts: dict[int, int] | None = None
        self.current = ""
        self.highlighted: QWidget | None = None  # the place of the last undo/redo, outlined
        self._flash = QFrame(self)
        self._flash.setObjectName("undoFlash")
        self._flash.setStyleSheet(
            f"#undoFlash {{ border: 3px solid {theme.FLASH.name()}; border-radius: 4px; "
            "background: transparent; }"
        )
        self._flash.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._flash.hide()
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        # arrows in the tree only show a page; Enter (or a double-click) goes into it
        self.nav.navigate.connect(lambda target: self.navigate(target, focus=False))
        self.nav.activated.connect(lambda target: self.navigate(target, focus=True))
        controller.changed.connect(self.on_change)
        controller.stepped.connect(self.on_step)
        consensus.apply_remembered_evaluator(controller)
        self.update_progress()
        self.navigate("summary", focus=False)

    # -- pages -------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            page = self._create_page(key)
            page.setObjectName(f"page-{key}")
            navigate = getattr(page, "navigate", None)
            if navigate is not None:  # a double-click or Enter on a page: a deliberate step
                navigate.connect(lambda target: self.navigate(target, focus=True))
            for editor in page.findChildren(AutosaveTextEdit):
                editor.textChanged.connect(self.typing)
            if self.controller.session.readonly:  # a read-only file: nothing typed that cannot be saved
                for line in page.findChildren(QLineEdit):
                    line.setReadOnly(line.isReadOnly() or not line.property("keep_editable"))
                texts: list[QPlainTextEdit | QTextEdit] = [
                    *page.findChildren(QPlainTextEdit),
                    *page.findChildren(QTextEdit),
                ]
                for text in texts:
                    text.setReadOnly(text.isReadOnly() or not text.property("keep_editable"))
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _create_page(self, key: str) -> QWidget:
        """Each page's module is imported when the page is first shown: a faster start."""
        c = self.controller
        if key == "summary":
            from .summary_page import SummaryPage

            return SummaryPage(c, self)
        if key.startswith("area:"):
            from .area_page import AreaPage

            return AreaPage(c, c.framework.area(int(key[5:])), self.source, self)
        if key == "interview":
            from .interview_mode import InterviewPage

            return InterviewPage(c, self.source, self)
        if key in ("interviews", "documents", "web"):
            from .registers import RegisterPage

            registers = {
                "interviews": Register.INTERVIEW,
                "documents": Register.DOCUMENT,
                "web": Register.WEB,
            }
            return RegisterPage(c, registers[key], self)
        if key == "consensus":
            from .consensus_page import ConsensusPage

            return ConsensusPage(c, self)
        if key == "coverage":
            from .coverage_page import CoveragePage

            return CoveragePage(c, self)
        if key == "search":
            from .search_page import SearchPage

            return SearchPage(c, self)
        raise KeyError(key)

    def navigate(self, target: str, *, focus: bool = True) -> None:
        """Show "summary", "area:N", "sub:N.M", "note:N.M:ID", "text:SCOPE:REF", "document:ID"
        or a page key.  ``focus``: go into the page (a menu command, Enter, a double-click);
        without it the focus stays where it is (arrow keys in the navigation tree)."""
        if target.startswith(("note:", "text:")):
            self.reveal(target, highlight=False)
            return
        sub = None
        record = None
        if target.startswith("sub:"):
            sub = target[4:]
            key = f"area:{sub.split('.')[0]}"
        elif target.startswith("document:"):
            key, record = "documents", target.split(":", 1)[1]
        else:
            key = target
        page = self.show_page(key)
        if sub and hasattr(page, "scroll_to"):
            page.scroll_to(sub, focus=focus)
        if record and hasattr(page, "select"):
            page.select(record)
        elif focus and not sub and hasattr(page, "focus_first"):
            page.focus_first()
        self.nav.select(target if target in self.nav._items else key)

    def show_page(self, key: str) -> QWidget:
        """Make ``key`` the visible page (built and refreshed as needed)."""
        self.flush()
        page = self.page(key)
        if key in self._stale:
            self._stale.discard(key)
            page.refresh(None)  # type: ignore[attr-defined]
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
        changed = self.current != key
        self.current = key
        if changed:
            self.nav.select(key)
            self.page_changed.emit(key)
        return page

    # -- undo and redo show their place --------------------------------------------------
    def on_step(self, _undo: bool, _text: str, where: str) -> None:
        if where:
            self.reveal(where)

    def reveal(self, where: str, *, highlight: bool = True) -> QWidget | None:
        """Go to the page of a change and show it (outlined when ``highlight``); returns the widget."""
        key = page_of(where, self.current)
        if not key:
            return None
        page = self.show_page(key)
        reveal = getattr(page, "reveal", None)
        widget: QWidget | None = reveal(where) if reveal is not None else None
        if widget is None:
            return None
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if highlight:
            self.flash(widget)
        return widget

    def flash(self, widget: QWidget) -> None:
        """Outline ``widget`` for a moment (after it was scrolled into view)."""
        self.highlighted = widget
        self._place_flash()
        self._flash.show()
        self._flash.raise_()
        self._flash_timer.start()

    def _place_flash(self) -> None:
        widget = self.highlighted
        if widget is None or not widget.isVisible():
            self._flash.hide()
            return
        area = _scroll_area_of(widget)
        top_left = widget.mapTo(self, widget.rect().topLeft())
        rect = widget.rect().translated(top_left).adjusted(-4, -4, 4, 4)
        if area is not None:  # only the part inside the scrolled view
            view = area.viewport()
            visible = view.rect().translated(view.mapTo(self, view.rect().topLeft()))
            rect = rect.intersected(visible.adjusted(-4, -4, 4, 4))
        self._flash.setGeometry(rect)

    def _end_flash(self) -> None:
        self._flash.hide()
        self.highlighted = None

    def follow_schedule(self) -> None:
        """The interview that starts now becomes the source (unless another one was chosen)."""
        if self.source.propose():
            self.controller.status.emit(
                self.tr("Källa enligt besöksschemat: {0}").format(self.source.label())
            )

    def on_change(self, change: AnyChange) -> None:
        """Refresh the visible page now; the others when they are shown next (see :meth:`navigate`)."""
        if change.kind in ("interview", "document", "web", "bulk"):
            self.source.reload(self.controller.session)
        visible = self.stack.currentWidget()
        for key, page in self.pages.items():
            if page is visible:
                page.refresh(change)  # type: ignore[attr-defined]
            else:
                self._stale.add(key)
        if change.kind in (ChangeKind.SCORE, ChangeKind.NOTE, ChangeKind.FINDING, ChangeKind.BULK):
            self.update_progress(findings=change.kind in (ChangeKind.FINDING, ChangeKind.BULK))

    def update_progress(self, findings: bool = True) -> None:
        session = self.controller.session
        if findings or self._finding_counts is None:
            self._finding_counts = dict(Counter(f.area for f in session.findings.all()))
        summary = consensus.visible_summary(self.controller)  # hides what the others scored, if asked
        self.nav.update_progress(summary, session.notes.counts(), self._finding_counts)

    def flush(self) -> bool:
        """Commit whatever is being typed (called before navigation, closing, printing…).

        False when something could not be stored (its error has been shown)."""
        results = []
        for page in self.pages.values():
            flush = getattr(page, "flush", None)
            if flush is not None:
                results.append(bool(flush()))
        return all(results)

    def has_typing(self) -> bool:
        """True while a text field holds typing not yet committed to the file."""
        page = self.pages.get(self.current)
        return page is not None and any(e.dirty for e in page.findChildren(AutosaveTextEdit))

    def focus_page(self) -> None:
        """Move the focus into the visible page (something visible and useful)."""
        page = self.pages.get(self.current)
        if page is not None and hasattr(page, "focus_first"):
            page.focus_first()

    def step_area(self, step: int) -> None:
        """Ctrl+PgDn/PgUp: the next area page, or in interview mode the next area's first sub-area."""
        step_page = getattr(self.pages.get(self.current), "step_area", None)
        if step_page is not None:
            step_page(step)
            return
        numbers = [a.number for a in self.controller.framework.areas]
        if self.current.startswith("area:"):
            index = numbers.index(int(self.current[5:])) + step
        else:
            index = 0 if step > 0 else len(numbers) - 1
        if 0 <= index < len(numbers):
            self.navigate(f"area:{numbers[index]}")


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
