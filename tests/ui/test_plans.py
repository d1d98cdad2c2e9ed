"""The plans screen and the evaluation form, driven through the real main window on a real
unit file: register a plan, evaluate it from a meeting's agenda item (linked both ways),
turn a development area into a result card, and read a plan's history over two periods.

Dialogs are not run modally: their ``exec`` is replaced by a function that fills the open
dialog as a director would (by keyboard) and presses Save, returning what the real one would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    ChecklistAnswer,
    EvaluationMethod,
    PlanType,
    Role,
)
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import agenda, evaluations, meetings, periods, plans, result_cards
from hyvinvointi_app.services.evaluations import EvaluationInput
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.plans.actions import AreaChoiceDialog
from hyvinvointi_app.ui.plans.evaluation_dialog import EvaluationDialog
from hyvinvointi_app.ui.plans.history import RECURRING_MARK
from hyvinvointi_app.ui.plans.model import NAME, REVIEW
from hyvinvointi_app.ui.plans.page import PlansPage
from hyvinvointi_app.ui.plans.plan_dialog import PlanDialog

Typist = Callable[[QWidget, str], None]
D = TypeVar("D", bound=QDialog)


@pytest.fixture
def page(window: MainWindow) -> PlansPage:
    window.show_page("plans")
    shown = window.pages["plans"]
    assert isinstance(shown, PlansPage)
    return shown


def fill_with(
    monkeypatch: pytest.MonkeyPatch, kind: type[D], filler: Callable[[D], None]
) -> list[D]:
    """Make the next dialogs of ``kind`` be filled in by ``filler``; returns them as opened."""
    opened: list[D] = []

    def fake_exec(dialog: D) -> int:
        opened.append(dialog)
        dialog.show()
        dialog.activateWindow()
        QApplication.processEvents()
        filler(dialog)
        return dialog.result()

    monkeypatch.setattr(kind, "exec", fake_exec)
    return opened


def save(dialog: QDialog) -> None:
    """Press Save (Enter on the focused Save button)."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)


