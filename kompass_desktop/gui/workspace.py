"""The workspace of an open evaluation: navigation on the left, the current page on the right."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSplitter, QStackedWidget, QWidget

from ..services import Change
from ..services.registers import Register
from .controller import EvaluationController
from .nav import NavigationPanel


class Workspace(QSplitter):
    """Pages are built when first shown; every change refreshes the pages that exist."""

    page_changed = Signal(str)

    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.controller = controller
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
        self.nav.navigate.connect(self.navigate)
        controller.changed.connect(self.on_change)
        self.update_progress()
        self.navigate("summary")

    # -- pages -------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            page = self._create_page(key)
            page.setObjectName(f"page-{key}")
            navigate = getattr(page, "navigate", None)
            if navigate is not None:
                navigate.connect(self.navigate)
            if self.controller.session.readonly:  # a read-only file: nothing typed that cannot be saved
                for line in page.findChildren(QLineEdit):
                    line.setReadOnly(line.isReadOnly() or not line.property("keep_editable"))
                for text in page.findChildren(QPlainTextEdit):
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

            return AreaPage(c, c.framework.area(int(key[5:])), self)
        if key == "interview":
            from .interview_mode import InterviewPage

            return InterviewPage(c, self)
        if key in ("interviews", "documents", "web"):
            from .registers import RegisterPage

            registers = {
                "interviews": Register.INTERVIEW,
                "documents": Register.DOCUMENT,
                "web": Register.WEB,
            }
            return RegisterPage(c, registers[key], self)
        if key == "coverage":
            from .coverage_page import CoveragePage

            return CoveragePage(c, self)
        if key == "search":
            from .search_page import SearchPage

            return SearchPage(c, self)
        raise KeyError(key)

    def navigate(self, target: str) -> None:
        """Show "summary", "area:N", "sub:N.M", "document:ID" or a page key."""
        self.flush()
        sub = None
        record = None
        if target.startswith("sub:"):
            sub = target[4:]
            key = f"area:{sub.split('.')[0]}"
        elif target.startswith("document:"):
            key, record = "documents", target.split(":", 1)[1]
        else:
            key = target
        page = self.page(key)
        if key in self._stale:
            self._stale.discard(key)
            page.refresh(None)  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(page)
        self.current = key
        if sub and hasattr(page, "scroll_to"):
            page.scroll_to(sub)
        if record and hasattr(page, "select"):
            page.select(record)
        if hasattr(page, "focus_first"):
            page.focus_first()
        self.nav.select(target if target in self.nav._items else key)
        self.page_changed.emit(key)

    def on_change(self, change: Change) -> None:
        """Refresh the visible page now; the others when they are shown next (see :meth:`navigate`)."""
        visible = self.stack.currentWidget()
        for key, page in self.pages.items():
            if page is visible:
                page.refresh(change)  # type: ignore[attr-defined]
            else:
                self._stale.add(key)
        if change.kind in ("score", "note", "finding", "bulk"):
            self.update_progress(findings=change.kind in ("finding", "bulk"))

    def update_progress(self, findings: bool = True) -> None:
        session = self.controller.session
        if findings or self._finding_counts is None:
            self._finding_counts = dict(Counter(f.area for f in session.findings()))
        self.nav.update_progress(session.summary(), session.note_counts(), self._finding_counts)

    def flush(self) -> bool:
        """Commit whatever is being typed (called before navigation, closing, printing…).

        False when something could not be stored (its error has been shown)."""
        results = []
        for page in self.pages.values():
            flush = getattr(page, "flush", None)
            if flush is not None:
                results.append(bool(flush()))
        return all(results)

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
