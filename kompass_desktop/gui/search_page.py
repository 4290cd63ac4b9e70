"""Full-text search over notes, texts and documents; results jump to the place."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .controller import EvaluationController

ROLE_TARGET = Qt.ItemDataRole.UserRole + 50


class SearchPage(QWidget):
    navigate = Signal(str)

    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        heading = self.tr("Sök")
        layout.addWidget(QLabel(f"<h2>{heading}</h2>", self))
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(
            self.tr("Sök i anteckningar, texter och dokument (å, ä och ö skiljs åt)")
        )
        self.query.setAccessibleName(self.tr("Sökord"))
        self.query.setClearButtonEnabled(True)
        self.query.setProperty("keep_editable", True)  # searching works in read-only files too
        layout.addWidget(self.query)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Sökresultat"))
        self.results.setWordWrap(True)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._first)
        self.results.itemActivated.connect(self._activate)

    def refresh(self, change: object = None) -> None:
        if self.query.text().strip():
            self.run()

    def focus_first(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        self.results.clear()
        if not text:
            self.count.setText("")
            return
        hits = self.controller.session.search(text)
        docs = {d.id: d for d in self.controller.session.registers.documents()}
        fw = self.controller.framework

        def sub_name(number: str) -> str:
            return f"{number} {fw.subarea(number).heading}" if number and fw.has_subarea(number) else number

        for hit in hits:
            if hit.kind == "note":
                where = self.tr("Anteckning · {0}").format(sub_name(hit.ref) or self.tr("osorterad"))
                target = f"note:{hit.ref}:{hit.id}"  # the note itself, selected in its list
            elif hit.kind == "text":
                ref = hit.ref.partition(":")[2]
                where = self.tr("Text · {0}").format(sub_name(ref) or self.tr("sammanfattning"))
                target = f"text:{hit.ref}"  # the text editor itself
            else:
                where = self.tr("Dokument · {0}").format(docs[hit.id].title if hit.id in docs else hit.ref)
                target = f"document:{hit.id}"
            snippet = re.sub(r"\[(.*?)\]", r"«\1»", hit.snippet)
            item = QListWidgetItem(f"{where}\n{snippet}", self.results)
            item.setData(ROLE_TARGET, target)
            item.setToolTip(hit.snippet.replace("[", "").replace("]", ""))
        self.count.setText(self.tr("%n träffar", "", len(hits)))

    def _first(self) -> None:
        self.run()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        self.navigate.emit(str(item.data(ROLE_TARGET)))
