"""The members screen: the table of members, its filter, the actions on a member and the
role coverage of the current operating period. Every change goes through the members
service and becomes one labelled undo step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import NotFound, UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import role_label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import members, periods
from hyvinvointi_app.services.members import MemberView, member_input
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.members.coverage import CoveragePanel
from hyvinvointi_app.ui.members.dialog import EndTermDialog, MemberDialog
from hyvinvointi_app.ui.members.model import (
    CONTACT,
    NAME,
    ORGANISATION,
    ROLE,
    MembersModel,
    MembersProxy,
    display_name,
    is_former,
)
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.record_table import OPEN_KEYS, RecordTable
from hyvinvointi_app.ui.tables import fit_columns

ADD_SHORTCUTS = ("Ins", "Ctrl+Shift+N")
EDIT_KEYS = (*OPEN_KEYS, Qt.Key.Key_F2)


class MembersPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Members"), self))

        filter_row = QHBoxLayout()
        filter_label = QLabel(_("Filte&r:"), self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setAccessibleName(_("Filter members"))
        self.filter_edit.setPlaceholderText(_("Name, role, organisation or contact details"))
        self.filter_edit.setClearButtonEnabled(True)
        filter_label.setBuddy(self.filter_edit)
        self.former_check = QCheckBox(_("Show f&ormer members"), self)
        self.former_check.setAccessibleName(_("Show former members"))
        self.former_check.setChecked(True)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.former_check)
        layout.addLayout(filter_row)

        button_row = FlowLayout()
        self.add_button = push_button(
            _("&Add member…"),
            None,
            self,
            name=_("Add member"),
            tooltip=_("Add a member (Insert or Ctrl+Shift+N)"),
            icon_name="add",
        )
        self.edit_button = push_button(
            _("Ed&it…"),
            None,
            self,
            name=_("Edit member"),
            tooltip=_("Edit the selected member (Enter or F2)"),
            icon_name="edit",
        )
        self.end_term_button = push_button(
            _("E&nd term…"),
            None,
            self,
            name=_("End term"),
            tooltip=_("End the selected member's term"),
        )
        self.erase_button = push_button(
            _("Erase &personal details…"),
            None,
            self,
            name=_("Erase personal details"),
            tooltip=_("Remove a former member's name, organisation and contact details"),
        )
        for button in (self.add_button, self.edit_button, self.end_term_button):
            button_row.addWidget(button)
        button_row.addStretch(1)
        button_row.addWidget(self.erase_button)
        layout.addLayout(button_row)

        self.empty_label = QLabel(
            _("No members yet. Add the first member with “Add member” (Insert)."), self
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.no_match_label = QLabel(_("No member matches the filter."), self)
        self.no_match_label.hide()
        layout.addWidget(self.no_match_label)

        self.model = MembersModel(self)
        self.proxy = MembersProxy(self)
        self.proxy.setSourceModel(self.model)
        # Enter and F2 edit the chosen member; Delete does nothing on purpose (erasing
        # personal details is never one key away).
        self.table = RecordTable(
            self.model, _("Members"), self, shown=self.proxy, open_keys=EDIT_KEYS
        )
        self.list_view = self.table
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, (NAME, ROLE, ORGANISATION, CONTACT), optional=(CONTACT,))
        layout.addWidget(self.table, 1)

        self.coverage = CoveragePanel(self)
        layout.addWidget(self.coverage)

        self.filter_edit.textChanged.connect(self._on_filter)
        self.former_check.toggled.connect(self._on_show_former)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_term_button.clicked.connect(self.end_term_selected)
        self.erase_button.clicked.connect(self.erase_selected)
        self.table.opened.connect(self.edit_selected)
        self.table.chosen.connect(self._update_buttons)
        self.shortcuts: list[QShortcut] = []
        for keys in ADD_SHORTCUTS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._add_if_shown)
            self.shortcuts.append(shortcut)

        for before, after in (
            (self.filter_edit, self.former_check),
            (self.former_check, self.add_button),
            (self.add_button, self.edit_button),
            (self.edit_button, self.end_term_button),
            (self.end_term_button, self.erase_button),
            (self.erase_button, self.table),
            (self.table, self.coverage.roles),
        ):
            QWidget.setTabOrder(before, after)

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        self._reload()

    def _reload(self, select_id: int | None = None) -> None:
        if select_id is None:
            current = self.selected_member()
            select_id = current.id if current else None
        db = self.context.database
        today = dt.date.today()
        self.model.set_members(members.list_members(db), today)
        try:
            period = periods.current_period(db)
        except NotFound:
            self.coverage.show_no_period()
        else:
            self.coverage.show_coverage(period, members.role_coverage(db, period.id, today))
        self._select(select_id)
        self._update_empty_state()
        self._update_buttons()

    def _select(self, member_id: int | None) -> None:
        if not self.table.choose(member_id):
            self.table.choose_first()

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.no_match_label.setVisible(not empty and self.proxy.rowCount() == 0)

    def _update_buttons(self) -> None:
        member = self.selected_member()
        self.edit_button.setEnabled(member is not None and not member.erased)
        self.end_term_button.setEnabled(member is not None and not member.erased)
        self.erase_button.setEnabled(member is not None and not member.erased)

    def selected_member(self) -> MemberView | None:
        return self.table.chosen_record()

    def focus_find(self) -> bool:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()
        return True

    def _on_filter(self, text: str) -> None:
        current = self.selected_member()
        self.proxy.set_filter_text(text)
        self._select(current.id if current else None)
        self._update_empty_state()
        self._update_buttons()

    def _on_show_former(self, show: bool) -> None:
        current = self.selected_member()
        self.proxy.set_show_former(show)
        self._select(current.id if current else None)
        self._update_empty_state()
        self._update_buttons()

    # -- changing ------------------------------------------------------------------------

    def _add_if_shown(self) -> None:
        if self.isVisible():
            self.add_member()

    def add_member(self) -> None:
        """Open the dialog for a new member; on saving, one undo step “add member”."""
        db = self.context.database
        dialog = MemberDialog(
            _("Add member"),
            lambda data: self.push_change(members.add_member_undoably(db, data)),
            parent=self,
        )
        if not dialog.exec() or dialog.saved is None:
            return
        added = dialog.saved
        self.context.status_message.emit(_("Member added: {name}").format(name=display_name(added)))
        self._reload(select_id=added.id)

    def edit_selected(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        if member.erased:
            self.context.status_message.emit(reason_text("erased"))
            return
        db = self.context.database
        before = member_input(member)
        dialog = MemberDialog(
            _("Edit member"),
            lambda data: self.push_change(members.edit_member_undoably(db, member.id, data)),
            initial=before,
            parent=self,
        )
        if not dialog.exec() or dialog.saved is None or member_input(dialog.saved) == before:
            return
        self.context.status_message.emit(
            _("Member saved: {name}").format(name=display_name(dialog.saved))
        )
        self._reload(select_id=member.id)

    def end_term_selected(self) -> None:
        member = self.selected_member()
        if member is None or member.erased:
            return
        db = self.context.database
        dialog = EndTermDialog(
            display_name(member),
            lambda day: self.push_change(members.end_term_undoably(db, member.id, day)),
            parent=self,
        )
        if not dialog.exec() or dialog.last_day is None:
            return
        self.context.status_message.emit(_("Term ended: {name}").format(name=display_name(member)))
        self._reload(select_id=member.id)

    def erase_selected(self) -> None:
        """Erase a former member's personal details after a confirmation that says what
        happens; a member whose term goes on is told to end the term first."""
        member = self.selected_member()
        if member is None or member.erased:
            return
        title = _("Erase personal details")
        if not is_former(member, dt.date.today()):
            self.context.prompter.inform(self, title, reason_text("term_not_ended"))
            return
        if not self.context.prompter.ask(
            self,
            title,
            _(
                "Erase the personal details of {name}?\n\n"
                "The name, contact details and organisation are removed from the unit file. "
                "The role ({role}) stays in old memos and reports.\n\n"
                "You can undo this only until you close the application."
            ).format(name=display_name(member), role=role_label(member.role)),
        ):
            return
        try:
            self.push_change(
                members.erase_personal_details_undoably(self.context.database, member.id)
            )
        except UserError as error:
            self.context.prompter.warn(self, title, describe(error))
            return
        self.context.status_message.emit(_("Personal details erased"))
        self._reload(select_id=member.id)