def retype(typist: Typist, widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    typist(widget, text)


def choose(combo: QWidget, data: object) -> None:
    """Pick a combo box entry by keyboard: focus it and press Down until it is chosen."""
    combo.setFocus()
    for _step in range(combo.count()):  # type: ignore[attr-defined]
        if combo.currentData() == data:  # type: ignore[attr-defined]
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data  # type: ignore[attr-defined]


def cell_texts(page: PlansPage, column: int) -> list[str]:
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


# --- the register ------------------------------------------------------------------------


def test_register_a_plan_with_field_messages_and_undo(
    page: PlansPage, context: AppContext, monkeypatch: pytest.MonkeyPatch, typist: Typist
) -> None:
    assert page.empty_label.isVisibleTo(page)
    messages: list[str] = []

    def fill(dialog: PlanDialog) -> None:
        choose(dialog.type_combo, PlanType.SAFETY_RESCUE.value)
        retype(typist, dialog.review_edit, "31.2.")
        save(dialog)  # no name, no such day: both said next to their fields
        messages.append(dialog.messages["name"].text.text())
        messages.append(dialog.messages["next_review_due"].text.text())
        assert dialog.result() == 0 and QApplication.focusWidget() is dialog.name_edit
        typist(dialog.name_edit, "Pelastussuunnitelma")
        retype(typist, dialog.version_edit, "2026")
        retype(typist, dialog.owner_edit, "Johtaja")
        retype(typist, dialog.approved_edit, "15.8.2025")
        retype(typist, dialog.review_edit, "1.2.2026")  # already passed: overdue
        retype(typist, dialog.location_edit, "Intranet, turvallisuuskansio")
        save(dialog)

    fill_with(monkeypatch, PlanDialog, fill)
    page.add_button.setFocus()
    QTest.keyClick(page.add_button, Qt.Key.Key_Space)

    assert messages == [reason_text("required"), _("There is no such day in the calendar.")]
    (plan,) = plans.list_plans(context.database)
    assert (plan.type, plan.name, plan.version, plan.owner) == (
        PlanType.SAFETY_RESCUE,
        "Pelastussuunnitelma",
        "2026",
        "Johtaja",
    )
    assert plan.approved_on == dt.date(2025, 8, 15)
    assert plan.document_location == "Intranet, turvallisuuskansio"
    assert cell_texts(page, NAME) == ["Pelastussuunnitelma"]
    due = format_date(dt.date(2026, 2, 1), "fi")
    assert cell_texts(page, REVIEW) == [_("{date} — overdue").format(date=due)]
    assert page.selected_plan() == plan

    context.undo_stack.undo()
    assert plans.list_plans(context.database) == []
    context.undo_stack.redo()
    assert plans.list_plans(context.database) == [plan]

    page.select_plan(plan.id)
    page.archive_button.click()
    assert plans.list_plans(context.database) == []
    assert cell_texts(page, NAME) == []
    context.undo_stack.undo()
    assert cell_texts(page, NAME) == ["Pelastussuunnitelma"]


def test_custom_plan_takes_own_questions_that_the_evaluation_asks(
    page: PlansPage, context: AppContext, monkeypatch: pytest.MonkeyPatch, typist: Typist
) -> None:
    def fill(dialog: PlanDialog) -> None:
        assert not dialog.questions_edit.isVisibleTo(dialog)  # the first type is not custom
        choose(dialog.type_combo, PlanType.CUSTOM.value)
        assert dialog.questions_edit.isVisibleTo(dialog)
        typist(dialog.name_edit, "Laatukortti")
        dialog.questions_edit.setFocus()
        typist(dialog.questions_edit, "Onko kortti käyty läpi?")
        save(dialog)

    fill_with(monkeypatch, PlanDialog, fill)
    page.add_plan()
    (plan,) = plans.list_plans(context.database)
    assert plan.custom_questions == ("Onko kortti käyty läpi?",)

    asked: list[list[str]] = []
    fill_with(
        monkeypatch,
        EvaluationDialog,
        lambda dialog: asked.append([r.label.text() for r in dialog.checklist_rows]),
    )
    page.evaluate_button.click()
    assert asked == [["Onko kortti käyty läpi?"]]


# --- evaluating from a meeting's agenda item ---------------------------------------------


def test_evaluate_a_plan_from_an_agenda_item_linked_both_ways(
    window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch, typist: Typist
) -> None:
    db = context.database
    plan = plans.add_plan(db, PlanInput(PlanType.ANTI_BULLYING, "Kiusaamisen ehkäisyn malli"))
    period = periods.current_period(db)
    meeting = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=40))
    item = agenda.add_item(db, meeting.id, "Kiusaamisen ehkäisy", kind=AgendaItemKind.THEME)
    window.show_page("meetings")
    window.pages["meetings"].open_meeting(meeting.id, item.id)  # type: ignore[attr-defined]
    editor = window.pages["meetings"].editor  # type: ignore[attr-defined]
    item_editor = editor.item_editor
    QApplication.processEvents()
    assert item_editor.item.id == item.id
    assert not item_editor.evaluation_row.isVisibleTo(item_editor)  # no plan yet
    choose(item_editor.plan_combo, plan.id)  # the item names the plan: it can be evaluated
    QApplication.processEvents()
    assert agenda.get_item(db, item.id).plan_id == plan.id
    assert item_editor.evaluation_row.isVisibleTo(item_editor)

    links: list[str] = []

    def fill(dialog: EvaluationDialog) -> None:
        links.append(dialog.link_label.text())
        assert not dialog.meeting_combo.isEnabled()  # the item's meeting, fixed
        assert dialog.meeting_combo.currentData() == meeting.id
        assert dialog.date_edit.text() == format_date(meeting.date, "fi")
        dialog.method_boxes[EvaluationMethod.GUARDIAN_SURVEY].setFocus()
        QTest.keyClick(dialog.method_boxes[EvaluationMethod.GUARDIAN_SURVEY], Qt.Key.Key_Space)
        QTest.keyClick(dialog.role_boxes[Role.DIRECTOR], Qt.Key.Key_Space)
        dialog.strengths_edit.setFocus()
        typist(dialog.strengths_edit, "Malli on tuttu.")
        dialog.areas_edit.setFocus()
        typist(dialog.areas_edit, "- Huoltajien tiedottaminen")
        keys = [row.question.key for row in dialog.checklist_rows]
        assert keys == ["staff_inducted", "follow_up_data_reviewed", "guardians_informed"]
        choose(dialog.checklist_rows[0].answer, ChecklistAnswer.YES.value)
        choose(dialog.checklist_rows[2].answer, ChecklistAnswer.PARTLY.value)
        typist(dialog.checklist_rows[2].note, "Syksyn vanhempainilta")
        save(dialog)

    fill_with(monkeypatch, EvaluationDialog, fill)
    item_editor.evaluate_button.setFocus()
    QTest.keyClick(item_editor.evaluate_button, Qt.Key.Key_Space)
    QApplication.processEvents()

    expected_link = _("{meeting} — item {position}. {title}").format(
        meeting=_("Meeting {number}, {date}").format(
            number=meeting.number, date=format_date(meeting.date, "fi")
        ),
        position=item.position,
        title="Kiusaamisen ehkäisy",
    )
    assert links == [_("Evaluated under the agenda item: {item}").format(item=expected_link)]
    # item → evaluation
    found = evaluations.evaluation_for_agenda_item(db, item.id)
    assert found is not None and found.plan_id == plan.id
    assert found.methods == (EvaluationMethod.DISCUSSION, EvaluationMethod.GUARDIAN_SURVEY)
    assert found.participant_roles == (Role.DIRECTOR,)
    assert [(c.key, c.answer, c.note) for c in found.checks] == [
        ("staff_inducted", ChecklistAnswer.YES, ""),
        ("guardians_informed", ChecklistAnswer.PARTLY, "Syksyn vanhempainilta"),
    ]
    assert item_editor.open_evaluation_button.isVisibleTo(item_editor)
    assert not item_editor.evaluate_button.isVisibleTo(item_editor)
    assert item_editor.evaluation_summary.text() == _("Evaluation of {plan}, {date}").format(
        plan=plan.name, date=format_date(found.date, "fi")
    )
    # the item opens its evaluation, which names the item again
    reopened: list[EvaluationDialog] = fill_with(
        monkeypatch, EvaluationDialog, lambda dialog: dialog.reject()
    )
    QTest.keyClick(item_editor.open_evaluation_button, Qt.Key.Key_Space)
    assert reopened[0].existing == found
    assert reopened[0].link_label.text() == links[0]
    assert reopened[0].areas_edit.toPlainText() == "- Huoltajien tiedottaminen"
    # evaluation → meeting, in the plan's history
    window.show_page("plans")
    plans_page = window.pages["plans"]
    assert isinstance(plans_page, PlansPage)
    plans_page.show_item(plan.id)
    assert plans_page.history.item(0, 0).text() == _("Meeting {number}").format(
        number=meeting.number
    )
    # one undo step removes the evaluation and the link
    assert context.undo_stack.undoText() == _("evaluate plan")
    context.undo_stack.undo()
    assert evaluations.evaluation_for_agenda_item(db, item.id) is None
    context.undo_stack.redo()
    assert evaluations.evaluation_for_agenda_item(db, item.id) == found


