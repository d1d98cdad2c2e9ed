"""The pages of the first-run wizard: how to start, the unit, its first operating period and
a summary. Each page builds its texts when constructed; the wizard reads the values."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hyvinvointi_app.domain.errors import DatabaseExists, ValidationError
from hyvinvointi_app.domain.periods import (
    InvalidPeriod,
    PeriodProblem,
    default_period_for,
    period_label,
    validate_period,
)
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.paths import data_home
from hyvinvointi_app.services.unit import UnitInfo
from hyvinvointi_app.ui.date_fields import DateEdit
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.form_parts import (
    field_column,
    form_layout,
    hint_label,
    labelled,
    wrapped_label,
)
from hyvinvointi_app.ui.prompter import Prompter
from hyvinvointi_app.ui.unit_details import UnitForm
from hyvinvointi_app.ui.unit_files import UNIT_FILE_SUFFIX, unit_file_filter

DATE_FORMAT = "d.M.yyyy"


def interface_language() -> str:
    """The interface language as a unit language: English speakers get Finnish data."""
    return "sv" if ui_translator().language == "sv" else "fi"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class StartChoice(Enum):
    CREATE = "create"
    OPEN = "open"
    DEMO = "demo"


class WizardSteps(Protocol):
    """What the pages ask of the wizard they are shown in (the wizard module's UnitWizard,
    which imports these pages)."""

    prompter: Prompter

    def fill_summary(self) -> None: ...
    def create_unit(self) -> bool: ...
    def choose_existing_file(self) -> bool: ...
    def open_demo(self) -> bool: ...


def first_run_wizard(page: QWizardPage) -> WizardSteps:
    """The wizard a page is shown in: these pages are only ever added to a UnitWizard."""
    return cast(WizardSteps, page.wizard())


class StartPage(QWizardPage):
    """How to start: a new unit, a unit file from elsewhere, or the demo unit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.next_page_id = -1
        self.setTitle(_("Welcome to Hyvinvointiryhmä"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                _(
                    "This application keeps the records of your unit's wellbeing group: "
                    "members, meetings, memos and plan evaluations. Your data stays on this "
                    "computer."
                ),
                self,
            )
        )
        layout.addSpacing(8)
        layout.addWidget(wrapped_label(_("How would you like to start?"), self))
        self.group = QButtonGroup(self)
        self.choices: dict[StartChoice, QRadioButton] = {}
        options = (
            (
                StartChoice.CREATE,
                _("Create a new unit"),
                _("Enter the unit's details and its first operating period."),
            ),
            (
                StartChoice.OPEN,
                _("Open an existing unit file"),
                _("For example a file copied from another computer."),
            ),
            (
                StartChoice.DEMO,
                _("Look around in a demo unit"),
                _(
                    "An invented unit with members, meetings and memos. You can create your "
                    "own unit later in the File menu."
                ),
            ),
        )
        for choice, title, description in options:
            button = QRadioButton(title, self)
            button.setAccessibleName(title)
            button.setAccessibleDescription(description)
            self.group.addButton(button)
            self.choices[choice] = button
            hint = hint_label(description, self)
            indent = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
            hint.setContentsMargins(indent + 8, 0, 0, 0)
            layout.addWidget(button)
            layout.addWidget(hint)
            layout.addSpacing(4)
            button.toggled.connect(self._on_choice)
        self.choices[StartChoice.CREATE].setChecked(True)

        self.busy_label = wrapped_label(_("Creating the demo unit…"), self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName(_("Creating the demo unit…"))
        self.busy_bar.setTextVisible(False)
        layout.addSpacing(8)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)
        self.show_busy(False)

    def choice(self) -> StartChoice:
        return next(c for c, button in self.choices.items() if button.isChecked())

    def _on_choice(self, checked: bool) -> None:
        if not checked:
            return
        finish_texts = {
            StartChoice.OPEN: _("Open…"),
            StartChoice.DEMO: _("Open the demo"),
        }
        text = finish_texts.get(self.choice())
        if text is not None:
            self.setButtonText(QWizard.WizardButton.FinishButton, text)
        # Also makes the wizard show Next or the finishing button anew.
        self.setFinalPage(self.choice() is not StartChoice.CREATE)

    def nextId(self) -> int:
        return self.next_page_id if self.choice() is StartChoice.CREATE else -1

    def show_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        for button in self.choices.values():
            button.setEnabled(not busy)

    def validatePage(self) -> bool:
        wizard = first_run_wizard(self)
        if self.choice() is StartChoice.CREATE:
            return True
        if self.choice() is StartChoice.OPEN:
            return bool(wizard.choose_existing_file())
        return bool(wizard.open_demo())


