"""The menus of the main window: every command with all its keys, kept up to date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from . import settings
from .i18n import LANGUAGES

if TYPE_CHECKING:
    from .controller import EvaluationController
    from .workspace import Workspace


class MenusMixin(QMainWindow):
    """Builds and updates the menu bar of :class:`~kompass_desktop.gui.mainwindow.MainWindow`."""

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        needs_file: bool = False,
        also: tuple[str, ...] = (),
    ) -> QAction:
        """A menu command; a standard key gets every binding of the platform (Redo: Ctrl+Y and
        Ctrl+Shift+Z, Close: Ctrl+F4 and Ctrl+W …), ``also`` the ones evaluators expect anyway."""
        action = QAction(text, self)
        keys: list[QKeySequence] = []
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys = list(QKeySequence.keyBindings(shortcut))
        elif shortcut is not None:
            keys = [QKeySequence(shortcut)]
        keys += [QKeySequence(k) for k in also if QKeySequence(k) not in keys]
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(slot)
        menu.addAction(action)
        if needs_file:
            self._file_actions.append(action)
        return action

    def _build_menus(self) -> None:
        self._file_actions: list[QAction] = []
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&Arkiv"))
        self._action(file, self.tr("&Ny utvärdering…"), self.new_evaluation, QKeySequence.StandardKey.New)
        self._action(file, self.tr("&Öppna…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu(self.tr("&Senaste"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(file, self.tr("Öppna &demoutvärdering"), self.open_demo)
        file.addSeparator()
        self._action(file, self.tr("S&para"), self.save, QKeySequence.StandardKey.Save, needs_file=True)
        self._action(file, self.tr("Spara &kopia som…"), self.save_copy, "Ctrl+Shift+S", needs_file=True)
        file.addSeparator()
        self._action(file, self.tr("&Exportera till SKR…"), self.export, "Ctrl+E", needs_file=True)
        self._action(file, self.tr("&Importera SKR-export (.kkx) som ny fil…"), self.import_export)
        self._action(file, self.tr("Slå samman med &medutvärderares fil…"), self.merge, needs_file=True)
        file.addSeparator()
        # which one is the final report is said in the command itself
        self._action(
            file,
            self.tr("Skapa slutlig &rapport (PDF)…"),
            self.create_report,
            "Ctrl+Shift+P",
            needs_file=True,
        )
        self._action(
            file, self.tr("Skapa slutlig rapport i &Word…"), self.create_word_report, needs_file=True
        )
        self._action(
            file,
            self.tr("Skriv ut &utkast (märkt UTKAST, inte slutligt)…"),
            self.print_draft,
            QKeySequence.StandardKey.Print,
            needs_file=True,
        )
        file.addSeparator()
        self._action(
            file,
            self.tr("S&täng utvärderingen"),
            self.close_evaluation,
            QKeySequence.StandardKey.Close,
            needs_file=True,
            also=("Ctrl+W",),
        )
        self._action(file, self.tr("&Avsluta"), self.close, QKeySequence.StandardKey.Quit, also=("Ctrl+Q",))
        self.file_menu = file

        edit = bar.addMenu(self.tr("&Redigera"))
        self.undo_action = self._action(
            edit, self.tr("&Ångra"), self._undo, QKeySequence.StandardKey.Undo, also=("Ctrl+Z",)
        )
        self.redo_action = self._action(
            edit,
            self.tr("&Gör om"),
            self._redo,
            QKeySequence.StandardKey.Redo,
            also=("Ctrl+Shift+Z", "Ctrl+Y"),
        )
        edit.addSeparator()
        self._action(
            edit, self.tr("&Sök…"), lambda: self.go("search"), QKeySequence.StandardKey.Find, needs_file=True
        )
        self._action(
            edit,
            self.tr("&Källa för nya anteckningar…"),
            self.choose_source,
            "Ctrl+K",
            needs_file=True,
        )
        self._action(
            edit,
            self.tr("&Uppgifter om kommunen och utvärderingen…"),
            self.edit_info,
            "Ctrl+Shift+U",
            needs_file=True,
        )

        go = bar.addMenu(self.tr("&Gå till"))
        self._action(go, self.tr("&Sammanfattning"), lambda: self.go("summary"), "Ctrl+0", needs_file=True)
        self.area_actions = []
        for n in range(1, 9):
            self.area_actions.append(
                self._action(
                    go,
                    self.tr("Område {0}").format(n),
                    lambda _=False, n=n: self.go(f"area:{n}"),
                    f"Ctrl+{n}",
                    needs_file=True,
                )
            )
        self._action(go, self.tr("Nästa område"), lambda: self._step_area(1), "Ctrl+PgDown", needs_file=True)
        self._action(
            go, self.tr("Föregående område"), lambda: self._step_area(-1), "Ctrl+PgUp", needs_file=True
        )
        go.addSeparator()
        self._action(go, self.tr("&Intervjuläge"), lambda: self.go("interview"), "Ctrl+I", needs_file=True)
        self._action(
            go, self.tr("Intervjuer"), lambda: self.go("interviews"), "Ctrl+Shift+I", needs_file=True
        )
        self._action(go, self.tr("Dokument"), lambda: self.go("documents"), "Ctrl+Shift+D", needs_file=True)
        self._action(
            go, self.tr("Webb och sociala medier"), lambda: self.go("web"), "Ctrl+Shift+W", needs_file=True
        )
        self._action(
            go, self.tr("&Täckning av underlag"), lambda: self.go("coverage"), "Ctrl+Shift+T", needs_file=True
        )
        self._action(go, self.tr("&Konsensus"), lambda: self.go("consensus"), "Ctrl+Shift+E", needs_file=True)

        view = bar.addMenu(self.tr("&Visa"))
        toggle = self.chart_dock.toggleViewAction()
        toggle.setText(self.tr("&Diagram bredvid"))
        toggle.setShortcut(QKeySequence("Ctrl+G"))
        view.addAction(toggle)
        self._file_actions.append(toggle)
        preview = self.preview_dock.toggleViewAction()
        preview.setText(self.tr("&Förhandsvisning"))
        preview.setShortcut(QKeySequence("Ctrl+Shift+R"))
        view.addAction(preview)
        self._file_actions.append(preview)
        language = view.addMenu(self.tr("&Språk"))
        self.language_group = QActionGroup(self)  # one language at a time
        self.language_group.setExclusive(True)
        for code, name in LANGUAGES.items():
            act = self._action(language, name, lambda _=False, code=code: self._set_language(code))
            act.setCheckable(True)
            act.setChecked(settings.language() == code)
            self.language_group.addAction(act)

        help_menu = bar.addMenu(self.tr("&Hjälp"))
        self._action(
            help_menu, self.tr("&Kortkommandon"), self.show_shortcuts, QKeySequence.StandardKey.HelpContents
        )
        self._action(help_menu, self.tr("&Om Kompass Desktop"), self.show_about)

    def _update_actions(self, _index: int = 0) -> None:
        has_file = self.controller is not None
        areas = self.controller.framework.areas if self.controller is not None else ()
        for n, action in enumerate(self.area_actions, start=1):  # Gå till names the areas
            title = next((a.title for a in areas if a.number == n), "")
            action.setText(f"&{n} {title.replace('&', '&&')}" if title else self.tr("Område {0}").format(n))
            action.setVisible(bool(title) or not has_file)
        for action in self._file_actions:
            action.setEnabled(has_file)
        stack = self.controller.undo_stack if self.controller else None
        typing = self.workspace is not None and self.workspace.has_typing()
        self.undo_action.setEnabled(bool(stack and stack.canUndo()) or typing)
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        if stack is not None:
            self.undo_action.setText(
                self.tr("&Ångra {0}").format(stack.undoText())
                if stack.canUndo() and not typing
                else self.tr("&Ångra")
            )
            self.redo_action.setText(
                self.tr("&Gör om {0}").format(stack.redoText()) if stack.canRedo() else self.tr("&Gör om")
            )

    def _undo(self) -> None:
        if self.controller and self.workspace:
            self.workspace.flush()  # what is being typed becomes the step to undo
            self.controller.undo()

    def _redo(self) -> None:
        if self.controller:
            self.controller.redo()

    def _stepped(self, undo: bool, text: str, _where: str) -> None:
        message = self.tr("Ångrade: {0}") if undo else self.tr("Gjorde om: {0}")
        self.statusBar().showMessage(message.format(text), 8000)

    def save(self) -> None:
        """Ctrl+S out of habit: everything is saved already (what is being typed, now)."""
        if self.workspace is not None and self.workspace.flush():
            self.statusBar().showMessage(
                self.tr("Allt är redan sparat. Varje ändring sparas direkt i filen."), 6000
            )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_files():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(inga)")).setEnabled(False)

    # declared for the type checker; MainWindow has them (kept last: lupdate stops at stubs)
    if TYPE_CHECKING:
        controller: EvaluationController | None
        workspace: Workspace | None
        chart_dock: QDockWidget
        preview_dock: QDockWidget

        def new_evaluation(self) -> None: ...
        def open_dialog(self) -> None: ...
        def open_demo(self) -> None: ...
        def open_file(self, path: Path) -> bool: ...
        def save_copy(self) -> None: ...
        def export(self) -> None: ...
        def import_export(self) -> None: ...
        def merge(self) -> None: ...
        def create_report(self, word: bool = False) -> None: ...
        def create_word_report(self) -> None: ...
        def print_draft(self) -> None: ...
        def close_evaluation(self) -> bool: ...
        def choose_source(self) -> None: ...
        def edit_info(self) -> None: ...
        def go(self, target: str) -> None: ...
        def _step_area(self, step: int) -> None: ...
        def _set_language(self, code: str) -> None: ...
        def show_shortcuts(self) -> None: ...
        def show_about(self) -> None: ...
