"""The main window: a navigation of screens beside the current screen, the menus, and the open
unit file's context. It remembers its size, position and last screen, and rebuilds every text
when the interface language changes. What File does with unit files (opening one or saying
why it cannot be, backing up, restoring, the recent files) is :class:`UnitFiles`'s.

The window is painted before the store and the services load (they take most of a start-up):
while the file opens it shows the Overview kept at the last closing (:meth:`show_opening`).
So the store, the services and the file dialogs are imported in the methods that use them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from hyvinvointi_app.domain.enums import SearchKind
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.paths import data_home
from hyvinvointi_app.services.settings import load_backup_settings
from hyvinvointi_app.ui import screens
from hyvinvointi_app.ui.context import AppContext, open_settings, setting_text
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.icons import icon
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.overview.figures import OverviewPreview, kept_figures
from hyvinvointi_app.ui.page import Page
from hyvinvointi_app.ui.prompter import Prompter
from hyvinvointi_app.ui.unit_files import UnitFiles

if TYPE_CHECKING:
    from hyvinvointi_app.services.search import SearchHit
    from hyvinvointi_app.store.database import Database
    from hyvinvointi_app.ui.backups.scheduler import BackupScheduler
    from hyvinvointi_app.ui.search.window import SearchWindow

_log = logging.getLogger(__name__)
SCREEN_KEYS = [spec.key for spec in screens.SCREENS]
FOUND_ON = {
    SearchKind.MEMO: "meetings",
    SearchKind.ACTION: "meetings",
    SearchKind.PLAN: "plans",
    SearchKind.EVALUATION: "plans",
    SearchKind.CARD: "cards",
    SearchKind.CLOCK: "clock",
    SearchKind.SURVEY: "surveys",
    SearchKind.PERIOD: "periods",
}
"""The screen that shows a search result of each kind."""
P = TypeVar("P", bound=Page)


class ScreenPages(Mapping[str, Page]):
    """The screens by key, each built on first use: iterating gives every key, looking one
    up builds it. ``built()`` are those that exist."""

    def __init__(self, create: Callable[[str], Page], *, with_file: bool) -> None:
        self._create = create
        self._keys = SCREEN_KEYS if with_file else []
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        if key not in self._keys:
            raise KeyError(key)
        if key not in self._built:
            self._built[key] = self._create(key)
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> dict[str, Page]:
        return dict(self._built)

    def of_kind(self, key: str, kind: type[P]) -> P:
        """The screen ``key`` as its own class, for what only that screen does."""
        page = self[key]
        assert isinstance(page, kind), (key, kind)
        return page


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.context: AppContext | None = None
        self._prompter = Prompter()
        self.settings = open_settings()
        self.files = UnitFiles(self, self.settings, self._prompter, self._show_status)
        self.opening: Path | None = None
        """The file being opened, before :meth:`open_database` or :meth:`open_or_explain`."""
        self.backups: BackupScheduler | None = None
        self._search_window: SearchWindow | None = None
        self.pages = ScreenPages(self._create_page, with_file=False)
        self._left_dialog = False
        self._meeting_mode = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_after_dialog)
        self.coordinator_window: QWidget | None = None
        """File → Coordinator view, once opened (built anew in another language)."""
        resize_within_screen(self, 1200, 760)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._build()

    # -- the open file -------------------------------------------------------------------

    @property
    def prompter(self) -> Prompter:
        """Asks and tells in dialogs, for the window, its unit files and every screen."""
        return self._prompter

    @prompter.setter
    def prompter(self, prompter: Prompter) -> None:
        self._prompter = self.files.prompter = prompter
        if self.context is not None:
            self.context.prompter = prompter

    @property
    def database(self) -> Database | None:
        return self.context.database if self.context else None

    def show_opening(self, path: Path) -> None:
        """Show the window as it will be once ``path`` is open: the navigation, and the
        Overview kept at the last closing marked as being updated (the caller opens the file
        on the next turn of the event loop)."""
        self.opening = path
        self._build()

    def open_database(self, path: Path) -> str | None:
        """Open a unit file and show it; return a translated message if it cannot be used."""
        try:
            database = self.files.open(path)
        except UserError as error:
            return describe(error)
        self._set_database(database)
        return None

    def open_or_explain(self, path: Path, *, at_start: bool = False) -> bool:
        """Open ``path`` and show it; if it cannot be used, one dialog says why and offers a
        way forward (:meth:`UnitFiles.open_or_explain`). False when nothing was opened (at
        start-up: quit)."""
        database = self.files.open_or_explain(
            path, at_start=at_start, before_restore=self._close_if_open
        )
        if database is None:
            return False
        self._set_database(database)
        self.files.warn_if_synchronised(database.path)
        return True

    def _close_if_open(self, path: Path) -> None:
        """Before a backup replaces ``path``: close it if it is the open file (the restore
        keeps a copy of it anyway, so no backup is made now)."""
        if self.context is not None and self.context.path == path:
            self._close_database(back_up=False)
            self._build()  # no screen may stay on the closed file, should it not open again

    def _show_status(self, text: str, milliseconds: int) -> None:
        self.statusBar().showMessage(text, milliseconds)

    def _set_database(self, database: Database) -> None:
        from hyvinvointi_app.ui.backups.scheduler import BackupScheduler

        if self.context is not None:
            self._close_database(back_up=True)
        self.opening = None
        self.context = AppContext(database, self, self.prompter)
        if not database.read_only:
            self._freeze_old_approvals(database)
            self.backups = BackupScheduler(database.path, self)
            self.backups.succeeded.connect(lambda text: self._show_status(text, 8000))
            self.backups.failed.connect(lambda text: self._show_status(text, 0))
            self.backups.start()
        self.context.data_changed.connect(self._on_data_changed)
        self.context.status_message.connect(lambda text: self._show_status(text, 5000))
        self.context.navigate_requested.connect(self.show_page)
        self.context.open_requested.connect(self.show_item)
        self.context.document_requested.connect(self.show_document)
        self.context.meeting_mode.connect(self._meeting_mode_changed)
        self.files.remember(database.path)
        self._build()

    def _freeze_old_approvals(self, database: Database) -> None:
        """Memos approved before the program kept an approved memo's text get it now, once."""
        from hyvinvointi_app.services import memo_record

        try:
            memo_record.freeze_unfrozen(database)
        except UserError as error:  # a full disk, say: they print as approved all the same
            self._show_status(describe(error), 0)

    def _close_database(self, *, back_up: bool = True) -> None:
        """Close the file; then back it up if its data changed (its copy is checked first,
        so a damaged file pushes no good backup out)."""
        plan = self.backups
        self.backups = None
        if plan is not None:
            plan.stop()
        if self.context is not None:
            try:
                self._keep_overview()
            finally:
                self.context.close()
                self.context.deleteLater()
                self.context = None
        if plan is not None:
            if back_up:
                plan.back_up_after_closing()
            plan.deleteLater()

    def _keep_overview(self) -> None:
        """Keep the Overview's lines as they are now, for the next start's first paint (not
        of a file opened read-only: someone else's, or a backup). Nothing here may keep
        the file from closing: a failure only means the next start shows no kept lines."""
        assert self.context is not None
        if self.context.database.read_only:
            return
        from hyvinvointi_app.ui.overview.page import keep_for_next_start

        try:
            keep_for_next_start(self.context)
        except Exception:
            _log.warning("the Overview's lines were not kept", exc_info=True)

    # -- building (again on every language change) --------------------------------------

    def _build(self) -> None:
        current = self.current_page_key() or self.settings.value("window/last_view", "overview")
        self.menuBar().clear()
        self.pages = ScreenPages(self._create_page, with_file=self.context is not None)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.navigation = QListWidget(central)
        self.navigation.setAccessibleName(_("Navigation"))
        self.navigation.setMaximumWidth(240)
        self.navigation.setMinimumWidth(180)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        if self.opening is not None and self.context is None:
            self._build_opening(self.opening)
        if self.context is not None:
            for spec in screens.SCREENS:
                self.stack.addWidget(QWidget(self.stack))  # the screen is built when first shown
                item = QListWidgetItem(icon(spec.key), spec.title())
                item.setData(Qt.ItemDataRole.UserRole, spec.key)
                self.navigation.addItem(item)
            self.navigation.currentRowChanged.connect(self._on_navigation)
        self._build_menus()
        self._update_title()
        if self.context is not None:
            self.show_page(str(current) if str(current) in self.pages else "overview")
            self._current_page().focus_list()  # Enter opens the selected row at once

    def _meeting_mode_changed(self, on: bool) -> None:
        self._meeting_mode = on
        self.show_navigation(not on)

    def toggle_navigation(self) -> None:
        self.show_navigation(self.navigation.isHidden())

    def show_navigation(self, shown: bool) -> None:
        """The list of screens at the left: folded away in meeting mode, so that the memo
        has the width (View → Navigation, F9, brings it back; Ctrl+1…9 work either way)."""
        self.navigation.setVisible(shown)
        self.navigation_action.setChecked(shown)

    def _build_opening(self, path: Path) -> None:
        """The navigation (not yet usable) and the kept Overview, while ``path`` opens."""
        for spec in screens.SCREENS:
            item = QListWidgetItem(icon(spec.key), spec.title())
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.navigation.addItem(item)
        kept = kept_figures(self.settings, path, ui_translator().language)
        self.stack.addWidget(OverviewPreview(kept, self.stack))

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        needs_file: bool = True,
        icon_name: str = "",
    ) -> QAction:
        action = menu.addAction(text)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setEnabled(self.context is not None or not needs_file)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        keys = QKeySequence.StandardKey
        file_menu = bar.addMenu(_("&File"))
        new = self._action(
            file_menu, _("&New unit file…"), self.new_unit_file, keys.New, needs_file=False
        )
        other = self._action(
            file_menu,
            _("&Open…"),
            self.choose_and_open,
            keys.Open,
            needs_file=False,
            icon_name="open",
        )
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        self.files.fill_recent_menu(self.recent_menu, self.open_with_message)
        if self.opening is not None:  # no other file until this one is open
            for action in (new, other, self.recent_menu.menuAction()):
                action.setEnabled(False)
        file_menu.addSeparator()
        self._action(file_menu, _("&Back up now"), self.back_up_now, "Ctrl+B", icon_name="back_up")
        self._action(file_menu, _("Res&tore from backup…"), self.restore_from_backup)
        file_menu.addSeparator()
        self._action(
            file_menu,
            _("Export for &coordinator…"),
            lambda: self._page_call("reports", "choose_bundle"),
        )
        export_menu = file_menu.addMenu(icon("export"), _("&Export"))
        export_menu.setEnabled(self.context is not None)
        self._action(export_menu, _("Annual clock…"), lambda: self._page_call("clock", "export"))
        self._action(export_menu, _("Municipal package…"), self.export_municipal_package)
        import_menu = file_menu.addMenu(icon("import"), _("&Import"))
        import_menu.setEnabled(self.context is not None)
        self._action(import_menu, _("Annual clock…"), lambda: self._page_call("clock", "import_"))
        self._action(import_menu, _("Municipal package…"), self.import_municipal_package)
        self._action(
            file_menu, _("Coor&dinator view…"), self.open_coordinator_view, needs_file=False
        )
        file_menu.addSeparator()
        self._action(file_menu, _("&Print…"), self.print_document, keys.Print, icon_name="print")
        self._action(file_menu, _("Print pre&view…"), lambda: self.print_document(preview=True))
        file_menu.addSeparator()
        self._action(file_menu, _("&Unit details…"), self.edit_unit_details)
        self._action(
            file_menu, _("&Settings…"), self.open_settings, keys.Preferences, icon_name="settings"
        )
        self._action(file_menu, _("&Quit"), self.close, keys.Quit, needs_file=False)

        edit_menu = bar.addMenu(_("&Edit"))
        self.undo_action = self._action(
            edit_menu, _("&Undo"), self._undo, keys.Undo, icon_name="undo"
        )
        self.redo_action = self._action(
            edit_menu, _("&Redo"), self._redo, keys.Redo, icon_name="redo"
        )
        if self.context is not None:
            stack = self.context.undo_stack
            stack.canUndoChanged.connect(lambda _can: self._update_undo_actions())
            stack.canRedoChanged.connect(lambda _can: self._update_undo_actions())
            stack.undoTextChanged.connect(lambda _text: self._update_undo_actions())
            stack.redoTextChanged.connect(lambda _text: self._update_undo_actions())
        self._update_undo_actions()
        edit_menu.addSeparator()
        search = self._action(edit_menu, _("&Search…"), self.search_everything, icon_name="search")
        search.setShortcuts([QKeySequence(keys.Find), QKeySequence("Ctrl+K")])
        self._action(edit_menu, _("&Filter this screen"), self.find_in_screen, "Ctrl+Shift+F")

        view_menu = bar.addMenu(_("&View"))
        self.navigation_action = self._action(
            view_menu,
            _("&Navigation"),
            self.toggle_navigation,
            "F9",
            icon_name="navigation",
        )
        self.navigation_action.setCheckable(True)
        self.navigation_action.setChecked(not self.navigation.isHidden())
        view_menu.addSeparator()
        for number, spec in enumerate(screens.SCREENS, start=1):
            show = functools.partial(self.show_page, spec.key)
            self._action(view_menu, spec.title(), show, f"Ctrl+{number}", icon_name=spec.key)

        help_menu = bar.addMenu(_("&Help"))
        self._action(
            help_menu,
            _("&User guide"),
            self.open_guide,
            keys.HelpContents,
            needs_file=False,
            icon_name="guide",
        )
        self._action(help_menu, _("&Where is my data?"), self.show_data_location, needs_file=False)
        self._action(help_menu, _("&Activity log…"), self.show_activity_log)
        self._action(help_menu, _("&About Hyvinvointiryhmä"), self.show_about, needs_file=False)

    def _update_undo_actions(self) -> None:
        stack = self.context.undo_stack if self.context else None
        can_undo = bool(stack and stack.canUndo())
        can_redo = bool(stack and stack.canRedo())
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(
            _("&Undo {action}").format(action=stack.undoText())
            if stack and can_undo
            else _("&Undo")
        )
        self.redo_action.setText(
            _("&Redo {action}").format(action=stack.redoText())
            if stack and can_redo
            else _("&Redo")
        )

    def _update_title(self) -> None:
        app_name = _("Hyvinvointiryhmä")
        if self.context is None:
            self.setWindowTitle(app_name)
            return
        from hyvinvointi_app.services import unit

        info = unit.get_unit(self.context.database)
        name = info.name(ui_translator().language if ui_translator().language != "en" else "fi")
        file_name = self.context.path.name
        if self.context.database.read_only:
            file_name = _("{file} (read-only)").format(file=file_name)
        self.setWindowTitle(f"{name} — {file_name} — {app_name}")

    # -- navigation ----------------------------------------------------------------------

    def _create_page(self, key: str) -> Page:
        """Build a screen in place of its placeholder (opening a file stays quick)."""
        assert self.context is not None
        index = SCREEN_KEYS.index(key)
        page = screens.SCREENS[index].create(self.context)
        placeholder = self.stack.widget(index)
        assert placeholder is not None  # every screen has its place from the start
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        return page

    def current_page_key(self) -> str | None:
        page = self.stack.currentWidget() if hasattr(self, "stack") else None
        return next((key for key, p in self.pages.built().items() if p is page), None)

    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        if key in keys:
            self.navigation.setCurrentRow(keys.index(key))

    def show_item(self, key: str, item_id: int) -> None:
        self.show_page(key)
        if key in self.pages:
            self.pages[key].show_item(item_id)

    def show_document(self, document: str, subject_id: int) -> None:
        """The Reports screen with ``document`` of the period, meeting or plan chosen."""
        from hyvinvointi_app.ui.reports.page import ReportsPage

        self.show_page("reports")
        if "reports" in self.pages:
            self.pages.of_kind("reports", ReportsPage).choose(document, subject_id)

    def _on_navigation(self, row: int) -> None:
        if row < 0:
            return
        key = SCREEN_KEYS[row]
        page = self.pages[key]
        if self._meeting_mode:  # folded only while meeting mode is on screen
            self.show_navigation(key != "meetings")
        self.stack.setCurrentWidget(page)
        page.refresh()
        self.settings.setValue("window/last_view", key)

    def _current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def _focus_after_dialog(self, old: QWidget | None, new: QWidget | None) -> None:
        """A dialog a screen's button opened has closed: the keyboard goes back to the
        screen's list (Qt would give it to the button), at the row the dialog changed. The
        focus leaves the dialog first (``old`` in it), then comes to the button."""
        if old is not None and shiboken6.isValid(old) and isinstance(old.window(), QDialog):
            self._left_dialog = True
            if new is None:
                return
        if new is None:
            return
        left, self._left_dialog = self._left_dialog, False
        page = self.stack.currentWidget()
        if left and isinstance(new, QAbstractButton) and isinstance(page, Page):
            # the list's own buttons (Add, Edit…), not those of a panel beside it
            beside = page.list_view.parentWidget() if page.list_view else None
            if new.parentWidget() in (page, beside):
                page.focus_list()

    def _on_data_changed(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()
        self._update_title()

    def _page_call(self, key: str, method: str) -> None:
        self.show_page(key)
        getattr(self.pages[key], method)()

    # -- menu actions --------------------------------------------------------------------

    def _undo(self) -> None:
        if self.context:
            self.context.undo()

    def _redo(self) -> None:
        if self.context:
            self.context.redo()

    def search_everything(self) -> None:
        """Edit → Search: the window that searches everything written."""
        from hyvinvointi_app.ui.search.window import SearchWindow

        if self.context is None:
            return
        if self._search_window is None:
            window = SearchWindow(self.context, self)
            window.open_requested.connect(self.open_found)
            self.context.closing.connect(window.close)
            self.context.closing.connect(window.deleteLater)
            self.context.closing.connect(lambda: setattr(self, "_search_window", None))
            self._search_window = window
        self._search_window.start()

    def open_found(self, hit: SearchHit) -> None:
        """A search result on its screen, at the text that matched."""
        key = FOUND_ON[hit.kind]
        self.activateWindow()  # from the search window, which has put itself away
        self.show_page(key)
        if key in self.pages:
            self.pages[key].show_found(hit)

    def find_in_screen(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page) and not page.focus_find():
            self.show_page("members")
            self.pages["members"].focus_find()

    def choose_and_open(self) -> None:
        start = self.context.path.parent if self.context else data_home()
        path = self.files.choose(start)
        if path is not None:
            self.open_with_message(path)

    def open_with_message(self, path: Path) -> bool:
        """Open ``path``, or explain in one dialog why not (the open file stays open)."""
        return self.may_close_file() and self.open_or_explain(path)

    def new_unit_file(self) -> None:
        from hyvinvointi_app.ui.first_run.wizard import UnitWizard

        wizard = UnitWizard(
            self, data_home() / "unit.sqlite", offer_other_files=False, prompter=self.prompter
        )
        if wizard.exec() and wizard.chosen_path is not None:
            self.open_with_message(wizard.chosen_path)
            if wizard.wants_members:
                self._page_call("members", "add_member")

    def back_up_now(self) -> None:
        if self.context is not None:
            self.files.back_up_now(self.context.path, self.backups)

    def restore_from_backup(self) -> None:
        """File → Restore from backup: choose from the list, keep the current file, restore,
        open the restored file."""
        if self.context is None or not self.may_close_file():
            return
        path = self.context.path
        restored = self.files.restore(
            path, load_backup_settings().folder_for(path), before=lambda: self._close_if_open(path)
        )
        if self.context is None:  # closed for the restore, restored or not
            self.open_or_explain(path)
        if restored is not None:  # after opening, which may say the folder is synchronised
            self._show_status(restored, 15000)

    def open_settings(self) -> None:
        from hyvinvointi_app.ui.settings.dialog import SettingsDialog

        before = setting_text(self.settings, "language", ui_translator().language)
        dialog = SettingsDialog(self.context, self)
        if dialog.exec():
            language = setting_text(self.settings, "language", before)
            if language != ui_translator().language:
                self.set_language(language)

    def open_coordinator_view(self) -> None:
        """The coordinator's overview of many units' bundles, in a window of its own (it
        needs no unit file); opened again, the same window comes to the front."""
        from hyvinvointi_app.ui.coordinator.window import CoordinatorWindow

        window = self.coordinator_window
        if window is None:
            window = self.coordinator_window = CoordinatorWindow(self, self.settings)
        window.show()
        window.raise_()
        window.activateWindow()

    def open_guide(self) -> None:
        """F1: the user guide at the section of the screen in use; in meeting mode, the
        meeting's own list of keys (which links to the guide)."""
        key = self.current_page_key()
        if key is not None and key in self.pages and self.pages[key].help_requested():
            return
        from hyvinvointi_app.ui.guide import show_guide

        section = next((s.guide for s in screens.SCREENS if s.key == key), "")
        show_guide(self, section)

    def print_document(self, *, preview: bool = False) -> None:
        """File → Print: the memo of the meeting open or selected on the Meetings screen,
        else the document chosen on the Reports screen (the annual report by default)."""
        meeting_id = None
        if self.current_page_key() == "meetings":
            from hyvinvointi_app.ui.meetings.page import MeetingsPage

            meeting_id = self.pages.of_kind("meetings", MeetingsPage).meeting_to_print()
        self.show_page("reports")
        from hyvinvointi_app.ui.reports.page import ReportsPage

        reports = self.pages.of_kind("reports", ReportsPage)
        if meeting_id is not None:
            from hyvinvointi_app.ui.reports.worker import Document

            reports.choose_meeting(Document.MEMO, meeting_id)
        reports.print_document(preview=preview)

    def edit_unit_details(self) -> None:
        from hyvinvointi_app.ui.unit_details import UnitDetailsDialog

        assert self.context is not None
        UnitDetailsDialog(self.context, self).exec()

    def export_municipal_package(self) -> None:
        from hyvinvointi_app.ui.package import export_package

        assert self.context is not None
        export_package(self.context, self)

    def import_municipal_package(self) -> None:
        from hyvinvointi_app.ui.package import import_package

        assert self.context is not None
        import_package(self.context, self)

    def set_language(self, language: str) -> None:
        """Switch every text at once, Qt's own included; the screen shown stays."""
        apply_language(language)
        self.settings.setValue("language", language)
        if self.coordinator_window is not None:  # its texts are in the old language
            self.coordinator_window.close()
            self.coordinator_window.deleteLater()
            self.coordinator_window = None
        self._build()

    def show_data_location(self) -> None:
        folder = self.context.path.parent if self.context else data_home()
        backup_folder = (
            load_backup_settings().folder_for(self.context.path) if self.context else folder
        )
        box = QMessageBox(self)
        box.setWindowTitle(_("Where is my data?"))
        box.setText(
            _(
                "The unit file is {file}.\nBackups are kept in {backups}.\n"
                "Keep the file on this computer, not in a synchronised cloud folder."
            ).format(
                file=self.context.path if self.context else _("(none open)"),
                backups=backup_folder,
            )
        )
        open_button = box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def show_activity_log(self) -> None:
        """Help → Activity log: approvals, exports, erasures and restores, exportable."""
        if self.context is None:
            return
        from hyvinvointi_app.ui.activity_log import ActivityLogDialog

        ActivityLogDialog(self.context, self).exec()

    def show_about(self) -> None:
        """Help → About: the version, the parts and their licences, where the data is."""
        from hyvinvointi_app import __version__

        parts = _(
            "Built with Qt and PySide6 (GNU LGPL 3), SQLAlchemy (MIT), ReportLab (BSD), "
            "Babel (BSD), python-docx and openpyxl (MIT), pikepdf (MPL 2.0), pypdfium2 and "
            "PDFium (BSD), icalendar (BSD), the DejaVu fonts (Bitstream Vera licence) and the "
            "Tabler icons (MIT), each unmodified under its own licence."
        )
        where = _("Data folder: {folder}").format(folder=data_home())
        if self.context is not None:
            where += "\n" + _("Unit file: {file}").format(file=self.context.path)
        QMessageBox.about(
            self,
            _("About Hyvinvointiryhmä"),
            _(
                "Hyvinvointiryhmä {version}\n\nThe day-care unit's communal wellbeing group: "
                "members, meetings and memos, plan evaluations and reports. Works offline; "
                "your data stays on this computer."
            ).format(version=__version__)
            + "\n\n"
            + parts
            + "\n\n"
            + where,
        )

    # -- closing -------------------------------------------------------------------------

    def may_close_file(self) -> bool:
        """True when the open file may be closed: everything typed is on disk, or the
        director chose to close although some text could not be saved (a full disk)."""
        reasons = [
            reason
            for page in self.pages.built().values()
            if (reason := page.unsaved_text()) is not None
        ]
        if not reasons:
            return True
        return self.prompter.ask_to_discard(
            self,
            _("Text not saved"),
            _(
                "Some text you typed could not be saved: {reason} If you close the file now, "
                "that text is lost. Wait until it says saved, or copy the text elsewhere first."
            ).format(reason=reasons[0]),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close_file():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        self._close_database()
        super().closeEvent(event)
