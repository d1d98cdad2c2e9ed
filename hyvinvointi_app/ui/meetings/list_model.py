"""The table of one operating period's meetings: number, date, place, status, attendance.
No widgets here, so the model is tested on its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, pgettext, ui_translator
from hyvinvointi_app.services.memo_view import MeetingRow
from hyvinvointi_app.ui.table_model import Index, RowsModel

NUMBER, DATE, PLACE, STATUS, ATTENDANCE = range(5)

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The meeting's id, the same in every column."""


class MeetingsModel(RowsModel[MeetingRow]):
    """The meetings of one period in date order. The status is an icon *and* a word, so it
    never depends on colour; the attendance reads ``7/9`` with the full sentence as tooltip."""

    def __init__(
        self, status_icons: dict[MeetingStatus, QIcon] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(
            (
                pgettext("meeting number", "No."),
                _("Date"),
                _("Place"),
                pgettext("memo", "Status"),
                _("Present"),
            ),
            parent,
            right_aligned=(NUMBER, ATTENDANCE),
        )
        self._icons = status_icons or {}
        self._language = ui_translator().language
        self._status_texts = {status: label(status) for status in MeetingStatus}
        self._status_tips = {
            MeetingStatus.DRAFT: _("Draft: the memo can still be edited."),
            MeetingStatus.APPROVED: _("Approved: the memo is locked."),
        }
        self._attendance_tip = _("{present} of {members} members present")

    def display_text(self, meeting: MeetingRow, column: int) -> str:
        if column == NUMBER:
            return str(meeting.number)
        if column == DATE:
            return format_date(meeting.date, self._language)
        if column == PLACE:
            return meeting.place
        if column == STATUS:
            return self._status_texts[meeting.status]
        return f"{meeting.present_count}/{meeting.member_count}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        meeting = self.cell_row(index)
        if meeting is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(meeting, column)
        if role == MEETING_ID_ROLE:
            return meeting.id
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return self._icons.get(meeting.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS:
                return self._status_tips[meeting.status]
            if column == ATTENDANCE:
                return self._attendance_tip.format(
                    present=meeting.present_count, members=meeting.member_count
                )
            return self.display_text(meeting, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        return None
