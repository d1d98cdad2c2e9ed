"""Action items of an agenda item: one row each — what, who, by when, status.

A new row lives only on screen until its text is first saved; that first save adds the
action (one undo step). Later typing autosaves through ``edit_action``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from hyvinvointi_app.domain.enums import ActionStatus
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.domain.typed_dates import InvalidTypedDate, parse_typed_date
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import action_status_label, choices
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import actions
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.memo_view import ActionView
from hyvinvointi_app.ui.autosave import Autosaver, TextBinding
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.text_fields import date_problem_text, hint_label, show_hint
from hyvinvointi_app.ui.undo import push


class ActionRow(QWidget):
    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        item_id: int,
        autosaver: Autosaver,
        members: list[tuple[int, str]],
        reference_day: dt.date,
        view: ActionView | None,
        on_saved: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.item_id = item_id
        self.autosaver = autosaver
        self.reference_day = reference_day
        self.view = view
        self._on_saved = on_saved
        self.read_only = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)

        self.text_edit = QLineEdit(self)
        self.text_edit.setAccessibleName(_("Action item"))
        self.text_edit.setPlaceholderText(_("What will be done"))
        self.responsible = QComboBox(self)
        self.responsible.setEditable(True)
        self.responsible.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.responsible.setAccessibleName(_("Responsible person"))
        self.responsible.addItem("", None)
        for member_id, name in members:
            self.responsible.addItem(name, member_id)
        line = self.responsible.lineEdit()
        assert line is not None
        line.setPlaceholderText(_("Responsible"))
        line.setAccessibleName(_("Responsible person"))
        self.due_edit = QLineEdit(self)
        self.due_edit.setAccessibleName(_("Due date"))
        self.due_edit.setPlaceholderText(_("Due, e.g. 15.1."))
        self.due_edit.setFixedWidth(110)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("…")
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.calendar_button.setFixedWidth(28)
        self.calendar_button.setToolTip(_("Choose the due date from a calendar"))
        self.calendar_button.setAccessibleName(_("Choose the due date from a calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setAccessibleName(_("Calendar"))
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar_action = QWidgetAction(menu)
        calendar_action.setDefaultWidget(self.calendar)
        menu.addAction(calendar_action)
        self.calendar_button.setMenu(menu)
        self.calendar.clicked.connect(self._date_chosen)
        self.calendar.activated.connect(self._date_chosen)
        self.status = QComboBox(self)
        self.status.setAccessibleName(_("Status of the action item"))
        for value, text in choices(ActionStatus):
            self.status.addItem(text, value)
        self.status.activated.connect(lambda _i: self._status_chosen())
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(_("Remove the action item"))
        self.remove_button.setAccessibleName(_("Remove the action item"))
        self.remove_button.clicked.connect(self.remove)
        self.hint = hint_label(self)

        grid.addWidget(self.text_edit, 0, 0)
        grid.addWidget(self.responsible, 0, 1)
        grid.addWidget(self.due_edit, 0, 2)
        grid.addWidget(self.calendar_button, 0, 3)
        grid.addWidget(self.status, 0, 4)
        grid.addWidget(self.remove_button, 0, 5)
        grid.addWidget(self.hint, 1, 0, 1, 6)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        self.responsible.setMinimumWidth(150)

        self.bindings: list[TextBinding] = [
            autosaver.bind(self.text_edit, self._save),
            autosaver.bind(line, self._save),
            autosaver.bind(self.due_edit, self._save),
        ]
        self.due_edit.editingFinished.connect(self._tidy_due)
        self.responsible.activated.connect(lambda _i: self._choice_made())
        self.show_view(view)

    # -- showing --------------------------------------------------------------------

    def show_view(self, view: ActionView | None) -> None:
        self.view = view
        target = view.id if view else "new"
        if view is None:
            for binding in self.bindings:
                binding.show(target, "")
            self.status.setEnabled(False)
            return
        responsible = view.responsible_text
        if view.responsible is not None:
            index = self.responsible.findData(view.responsible.id)
            responsible = (
                self.responsible.itemText(index) if index >= 0 else view.responsible.name or ""
            )
        due = format_date(view.due_date, ui_translator().language) if view.due_date else ""
        for binding, text in zip(self.bindings, (view.text, responsible, due), strict=True):
            if not binding.dirty:
                binding.show(target, text)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData(view.status))
        overdue = view.is_overdue(dt.date.today())
        self.status.setItemText(
            self.status.currentIndex(), action_status_label(view.status, overdue=overdue)
        )
        self.status.blockSignals(False)
        self.status.setEnabled(not self.read_only)

    def dirty(self) -> bool:
        return any(b.dirty for b in self.bindings)

    # -- saving ---------------------------------------------------------------------

    def _input(self) -> ActionInput:
        chosen = self.responsible.currentText().strip()
        index = self.responsible.findText(chosen, Qt.MatchFlag.MatchFixedString)
        member_id = self.responsible.itemData(index) if index > 0 and chosen else None
        due: dt.date | None = self.view.due_date if self.view else None
        text = self.due_edit.text()
        if not text.strip():
            due = None
            show_hint(self.hint, None)
        else:
            try:
                due = parse_typed_date(text, self.reference_day)
                show_hint(self.hint, None)
            except InvalidTypedDate as error:
                show_hint(
                    self.hint, _("Due date: {problem}").format(problem=date_problem_text(error))
                )
        return ActionInput(
            self.text_edit.text(),
            member_id,
            "" if member_id is not None else chosen,
            due,
        )

    def _save(self, _target: object, _text: str) -> Change[ActionView] | None:
        """The first write adds the action (an undo step of its own, at once); the later
        ones are edits, joined by the autosaver into one step per field typed in."""
        data = self._input()
        if not data.text.strip():
            return None  # an action needs its text; the old one stays until new text is typed
        db = self.context.database
        if self.view is None:
            added = actions.add_action_undoably(
                db, self.meeting_id, data, agenda_item_id=self.item_id
            )
            self.view = added.value
            for binding in self.bindings:
                binding.target = added.value.id
            self.status.setEnabled(not self.read_only)
            push(self.context, added, self)
            self._on_saved()
            return None
        change = actions.edit_action_undoably(db, self.view.id, data)
        self.view = change.value
        self._on_saved()
        return change

    def _choice_made(self) -> None:
        for binding in self.bindings:
            binding.dirty = True
        self.autosaver.flush()

    def _date_chosen(self, date: QDate) -> None:
        self.due_edit.setText(
            format_date(dt.date(date.year(), date.month(), date.day()), ui_translator().language)
        )
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.hide()
        self.autosaver.flush()
        self.due_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tidy_due(self) -> None:
        self.autosaver.flush()
        if self.view is not None and self.view.due_date and self.hint.isHidden():
            self.bindings[2].show(
                self.view.id, format_date(self.view.due_date, ui_translator().language)
            )

    def _status_chosen(self) -> None:
        if self.view is None or self.read_only:
            return
        self.autosaver.flush()
        status = ActionStatus(self.status.currentData())
        before = self.view.status
        if status is before:
            return
        change = actions.set_action_status_undoably(self.context.database, self.view.id, status)
        self.view = change.value
        self._on_saved()
        push(self.context, change, self)

    def remove(self) -> None:
        if self.read_only:
            return
        if self.view is None:
            self.discard()
            return
        self.autosaver.flush()
        try:
            change = actions.remove_action_undoably(self.context.database, self.view.id)
        except UserError as error:
            self.context.prompter.warn(self, _("Cannot remove"), describe(error))
            return
        self._on_saved()
        push(self.context, change, self)

    def discard(self) -> None:
        """Take the row off the screen (its text already saved, or never typed)."""
        for binding in self.bindings:
            self.autosaver.forget(binding)
        self.setParent(None)
        self.deleteLater()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for edit in (self.text_edit, self.due_edit):
            edit.setReadOnly(read_only)
        for widget in (self.responsible, self.calendar_button, self.status, self.remove_button):
            widget.setEnabled(not read_only)
        if self.view is None:
            self.status.setEnabled(False)
