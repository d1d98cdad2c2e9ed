"""The result cards screen: the cards on the left, the chosen card on the right.

A card's text fields are saved as they are typed, like the memo's (``ui.autosave``): a
pause, leaving the field, choosing another card, leaving the screen or closing the file
writes them, and one editing session of a field is one undo step “edit result card”. A text
the card cannot take (an empty “what to change”) is said beside the fields and stays in its
field, unsaved, until it is corrected. Every other change (status, checkpoints, a new or
removed card) goes through the service first and then becomes one undo step.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import ResultCardStatus
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, pgettext, ui_translator
from hyvinvointi_app.services import members, municipal_package, result_cards, unit
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.result_cards import (
    TEXT_FIELDS,
    CardInput,
    CardView,
    CheckpointInput,
    CheckpointView,
    checkpoint_input,
)
from hyvinvointi_app.services.search import SearchField, SearchHit
from hyvinvointi_app.ui.autosave import Autosaver, Save, TextBinding, save_status
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.cards.dialogs import CheckpointDialog, NewCardDialog, RecordValueDialog
from hyvinvointi_app.ui.cards.model import (
    DUE,
    NEXT_CHECKPOINT,
    RECORDED,
    RESPONSIBLE,
    STATUS,
    VALUE,
    WHAT,
    CardTableModel,
    CheckpointTableModel,
    first_line,
)
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.form_parts import bold_label
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.record_table import RecordTable
from hyvinvointi_app.ui.table_model import RowsModel
from hyvinvointi_app.ui.tables import fit_columns
from hyvinvointi_app.ui.text_fields import select_in
from hyvinvointi_app.ui.undo import keep_text_steps

R = TypeVar("R")

NEW_CHECKPOINT_DAYS = 60
"""A new checkpoint is proposed this many days after the last one (or after today)."""


class CardText(QPlainTextEdit):
    """A text field of the card: Tab moves on (the autosaver saves what is typed)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)


