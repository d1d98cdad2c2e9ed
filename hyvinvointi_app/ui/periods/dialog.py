"""The dates of an operating period, for adding one or changing one.

The dialog does not decide what is allowed: it hands the dates to a ``save`` function that
calls the service, and shows a refused rule beside the field it concerns, staying open so
that nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.domain.periods import period_label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.date_fields import DateEdit
from hyvinvointi_app.ui.field_message import FieldMessage, show_refusal

DATE_FORMAT = "d.M.yyyy"
"""Finnish and Swedish short dates alike (see ``i18n.formatting``)."""


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PeriodDatesDialog(QDialog):
    """Start and end dates, with the label the period will get shown as they change."""

    def __init__(
        self,
        title: str,
        explanation: str,
        start: dt.date,
        end: dt.date,
        save: Callable[[dt.date, dt.date], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        layout = self._layout = QVBoxLayout(self)
        intro = QLabel(explanation, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.start_edit = self._date_edit(start, _("Start date"))
        self.start_message = FieldMessage(self, self.start_edit)
        self.end_edit = self._date_edit(end, _("End date"))
        self.end_message = FieldMessage(self, self.end_edit)
        form.addRow(_("Start date"), self._field(self.start_edit, self.start_message))
        form.addRow(_("End date"), self._field(self.end_edit, self.end_message))
        self.label_preview = QLabel(self)
        self.label_preview.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(_("Name in reports"), self.label_preview)
        layout.addLayout(form)
        self.general_message = FieldMessage(self)
        layout.addWidget(self.general_message)
        layout.addStretch(1)

        self.buttons = dialog_buttons(self)
        layout.addWidget(self.buttons)

        self.start_edit.dateChanged.connect(lambda _date: self._dates_changed())
        self.end_edit.dateChanged.connect(lambda _date: self._dates_changed())
        self._dates_changed()
        self.start_edit.setFocus()

    def _date_edit(self, day: dt.date, name: str) -> QDateEdit:
        edit = DateEdit(self)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        edit.setDate(to_qdate(day))
        edit.setAccessibleName(name)
        return edit

    def _field(self, edit: QDateEdit, message: FieldMessage) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(message)
        return holder

    @property
    def start(self) -> dt.date:
        return to_date(self.start_edit.date())

    @property
    def end(self) -> dt.date:
        return to_date(self.end_edit.date())

    def set_dates(self, start: dt.date, end: dt.date) -> None:
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))

    def _dates_changed(self) -> None:
        self.label_preview.setText(period_label(self.start, self.end))
        self.label_preview.setAccessibleName(
            _("Name in reports: {label}").format(label=self.label_preview.text())
        )
        self._clear_messages()

    def _clear_messages(self) -> None:
        for message in (self.start_message, self.end_message, self.general_message):
            message.clear()

    def show_error(self, error: UserError) -> None:
        """Show why the dates were refused beside the field concerned, and go there."""
        show_refusal(
            error,
            {
                "start_date": (self.start_edit, self.start_message),
                "end_date": (self.end_edit, self.end_message),
            },
            self.general_message,
        )
        self._layout.activate()
        # A wrapped message needs height the open dialog does not have yet.
        needed = self._layout.heightForWidth(self.width())
        self.resize(self.width(), max(self.height(), needed))

    def accept(self) -> None:
        try:
            self._save(self.start, self.end)
        except UserError as error:
            self.show_error(error)
            return
        super().accept()
