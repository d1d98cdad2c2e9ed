"""The tables of the result cards screen: the cards, and the checkpoints of one card."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label, role_label
from hyvinvointi_app.i18n.translator import _, pgettext, ui_translator
from hyvinvointi_app.services.result_cards import CardView, CheckpointView
from hyvinvointi_app.ui.table_model import Index, R, RowsModel

ID_ROLE = Qt.ItemDataRole.UserRole
"""The card's or checkpoint's id in every cell."""

WHAT, STATUS, NEXT_CHECKPOINT = range(3)
DUE, RESPONSIBLE, VALUE, RECORDED = range(4)


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0].strip() if lines else ""


def responsible_text(checkpoint: CheckpointView) -> str:
    """A member by name (by role once the name was erased), or the free text typed."""
    if checkpoint.responsible_id is not None:
        if checkpoint.responsible_name:
            return checkpoint.responsible_name
        if checkpoint.responsible_role is not None:
            return role_label(checkpoint.responsible_role)
    return checkpoint.responsible_text


def next_checkpoint(card: CardView) -> CheckpointView | None:
    """The first checkpoint still waiting for its value."""
    return next((c for c in card.checkpoints if not c.is_recorded), None)


class _Table(RowsModel[R]):
    """A table of cards or checkpoints: each row's cells are its :meth:`text`."""

    def __init__(self, headers: tuple[str, ...]) -> None:
        super().__init__(headers)
        self.language = ui_translator().language

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.cell_row(index)
        if row is None:
            return None
        if role == ID_ROLE:
            return self.record_id(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        return None

    def text(self, row: R, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: R, column: int) -> str | None:
        return None

    def date(self, day: dt.date | None) -> str:
        return format_date(day, self.language) if day else ""


class CardTableModel(_Table[CardView]):
    """What the card wants to change (its plan in the tooltip), status and next checkpoint."""

    def __init__(self) -> None:
        super().__init__(
            (
                pgettext("result cards", "What to change"),
                _("Status"),
                pgettext("result cards", "Next checkpoint"),
            )
        )

    def text(self, card: CardView, column: int) -> str:
        if column == WHAT:
            return first_line(card.what_to_change)
        if column == STATUS:
            return label(card.status)
        upcoming = next_checkpoint(card)
        return self.date(upcoming.due_date) if upcoming else "—"

    def tooltip(self, card: CardView, column: int) -> str | None:
        if column != WHAT:
            return None
        if card.plan_name:
            return _("{text}\n\nPlan: {plan}").format(text=card.what_to_change, plan=card.plan_name)
        return card.what_to_change


class CheckpointTableModel(_Table[CheckpointView]):
    """Date, responsible person, the value or note recorded, and when it was recorded."""

    def __init__(self) -> None:
        super().__init__(
            (
                _("Checkpoint date"),
                _("Responsible person"),
                _("Value or note"),
                _("Recorded on"),
            )
        )

    def text(self, checkpoint: CheckpointView, column: int) -> str:
        if column == DUE:
            return self.date(checkpoint.due_date)
        if column == RESPONSIBLE:
            return responsible_text(checkpoint)
        if column == VALUE:
            return checkpoint.value_note.replace("\n", " ")
        return self.date(checkpoint.recorded_on)

    def tooltip(self, checkpoint: CheckpointView, column: int) -> str | None:
        return checkpoint.value_note if column == VALUE and checkpoint.value_note else None
