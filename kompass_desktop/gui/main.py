"""Starting the desktop app: command-line options, QApplication, translations, the window.

kompass-desktop [FILE] [--demo] [--smoke-test] [--lang sv|en] [--check]

Before Qt is imported, platform_libs checks that the display platform can load (a clear
message and exit 1 instead of Qt's abort when system libraries are missing).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from .. import APP_NAME, __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    from .. import argtext

    argtext.install()
    parser = argparse.ArgumentParser(prog="kompass-desktop", description=f"{APP_NAME} {__version__}")
    parser.add_argument("file", nargs="?", help="utvärderingsfil (.kompass) att öppna")
    parser.add_argument("--demo", action="store_true", help="öppna en ny kopia av demoutvärderingen")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="öppna demon utan fönster, gå igenom alla områden och avsluta (för CI och paketering)",
    )
    parser.add_argument("--lang", choices=["sv", "en"], help="språk för gränssnittet")
    parser.add_argument(
        "--check", action="store_true", help="självkontroll av installationen (för IT-support) och avsluta"
    )
    parser.add_argument("--check-display", action="store_true", help=argparse.SUPPRESS)  # used by --check
    return parser.parse_args(argv)


def crash_text(value: BaseException) -> str:
    """What the user is told of an error nothing else caught, in the GUI's language: a name too
    long for the file system said plainly; anything else logged, with where the log is."""
    from PySide6.QtCore import QCoreApplication

    from ..cli import log_unexpected, name_too_long_error
    from .error_text import error_text, translated

    known = name_too_long_error(value)
    if known is not None:
        return translated(known)
    where = log_unexpected(value)
    return QCoreApplication.translate(
        "main",
        "Ett oväntat fel inträffade: {0}\nInget av det du sparat har gått förlorat. Detaljer: {1}",
    ).format(error_text(value), where or "-")


def _install_excepthook() -> None:
    """An unexpected error is logged and shown as a message, never as a traceback in a console."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = crash_text(value)
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, APP_NAME, text)
        else:
            sys.stderr.write("".join(traceback.format_exception_only(kind, value)))

    sys.excepthook = hook


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.check:
        from ..doctor import main as self_check

        return self_check([Path(args.file)] if args.file else [])
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..platform_libs import diagnose

    found = diagnose()  # before Qt: a clear message instead of Qt's abort
    if args.check_display:
        from .display_probe import check_display

        return check_display(found)
    if found:
        sys.stderr.write(found.message())
        return 1
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from . import settings
    from .i18n import install_translators

    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SKR")
    translators = install_translators(app, args.lang or settings.language())  # noqa: F841 - keep alive
    _install_excepthook()
    if args.smoke_test:
        from .smoke import smoke_test

        return smoke_test()
    from .mainwindow import MainWindow

    window = MainWindow()
    window.show()
    if args.demo:
        window.open_demo()
    elif args.file:
        window.open_file(Path(args.file))
    return app.exec()
