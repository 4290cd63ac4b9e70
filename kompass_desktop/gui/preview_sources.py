"""Which report paragraph a field of a page becomes, and back: the field of a paragraph.

A paragraph of the report records its source (:attr:`kompass_desktop.report.blocks.Para.source`):
"text:subarea:3.2", "text:area_intro:3", "score:3.2", "finding:3:ID", "findings:3:strength"
(a findings column without findings), "text:summary_overall:" …  The area pages and the
summary page are read through what they already offer (their cards, editors, findings and
``reveal``), so their layout can change without the preview knowing it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .findings import ROLE_ID


def section_key(page_key: str) -> str:
    """The report section shown beside workspace page ``page_key`` ("" for pages without text)."""
    if page_key.startswith("area:"):
        return f"area-{page_key[5:]}"
    if page_key == "summary":
        return "ch2"
    return ""


def _inside(widget: QWidget | None, container: object) -> bool:
    return (
        isinstance(container, QWidget)
        and widget is not None
        and (widget is container or container.isAncestorOf(widget))
    )


def source_of(page: QWidget | None, widget: QWidget | None) -> str:
    """The source of the report paragraph that field ``widget`` of ``page`` ends up as ("": none)."""
    if page is None or not _inside(widget, page):
        return ""
    area = getattr(page, "area", None)
    cards = getattr(page, "cards", None)
    if area is not None and isinstance(cards, dict):
        if _inside(widget, getattr(page, "intro", None)) or _inside(
            widget, getattr(page, "intro_toggle", None)
        ):
            return f"text:area_intro:{area.number}"
        for number, card in cards.items():
            if _inside(widget, getattr(card, "score", None)):
                return f"score:{number}"
            if _inside(widget, card):
                return f"text:subarea:{number}"
        findings = getattr(page, "findings", None)
        for column in getattr(findings, "columns", {}).values():
            if _inside(widget, column):
                items = [column.list.item(row) for row in range(column.list.count())]
                listed = column.list
                current = listed.currentItem() if _inside(widget, listed) else None
                chosen = current or (items[-1] if items else None)  # a new one goes last
                if chosen is not None:
                    return f"finding:{area.number}:{chosen.data(ROLE_ID)}"
                return f"findings:{area.number}:{column.kind.value}"
        return ""
    editors = getattr(page, "editors", None)
    if isinstance(editors, dict):
        for scope, editor in editors.items():
            if _inside(widget, editor):
                return f"text:{scope.value}:"
    return ""


def focus_source(workspace: QWidget, source: str) -> QWidget | None:
    """Put the cursor in the field ``source`` came from (its page shown); returns the field."""
    kind, _, rest = source.partition(":")
    if kind == "findings":  # a findings column without findings: its new-finding field
        area, _, value = rest.partition(":")
        page = workspace.show_page(f"area:{area}")  # type: ignore[attr-defined]
        for column in getattr(getattr(page, "findings", None), "columns", {}).values():
            if column.kind.value == value:
                column.input.setFocus(Qt.FocusReason.MouseFocusReason)
                return column.input  # type: ignore[no-any-return]
        return None
    widget: QWidget | None = workspace.reveal(source, highlight=False)  # type: ignore[attr-defined]
    return widget
