"""What the File menu does with unit files before and after the window shows one: opening a
file (and, when it cannot be used, the one dialog that says why and offers a way forward),
choosing one, backing it up now, restoring a backup, and the list of recent files.

The main window keeps the open file's context and screens; this class never holds a file
open. Like the window, it imports the store and the services only when a file is handled,
so that nothing of them loads before the first paint.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services.settings import load_backup_settings
from hyvinvointi_app.ui.prompter import Prompter

if TYPE_CHECKING:
    from hyvinvointi_app.store.database import Database
    from hyvinvointi_app.ui.backups.scheduler import BackupScheduler

RECENT_LIMIT = 8
UNIT_FILE_SUFFIX = ".sqlite"
RECENT_KEY = "recent_files"
CLOUD_WARNED_KEY = "cloud_warned"

Status = Callable[[str, int], None]
"""Shows a message in the window's status bar for so many milliseconds (0: until replaced)."""


class UnitFiles:
    """The unit files of one window: ``parent`` owns the dialogs, ``status`` shows the
    outcome, ``prompter`` asks and warns."""

    def __init__(
        self, parent: QWidget, settings: QSettings, prompter: Prompter, status: Status
    ) -> None:
        self.parent = parent
        self.settings = settings
        self.prompter = prompter
        self.status = status

    # -- opening -------------------------------------------------------------------------

    def open(self, path: Path) -> Database:
        """The unit file at ``path``, upgraded if it is older (a copy kept first); raises a
        :class:`UserError` if it cannot be used."""
        from hyvinvointi_app.store.database import open_database

        return open_database(path, backup_dir=_upgrade_copy_folder(path))

    def open_or_explain(
        self,
        path: Path,
        *,
        at_start: bool = False,
        before_restore: Callable[[Path], object] = lambda _path: None,
    ) -> Database | None:
        """The unit file at ``path``; if it cannot be used, say why in one dialog and do what
        the director chooses there (restore a backup, open it read-only, take over a file
        another computer left locked, open another file). None when nothing was opened.
        ``before_restore`` runs once a backup is chosen (see :meth:`restore`)."""
        from hyvinvointi_app.domain.errors import (
            DatabaseFileError,
            LockedByOtherComputer,
            LockHolder,
        )
        from hyvinvointi_app.store.database import open_database, open_read_only
        from hyvinvointi_app.ui.backups.bad_file_dialog import (
            BadFileDialog,
            FileChoice,
            TakeOverConfirmation,
            offered_choices,
        )

        take_over_from: LockHolder | None = None
        while True:
            try:
                database = open_database(
                    path, backup_dir=_upgrade_copy_folder(path), take_over_from=take_over_from
                )
            except DatabaseFileError as error:
                take_over_from = None
                folder = load_backup_settings().folder_for(path)
                dialog = BadFileDialog(
                    error,
                    offered_choices(error, path, folder),
                    at_start=at_start,
                    parent=self.parent,
                )
                dialog.exec()
                choice = dialog.choice
                if choice is FileChoice.QUIT:
                    return None
                if choice is FileChoice.OTHER_FILE:
                    path = self.choose(path.parent) or path
                    continue
                if choice is FileChoice.TAKE_OVER:
                    if isinstance(error, LockedByOtherComputer):
                        confirmation = TakeOverConfirmation(error, self.parent)
                        confirmation.exec()
                        if confirmation.confirmed:
                            # Only from this holder: if another took it meanwhile, ask again.
                            take_over_from = error.holder
                    continue
                if choice is FileChoice.READ_ONLY:
                    try:
                        database = open_read_only(path)
                    except DatabaseFileError as again:
                        self._cannot_open(describe(again))
                        continue
                elif choice is FileChoice.RESTORE:
                    restored = self.restore(
                        path, folder, before=functools.partial(before_restore, path)
                    )
                    if restored is not None:
                        self.status(restored, 15000)
                    continue
            except OSError as error:
                self._cannot_open(describe(DatabaseFileError(path, error.strerror or str(error))))
                return None
            return database

    def _cannot_open(self, reason: str) -> None:
        self.prompter.warn(self.parent, _("The file cannot be opened"), reason)

    def choose(self, start: Path) -> Path | None:
        return choose_unit_file(self.prompter, self.parent, start)

    def warn_if_synchronised(self, path: Path) -> None:
        """A live unit file in OneDrive, Dropbox or Google Drive: said in the status bar
        each time, and in a dialog once per file."""
        from hyvinvointi_app.services import backups

        cloud = backups.synchronised_folder(path)
        if cloud is None:
            return
        self.status(
            _("The unit file is in a synchronised folder ({folder}).").format(folder=cloud), 0
        )
        key = str(path.resolve())
        warned = self._stored_list(CLOUD_WARNED_KEY)
        if key in warned:
            return
        self.settings.setValue(CLOUD_WARNED_KEY, [*warned, key])
        self.prompter.warn(
            self.parent,
            _("The file is in a synchronised folder"),
            _(
                "The unit file {path} is in the folder {folder}, which is synchronised to the "
                "cloud. Synchronising a file while it is open can damage it or bring back an "
                "older copy over your work. Move the file to a folder on this computer "
                "(File → Open, then choose it there); backups may go to a synchronised folder."
            ).format(path=path, folder=cloud),
        )

    # -- backups -------------------------------------------------------------------------

    def back_up_now(self, path: Path, plan: BackupScheduler | None) -> None:
        """File → Back up now: a backup of the open file at ``path`` (through the window's
        schedule when there is one), said in the status bar or in a warning."""
        from hyvinvointi_app.services import backups
        from hyvinvointi_app.ui.backups import scheduler

        plan = plan or scheduler.BackupScheduler(path, self.parent)
        try:
            result = plan.back_up_now()
        except (UserError, OSError) as error:
            self.prompter.warn(self.parent, _("Backup failed"), scheduler.error_text(error))
            return
        if result.outcome is backups.Outcome.UNCHANGED:
            text = _("Nothing has changed since the last backup: {path}")
        else:
            text = _("Backup saved: {path}")
        self.status(text.format(path=result.path), 8000)

    def restore(
        self, path: Path, folder: Path, *, before: Callable[[], object] = lambda: None
    ) -> str | None:
        """Let the director choose a backup of ``path`` in ``folder`` and put it in place;
        ``before`` runs once one is chosen (the window closes ``path`` if it is open).
        Returns what to tell once the file is open again (the file as it was is kept beside
        it), or None when nothing was restored."""
        from hyvinvointi_app.domain.enums import AuditAction
        from hyvinvointi_app.services import backups
        from hyvinvointi_app.services.audit import log_event
        from hyvinvointi_app.store.database import open_database
        from hyvinvointi_app.ui.backups import scheduler
        from hyvinvointi_app.ui.backups.restore_dialog import RestoreDialog

        dialog = RestoreDialog(path, folder, self.parent)
        if not dialog.exec() or dialog.chosen is None:
            return None
        chosen = dialog.chosen
        before()
        try:
            kept = backups.restore(chosen, path, folder, allow_other_unit=dialog.allow_other_unit)
        except (UserError, OSError) as error:
            self.prompter.warn(self.parent, _("Restoring failed"), scheduler.error_text(error))
            return None
        try:
            with open_database(path) as restored:
                log_event(
                    restored, AuditAction.RESTORED, chosen.name, {"kept": kept.name if kept else ""}
                )
        except UserError:
            pass  # opening it afterwards says what is wrong
        message = _("The backup {backup} was restored.").format(backup=chosen.name)
        if kept is not None:
            message += " " + _("The file as it was is kept as {kept}.").format(kept=kept)
        return message

    # -- recent files --------------------------------------------------------------------

    def recent(self) -> list[str]:
        return self._stored_list(RECENT_KEY)

    def remember(self, path: Path) -> None:
        entry = str(path.resolve())
        files = [entry, *(f for f in self.recent() if f != entry)][:RECENT_LIMIT]
        self.settings.setValue(RECENT_KEY, files)

    def fill_recent_menu(self, menu: QMenu, open_file: Callable[[Path], object]) -> None:
        menu.clear()
        files = self.recent()
        for entry in files:
            action = menu.addAction(entry)
            action.triggered.connect(lambda _checked=False, p=entry: open_file(Path(p)))
        menu.setEnabled(bool(files))

    def _stored_list(self, key: str) -> list[str]:
        value = self.settings.value(key, [])
        if isinstance(value, str):  # Qt's INI format reads a one-item list back as its text
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []


def unit_file_filter() -> str:
    """The file dialogs' filter for unit files."""
    return _("Unit files ({pattern})").format(pattern="*" + UNIT_FILE_SUFFIX)


def choose_unit_file(prompter: Prompter, parent: QWidget, start: Path) -> Path | None:
    """A unit file the director chooses in a file dialog opened in ``start``."""
    return prompter.open_file(parent, _("Open a unit file"), start, unit_file_filter())


def _upgrade_copy_folder(path: Path) -> Path | None:
    """The copy before a schema upgrade goes to the unit's backup subfolder if the backup
    folder is there."""
    from hyvinvointi_app.services import backups

    return backups.folder_for_upgrade_copy(path, load_backup_settings().folder_for(path))
