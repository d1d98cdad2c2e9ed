"""Meeting mode: the memo typed live during the meeting, saved as it is typed.

Layout: a top bar (back, title, save indicator, approve), calm banners (approved memo, an
unexpected closing last time), then the agenda beside the editor of the chosen item. The
first entry of the agenda list is the meeting's details and attendance.

Saving: see :mod:`.autosave`. Structural changes (add, remove, reorder, attendance, outcome,
status) are one transaction and one undo step each. An "editing since" marker in the
settings, written while the editor is shown and cleared when it closes cleanly, tells the
next opening that the application was closed unexpectedly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import AgendaItemKind, MeetingStatus
from hyvinvointi_app.domain.errors import MemoLocked, NotFound, UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date, format_datetime
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ngettext, ui_translator
from hyvinvointi_app.services import agenda, meetings, members, plans, unit
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.memo_view import AgendaItemView, MeetingDetail
from hyvinvointi_app.ui.autosave import (
    Autosaver,
    SaveIndicator,
    clock_with_seconds,
)
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext, setting_text
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.form_parts import FittingScroll, look_read_only
from hyvinvointi_app.ui.icons import State, icon
from hyvinvointi_app.ui.meetings.editor.attendance import (
    AttendancePanel,
    MissingRolesWarning,
    missing_roles_text,
)
from hyvinvointi_app.ui.meetings.editor.banner import Banner
from hyvinvointi_app.ui.meetings.editor.header import HeaderPanel
from hyvinvointi_app.ui.meetings.editor.item_editor import ItemEditor, section_title
from hyvinvointi_app.ui.meetings.editor.shortcuts import HelpOverlay, meeting_shortcuts, native
from hyvinvointi_app.ui.text_fields import select_in
from hyvinvointi_app.ui.undo import keep_text_steps, push

T = TypeVar("T")

DETAILS_ROW = 0
DETAILS_KEY = "details"
"""The last place kept for a meeting when it was its details and attendance."""
MARKER_GROUP = "meeting_editor/editing"
LAST_ITEM_GROUP = "meeting_editor/last_item"


class MeetingNumber(int):
    """The meeting's id, readable both as ``editor.meeting_id`` and ``editor.meeting_id()``."""

    def __call__(self) -> int:
        return int(self)


def editing_marker_key(path: object, meeting_id: int, group: str = MARKER_GROUP) -> str:
    """The settings key of one meeting of one unit file, in ``group``."""
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:16]
    return f"{group}/{digest}-{meeting_id}"


