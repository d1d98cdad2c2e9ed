"""Reopening an approved memo: a reason is required, the approved text is kept as a version,
and the reopening is logged (``services.approval.reopen_memo`` does both in one transaction).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date, format_datetime
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import approval
from hyvinvointi_app.services.meetings import get_meeting
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.field_message import FieldMessage

REASON_MAX_LENGTH = 1000


def stored_time_text(value: dt.datetime) -> str:
    """A time stamp from the database (aware UTC) in the computer's time zone."""
    return format_datetime(value, ui_translator().language)


def approval_line(memo: MeetingDetail) -> str:
    """“Approved 25.11.2026 klo 15.02 by Aino Ahonen.”, or nothing for a draft."""
    if memo.status is not MeetingStatus.APPROVED or memo.approved_at is None:
        return ""
    return _("Approved {when} by {name}.").format(
        when=stored_time_text(memo.approved_at), name=memo.approved_by or "–"
    )


class ReopenDialog(QDialog):
    """Asks why an approved memo is reopened, and reopens it."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._meeting_id = meeting_id
        title = _("Reopen memo")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(560)

        memo = get_meeting(context.database, meeting_id)
        layout = QVBoxLayout(self)
        heading = QLabel(
            _("Reopen the memo of meeting {number} ({date}) for editing").format(
                number=memo.number, date=format_date(memo.date, ui_translator().language)
            ),
            self,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        approved = approval_line(memo)
        if approved:
            approved_label = QLabel(approved, self)
            approved_label.setTextFormat(Qt.TextFormat.PlainText)
            approved_label.setWordWrap(True)
            layout.addWidget(approved_label)
        explanation = QLabel(
            _(
                "The approved text is kept as an earlier version, and the reopening is logged "
                "with your reason. When you have made the changes, approve the memo again."
            ),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)

        reason_label = QLabel(_("&Reason for reopening (required)"), self)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(_("Reason for reopening"))
        self.reason.setPlaceholderText(_("For example: the wording of a decision is corrected"))
        self.reason.setMaxLength(REASON_MAX_LENGTH)
        self.reason.textChanged.connect(self._reason_changed)
        reason_label.setBuddy(self.reason)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)

        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(self)
        self.reopen_button = self.buttons.addButton(
            _("&Reopen memo"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._show_message("")
        if memo.status is not MeetingStatus.APPROVED:
            self._show_message(_("This memo is not approved, so it is already open for editing."))
            self.reason.setEnabled(False)
        self._reason_changed(self.reason.text())
        self.reason.setFocus()

    def _show_message(self, text: str) -> None:
        self.message.show_message(text)

    def _reason_changed(self, text: str) -> None:
        ready = self.reason.isEnabled() and bool(text.strip())
        self.reopen_button.setEnabled(ready)
        self.reopen_button.setDefault(ready)
        if ready:
            self._show_message("")

    def accept(self) -> None:
        """Reopen in one transaction; like approval, this is not an undo step (it is logged
        with a reason, and undoing it would mean approving again, which needs the check)."""
        if not self.reason.text().strip():
            self._show_message(_("Write why the memo is reopened."))
            self.reason.setFocus()
            return
        try:
            approval.reopen_memo(self._context.database, self._meeting_id, self.reason.text())
        except ValidationError as error:
            if error.field == "reason":
                self._show_message(_("Write why the memo is reopened."))
                self.reason.setFocus()
            elif error.reason == "not_approved":
                self._show_message(
                    _("This memo is not approved, so it is already open for editing.")
                )
            else:
                self._show_message(describe(error))
            return
        except UserError as error:
            self._show_message(describe(error))
            return
        self._context.data_changed.emit()
        self._context.status_message.emit(
            _("The memo is reopened for editing. The approved text is kept as a version.")
        )
        super().accept()
