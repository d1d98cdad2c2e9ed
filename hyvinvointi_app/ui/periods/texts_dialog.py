"""The group's own texts of one operating period, for its annual report: the summary, the day
the group approved it, and the requests to the provider.

As in the dates dialog, Save hands what was typed to a ``save`` function that calls the
service; a refused rule is shown beside its field and the dialog stays open, so that
nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services.periods import PeriodTexts
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.date_fields import DateEdit
from hyvinvointi_app.ui.field_message import FieldMessage, show_refusal
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.periods.dialog import DATE_FORMAT, to_date, to_qdate


class PeriodTextsDialog(QDialog):
    """Summary, its approval day (a check box and a date) and the requests to the provider."""

    def __init__(
        self,
        title: str,
        texts: PeriodTexts,
        save: Callable[[PeriodTexts], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(640)
        resize_within_screen(self, 640, 560)
        layout = self._layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The annual report prints these texts as you write them. The summary is the "
                "group's own account of the period; mark it approved when the group has "
                "approved it."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.summary_edit = self._text_edit(texts.summary, _("Summary"))
        self.summary_message = FieldMessage(self, self.summary_edit)
        summary_label = QLabel(_("&Summary"), self)
        summary_label.setBuddy(self.summary_edit)
        layout.addWidget(summary_label)
        layout.addWidget(self.summary_edit, 3)
        layout.addWidget(self.summary_message)

        self.approved_check = QCheckBox(_("The group &approved the summary on"), self)
        self.approved_check.setAccessibleName(_("The group approved the summary"))
        self.approved_edit = DateEdit(self)
        self.approved_edit.setDisplayFormat(DATE_FORMAT)
        self.approved_edit.setCalendarPopup(True)
        self.approved_edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        self.approved_edit.setAccessibleName(_("Date the group approved the summary"))
        approved_on = texts.summary_approved_on
        self.approved_edit.setDate(to_qdate(approved_on or dt.date.today()))
        self.approved_check.setChecked(approved_on is not None)
        self.approved_edit.setEnabled(approved_on is not None)
        self.approved_check.toggled.connect(self._approval_toggled)
        self.approved_message = FieldMessage(self, self.approved_edit)
        approval_row = QHBoxLayout()
        approval_row.addWidget(self.approved_check)
        approval_row.addWidget(self.approved_edit)
        approval_row.addStretch(1)
        layout.addLayout(approval_row)
        layout.addWidget(self.approved_message)

        self.requests_edit = self._text_edit(texts.provider_requests, _("Requests to the provider"))
        self.requests_message = FieldMessage(self, self.requests_edit)
        requests_label = QLabel(_("&Requests to the provider"), self)
        requests_label.setBuddy(self.requests_edit)
        layout.addWidget(requests_label)
        layout.addWidget(self.requests_edit, 2)
        layout.addWidget(self.requests_message)

        self.general_message = FieldMessage(self)
        layout.addWidget(self.general_message)
        self.buttons = dialog_buttons(self)
        layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.summary_edit, self.approved_check)
        QWidget.setTabOrder(self.approved_check, self.approved_edit)
        QWidget.setTabOrder(self.approved_edit, self.requests_edit)
        QWidget.setTabOrder(self.requests_edit, self.buttons)
        self.summary_edit.setFocus()

    def _text_edit(self, text: str, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlainText(text)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(name)
        return edit

    def _approval_toggled(self, checked: bool) -> None:
        self.approved_edit.setEnabled(checked)
        if checked:
            self.approved_edit.setFocus()

    @property
    def texts(self) -> PeriodTexts:
        """What the dialog holds now."""
        return PeriodTexts(
            summary=self.summary_edit.toPlainText(),
            summary_approved_on=(
                to_date(self.approved_edit.date()) if self.approved_check.isChecked() else None
            ),
            provider_requests=self.requests_edit.toPlainText(),
        )

    def show_error(self, error: UserError) -> None:
        """Show why the texts were refused beside the field concerned, and go there."""
        show_refusal(
            error,
            {
                "summary": (self.summary_edit, self.summary_message),
                "summary_approved_on": (self.approved_edit, self.approved_message),
                "provider_requests": (self.requests_edit, self.requests_message),
            },
            self.general_message,
            {("summary", "required"): _("Write the summary before marking it approved.")},
        )
        self._layout.activate()

    def accept(self) -> None:
        try:
            self._save(self.texts)
        except UserError as error:
            self.show_error(error)
            return
        super().accept()