class MeetingEditor(QWidget):
    back_requested = Signal()

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._meeting_id = MeetingNumber(meeting_id)
        self.memo: MeetingDetail | None = None
        self.locked = False
        self._stale = False
        # The unit file closes (another file opened, a restore, the window closed): the
        # text typed last reaches it first.
        context.closing.connect(self._clean_close)
        self._marker_key = editing_marker_key(context.path.resolve(), meeting_id)
        self._last_item_key = editing_marker_key(
            context.path.resolve(), meeting_id, LAST_ITEM_GROUP
        )
        self.has_pre_primary = unit.get_unit(context.database).has_pre_primary
        self.autosaver = Autosaver(self)
        self.autosaver.locked.connect(self._locked_elsewhere)
        keep_text_steps(context, self.autosaver, self)
        self.setAccessibleName(_("Meeting mode"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        layout.addLayout(self._build_top_bar())
        self.crash_banner = Banner(State.NOTE, "", self)
        self.crash_banner.hide()
        dismiss = self.crash_banner.add_button(_("OK"), _("Hide this message"))
        dismiss.clicked.connect(self.crash_banner.hide)
        layout.addWidget(self.crash_banner)
        self.locked_banner = Banner(
            State.NOTE,
            _("This memo is approved and locked. To change it, reopen it and give a reason."),
            self,
        )
        self.reopen_button = self.locked_banner.add_button(
            _("&Reopen…"), _("Reopen the memo for editing")
        )
        self.reopen_button.clicked.connect(self.reopen)
        self.locked_banner.hide()
        layout.addWidget(self.locked_banner)
        self.unsaved_banner = Banner(State.WARNING, "", self)
        self.unsaved_banner.setAccessibleDescription(_("Not saved"))
        self.unsaved_banner.hide()
        layout.addWidget(self.unsaved_banner)
        self.autosaver.failed.connect(self._show_unsaved)
        self.autosaver.recovered.connect(self._show_saved_again)
        self.autosaver.refused.connect(self._show_refused)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_agenda_panel())
        self.pages = QStackedWidget(self.splitter)
        self.details_page = self._build_details_page()
        self.item_editor = ItemEditor(context, meeting_id, self.autosaver, self.pages)
        self.item_editor.attendance_requested.connect(self.jump_to_attendance)
        self.pages.addWidget(self.details_page)
        self.pages.addWidget(self.item_editor)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 800])
        layout.addWidget(self.splitter, 1)

        self.help_overlay = HelpOverlay(self)
        self.help_overlay.closed.connect(self._restore_focus_after_help)
        self._focus_before_help: QWidget | None = None
        self._install_shortcuts()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state_changed)
            app.aboutToQuit.connect(self._clean_close)

        self._check_unexpected_close()
        context.data_changed.connect(self._data_changed)
        self._shown_row = DETAILS_ROW
        """The agenda row on screen: kept while its text cannot be written."""
        # where the director was the last time this meeting was open, else the first item
        last = setting_text(self.context.settings, self._last_item_key)
        self.reload()
        row = (
            DETAILS_ROW
            if last == DETAILS_KEY
            else self._row_of(int(last))
            if last.isdigit()
            else None
        )
        self.agenda_list.setCurrentRow(self._first_item_row() if row is None else row)

    # -- building -------------------------------------------------------------------

    def _build_top_bar(self) -> FlowLayout:
        bar = FlowLayout(spacing=8)  # wraps in a narrow window (a laptop at 150 %)
        self.back_button = QPushButton("← " + _("Meetings"), self)
        self.back_button.setAccessibleName(_("Back to the meetings list"))
        self.back_button.setToolTip(_("Back to the meetings list (Esc or Alt+Left)"))
        self.back_button.clicked.connect(self.request_back)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.indicator = SaveIndicator(self.autosaver, self)
        self.help_button = QPushButton(_("Shortcuts (F1)"), self)
        self.help_button.setAccessibleName(_("Show the keyboard shortcuts"))
        self.help_button.clicked.connect(self.toggle_help)
        self.approve_button = QPushButton(icon("approve"), _("&Approve memo…"), self)
        self.approve_button.setAccessibleName(_("Approve the memo"))
        self.approve_button.setToolTip(
            _("Runs the privacy check, then locks the memo (Ctrl+Shift+A)")
        )
        self.approve_button.clicked.connect(self.approve)
        bar.addWidget(self.back_button)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.indicator)
        bar.addWidget(self.help_button)
        bar.addWidget(self.approve_button)
        return bar

    def _build_agenda_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 4, 0)
        heading = section_title(_("Agenda"), panel)
        self.agenda_list = QListWidget(panel)
        self.agenda_list.setAccessibleName(_("Agenda items"))
        self.agenda_list.setWordWrap(True)
        self.agenda_list.setSpacing(2)
        self.agenda_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.agenda_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda_list.currentRowChanged.connect(self._row_changed)
        heading.setBuddy(self.agenda_list)
        layout.addWidget(heading)
        layout.addWidget(self.agenda_list, 1)
        self.missing_warning = MissingRolesWarning(panel)
        layout.addWidget(self.missing_warning)
        row = QHBoxLayout()
        row.setSpacing(4)

        def keyed(text: str, name: str, keys: str, slot: Callable[[], object]) -> QPushButton:
            return push_button(text, slot, panel, name=name, tooltip=f"{name} ({native(keys)})")

        self.new_item_button = keyed(
            _("New item"), _("New agenda item"), "Ctrl+Shift+N", self.new_item
        )
        self.up_button = keyed(
            "↑", _("Move the item up"), "Ctrl+Shift+PgUp", lambda: self.move_item(-1)
        )
        self.down_button = keyed(
            "↓", _("Move the item down"), "Ctrl+Shift+PgDown", lambda: self.move_item(1)
        )
        self.remove_button = keyed(
            _("Remove"), _("Remove the item"), "Ctrl+Shift+Del", self.remove_item
        )
        for arrow in (self.up_button, self.down_button):  # narrow: the words get the room
            arrow.setFixedWidth(arrow.sizeHint().height() + 8)
        for worded in (self.new_item_button, self.remove_button):  # never cut short
            worded.setMinimumWidth(worded.sizeHint().width())
        for button in (self.new_item_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        panel.setMinimumWidth(240)
        return panel

    def _build_details_page(self) -> FittingScroll:
        """The meeting's details and attendance; they scroll in a low window (a laptop at
        150 %), as the items do."""
        scroll = FittingScroll(self, _("Meeting details"))
        page = scroll.body
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 0, 8, 8)
        layout.addWidget(section_title(_("Meeting details"), page))
        self.header = HeaderPanel(
            self.context,
            self._meeting_id,
            self.autosaver,
            lambda member: member.name or _("(name erased)"),
            page,
        )
        layout.addWidget(self.header)
        layout.addSpacing(6)
        self.attendance = AttendancePanel(
            self.context, self._meeting_id, self.autosaver.mark_saved, page
        )
        layout.addWidget(self.attendance, 1)
        return scroll

    def _install_shortcuts(self) -> None:
        slots: dict[str, Callable[[], object]] = {
            "next_item": lambda: self.step_item(1),
            "previous_item": lambda: self.step_item(-1),
            "new_item": self.new_item,
            "move_up": lambda: self.move_item(-1),
            "move_down": lambda: self.move_item(1),
            "remove_item": self.remove_item,
            "new_action": self.new_action,
            "notes": lambda: self._focus_field("notes"),
            "decision": lambda: self._focus_field("decision"),
            "attendance": self.jump_to_attendance,
            "close_meeting": self.close_meeting,
            "approve": self.approve,
            "help": self.toggle_help,
            "back": self.request_back,
        }
        self.shortcuts: dict[str, list[QShortcut]] = {}
        for shortcut in meeting_shortcuts():
            for keys in shortcut.keys:
                qs = QShortcut(QKeySequence(keys), self)
                qs.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                qs.activated.connect(slots[shortcut.name])
                self.shortcuts.setdefault(shortcut.name, []).append(qs)

    # -- the public face --------------------------------------------------------------

    @property
    def meeting_id(self) -> MeetingNumber:
        return self._meeting_id

    def flush(self) -> bool:
        """Write every pending text and count now; False if a write failed or was refused
        (what was typed stays on screen)."""
        texts = self.autosaver.flush()
        counts = self.item_editor.voice.tallies.write_pending()
        return texts and counts

    def problem(self) -> str | None:
        """Why something typed is not saved yet (see :meth:`flush`)."""
        return self.autosaver.problem() or self.item_editor.voice.tallies.problem()

    def focus_item(self, item_id: int) -> None:
        """Show an agenda item (e.g. from a search result) with the cursor in its notes."""
        row = self._row_of(item_id)
        if row is not None:
            self.agenda_list.setCurrentRow(row)
            self.item_editor.notes_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_text(self, item_id: int | None, field: str, start: int, end: int) -> None:
        """Show where a text is and select characters ``start``–``end`` of it.

        ``field`` is a key of ``services.approval.memo_fields`` (``item:12:notes``,
        ``action:3:text``, ``place`` …) or, with ``item_id``, an item field name (``notes``).
        """
        widget = self._widget_for(item_id, field)
        if widget is None:
            return
        self.window().activateWindow()  # the privacy review window may have had the focus
        select_in(widget, start, end)
        if widget.window() is not None:
            self.item_editor.ensureWidgetVisible(widget)

    def _widget_for(self, item_id: int | None, field: str) -> QWidget | None:
        if self.memo is None:  # the meeting is gone (deleted meanwhile, say)
            return None
        parts = field.split(":")
        header_fields = {
            "place": self.header.place_edit,
            "distribution": self.header.distribution_edit,
            "attachments": self.header.attachments_edit,
        }
        if field in header_fields or parts[0] == "guest":
            self.agenda_list.setCurrentRow(DETAILS_ROW)
            if parts[0] == "guest":
                guests = self.attendance.guest_list
                for row in range(guests.count()):
                    if guests.item(row).data(Qt.ItemDataRole.UserRole) == int(parts[1]):
                        guests.setCurrentRow(row)
                return guests
            return header_fields[field]
        if len(parts) == 3 and parts[0] == "item":
            item_id, field = int(parts[1]), parts[2]
        if len(parts) == 3 and parts[0] == "action":
            action_id = int(parts[1])
            owner = next(
                (i for i in self.memo.agenda if any(a.id == action_id for a in i.actions)), None
            )
            if owner is None:
                return None
            self.focus_item(owner.id)
            action_row = next(
                (r for r in self.item_editor.action_rows if r.view and r.view.id == action_id),
                None,
            )
            if action_row is None:
                return None
            line = action_row.responsible.lineEdit()
            if parts[2] == "responsible" and line is not None:
                return line
            return action_row.text_edit
        if len(parts) == 3 and parts[0] == "follow_up":
            target = self._item_of_kind(AgendaItemKind.FOLLOW_UP)
            if target is None:
                return None
            self.focus_item(target.id)
            self.item_editor.follow_up.select(int(parts[1]))
            return self.item_editor.follow_up.comment
        if len(parts) == 3 and parts[0] == "voice":
            kind = (
                AgendaItemKind.CHILDREN_VOICE
                if parts[1] == "children"
                else AgendaItemKind.GUARDIANS_VOICE
            )
            target = self._item_of_kind(kind)
            if target is None:
                return None
            self.focus_item(target.id)
            return self.item_editor.voice.summary
        if item_id is None:
            return None
        self.focus_item(item_id)
        return self.item_editor.field_widget(field)

    def _item_of_kind(self, kind: AgendaItemKind) -> AgendaItemView | None:
        assert self.memo is not None
        return next((i for i in self.memo.agenda if i.kind is kind), None)

    # -- reading and drawing ----------------------------------------------------------

    def reload(self) -> None:
        """Read the memo again and redraw, keeping the chosen item and unsaved typing."""
        self.flush()
        self._stale = False
        db = self.context.database
        try:
            memo = meetings.get_meeting(db, self._meeting_id)
        except NotFound:
            return  # the meeting was deleted (an undo); the meetings page closes the editor
        self.memo = memo
        self.locked = memo.status is MeetingStatus.APPROVED
        lang = ui_translator().language
        self.title.setText(
            _("Meeting {number} · {date}").format(
                number=memo.number, date=format_date(memo.date, lang)
            )
        )
        self.title.setAccessibleName(self.title.text())
        current_members = members.list_members(db, include_former=False)
        known = {m.id for m in current_members}
        choices = [(m.id, m.name or _("(name erased)")) for m in current_members]
        choices += [
            (a.member.id, a.member.name or _("(name erased)"))
            for a in memo.attendance
            if a.member.id not in known
        ]
        self.item_editor.set_choices(choices, plans.list_plans(db))
        self._fill_agenda(memo)
        self.header.show_memo(memo, current_members)
        self.attendance.read_only = self.locked
        self.attendance.show_memo(memo, self.has_pre_primary)
        self.missing_warning.set_text(missing_roles_text(memo, self.has_pre_primary))
        self._show_current()
        self._apply_lock()

    def refresh(self) -> None:
        """The meetings page calls this after every change; the editor has redrawn already
        (it listens to ``data_changed`` itself, so that it also works on its own)."""
        if self._stale:
            self.reload()

    def _data_changed(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _fill_agenda(self, memo: MeetingDetail) -> None:
        current = self._current_item_id()
        was_details = self.agenda_list.currentRow() == DETAILS_ROW
        self.agenda_list.blockSignals(True)
        self.agenda_list.clear()
        details = QListWidgetItem(_("Meeting details and attendance"))
        details.setData(Qt.ItemDataRole.UserRole, None)
        self.agenda_list.addItem(details)
        for item in memo.agenda:
            entry = QListWidgetItem(f"{item.position}. {item.title or label(item.kind)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.agenda_list.addItem(entry)
        row = self._row_of(current) if current is not None else None
        if row is None:
            row = DETAILS_ROW if was_details or not memo.agenda else 1
        self.agenda_list.setCurrentRow(row)
        self.agenda_list.blockSignals(False)

    def _first_item_row(self) -> int:
        return 1 if self.memo and self.memo.agenda else DETAILS_ROW

    def _row_of(self, item_id: int | None) -> int | None:
        for row in range(self.agenda_list.count()):
            if self.agenda_list.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                return row
        return None

    def _current_item_id(self) -> int | None:
        entry = self.agenda_list.currentItem()
        value = None if entry is None else entry.data(Qt.ItemDataRole.UserRole)
        return None if value is None else int(value)  # the details row has no item

    def current_item(self) -> AgendaItemView | None:
        item_id = self._current_item_id()
        if item_id is None or self.memo is None:
            return None
        return next((i for i in self.memo.agenda if i.id == item_id), None)

    def _row_changed(self, _row: int) -> None:
        """Write what is pending, then show the chosen item as it is in the file now (text
        saves do not redraw, so the memo read at the last redraw may be older). While the
        text cannot be written (a full disk), the item stays on screen with its text."""
        if not self.flush():
            blocked = self.agenda_list.blockSignals(True)
            self.agenda_list.setCurrentRow(self._shown_row)
            self.agenda_list.blockSignals(blocked)
            return
        try:
            self.memo = meetings.get_meeting(self.context.database, self._meeting_id)
        except NotFound:
            return
        self._show_current()

    def _show_current(self) -> None:
        self._shown_row = self.agenda_list.currentRow()
        item = self.current_item()
        assert self.memo is not None
        self.context.settings.setValue(self._last_item_key, item.id if item else DETAILS_KEY)
        if item is None:
            self.pages.setCurrentWidget(self.details_page)
        else:
            self.item_editor.show_item(self.memo, item, self.has_pre_primary)
            self.pages.setCurrentWidget(self.item_editor)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        editable = not self.locked
        rows = self.agenda_list.count()
        row = self.agenda_list.currentRow()
        self.new_item_button.setEnabled(editable)
        self.up_button.setEnabled(editable and item is not None and row > 1)
        self.down_button.setEnabled(editable and item is not None and row < rows - 1)
        self.remove_button.setEnabled(editable and item is not None)

    def _apply_lock(self) -> None:
        self.locked_banner.setVisible(self.locked)
        self.approve_button.setVisible(not self.locked)
        self.item_editor.set_read_only(self.locked)
        for edit in (
            self.header.date_edit,
            self.header.start_edit,
            self.header.end_edit,
            self.header.place_edit,
            self.header.distribution_edit,
            self.header.attachments_edit,
            self.attendance.guest_note,
        ):
            edit.setReadOnly(self.locked)
        for widget in (
            self.header.chair_combo,
            self.header.secretary_combo,
            self.header.close_button,
            self.header.signatures_check,
            self.attendance.guest_role,
            self.attendance.add_guest_button,
        ):
            widget.setEnabled(not self.locked)
        self.attendance.remove_guest_button.setEnabled(
            not self.locked and bool(self.memo and self.memo.guests)
        )
        look_read_only(self)
        self._update_buttons()

    # -- structural changes: one transaction and one undo step each ---------------------

    def _change(self, make: Callable[[], Change[T]]) -> Change[T] | None:
        """Make a structural change as one undo step; a rule it breaks is shown, not raised
        (None)."""
        if self.locked:
            return None
        self.flush()
        try:
            change = make()
        except MemoLocked:
            self._locked_elsewhere()
            return None
        except UserError as error:
            self.context.prompter.warn(self, _("The change was not made"), describe(error))
            return None
        self.autosaver.mark_saved()
        push(self.context, change, self)
        return change

    def new_item(self) -> None:
        db = self.context.database
        after = self._current_item_id()
        change = self._change(
            lambda: agenda.add_item_undoably(
                db, self._meeting_id, _("New item"), after_item_id=after
            )
        )
        if change is None:
            return
        self.focus_item(change.value.id)
        self.item_editor.title_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.item_editor.title_edit.selectAll()

    def move_item(self, step: int) -> None:
        item = self.current_item()
        if item is None or self.memo is None:
            return
        new = item.position + step
        if not 1 <= new <= len(self.memo.agenda):
            return
        db = self.context.database
        self._change(lambda: agenda.move_item_undoably(db, item.id, new))

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        db = self.context.database
        self.flush()
        view = agenda.get_item(db, item.id)
        if view.actions and not self._removing_actions_is_fine(view.title, len(view.actions)):
            return
        self._change(lambda: agenda.remove_item_undoably(db, self._meeting_id, item.id))

    def _removing_actions_is_fine(self, title: str, count: int) -> bool:
        """An item's action items go with it: asked first (an item without any goes at once;
        either way Edit → Undo brings it back)."""
        return self.context.prompter.ask(
            self,
            _("Remove agenda item"),
            ngettext(
                "The item “{title}” has {count} action item. Remove the item and its action "
                "item?\n\nYou can undo this with Edit → Undo.",
                "The item “{title}” has {count} action items. Remove the item and its action "
                "items?\n\nYou can undo this with Edit → Undo.",
                count,
            ).format(title=title, count=count),
        )

    def new_action(self) -> None:
        if self.locked:
            return
        if self.current_item() is None:
            row = self._first_item_row()
            self.agenda_list.setCurrentRow(row)
        self.item_editor.new_action()

    def close_meeting(self) -> None:
        if not self.locked:
            self.header.close_meeting()

    # -- moving around --------------------------------------------------------------

    def step_item(self, step: int) -> None:
        row = self.agenda_list.currentRow() + step
        if 0 <= row < self.agenda_list.count():
            self.agenda_list.setCurrentRow(row)

    def _focus_field(self, field: str) -> None:
        if self.current_item() is None:
            self._shown_row = self._first_item_row()
        self.agenda_list.setCurrentRow(self._shown_row)
        widget = self.item_editor.field_widget(field)
        if widget is not None and self.pages.currentWidget() is self.item_editor:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def jump_to_attendance(self) -> None:
        self.agenda_list.setCurrentRow(DETAILS_ROW)
        self.attendance.focus_table()

    def request_back(self) -> None:
        if self.help_overlay.isVisible():
            self.help_overlay.dismiss()
            return
        if not self.flush():
            return  # the unsaved banner says why; the text stays where it can be saved
        self.back_requested.emit()

    def toggle_help(self) -> None:
        if self.help_overlay.isVisible():
            self.help_overlay.dismiss()
            return
        self._focus_before_help = QApplication.focusWidget()
        self.help_overlay.popup()

    def _restore_focus_after_help(self) -> None:
        if self._focus_before_help is not None and self._focus_before_help.isVisible():
            self._focus_before_help.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- approval (the dialogs live in ui/meetings/approval.py) ------------------------

    def approve(self) -> None:
        if self.locked or not self.flush():
            return
        try:
            from hyvinvointi_app.ui.meetings import approval
        except ImportError:
            self.context.prompter.inform(
                self, _("Approve memo"), _("Approval is not available yet.")
            )
            return
        if approval.approve_interactively(self.context, self._meeting_id, self, self.select_text):
            self.reload()

    def reopen(self) -> None:
        try:
            from hyvinvointi_app.ui.meetings import approval
        except ImportError:
            self.context.prompter.inform(
                self, _("Reopen memo"), _("Reopening is not available yet.")
            )
            return
        if approval.reopen_interactively(self.context, self._meeting_id, self):
            self.reload()
            self._set_marker()

    def _locked_elsewhere(self) -> None:
        self.reload()

    # -- never losing a word -----------------------------------------------------------

    def _show_unsaved(self, reason: str) -> None:
        """Writes fail: say so where the director looks, and that the text is kept."""
        self._alert(
            _(
                "Not saved: {reason} What you type stays on screen, and saving is tried "
                "again every few seconds. Do not close the application until it says saved."
            ).format(reason=reason)
        )

    def _show_refused(self, reason: str) -> None:
        """A text the memo cannot take (too long, say): it stays on screen until corrected."""
        if not reason:
            self.unsaved_banner.hide()
            return
        self._alert(
            _(
                "Not saved: {reason} The text stays on screen; it is saved once you correct it."
            ).format(reason=reason)
        )

    def _alert(self, text: str) -> None:
        self.unsaved_banner.set_text(text)
        if self.unsaved_banner.isHidden():
            self.unsaved_banner.show()
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.unsaved_banner.label, QAccessible.Event.Alert)
            )

    def _show_saved_again(self, when: dt.datetime) -> None:
        self.unsaved_banner.hide()
        self.context.status_message.emit(
            _("Everything is saved again ({time}).").format(time=clock_with_seconds(when))
        )

    def _check_unexpected_close(self) -> None:
        settings = self.context.settings
        if not settings.value(self._marker_key, ""):
            return
        memo = meetings.get_meeting(self.context.database, self._meeting_id)
        saved = memo.updated_at
        same_day = saved.astimezone().date() == dt.date.today()
        when = (
            clock_with_seconds(saved.astimezone())
            if same_day
            else format_datetime(saved, ui_translator().language)
        )
        self.crash_banner.set_text(
            _(
                "The application was closed unexpectedly. The memo is as it was at the "
                "last autosave ({time})."
            ).format(time=when)
        )
        self.crash_banner.show()

    def _set_marker(self) -> None:
        if self.locked:
            return
        settings = self.context.settings
        settings.setValue(self._marker_key, dt.datetime.now().isoformat(timespec="seconds"))
        settings.sync()

    def _clear_marker(self) -> None:
        settings = self.context.settings
        if settings.contains(self._marker_key):
            settings.remove(self._marker_key)
            settings.sync()

    def _clean_close(self) -> None:
        if self.flush():
            self._clear_marker()

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        self._set_marker()
        # Inside the main window F1 is the window's (Help → User guide), which shows this
        # list in meeting mode: two F1 shortcuts in one window would cancel each other.
        for shortcut in self.shortcuts["help"]:
            if shortcut.key() == QKeySequence("F1"):
                shortcut.setEnabled(self.isWindow())

    def hideEvent(self, event: QHideEvent) -> None:
        if event.spontaneous():  # the window was minimised: still editing
            self.flush()
        else:
            self._clean_close()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clean_close()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.help_overlay.isVisible():
            self.help_overlay.setGeometry(self.rect())
