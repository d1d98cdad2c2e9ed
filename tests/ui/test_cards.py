"""The result cards screen, driven through real widgets on a real unit file.

Dialogs are not run modally: their ``exec`` is replaced by a function that fills them in
(as a user would) and presses OK.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from dialogs import fill_with
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import PlanType, ResultCardStatus, Role
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import meetings, members, periods, plans, result_cards
from hyvinvointi_app.services.evaluations import EvaluationInput, record_evaluation
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.services.result_cards import CardInput, CheckpointInput
from hyvinvointi_app.ui.autosave import DEADLINE_MS, PAUSE_MS
from hyvinvointi_app.ui.cards.dialogs import CheckpointDialog, NewCardDialog, RecordValueDialog
from hyvinvointi_app.ui.cards.model import DUE, RECORDED, RESPONSIBLE, VALUE, WHAT
from hyvinvointi_app.ui.cards.page import CardsPage
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.editor import MeetingEditor

AREAS = "Pihan portin salpa korjataan.\nSijaisten perehdytys turvallisuusohjeisiin."
Typist = Callable[[QWidget, str], None]
WRITE_WAIT = max(PAUSE_MS, DEADLINE_MS) + 2000


@pytest.fixture
def page(window: MainWindow) -> CardsPage:
    window.show_page("cards")
    shown = window.pages["cards"]
    assert isinstance(shown, CardsPage)
    return shown


@pytest.fixture
def card_from_area(context: AppContext) -> int:
    """A card made from a development area of the safety plan's evaluation."""
    db = context.database
    plan = plans.add_plan(
        db, PlanInput(PlanType.SAFETY_RESCUE, "Turvallisuus- ja pelastussuunnitelma")
    )
    evaluation = record_evaluation(
        db, plan.id, EvaluationInput(date=dt.date.today(), development_areas=AREAS)
    )
    return result_cards.create_card_from_development_area(
        db, evaluation.id, "Sijaisten perehdytys turvallisuusohjeisiin."
    ).id


def cell(page: CardsPage, row: int, column: int) -> str:
    return str(page.checkpoint_model.index(row, column).data())


def leave(page: CardsPage) -> None:
    """Move the cursor out of the field being typed in (as Tab would)."""
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()


def test_a_card_created_from_a_development_area_opens_selected(
    window: MainWindow, context: AppContext, card_from_area: int
) -> None:
    other = result_cards.create_card(context.database, CardInput("Lepohetken rauhallisuus"))
    window.show_page("overview")

    context.open_requested.emit("cards", card_from_area)

    page = window.pages["cards"]
    assert isinstance(page, CardsPage)
    assert window.current_page_key() == "cards"
    assert page.selected_card_id() == card_from_area
    assert page.card is not None and page.card.id == card_from_area
    assert page.texts["what_to_change"].toPlainText() == (
        "Sijaisten perehdytys turvallisuusohjeisiin."
    )
    assert "Turvallisuus- ja pelastussuunnitelma" in page.origin_label.text()
    assert page.model.rowCount() == 2 and page.model.row_of(other.id) is not None

    # a reached card is shown too: the filter follows it
    result_cards.set_card_status(context.database, other.id, ResultCardStatus.REACHED)
    context.open_requested.emit("cards", other.id)
    assert page.status_filter() is ResultCardStatus.REACHED
    assert page.selected_card_id() == other.id


