"""Settings: the interface language, the default report language, where the data is, and
where backups go.

The dialog only stores the choices when accepted: the languages in Qt's settings, the backup
folder and how many backups are kept in ``services/settings.py`` (which the command line's
``backup`` reads too); the main window then reads ``language`` and rebuilds every screen in it, Qt's
own buttons included. With no unit file open there is no backup section, since backups
belong to a file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import ReportLanguage
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import choices
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.paths import data_home
from hyvinvointi_app.services import settings as shared_settings
from hyvinvointi_app.services import surveys, unit
from hyvinvointi_app.services.settings import RetentionPolicy, default_folder
from hyvinvointi_app.store.storage_errors import write_problem
from hyvinvointi_app.ui.buttons import Standard, dialog_buttons
from hyvinvointi_app.ui.context import AppContext, open_settings, setting_text
from hyvinvointi_app.ui.form_parts import FittingScroll, WrappedLabel
from hyvinvointi_app.ui.package import package_text
from hyvinvointi_app.ui.prompter import Prompter

INTERFACE_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("fi", "Suomi"),
    ("sv", "Svenska"),
    ("en", "English"),
)
"""Each language by its own name, so that someone who cannot read the current one finds
theirs. Not translated on purpose."""

LANGUAGE_KEY = "language"
REPORT_LANGUAGE_KEY = "report_language"


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings: QSettings = context.settings if context is not None else open_settings()
        self.prompter = context.prompter if context is not None else Prompter()
        self.backup_folder_edit: QLineEdit | None = None
        self.default_backup_button: QPushButton | None = None
        self._backup_folder: Path | None = None
        self._default_backup: Path | None = None
        self.setWindowTitle(_("Settings"))
        self.setAccessibleName(_("Settings"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        scroll = FittingScroll(self, _("Settings"))
        body = QVBoxLayout(scroll.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self._language_group())
        body.addWidget(self._data_group())
        if context is not None:
            body.addWidget(self._surveys_group(context))
            body.addWidget(self._backup_group(context))
        body.addStretch(1)
        layout.addWidget(scroll, 1)
        self.buttons = dialog_buttons(self, Standard.Ok | Standard.Cancel)
        layout.addWidget(self.buttons)
        self.language_box.setFocus()

    # -- sections -------------------------------------------------------------------------

    def _language_group(self) -> QGroupBox:
        group = QGroupBox(_("Language"), self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.language_box = QComboBox(group)
        self.language_box.setAccessibleName(_("Interface language"))
        for code, name in INTERFACE_LANGUAGES:
            self.language_box.addItem(name, code)
        current = setting_text(self.settings, LANGUAGE_KEY, ui_translator().language)
        self._select(self.language_box, current)
        form.addRow(self._label(_("&Interface language"), self.language_box), self.language_box)
        form.addRow("", self._note(_("The whole interface changes at once when you press OK.")))

        self.report_language_box = QComboBox(group)
        self.report_language_box.setAccessibleName(_("Default language of reports"))
        for value, text in choices(ReportLanguage):
            self.report_language_box.addItem(text, value.value)
        self._select(self.report_language_box, self._report_language())
        form.addRow(
            self._label(_("Default language of &reports"), self.report_language_box),
            self.report_language_box,
        )
        form.addRow(
            "",
            self._note(
                _(
                    "Each report's language can still be chosen when it is exported; "
                    "this is the choice offered first."
                )
            ),
        )
        return group

    def _data_group(self) -> QGroupBox:
        group = QGroupBox(_("Data"), self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if self.context is not None:
            self.unit_file_edit = self._path_edit(self.context.path, _("Unit file"), group)
            form.addRow(self._label(_("Unit file"), self.unit_file_edit), self.unit_file_edit)
        self.data_folder = self.context.path.parent if self.context else data_home()
        self.data_folder_edit = self._path_edit(self.data_folder, _("Data folder"), group)
        self.open_data_button = QPushButton(_("&Open the folder"), group)
        self.open_data_button.setAccessibleName(_("Open the data folder"))
        self.open_data_button.clicked.connect(lambda _checked=False: self.open_data_folder())
        row = QHBoxLayout()
        row.addWidget(self.data_folder_edit, 1)
        row.addWidget(self.open_data_button)
        form.addRow(self._label(_("Data folder"), self.data_folder_edit), row)
        form.addRow(
            "",
            self._note(
                _(
                    "Keep the unit file on this computer, not in a synchronised cloud "
                    "folder. Everything is saved automatically as you work."
                )
            ),
        )
        if self.context is not None:
            self.package_edit = QLineEdit(package_text(self.context.database), group)
            self.package_edit.setReadOnly(True)
            self.package_edit.setAccessibleName(_("Municipal package"))
            self.package_edit.setCursorPosition(0)
            form.addRow(self._label(_("Municipal package"), self.package_edit), self.package_edit)
        return group

    def _surveys_group(self, context: AppContext) -> QGroupBox:
        group = QGroupBox(_("Surveys"), self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.min_answers_box = QSpinBox(group)
        self.min_answers_box.setRange(1, 100)
        self.min_answers_box.setValue(surveys.min_answers(context.database))
        self.min_answers_box.setAccessibleName(_("Fewest answers shown"))
        form.addRow(
            self._label(_("Fewest answers &shown"), self.min_answers_box),
            self.min_answers_box,
        )
        form.addRow(
            "",
            self._note(
                _(
                    "A survey result with fewer answers is printed as “fewer than N answers”, "
                    "without its counts, so that no child or family can be recognised from "
                    "them. This is kept in the unit file."
                )
            ),
        )
        return group

    def _backup_group(self, context: AppContext) -> QGroupBox:
        group = QGroupBox(_("Backups"), self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        stored = shared_settings.load_backup_settings()
        self._default_backup = default_folder(context.path)
        self._backup_folder = stored.folder_for(context.path)
        self.backup_folder_edit = self._path_edit(self._backup_folder, _("Backup folder"), group)
        self.choose_backup_button = QPushButton(_("&Choose…"), group)
        self.choose_backup_button.setAccessibleName(_("Choose the backup folder"))
        self.choose_backup_button.clicked.connect(
            lambda _checked=False: self.choose_backup_folder()
        )
        self.default_backup_button = QPushButton(_("Use the &default"), group)
        self.default_backup_button.setAccessibleName(_("Use the default backup folder"))
        self.default_backup_button.clicked.connect(
            lambda _checked=False: self.set_backup_folder(self._default_backup)
        )
        row = QHBoxLayout()
        row.addWidget(self.backup_folder_edit, 1)
        row.addWidget(self.choose_backup_button)
        row.addWidget(self.default_backup_button)
        form.addRow(self._label(_("Backup folder"), self.backup_folder_edit), row)
        self.backup_folder_status = self._note("")
        form.addRow("", self.backup_folder_status)
        form.addRow(
            "",
            self._note(
                _(
                    "A backup is taken when the file is opened, every half hour while "
                    "something changes, and when it is closed; “Back up now” in the File "
                    "menu takes one at once. The folder may be on a USB stick or a network "
                    "drive."
                )
            ),
        )
        policy = stored.policy
        self.keep_boxes: dict[str, QSpinBox] = {}
        keep_grid = QGridLayout()
        for index, (name, text, accessible) in enumerate(
            (
                ("last", _("&Newest backups"), _("Keep this many newest backups")),
                ("daily", _("Days, one a d&ay"), _("Keep one backup a day for this many days")),
                (
                    "weekly",
                    _("Weeks, one a &week"),
                    _("Keep one backup a week for this many weeks"),
                ),
                (
                    "monthly",
                    _("Months, one a &month"),
                    _("Keep one backup a month for this many months"),
                ),
            )
        ):
            box = QSpinBox(group)
            box.setRange(1 if name == "last" else 0, 999 if name == "last" else 99)
            box.setValue(getattr(policy, name))
            box.setAccessibleName(accessible)
            box.setMinimumHeight(box.sizeHint().height())  # never squeezed by wrapped notes
            self.keep_boxes[name] = box
            keep_grid.addWidget(self._label(text, box), index // 2, (index % 2) * 2)
            keep_grid.addWidget(box, index // 2, (index % 2) * 2 + 1)
        keep_grid.setColumnStretch(4, 1)
        form.addRow(QLabel(_("Backups kept"), group))  # the grid below takes the full width
        form.addRow(keep_grid)
        self._update_default_button()
        return group

    # -- small parts ----------------------------------------------------------------------

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _note(self, text: str) -> QLabel:
        note = WrappedLabel(text, self)
        note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        font = note.font()
        font.setPointSizeF(font.pointSizeF() * 0.95)
        note.setFont(font)
        return note

    def _path_edit(self, path: Path, name: str, parent: QWidget) -> QLineEdit:
        """A path to read and copy; read-only, so a long path scrolls instead of clipping."""
        edit = QLineEdit(str(path), parent)
        edit.setReadOnly(True)
        edit.setAccessibleName(name)
        edit.setToolTip(str(path))
        edit.setCursorPosition(0)
        return edit

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    def _report_language(self) -> str:
        fallback = ReportLanguage.FINNISH.value
        if self.context is not None:
            fallback = str(unit.get_unit(self.context.database).working_language.value)
        value = setting_text(self.settings, REPORT_LANGUAGE_KEY, fallback)
        return value if value in {v.value for v in ReportLanguage} else fallback

    def _update_default_button(self) -> None:
        if self.default_backup_button is not None:
            self.default_backup_button.setEnabled(self._backup_folder != self._default_backup)
        folder = self._backup_folder
        status = getattr(self, "backup_folder_status", None)
        if status is not None and folder is not None:
            missing = folder != self._default_backup and not folder.is_dir()
            status.setText(
                "⚠ "
                + _(
                    "The folder cannot be found: connect the USB stick or network drive, or "
                    "choose another folder. Until then backups cannot be taken."
                )
                if missing
                else ""
            )
            status.setVisible(missing)

    # -- actions --------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return str(self.language_box.currentData())

    def set_language(self, code: str) -> None:
        self._select(self.language_box, code)

    @property
    def report_language(self) -> ReportLanguage:
        return ReportLanguage(self.report_language_box.currentData())

    def set_report_language(self, value: ReportLanguage) -> None:
        self._select(self.report_language_box, value.value)

    @property
    def backup_folder(self) -> Path | None:
        """The backup folder as chosen in the dialog; None when no unit file is open."""
        return self._backup_folder

    def open_data_folder(self) -> None:
        if self.context is None:
            shared_settings.ensure_data_home()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))

    def choose_backup_folder(self) -> None:
        start = str(self._backup_folder or self.data_folder)
        folder = self.prompter.folder(self, _("Choose the backup folder"), start)
        if folder is not None:
            self.set_backup_folder(folder)

    def set_backup_folder(self, folder: Path) -> None:
        if self.backup_folder_edit is None:
            return
        self._backup_folder = folder
        self.backup_folder_edit.setText(str(folder))
        self.backup_folder_edit.setToolTip(str(folder))
        self.backup_folder_edit.setCursorPosition(0)
        self._update_default_button()

    def accept(self) -> None:
        """Store the choices and close; a data folder where the backup settings cannot be
        written (read-only, full) is said so, and the dialog stays open with the choices."""
        if self.context is not None and self._backup_folder is not None:
            folder = None if self._backup_folder == self._default_backup else self._backup_folder
            policy = RetentionPolicy(**{name: box.value() for name, box in self.keep_boxes.items()})
            try:
                shared_settings.save_backup_settings(shared_settings.BackupSettings(folder, policy))
            except OSError as error:
                problem = write_problem(error, shared_settings.settings_path())
                text = describe(problem) if problem is not None else str(error)
                self.prompter.warn(self, _("Settings could not be saved"), text)
                return
        if self.context is not None:
            minimum = self.min_answers_box.value()
            try:
                if minimum != surveys.min_answers(self.context.database):
                    surveys.set_min_answers(self.context.database, minimum)
            except UserError as error:
                self.prompter.warn(self, _("Settings could not be saved"), describe(error))
                return
        self.settings.setValue(LANGUAGE_KEY, self.language)
        self.settings.setValue(REPORT_LANGUAGE_KEY, self.report_language.value)
        self.settings.sync()
        super().accept()
