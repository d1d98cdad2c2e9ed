"""The user actions on evaluations, shared by the plans screen and the meeting editor's
agenda item: evaluate, open (edit), delete, and turn a development area into a result card.

Each runs the service once (one transaction) and pushes the undo step it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import evaluations, result_cards
from hyvinvointi_app.services.evaluations import EvaluationInput, EvaluationView
from hyvinvointi_app.ui.buttons import Standard, dialog_buttons
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.plans.evaluation_dialog import AgendaLink, EvaluationDialog
from hyvinvointi_app.ui.undo import push

_T = TypeVar("_T")


def run_reporting_errors(
    context: AppContext, parent: QWidget | None, step: Callable[[], _T]
) -> _T | None:
    """Run an action; an error the director can meet (a memo approved meanwhile, a row
    deleted in another window) is shown in words instead of ending the action silently."""
    try:
        return step()
    except UserError as error:
        context.prompter.warn(parent, _("Plans and evaluations"), describe(error))
        return None


def evaluate_plan(
    context: AppContext,
    parent: QWidget | None,
    *,
    plan_id: int | None = None,
    link: AgendaLink | None = None,
) -> EvaluationView | None:
    """Open the form for a new evaluation; ``link`` when started from an agenda item."""
    db = context.database

    def save(chosen_plan: int, data: EvaluationInput) -> EvaluationView:
        return push(context, evaluations.record_evaluation_undoably(db, chosen_plan, data), parent)

    dialog = EvaluationDialog(db, save, plan_id=plan_id, link=link, parent=parent)
    if not dialog.exec() or dialog.saved is None:
        return None
    view = dialog.saved
    context.status_message.emit(_("Evaluation of {plan} saved").format(plan=view.plan_name))
    return view


def open_evaluation(
    context: AppContext, parent: QWidget | None, evaluation_id: int
) -> EvaluationView | None:
    """Show an evaluation in its form; a change saved there is one undo step."""
    db = context.database
    before = evaluations.get_evaluation(db, evaluation_id)

    def save(_plan: int, data: EvaluationInput) -> EvaluationView:
        return push(context, evaluations.edit_evaluation_undoably(db, evaluation_id, data), parent)

    dialog = EvaluationDialog(db, save, existing=before, parent=parent)
    if not dialog.exec() or dialog.saved is None:
        return None
    after = dialog.saved
    if after == before:
        return after
    context.status_message.emit(_("Evaluation of {plan} saved").format(plan=after.plan_name))
    return after


def delete_evaluation(context: AppContext, parent: QWidget | None, evaluation_id: int) -> None:
    push(context, evaluations.delete_evaluation_undoably(context.database, evaluation_id), parent)
    context.status_message.emit(_("Evaluation deleted"))


class AreaChoiceDialog(QDialog):
    """Which development area becomes the result card (when the evaluation names several)."""

    def __init__(self, evaluation: EvaluationView, areas: list[str], parent: QWidget | None):
        super().__init__(parent)
        title = _("Create a result card")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Choose the development area of the evaluation of {date} to follow as a card:"
            ).format(date=format_date(evaluation.date, ui_translator().language)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Development areas"))
        for area in areas:
            entry = QListWidgetItem(area)
            entry.setData(Qt.ItemDataRole.UserRole, area)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        intro.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        buttons = dialog_buttons(
            self,
            Standard.Ok | Standard.Cancel,
            accept_text=_("Create card"),
        )
        layout.addWidget(buttons)
        self.list.setFocus()

    def chosen(self) -> str | None:
        entry = self.list.currentItem()
        return None if entry is None else str(entry.data(Qt.ItemDataRole.UserRole))


def create_result_card(
    context: AppContext, parent: QWidget | None, evaluation: EvaluationView
) -> int | None:
    """Carry a development area of the evaluation over to a new result card (one undo step)
    and show the card on the result cards screen."""
    areas = evaluations.development_areas_of(evaluation.development_areas)
    if not areas:
        context.prompter.inform(
            parent,
            _("Create a result card"),
            _("The evaluation names no development areas. Write them in the evaluation first."),
        )
        return None
    area = areas[0]
    if len(areas) > 1:
        dialog = AreaChoiceDialog(evaluation, areas, parent)
        if not dialog.exec() or dialog.chosen() is None:
            return None
        area = dialog.chosen() or area
    card = push(
        context,
        result_cards.create_card_from_development_area_undoably(
            context.database, evaluation.id, area
        ),
        parent,
    )
    context.status_message.emit(_("Result card created"))
    context.open_requested.emit("cards", card.id)
    return card.id