def test_edit_fields_each_save_is_one_undo_step(
    page: CardsPage, context: AppContext, card_from_area: int, typist: Typist
) -> None:
    page.show_item(card_from_area)
    db = context.database
    current = page.texts["current_state"]
    current.setFocus()
    typist(current, "Sijaiset eivät tiedä kokoontumispaikkaa")
    target = page.texts["target_state"]
    target.setFocus()  # leaving the field saves it
    QApplication.processEvents()
    assert result_cards.get_card(db, card_from_area).current_state == (
        "Sijaiset eivät tiedä kokoontumispaikkaa"
    )
    typist(target, "Jokainen sijainen perehdytetään ensimmäisenä päivänä")
    page.texts["indicator"].setFocus()
    QApplication.processEvents()
    typist(page.texts["indicator"], "Perehdytyslomakkeet kuukausittain")
    leave(page)
    card = result_cards.get_card(db, card_from_area)
    assert card.target_state == "Jokainen sijainen perehdytetään ensimmäisenä päivänä"
    assert card.indicator == "Perehdytyslomakkeet kuukausittain"
    assert context.undo_stack.count() == 3
    assert context.undo_stack.undoText() == _("edit result card")

    context.undo_stack.undo()
    assert result_cards.get_card(db, card_from_area).indicator == ""
    assert page.texts["indicator"].toPlainText() == ""
    context.undo_stack.undo()
    assert result_cards.get_card(db, card_from_area).target_state == ""
    context.undo_stack.redo()
    assert page.texts["target_state"].toPlainText() == (
        "Jokainen sijainen perehdytetään ensimmäisenä päivänä"
    )


def test_emptying_what_to_change_is_refused_in_words(
    page: CardsPage, context: AppContext, card_from_area: int, typist: Typist
) -> None:
    page.show_item(card_from_area)
    stored = result_cards.get_card(context.database, card_from_area).what_to_change
    what = page.texts["what_to_change"]
    what.setFocus()
    what.selectAll()
    QTest.keyClick(what, Qt.Key.Key_Delete)
    leave(page)
    assert page.message.isVisible() and page.message.text.text()
    assert result_cards.get_card(context.database, card_from_area).what_to_change == stored
    assert context.undo_stack.count() == 0
    # the field stays as typed and unsaved (closing would ask), and nothing says "saved"
    assert what.toPlainText() == "" and page.unsaved_text() is not None
    # another card is not shown over the text that waits
    other = result_cards.create_card(context.database, CardInput("Lepohetken rauhallisuus"))
    page.refresh()
    page.table.choose(other.id)
    assert page.card is not None and page.card.id == card_from_area
    # corrected, it is saved, and the message goes
    what.setFocus()
    typist(what, "Sijaisten perehdytys")
    leave(page)
    assert page.unsaved_text() is None and page.message.isHidden()
    assert result_cards.get_card(context.database, card_from_area).what_to_change == (
        "Sijaisten perehdytys"
    )
    assert context.undo_stack.count() == 1


def test_add_a_checkpoint_and_record_its_value(
    page: CardsPage,
    context: AppContext,
    card_from_area: int,
    monkeypatch: pytest.MonkeyPatch,
    typist: Typist,
) -> None:
    db = context.database
    nurse = members.add_member(db, MemberInput("Terhi Terveydenhoitaja", Role.PUBLIC_HEALTH_NURSE))
    page.show_item(card_from_area)
    assert page.no_checkpoints.isVisibleTo(page) and not page.checkpoints.isVisibleTo(page)
    due = dt.date.today() + dt.timedelta(days=30)

    def add(dialog: CheckpointDialog) -> None:
        dialog.date_edit.setDate(dialog.date_edit.date().addDays(-30))
        index = dialog.member_combo.findData(nurse.id)
        assert index > 0
        dialog.member_combo.setCurrentIndex(index)

    fill_with(monkeypatch, CheckpointDialog, add)
    page.add_checkpoint_button.click()
    card = result_cards.get_card(db, card_from_area)
    assert [(c.due_date, c.responsible_id) for c in card.checkpoints] == [(due, nurse.id)]
    assert cell(page, 0, RESPONSIBLE) == "Terhi Terveydenhoitaja"
    assert context.undo_stack.undoText() == _("add checkpoint")

    def value(dialog: RecordValueDialog) -> None:
        typist(dialog.note_edit, "12/12 sijaista perehdytetty")

    opened = fill_with(monkeypatch, RecordValueDialog, value)
    page.checkpoints.setFocus()
    QTest.keyClick(page.checkpoints, Qt.Key.Key_Return)  # the quick action
    assert len(opened) == 1
    point = result_cards.get_card(db, card_from_area).checkpoints[0]
    assert point.value_note == "12/12 sijaista perehdytetty"
    assert point.recorded_on == dt.date.today()
    assert cell(page, 0, VALUE) == "12/12 sijaista perehdytetty"
    assert cell(page, 0, RECORDED) != ""

    context.undo_stack.undo()  # the value
    assert not result_cards.get_card(db, card_from_area).checkpoints[0].is_recorded
    assert cell(page, 0, VALUE) == ""
    context.undo_stack.undo()  # the checkpoint
    assert result_cards.get_card(db, card_from_area).checkpoints == ()
    context.undo_stack.redo()
    context.undo_stack.redo()
    again = result_cards.get_card(db, card_from_area).checkpoints
    assert [(c.id, c.value_note) for c in again] == [(point.id, "12/12 sijaista perehdytetty")]