def _table(model: RowsModel[R], name: str, parent: QWidget) -> RecordTable[R]:
    table = RecordTable(model, name, parent)
    table.setWordWrap(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table


class CardsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.language = ui_translator().language
        self.card: CardView | None = None
        self.last_dialog: QDialog | None = None
        """The dialog last opened, so that a test can fill it in while it is open."""
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Result cards"), self))
        intro = QLabel(
            _(
                "A result card follows a development area as a goal across meetings and "
                "periods until it is reached or closed. Checkpoints that fall due are "
                "proposed to the meeting held last before them."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list(splitter))
        splitter.addWidget(self._build_editor(splitter))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 860])
        layout.addWidget(splitter, 1)
        context.closing.connect(self.flush)

    # -- building -------------------------------------------------------------------------

    def _build_list(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 6, 0)
        filter_row = QHBoxLayout()
        self.filter_combo = QComboBox(panel)
        self.filter_combo.setAccessibleName(_("Show cards"))
        for status in result_cards.STATUS_ORDER:
            self.filter_combo.addItem(label(status), status.value)
        self.filter_combo.addItem(pgettext("result cards", "All"), None)
        self.filter_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        filter_label = QLabel(_("S&how:"), panel)
        filter_label.setBuddy(self.filter_combo)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_combo, 1)
        layout.addLayout(filter_row)

        self.model = CardTableModel()
        self.table = _table(self.model, _("Result cards"), panel)
        self.list_view = self.table
        fit_columns(
            self.table, (WHAT,), optional=(STATUS, NEXT_CHECKPOINT)
        )  # both on the right too
        self.table.chosen.connect(self._selection_changed)
        self.table.opened.connect(self._focus_first_field)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(panel)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

        buttons = FlowLayout()
        self.new_button = push_button(_("&New card…"), self.new_card, panel, icon_name="add")
        self.remove_button = push_button(
            _("Remo&ve card"), self.remove_card, panel, icon_name="remove"
        )
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return panel

    def _build_editor(self, parent: QWidget) -> QWidget:
        scroll = QScrollArea(parent)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editor_scroll = scroll
        body = QWidget(scroll)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(6, 0, 8, 8)
        self.placeholder = QLabel(
            _("Choose a card from the list, or create one with “New card”."), body
        )
        self.placeholder.setWordWrap(True)
        outer.addWidget(self.placeholder)
        self.editor = QWidget(body)
        outer.addWidget(self.editor)
        outer.addStretch(1)
        scroll.setWidget(body)

        layout = QVBoxLayout(self.editor)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.origin_label = QLabel(self.editor)
        self.origin_label.setWordWrap(True)
        self.origin_label.setTextFormat(Qt.TextFormat.PlainText)

        status_row = QHBoxLayout()
        self.status_combo = QComboBox(self.editor)
        self.status_combo.setAccessibleName(_("Status of the card"))
        for status in result_cards.STATUS_ORDER:
            self.status_combo.addItem(label(status), status.value)
        self.status_combo.activated.connect(lambda _index: self._status_chosen())
        status_label = QLabel(_("S&tatus:"), self.editor)
        status_label.setBuddy(self.status_combo)
        status_row.addWidget(self.origin_label, 1)
        status_row.addWidget(status_label)
        status_row.addWidget(self.status_combo)
        layout.addLayout(status_row)

        titles = {
            "what_to_change": (_("&What we want to change"), _("What we want to change")),
            "current_state": (_("C&urrent state"), _("Current state")),
            "target_state": (_("Tar&get state"), _("Target state")),
            "ideal_state": (_("I&deal state"), _("Ideal state")),
            "measures": (_("&Measures"), _("Measures")),
            "indicator": (
                _("&Indicator / follow-up method"),
                _("Indicator / follow-up method"),
            ),
        }
        self.texts: dict[str, CardText] = {}
        self.bindings: dict[str, TextBinding] = {}
        self.autosaver = Autosaver(self)
        # a title typed shows in the list of cards too
        keep_text_steps(self.context, self.autosaver, self, redraw=True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        places = {
            "what_to_change": (0, 0, 3),
            "current_state": (2, 0, 1),
            "target_state": (2, 1, 1),
            "ideal_state": (2, 2, 1),
            "measures": (4, 0, 2),
            "indicator": (4, 2, 1),
        }
        for field in TEXT_FIELDS:
            mnemonic, name = titles[field]
            edit = CardText(name, self.editor)
            edit.setFixedHeight(
                self.fontMetrics().lineSpacing() * (2 if field == "what_to_change" else 4) + 14
            )
            self.texts[field] = edit
            self.bindings[field] = self.autosaver.bind(edit, self._save_text(field))
            row, column, span = places[field]
            caption = QLabel(mnemonic, self.editor)
            caption.setBuddy(edit)
            caption.setWordWrap(True)
            grid.addWidget(caption, row, column, 1, span)
            grid.addWidget(edit, row + 1, column, 1, span)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        self.message, saving = save_status(self.autosaver, self.editor)
        layout.addWidget(self.message)
        layout.addLayout(saving)

        layout.addWidget(bold_label(_("Checkpoints"), self.editor))
        checkpoints_row = FlowLayout()  # wraps on a narrow window
        self.add_checkpoint_button = push_button(
            _("&Add checkpoint…"),
            self.add_checkpoint,
            self.editor,
            icon_name="add",
        )
        self.record_button = push_button(_("&Record value…"), self.record_value, self.editor)
        self.edit_checkpoint_button = push_button(
            _("&Edit checkpoint…"),
            self.edit_checkpoint,
            self.editor,
            icon_name="edit",
        )
        self.remove_checkpoint_button = push_button(
            _("Remove chec&kpoint"),
            self.remove_checkpoint,
            self.editor,
            icon_name="remove",
        )
        for button in (
            self.add_checkpoint_button,
            self.record_button,
            self.edit_checkpoint_button,
            self.remove_checkpoint_button,
        ):
            checkpoints_row.addWidget(button)
        checkpoints_row.addStretch(1)
        layout.addLayout(checkpoints_row)
        self.checkpoint_model = CheckpointTableModel()
        self.checkpoints = _table(self.checkpoint_model, _("Checkpoints"), self.editor)
        header = self.checkpoints.horizontalHeader()
        for column in (DUE, RESPONSIBLE, RECORDED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Stretch)
        self.checkpoints.setMinimumHeight(120)
        self.checkpoints.setMaximumHeight(190)
        self.checkpoints.opened.connect(self.record_value)
        self.checkpoints.chosen.connect(self._update_buttons)
        layout.addWidget(self.checkpoints)
        self.no_checkpoints = QLabel(
            _("No checkpoints yet: add the dates when the group looks at the indicator."),
            self.editor,
        )
        self.no_checkpoints.setWordWrap(True)
        layout.addWidget(self.no_checkpoints)
        self.checkpoint_hint = QLabel(
            _("Double-click a checkpoint or press Enter to record its value."), self.editor
        )
        self.checkpoint_hint.setWordWrap(True)
        layout.addWidget(self.checkpoint_hint)

        layout.addWidget(bold_label(_("Discussed in meetings"), self.editor))
        self.discussions = QListWidget(self.editor)
        self.discussions.setAccessibleName(_("Agenda items where the card was discussed"))
        self.discussions.setMinimumHeight(70)
        self.discussions.setMaximumHeight(120)
        self.discussions.itemActivated.connect(self._open_discussion)
        layout.addWidget(self.discussions)
        self.no_discussions = QLabel(
            _(
                "Not discussed in a meeting yet. Link the card to an agenda item in the "
                "meeting's memo; checkpoints are proposed to meetings automatically."
            ),
            self.editor,
        )
        self.no_discussions.setWordWrap(True)
        layout.addWidget(self.no_discussions)
        self.discussion_hint = QLabel(
            _("Double-click an item or press Enter to open the meeting."), self.editor
        )
        self.discussion_hint.setWordWrap(True)
        layout.addWidget(self.discussion_hint)
        return scroll

    # -- reading ------------------------------------------------------------------------

    def status_filter(self) -> ResultCardStatus | None:
        value = self.filter_combo.currentData()
        return ResultCardStatus(value) if value else None

    def set_status_filter(self, status: ResultCardStatus | None) -> None:
        index = self.filter_combo.findData(status.value if status else None)
        self.filter_combo.setCurrentIndex(max(index, 0))

    def refresh(self) -> None:
        if self._loading:
            return
        keep = self.card.id if self.card else None
        db = self.context.database
        cards = result_cards.list_cards(db)
        if keep is not None:
            kept = next((c for c in cards if c.id == keep), None)
            wanted = self.status_filter()
            if kept is None:
                keep = None
            elif wanted is not None and kept.status is not wanted:
                # the card being worked on changed status (or an undo did): follow it
                self._loading = True
                try:
                    self.set_status_filter(kept.status)
                finally:
                    self._loading = False
        wanted = self.status_filter()
        shown = [c for c in cards if wanted is None or c.status is wanted]
        self._loading = True
        try:
            self.model.set_rows(shown)
            if keep is not None and self.model.row_of(keep) is not None:
                self.table.choose(keep)
            elif shown:
                self.table.choose(shown[0].id)
        finally:
            self._loading = False
        if not cards:
            self.empty_label.setText(
                _(
                    "No result cards yet. Create one from a development area under Plans "
                    "and evaluations, or with “New card”."
                )
            )
        elif not shown:
            self.empty_label.setText(_("No cards with this status."))
        self.empty_label.setVisible(not shown)
        self._show_card(self.selected_card_id())

    def selected_card_id(self) -> int | None:
        card = self.table.chosen_record()
        return card.id if card else None

    def _selection_changed(self) -> None:
        if self._loading:
            return
        if not self.autosaver.flush() and self.card is not None:
            # text typed in this card cannot be written yet: the card stays on screen
            self._loading = True
            try:
                self.table.choose(self.card.id)
            finally:
                self._loading = False
            return
        self._show_card(self.selected_card_id())

    def _show_card(self, card_id: int | None) -> None:
        card: CardView | None = None
        if card_id is not None:
            try:
                card = result_cards.get_card(self.context.database, card_id)
            except NotFound:
                card = None
        same = card is not None and self.card is not None and self.card.id == card.id
        self.card = card
        self.placeholder.setVisible(card is None)
        self.editor.setVisible(card is not None)
        self.remove_button.setEnabled(card is not None)
        if card is None:
            self._update_buttons()
            return
        if not same:
            self.message.clear()
        for field, binding in self.bindings.items():
            if not (same and binding.dirty):
                binding.show(card.id, getattr(card, field))
        self.origin_label.setText(self._origin(card))
        self.origin_label.setAccessibleName(self.origin_label.text())
        self.status_combo.setCurrentIndex(self.status_combo.findData(card.status.value))
        selected = self.selected_checkpoint()
        self.checkpoint_model.set_rows(list(card.checkpoints))
        if selected is not None and self.checkpoint_model.row_of(selected.id) is not None:
            self.select_checkpoint(selected.id)
        elif card.checkpoints:
            waiting = next((c for c in card.checkpoints if not c.is_recorded), None)
            self.select_checkpoint((waiting or card.checkpoints[0]).id)
        has_checkpoints = bool(card.checkpoints)
        self.checkpoints.setVisible(has_checkpoints)
        self.checkpoint_hint.setVisible(has_checkpoints)
        self.no_checkpoints.setVisible(not has_checkpoints)
        self._show_discussions(card)
        self._update_buttons()

    def _origin(self, card: CardView) -> str:
        created = format_date(card.created_on, self.language)
        if card.plan_name:
            text = _("Created {date} from the evaluation of “{plan}”.").format(
                date=created, plan=card.plan_name
            )
        else:
            text = _("Created {date}.").format(date=created)
        if card.closed_on:
            text += " " + _("Follow-up ended {date}.").format(
                date=format_date(card.closed_on, self.language)
            )
        return text

    def _show_discussions(self, card: CardView) -> None:
        self.discussions.clear()
        for discussion in result_cards.card_discussions(self.context.database, card.id):
            text = _("Meeting {number}, {date}: {title}").format(
                number=discussion.meeting_number,
                date=format_date(discussion.meeting_date, self.language),
                title=discussion.item_title,
            )
            item = QListWidgetItem(text, self.discussions)
            item.setData(Qt.ItemDataRole.UserRole, discussion.meeting_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        if self.discussions.count():
            self.discussions.setCurrentRow(0)
        shown = self.discussions.count() > 0
        self.discussions.setVisible(shown)
        self.discussion_hint.setVisible(shown)
        self.no_discussions.setVisible(not shown)

    def selected_checkpoint(self) -> CheckpointView | None:
        return self.checkpoints.chosen_record()

    def select_checkpoint(self, checkpoint_id: int) -> None:
        self.checkpoints.choose(checkpoint_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_checkpoint() is not None
        for button in (
            self.record_button,
            self.edit_checkpoint_button,
            self.remove_checkpoint_button,
        ):
            button.setEnabled(self.card is not None and chosen)

    def show_item(self, item_id: int) -> None:
        """Show the card ``item_id`` selected, switching the filter to its status if needed
        (a card just created from a development area arrives here)."""
        if not self.autosaver.flush():
            return  # the card typed in stays until its text can be written
        try:
            card = result_cards.get_card(self.context.database, item_id)
        except NotFound:
            return
        wanted = self.status_filter()
        self._loading = True
        try:
            if wanted is not None and card.status is not wanted:
                self.set_status_filter(card.status)
        finally:
            self._loading = False
        self.card = card
        self.refresh()
        self.table.choose(card.id)
        self._focus_first_field()

    def show_found(self, hit: SearchHit) -> None:
        """A search result: the card, with the matched word selected in its field, or the
        checkpoint chosen."""
        if hit.owner_id is None:
            return
        self.show_item(hit.owner_id)
        if self.card is None or self.card.id != hit.owner_id:
            return
        if hit.field is SearchField.CHECKPOINT_NOTE and hit.detail_id is not None:
            self.select_checkpoint(hit.detail_id)
            self.checkpoints.setFocus(Qt.FocusReason.OtherFocusReason)
        elif hit.field.value in self.texts:
            select_in(self.texts[hit.field.value], *hit.match)

    def _focus_first_field(self) -> None:
        if self.card is not None:
            self.texts["what_to_change"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_discussion(self, item: QListWidgetItem) -> None:
        meeting_id = item.data(Qt.ItemDataRole.UserRole)
        if meeting_id is not None:
            self.context.open_requested.emit("meetings", int(meeting_id))

    # -- saving the text fields -----------------------------------------------------------

    def flush(self) -> None:
        """Save every field typed in and not yet saved (ending its undo step)."""
        self.autosaver.flush()

    def unsaved_text(self) -> str | None:
        return None if self.autosaver.flush() else (self.autosaver.problem() or "")

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def _save_text(self, field: str) -> Save:
        def save(target: object, text: str) -> Change[CardView]:
            db = self.context.database
            change = result_cards.set_card_text_undoably(db, int(str(target)), field, text)
            if self.card is not None and self.card.id == change.value.id:
                self.card = change.value
            return change

        return save

    # -- the card as a whole --------------------------------------------------------------

    def _open(self, dialog: QDialog) -> bool:
        self.last_dialog = dialog
        return bool(dialog.exec())

    def new_card(self) -> None:
        self.flush()
        db = self.context.database

        def save(data: CardInput) -> CardView:
            return self.push_change(result_cards.create_card_undoably(db, data))

        language = unit.get_unit(db).working_language
        dialog = NewCardDialog(save, self, municipal_package.card_templates(db, language))
        if not self._open(dialog) or not isinstance(dialog.saved, CardView):
            return
        view = dialog.saved
        self.show_item(view.id)
        self.texts["current_state"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.context.status_message.emit(_("Result card created"))

    def remove_card(self) -> None:
        if self.card is None:
            return
        self.flush()
        view = self.card
        self.push_change(result_cards.remove_card_undoably(self.context.database, view.id))
        self.card = None
        self.context.status_message.emit(
            _("Result card “{title}” removed. Edit → Undo brings it back.").format(
                title=first_line(view.what_to_change)
            )
        )

    def _status_chosen(self) -> None:
        card = self.card
        if card is None:
            return
        status = ResultCardStatus(self.status_combo.currentData())
        if status is card.status:
            return
        self.flush()
        self.card = self.push_change(
            result_cards.set_card_status_undoably(self.context.database, card.id, status)
        )
        self.context.status_message.emit(
            _("The card's status is now “{status}”.").format(status=label(status))
        )

    # -- checkpoints ----------------------------------------------------------------------

    def _member_choices(self, keep: int | None = None) -> list[tuple[int, str]]:
        today = dt.date.today()
        choices = []
        for member in members.list_members(self.context.database):
            if member.erased:
                continue
            if member.active_on(today) or member.id == keep:
                choices.append((member.id, member.name or ""))
        return choices

    def add_checkpoint(self) -> None:
        card = self.card
        if card is None:
            return
        self.flush()
        db = self.context.database
        start = max([dt.date.today(), *(c.due_date for c in card.checkpoints)])
        proposal = CheckpointInput(start + dt.timedelta(days=NEW_CHECKPOINT_DAYS))
        dialog = CheckpointDialog(
            _("Add checkpoint"),
            proposal,
            self._member_choices(),
            lambda data: self.push_change(result_cards.add_checkpoint_undoably(db, card.id, data)),
            self,
        )
        if not self._open(dialog) or not isinstance(dialog.saved, CheckpointView):
            return
        added = dialog.saved
        self.select_checkpoint(added.id)
        self.context.status_message.emit(_("Checkpoint added"))

    def edit_checkpoint(self) -> None:
        before = self.selected_checkpoint()
        if before is None:
            return
        db = self.context.database
        dialog = CheckpointDialog(
            _("Edit checkpoint"),
            checkpoint_input(before),
            self._member_choices(before.responsible_id),
            lambda data: self.push_change(
                result_cards.edit_checkpoint_undoably(db, before.id, data)
            ),
            self,
        )
        self._open(dialog)

    def record_value(self) -> None:
        before = self.selected_checkpoint()
        if before is None or self.card is None:
            return
        db = self.context.database
        explanation = _("Checkpoint {date} of the card “{title}”.").format(
            date=format_date(before.due_date, self.language),
            title=first_line(self.card.what_to_change),
        )
        if self.card.indicator:
            explanation += " " + _("Indicator: {indicator}").format(indicator=self.card.indicator)
        dialog = RecordValueDialog(
            explanation,
            before.value_note,
            before.recorded_on or dt.date.today(),
            lambda note, day: self.push_change(
                result_cards.record_checkpoint_value_undoably(db, before.id, note, day)
            ),
            self,
        )
        if self._open(dialog) and dialog.saved not in (None, before):
            self.context.status_message.emit(_("Checkpoint value recorded"))

    def remove_checkpoint(self) -> None:
        view = self.selected_checkpoint()
        if view is None:
            return
        self.push_change(result_cards.remove_checkpoint_undoably(self.context.database, view.id))
        self.context.status_message.emit(_("Checkpoint removed. Edit → Undo brings it back."))