# --- result cards ------------------------------------------------------------------------


def test_create_a_result_card_from_a_development_area(
    page: PlansPage,
    context: AppContext,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = context.database
    plan = plans.add_plan(db, PlanInput(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma"))
    period = periods.current_period(db)
    evaluation = evaluations.record_evaluation(
        db,
        plan.id,
        EvaluationInput(
            date=period.start_date + dt.timedelta(days=30),
            development_areas="- Pihan valvonta\n- Uusien työntekijöiden perehdytys",
        ),
    )
    page.refresh()
    page.show_item(plan.id)
    assert page.history.current_evaluation() == evaluation
    assert page.card_button.isEnabled()
    offered: list[list[str]] = []

    def pick_second(dialog: AreaChoiceDialog) -> None:
        offered.append([dialog.list.item(r).text() for r in range(dialog.list.count())])
        QTest.keyClick(dialog.list, Qt.Key.Key_Down)
        save(dialog)

    fill_with(monkeypatch, AreaChoiceDialog, pick_second)
    with qtbot.waitSignal(context.open_requested) as opened:
        page.card_button.setFocus()
        QTest.keyClick(page.card_button, Qt.Key.Key_Space)
    assert offered == [["Pihan valvonta", "Uusien työntekijöiden perehdytys"]]
    (card,) = result_cards.list_cards(db)
    assert opened.args == ["cards", card.id]
    assert card.what_to_change == "Uusien työntekijöiden perehdytys"
    assert (card.plan_id, card.evaluation_id) == (plan.id, evaluation.id)

    assert context.undo_stack.undoText() == _("create result card")
    context.undo_stack.undo()
    assert result_cards.list_cards(db) == []
    context.undo_stack.redo()
    assert [c.id for c in result_cards.list_cards(db)] == [card.id]


# --- history -----------------------------------------------------------------------------


def test_the_history_shows_two_periods_side_by_side_with_recurring_areas(
    page: PlansPage, context: AppContext
) -> None:
    db = context.database
    current = periods.current_period(db)
    earlier = periods.add_period(
        db,
        current.start_date.replace(year=current.start_date.year - 1),
        current.end_date.replace(year=current.end_date.year - 1),
    )
    plan = plans.add_plan(db, PlanInput(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma"))
    for day, areas in (
        (earlier.start_date + dt.timedelta(days=60), "- Pihaleikit\n- Tiedottaminen"),
        (current.start_date + dt.timedelta(days=60), "- pihaleikit"),
    ):
        evaluations.record_evaluation(
            db, plan.id, EvaluationInput(date=day, development_areas=areas)
        )
    page.refresh()
    page.show_item(plan.id)
    history = page.history
    headers = [history.horizontalHeaderItem(c).text() for c in range(history.columnCount())]
    assert [h.split("\n")[0] for h in headers] == [earlier.label, current.label]
    areas_row = [history.verticalHeaderItem(r).text() for r in range(history.rowCount())].index(
        _("Development areas")
    )
    assert history.item(areas_row, 0).text() == f"{RECURRING_MARK} Pihaleikit\n• Tiedottaminen"
    assert history.item(areas_row, 1).text() == f"{RECURRING_MARK} pihaleikit"
    assert label(PlanType.GENDER_EQUALITY) in cell_texts(page, 0)


# --- the overview ------------------------------------------------------------------------


def test_an_overdue_review_on_the_overview_opens_the_plan(
    window: MainWindow, context: AppContext
) -> None:
    db = context.database
    plans.add_plan(db, PlanInput(PlanType.CUSTOM, "Ei vielä ajankohtainen"))
    overdue = plans.add_plan(
        db,
        PlanInput(
            PlanType.NON_DISCRIMINATION,
            "Yhdenvertaisuussuunnitelma",
            next_review_due=dt.date.today() - dt.timedelta(days=10),
        ),
    )
    window.show_page("overview")
    overview = window.pages["overview"]
    overview.refresh()  # the plans were written straight through the services
    QApplication.processEvents()
    (link,) = [  # widgets of an earlier redraw wait for deletion, hidden
        b
        for b in overview.findChildren(QPushButton, f"link_plan_{overdue.id}")
        if b.isVisibleTo(overview)
    ]
    assert link.accessibleName() == _("Open plan {plan}").format(plan=overdue.name)
    link.setFocus()
    QTest.keyClick(link, Qt.Key.Key_Space)
    QApplication.processEvents()
    page = window.pages["plans"]
    assert isinstance(page, PlansPage)
    assert window.stack.currentWidget() is page
    assert page.selected_plan() == overdue


def test_the_evaluation_form_is_usable_by_keyboard_alone(context: AppContext, qtbot: QtBot) -> None:
    """Tab reaches every control of the form, in reading order, and each has a name."""
    db = context.database
    plan = plans.add_plan(db, PlanInput(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma"))
    dialog = EvaluationDialog(db, lambda _p, _d: None, plan_id=plan.id)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.conclusion_combo.setCurrentIndex(2)  # needs updating: by whom and when open
    wanted = [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisibleTo(dialog)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w, QScrollBar)
        and w is not dialog.findChild(QScrollArea).viewport()  # type: ignore[union-attr]
    ]
    assert not [w for w in wanted if not w.accessibleName().strip()]
    dialog.date_edit.setFocus()
    reached: list[QWidget] = []
    for _step in range(2 * len(wanted)):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused not in reached:
            reached.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    assert set(wanted) <= set(reached)
    order = [
        reached.index(w)
        for w in (
            dialog.date_edit,
            dialog.method_boxes[EvaluationMethod.DISCUSSION],
            dialog.role_boxes[Role.OTHER_EXPERT],
            dialog.conclusion_combo,
            dialog.update_due_edit,
            dialog.strengths_edit,
            dialog.areas_edit,
            dialog.checklist_rows[0].answer,
            dialog.checklist_rows[2].note,
        )
    ]
    assert order == sorted(order)
    assert len(dialog.checklist_rows) == 3  # the gender-equality plan's three phases


def test_edit_a_plan_and_an_evaluation_then_undo_both(
    page: PlansPage, context: AppContext, monkeypatch: pytest.MonkeyPatch, typist: Typist
) -> None:
    db = context.database
    plan = plans.add_plan(db, PlanInput(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma"))
    period = periods.current_period(db)
    evaluation = evaluations.record_evaluation(
        db, plan.id, EvaluationInput(date=period.start_date + dt.timedelta(days=9))
    )
    page.refresh()
    page.show_item(plan.id)

    def rename(dialog: PlanDialog) -> None:
        retype(typist, dialog.name_edit, "Turvallisuus- ja pelastussuunnitelma")
        save(dialog)

    fill_with(monkeypatch, PlanDialog, rename)
    QTest.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a plan opens it
    assert plans.get_plan(db, plan.id).name == "Turvallisuus- ja pelastussuunnitelma"

    def conclude(dialog: EvaluationDialog) -> None:
        choose(dialog.conclusion_combo, "needs_updating")
        typist(dialog.update_by_edit, "Johtaja")
        retype(typist, dialog.update_due_edit, "1.1.2020")  # before the evaluation
        save(dialog)
        assert dialog.messages["update_due"].text.text() == reason_text("before_evaluation")
        retype(typist, dialog.update_due_edit, format_date(period.end_date, "fi"))
        save(dialog)

    fill_with(monkeypatch, EvaluationDialog, conclude)
    current = page.history.current_evaluation()
    assert current is not None and current.id == evaluation.id
    page.open_button.click()
    after = evaluations.get_evaluation(db, evaluation.id)
    assert (after.update_by, after.update_due) == ("Johtaja", period.end_date)

    context.undo_stack.undo()
    undone = evaluations.get_evaluation(db, evaluation.id)
    assert evaluations.evaluation_input(undone) == evaluations.evaluation_input(evaluation)
    context.undo_stack.undo()
    assert plans.get_plan(db, plan.id).name == "Pelastussuunnitelma"

    page.refresh()
    page.delete_button.click()
    assert evaluations.list_evaluations(db, plan.id) == []
    context.undo_stack.undo()
    assert evaluations.list_evaluations(db, plan.id) == [evaluation]