def test_edit_and_remove_a_checkpoint(
    page: CardsPage, context: AppContext, card_from_area: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = context.database
    point = result_cards.add_checkpoint(db, card_from_area, CheckpointInput(dt.date(2027, 1, 15)))
    page.show_item(card_from_area)
    assert page.selected_checkpoint() == point

    def edit(dialog: CheckpointDialog) -> None:
        dialog.other_edit.setText("Koko henkilosto")

    fill_with(monkeypatch, CheckpointDialog, edit)
    page.edit_checkpoint_button.click()
    assert cell(page, 0, RESPONSIBLE) == "Koko henkilosto"
    assert cell(page, 0, DUE) == "15.1.2027"
    page.remove_checkpoint_button.click()
    assert result_cards.get_card(db, card_from_area).checkpoints == ()
    context.undo_stack.undo()
    assert result_cards.get_card(db, card_from_area).checkpoints[0].responsible_text == (
        "Koko henkilosto"
    )
    context.undo_stack.undo()
    assert result_cards.get_card(db, card_from_area).checkpoints == (point,)


def test_change_status_moves_the_card_and_undo_brings_it_back(
    page: CardsPage, context: AppContext, card_from_area: int
) -> None:
    db = context.database
    page.show_item(card_from_area)
    assert page.status_filter() is ResultCardStatus.ACTIVE  # the default
    combo = page.status_combo
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # a keyboard choice activates
    card = result_cards.get_card(db, card_from_area)
    assert card.status is ResultCardStatus.REACHED and card.closed_on == dt.date.today()
    assert page.status_filter() is ResultCardStatus.REACHED
    assert page.selected_card_id() == card_from_area
    assert context.undo_stack.undoText() == _("change result card status")
    assert str(page.model.index(0, 1).data()) == label(ResultCardStatus.REACHED)

    context.undo_stack.undo()
    card = result_cards.get_card(db, card_from_area)
    assert card.status is ResultCardStatus.ACTIVE and card.closed_on is None
    assert page.status_filter() is ResultCardStatus.ACTIVE
    assert page.status_combo.currentData() == ResultCardStatus.ACTIVE.value


def test_new_card_and_remove_card_are_undoable(
    page: CardsPage, context: AppContext, monkeypatch: pytest.MonkeyPatch, typist: Typist
) -> None:
    db = context.database
    assert page.empty_label.isVisibleTo(page) and not page.editor.isVisibleTo(page)

    def refused_then_named(dialog: NewCardDialog) -> None:
        dialog.accept()  # empty: refused in the dialog, which stays open
        assert dialog.result() == 0 and dialog.message.text.text()
        typist(dialog.what_edit, "Välituntien valvonta")

    fill_with(monkeypatch, NewCardDialog, refused_then_named)
    page.new_button.click()
    [card] = result_cards.list_cards(db)
    assert card.what_to_change == "Välituntien valvonta"
    assert page.selected_card_id() == card.id
    assert str(page.model.index(0, WHAT).data()) == "Välituntien valvonta"

    page.remove_button.click()
    assert result_cards.list_cards(db) == []
    context.undo_stack.undo()
    assert [c.id for c in result_cards.list_cards(db)] == [card.id]
    context.undo_stack.undo()
    assert result_cards.list_cards(db) == []


def test_discussions_list_meetings_and_open_them(
    page: CardsPage, context: AppContext, card_from_area: int, window: MainWindow
) -> None:
    db = context.database
    period = periods.current_period(db)
    result_cards.add_checkpoint(
        db, card_from_area, CheckpointInput(period.start_date + dt.timedelta(days=20))
    )
    memo = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=10))
    page.show_item(card_from_area)
    assert page.discussions.count() == 1
    text = page.discussions.item(0).text()
    assert text.startswith(
        _("Meeting {number}, {date}: {title}").split("{", 1)[0] + str(memo.number)
    )
    opened: list[tuple[str, int]] = []
    context.open_requested.connect(lambda key, item: opened.append((key, item)))
    page.discussions.setFocus()
    QTest.keyClick(page.discussions, Qt.Key.Key_Return)
    assert opened == [("meetings", memo.id)]


