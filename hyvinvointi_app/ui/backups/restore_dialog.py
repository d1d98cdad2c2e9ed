"""File → Restore from backup: the backups of the unit file, newest first, with the date, the
size and the newest meeting each holds, so that the director can tell which one to take.

The dialog only chooses; the main window closes the file, restores (keeping a copy of the
current file first) and opens it again. Each backup is read read-only, never changed.

Only the unit's own backups are listed. Backups of other units sharing the folder (a USB
stick) are shown only when asked for (*Show other units' backups*); choosing one is an
explicit “replace with another unit's data”, confirmed once more, and sets
:attr:`RestoreDialog.allow_other_unit`; the file is then a unit of its own, and the
confirmation says so. When the file's unit cannot be known (the file is missing or damaged
and no backup recorded it) there is no list of its own: the dialog opens on every backup in
the folder, each with its unit's name, and the director chooses one of their unit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.i18n.formatting import babel_locale, format_date, format_time
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import backups
from hyvinvointi_app.services.backups import BackupContents, BackupEntry, BackupKind


def format_size(size_bytes: int, lang: str) -> str:
    """``540 kt`` / ``1,2 Mt`` in Finnish, ``540 kB`` / ``1,2 MB`` in Swedish (Babel)."""
    from babel.units import format_unit

    locale = babel_locale(lang)
    if size_bytes < 1024 * 1024:
        kilobytes = max(1, round(size_bytes / 1024))
        return format_unit(kilobytes, "digital-kilobyte", length="short", locale=locale)
    return format_unit(
        size_bytes / (1024 * 1024),
        "digital-megabyte",
        length="short",
        locale=locale,
        format="#,##0.0",
    )


def kind_text(kind: BackupKind) -> str:
    if kind is BackupKind.BEFORE_RESTORE:
        return _("Kept before a restore")
    if kind is BackupKind.BEFORE_UPGRADE:
        return _("Kept before an update")
    return _("Automatic")


def contents_text(contents: BackupContents, lang: str) -> str:
    if not contents.readable:
        return _("Cannot be read")
    if contents.newest_meeting is None:
        return _("No meetings")
    return _("Meeting {number}, {date}").format(
        number=contents.newest_meeting.number,
        date=format_date(contents.newest_meeting.date, lang),
    )


class RestoreDialog(QDialog):
    """Choose a backup of ``unit_file`` from ``folder``; :attr:`chosen` after ``exec``, and
    :attr:`allow_other_unit` when the user chose to replace the data with another unit's."""

    COLUMNS = 5

    def __init__(self, unit_file: Path, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit_file = unit_file
        self.folder = folder
        self.chosen: Path | None = None
        self.allow_other_unit = False
        self.showing_other_units = False
        identity = backups.unit_identity(unit_file, folder)
        self.unit_known = identity is not None
        self.unit_name = identity.unit_name if identity else ""
        self._lang = ui_translator().language
        title = _("Restore from backup")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumSize(760, 420)
        layout = QVBoxLayout(self)

        self.entries: list[BackupEntry] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setAccessibleName(_("Backups"))
        self.table.setHorizontalHeaderLabels(
            [_("Taken"), _("Newest meeting"), _("Size"), _("Kind"), _("Unit")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.table, 1)

        self.folder_label = QLabel(_("Backup folder: {folder}").format(folder=folder), self)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.other_units_button: QPushButton = self.buttons.addButton(
            _("Show &other units' backups"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.other_units_button.clicked.connect(
            lambda _checked=False: self.show_other_units(not self.showing_other_units)
        )
        self.restore_button: QPushButton = self.buttons.addButton(
            _("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.other_units_button.setVisible(self.unit_known)
        self.show_other_units(not self.unit_known)

    def show_other_units(self, other: bool) -> None:
        """List this unit's backups, or (on request) other units' backups in the folder."""
        self.showing_other_units = other
        self.entries = backups.list_backups(self.unit_file, self.folder, other_units=other)
        self.intro.setText(self._intro_text())
        self.other_units_button.setText(
            _("Show &this unit's backups") if other else _("Show &other units' backups")
        )
        self.restore_button.setText(
            _("&Replace with another unit's data…") if self._replaces_unit else _("&Restore")
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.table.setRowCount(len(self.entries))
        lang = self._lang
        for row, entry in enumerate(self.entries):
            contents = backups.read_contents(entry.path)
            taken = f"{format_date(entry.taken, lang)} {format_time(entry.taken, lang)}"
            unit = entry.unit_name if other else (self.unit_name or entry.unit_name)
            cells = [
                taken,
                contents_text(contents, lang),
                format_size(entry.size_bytes, lang),
                kind_text(entry.kind),
                unit or _("(unnamed unit)"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.path.name)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.clearSelection()
        if self.entries:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_button()

    @property
    def _replaces_unit(self) -> bool:
        """True when the choice puts another unit's data in place of this known unit's."""
        return self.showing_other_units and self.unit_known

    def _intro_text(self) -> str:
        folder = self.folder
        if not self.unit_known and self.entries:
            return _(
                "Which unit this file belongs to cannot be told, because the file is missing "
                "or damaged. All the backups in {folder} are listed with their unit's name: "
                "choose a backup of your unit."
            ).format(folder=folder)
        if self._replaces_unit:
            if not self.entries:
                return _("There are no backups of other units in {folder}.").format(folder=folder)
            return _(
                "These backups belong to other units. Restoring one replaces all the data "
                "of {unit} with the other unit's data; the file as it is now is kept in the "
                "backup folder first."
            ).format(unit=self.unit_name or _("(unnamed unit)"))
        if self.entries:
            return _(
                "Choose the backup to restore. The unit file as it is now is kept in the "
                "backup folder first, so the restore can be undone by restoring that copy."
            )
        if not folder.is_dir():
            return _(
                "The backup folder {folder} cannot be found. Connect the USB stick or "
                "network drive, or choose another folder in Settings."
            ).format(folder=folder)
        return _("There are no backups of this file in {folder} yet.").format(folder=folder)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def confirm_other_unit(self, entry: BackupEntry) -> bool:
        """Ask once more before another unit's data replaces this unit's."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Replace with another unit's data"))
        other = entry.unit_name or _("(unnamed unit)")
        box.setText(
            _(
                "Replace all the data of {unit} with the data of {other} from the backup "
                "{backup}? The file as it is now is kept in the backup folder first."
            ).format(
                unit=self.unit_name or _("(unnamed unit)"),
                other=other,
                backup=entry.path.name,
            )
            + " "
            + _(
                "After the restore the file is a unit of its own: its new backups are kept in a "
                "folder of their own, apart from the backups of {other}."
            ).format(other=other)
        )
        replace = box.addButton(
            _("Replace with another unit's data"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace

    def select(self, backup: Path) -> None:
        for row, entry in enumerate(self.entries):
            if entry.path == backup:
                self.table.selectRow(row)
                return
        raise KeyError(backup)

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.entries[rows[0].row()]
        if self._replaces_unit:
            if not self.confirm_other_unit(entry):
                return
            self.allow_other_unit = True
        self.chosen = entry.path
        super().accept()
