"""One dialog for a unit file that cannot be opened: what happened, in one or two sentences
(``i18n.errors.describe``), and the ways forward that work for this case: restore a backup,
open the file read-only, take over a file another computer left locked, open another file, or
quit. The file itself has not been changed.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import (
    QGridLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from hyvinvointi_app.domain.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseFileError,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DiskFull,
    LockedByOtherComputer,
    LockNotAFile,
    MigrationFailed,
    NotADatabase,
)
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_datetime
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import backups
from hyvinvointi_app.store.database import can_open_read_only


class FileChoice(enum.Enum):
    RESTORE = "restore"
    TAKE_OVER = "take_over"
    """Only for a lock another computer left (:class:`LockedByOtherComputer`), after a
    confirmation (:class:`TakeOverConfirmation`)."""
    READ_ONLY = "read_only"
    OTHER_FILE = "other_file"
    QUIT = "quit"
    """At start-up: quit the application; later: keep working on the file already open."""


RESTORABLE = (DatabaseMissing, DatabaseEmpty, NotADatabase, DatabaseDamaged, MigrationFailed)
"""Cases where putting a backup in the file's place is the natural way forward. Not for a
file of another application or of a newer version (the backup would replace the wrong
thing), nor for a locked, read-only file or a full disk (restoring would not help)."""

READABLE = (DatabaseReadOnly, DiskFull, DatabaseLocked, LockNotAFile)
"""Cases where the file itself is sound and can be shown without writing to it."""


def offered_choices(error: DatabaseFileError, path: Path, backup_folder: Path) -> list[FileChoice]:
    """The ways forward for ``error`` on ``path``, in the order the buttons show them."""
    offered: list[FileChoice] = []
    if isinstance(error, RESTORABLE) and backups.has_backups_to_offer(path, backup_folder):
        offered.append(FileChoice.RESTORE)
    if isinstance(error, LockedByOtherComputer):
        offered.append(FileChoice.TAKE_OVER)
    if isinstance(error, READABLE) and can_open_read_only(path):
        offered.append(FileChoice.READ_ONLY)
    offered += [FileChoice.OTHER_FILE, FileChoice.QUIT]
    return offered


class BadFileDialog(QMessageBox):
    """``exec()``, then :attr:`choice`. Escape means quit (or cancel, after start-up)."""

    def __init__(
        self,
        error: DatabaseFileError,
        choices: list[FileChoice],
        *,
        at_start: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.error = error
        title = _("The file cannot be opened")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setText(describe(error))
        self.setInformativeText(_("The file was not changed. What would you like to do?"))
        labels = {
            FileChoice.RESTORE: (_("&Restore a backup…"), QMessageBox.ButtonRole.AcceptRole),
            FileChoice.TAKE_OVER: (_("&Take over…"), QMessageBox.ButtonRole.AcceptRole),
            FileChoice.READ_ONLY: (_("Open read-&only"), QMessageBox.ButtonRole.AcceptRole),
            FileChoice.OTHER_FILE: (_("Open &another file…"), QMessageBox.ButtonRole.ActionRole),
            FileChoice.QUIT: (
                _("&Quit") if at_start else _("&Cancel"),
                QMessageBox.ButtonRole.RejectRole,
            ),
        }
        self.buttons_by_choice: dict[FileChoice, QPushButton] = {}
        for choice in choices:
            text, role = labels[choice]
            button = self.addButton(text, role)
            button.setAccessibleName(text.replace("&", ""))
            self.buttons_by_choice[choice] = button
        layout = self.layout()
        if isinstance(layout, QGridLayout):  # a message box is as narrow as it can be
            layout.addItem(
                QSpacerItem(520, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
                layout.rowCount(),
                0,
                1,
                layout.columnCount(),
            )
        self.setDefaultButton(self.buttons_by_choice[choices[0]])
        self.setEscapeButton(self.buttons_by_choice[FileChoice.QUIT])
        self.choice = FileChoice.QUIT

    def choose(self, choice: FileChoice) -> None:
        """Press the button of ``choice`` (keyboard users and tests alike)."""
        self.buttons_by_choice[choice].click()

    def done(self, result: int) -> None:
        clicked = self.clickedButton()
        self.choice = next(
            (c for c, b in self.buttons_by_choice.items() if b is clicked), FileChoice.QUIT
        )
        super().done(result)


class TakeOverConfirmation(QMessageBox):
    """Asks before taking over a file another computer left locked, saying what may be lost
    if it is in fact still open there. Cancel is the default. ``exec()``, then
    :attr:`confirmed`."""

    def __init__(self, error: LockedByOtherComputer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        holder = error.holder
        title = _("Take over the file")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setIcon(QMessageBox.Icon.Question)
        self.setText(
            _("Take over the file {name} from computer {host}?").format(
                name=error.path.name, host=holder.host
            )
        )
        self.setInformativeText(
            _(
                "User {user} opened it there on {since}. Take it over only if it is no longer "
                "open there, for example because that computer crashed or the folder was copied "
                "here from it. If it is still open there, text typed there and not yet saved is "
                "lost, whatever is saved there from now on may be lost, and changes made in both "
                "places may conflict."
            ).format(
                user=holder.user, since=format_datetime(holder.since, ui_translator().language)
            )
        )
        text = _("&Take over")
        self.take_over_button = self.addButton(text, QMessageBox.ButtonRole.AcceptRole)
        self.take_over_button.setAccessibleName(text.replace("&", ""))
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        assert cancel is not None
        self.cancel_button = cancel
        layout = self.layout()
        if isinstance(layout, QGridLayout):  # as wide as the dialog it answers
            layout.addItem(
                QSpacerItem(520, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
                layout.rowCount(),
                0,
                1,
                layout.columnCount(),
            )
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.confirmed = False

    def done(self, result: int) -> None:
        self.confirmed = self.clickedButton() is self.take_over_button
        super().done(result)