def test_typed_text_is_saved_when_the_screen_is_left(
    page: CardsPage, window: MainWindow, context: AppContext, card_from_area: int, typist: Typist
) -> None:
    page.show_item(card_from_area)
    measures = page.texts["measures"]
    measures.setFocus()
    typist(measures, "Perehdytyskansio taukotilaan")
    window.show_page("overview")
    QApplication.processEvents()
    assert result_cards.get_card(context.database, card_from_area).measures == (
        "Perehdytyskansio taukotilaan"
    )


def test_agenda_item_editor_links_and_unlinks_cards(
    window: MainWindow, context: AppContext, card_from_area: int
) -> None:
    db = context.database
    period = periods.current_period(db)
    point = period.start_date + dt.timedelta(days=20)
    result_cards.add_checkpoint(db, card_from_area, CheckpointInput(point))
    other = result_cards.create_card(db, CardInput("Lepohetken rauhallisuus")).id
    memo = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=10))
    proposed = next(
        i for i in memo.agenda if i.id in result_cards.get_card(db, card_from_area).discussed_in
    )
    opening = memo.agenda[0]

    editor = MeetingEditor(context, memo.id)
    window.hide()
    editor.show()
    panel = editor.item_editor.card_links
    editor.focus_item(proposed.id)
    QApplication.processEvents()
    assert panel.isVisibleTo(editor)
    assert [panel.linked.item(i).text() for i in range(panel.linked.count())] == [
        "Sijaisten perehdytys turvallisuusohjeisiin."
    ]
    assert [panel.choice.itemData(i) for i in range(panel.choice.count())] == [other]

    editor.focus_item(opening.id)
    QApplication.processEvents()
    assert panel.none_label.isVisibleTo(editor) and not panel.unlink_button.isEnabled()
    panel.choice.setCurrentIndex(panel.choice.findData(other))
    panel.link_button.click()
    assert [c.id for c in result_cards.cards_for_agenda_item(db, opening.id)] == [other]
    assert context.undo_stack.undoText() == _("link result card")
    panel.unlink_button.click()
    assert result_cards.cards_for_agenda_item(db, opening.id) == []
    context.undo_stack.undo()
    assert [c.id for c in result_cards.cards_for_agenda_item(db, opening.id)] == [other]
    context.undo_stack.undo()
    assert result_cards.cards_for_agenda_item(db, opening.id) == []

    opened: list[tuple[str, int]] = []
    context.open_requested.connect(lambda key, item: opened.append((key, item)))
    editor.focus_item(proposed.id)
    QApplication.processEvents()
    panel.open_button.click()
    assert opened == [("cards", card_from_area)]
    editor.close()


