"""Where the director writes the annual report's own texts and marks the clock's themes
(issue 13, point 3): the summary, its approval day and the requests to the provider on the
Operating periods screen; how a theme was handled in the current period on the Annual clock
screen. Real widgets on a real unit file; every change is one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from dialogs import fill_with
from keyboard import interactive_widgets, owner, tab_through
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    MeetingStatus,
    Role,
    ThemeHandling,
)
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import annual_clock, periods
from hyvinvointi_app.services.periods import PeriodTexts
from hyvinvointi_app.store.models import AgendaItem, Attendance, Meeting, Member
from hyvinvointi_app.ui.annual_clock.mark_dialog import ThemeMarkDialog
from hyvinvointi_app.ui.annual_clock.model import HANDLING_COLUMN
from hyvinvointi_app.ui.annual_clock.page import AnnualClockPage
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.periods.page import PeriodsPage
from hyvinvointi_app.ui.periods.texts_dialog import PeriodTextsDialog


@pytest.fixture
def periods_page(window: MainWindow) -> PeriodsPage:
    window.show_page("periods")
    shown = window.pages["periods"]
    assert isinstance(shown, PeriodsPage)
    return shown


# -- the Operating periods screen -------------------------------------------------------------


def test_summary_approval_and_requests_are_saved_and_undone(
    periods_page: PeriodsPage,
    context: AppContext,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = context.database
    period = periods.current_period(db)
    approved_on = period.start_date + dt.timedelta(days=290)

    def fill(dialog: PeriodTextsDialog) -> None:
        dialog.summary_edit.setPlainText("Ryhmä kokoontui neljästi.")
        QTest.mouseClick(dialog.approved_check, Qt.MouseButton.LeftButton)
        assert dialog.approved_edit.isEnabled()
        dialog.approved_edit.setDate(approved_on)
        dialog.requests_edit.setPlainText("Pyydämme lisää resursseja.")

    fill_with(monkeypatch, PeriodTextsDialog, fill)
    assert periods_page.texts_button.isEnabled()
    QTest.mouseClick(periods_page.texts_button, Qt.MouseButton.LeftButton)
    saved = PeriodTexts("Ryhmä kokoontui neljästi.", approved_on, "Pyydämme lisää resursseja.")
    assert periods.period_texts(db, period.id) == saved
    assert context.undo_stack.undoText() == _("change summary and requests")
    window.undo_action.trigger()
    assert periods.period_texts(db, period.id) == PeriodTexts()
    window.redo_action.trigger()
    assert periods.period_texts(db, period.id) == saved


def test_the_dialog_opens_with_the_saved_texts_and_an_unchanged_save_records_nothing(
    periods_page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = context.database
    period = periods.current_period(db)
    saved = PeriodTexts("Yhteenveto", None, "Pyyntö")
    periods.set_period_texts(db, period.id, saved)
    seen: list[PeriodTexts] = []

    def look(dialog: PeriodTextsDialog) -> None:
        seen.append(dialog.texts)
        assert not dialog.approved_check.isChecked()
        assert not dialog.approved_edit.isEnabled()

    fill_with(monkeypatch, PeriodTextsDialog, look)
    periods_page.edit_texts()
    assert seen == [saved]
    assert context.undo_stack.count() == 0


def test_approving_an_empty_summary_is_explained_and_saves_nothing(
    periods_page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = context.database
    period = periods.current_period(db)

    def fill(dialog: PeriodTextsDialog) -> None:
        dialog.approved_check.setChecked(True)
        dialog.requests_edit.setPlainText("Pyyntö")

    opened = fill_with(monkeypatch, PeriodTextsDialog, fill)
    periods_page.edit_texts()
    (dialog,) = opened
    assert dialog.result() == 0  # stayed open: nothing typed is lost
    assert dialog.summary_message.isVisibleTo(dialog)
    assert dialog.summary_message.text.text() == _("Write the summary before marking it approved.")
    assert dialog.summary_edit.accessibleDescription() == dialog.summary_message.text.text()
    assert periods.period_texts(db, period.id) == PeriodTexts()
    assert context.undo_stack.count() == 0


def test_an_approval_before_the_period_is_explained_beside_the_date(
    periods_page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    period = periods.current_period(context.database)

    def fill(dialog: PeriodTextsDialog) -> None:
        dialog.summary_edit.setPlainText("Yhteenveto")
        dialog.approved_check.setChecked(True)
        dialog.approved_edit.setDate(period.start_date - dt.timedelta(days=1))

    opened = fill_with(monkeypatch, PeriodTextsDialog, fill)
    periods_page.edit_texts()
    (dialog,) = opened
    assert dialog.approved_message.text.text() == reason_text("outside_period")
    assert periods.period_texts(context.database, period.id) == PeriodTexts()


def test_the_texts_dialog_is_named_and_reachable_by_keyboard(
    qtbot: QtBot, periods_page: PeriodsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page_controls = interactive_widgets(periods_page)
    assert periods_page.texts_button in page_controls
    assert periods_page.texts_button.accessibleName()
    reached_on_page = {
        owner(w) for w in tab_through(qtbot, periods_page.window(), periods_page.add_button)
    }
    assert periods_page.texts_button in reached_on_page
    checked: list[bool] = []

    def inspect(dialog: PeriodTextsDialog) -> None:
        dialog.approved_check.setChecked(True)  # the date field is reachable only when used
        dialog.show()
        controls = interactive_widgets(dialog)
        assert {dialog.approved_check, dialog.approved_edit} <= set(controls)
        for control in [*controls, dialog.summary_edit, dialog.requests_edit]:
            assert control.accessibleName(), control
        reached = {owner(w) for w in tab_through(qtbot, dialog, dialog.summary_edit)}
        assert {
            dialog.summary_edit,
            dialog.approved_check,
            dialog.approved_edit,
            dialog.requests_edit,
        } <= reached
        checked.append(True)
        dialog.reject()

    fill_with(monkeypatch, PeriodTextsDialog, inspect)
    periods_page.edit_texts()
    assert checked == [True]


# -- the Annual clock screen ------------------------------------------------------------------


def _select(page: AnnualClockPage, theme_id: int) -> None:
    page.view.setCurrentIndex(page.model.theme_index(theme_id))


def _handling_text(page: AnnualClockPage, theme_id: int) -> str:
    index = page.model.theme_index(theme_id)
    return str(index.siblingAtColumn(HANDLING_COLUMN).data() or "")


def _open_mark_dialog(page: AnnualClockPage) -> ThemeMarkDialog:
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.mark_dialog
    assert dialog is not None, "Ctrl+M opens the mark dialog"
    return dialog


def test_marking_a_theme_shows_in_the_list_and_is_one_undo_step(
    clock_page: AnnualClockPage, context: AppContext, window: MainWindow
) -> None:
    db = context.database
    period = periods.current_period(db)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    clock_page.refresh()
    _select(clock_page, theme)
    assert clock_page.mark_action.isEnabled()
    assert _handling_text(clock_page, theme) == ""

    dialog = _open_mark_dialog(clock_page)
    assert dialog.no_mark_button.isChecked()
    assert not dialog.note_edit.isEnabled()
    dialog.choose(ThemeHandling.HANDLED_ELSEWHERE)
    dialog.note_edit.setText("henkilöstökokouksessa")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    mark = annual_clock.theme_mark(db, theme, period.id)
    assert mark is not None
    assert (mark.handling, mark.note) == (ThemeHandling.HANDLED_ELSEWHERE, "henkilöstökokouksessa")
    clock_page.refresh()
    assert (
        _handling_text(clock_page, theme)
        == f"{label(ThemeHandling.HANDLED_ELSEWHERE)}: henkilöstökokouksessa"
    )
    assert context.undo_stack.undoText() == _("mark theme handling")
    window.undo_action.trigger()
    assert annual_clock.theme_mark(db, theme, period.id) is None
    clock_page.refresh()
    assert _handling_text(clock_page, theme) == ""
    window.redo_action.trigger()
    assert annual_clock.theme_mark(db, theme, period.id) == mark


def test_no_mark_clears_a_mark(clock_page: AnnualClockPage, context: AppContext) -> None:
    db = context.database
    period = periods.current_period(db)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    annual_clock.set_theme_mark(db, theme, period.id, ThemeHandling.MOVED)
    clock_page.refresh()
    _select(clock_page, theme)
    assert _handling_text(clock_page, theme) == label(ThemeHandling.MOVED)
    dialog = _open_mark_dialog(clock_page)
    assert dialog.buttons_by_handling[ThemeHandling.MOVED].isChecked()
    dialog.choose(None)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert annual_clock.theme_mark(db, theme, period.id) is None
    assert _handling_text(clock_page, theme) == ""
    context.undo_stack.undo()
    assert annual_clock.theme_mark(db, theme, period.id) is not None


def _held_meeting(context: AppContext, day: dt.date, title: str, notes: str) -> None:
    """An approved meeting of the current period with ``title`` on its agenda."""
    db = context.database
    period = periods.current_period(db)
    with db.transaction() as session:
        director = Member(name="Aino Ahonen", role=Role.DIRECTOR)
        session.add(director)
        meeting = Meeting(period_id=period.id, number=1, date=day, status=MeetingStatus.APPROVED)
        session.add(meeting)
        session.flush()
        session.add(
            Attendance(
                meeting_id=meeting.id,
                member_id=director.id,
                role=Role.DIRECTOR,
                status=AttendanceStatus.PRESENT,
            )
        )
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=4,
                kind=AgendaItemKind.THEME,
                title=title,
                theme=title,
                notes=notes,
            )
        )


def test_a_theme_handled_in_a_held_meeting_shows_the_meeting(
    clock_page: AnnualClockPage, context: AppContext
) -> None:
    db = context.database
    period = periods.current_period(db)
    day = period.start_date + dt.timedelta(days=60)
    theme = annual_clock.add_theme(db, day.month, "Turvallisuuskävely").id
    _held_meeting(context, day, "Turvallisuuskävely", "Kävelyn havainnot käytiin läpi.")
    clock_page.refresh()
    expected = _("Meeting {number}").format(number=1) + f" ({day.day}.{day.month}.{day.year})"
    assert _handling_text(clock_page, theme) == expected
    _select(clock_page, theme)
    dialog = _open_mark_dialog(clock_page)
    assert not dialog.meeting_note.isHidden()
    assert dialog.meeting_note.text() == _(
        "This theme was handled in {meetings}. The annual report shows the "
        "meeting, whatever is marked here."
    ).format(meetings=expected)
    dialog.reject()


def test_a_theme_left_empty_on_an_agenda_is_not_handled_and_the_dialog_says_so(
    clock_page: AnnualClockPage, context: AppContext
) -> None:
    db = context.database
    period = periods.current_period(db)
    day = period.start_date + dt.timedelta(days=60)
    theme = annual_clock.add_theme(db, day.month, "Turvallisuuskävely").id
    _held_meeting(context, day, "Turvallisuuskävely", "")
    clock_page.refresh()
    assert _handling_text(clock_page, theme) == ""
    _select(clock_page, theme)
    dialog = _open_mark_dialog(clock_page)
    meeting = _("Meeting {number}").format(number=1) + f" ({day.day}.{day.month}.{day.year})"
    assert not dialog.meeting_note.isHidden()
    assert dialog.meeting_note.text() == _(
        "The theme was on the agenda: {meetings}, but nothing was written under the "
        "item, so it does not count as handled there. Mark here whether it was moved "
        "to the next meeting or not handled."
    ).format(meetings=meeting)
    dialog.choose(ThemeHandling.MOVED)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert _handling_text(clock_page, theme) == label(ThemeHandling.MOVED)


def test_marking_needs_a_theme_and_a_period(
    clock_page: AnnualClockPage, context: AppContext
) -> None:
    db = context.database
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    clock_page.refresh()
    clock_page.view.setCurrentIndex(clock_page.model.month_index(10))
    assert not clock_page.mark_action.isEnabled()
    _select(clock_page, theme)
    assert clock_page.mark_action.isEnabled()
    only = periods.current_period(db)
    periods.clear_current_period(db)
    clock_page.refresh()
    _select(clock_page, theme)
    # no current period: a period is still there to be chosen
    assert clock_page.mark_action.isEnabled()
    dialog = clock_page.mark_theme()
    assert dialog is not None
    assert dialog.period_id == only.id
    dialog.reject()
    periods.remove_period(db, only.id)
    clock_page.refresh()
    _select(clock_page, theme)
    assert not clock_page.mark_action.isEnabled()
    assert clock_page.mark_theme() is None


def test_the_mark_dialog_marks_any_period_and_the_list_keeps_the_current_one(
    clock_page: AnnualClockPage, context: AppContext, window: MainWindow
) -> None:
    """The annual report of the period just ended is written when the next is current."""
    db = context.database
    current = periods.current_period(db)
    previous = periods.add_period(
        db,
        current.start_date.replace(year=current.start_date.year - 1),
        current.start_date - dt.timedelta(days=1),
    )
    older = periods.add_period(
        db,
        current.start_date.replace(year=current.start_date.year - 2),
        previous.start_date - dt.timedelta(days=1),
    )
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    annual_clock.set_theme_mark(db, theme, current.id, ThemeHandling.NOT_HANDLED)
    clock_page.refresh()
    _select(clock_page, theme)
    dialog = _open_mark_dialog(clock_page)

    combo = dialog.period_combo
    assert combo.accessibleName() == _("Operating period")
    assert combo.isEnabled()
    assert [combo.itemData(i) for i in range(combo.count())] == [current.id, previous.id, older.id]
    assert combo.itemText(0) == _("{period} (current)").format(period=current.label)
    assert combo.itemText(1) == previous.label
    assert dialog.period_id == current.id  # the current period first
    assert dialog.buttons_by_handling[ThemeHandling.NOT_HANDLED].isChecked()
    assert current.label in dialog.windowTitle()

    dialog.choose_period(previous.id)  # its own mark shows: none yet
    assert dialog.no_mark_button.isChecked()
    assert not dialog.note_edit.isEnabled()
    assert previous.label in dialog.windowTitle()
    dialog.choose(ThemeHandling.HANDLED_ELSEWHERE)
    dialog.note_edit.setText("henkilöstökokouksessa")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    mark = annual_clock.theme_mark(db, theme, previous.id)
    assert mark is not None
    assert (mark.handling, mark.note) == (ThemeHandling.HANDLED_ELSEWHERE, "henkilöstökokouksessa")
    current_mark = annual_clock.theme_mark(db, theme, current.id)
    assert current_mark is not None
    assert current_mark.handling is ThemeHandling.NOT_HANDLED
    clock_page.refresh()
    assert _handling_text(clock_page, theme) == label(ThemeHandling.NOT_HANDLED)

    assert context.undo_stack.undoText() == _("mark theme handling")
    window.undo_action.trigger()
    assert annual_clock.theme_mark(db, theme, previous.id) is None
    assert annual_clock.theme_mark(db, theme, current.id) == current_mark
    window.redo_action.trigger()
    assert annual_clock.theme_mark(db, theme, previous.id) == mark


def test_the_mark_dialog_is_named_and_reachable_by_keyboard(
    qtbot: QtBot, clock_page: AnnualClockPage, context: AppContext
) -> None:
    theme = annual_clock.add_theme(context.database, 10, "Poistumisharjoitus").id
    clock_page.refresh()
    _select(clock_page, theme)
    mark_button = next(b for b in clock_page.buttons if b.defaultAction() is clock_page.mark_action)
    assert mark_button.accessibleName()
    periods.add_period(context.database, dt.date(2020, 8, 1), dt.date(2021, 7, 31))
    dialog = _open_mark_dialog(clock_page)
    dialog.choose(ThemeHandling.NOT_HANDLED)  # the note is reachable once there is a mark
    controls = interactive_widgets(dialog)
    assert dialog.period_combo in controls
    for control in controls:
        assert control.accessibleName(), control
    reached = {
        owner(w)
        for w in tab_through(qtbot, dialog, dialog.buttons_by_handling[ThemeHandling.NOT_HANDLED])
    }
    assert dialog.period_combo in reached
    assert dialog.note_edit in reached
    assert dialog.buttons.button(dialog.buttons.StandardButton.Save) in reached
    dialog.reject()


def test_removing_a_marked_theme_and_undoing_brings_the_mark_back(
    clock_page: AnnualClockPage, context: AppContext
) -> None:
    db = context.database
    period = periods.current_period(db)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    mark = annual_clock.set_theme_mark(db, theme, period.id, ThemeHandling.MOVED, "joulukuuhun")
    clock_page.refresh()
    _select(clock_page, theme)
    clock_page.remove_theme()
    assert annual_clock.theme_mark(db, theme, period.id) is None
    context.undo_stack.undo()
    assert annual_clock.theme_mark(db, theme, period.id) == mark
