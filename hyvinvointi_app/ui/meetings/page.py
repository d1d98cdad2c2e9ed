"""The meetings screen: one operating period's meetings, whether the period's minimum is met,
a search across every memo, and the meeting editor, shown in place of the list.

Creating and deleting a meeting are each one undo step. Undo of “new meeting” deletes the
meeting only while nothing has been typed into it; redo puts it back with its old ids, so
that later undo steps still find their rows.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.domain.errors import NotFound, UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import _, ngettext, ui_translator
from hyvinvointi_app.services import meetings, periods, summary
from hyvinvointi_app.services.memo_view import MeetingDetail, MeetingRow
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.icons import State, icon, state_icon, state_pixmap
from hyvinvointi_app.ui.meetings.list_model import (
    PLACE,
    MeetingsModel,
)
from hyvinvointi_app.ui.meetings.new_meeting_dialog import NewMeetingDialog, NewMeetingInput
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.record_table import RecordTable
from hyvinvointi_app.ui.search.results import SearchBox, SearchPanel
from hyvinvointi_app.ui.tables import fit_columns

if TYPE_CHECKING:
    from hyvinvointi_app.services.search import SearchHit
    from hyvinvointi_app.ui.meetings.editor import MeetingEditor

NEW_SHORTCUTS = ("Ctrl+Shift+M", "Ins")
DEFAULT_START = dt.time(13, 0)

LIST, EMPTY, RESULTS, NO_PERIOD = range(4)
"""The pages of the list area."""


class MeetingsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._language = ui_translator().language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.list_panel = QWidget(self.stack)
        self.stack.addWidget(self.list_panel)
        self.editor: MeetingEditor | None = None
        self._editor_meeting: int | None = None
        self._periods: list[PeriodView] = []
        self._build_list_panel()

    # -- building ------------------------------------------------------------------------

    def _build_list_panel(self) -> None:
        layout = QVBoxLayout(self.list_panel)
        layout.addWidget(heading(_("Meetings"), self.list_panel))

        top = QHBoxLayout()
        period_label = QLabel(_("Operating &period:"), self.list_panel)
        self.period_combo = QComboBox(self.list_panel)
        self.period_combo.setAccessibleName(_("Operating period"))
        self.period_combo.setToolTip(_("Show the meetings of this operating period"))
        self.period_combo.setMinimumContentsLength(12)
        period_label.setBuddy(self.period_combo)
        search_label = QLabel(_("&Search memos:"), self.list_panel)
        self.search_box = SearchBox(self.list_panel)
        self.search_box.setAccessibleName(_("Search all memos"))
        self.search_box.setPlaceholderText(_("Words in any memo of any period"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        search_label.setBuddy(self.search_box)
        top.addWidget(period_label)
        top.addWidget(self.period_combo)
        top.addSpacing(24)
        top.addWidget(search_label)
        top.addWidget(self.search_box, 1)
        layout.addLayout(top)

        buttons = FlowLayout()
        self.new_button = push_button(
            _("&New meeting…"),
            None,
            self.list_panel,
            name=_("New meeting"),
            tooltip=_("Create the next meeting with a drafted agenda (Insert or Ctrl+Shift+M)"),
            icon_name="add",
        )
        self.open_button = push_button(
            _("&Open"),
            None,
            self.list_panel,
            name=_("Open meeting"),
            tooltip=_("Open the selected meeting (Enter)"),
            icon_name="meeting_mode",
        )
        self.delete_button = push_button(
            _("&Delete…"),
            None,
            self.list_panel,
            name=_("Delete meeting"),
            tooltip=_("Delete the selected draft meeting (Delete); approved memos stay"),
            icon_name="remove",
        )
        self.invite_button = push_button(
            _("&Invitation…"),
            None,
            self.list_panel,
            name=_("Invitation and agenda"),
            tooltip=_("Make the selected meeting's invitation and agenda to send to the members"),
        )
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.invite_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)

        self.minimum_line = QWidget(self.list_panel)
        minimum_row = QHBoxLayout(self.minimum_line)
        minimum_row.setContentsMargins(0, 4, 0, 4)
        self.minimum_icon = QLabel(self.minimum_line)
        self.minimum_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.minimum_text = QLabel(self.minimum_line)
        self.minimum_text.setWordWrap(True)
        self.minimum_text.setTextFormat(Qt.TextFormat.PlainText)
        minimum_row.addWidget(self.minimum_icon)
        minimum_row.addWidget(self.minimum_text, 1)
        layout.addWidget(self.minimum_line)

        self.body = QStackedWidget(self.list_panel)
        layout.addWidget(self.body, 1)

        self.model = MeetingsModel(
            {
                MeetingStatus.DRAFT: icon("edit"),
                MeetingStatus.APPROVED: state_icon(State.DONE),
            },
            self,
        )
        self.table = RecordTable(self.model, _("Meetings of the operating period"), self)
        self.list_view = self.table
        fit_columns(self.table, (PLACE,))
        self.body.insertWidget(LIST, self.table)

        empty = QWidget(self.body)
        empty_layout = QVBoxLayout(empty)
        self.empty_label = QLabel(_("No meetings yet — create the first meeting."), empty)
        self.empty_label.setWordWrap(True)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_label.setFont(font)
        self.empty_explanation = QLabel(
            _(
                "A new meeting starts from the standing agenda and the annual-clock themes of "
                "its month, and carries over every open action item for follow-up. The group "
                "meets at least twice in each operating period."
            ),
            empty,
        )
        self.empty_explanation.setWordWrap(True)
        self.empty_button = QPushButton(_("&Create the first meeting…"), empty)
        self.empty_button.setAccessibleName(_("Create the first meeting"))
        self.empty_button.setAutoDefault(False)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_explanation)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        self.body.insertWidget(EMPTY, empty)

        self.search_panel = SearchPanel(self.context, self.search_box, self.body)
        self.body.insertWidget(RESULTS, self.search_panel)

        self.no_period_label = QLabel(
            _(
                "There is no operating period yet. Add one under “Operating periods”; "
                "meetings belong to a period."
            ),
            self.body,
        )
        self.no_period_label.setWordWrap(True)
        self.no_period_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body.insertWidget(NO_PERIOD, self.no_period_label)

        self.period_combo.currentIndexChanged.connect(lambda _index: self._reload_meetings())
        self.search_box.textChanged.connect(lambda _text: self._update_body())
        self.search_panel.open_requested.connect(self.show_found)
        self.new_button.clicked.connect(self.new_meeting)
        self.empty_button.clicked.connect(self.new_meeting)
        self.open_button.clicked.connect(self.open_selected)
        self.invite_button.clicked.connect(self.invite_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.opened.connect(self.open_selected)
        self.table.removing.connect(self.delete_selected)
        self.table.chosen.connect(self._update_buttons)
        self.shortcuts: list[QShortcut] = []
        for keys in NEW_SHORTCUTS:
            # Parented to the list, so that the editor may use the same keys while shown.
            shortcut = QShortcut(QKeySequence(keys), self.list_panel)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._new_if_shown)
            self.shortcuts.append(shortcut)

        for before, after in (
            (self.period_combo, self.search_box),
            (self.search_box, self.new_button),
            (self.new_button, self.open_button),
            (self.open_button, self.invite_button),
            (self.invite_button, self.delete_button),
            (self.delete_button, self.table),
            (self.table, self.search_panel.view),
            (self.search_panel.view, self.empty_button),
        ):
            QWidget.setTabOrder(before, after)

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.editor is not None:
            self._refresh_editor()
            return
        self._reload_periods()
        self._reload_meetings()
        if self.search_panel.query:
            self.search_panel.run()

    def _refresh_editor(self) -> None:
        """A change (an undo, say) while a meeting is open: the editor redraws itself; if
        its meeting is gone, the list comes back."""
        assert self._editor_meeting is not None
        try:
            meetings.get_meeting(self.context.database, self._editor_meeting)
        except NotFound:
            self._close_editor(flush=False)
            self.refresh()
            return
        if self.editor is not None:
            self.editor.refresh()

    def _reload_periods(self, select_id: int | None = None) -> None:
        db = self.context.database
        if select_id is None:
            current = self.selected_period()
            select_id = current.id if current else None
        self._periods = periods.list_periods(db)
        if select_id is None or all(p.id != select_id for p in self._periods):
            current_period = next((p for p in self._periods if p.is_current), None)
            select_id = current_period.id if current_period else None
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for period in self._periods:
            text = period.label
            if period.is_current:
                text = _("{period} (current)").format(period=period.label)
            self.period_combo.addItem(text, period.id)
        index = self.period_combo.findData(select_id) if select_id is not None else 0
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)

    def selected_period(self) -> PeriodView | None:
        period_id = self.period_combo.currentData()
        return next((p for p in self._periods if p.id == period_id), None)

    def _reload_meetings(self, select_id: int | None = None) -> None:
        if select_id is None:
            current = self.selected_meeting()
            select_id = current.id if current else None
        period = self.selected_period()
        rows = meetings.list_meetings(self.context.database, period.id) if period else []
        self.model.set_rows(rows)
        self._update_minimum(period)
        self._select(select_id)
        self._update_body()
        self._update_buttons()

    def _update_minimum(self, period: PeriodView | None) -> None:
        if period is None:
            self.minimum_line.hide()
            return
        today = dt.date.today()
        figures = summary.period_summary(self.context.database, period.id, today)
        held = figures.meetings_held
        text = ngettext(
            "{count} meeting held in this period", "{count} meetings held in this period", held
        ).format(count=held)
        planned = len(figures.planned_meetings)
        if planned:
            text += ", " + ngettext("{count} more planned", "{count} more planned", planned).format(
                count=planned
            )
        minimum = figures.minimum_meetings
        if figures.minimum_met:
            verdict = _("the minimum of {minimum} meetings is met.")
        elif period.end_date < today:
            verdict = _("the minimum of {minimum} meetings was not met.")
        else:
            verdict = _("the minimum of {minimum} meetings is not met yet (period ends {date}).")
        text += " — " + verdict.format(
            minimum=minimum, date=format_date(period.end_date, self._language)
        )
        self.minimum_icon.setPixmap(
            state_pixmap(
                State.DONE if figures.minimum_met else State.WARNING,
                self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize),
            )
        )
        self.minimum_text.setText(text)
        self.minimum_text.setAccessibleName(text)

    def _update_body(self) -> None:
        searching = bool(self.search_box.text().strip())
        self.minimum_line.setVisible(searching is False and self.selected_period() is not None)
        if searching:
            self.body.setCurrentIndex(RESULTS)
        elif self.selected_period() is None:
            self.body.setCurrentIndex(NO_PERIOD)
        elif self.model.rowCount() == 0:
            self.body.setCurrentIndex(EMPTY)
        else:
            self.body.setCurrentIndex(LIST)
        self.new_button.setEnabled(self.selected_period() is not None)

    def _select(self, meeting_id: int | None) -> None:
        if not self.table.choose(meeting_id) and self.model.rowCount() > 0:
            self.table.choose_index(self.model.index(self.model.rowCount() - 1, 0))  # the latest

    def selected_meeting(self) -> MeetingRow | None:
        return self.table.chosen_record()

    def _update_buttons(self) -> None:
        meeting = self.selected_meeting()
        self.open_button.setEnabled(meeting is not None)
        self.invite_button.setEnabled(meeting is not None)
        self.delete_button.setEnabled(meeting is not None and meeting.status is MeetingStatus.DRAFT)

    def focus_find(self) -> bool:
        if self.editor is not None:
            self.show_list()
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()
        return True

    # -- the editor ----------------------------------------------------------------------

    def open_selected(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.open_meeting(meeting.id)

    def help_requested(self) -> bool:
        """In meeting mode F1 shows the meeting's keys (and a way to the guide)."""
        if self.editor is None:
            return False
        self.editor.toggle_help()
        return True

    def meeting_to_print(self) -> int | None:
        """The meeting open in meeting mode (its typing saved first), else the one selected
        in the list: what File → Print prints from this screen."""
        if self.editor is not None:
            self.editor.flush()
            return int(self.editor.meeting_id)
        row = self.selected_meeting()
        return row.id if row is not None else None

    def invite_selected(self) -> None:
        """The Reports screen with the selected meeting's invitation chosen."""
        meeting = self.selected_meeting()
        if meeting is not None:
            self.context.open_requested.emit("reports", meeting.id)

    def show_item(self, item_id: int) -> None:
        """Another screen asked to show a meeting: open it in the editor."""
        self.open_meeting(item_id)

    def show_found(self, hit: SearchHit) -> None:
        """A search result: its meeting in the editor, with the matched word selected."""
        if hit.meeting_id is None:
            return
        self.open_meeting(hit.meeting_id, hit.item_id)
        if self.editor is not None and self.editor.memo and hit.memo_field is not None:
            self.editor.select_text(hit.item_id, hit.memo_field, *hit.match)

    def open_meeting(self, meeting_id: int, item_id: int | None = None) -> None:
        """Show a meeting in the editor, at ``item_id`` if given (search results and other
        screens call this)."""
        from hyvinvointi_app.ui.meetings.editor import MeetingEditor

        self.context.navigate_requested.emit("meetings")
        self._close_editor()
        editor = MeetingEditor(self.context, meeting_id)
        editor.back_requested.connect(self.show_list)
        self.editor = editor
        self._editor_meeting = meeting_id
        self.context.meeting_mode.emit(True)  # first: the navigation folds before the
        self.stack.addWidget(editor)  # editor asks for its width
        self.stack.setCurrentWidget(editor)
        if item_id is not None:
            editor.focus_item(item_id)

    def unsaved_text(self) -> str | None:
        editor = self.editor
        if editor is None or editor.flush():
            return None
        return editor.problem() or ""

    def show_list(self) -> None:
        """Back from the editor to the list, at the meeting that was open."""
        meeting_id = self._editor_meeting
        self._close_editor()
        period_id = None
        if meeting_id is not None:
            try:
                period_id = meetings.get_meeting(self.context.database, meeting_id).period_id
            except NotFound:
                meeting_id = None
        self._reload_periods(select_id=period_id)
        self._reload_meetings(select_id=meeting_id)
        if self.search_panel.query:
            self.search_panel.run()
            self.search_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_editor(self, *, flush: bool = True) -> None:
        editor = self.editor
        if editor is None:
            return
        if flush:
            editor.flush()
        self.editor = None
        self._editor_meeting = None
        self.stack.setCurrentWidget(self.list_panel)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.context.meeting_mode.emit(False)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.editor is not None:
            self.editor.flush()
        super().hideEvent(event)

    # -- changing ------------------------------------------------------------------------

    def _new_if_shown(self) -> None:
        if self.isVisible() and self.stack.currentWidget() is self.list_panel:
            self.new_meeting()

    def _proposal(self, period: PeriodView) -> NewMeetingInput:
        """The proposed date, and the start time and place of the latest meeting."""
        db = self.context.database
        day = meetings.propose_meeting_date(db, period.id)
        try:
            latest = meetings.get_meeting(db, meetings.latest_meeting(db))
        except NotFound:
            return NewMeetingInput(day, DEFAULT_START, "")
        return NewMeetingInput(day, latest.start_time or DEFAULT_START, latest.place)

    def new_meeting(self) -> None:
        """Ask for date, time and place; create the meeting with its drafted agenda as one
        undo step “new meeting”."""
        period = self.selected_period()
        if period is None:
            return
        db = self.context.database

        def save(values: NewMeetingInput) -> MeetingDetail:
            return self.push_change(
                meetings.new_meeting_undoably(
                    db, period.id, values.date, start_time=values.start_time, place=values.place
                )
            )

        dialog = NewMeetingDialog(
            period.label, period.start_date, period.end_date, self._proposal(period), save, self
        )
        if not dialog.exec() or not isinstance(dialog.saved, MeetingDetail):
            return
        created = dialog.saved
        self.context.status_message.emit(
            _("Meeting {number} created for {date}. Press Enter to open it.").format(
                number=created.number, date=format_date(created.date, self._language)
            )
        )
        self._reload_meetings(select_id=created.id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_selected(self) -> None:
        """Delete a draft meeting after a question; one undo step “delete meeting”."""
        meeting = self.selected_meeting()
        if meeting is None:
            return
        title = _("Delete meeting")
        if meeting.status is MeetingStatus.APPROVED:
            self.context.prompter.inform(
                self,
                title,
                _(
                    "An approved memo is a public record and cannot be deleted. "
                    "To correct it, reopen it in the meeting view."
                ),
            )
            return
        date = format_date(meeting.date, self._language)
        if not self.context.prompter.ask(
            self,
            title,
            _(
                "Delete meeting {number} ({date})?\n\n"
                "Its agenda, notes, decisions, attendance and action items are deleted too. "
                "You can undo this with Edit → Undo."
            ).format(number=meeting.number, date=date),
        ):
            return
        try:
            self.push_change(meetings.delete_meeting_undoably(self.context.database, meeting.id))
        except ValidationError as error:
            text = (
                _(
                    "Action items agreed in this meeting have been followed up in a later "
                    "meeting, so it cannot be deleted."
                )
                if error.reason == "actions_followed_later"
                else describe(error)
            )
            self.context.prompter.warn(self, title, text)
            return
        except UserError as error:
            self.context.prompter.warn(self, title, describe(error))
            return
        self.context.status_message.emit(
            _("Meeting {number} ({date}) deleted").format(number=meeting.number, date=date)
        )
        self._reload_meetings()
