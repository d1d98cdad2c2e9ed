"""The operating periods screen, driven through the real main window on a real unit file.

Dialogs are not run modally: ``PeriodDatesDialog.exec`` is replaced by a function that fills
the open dialog in the way a director would and presses Save, as the real one would return.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dialogs import fill_with
from keyboard import interactive_widgets, owner, tab_through
from prompts import ScriptedPrompter
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QDialogButtonBox,
)
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import PlanType, Role
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import meetings, members, periods, plans
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.periods.carry_forward import CarryForwardDialog
from hyvinvointi_app.ui.periods.dialog import PeriodDatesDialog
from hyvinvointi_app.ui.periods.model import (
    CURRENT,
    LABEL,
    MEETINGS,
    START,
    PeriodRow,
    PeriodTableModel,
)
from hyvinvointi_app.ui.periods.page import PeriodsPage


@pytest.fixture
def page(window: MainWindow) -> PeriodsPage:
    window.show_page("periods")
    shown = window.pages["periods"]
    assert isinstance(shown, PeriodsPage)
    return shown


def rows(context: AppContext) -> list[PeriodView]:
    return periods.list_periods(context.database)


def row_texts(page: PeriodsPage, column: int) -> list[str]:
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_table_shows_each_period_and_marks_the_current_one_in_words(
    page: PeriodsPage, context: AppContext
) -> None:
    (current,) = rows(context)
    meetings.new_meeting(context.database, current.id, current.start_date + dt.timedelta(40))
    page.refresh()
    model = page.model
    assert row_texts(page, LABEL) == [current.label]
    start = current.start_date
    assert row_texts(page, START) == [f"{start.day}.{start.month}.{start.year}"]
    assert row_texts(page, MEETINGS) == ["1"]
    status = model.index(0, CURRENT)
    assert status.data() == pgettext("operating period", "Current")
    assert status.data(Qt.ItemDataRole.DecorationRole) is not None
    assert not page.current_button.isEnabled()


def test_the_model_names_a_period_that_is_not_current() -> None:
    model = PeriodTableModel()
    view = PeriodView(7, "2030-2031", dt.date(2030, 8, 1), dt.date(2031, 7, 31), False)
    model.set_rows([PeriodRow(view, 0)])
    index = model.index(0, CURRENT)
    assert index.data() == ""
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == pgettext(
        "operating period", "Not current"
    )
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(CURRENT, Qt.Orientation.Horizontal) == pgettext(
        "operating period", "Status"
    )


def test_adding_proposes_the_next_default_period_and_undoes(
    page: PeriodsPage, context: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    (existing,) = rows(context)
    next_start = dt.date(existing.end_date.year, 8, 1)
    next_end = dt.date(existing.end_date.year + 1, 7, 31)
    opened = fill_with(monkeypatch, PeriodDatesDialog, lambda dialog: None)
    page.add_button.click()
    (dialog,) = opened
    assert (dialog.start, dialog.end) == (next_start, next_end)
    assert dialog.start_edit.displayFormat() == "d.M.yyyy"
    assert dialog.label_preview.text() == f"{next_start.year}-{next_end.year}"

    added = rows(context)[0]
    assert (added.start_date, added.end_date, added.is_current) == (next_start, next_end, False)
    assert row_texts(page, LABEL) == [added.label, existing.label]
    assert page.selected_period() == added
    assert context.undo_stack.undoText() == _("add operating period")

    context.undo_stack.undo()
    assert rows(context) == [existing]
    assert row_texts(page, LABEL) == [existing.label]
    context.undo_stack.redo()
    assert rows(context) == [added, existing]
    assert row_texts(page, LABEL) == [added.label, existing.label]


def test_an_overlapping_edit_is_shown_beside_the_field_and_saves_nothing(
    page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    (existing,) = rows(context)
    later = periods.add_period(
        context.database,
        dt.date(existing.end_date.year, 8, 1),
        dt.date(existing.end_date.year + 1, 7, 31),
    )
    page.refresh()
    page.select_period(later.id)

    def overlap(dialog: PeriodDatesDialog) -> None:
        dialog.start_edit.setDate(dialog.start_edit.date().addMonths(-3))
        dialog.accept()
        assert dialog.result() == 0
        dialog.reject()

    opened = fill_with(monkeypatch, PeriodDatesDialog, overlap)
    page.edit_button.click()
    (dialog,) = opened
    assert dialog.start_message.isVisibleTo(dialog)
    assert dialog.start_message.text.text() == reason_text("overlaps")
    assert dialog.start_edit.accessibleDescription() == reason_text("overlaps")
    assert not dialog.end_message.isVisibleTo(dialog)
    assert rows(context) == [later, existing]
    assert context.undo_stack.count() == 0


def test_a_meeting_left_outside_is_explained_beside_the_end_date(
    page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    (existing,) = rows(context)
    meetings.new_meeting(context.database, existing.id, existing.end_date - dt.timedelta(10))

    def shorten(dialog: PeriodDatesDialog) -> None:
        dialog.end_edit.setDate(dialog.end_edit.date().addMonths(-2))
        dialog.accept()
        dialog.reject()

    opened = fill_with(monkeypatch, PeriodDatesDialog, shorten)
    page.edit_button.click()
    assert opened[0].end_message.isVisibleTo(opened[0])
    assert opened[0].end_message.text.text() == reason_text("meetings_outside")
    assert rows(context) == [existing]


def test_editing_dates_is_one_undo_step(
    page: PeriodsPage, context: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    (before,) = rows(context)
    new_start = dt.date(before.start_date.year, 9, 1)
    new_end = dt.date(before.start_date.year + 1, 6, 30)

    def change(dialog: PeriodDatesDialog) -> None:
        dialog.set_dates(new_start, new_end)

    fill_with(monkeypatch, PeriodDatesDialog, change)
    QTest.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a row opens its dates
    (after,) = rows(context)
    assert (after.id, after.start_date, after.end_date) == (before.id, new_start, new_end)
    assert context.undo_stack.undoText() == _("change period dates")
    assert window.undo_action.text() == _("&Undo {action}").format(action=_("change period dates"))
    window.undo_action.trigger()
    assert rows(context) == [before]
    assert row_texts(page, START)[0] == f"1.8.{before.start_date.year}"
    window.redo_action.trigger()
    assert rows(context) == [after]
    assert row_texts(page, START)[0] == f"1.9.{before.start_date.year}"


def test_unchanged_dates_make_no_undo_step(
    page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_with(monkeypatch, PeriodDatesDialog, lambda dialog: None)
    page.edit_button.click()
    assert context.undo_stack.count() == 0


def test_making_another_period_current_and_undoing_it(
    qtbot: QtBot, page: PeriodsPage, context: AppContext, window: MainWindow
) -> None:
    (first,) = rows(context)
    older = periods.add_period(
        context.database,
        dt.date(first.start_date.year - 1, 8, 1),
        dt.date(first.start_date.year, 7, 31),
    )
    page.refresh()
    page.select_period(older.id)
    assert page.current_button.isEnabled()
    QTest.mouseClick(page.current_button, Qt.MouseButton.LeftButton)
    assert periods.current_period(context.database).id == older.id
    assert page.model.index(1, CURRENT).data() == pgettext("operating period", "Current")
    assert page.model.index(0, CURRENT).data() == ""
    assert not page.current_button.isEnabled()
    assert context.undo_stack.undoText() == _("choose current period")

    window.undo_action.trigger()
    assert periods.current_period(context.database).id == first.id
    assert page.model.index(0, CURRENT).data() == pgettext("operating period", "Current")
    context.undo_stack.redo()
    assert periods.current_period(context.database).id == older.id


def test_every_control_is_named_and_reachable_by_keyboard(
    qtbot: QtBot, page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    periods.add_period(
        context.database, *periods.propose_next_period(context.database)
    )  # a non-current row, so that every button is enabled
    page.refresh()
    page.select_period(rows(context)[0].id)
    controls = interactive_widgets(page)
    assert {page.add_button, page.edit_button, page.current_button, page.table} <= set(controls)
    for control in controls:
        assert control.accessibleName(), control
    window = page.window()
    visited = {owner(w) for w in tab_through(qtbot, window, page.add_button)}
    assert set(controls) <= visited

    checked: list[PeriodDatesDialog] = []

    def look(dialog: PeriodDatesDialog) -> None:
        dialog.show()
        qtbot.waitExposed(dialog)
        inside = interactive_widgets(dialog)
        for control in inside:
            assert control.accessibleName(), control
        reached = {owner(w) for w in tab_through(qtbot, dialog, dialog.start_edit)}
        assert set(inside) <= reached
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None and buttons.buttons()[0] in inside
        checked.append(dialog)
        dialog.reject()

    fill_with(monkeypatch, PeriodDatesDialog, look)
    page.add_button.click()
    assert checked


def test_a_new_period_offers_the_previous_ones_dates_and_undo_takes_them_back(
    page: PeriodsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = context.database
    (existing,) = rows(context)
    review = existing.start_date + dt.timedelta(days=100)
    plan = plans.add_plan(
        db, PlanInput(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma", next_review_due=review)
    )
    guardian = members.add_member(
        db,
        MemberInput(
            "Liisa Mäkelä",
            Role.GUARDIAN_REPRESENTATIVE,
            term_start=existing.start_date,
            term_end=existing.end_date,
        ),
    )
    fill_with(monkeypatch, PeriodDatesDialog, lambda dialog: None)

    def offer_the_member_unticked(dialog: CarryForwardDialog) -> None:
        shown.append(dialog)
        assert dialog.tree.topLevelItemCount() == 3  # plans, members, the clock
        plan_row = dialog.tree.topLevelItem(0).child(0)
        member_row = dialog.tree.topLevelItem(1).child(0)
        assert plan_row.checkState(0) is Qt.CheckState.Checked
        assert member_row.checkState(0) is Qt.CheckState.Unchecked  # offered, not assumed

    shown: list[CarryForwardDialog] = []
    fill_with(monkeypatch, CarryForwardDialog, offer_the_member_unticked)
    page.add_button.click()
    assert shown, "adding a period offers to carry the previous one forward"
    moved = dt.date(review.year + 1, review.month, review.day)
    assert plans.get_plan(db, plan.id).next_review_due == moved
    assert members.get_member(db, guardian.id).term_end == existing.end_date
    label = rows(context)[0].label
    assert context.undo_stack.undoText() == _("carry forward into {period}").format(period=label)
    context.undo_stack.undo()
    assert plans.get_plan(db, plan.id).next_review_due == review
    context.undo_stack.redo()
    assert plans.get_plan(db, plan.id).next_review_due == moved


def test_start_from_the_previous_one_says_so_when_nothing_is_left_behind(page: PeriodsPage) -> None:
    page.context.prompter = prompter = ScriptedPrompter()
    page.carry_button.click()
    assert [(p.kind, p.title) for p in prompter.prompts] == [
        ("inform", _("Nothing to carry forward"))
    ]
