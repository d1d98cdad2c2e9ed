"""Marking an annual-clock theme from meeting mode (issue 13): a theme item of the agenda offers
"Mark handling…", which opens the annual clock's dialog for that theme and the meeting's
period, so that a theme the meeting ran out of time for is marked moved to the next meeting;
one undo step per mark, and nothing to mark on an approved memo."""

from __future__ import annotations

import datetime as dt

from keyboard import make_editor
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import AgendaItemKind, Role, ThemeHandling
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import annual_clock, approval, meetings, members, periods
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.ui.annual_clock.mark_dialog import ThemeMarkDialog
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.editor import MeetingEditor

THEME = "Turvallisuuskävely"
NO_MARK_TEXT = (
    "Annual clock: no mark. If the meeting does not get to this theme, mark it as "
    "moved to the next meeting."
)


def _meeting(context: AppContext, period: PeriodView, day: dt.date) -> int:
    """A draft meeting whose agenda takes the clock's themes of its month."""
    db = context.database
    if not members.list_members(db, include_former=False):
        members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    return meetings.new_meeting(db, period.id, day).id


def _show_item(editor: MeetingEditor, title: str) -> None:
    """Choose the agenda item ``title`` as the director would in the agenda list."""
    assert editor.memo is not None
    item = next(i for i in editor.memo.agenda if i.title == title)
    for row in range(editor.agenda_list.count()):
        if editor.agenda_list.item(row).data(Qt.ItemDataRole.UserRole) == item.id:
            editor.agenda_list.setCurrentRow(row)
            return
    raise AssertionError(title)


def _open_dialog(editor: MeetingEditor) -> ThemeMarkDialog:
    button = editor.item_editor.mark_button
    assert button.isVisibleTo(editor) and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = editor.item_editor.mark_dialog
    assert dialog is not None, "the button opens the mark dialog"
    return dialog


def test_a_theme_the_meeting_ran_out_of_time_for_is_marked_moved_with_one_undo_step(
    qtbot: QtBot, context: AppContext, window: MainWindow
) -> None:
    db = context.database
    period = periods.current_period(db)
    day = period.start_date + dt.timedelta(days=70)
    theme = annual_clock.add_theme(db, day.month, THEME).id
    editor = make_editor(qtbot, context, _meeting(context, period, day))
    _show_item(editor, THEME)
    items = editor.item_editor
    assert items.clock_summary.text() == _(NO_MARK_TEXT)
    assert items.mark_button.accessibleName()

    dialog = _open_dialog(editor)
    assert dialog.period_id == period.id
    assert not dialog.period_combo.isEnabled()  # the meeting's period only
    assert dialog.no_mark_button.isChecked()
    dialog.choose(ThemeHandling.MOVED)
    dialog.note_edit.setText("ei ehditty")
    steps = context.undo_stack.count()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    mark = annual_clock.theme_mark(db, theme, period.id)
    assert mark is not None
    assert (mark.handling, mark.note) == (ThemeHandling.MOVED, "ei ehditty")
    assert context.undo_stack.count() == steps + 1
    assert context.undo_stack.undoText() == _("mark theme handling")
    moved = _("Annual clock: {handling}").format(
        handling=f"{label(ThemeHandling.MOVED)}: ei ehditty"
    )
    assert items.clock_summary.text() == moved

    window.undo_action.trigger()
    assert annual_clock.theme_mark(db, theme, period.id) is None
    assert items.clock_summary.text() == _(NO_MARK_TEXT)
    window.redo_action.trigger()
    assert annual_clock.theme_mark(db, theme, period.id) == mark
    assert items.clock_summary.text() == moved


def test_the_mark_goes_to_the_meetings_period_not_the_current_one(
    qtbot: QtBot, context: AppContext
) -> None:
    db = context.database
    current = periods.current_period(db)
    previous = periods.add_period(
        db,
        current.start_date.replace(year=current.start_date.year - 1),
        current.start_date - dt.timedelta(days=1),
    )
    day = previous.start_date + dt.timedelta(days=70)
    theme = annual_clock.add_theme(db, day.month, THEME).id
    editor = make_editor(qtbot, context, _meeting(context, previous, day))
    _show_item(editor, THEME)
    dialog = _open_dialog(editor)
    assert dialog.period_id == previous.id
    dialog.choose(ThemeHandling.NOT_HANDLED)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    previous_mark = annual_clock.theme_mark(db, theme, previous.id)
    assert previous_mark is not None
    assert previous_mark.handling is ThemeHandling.NOT_HANDLED
    assert annual_clock.theme_mark(db, theme, current.id) is None


def test_only_an_item_that_carries_a_planned_theme_offers_marking(
    qtbot: QtBot, context: AppContext
) -> None:
    db = context.database
    period = periods.current_period(db)
    day = period.start_date + dt.timedelta(days=70)
    annual_clock.add_theme(db, day.month, THEME)
    meeting_id = _meeting(context, period, day)
    editor = make_editor(qtbot, context, meeting_id)
    assert editor.memo is not None
    opening = next(i for i in editor.memo.agenda if i.kind is AgendaItemKind.OPENING)
    _show_item(editor, opening.title)
    assert not editor.item_editor.clock_row.isVisibleTo(editor)
    assert editor.item_editor.mark_theme() is None
    _show_item(editor, THEME)
    assert editor.item_editor.clock_row.isVisibleTo(editor)
    # the theme is retitled in the clock: the item no longer carries a planned theme
    clock_theme = annual_clock.list_themes(db)[0]
    annual_clock.edit_theme(db, clock_theme.id, "Pihakävely")
    editor.reload()
    assert not editor.item_editor.clock_row.isVisibleTo(editor)
    assert editor.item_editor.mark_theme() is None


def test_an_approved_memo_offers_no_marking(qtbot: QtBot, context: AppContext) -> None:
    db = context.database
    period = periods.current_period(db)
    day = period.start_date + dt.timedelta(days=70)
    theme = annual_clock.add_theme(db, day.month, THEME).id
    meeting_id = _meeting(context, period, day)
    editor = make_editor(qtbot, context, meeting_id)
    _show_item(editor, THEME)
    assert editor.item_editor.mark_button.isEnabled()

    approval.approve_memo(db, meeting_id, approved_by="Aino Ahonen", findings_confirmed=True)
    editor.reload()
    _show_item(editor, THEME)
    assert editor.locked_banner.isVisible()
    assert editor.item_editor.clock_row.isVisibleTo(editor)  # the mark is still told
    assert not editor.item_editor.mark_button.isEnabled()
    steps = context.undo_stack.count()
    assert editor.item_editor.mark_theme() is None
    assert editor.item_editor.mark_dialog is None
    assert context.undo_stack.count() == steps
    assert annual_clock.theme_mark(db, theme, period.id) is None
