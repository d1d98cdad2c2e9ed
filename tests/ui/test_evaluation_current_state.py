"""The evaluation form's current state (nykytila / nuläge): a text field before Strengths,
named for a screen reader, reached by Tab between the conclusion and the strengths, saved
with the evaluation and shown again when it is edited, and a row of the plan's history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import evaluations, periods, plans
from hyvinvointi_app.services.evaluations import EvaluationInput, EvaluationView
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.plans.evaluation_dialog import EvaluationDialog
from hyvinvointi_app.ui.plans.page import PlansPage

STATE = "Malli on käytössä kaikissa ryhmissä."


def _dialog(qtbot: QtBot, context: AppContext, **kwargs: object) -> EvaluationDialog:
    db = context.database
    saved: list[EvaluationView] = []

    def save(plan_id: int, data: EvaluationInput) -> EvaluationView:
        existing = kwargs.get("existing")
        if isinstance(existing, EvaluationView):
            view = evaluations.edit_evaluation(db, existing.id, data)
        else:
            view = evaluations.record_evaluation(db, plan_id, data)
        saved.append(view)
        return view

    dialog = EvaluationDialog(db, save, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _caption(dialog: EvaluationDialog, field: QWidget) -> QLabel:
    (caption,) = [c for c in dialog.findChildren(QLabel) if c.buddy() is field]
    return caption


def test_the_current_state_is_typed_before_the_strengths_and_saved(
    qtbot: QtBot, context: AppContext, typist: object
) -> None:
    db = context.database
    plan = plans.add_plan(db, PlanInput(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma"))
    dialog = _dialog(qtbot, context, plan_id=plan.id, today=dt.date.today())
    field = dialog.current_state_edit
    assert field.accessibleName() == _("Current state")
    assert _caption(dialog, field).text() == _("C&urrent state:")
    assert field.tabChangesFocus()  # Tab never gets stuck in the text
    # on screen, above the strengths
    assert (
        field.mapTo(dialog, field.rect().topLeft()).y()
        < dialog.strengths_edit.mapTo(dialog, dialog.strengths_edit.rect().topLeft()).y()
    )

    # Tab: the conclusion's date → current state → strengths
    dialog.update_due_edit.setEnabled(True)
    dialog.update_due_edit.setFocus()
    QTest.keyClick(dialog.update_due_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field
    typist(field, STATE)  # type: ignore[operator]
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.strengths_edit

    assert dialog.try_save()
    assert dialog.saved is not None
    assert evaluations.get_evaluation(db, dialog.saved.id).current_state == STATE

    # editing shows it again, and a change is saved
    again = _dialog(qtbot, context, existing=dialog.saved)
    assert again.current_state_edit.toPlainText() == STATE
    again.current_state_edit.setPlainText("Muutettu.")
    assert again.try_save()
    assert evaluations.get_evaluation(db, dialog.saved.id).current_state == "Muutettu."


def test_the_plan_history_has_a_current_state_row(window: MainWindow, context: AppContext) -> None:
    db = context.database
    plan = plans.add_plan(db, PlanInput(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma"))
    period = periods.current_period(db)
    evaluations.record_evaluation(
        db,
        plan.id,
        EvaluationInput(
            date=period.start_date + dt.timedelta(days=9),
            current_state=STATE,
            development_areas="- Ovet",
        ),
    )
    window.show_page("plans")
    page = window.pages["plans"]
    assert isinstance(page, PlansPage)
    page.refresh()
    page.show_item(plan.id)
    history = page.history
    titles = [history.verticalHeaderItem(r).text() for r in range(history.rowCount())]
    row = titles.index(_("Current state"))
    assert titles[row + 1] == _("Strengths")
    assert history.item(row, 0).text() == STATE
    # the development areas stay the row chosen at first
    assert titles[history.currentRow()] == _("Development areas")


def test_the_field_is_named_in_swedish_too(qtbot: QtBot, context: AppContext) -> None:
    apply_language("sv")
    plan = plans.add_plan(context.database, PlanInput(PlanType.SAFETY_RESCUE, "Plan"))
    dialog = _dialog(qtbot, context, plan_id=plan.id)
    assert dialog.current_state_edit.accessibleName() == "Nuläge"  # the glossary's word
    assert _caption(dialog, dialog.current_state_edit).text() == _("C&urrent state:")
