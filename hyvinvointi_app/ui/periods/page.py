"""The operating periods screen: list them, add one, change its dates, choose the current one.

Every change goes through the service first and then becomes one undo step.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import carry_forward as cf
from hyvinvointi_app.services import periods
from hyvinvointi_app.services.periods import PeriodTexts, PeriodView
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.icons import State, state_icon
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.periods.carry_forward import CarryForwardDialog, apply
from hyvinvointi_app.ui.periods.dialog import PeriodDatesDialog
from hyvinvointi_app.ui.periods.model import (
    END,
    LABEL,
    MEETINGS,
    START,
    PeriodRow,
    PeriodTableModel,
)
from hyvinvointi_app.ui.periods.texts_dialog import PeriodTextsDialog
from hyvinvointi_app.ui.record_table import RecordTable

COLUMN_PADDING = 28
"""Air between the columns, so that dates and labels do not run together."""


class PeriodsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.last_dialog: PeriodDatesDialog | PeriodTextsDialog | CarryForwardDialog | None = None
        """The dialog last opened, so that a test can fill it in while it is open."""
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Operating periods"), self))
        intro = QLabel(
            _(
                "The group meets at least twice in every operating period, and reports are "
                "made per period. A period runs from 1 August to 31 July unless the unit "
                "chooses other dates. The current period is the one new meetings and the "
                "overview use."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.model = PeriodTableModel(state_icon(State.DONE))
        self.table = RecordTable(self.model, _("Operating periods"), self)
        self.list_view = self.table
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.opened.connect(self.edit_dates)
        self.table.chosen.connect(self._update_buttons)

        self.empty_label = QLabel(
            _("No operating periods yet — add the first one with “Add operating period”."), self
        )
        self.empty_label.setWordWrap(True)

        buttons = FlowLayout()
        self.add_button = push_button(
            _("&Add operating period…"), self.add_period, self, icon_name="add"
        )
        self.edit_button = push_button(_("Edit &dates…"), self.edit_dates, self, icon_name="edit")
        self.current_button = push_button(_("&Make current"), self.make_current, self)
        self.texts_button = push_button(_("Summary and re&quests…"), self.edit_texts, self)
        self.texts_button.setToolTip(
            _("The group's summary and requests to the provider, for the annual report")
        )
        self.carry_button = push_button(
            _("Start from the previous &one…"), self.carry_forward, self
        )
        self.carry_button.setToolTip(
            _(
                "Give the selected period the dates it needs from the one before: plans' next "
                "reviews, result cards' checkpoints, members' terms"
            )
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.current_button,
            self.texts_button,
            self.carry_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.hint = QLabel(_("Double-click a period or press Enter to change its dates."), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.current_button)
        self.setTabOrder(self.current_button, self.texts_button)
        self.setTabOrder(self.texts_button, self.carry_button)
        self.setTabOrder(self.carry_button, self.table)

    # -- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_period()
        db = self.context.database
        counts = periods.meeting_counts(db)
        rows = [PeriodRow(p, counts.get(p.id, 0)) for p in periods.list_periods(db)]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column in (LABEL, START, END, MEETINGS):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_PADDING)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.hint.setVisible(bool(rows))
        ids = [row.period.id for row in rows]
        current = next((row.period.id for row in rows if row.period.is_current), None)
        keep = selected.id if selected and selected.id in ids else current
        if keep is not None:
            self.select_period(keep)
        self._update_buttons()

    def selected_period(self) -> PeriodView | None:
        chosen = self.table.chosen_record()
        return None if chosen is None else chosen.period

    def select_period(self, period_id: int) -> None:
        self.table.choose(period_id)

    def show_item(self, item_id: int) -> None:
        """Choose the period ``item_id`` (a search result in its summary, say)."""
        self.select_period(item_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        selected = self.selected_period()
        self.edit_button.setEnabled(selected is not None)
        self.current_button.setEnabled(selected is not None and not selected.is_current)
        self.texts_button.setEnabled(selected is not None)
        self.carry_button.setEnabled(selected is not None)

    # -- changing -------------------------------------------------------------------------

    def _open(self, dialog: PeriodDatesDialog | PeriodTextsDialog | CarryForwardDialog) -> bool:
        self.last_dialog = dialog
        return bool(dialog.exec())

    def add_period(self) -> None:
        db = self.context.database
        start, end = periods.propose_next_period(db)
        added: list[PeriodView] = []

        def save(start: dt.date, end: dt.date) -> None:
            added.append(self.push_change(periods.add_period_undoably(db, start, end)))

        dialog = PeriodDatesDialog(
            _("Add operating period"),
            _(
                "The proposed dates follow the latest period. A period usually runs from "
                "1 August to 31 July."
            ),
            start,
            end,
            save,
            self,
        )
        if not self._open(dialog) or not added:
            return
        view = added[0]
        self.select_period(view.id)
        self.context.status_message.emit(
            _("Operating period {label} added").format(label=view.label)
        )
        self.carry_forward(quiet=True)

    def carry_forward(self, *, quiet: bool = False) -> None:
        """Offer to start the selected period from the one before it (a preview with a tick
        for each change, one undoable step). ``quiet``: right after adding a period, say
        nothing when there is nothing to carry."""
        selected = self.selected_period()
        if selected is None:
            return
        proposal = cf.propose(self.context.database, selected.id)
        if proposal.is_empty:
            if not quiet:
                self.context.prompter.inform(
                    self,
                    _("Nothing to carry forward"),
                    _(
                        "The period {period} needs nothing from the one before it: no plan's "
                        "next review, result card's checkpoint or member's term is left "
                        "behind."
                    ).format(period=selected.label),
                )
            return
        dialog = CarryForwardDialog(proposal, self)
        if self._open(dialog):
            apply(self.context, dialog.chosen(), self)

    def edit_dates(self) -> None:
        before = self.selected_period()
        if before is None:
            return
        db = self.context.database
        edited: list[PeriodView] = []

        def save(start: dt.date, end: dt.date) -> None:
            if (start, end) != (before.start_date, before.end_date):
                edited.append(
                    self.push_change(periods.edit_period_dates_undoably(db, before.id, start, end))
                )

        language = ui_translator().language
        dialog = PeriodDatesDialog(
            _("Change the dates of operating period {label}").format(label=before.label),
            _("The period now runs from {start} to {end}.").format(
                start=format_date(before.start_date, language),
                end=format_date(before.end_date, language),
            ),
            before.start_date,
            before.end_date,
            save,
            self,
        )
        if not self._open(dialog) or not edited:
            return
        after = edited[0]
        self.context.status_message.emit(
            _("Dates of operating period {label} changed").format(label=after.label)
        )

    def make_current(self) -> None:
        chosen = self.selected_period()
        if chosen is None or chosen.is_current:
            return
        self.push_change(periods.set_current_period_undoably(self.context.database, chosen.id))
        self.context.status_message.emit(
            _("Operating period {label} is now the current one").format(label=chosen.label)
        )

    def edit_texts(self) -> None:
        """The selected period's summary, its approval day and the requests to the provider."""
        period = self.selected_period()
        if period is None:
            return
        db = self.context.database
        before = periods.period_texts(db, period.id)
        saved: list[PeriodTexts] = []

        def save(texts: PeriodTexts) -> None:
            if texts != before:
                saved.append(
                    self.push_change(periods.set_period_texts_undoably(db, period.id, texts))
                )

        dialog = PeriodTextsDialog(
            _("Summary and requests to the provider, operating period {label}").format(
                label=period.label
            ),
            before,
            save,
            self,
        )
        if not self._open(dialog) or not saved:
            return
        self.context.status_message.emit(
            _("Summary and requests of operating period {label} saved").format(label=period.label)
        )