def test_overview_lists_checkpoints_with_a_link_to_each_card(
    window: MainWindow, context: AppContext, card_from_area: int
) -> None:
    db = context.database
    today = dt.date.today()
    missed = result_cards.add_checkpoint(
        db, card_from_area, CheckpointInput(today - dt.timedelta(days=3))
    )
    other = result_cards.create_card(
        db, CardInput("Lepohetken rauhallisuus"), [CheckpointInput(today + dt.timedelta(days=10))]
    )
    result_cards.create_card(
        db, CardInput("Kaukana"), [CheckpointInput(today + dt.timedelta(days=200))]
    )
    window.show_page("members")
    window.show_page("overview")
    page = window.pages["overview"]
    figures = {f.key: f for f in page.figures}  # type: ignore[attr-defined]
    assert figures["checkpoints"].attention  # one was missed
    assert figures["checkpoints"].text.startswith("2")
    line = page.findChild(QLabel, f"checkpoint_{missed.id}")
    assert line is not None and "Sijaisten perehdytys" in line.text()
    link = page.findChild(QPushButton, f"link_checkpoint_{other.checkpoints[0].id}")
    assert link is not None and "Lepohetken rauhallisuus" in link.accessibleName()
    link.click()
    assert window.current_page_key() == "cards"
    cards = window.pages["cards"]
    assert isinstance(cards, CardsPage) and cards.selected_card_id() == other.id


def test_an_open_card_is_named_and_reachable_for_a_screen_reader(
    page: CardsPage, context: AppContext, card_from_area: int
) -> None:
    db = context.database
    period = periods.current_period(db)
    result_cards.add_checkpoint(
        db, card_from_area, CheckpointInput(period.start_date + dt.timedelta(days=20))
    )
    meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=10))
    page.show_item(card_from_area)
    QApplication.processEvents()
    controls = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w, QScrollBar)
        and not (
            isinstance(w.parentWidget(), QAbstractScrollArea) and w is w.parentWidget().viewport()  # type: ignore[union-attr]
        )
    ]
    assert page.discussions in controls and page.checkpoints in controls
    assert [type(w).__name__ for w in controls if not w.accessibleName().strip()] == []
    start = page.filter_combo
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached = set()
    for _step in range(3 * len(controls)):
        focused = QApplication.focusWidget()
        if focused is not None:
            reached.add(focused)
        QTest.keyClick(focused or page, Qt.Key.Key_Tab)
    assert set(controls) <= reached


def test_a_result_card_field_is_saved_while_typing_and_undone_as_one_step(
    qtbot: QtBot,
    context: AppContext,
    page: CardsPage,
    card_from_area: int,
    typist: Typist,
) -> None:
    db = context.database
    page.show_item(card_from_area)
    measures = page.texts["measures"]
    measures.setFocus()
    # saved on a pause, before the cursor leaves the field (a flat battery loses nothing)
    with qtbot.waitSignal(page.autosaver.saved, timeout=WRITE_WAIT):
        typist(measures, "Perehdytyskansio")
    assert result_cards.get_card(db, card_from_area).measures == "Perehdytyskansio"
    with qtbot.waitSignal(page.autosaver.saved, timeout=WRITE_WAIT):
        typist(measures, " taukotilaan")
    assert context.undo_stack.count() == 0

    leave(page)
    assert context.undo_stack.count() == 1
    assert context.undo_stack.undoText() == _("edit result card")
    context.undo_stack.undo()
    assert result_cards.get_card(db, card_from_area).measures == ""
    assert measures.toPlainText() == ""


def test_typing_that_ends_where_it_began_is_no_undo_step(
    qtbot: QtBot,
    context: AppContext,
    page: CardsPage,
    card_from_area: int,
    typist: Typist,
) -> None:
    page.show_item(card_from_area)
    measures = page.texts["measures"]
    measures.setFocus()
    with qtbot.waitSignal(page.autosaver.saved, timeout=WRITE_WAIT):
        typist(measures, "x")
    with qtbot.waitSignal(page.autosaver.saved, timeout=WRITE_WAIT):
        QTest.keyClick(measures, Qt.Key.Key_Backspace)
    leave(page)
    assert context.undo_stack.count() == 0
