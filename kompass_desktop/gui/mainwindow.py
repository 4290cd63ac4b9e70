"""The main window: menus, the welcome screen or the workspace, the chart dock, the status bar."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import APP_NAME, __version__, resources
from ..domain.errors import KompassError
from ..services import EarlierScores, EvaluationSession, NewEvaluation, files
from ..services.errors import CheckpointFailed, FileLocked, NetworkLocation, ReadOnlyFile
from . import settings, theme
from .controller import EvaluationController
from .dialogs import show_error
from .error_text import error_text
from .file_notices import FileNotices, tell_checkpoint_failed
from .menus import MenusMixin
from .preview_dock import attach_preview, detach_preview, preview_dock
from .source_picker import SourcePicker
from .startup import after_page_painted
from .welcome import NewEvaluationWizard, WelcomeWidget
from .workspace import Workspace

#: While editing, a rotating backup is taken this often.
BACKUP_INTERVAL_MS = 5 * 60 * 1000
#: The charts beside the pages are never narrower than this (their labels stay readable).
DOCK_MIN_WIDTH = 400
#: Screens up to this size (logical pixels, after the system's scaling) start maximised.
SMALL_SCREEN = (1366, 800)


def _warm_up_in_background() -> None:
    """Import the storage writer's library while the evaluator looks at the first page."""
    threading.Thread(target=files.warm_up, name="warm-up", daemon=True).start()


