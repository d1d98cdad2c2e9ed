"""Attendance: every member present, absent or excused in one keystroke, guests by role, and
a live warning for the roles the group expects but nobody present covers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import AttendanceStatus, Role, missing_roles
from hyvinvointi_app.i18n.labels import label, missing_role_label, role_label
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.services import meetings
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.form_parts import WrappedLabel
from hyvinvointi_app.ui.icons import State, state_icon, state_pixmap
from hyvinvointi_app.ui.tables import fit_columns
from hyvinvointi_app.ui.text_fields import buddy_label
from hyvinvointi_app.ui.undo import push

STATUS_KEYS = {
    Qt.Key.Key_1: AttendanceStatus.PRESENT,
    Qt.Key.Key_2: AttendanceStatus.ABSENT,
    Qt.Key.Key_3: AttendanceStatus.EXCUSED,
}
STATUS_ICONS = {
    AttendanceStatus.PRESENT: State.DONE,
    AttendanceStatus.ABSENT: State.ERROR,
    AttendanceStatus.EXCUSED: State.NOTE,
}
NAME, ROLE, STATUS = range(3)


def missing_roles_text(memo: MeetingDetail, has_pre_primary: bool) -> str:
    """“Expected roles not present: …”, or empty when every expected role is there."""
    present = {a.role for a in memo.attendance if a.status is AttendanceStatus.PRESENT}
    present |= {g.role for g in memo.guests}
    missing = missing_roles(present, has_pre_primary=has_pre_primary)
    if not missing:
        return ""
    names = ", ".join(missing_role_label(role) for role in missing)
    return _("Expected roles not present: {roles}").format(roles=names)


class MissingRolesWarning(QWidget):
    """The warning with an icon and text (never colour alone); hidden when nothing is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel(self)
        icon.setPixmap(state_pixmap(State.WARNING))
        self.text = WrappedLabel("", self)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))


class AttendanceTable(QTableWidget):
    """1, 2, 3 set the selected member present, absent, excused and go to the next member."""

    status_chosen = Signal(int, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = STATUS_KEYS.get(Qt.Key(event.key()))
        if status is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            row = self.currentRow()
            if row >= 0:
                item = self.item(row, NAME)
                assert item is not None  # every row has its name cell
                self.status_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)), status)
                if row + 1 < self.rowCount():
                    self.setCurrentCell(row + 1, STATUS)
            event.accept()
            return
        super().keyPressEvent(event)


class AttendancePanel(QWidget):
    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        saved: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self._saved = saved
        self.read_only = False
        self.memo: MeetingDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        keys = QLabel(_("Keys: 1 = present, 2 = absent, 3 = excused (then the next member)."), self)
        keys.setWordWrap(True)
        self.table = AttendanceTable(0, 3, self)
        self.table.setAccessibleName(_("Attendance"))
        self.table.setHorizontalHeaderLabels(
            [_("Member"), _("Role"), pgettext("attendance", "Status")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        fit_columns(self.table, (NAME, ROLE))
        self.table.status_chosen.connect(self.set_status)
        self.warning = MissingRolesWarning(self)
        layout.addWidget(buddy_label(_("&Attendance:"), self.table, self))
        layout.addWidget(keys)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)

        guests_row = QHBoxLayout()
        self.guest_role = QComboBox(self)
        self.guest_role.setAccessibleName(_("Guest's role"))
        for role in Role:
            self.guest_role.addItem(role_label(role), role)
        self.guest_note = QLineEdit(self)
        self.guest_note.setAccessibleName(_("Note about the guest"))
        self.guest_note.setPlaceholderText(_("e.g. organisation (no names needed)"))
        self.guest_note.returnPressed.connect(self.add_guest)
        self.add_guest_button = QPushButton(_("Add &guest"), self)
        self.add_guest_button.setAccessibleName(_("Add guest"))
        self.add_guest_button.clicked.connect(self.add_guest)
        guests_row.addWidget(buddy_label(_("G&uest by role:"), self.guest_role, self))
        guests_row.addWidget(self.guest_role)
        guests_row.addWidget(self.guest_note, 1)
        guests_row.addWidget(self.add_guest_button)
        layout.addLayout(guests_row)
        list_row = QHBoxLayout()
        self.guest_list = QListWidget(self)
        self.guest_list.setAccessibleName(_("Guests"))
        self.guest_list.setMaximumHeight(70)
        self.remove_guest_button = QPushButton(_("Remove guest"), self)
        self.remove_guest_button.setAccessibleName(_("Remove the selected guest"))
        self.remove_guest_button.clicked.connect(self.remove_guest)
        list_row.addWidget(self.guest_list, 1)
        list_row.addWidget(self.remove_guest_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(list_row)

    def show_memo(self, memo: MeetingDetail, has_pre_primary: bool) -> None:
        self.memo = memo
        current = self.table.currentRow()
        self.table.setRowCount(len(memo.attendance))
        for row, entry in enumerate(memo.attendance):
            name = QTableWidgetItem(entry.member.name or _("(name erased)"))
            name.setData(Qt.ItemDataRole.UserRole, entry.member.id)
            status = QTableWidgetItem(state_icon(STATUS_ICONS[entry.status]), label(entry.status))
            self.table.setItem(row, NAME, name)
            self.table.setItem(row, ROLE, QTableWidgetItem(role_label(entry.role)))
            self.table.setItem(row, STATUS, status)
        if memo.attendance:
            self.table.setCurrentCell(min(max(current, 0), len(memo.attendance) - 1), STATUS)
        self.guest_list.clear()
        for guest in memo.guests:
            text = role_label(guest.role) + (f" — {guest.note}" if guest.note else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, guest.id)
            self.guest_list.addItem(item)
        self.remove_guest_button.setEnabled(bool(memo.guests) and not self.read_only)
        self.warning.set_text(missing_roles_text(memo, has_pre_primary))

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.table.currentRow() < 0 and self.table.rowCount():
            self.table.setCurrentCell(0, STATUS)

    def set_status(self, member_id: int, status: AttendanceStatus) -> None:
        if self.read_only or self.memo is None:
            return
        before = next(
            (a.status for a in self.memo.attendance if a.member.id == member_id),
            AttendanceStatus.PRESENT,
        )
        if before is status:
            return
        db = self.context.database
        change = meetings.set_attendance_undoably(db, self.meeting_id, member_id, status)
        self._saved()
        push(self.context, change, self)

    def add_guest(self) -> None:
        if self.read_only:
            return
        db = self.context.database
        role = Role(self.guest_role.currentData())
        note = self.guest_note.text()
        change = meetings.add_guest_undoably(db, self.meeting_id, role, note)
        self.guest_note.clear()
        self._saved()
        push(self.context, change, self)

    def remove_guest(self) -> None:
        item = self.guest_list.currentItem() or self.guest_list.item(0)
        if self.read_only or item is None or self.memo is None:
            return
        guest_id = int(item.data(Qt.ItemDataRole.UserRole))
        guest = next(g for g in self.memo.guests if g.id == guest_id)
        change = meetings.remove_guest_undoably(self.context.database, self.meeting_id, guest)
        self._saved()
        push(self.context, change, self)
