"""The plans screen: the unit's plan register above, the chosen plan's evaluations over the
operating periods below, and the actions on both. Every change is one undo step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import SearchKind
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import evaluations, plans
from hyvinvointi_app.services.evaluations import EvaluationView
from hyvinvointi_app.services.plans import PlanView
from hyvinvointi_app.services.search import SearchField, SearchHit
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.icons import State, state_icon
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.plans import actions
from hyvinvointi_app.ui.plans.history import (
    AREAS_ROW,
    CURRENT_STATE_ROW,
    STRENGTHS_ROW,
    HistoryTable,
)
from hyvinvointi_app.ui.plans.model import (
    APPROVED,
    LOCATION,
    NAME,
    OWNER,
    REVIEW,
    TYPE,
    VERSION,
    PlanTableModel,
)
from hyvinvointi_app.ui.plans.plan_dialog import PlanDialog
from hyvinvointi_app.ui.record_table import RecordTable
from hyvinvointi_app.ui.tables import fit_columns


class PlansPage(Page):
    def __init__(
        self, context: AppContext, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(context, parent)
        self.last_dialog: PlanDialog | None = None
        """The plan dialog last opened, so that a test can fill it in while it is open."""
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Plans and evaluations"), self))
        intro = QLabel(
            _(
                "The unit's plans and where their documents are kept. The group evaluates "
                "each plan, and its evaluations over the periods show below side by side."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        buttons = FlowLayout()
        self.add_button = push_button(_("&Add plan…"), self.add_plan, self, icon_name="add")
        self.edit_button = push_button(_("Ed&it plan…"), self.edit_plan, self, icon_name="edit")
        self.archive_button = push_button(_("A&rchive"), self.toggle_archived, self)
        self.show_archived = QCheckBox(_("Sho&w archived plans"), self)
        self.show_archived.setAccessibleName(_("Show archived plans"))
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        for widget in (self.add_button, self.edit_button, self.archive_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.show_archived)
        layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        register = QWidget(splitter)
        register_layout = QVBoxLayout(register)
        register_layout.setContentsMargins(0, 0, 0, 0)
        self.model = PlanTableModel(state_icon(State.WARNING), today)
        self.table = RecordTable(self.model, _("Plan register"), register)
        self.list_view = self.table
        header = self.table.horizontalHeader()
        fit_columns(
            self.table,
            (TYPE, NAME, OWNER, REVIEW, LOCATION),
            optional=(LOCATION, VERSION, APPROVED),
        )
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.opened.connect(self.edit_plan)
        self.table.chosen.connect(self._plan_changed)
        self.empty_label = QLabel(_("No plans yet — add the first one with “Add plan”."), register)
        self.empty_label.setWordWrap(True)
        register_layout.addWidget(self.empty_label)
        register_layout.addWidget(self.table, 1)

        history = QWidget(splitter)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 6, 0, 0)
        title_row = FlowLayout()  # the title, its buttons at the right; wrapping when narrow
        self.history_title = QLabel(history)
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        self.history_title.setTextFormat(Qt.TextFormat.PlainText)
        title_row.addWidget(self.history_title)
        title_row.addStretch(1)
        self.evaluate_button = push_button(_("Eva&luate…"), self.evaluate, history)
        self.open_button = push_button(_("&Open evaluation…"), self.open_evaluation, history)
        self.card_button = push_button(_("Create result &card…"), self.create_card, history)
        self.card_button.setToolTip(
            _("Follow a development area of the chosen evaluation as a result card.")
        )
        self.delete_button = push_button(
            _("&Delete evaluation"), self.delete_evaluation, history, icon_name="remove"
        )
        for button in (
            self.evaluate_button,
            self.open_button,
            self.card_button,
            self.delete_button,
        ):
            title_row.addWidget(button)
        history_layout.addLayout(title_row)
        self.history_hint = QLabel(history)
        self.history_hint.setWordWrap(True)
        history_layout.addWidget(self.history_hint)
        self.history = HistoryTable(history)
        self.history.activated.connect(lambda _index: self.open_evaluation())
        self.history.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        history_layout.addWidget(self.history, 1)
        splitter.addWidget(register)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.archive_button)
        self.setTabOrder(self.archive_button, self.show_archived)
        self.setTabOrder(self.show_archived, self.table)
        self.setTabOrder(self.table, self.evaluate_button)
        self.setTabOrder(self.evaluate_button, self.open_button)
        self.setTabOrder(self.open_button, self.card_button)
        self.setTabOrder(self.card_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.history)

    # -- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_plan()
        chosen_evaluation = self.history.current_evaluation()
        db = self.context.database
        rows = plans.list_plans(db, include_archived=self.show_archived.isChecked())
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        ids = [p.id for p in rows]
        if selected is not None and selected.id in ids:
            self.select_plan(selected.id)
        elif rows:
            self.select_plan(rows[0].id)
        self._plan_changed(chosen_evaluation.id if chosen_evaluation else None)

    def selected_plan(self) -> PlanView | None:
        return self.table.chosen_record()

    def select_plan(self, plan_id: int) -> None:
        self.table.choose(plan_id)

    def show_item(self, item_id: int) -> None:
        """Select the plan (an archived one shows the archived plans too)."""
        if self.model.row_of(item_id) is None and not self.show_archived.isChecked():
            self.show_archived.setChecked(True)
        self.select_plan(item_id)
        self.table.setFocus()

    def show_found(self, hit: SearchHit) -> None:
        """A search result: the plan chosen and, for an evaluation's text, that evaluation."""
        if hit.owner_id is None:
            return
        self.show_item(hit.owner_id)
        if hit.kind is SearchKind.EVALUATION and hit.detail_id is not None:
            rows = {
                SearchField.CURRENT_STATE: CURRENT_STATE_ROW,
                SearchField.STRENGTHS: STRENGTHS_ROW,
                SearchField.DEVELOPMENT_AREAS: AREAS_ROW,
            }
            matched = next((part.text for part in hit.snippet if part.match), "")
            row = rows.get(hit.field) or self.history.question_row_with(hit.detail_id, matched)
            self.history.select_evaluation(hit.detail_id, row)
            self.history.setFocus(Qt.FocusReason.OtherFocusReason)

    def _plan_changed(self, keep_evaluation: int | None = None) -> None:
        plan = self.selected_plan()
        if plan is None:
            self.history_title.setText(_("Evaluations"))
            self.history_hint.setText(_("Choose a plan to see its evaluations."))
            self.history.set_history(None)
        else:
            history = evaluations.plan_history(self.context.database, plan.id)
            self.history_title.setText(_("Evaluations of {plan}").format(plan=plan.name))
            count = sum(len(g.evaluations) for g in history.periods)
            self.history_hint.setText(
                _(
                    "Each column is one evaluation, under its operating period. "
                    "↻ marks a development area named in another period too."
                )
                if count
                else _("Not evaluated yet — evaluate it with “Evaluate”.")
            )
            self.history.set_history(history)
            if keep_evaluation is not None:
                self.history.select_evaluation(keep_evaluation)
        self.history_title.setAccessibleName(self.history_title.text())
        self.history.setVisible(bool(self.history.evaluations))
        self._update_buttons()

    def _update_buttons(self) -> None:
        plan = self.selected_plan()
        evaluation = self.history.current_evaluation()
        self.edit_button.setEnabled(plan is not None)
        self.archive_button.setEnabled(plan is not None)
        archive_text = _("Bring &back") if plan is not None and plan.archived else _("A&rchive")
        self.archive_button.setText(archive_text)
        self.archive_button.setAccessibleName(archive_text.replace("&", ""))
        self.evaluate_button.setEnabled(plan is not None and not plan.archived)
        self.open_button.setEnabled(evaluation is not None)
        self.delete_button.setEnabled(evaluation is not None)
        self.card_button.setEnabled(
            evaluation is not None
            and bool(evaluations.development_areas_of(evaluation.development_areas))
        )

    # -- the register -------------------------------------------------------------------

    def _open(self, dialog: PlanDialog) -> bool:
        self.last_dialog = dialog
        return bool(dialog.exec())

    def add_plan(self) -> None:
        db = self.context.database
        dialog = PlanDialog(
            _("Add plan"),
            lambda data: self.push_change(plans.add_plan_undoably(db, data)),
            self.context.prompter,
            parent=self,
        )
        if not self._open(dialog) or dialog.saved is None:
            return
        view = dialog.saved
        self.select_plan(view.id)
        self.context.status_message.emit(_("Plan {name} added").format(name=view.name))

    def edit_plan(self) -> None:
        before = self.selected_plan()
        if before is None:
            return
        db = self.context.database
        dialog = PlanDialog(
            _("Edit plan {name}").format(name=before.name),
            lambda data: self.push_change(plans.edit_plan_undoably(db, before.id, data)),
            self.context.prompter,
            plans.plan_input(before),
            self,
        )
        if not self._open(dialog) or dialog.saved is None or dialog.saved == before:
            return
        self.context.status_message.emit(_("Plan {name} saved").format(name=dialog.saved.name))

    def toggle_archived(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        archive = not plan.archived
        self.push_change(plans.archive_plan_undoably(self.context.database, plan.id, archive))
        self.context.status_message.emit(
            (_("Plan {name} archived") if archive else _("Plan {name} brought back")).format(
                name=plan.name
            )
        )

    # -- evaluations --------------------------------------------------------------------

    def evaluate(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        view = actions.run_reporting_errors(
            self.context, self, lambda: actions.evaluate_plan(self.context, self, plan_id=plan.id)
        )
        if isinstance(view, EvaluationView):
            self.history.select_evaluation(view.id)

    def open_evaluation(self) -> None:
        evaluation = self.history.current_evaluation()
        if evaluation is not None:
            actions.run_reporting_errors(
                self.context,
                self,
                lambda: actions.open_evaluation(self.context, self, evaluation.id),
            )

    def delete_evaluation(self) -> None:
        evaluation = self.history.current_evaluation()
        if evaluation is not None:
            actions.run_reporting_errors(
                self.context,
                self,
                lambda: actions.delete_evaluation(self.context, self, evaluation.id),
            )

    def create_card(self) -> None:
        evaluation = self.history.current_evaluation()
        if evaluation is not None:
            actions.run_reporting_errors(
                self.context,
                self,
                lambda: actions.create_result_card(self.context, self, evaluation),
            )