class MainWindow(MenusMixin):
    backup_failed = Signal(str)

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        """``clock``: the time that proposes the current interview (tests pass a fixed one)."""
        super().__init__()
        self.clock: Callable[[], datetime] = clock or datetime.now
        self.source_picker: SourcePicker | None = None
        self._source_box: QWidget | None = None
        self._return_focus: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app)
        self.backup_failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self.setWindowTitle(APP_NAME)
        self.controller: EvaluationController | None = None
        self.workspace: Workspace | None = None
        self._backup_thread: threading.Thread | None = None
        self._backup_cancel = threading.Event()
        self.central = QStackedWidget(self)
        self.welcome = WelcomeWidget(self)
        self.welcome.new_requested.connect(self.new_evaluation)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.file_chosen.connect(lambda p: self.open_file(Path(p)))
        self.central.addWidget(self.welcome)
        self.setCentralWidget(self.central)
        self.chart_dock = QDockWidget(self.tr("Diagram"), self)
        self.chart_dock.setObjectName("chartDock")
        self.chart_dock.setMinimumWidth(DOCK_MIN_WIDTH * 4 // 5)
        self.chart_dock.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.chart_dock)
        self.chart_dock.hide()
        self.chart_dock.visibilityChanged.connect(self._dock_visibility_changed)
        self.preview_dock = preview_dock(self)
        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.file_notices = FileNotices(self)
        self._backup_timer = QTimer(self)
        self._backup_timer.setObjectName("periodic-backup")
        self._backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self._backup_timer.timeout.connect(self._periodic_backup)
        self._build_menus()
        self._update_actions()
        stored = settings.settings()
        geometry, state = stored.value("geometry"), stored.value("windowState")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.fit_to_screen()
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def fit_to_screen(self) -> None:
        """First start: the whole window on the screen.  Laptop screens (up to 1366×768, or
        1920×1080 at 150 %: 1280×720) get it maximised; larger ones a comfortable size."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        if available.width() <= SMALL_SCREEN[0] or available.height() <= SMALL_SCREEN[1]:
            self.setWindowState(Qt.WindowState.WindowMaximized)
            return
        width = min(1440, available.width() * 9 // 10)
        height = min(920, available.height() * 9 // 10)
        self.resize(width, height)
        self.move(available.center().x() - width // 2, available.center().y() - height // 2)

    # -- opening and closing ----------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Öppna utvärdering"),
            str(Path.home()),
            self.tr("Utvärderingar (*.kompass);;Alla filer (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_demo(self) -> None:
        from ..demo import fresh_demo_copy

        try:
            path = fresh_demo_copy()
        except KompassError as err:
            show_error(self, error_text(err))
            return
        self.open_file(path)

    def open_file(self, path: Path) -> bool:
        if self.controller is not None and not self.close_evaluation():
            return False
        try:
            session = EvaluationSession.open(path, author=settings.author_name() or None)
        except FileLocked as err:
            show_error(self, error_text(err), self.tr("Filen används redan"))
            return False
        except (NetworkLocation, ReadOnlyFile) as err:  # work on a copy, or only read it
            return self._offer_local_copy(path, error_text(err), network=isinstance(err, NetworkLocation))
        except KompassError as err:
            self._offer_backups(path, error_text(err))
            return False
        self._attach(session)
        settings.add_recent(path)
        if not session.readonly:
            self._backup_in_background(path, "open")
        return True

    def _backup_in_background(self, path: Path, reason: str) -> None:
        """A backup of the file as it was opened, made beside the first paint (own connection)."""

        cancel = self._backup_cancel = threading.Event()

        def work() -> None:
            try:
                files.backup_file(path, reason, cancel)
            except files.BackupCancelled:
                pass  # the file was closed first
            except KompassError as err:
                self.backup_failed.emit(error_text(err))

        self._backup_thread = threading.Thread(target=work, name="backup-on-open", daemon=True)
        self._backup_thread.start()

    def _stop_background_backup(self) -> None:
        """A backup on open still running when the file is closed stops within one step (the
        file is closed at once, self-contained, instead of the window freezing until it is done)."""
        thread, self._backup_thread = self._backup_thread, None
        if thread is not None:
            self._backup_cancel.set()
            thread.join()

    def _offer_local_copy(self, path: Path, message: str, network: bool = True) -> bool:
        """A file in a network folder or a write-protected one: work on a copy on this computer,
        or only read it."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Filen ligger i en nätverksmapp") if network else self.tr("Filen är skrivskyddad"),
            message,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        copy = box.addButton(self.tr("Kopiera till datorn och öppna…"), QMessageBox.ButtonRole.AcceptRole)
        read = box.addButton(self.tr("Öppna skrivskyddad"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is read:
            try:
                session = EvaluationSession.open(path, readonly=True)
            except KompassError as err:
                show_error(self, error_text(err))
                return False
            self._attach(session)
            return True
        if box.clickedButton() is not copy:
            return False
        suggested = Path.home() / "Documents" / path.name
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara kopian på datorn"), str(suggested), self.tr("Utvärderingar (*.kompass)")
        )
        if not target:
            return False
        try:
            local = files.copy_to(path, Path(target))
        except KompassError as err:
            show_error(self, error_text(err))
            return False
        return self.open_file(local)

    def _offer_backups(self, path: Path, message: str) -> None:
        found = files.list_backups(path)
        if not found:
            show_error(self, message, self.tr("Filen kunde inte öppnas"))
            return
        newest = found[0]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Filen kunde inte öppnas"),
            message,
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr("Det finns %n säkerhetskopior. Vill du öppna den senaste ({0})?", "", len(found)).format(
                newest.taken.strftime("%Y-%m-%d %H:%M")
            )
        )
        if box.exec() == QMessageBox.StandardButton.Open:
            self._restore_backup(newest.path, path)

    def _restore_backup(self, backup: Path, original: Path) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara den återställda kopian som"),
            str(original.with_name(original.stem + "-återställd.kompass")),
            self.tr("Utvärderingar (*.kompass)"),
        )
        if not target:
            return
        try:
            files.restore_backup(backup, Path(target))
        except KompassError as err:
            show_error(self, error_text(err))
            return
        self.open_file(Path(target))

    def _attach(self, session: EvaluationSession) -> None:
        self.controller = EvaluationController(session, self)
        self.controller.error.connect(lambda message: show_error(self, message))
        self.controller.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.controller.changed.connect(self._on_change)
        self.controller.stepped.connect(self._stepped)
        self.controller.undo_stack.indexChanged.connect(self._update_actions)
        self.workspace = Workspace(self.controller, self, clock=self.clock)
        self._show_source(self.workspace)
        self.workspace.typing.connect(self._update_actions)
        self.central.addWidget(self.workspace)
        self.central.setCurrentWidget(self.workspace)
        # the docks' charts and preview once the page is on the screen (a faster start)
        after_page_painted(self.workspace.stack, self._ensure_dock_charts)
        after_page_painted(self.workspace.stack, lambda: attach_preview(self))
        readonly = self.tr(" (skrivskyddad)") if session.readonly else ""
        self.setWindowTitle(f"{session.names().display} – {session.path.name}{readonly} – {APP_NAME}")
        self.saved_label.setText(self.tr("Alla ändringar sparas direkt"))
        self._backup_timer.start()
        self._update_actions()
        self.file_notices.show(session.file.notices)
        QTimer.singleShot(300, _warm_up_in_background)

    def _show_source(self, workspace: Workspace) -> None:
        """The current source, at all times, in the status bar."""
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 6, 0)
        label = QLabel(self.tr("Källa:"), box)
        row.addWidget(label)
        picker = SourcePicker(workspace.source, box, compact=True)
        label.setBuddy(picker.combo)
        row.addWidget(picker)
        self.statusBar().insertPermanentWidget(0, box)
        self._source_box, self.source_picker = box, picker
        picker.chosen.connect(self._source_chosen)
        workspace.source.wanted.connect(self._source_wanted)

    def choose_source(self) -> None:
        """Ctrl+K: choose the source of new notes (then back to where you were)."""
        if self.source_picker is not None:
            self._return_focus = QApplication.focusWidget()
            self.source_picker.open()

    def _source_wanted(self, widget: QObject) -> None:
        self.choose_source()
        if isinstance(widget, QWidget):
            self._return_focus = widget

    def _source_chosen(self) -> None:
        target, self._return_focus = self._return_focus, None
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._ensure_dock_charts()
            QTimer.singleShot(0, self, self._readable_dock)  # once the dock has its place

    def _readable_dock(self) -> None:
        """The charts beside the pages at a width where their labels can be read."""
        readable = max(DOCK_MIN_WIDTH, self.width() * 2 // 7)
        if self.chart_dock.isVisible() and self.chart_dock.width() < readable:
            self.resizeDocks([self.chart_dock], [readable], Qt.Orientation.Horizontal)

    def _ensure_dock_charts(self) -> None:
        """The charts beside the pages are built the first time the dock is shown with an
        evaluation open (the dock restored as shown at start imports nothing)."""
        if self.controller is None or not self.chart_dock.isVisible():
            return
        from .charts import ChartsPanel

        if not isinstance(self.chart_dock.widget(), ChartsPanel):
            self.chart_dock.setWidget(ChartsPanel(self.controller, self.chart_dock, compact=True))

    def _on_change(self, _change: object) -> None:
        self.saved_label.setText(self.tr("Sparat {0}").format(datetime.now().strftime("%H:%M:%S")))
        dock = self.chart_dock.widget()
        if self.chart_dock.isVisible() and hasattr(dock, "refresh"):
            dock.refresh()

    def close_evaluation(self) -> bool:
        """Close the open evaluation; False when the evaluator chose to keep it open because
        something typed could not be saved."""
        if self.controller is None:
            return True
        if self.workspace is not None and not self.workspace.flush() and not self._close_anyway():
            return False
        self._backup_timer.stop()
        dock = self.chart_dock.widget()
        self.chart_dock.setWidget(QWidget(self.chart_dock))
        if dock is not None:
            dock.deleteLater()
        detach_preview(self)
        controller, self.controller = self.controller, None
        controller.undo_stack.indexChanged.disconnect(self._update_actions)
        if self._source_box is not None:
            self.statusBar().removeWidget(self._source_box)
            self._source_box.deleteLater()
            self._source_box = self.source_picker = None
        if self.workspace is not None:
            self.central.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self._stop_background_backup()
        self.file_notices.clear()
        failed = None
        try:
            controller.close()
        except CheckpointFailed as err:  # closed all the same; the edits are safe in NAME-wal
            failed = error_text(err)
        controller.deleteLater()
        self.central.setCurrentWidget(self.welcome)
        self.welcome.refresh()
        self.setWindowTitle(APP_NAME)
        self.saved_label.setText("")
        self._update_actions()
        if failed is not None:
            tell_checkpoint_failed(self, failed)
        return True

    def _close_anyway(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Ändringar kunde inte sparas"),
            self.tr(
                "Det du skrev senast kunde inte sparas i filen (se meddelandet). Om du stänger nu "
                "går det förlorat. Stänga ändå?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _periodic_backup(self) -> None:
        if self.controller is not None and not self.controller.session.readonly:
            self.controller.call(self.controller.session.backup, "auto")

    # -- commands --------------------------------------------------------------------
    def go(self, target: str) -> None:
        if self.workspace is not None:
            self.workspace.navigate(target)

    def _step_area(self, step: int) -> None:
        if self.workspace is not None:
            self.workspace.step_area(step)

    def new_evaluation(self) -> None:
        try:
            wizard = NewEvaluationWizard(self)  # lists the bundled frameworks: a damaged one is said
        except KompassError as err:
            show_error(self, error_text(err), self.tr("Utvärderingen kunde inte skapas"))
            return
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        spec = wizard.spec()
        path = Path(spec["path"])
        if path.suffix != ".kompass":
            path = path.with_suffix(".kompass")
        if self.controller is not None and not self.close_evaluation():
            return
        earlier = spec["earlier"]
        try:
            fw = resources.framework(spec["framework_id"])
            session = EvaluationSession.create(
                path,
                NewEvaluation(
                    fw,
                    spec["municipality"],
                    spec["year"],
                    kommungrupp=spec["kommungrupp"],
                    inhabitants=spec["inhabitants"],
                    employees=spec["employees"],
                    governing_parties=spec["governing_parties"],
                    evaluation_number=spec["evaluation_number"],
                    start_date=spec["start_date"],
                    end_date=spec["end_date"],
                    evaluators=spec["evaluators"],
                    municipality_code=spec["municipality_code"],
                    unlisted=spec["unlisted"],
                    earlier=None
                    if not earlier
                    else EarlierScores(earlier["year"], earlier["framework_id"], earlier["area_scores"]),
                ),
                author=settings.author_name() or None,
            )
        except KompassError as err:
            show_error(self, error_text(err), self.tr("Utvärderingen kunde inte skapas"))
            return
        self._attach(session)
        settings.add_recent(path)

    def save_copy(self) -> None:
        if self.controller is None:
            return
        session = self.controller.session
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara kopia som"),
            str(session.path.with_name(session.path.stem + "-kopia.kompass")),
            self.tr("Utvärderingar (*.kompass)"),
        )
        if path:
            if self.workspace:
                self.workspace.flush()
            if self.controller.call(session.save_copy, Path(path)) is not None:
                self.statusBar().showMessage(self.tr("Kopian sparades: {0}").format(path), 5000)

    def print_draft(self) -> None:
        if self.controller is None:
            return
        if self.workspace:
            self.workspace.flush()
        from .printing import print_report

        print_report(self, self.controller, draft=True)

    def edit_info(self) -> None:
        if self.controller is None:
            return
        from .info_dialog import InfoDialog

        dialog = InfoDialog(self.controller.session.info(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            changes = dialog.changes()
            if changes and self.controller.update_info(**changes):
                session = self.controller.session
                self.setWindowTitle(f"{session.names().display} – {session.path.name} – {APP_NAME}")

    def export(self) -> None:
        if self.controller is None:
            return
        if self.workspace:
            self.workspace.flush()
        from .exchange_ui import export_to_skr

        export_to_skr(self, self.controller)

    def import_export(self) -> None:
        from .exchange_ui import import_export_file

        path = import_export_file(self)
        if path is not None:
            self.open_file(path)

    def merge(self) -> None:
        if self.controller is None:
            return
        if self.workspace:
            self.workspace.flush()
        from .exchange_ui import merge_other_file

        merge_other_file(self, self.controller)

    def create_report(self, word: bool = False) -> None:
        if self.controller is None:
            return
        if self.workspace:
            self.workspace.flush()
        from .printing import print_report, save_word_report

        if word:
            save_word_report(self, self.controller)
        else:
            print_report(self, self.controller, draft=False)

    def create_word_report(self) -> None:
        self.create_report(word=True)

    def show_shortcuts(self) -> None:
        from .help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Om Kompass Desktop"),
            self.tr(
                "<h3>Kompass Desktop {0}</h3><p>Arbetsverktyg för utvärderingar med Kommunkompassen.</p>"
                "<p>Fungerar helt utan nätverk. Allt sparas direkt i utvärderingsfilen.</p>"
            ).format(__version__),
        )

    def _set_language(self, code: str) -> None:
        settings.set_language(code)
        QMessageBox.information(
            self, self.tr("Språk"), self.tr("Språket ändras nästa gång programmet startar.")
        )

    # -- closing ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        s = settings.settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())
        s.sync()
        if not self.close_evaluation():
            event.ignore()
            return
        event.accept()
