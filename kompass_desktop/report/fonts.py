"""The embedded typeface of the report (Carlito, SIL OFL 1.1, shipped in resources/fonts/).

Fonts are registered once per process; reportlab embeds a subset of each in every PDF.
Nothing is looked up on the system and nothing is downloaded.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .. import resources
from ..domain.errors import KompassError
from ..domain.messages import msg

REGULAR = "Carlito"
BOLD = "Carlito-Bold"
ITALIC = "Carlito-Italic"

_FILES = {REGULAR: "Carlito-Regular.ttf", BOLD: "Carlito-Bold.ttf", ITALIC: "Carlito-Italic.ttf"}
_lock = threading.Lock()
_registered = False


class FontMissing(KompassError):
    """The bundled report fonts cannot be read (a damaged installation)."""


def fonts_dir() -> Path:
    """resources/fonts (falls back to the bundled folder when KOMPASS_RESOURCES points elsewhere)."""
    folder = resources.resources_dir() / "fonts"
    if (folder / _FILES[REGULAR]).exists():
        return folder
    return resources._base_dir() / "resources" / "fonts"


def register_fonts() -> None:
    """Register Carlito regular/bold/italic with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        folder = fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as err:
                raise FontMissing(
                    msg(
                        "Rapportens typsnitt {path} kan inte läsas ({err}). Installera om programmet.",
                        path=path,
                        err=err,
                    )
                ) from None
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)  # no bold italic in the report
        _registered = True
