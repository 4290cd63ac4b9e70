"""The keyboard shortcut overview (Hjälp → Kortkommandon)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication


def shortcuts() -> list[tuple[str, str]]:
    return [
        ("Ctrl+N / Ctrl+O", QCoreApplication.translate("help", "Ny utvärdering / Öppna")),
        ("Ctrl+0", QCoreApplication.translate("help", "Sammanfattning")),
        ("Ctrl+1 … Ctrl+8", QCoreApplication.translate("help", "Område 1–8")),
        ("Ctrl+PgDn / Ctrl+PgUp", QCoreApplication.translate("help", "Nästa / föregående område")),
        ("Ctrl+I", QCoreApplication.translate("help", "Intervjuläge")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+E"),
            QCoreApplication.translate("help", "Konsensus: var och ens poäng och den överenskomna"),
        ),
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
        ("Ctrl+M", QCoreApplication.translate("help", "Flytta markerad anteckning till annan delfråga")),
        ("F2 / Delete", QCoreApplication.translate("help", "Redigera / ta bort markerad post")),
        ("Ctrl+L", QCoreApplication.translate("help", "Koppla anteckningar till markerad iakttagelse")),
        (
            QCoreApplication.translate("help", "↑ / ↓ (poängfält)"),
            QCoreApplication.translate("help", "Öka / minska poängen med 1"),
        ),
        (
            QCoreApplication.translate("help", "Ctrl+Z / Ctrl+Skift+Z"),
            QCoreApplication.translate("help", "Ångra / gör om"),
        ),
        ("Ctrl+F", QCoreApplication.translate("help", "Sök")),
        ("Ctrl+G", QCoreApplication.translate("help", "Visa diagram bredvid")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+R"),
            QCoreApplication.translate("help", "Förhandsvisning av rapportsidan bredvid"),
        ),
        ("Ctrl+P", QCoreApplication.translate("help", "Skriv ut utkast")),
        (
            QCoreApplication.translate("help", "Ctrl+Skift+S"),
            QCoreApplication.translate("help", "Spara kopia som"),
        ),
    ]


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in shortcuts()
    )
    return f"<table cellpadding=3>{rows}</table>"
