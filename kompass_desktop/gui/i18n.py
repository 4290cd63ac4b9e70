"""Swedish by default; English through Qt Linguist files in resources/translations/.

Source strings in the code are Swedish.  ``kompass_en.qm`` translates them to English;
``kompass_sv.qm`` holds only the Swedish plural forms ("1 träff", "2 träffar": messages written
``tr("%n träffar", "", n)``).  Qt's own dialogs use ``qtbase_sv.qm`` / ``qtbase_en.qm`` shipped
with PySide6 (or bundled).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resources_dir

LANGUAGES = {"sv": "Svenska", "en": "English"}


class QtWordingFixes(QTranslator):
    """Corrections of Qt's own Swedish: "OK" (Språkrådet), not "Ok", on every standard button."""

    FIXES: ClassVar[dict[tuple[str, str], str]] = {
        ("QPlatformTheme", "OK"): "OK",
        ("QPlatformTheme", "&OK"): "&OK",
    }

    def translate(  # None (a null string): ask the next translator
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.FIXES.get((context, source))

    def isEmpty(self) -> bool:
        return False


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's translators; returns them (keep references alive)."""
    language = language if language in LANGUAGES else "sv"
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Swedish if language == "sv" else QLocale.Language.English,
            QLocale.Country.Sweden if language == "sv" else QLocale.Country.UnitedKingdom,
        )
    )
    installed = []
    qt_dirs = [translations_dir(), Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    for folder in qt_dirs:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", str(folder)):
            app.installTranslator(qt)
            installed.append(qt)
            break
    if language == "sv":
        fixes = QtWordingFixes(app)
        app.installTranslator(fixes)
        installed.append(fixes)
    own = QTranslator(app)
    if own.load(f"kompass_{language}", str(translations_dir())):
        app.installTranslator(own)
        installed.append(own)
    return installed


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
