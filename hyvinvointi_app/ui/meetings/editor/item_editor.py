"""The editor of one agenda item: title, theme and plan, notes, decision, action items, and
for the follow-up and voice items their own part. One instance shows item after item, so
the field that has the cursor keeps it when the director moves to the next item.

A theme or plan-evaluation item that carries an annual-clock theme shows the theme's mark for
the meeting's period and offers "Mark handling…" (the annual clock's own dialog), so that a
theme the meeting ran out of time for can be marked moved to the next meeting there and then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import AgendaItemKind, AttendanceStatus, VoiceKind
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ngettext, ui_translator
from hyvinvointi_app.services import agenda, annual_clock, evaluations, meetings, period_scope
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.memo_view import ActionView, AgendaItemView, MeetingDetail
from hyvinvointi_app.services.plans import PlanView
from hyvinvointi_app.ui.annual_clock.mark_dialog import ThemeMarkDialog
from hyvinvointi_app.ui.annual_clock.marking import mark_text, open_mark_dialog
from hyvinvointi_app.ui.annual_clock.model import partners_text
from hyvinvointi_app.ui.autosave import Autosaver, Save
from hyvinvointi_app.ui.cards.item_links import CardLinksPanel
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.form_parts import WrappedLabel
from hyvinvointi_app.ui.meetings.editor.actions import ActionRow
from hyvinvointi_app.ui.meetings.editor.follow_up import FollowUpPanel
from hyvinvointi_app.ui.meetings.editor.shortcuts import native
from hyvinvointi_app.ui.meetings.editor.voice import VoicePanel
from hyvinvointi_app.ui.text_fields import MemoText, buddy_label
from hyvinvointi_app.ui.undo import push

VOICE_OF_KIND = {
    AgendaItemKind.CHILDREN_VOICE: VoiceKind.CHILDREN,
    AgendaItemKind.GUARDIANS_VOICE: VoiceKind.GUARDIANS,
}


def section_title(text: str, parent: QWidget) -> QLabel:
    title = QLabel(text, parent)
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    return title


class ItemEditor(QScrollArea):
    attendance_requested = Signal()

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
        self.item: AgendaItemView | None = None
        self.memo: MeetingDetail | None = None
        self.member_choices: list[tuple[int, str]] = []
        self.action_rows: list[ActionRow] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 0, 8, 8)
        layout.setSpacing(8)

        self.kind_label = QLabel(body)
        self.title_edit = QLineEdit(body)
        self.title_edit.setAccessibleName(_("Title of the agenda item"))
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_edit.setFont(font)
        title_row = QHBoxLayout()
        title_row.addWidget(buddy_label(_("&Title:"), self.title_edit, body))
        title_row.addWidget(self.title_edit, 1)
        title_row.addWidget(self.kind_label)
        layout.addLayout(title_row)

        grid = QGridLayout()
        self.theme_edit = QLineEdit(body)
        self.theme_edit.setAccessibleName(_("Annual-clock theme of the item"))
        self.plan_combo = QComboBox(body)
        self.plan_combo.setAccessibleName(_("Plan handled in this item"))
        self.plan_combo.activated.connect(lambda _i: self._plan_chosen())
        grid.addWidget(buddy_label(_("T&heme:"), self.theme_edit, body), 0, 0)
        grid.addWidget(self.theme_edit, 0, 1)
        grid.addWidget(buddy_label(_("P&lan:"), self.plan_combo, body), 0, 2)
        grid.addWidget(self.plan_combo, 0, 3)
        self.presenter_combo = QComboBox(body)
        self.presenter_combo.setAccessibleName(_("Member who presents the item"))
        self.presenter_combo.activated.connect(lambda _i: self._presenter_chosen())
        grid.addWidget(buddy_label(_("Pre&senter:"), self.presenter_combo, body), 1, 0)
        grid.addWidget(self.presenter_combo, 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)

        # The plan evaluation made under this item (issue 5): link both ways.
        self.evaluation_row = QWidget(body)
        evaluation_layout = QHBoxLayout(self.evaluation_row)
        evaluation_layout.setContentsMargins(0, 0, 0, 0)
        self.evaluation_summary = QLabel(self.evaluation_row)
        self.evaluation_summary.setWordWrap(True)
        self.evaluation_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.evaluate_button = QPushButton(_("E&valuate a plan…"), self.evaluation_row)
        self.evaluate_button.setAccessibleName(_("Evaluate a plan"))
        self.evaluate_button.clicked.connect(lambda _checked=False: self._evaluate_plan())
        self.open_evaluation_button = QPushButton(_("Open e&valuation…"), self.evaluation_row)
        self.open_evaluation_button.setAccessibleName(_("Open the evaluation"))
        self.open_evaluation_button.clicked.connect(lambda _checked=False: self._open_evaluation())
        evaluation_layout.addWidget(self.evaluation_summary, 1)
        evaluation_layout.addWidget(self.evaluate_button)
        evaluation_layout.addWidget(self.open_evaluation_button)
        self.evaluation_id: int | None = None
        layout.addWidget(self.evaluation_row)

        # The annual-clock theme the item carries: its mark for the meeting's period.
        self.clock_row = QWidget(body)
        clock_layout = QHBoxLayout(self.clock_row)
        clock_layout.setContentsMargins(0, 0, 0, 0)
        self.clock_summary = QLabel(self.clock_row)
        self.clock_summary.setWordWrap(True)
        self.clock_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.mark_button = QPushButton(_("Mark handling…"), self.clock_row)
        self.mark_button.setAccessibleName(_("Mark the theme's handling in the annual clock"))
        self.mark_button.clicked.connect(lambda _checked=False: self.mark_theme())
        clock_layout.addWidget(self.clock_summary, 1)
        clock_layout.addWidget(self.mark_button)
        self.mark_dialog: ThemeMarkDialog | None = None
        self.clock_theme_shown = False
        layout.addWidget(self.clock_row)

        self.card_links = CardLinksPanel(context, body)
        layout.addWidget(self.card_links)

        self.attendance_row = QWidget(body)
        attendance_layout = QHBoxLayout(self.attendance_row)
        attendance_layout.setContentsMargins(0, 0, 0, 0)
        self.attendance_summary = WrappedLabel("", self.attendance_row)
        self.attendance_button = QPushButton(_("Mark attendance…"), self.attendance_row)
        self.attendance_button.setAccessibleName(_("Mark attendance"))
        self.attendance_button.setToolTip(native("Ctrl+Shift+L"))
        self.attendance_button.clicked.connect(self.attendance_requested)
        attendance_layout.addWidget(self.attendance_summary, 1)
        attendance_layout.addWidget(self.attendance_button)
        layout.addWidget(self.attendance_row)

        self.follow_up = FollowUpPanel(context, meeting_id, autosaver, body)
        layout.addWidget(self.follow_up)
        self.voice = VoicePanel(context, meeting_id, autosaver, body)
        layout.addWidget(self.voice)

        self.notes_edit = MemoText(_("Notes"), body)
        self.notes_edit.setPlaceholderText(
            _("What was discussed. Lists: start a line with “- ”. Matters of the whole group only.")
        )
        self.notes_edit.setMinimumHeight(150)
        layout.addWidget(buddy_label(_("&Notes:"), self.notes_edit, body))
        layout.addWidget(self.notes_edit, 3)
        self.decision_edit = MemoText(_("Decision"), body)
        self.decision_edit.setPlaceholderText(_("What was decided or agreed"))
        self.decision_edit.setMinimumHeight(70)
        layout.addWidget(buddy_label(_("&Decision:"), self.decision_edit, body))
        layout.addWidget(self.decision_edit, 1)

        actions_row = QHBoxLayout()
        actions_row.addWidget(section_title(_("Action items"), body))
        actions_row.addStretch(1)
        self.new_action_button = QPushButton(_("New action &item"), body)
        self.new_action_button.setAccessibleName(_("New action item"))
        self.new_action_button.setToolTip(native("Ctrl+Shift+T"))
        self.new_action_button.clicked.connect(self.new_action)
        actions_row.addWidget(self.new_action_button)
        layout.addLayout(actions_row)
        self.no_actions = QLabel(_("No action items yet (Ctrl+Shift+T adds one)."), body)
        layout.addWidget(self.no_actions)
        self.actions_box = QVBoxLayout()
        self.actions_box.setSpacing(2)
        layout.addLayout(self.actions_box)
        layout.addStretch(0)
        self.setWidget(body)

        self.text_bindings = {
            "title": autosaver.bind(self.title_edit, self._save_text("title")),
            "theme": autosaver.bind(self.theme_edit, self._save_text("theme")),
            "notes": autosaver.bind(self.notes_edit, self._save_text("notes")),
            "decision": autosaver.bind(self.decision_edit, self._save_text("decision")),
        }

    def _save_text(self, field: str) -> Save:
        def save(target: object, text: str) -> Change[None]:
            return agenda.set_item_text_undoably(
                self.context.database, int(str(target)), field, text
            )

        return save

    # -- showing --------------------------------------------------------------------

    def set_choices(self, members: list[tuple[int, str]], plans: list[PlanView]) -> None:
        self.member_choices = members
        self.presenter_combo.clear()
        self.presenter_combo.addItem(_("(no one named)"), None)
        for member_id, text in members:
            self.presenter_combo.addItem(text, member_id)
        self.plan_combo.clear()
        self.plan_combo.addItem(_("(no plan)"), None)
        for plan in plans:
            self.plan_combo.addItem(plan.name, plan.id)

    def show_item(self, memo: MeetingDetail, item: AgendaItemView, has_pre_primary: bool) -> None:
        same_item = self.item is not None and self.item.id == item.id
        self.memo = memo
        self.item = item
        self.kind_label.setText(label(item.kind))
        for field, binding in self.text_bindings.items():
            if not (same_item and binding.dirty):
                binding.show(item.id, getattr(item, field))
        index = self.plan_combo.findData(item.plan_id) if item.plan_id else 0
        if index < 0:
            self.plan_combo.addItem(item.plan_name or "?", item.plan_id)
            index = self.plan_combo.count() - 1
        self.plan_combo.setCurrentIndex(index)
        presenter = item.presenter.id if item.presenter else None
        index = self.presenter_combo.findData(presenter)
        if index < 0 and item.presenter is not None:  # a former member, not offered any more
            self.presenter_combo.addItem(
                item.presenter.name or label(item.presenter.role), item.presenter.id
            )
            index = self.presenter_combo.count() - 1
        self.presenter_combo.setCurrentIndex(max(index, 0))
        self._show_evaluation(item)
        self._show_clock_theme(memo, item)

        self.attendance_row.setVisible(item.kind is AgendaItemKind.ATTENDANCE)
        if item.kind is AgendaItemKind.ATTENDANCE:
            present = sum(1 for a in memo.attendance if a.status is AttendanceStatus.PRESENT)
            from hyvinvointi_app.ui.meetings.editor.attendance import missing_roles_text

            text = ngettext(
                "{count} member present of {total}.",
                "{count} members present of {total}.",
                present,
            ).format(count=present, total=len(memo.attendance))
            missing = missing_roles_text(memo, has_pre_primary)
            self.attendance_summary.setText(f"{text} {missing}".strip())
        self.follow_up.setVisible(item.kind is AgendaItemKind.FOLLOW_UP)
        if item.kind is AgendaItemKind.FOLLOW_UP:
            self.follow_up.show_memo(memo)
        voice = VOICE_OF_KIND.get(item.kind)
        self.voice.setVisible(voice is not None)
        if voice is not None:
            self.voice.show_memo(memo, voice)
        self._show_actions(item, same_item)
        self.card_links.show_item(item.id)

    def _show_actions(self, item: AgendaItemView, same_item: bool) -> None:
        saved = [row for row in self.action_rows if row.view is not None]
        if same_item and [r.view.id for r in saved if r.view] == [a.id for a in item.actions]:
            for row, view in zip(saved, item.actions, strict=True):
                row.show_view(view)
            self.no_actions.setVisible(not self.action_rows)
            return
        for row in self.action_rows:
            row.discard()
        self.action_rows = []
        for view in item.actions:
            self._add_row(view)
        self.no_actions.setVisible(not self.action_rows)

    def _add_row(self, view: ActionView | None) -> ActionRow:
        assert self.item is not None and self.memo is not None
        row = ActionRow(
            self.context,
            self.meeting_id,
            self.item.id,
            self.autosaver,
            self.member_choices,
            self.memo.date,
            view,
            self.autosaver.mark_saved,
            self.widget(),
        )
        row.set_read_only(self.read_only)
        self.actions_box.addWidget(row)
        self.action_rows.append(row)
        return row

    def new_action(self) -> None:
        if self.read_only or self.item is None:
            return
        empty = next((r for r in self.action_rows if r.view is None), None)
        row = empty or self._add_row(None)
        self.no_actions.hide()
        row.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ensureWidgetVisible(row)

    def _show_evaluation(self, item: AgendaItemView) -> None:
        found = evaluations.evaluation_for_agenda_item(self.context.database, item.id)
        self.evaluation_id = found.id if found else None
        planned = item.kind is AgendaItemKind.PLAN_EVALUATION or item.plan_id is not None
        self.evaluation_row.setVisible(found is not None or planned)
        if found is not None:
            text = _("Evaluation of {plan}, {date}").format(
                plan=found.plan_name, date=format_date(found.date, ui_translator().language)
            )
        else:
            text = _("No plan has been evaluated under this item yet.")
        self.evaluation_summary.setText(text)
        self.evaluation_summary.setAccessibleName(text)
        self.evaluate_button.setVisible(found is None)
        self.evaluate_button.setEnabled(not self.read_only)
        self.open_evaluation_button.setVisible(found is not None)

    def _show_clock_theme(self, memo: MeetingDetail, item: AgendaItemView) -> None:
        """The item's annual-clock theme and its mark for the meeting's period; hidden for an
        item that carries no planned theme."""
        found = period_scope.clock_theme_of_item(self.context.database, memo, item)
        self.clock_theme_shown = found is not None
        self.clock_row.setVisible(found is not None)
        self.mark_button.setEnabled(found is not None and not self.read_only)
        if found is None:
            return
        theme, period = found
        mark = annual_clock.theme_mark(self.context.database, theme.id, period.id)
        if mark is None:
            text = _(
                "Annual clock: no mark. If the meeting does not get to this theme, mark it as "
                "moved to the next meeting."
            )
        else:
            text = _("Annual clock: {handling}").format(handling=mark_text(mark))
        if theme.partners:
            partners = _("Partners: {partners}").format(partners=partners_text(theme.partners))
            text = f"{partners}\n{text}"
        self.clock_summary.setText(text)
        self.clock_summary.setAccessibleName(text)

    def mark_theme(self) -> ThemeMarkDialog | None:
        """Mark how the item's annual-clock theme was dealt with in the meeting's period (the
        clock's dialog, one undo step); not on an approved memo."""
        if self.item is None or self.read_only:
            return None
        self.autosaver.flush()
        db = self.context.database
        memo = meetings.get_meeting(db, self.meeting_id)
        # the theme's text may have been typed since the item was shown
        item = next((i for i in memo.agenda if i.id == self.item.id), None)
        found = None if item is None else period_scope.clock_theme_of_item(db, memo, item)
        if found is None:
            if item is not None:
                self._show_clock_theme(memo, item)
            return None
        theme, period = found
        if self.mark_dialog is not None:
            self.mark_dialog.close()
        dialog = open_mark_dialog(self.context, theme, [period], period.id, self)
        dialog.finished.connect(lambda _result: self._mark_dialog_closed(dialog))
        self.mark_dialog = dialog
        return dialog

    def _mark_dialog_closed(self, dialog: ThemeMarkDialog) -> None:
        if self.mark_dialog is dialog:
            self.mark_dialog = None
            self.mark_button.setFocus()

    def _evaluate_plan(self) -> None:
        """Open the evaluation form with this meeting and item preset (and the item's plan)."""
        if self.item is None or self.read_only:
            return
        from hyvinvointi_app.ui.plans.actions import evaluate_plan, run_reporting_errors
        from hyvinvointi_app.ui.plans.evaluation_dialog import link_for_item

        self.autosaver.flush()
        db, item = self.context.database, self.item
        run_reporting_errors(
            self.context,
            self,
            lambda: evaluate_plan(
                self.context,
                self,
                plan_id=item.plan_id,
                link=link_for_item(db, self.meeting_id, item.id),
            ),
        )

    def _open_evaluation(self) -> None:
        if self.evaluation_id is None:
            return
        from hyvinvointi_app.ui.plans.actions import open_evaluation, run_reporting_errors

        self.autosaver.flush()
        evaluation_id = self.evaluation_id
        run_reporting_errors(
            self.context, self, lambda: open_evaluation(self.context, self, evaluation_id)
        )

    def _plan_chosen(self) -> None:
        if self.item is None or self.read_only:
            return
        self.autosaver.flush()
        db, plan_id = self.context.database, self.plan_combo.currentData()
        push(self.context, agenda.set_item_plan_undoably(db, self.item.id, plan_id), self)
        self.autosaver.mark_saved()  # the editor has redrawn the item with its plan

    def _presenter_chosen(self) -> None:
        if self.item is None or self.read_only:
            return
        self.autosaver.flush()
        member_id = self.presenter_combo.currentData()
        db = self.context.database
        push(self.context, agenda.set_item_presenter_undoably(db, self.item.id, member_id), self)
        self.autosaver.mark_saved()

    def field_widget(self, field: str) -> QWidget | None:
        return {
            "title": self.title_edit,
            "theme": self.theme_edit,
            "notes": self.notes_edit,
            "decision": self.decision_edit,
        }.get(field)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for edit in (self.title_edit, self.theme_edit, self.follow_up.comment):
            edit.setReadOnly(read_only)
        for text in (self.notes_edit, self.decision_edit, self.voice.summary):
            text.setReadOnly(read_only)
        for widget in (
            self.plan_combo,
            self.presenter_combo,
            self.new_action_button,
            *self.voice.checks.values(),
        ):
            widget.setEnabled(not read_only)
        self.evaluate_button.setEnabled(not read_only)
        self.mark_button.setEnabled(not read_only and self.clock_theme_shown)
        self.follow_up.read_only = read_only
        for row in self.action_rows:
            row.set_read_only(read_only)
        self.card_links.set_read_only(read_only)
        self.voice.tallies.set_read_only(read_only)