class UnitPage(QWizardPage):
    """The unit's names, municipality, pre-primary education and working language; in the
    New unit file mode also the file it is saved in."""

    def __init__(self, target: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("The unit"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                _("The names are shown in memos and reports. You can change them later."), self
            )
        )
        layout.addSpacing(8)
        self.unit_form = UnitForm(
            self,
            language_hint=_("The default annual clock is added in this language."),
            language=interface_language(),
        )
        form = self.unit_form.form
        self.name_fi = self.unit_form.name_fi
        self.name_sv = self.unit_form.name_sv
        self.municipality = self.unit_form.municipality
        self.pre_primary = self.unit_form.pre_primary
        self.language = self.unit_form.language

        self.file_edit: QLineEdit | None = None
        self.file_message: FieldMessage | None = None
        if target is not None:
            self.file_edit = QLineEdit(str(target), self)
            self.file_message = FieldMessage(self, self.file_edit)
            self.file_edit.textEdited.connect(lambda _text: self._clear_file_message())
            self.choose_button = QPushButton(_("Choose…"), self)
            self.choose_button.setAccessibleName(_("Choose the file"))
            self.choose_button.clicked.connect(self.choose_file)
            row = QWidget(self)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(self.file_edit, 1)
            row_layout.addWidget(self.choose_button)
            form.addRow(
                labelled(_("File"), self.file_edit, self),
                field_column(row, self.file_message, self),
            )
            self.setTabOrder(self.language, self.file_edit)
            self.setTabOrder(self.file_edit, self.choose_button)

        layout.addWidget(self.unit_form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.unit_form.first_name_edit().setFocus()

    def unit_info(self) -> UnitInfo:
        return self.unit_form.unit_info()

    def file_path(self) -> Path | None:
        """The file typed or chosen, ending in .sqlite; relative names go to the data folder."""
        if self.file_edit is None:
            return None
        text = self.file_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.suffix:
            path = path.with_name(path.name + UNIT_FILE_SUFFIX)
        if not path.is_absolute():
            path = data_home() / path
        return path

    def choose_file(self) -> None:
        assert self.file_edit is not None
        current = self.file_path()
        path = first_run_wizard(self).prompter.save_file(
            self,
            _("New unit file"),
            current or data_home(),
            unit_file_filter(),
            ask_to_replace=False,  # check_file says what is wrong with an existing file
        )
        if path is not None:
            self.file_edit.setText(str(path))
            self._clear_file_message()
            self.check_file()

    def _clear_file_message(self) -> None:
        if self.file_message is not None:
            self.file_message.clear()

    def check_file(self) -> bool:
        """False, with the reason beside the field, when the file cannot be created."""
        if self.file_edit is None or self.file_message is None:
            return True
        path = self.file_path()
        if path is None:
            self.file_message.show_message(reason_text("required"))
            return False
        if path.exists():
            self.file_message.show_message(describe(DatabaseExists(path)))
            return False
        self.file_message.clear()
        return True

    def show_problem(self, error: ValidationError) -> None:
        """A service's refusal beside the field it concerns."""
        self.unit_form.show_problem(error)

    def validatePage(self) -> bool:
        if not self.unit_form.check_name():
            return False
        if not self.check_file():
            assert self.file_edit is not None
            self.file_edit.setFocus()
            return False
        return True


class PeriodPage(QWizardPage):
    """The first operating period, 1.8.–31.7. around today unless the director changes it."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("First operating period"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                _(
                    "The group meets at least twice in each operating period. A period "
                    "usually runs from 1 August to 31 July."
                ),
                self,
            )
        )
        layout.addSpacing(8)
        start, end = default_period_for(today)
        form = form_layout()
        self.start = self._date_edit(start)
        self.end = self._date_edit(end)
        self.end_message = FieldMessage(self, self.end)
        form.addRow(labelled(_("Start date"), self.start, self), self.start)
        form.addRow(
            labelled(_("End date"), self.end, self), field_column(self.end, self.end_message, self)
        )
        layout.addLayout(form)
        self.preview = wrapped_label("", self)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        self.setTabOrder(self.start, self.end)
        self.start.dateChanged.connect(self._on_dates_changed)
        self.end.dateChanged.connect(self._on_dates_changed)
        self._on_dates_changed()

    def _date_edit(self, day: dt.date) -> QDateEdit:
        edit = DateEdit(to_qdate(day), self)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2099, 12, 31))
        return edit

    def dates(self) -> tuple[dt.date, dt.date]:
        return to_date(self.start.date()), to_date(self.end.date())

    def problem(self) -> str | None:
        start, end = self.dates()
        try:
            validate_period(start, end)
        except InvalidPeriod as error:
            reason = (
                "end_before_start"
                if error.reason is PeriodProblem.END_NOT_AFTER_START
                else "invalid_period"
            )
            return reason_text(reason)
        return None

    def _on_dates_changed(self) -> None:
        self.end_message.clear()
        start, end = self.dates()
        if self.problem() is None:
            self.preview.setText(
                _("The period will be called {label}.").format(label=period_label(start, end))
            )
        else:
            self.preview.clear()

    def validatePage(self) -> bool:
        problem = self.problem()
        if problem is not None:
            self.end_message.show_message(problem)
            self.end.setFocus()
            return False
        return True


class SummaryPage(QWizardPage):
    """What will be created, and whether to go on to adding members."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Ready to create the unit"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(_("Check the details. The unit file is created when you finish."), self)
        )
        layout.addSpacing(8)
        self.form = form_layout()
        layout.addLayout(self.form)
        layout.addSpacing(8)
        self.add_members = QCheckBox(_("Add members now"), self)
        self.add_members.setAccessibleName(self.add_members.text())
        self.add_members.setChecked(True)
        layout.addWidget(self.add_members)
        members_hint = hint_label(_("You can also add members later."), self)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        members_hint.setContentsMargins(indent + 8, 0, 0, 0)
        layout.addWidget(members_hint)
        layout.addStretch(1)

    def show_summary(self, rows: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, value in rows:
            shown = wrapped_label(value or "—", self)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(f"{label}: {value or '—'}")
            self.form.addRow(wrapped_label(label, self), shown)

    def initializePage(self) -> None:
        first_run_wizard(self).fill_summary()

    def validatePage(self) -> bool:
        return bool(first_run_wizard(self).create_unit())


def date_range_text(start: dt.date, end: dt.date) -> str:
    language = interface_language()
    return f"{format_date(start, language)}–{format_date(end, language)}"
