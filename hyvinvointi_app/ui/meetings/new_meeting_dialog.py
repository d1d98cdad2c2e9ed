"""The small dialog of a new meeting: date, start time and place, with the proposed date.

The dialog does not decide what is allowed: it hands the values to a ``save`` function that
calls the service, and shows a refused rule inside the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.ui.buttons import Standard, dialog_buttons
from hyvinvointi_app.ui.date_fields import DateEdit, TimeEdit
from hyvinvointi_app.ui.field_message import FieldMessage

DATE_FORMAT = "d.M.yyyy"
TIME_FORMAT = "H.mm"
"""Finnish and Swedish write ``13.00``."""


@dataclass(frozen=True, slots=True)
class NewMeetingInput:
    date: dt.date
    start_time: dt.time
    place: str


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class NewMeetingDialog(QDialog):
    """Date (within the period), start time and place; Enter creates the meeting."""

    def __init__(
        self,
        period_label: str,
        period_start: dt.date,
        period_end: dt.date,
        proposed: NewMeetingInput,
        save: Callable[[NewMeetingInput], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: object | None = None
        title = _("New meeting")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        language = ui_translator().language
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The agenda is drafted from the standing agenda and this month's annual-clock "
                "themes; open action items of earlier meetings are carried over for follow-up. "
                "Operating period {period}: {start}–{end}."
            ).format(
                period=period_label,
                start=format_date(period_start, language),
                end=format_date(period_end, language),
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        checkpoints = QLabel(
            _(
                "Result-card checkpoints that fall before the next planned meeting (or within "
                "90 days) and still wait for a value are added as items, linked to their cards."
            ),
            self,
        )
        checkpoints.setWordWrap(True)
        layout.addWidget(checkpoints)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_edit = DateEdit(self)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDateRange(_qdate(period_start), _qdate(period_end))
        self.date_edit.setDate(_qdate(proposed.date))
        self.date_edit.setAccessibleName(_("Meeting date"))
        self.date_edit.setToolTip(_("Day.month.year, for example 23.11.2026"))
        self.time_edit = TimeEdit(self)
        self.time_edit.setDisplayFormat(TIME_FORMAT)
        self.time_edit.setTime(QTime(proposed.start_time.hour, proposed.start_time.minute))
        self.time_edit.setAccessibleName(_("Start time"))
        self.place_edit = QLineEdit(proposed.place, self)
        self.place_edit.setAccessibleName(_("Place"))
        self.place_edit.setPlaceholderText(_("For example the staff room"))
        self.place_edit.setMaxLength(200)
        date_label = QLabel(_("&Date"), self)
        date_label.setBuddy(self.date_edit)
        time_label = QLabel(_("&Start time"), self)
        time_label.setBuddy(self.time_edit)
        place_label = QLabel(_("&Place"), self)
        place_label.setBuddy(self.place_edit)
        form.addRow(date_label, self.date_edit)
        form.addRow(time_label, self.time_edit)
        form.addRow(place_label, self.place_edit)
        layout.addLayout(form)

        self.message = FieldMessage(self)
        layout.addWidget(self.message)

        self.buttons = dialog_buttons(
            self,
            Standard.Ok | Standard.Cancel,
            accept_text=_("&Create meeting"),
        )
        layout.addWidget(self.buttons)
        self.date_edit.setFocus()

    def values(self) -> NewMeetingInput:
        day = self.date_edit.date()
        time = self.time_edit.time()
        return NewMeetingInput(
            dt.date(day.year(), day.month(), day.day()),
            dt.time(time.hour(), time.minute()),
            self.place_edit.text().strip(),
        )

    def show_message(self, text: str) -> None:
        self.message.show_message(text)

    def accept(self) -> None:
        try:
            self.saved = self._save(self.values())
        except UserError as error:
            self.show_message(describe(error))
            return
        super().accept()
