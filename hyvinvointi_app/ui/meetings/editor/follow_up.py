"""The follow-up item: every action carried over from earlier meetings, with what this
meeting decided about it (done / continues / dropped) and a comment."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import FollowUpOutcome
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, pgettext, ui_translator
from hyvinvointi_app.services import actions
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.memo_view import FollowUpView, MeetingDetail
from hyvinvointi_app.ui.autosave import Autosaver
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.text_fields import buddy_label
from hyvinvointi_app.ui.undo import push

OUTCOME_KEYS: dict[Qt.Key, FollowUpOutcome | None] = {
    Qt.Key.Key_1: FollowUpOutcome.DONE,
    Qt.Key.Key_2: FollowUpOutcome.CONTINUES,
    Qt.Key.Key_3: FollowUpOutcome.DROPPED,
    Qt.Key.Key_0: None,
}
ACTION, ORIGIN, RESPONSIBLE, OUTCOME = range(4)


class FollowUpTable(QTableWidget):
    outcome_chosen = Signal(int, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in OUTCOME_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            row = self.currentRow()
            if row >= 0:
                self.outcome_chosen.emit(row, OUTCOME_KEYS[key])
                if row + 1 < self.rowCount():
                    self.setCurrentCell(row + 1, OUTCOME)
            event.accept()
            return
        super().keyPressEvent(event)


class FollowUpPanel(QWidget):
    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        autosaver: Autosaver,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.autosaver = autosaver
        self.read_only = False
        self.rows: list[FollowUpView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = FollowUpTable(0, 4, self)
        self.table.setAccessibleName(_("Carried-over action items"))
        self.table.setHorizontalHeaderLabels(
            [_("Action item"), _("Agreed in"), _("Responsible, due"), _("Decision now")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ACTION, QHeaderView.ResizeMode.Stretch)
        for column in (ORIGIN, RESPONSIBLE, OUTCOME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.table.outcome_chosen.connect(self._outcome_for_row)
        self.table.currentCellChanged.connect(lambda *_a: self._show_comment())
        self.empty = QLabel(_("No action items were open from earlier meetings."), self)
        self.comment = QLineEdit(self)
        self.comment.setAccessibleName(_("Comment on the selected action item"))
        self.comment_binding = autosaver.bind(self.comment, self._save_comment)
        layout.addWidget(buddy_label(_("Carried-over action &items:"), self.table, self))
        layout.addWidget(
            QLabel(_("Keys: 1 = done, 2 = continues, 3 = dropped, 0 = not decided."), self)
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buddy_label(_("Co&mment on the selected action:"), self.comment, self))
        layout.addWidget(self.comment)

    def show_memo(self, memo: MeetingDetail) -> None:
        lang = ui_translator().language
        self.rows = list(memo.follow_ups)
        current = self.table.currentRow()
        self.table.setRowCount(len(self.rows))
        for row, follow_up in enumerate(self.rows):
            action = follow_up.action
            who = action.responsible.name if action.responsible else action.responsible_text
            due = format_date(action.due_date, lang) if action.due_date else ""
            cells = (
                action.text,
                _("Meeting {number}, {date}").format(
                    number=follow_up.origin_meeting_number,
                    date=format_date(follow_up.origin_meeting_date, lang),
                ),
                ", ".join(part for part in (who or "", due) if part),
                label(follow_up.outcome)
                if follow_up.outcome
                else pgettext("follow-up outcome", "Not decided"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        self.comment.setEnabled(bool(self.rows))
        if self.rows:
            self.table.setCurrentCell(min(max(current, 0), len(self.rows) - 1), OUTCOME)
        self._show_comment()

    def _current(self) -> FollowUpView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _show_comment(self) -> None:
        follow_up = self._current()
        if follow_up is None:
            self.comment_binding.show(None, "")
            return
        if self.comment_binding.target == follow_up.id and self.comment_binding.dirty:
            return
        self.comment_binding.show(follow_up.id, follow_up.comment)

    def select(self, follow_up_id: int) -> None:
        for row, follow_up in enumerate(self.rows):
            if follow_up.id == follow_up_id:
                self.table.setCurrentCell(row, OUTCOME)

    def _save_comment(self, target: object, text: str) -> Change[None] | None:
        index = next((i for i, f in enumerate(self.rows) if f.id == target), None)
        if index is None:
            return None
        follow_up = self.rows[index]
        change = actions.record_follow_up_undoably(
            self.context.database, self.meeting_id, follow_up.action.id, follow_up.outcome, text
        )
        self.rows[index] = dataclasses.replace(follow_up, comment=text)
        return change

    def _outcome_for_row(self, row: int, outcome: FollowUpOutcome | None) -> None:
        if self.read_only or not 0 <= row < len(self.rows):
            return
        self.autosaver.flush()
        follow_up = self.rows[row]
        before, comment = follow_up.outcome, follow_up.comment
        if self.comment_binding.target == follow_up.id:
            comment = self.comment.text()
        if before is outcome:
            return
        change = actions.record_follow_up_undoably(
            self.context.database, self.meeting_id, follow_up.action.id, outcome, comment
        )
        self.autosaver.mark_saved()
        push(self.context, change, self)
