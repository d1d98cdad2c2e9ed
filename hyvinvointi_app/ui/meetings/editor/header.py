"""The memo's header: date, start and end time, place, chair and secretary; and what the
memo carries at its end: distribution, attachments and lines to sign.

Typed fields autosave like the rest of the memo; a date or time that cannot be read is
explained beside the field and the stored value stays until it can.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.domain.typed_dates import (
    InvalidTypedDate,
    InvalidTypedTime,
    parse_typed_date,
    parse_typed_time,
)
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import N_, _, ui_translator
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import meetings
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.meetings import HeaderInput, MinutesInput
from hyvinvointi_app.services.members import MemberView
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.ui.autosave import Autosaver
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.text_fields import (
    buddy_label,
    date_problem_text,
    hint_label,
    show_hint,
    time_problem_text,
    time_text,
)
from hyvinvointi_app.ui.undo import push


class HeaderPanel(QWidget):
    closed_meeting = Signal()

    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        autosaver: Autosaver,
        member_name: Callable[[MemberView], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.autosaver = autosaver
        self._member_name = member_name
        self.memo: MeetingDetail | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)

        self.date_edit = self._line(_("Meeting date"), 110)
        self.start_edit = self._line(_("Start time"), 70)
        self.end_edit = self._line(_("End time"), 70)
        self.place_edit = self._line(_("Place"), None)
        self.close_button = QPushButton(_("Close &meeting"), self)
        self.close_button.setAccessibleName(_("Close the meeting"))
        self.close_button.setToolTip(_("Sets the end time to now (Ctrl+Shift+E)"))
        self.close_button.clicked.connect(self.close_meeting)
        self.chair_combo = QComboBox(self)
        self.chair_combo.setAccessibleName(_("Chair"))
        self.secretary_combo = QComboBox(self)
        self.secretary_combo.setAccessibleName(_("Secretary"))

        grid.addWidget(buddy_label(_("&Date:"), self.date_edit, self), 0, 0)
        grid.addWidget(self.date_edit, 0, 1)
        grid.addWidget(buddy_label(_("&Start:"), self.start_edit, self), 0, 2)
        grid.addWidget(self.start_edit, 0, 3)
        grid.addWidget(buddy_label(_("E&nd:"), self.end_edit, self), 0, 4)
        grid.addWidget(self.end_edit, 0, 5)
        grid.addWidget(self.close_button, 0, 6)
        grid.addWidget(buddy_label(_("&Place:"), self.place_edit, self), 1, 0)
        grid.addWidget(self.place_edit, 1, 1, 1, 6)
        grid.addWidget(buddy_label(_("C&hair:"), self.chair_combo, self), 2, 0)
        grid.addWidget(self.chair_combo, 2, 1, 1, 3)
        grid.addWidget(buddy_label(_("Se&cretary:"), self.secretary_combo, self), 2, 4)
        grid.addWidget(self.secretary_combo, 2, 5, 1, 2)
        self.distribution_edit = self._line(_("Distribution"), None)
        self.distribution_edit.setToolTip(_("Who receives the memo, for example: members, staff"))
        self.attachments_edit = self._line(_("Attachments"), None)
        self.attachments_edit.setToolTip(_("The memo's attachments, separated by semicolons"))
        self.signatures_check = QCheckBox(_("Signatu&re lines"), self)
        self.signatures_check.setAccessibleName(
            _("Signature lines for the chair and the secretary")
        )
        self.signatures_check.setToolTip(
            _("The memo ends with lines for the chair's and the secretary's signatures")
        )
        grid.addWidget(buddy_label(_("Distri&bution:"), self.distribution_edit, self), 3, 0)
        grid.addWidget(self.distribution_edit, 3, 1, 1, 3)
        grid.addWidget(buddy_label(_("Attachments:"), self.attachments_edit, self), 3, 4)
        grid.addWidget(self.attachments_edit, 3, 5, 1, 2)
        grid.addWidget(self.signatures_check, 4, 1, 1, 6)
        self.hint = hint_label(self)
        grid.addWidget(self.hint, 5, 0, 1, 7)
        grid.setColumnStretch(7, 1)
        reading_order = (
            self.date_edit,
            self.start_edit,
            self.end_edit,
            self.close_button,
            self.place_edit,
            self.chair_combo,
            self.secretary_combo,
            self.distribution_edit,
            self.attachments_edit,
            self.signatures_check,
        )
        for first, second in itertools.pairwise(reading_order):  # Tab follows the screen
            self.setTabOrder(first, second)

        self.bindings = [
            autosaver.bind(edit, self._save_typed)
            for edit in (self.date_edit, self.start_edit, self.end_edit, self.place_edit)
        ]
        for edit in (self.date_edit, self.start_edit, self.end_edit):
            edit.editingFinished.connect(self._tidy)
        self.chair_combo.activated.connect(lambda _i: self._save_choice())
        self.secretary_combo.activated.connect(lambda _i: self._save_choice())
        self.minutes_bindings = [
            autosaver.bind(edit, self._save_minutes)
            for edit in (self.distribution_edit, self.attachments_edit)
        ]
        self.signatures_check.clicked.connect(self._signatures_clicked)

    def _line(self, name: str, width: int | None) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        if width:
            edit.setMaximumWidth(width)
            edit.setMinimumWidth(width)
        return edit

    def show_memo(self, memo: MeetingDetail, members: list[MemberView]) -> None:
        self.memo = memo
        lang = ui_translator().language
        values = (
            format_date(memo.date, lang),
            time_text(memo.start_time),
            time_text(memo.end_time),
            memo.place,
        )
        for binding, value in zip(self.bindings, values, strict=True):
            if not binding.dirty:
                binding.show(memo.id, value)
        for binding, value in zip(
            self.minutes_bindings, (memo.distribution, memo.attachments), strict=True
        ):
            if not binding.dirty:
                binding.show(memo.id, value)
        self.signatures_check.setChecked(memo.signatures)
        for combo, chosen in (
            (self.chair_combo, memo.chair),
            (self.secretary_combo, memo.secretary),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("(not chosen)"), None)
            for member in members:
                combo.addItem(self._member_name(member), member.id)
            index = combo.findData(chosen.id) if chosen else 0
            if chosen and index < 0:
                combo.addItem(self._member_name_ref(chosen.name, chosen.role), chosen.id)
                index = combo.count() - 1
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def _member_name_ref(self, name: str | None, role: object) -> str:
        return name or _("(name erased)")

    def _input(self) -> HeaderInput | None:
        """What the fields hold; None (with a hint) when a typed value cannot be read."""
        assert self.memo is not None
        memo = self.memo
        try:
            date = parse_typed_date(self.date_edit.text(), memo.date)
        except InvalidTypedDate as error:
            show_hint(self.hint, _("Date: {problem}").format(problem=date_problem_text(error)))
            return None
        times: list[dt.time | None] = []
        for edit, label in ((self.start_edit, _("Start")), (self.end_edit, _("End"))):
            if not edit.text().strip():
                times.append(None)
                continue
            try:
                times.append(parse_typed_time(edit.text()))
            except InvalidTypedTime as error:
                show_hint(
                    self.hint,
                    _("{field}: {problem}").format(field=label, problem=time_problem_text(error)),
                )
                return None
        return HeaderInput(
            date=date,
            start_time=times[0],
            end_time=times[1],
            place=self.place_edit.text(),
            chair_id=self.chair_combo.currentData(),
            secretary_id=self.secretary_combo.currentData(),
        )

    def _write(
        self, header: HeaderInput, label: str = N_("edit meeting details")
    ) -> Change[MeetingDetail] | None:
        """Store the header; a refused value is said beside the fields (None)."""
        db = self.context.database
        try:
            change = meetings.update_header_undoably(db, self.meeting_id, header, label)
        except ValidationError as error:
            show_hint(self.hint, reason_text(error.reason))
            return None
        self.memo = change.value
        show_hint(self.hint, None)
        return change

    def _save_typed(self, _target: object, _text: str) -> Change[MeetingDetail] | None:
        header = self._input()
        return None if header is None else self._write(header)

    def _save_minutes(self, _target: object, _text: str) -> Change[MeetingDetail] | None:
        fields = MinutesInput(
            self.distribution_edit.text(),
            self.attachments_edit.text(),
            self.signatures_check.isChecked(),
        )
        db = self.context.database
        try:
            change = meetings.update_minutes_fields_undoably(db, self.meeting_id, fields)
        except ValidationError as error:
            show_hint(self.hint, reason_text(error.reason))
            return None
        self.memo = change.value
        show_hint(self.hint, None)
        return change

    def _signatures_clicked(self) -> None:
        """Saved at once (one undo step); typed text is written first. A refusal (a memo
        approved meanwhile, a full disk) is said beside the fields and the box shows what is
        stored."""
        if not self.autosaver.flush():
            self.signatures_check.setChecked(not self.signatures_check.isChecked())
            return
        try:
            change = self._save_minutes(None, "")
        except UserError as error:
            self.signatures_check.setChecked(not self.signatures_check.isChecked())
            show_hint(self.hint, describe(error))
            return
        self.autosaver.mark_saved()
        if change is not None:
            push(self.context, change, self)

    def _save_choice(self) -> None:
        self.autosaver.flush()
        header = self._input()
        change = None if header is None else self._write(header)
        if change is not None:
            self.autosaver.mark_saved()
            push(self.context, change, self)

    def _tidy(self) -> None:
        """Show a typed ``15.1.`` or ``13`` in the full form once the field is left."""
        for binding in self.bindings:
            binding.flush()
        if self.memo is None or any(b.dirty for b in self.bindings):
            return
        set_text = {
            self.date_edit: format_date(self.memo.date, ui_translator().language),
            self.start_edit: time_text(self.memo.start_time),
            self.end_edit: time_text(self.memo.end_time),
        }
        for binding in self.bindings:
            if binding.widget in set_text and self.hint.isHidden():
                binding.show(self.meeting_id, set_text[binding.widget])

    def close_meeting(self) -> None:
        """End time now (one undo step); the start defaults to now too if it was never set."""
        self.autosaver.flush()
        if self.memo is None:
            return
        before = self.memo
        now = dt.datetime.now().time().replace(second=0, microsecond=0)
        header = self._input()
        if header is None:
            return
        start = header.start_time or before.start_time
        if start is not None and now < start:
            now = start
        closed = HeaderInput(
            header.date, start, now, header.place, header.chair_id, header.secretary_id
        )
        change = self._write(closed, N_("close meeting"))
        if change is None:
            return
        self.autosaver.mark_saved()
        push(self.context, change, self)
        self.closed_meeting.emit()
