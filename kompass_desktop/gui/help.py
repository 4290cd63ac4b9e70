"""The keyboard shortcut overview (Hjälp → Kortkommandon)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def shortcuts() -> list[tuple[str, str]]:
    """Every key of the menus and pages (``tests/gui/test_findable_actions.py`` checks the menus)."""
    return [
        ("Ctrl+N / Ctrl+O", QCoreApplication.translate("help", "Ny utvärdering / Öppna")),
        (
            "Ctrl+S",
            QCoreApplication.translate("help", "Spara (allt är redan sparat: varje ändring sparas direkt)"),
        ),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+S"),
            QCoreApplication.translate("help", "Spara kopia som"),
        ),
        ("Ctrl+E", QCoreApplication.translate("help", "Exportera till SKR")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+P"),
            QCoreApplication.translate("help", "Skapa slutlig rapport (PDF)"),
        ),
        ("Ctrl+P", QCoreApplication.translate("help", "Skriv ut utkast (märkt UTKAST, inte slutligt)")),
        ("Ctrl+W / Ctrl+F4", QCoreApplication.translate("help", "Stäng utvärderingen")),
        ("Ctrl+Q", QCoreApplication.translate("help", "Avsluta")),
        (
            QCoreApplication.translate("help", "Ctrl+Z / Ctrl+Skift+Z, Ctrl+Y"),
            QCoreApplication.translate("help", "Ångra / gör om"),
        ),
        (
            "Ctrl+F",
            QCoreApplication.translate("help", "Sök (Enter i en träff öppnar anteckningen eller texten)"),
        ),
        ("Ctrl+K", QCoreApplication.translate("help", "Källa för nya anteckningar")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+U"),
            QCoreApplication.translate("help", "Uppgifter om kommunen och utvärderingen"),
        ),
        ("Ctrl+0", QCoreApplication.translate("help", "Sammanfattning")),
        ("Ctrl+1 … Ctrl+8", QCoreApplication.translate("help", "Område 1–8")),
        ("Ctrl+PgDown / Ctrl+PgUp", QCoreApplication.translate("help", "Nästa / föregående område")),
        ("Ctrl+I", QCoreApplication.translate("help", "Intervjuläge")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+I"),
            QCoreApplication.translate("help", "Intervjuer"),
        ),
        (QCoreApplication.translate("help", "Ctrl+Skift+D"), QCoreApplication.translate("help", "Dokument")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+W"),
            QCoreApplication.translate("help", "Webb och sociala medier"),
        ),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+T"),
            QCoreApplication.translate("help", "Täckning av underlag"),
        ),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+E"),
            QCoreApplication.translate("help", "Konsensus: var och ens poäng och den överenskomna"),
        ),
        ("Ctrl+G", QCoreApplication.translate("help", "Visa diagram bredvid")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+R"),
            QCoreApplication.translate("help", "Förhandsvisning av rapportsidan bredvid"),
        ),
        ("F1", QCoreApplication.translate("help", "Kortkommandon")),
        (
            QCoreApplication.translate("help", "Enter (intervjuläge)"),
            QCoreApplication.translate("help", "Spara anteckningen"),
        ),
        (
            QCoreApplication.translate("help", "Skift+Enter"),
            QCoreApplication.translate("help", "Ny rad i anteckningen"),
        ),
        ("Ctrl+↓ / Ctrl+↑", QCoreApplication.translate("help", "Nästa / föregående delfråga (intervjuläge)")),
        (
            "Alt+1 … Alt+8, Alt+0",
            QCoreApplication.translate("help", "Hoppa till område / osorterad (intervjuläge)"),
        ),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+N"),
            QCoreApplication.translate("help", "Ny intervju (intervjuläge)"),
        ),
        (
            "Ctrl+M",
            QCoreApplication.translate(
                "help",
                "Flytta anteckning till annan delfråga (i en lista: den markerade; i intervjulägets "
                "inmatning: den senast sparade)",
            ),
        ),
        (
            "F2 / Delete",
            QCoreApplication.translate(
                "help",
                "Redigera / ta bort markerad anteckning, iakttagelse eller post i en förteckning "
                "(även knappar vid listan)",
            ),
        ),
        (
            "Insert",
            QCoreApplication.translate("help", "Ny post i förteckningen (intervjuer, dokument, webb)"),
        ),
        (
            "Ctrl+Enter",
            QCoreApplication.translate("help", "Öppna det markerade dokumentet (dokumentförteckningen)"),
        ),
        (
            "Ctrl+L",
            QCoreApplication.translate(
                "help", "Koppla anteckningar till markerad iakttagelse (knappen Koppla…)"
            ),
        ),
        (
            "Ctrl+↑ / Ctrl+↓",
            QCoreApplication.translate("help", "Flytta markerad iakttagelse upp / ned (knapparna ↑ ↓)"),
        ),
        (
            QCoreApplication.translate("help", "↑ / ↓ (poängfält)"),
            QCoreApplication.translate("help", "Öka / minska poängen med 1"),
        ),
    ]


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in shortcuts()
    )
    return f"<table cellpadding=3>{rows}</table>"


class ShortcutsDialog(QDialog):
    """Hjälp → Kortkommandon: the list scrolls when the screen is low (it is longer than 768 px)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kortkommandon"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Kortkommandon"))
        self.browser.setHtml(shortcuts_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(620, screen.width() - 40), min(900, screen.height() - 80))
