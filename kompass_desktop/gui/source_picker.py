"""Choosing the source of new notes: an interview, a document (with page) or a web observation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ..domain.model import SourceKind
from ..services import EvaluationSession
from .formatting import interview_label

NONE = ""


class SourcePicker(QWidget):
    """A combo box of every source plus a page field that is used for documents."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, none_text: str = "") -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Källa för nya anteckningar"))
        self.combo.setMinimumWidth(280)
        self.combo.setMaxVisibleItems(25)
        layout.addWidget(self.combo, 1)
        self.page_label = QLabel(self.tr("sida"), self)
        layout.addWidget(self.page_label)
        self.page = QLineEdit(self)
        self.page.setAccessibleName(self.tr("Sida i dokumentet"))
        self.page.setMaximumWidth(60)
        layout.addWidget(self.page)
        self._none_text = none_text or self.tr("(ingen källa)")
        self.combo.currentIndexChanged.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        is_doc = self.value().startswith("document:")
        self.page.setVisible(is_doc)
        self.page_label.setVisible(is_doc)
        self.changed.emit()

    def reload(self, session: EvaluationSession, *, default_latest_interview: bool = False) -> None:
        current = self.value()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self._none_text, NONE)
        interviews = session.registers.interviews()
        for item in interviews:
            self.combo.addItem(self.tr("Intervju: {0}").format(interview_label(item)), f"interview:{item.id}")
        for doc in session.registers.documents():
            self.combo.addItem(self.tr("Dokument: {0}").format(doc.title), f"document:{doc.id}")
        for web in session.registers.web_sources():
            self.combo.addItem(self.tr("Webb: {0}").format(web.title), f"web:{web.id}")
        index = self.combo.findData(current) if current else -1
        if index < 0 and default_latest_interview and interviews:
            index = self.combo.findData(f"interview:{interviews[-1].id}")
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._on_changed()

    def value(self) -> str:
        return str(self.combo.currentData() or NONE)

    def set_value(self, value: str) -> bool:
        index = self.combo.findData(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0

    def label(self) -> str:
        return self.combo.currentText()

    def interview_id(self) -> str | None:
        kind, _, rid = self.value().partition(":")
        return rid if kind == "interview" else None

    def note_source(self) -> dict[str, Any]:
        """Keyword arguments for ``add_note``."""
        kind, _, rid = self.value().partition(":")
        if kind == "interview":
            return {"source_kind": SourceKind.INTERVIEW, "interview_id": rid}
        if kind == "document":
            return {"source_kind": SourceKind.DOCUMENT, "document_id": rid, "page": self.page.text().strip()}
        if kind == "web":
            return {"source_kind": SourceKind.WEB, "web_id": rid}
        return {}
