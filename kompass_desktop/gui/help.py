"""The keyboard shortcut overview (Hjälp → Kortkommandon)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


def shortcuts() -> list[tuple[str, str]]:
    return [
        ("Ctrl+N / Ctrl+O", _tr("Ny utvärdering / Öppna")),
        ("Ctrl+0", _tr("Sammanfattning")),
        ("Ctrl+1 … Ctrl+8", _tr("Område 1–8")),
        ("Ctrl+PgDn / Ctrl+PgUp", _tr("Nästa / föregående område")),
        ("Ctrl+I", _tr("Intervjuläge")),
        ("Enter (intervjuläge)", _tr("Spara anteckningen")),
        ("Skift+Enter", _tr("Ny rad i anteckningen")),
        ("Ctrl+↓ / Ctrl+↑", _tr("Nästa / föregående delfråga (intervjuläge)")),
        ("Alt+1 … Alt+8, Alt+0", _tr("Hoppa till område / osorterad (intervjuläge)")),
        ("Ctrl+Skift+N", _tr("Ny intervju (intervjuläge)")),
        ("Ctrl+M", _tr("Flytta markerad anteckning till annan delfråga")),
        ("F2 / Delete", _tr("Redigera / ta bort markerad post")),
        ("Ctrl+L", _tr("Koppla anteckningar till markerad iakttagelse")),
        ("↑ / ↓ (poängfält)", _tr("Öka / minska poängen med 1")),
        ("Ctrl+Z / Ctrl+Skift+Z", _tr("Ångra / gör om")),
        ("Ctrl+F", _tr("Sök")),
        ("Ctrl+G", _tr("Visa diagram bredvid")),
        ("Ctrl+P", _tr("Skriv ut utkast")),
        ("Ctrl+Skift+S", _tr("Spara kopia som")),
    ]


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in shortcuts()
    )
    return f"<table cellpadding=3>{rows}</table>"
