"""The first-run wizard: with no unit file yet, the director creates the unit and its first
operating period, or opens a unit file from elsewhere, or looks around in the demo unit.
File → New unit file uses the same wizard without the first choice, asking for the file.

After ``exec()``, :attr:`UnitWizard.chosen_path` is the unit file to open (``None`` when
cancelled) and :attr:`UnitWizard.wants_members` tells whether to go on to adding members.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.paths import data_home
from hyvinvointi_app.services import unit_file
from hyvinvointi_app.store.database import check_usable
from hyvinvointi_app.ui.first_run.pages import (
    PeriodPage,
    StartPage,
    SummaryPage,
    UnitPage,
    date_range_text,
    interface_language,
)
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.prompter import Prompter
from hyvinvointi_app.ui.unit_files import choose_unit_file

DEMO_FILE_NAME = "demo.sqlite"


class DemoWriter(QThread):
    """Writes the demo unit (a second or two) off the GUI thread, so the wizard stays alive."""

    def __init__(self, path: Path, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.path = path
        self.language = language
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            unit_file.write_demo_file(self.path, self.language)
        except BaseException as error:  # handed over to the GUI thread
            self.error = error


class UnitWizard(QWizard):
    START_PAGE, UNIT_PAGE, PERIOD_PAGE, SUMMARY_PAGE = range(4)

    def __init__(
        self,
        parent: QWidget | None,
        target: Path,
        *,
        offer_other_files: bool,
        today: dt.date | None = None,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(parent)
        self.prompter = prompter or Prompter()
        self.chosen_path: Path | None = None
        self.wants_members = False
        self.target = Path(target)
        self.offer_other_files = offer_other_files
        self.demo_writer: DemoWriter | None = None

        self.setWindowTitle(_("Hyvinvointiryhmä") if offer_other_files else _("New unit file"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.start_page: StartPage | None = None
        if offer_other_files:
            self.start_page = StartPage(self)
            self.start_page.next_page_id = self.UNIT_PAGE
            self.setPage(self.START_PAGE, self.start_page)
        # At first run the file's place needs no decision; a second unit needs a new name.
        self.unit_page = UnitPage(
            None if offer_other_files else unit_file.free_path(self.target), self
        )
        self.period_page = PeriodPage(today or dt.date.today(), self)
        self.summary_page = SummaryPage(self)
        self.setPage(self.UNIT_PAGE, self.unit_page)
        self.setPage(self.PERIOD_PAGE, self.period_page)
        self.setPage(self.SUMMARY_PAGE, self.summary_page)
        self.setStartId(self.START_PAGE if offer_other_files else self.UNIT_PAGE)
        self.setMinimumSize(520, 420)
        resize_within_screen(self, 640, 480)

    # -- the new unit ---------------------------------------------------------------------

    def unit_file(self) -> Path:
        return self.unit_page.file_path() or self.target

    def fill_summary(self) -> None:
        info = self.unit_page.unit_info()
        start, end = self.period_page.dates()
        self.summary_page.show_summary(
            [
                (_("Name in Finnish"), info.name_fi),
                (_("Name in Swedish"), info.name_sv),
                (_("Municipality"), info.municipality),
                (
                    _("Pre-primary education"),
                    pgettext("summary value", "Yes")
                    if info.has_pre_primary
                    else pgettext("summary value", "No"),
                ),
                (_("Working language"), self.unit_page.language.currentText()),
                (_("Operating period"), date_range_text(start, end)),
                (_("Annual clock"), _("The default annual clock, ready to edit")),
                (_("File"), str(self.unit_file())),
            ]
        )

    def create_unit(self) -> bool:
        """Write the unit file; on failure say why, leave no file behind and stay here."""
        path = self.unit_file()
        start, end = self.period_page.dates()
        message: str | None = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            unit_file.create_unit_file(path, self.unit_page.unit_info(), start, end)
        except UserError as error:
            message = describe(error)
        except OSError as error:
            message = _("The file {path} cannot be created: {reason}").format(
                path=path, reason=error.strerror or error
            )
        finally:
            QApplication.restoreOverrideCursor()
        if message is not None:
            self.prompter.warn(self, _("The unit could not be created"), message)
            return False
        self.chosen_path = path
        self.wants_members = self.summary_page.add_members.isChecked()
        return True

    # -- another file ---------------------------------------------------------------------

    def choose_existing_file(self) -> bool:
        folder = data_home()
        path = choose_unit_file(self.prompter, self, folder if folder.is_dir() else Path.home())
        if path is None:
            return False
        try:
            check_usable(path)
        except UserError as error:
            self.prompter.warn(self, _("The file cannot be opened"), describe(error))
            return False
        self.chosen_path = path
        self.wants_members = False
        return True

    def open_demo(self) -> bool:
        """True when the demo file is there; otherwise start writing it and finish when done."""
        path = data_home() / DEMO_FILE_NAME
        if path.exists():
            self.chosen_path = path
            self.wants_members = False
            return True
        if self.demo_writer is None:
            self._set_busy(True)
            self.demo_writer = DemoWriter(path, interface_language(), self)
            self.demo_writer.finished.connect(self._on_demo_written)
            self.demo_writer.start()
        return False

    def _on_demo_written(self) -> None:
        writer = self.demo_writer
        assert writer is not None
        writer.wait()
        self.demo_writer = None
        self._set_busy(False)
        writer.deleteLater()
        error = writer.error
        if error is None:
            self.accept()  # validates the start page again, which now finds the file
            return
        if isinstance(error, UserError):
            text = describe(error)
        elif isinstance(error, OSError):
            text = _("The file {path} cannot be created: {reason}").format(
                path=writer.path, reason=error.strerror or error
            )
        else:
            raise error
        self.prompter.warn(self, _("The demo unit could not be created"), text)

    def is_busy(self) -> bool:
        return self.demo_writer is not None

    def _set_busy(self, busy: bool) -> None:
        if self.start_page is not None:
            self.start_page.show_busy(busy)
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    # -- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        if self.is_busy():  # the demo is being written; it finishes in a moment
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_busy():
            event.ignore()
            return
        super().closeEvent(event)
