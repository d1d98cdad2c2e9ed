"""The tables of the result cards screen: the cards, and the checkpoints of one card."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label, role_label
from hyvinvointi_app.i18n.translator import _, pgettext, ui_translator
from hyvinvointi_app.services.result_cards import CardView, CheckpointView

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


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.language = ui_translator().language
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), None)

    def at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        return None

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def date(self, day: dt.date | None) -> str:
        return format_date(day, self.language) if day else ""


class CardTableModel(_Table):
    """What the card wants to change (its plan in the tooltip), status and next checkpoint."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            pgettext("result cards", "What to change"),
            _("Status"),
            pgettext("result cards", "Next checkpoint"),
        )

    def card_at(self, row: int) -> CardView | None:
        card: CardView | None = self.at(row)
        return card

    def text(self, row: Any, column: int) -> str:
        card: CardView = row
        if column == WHAT:
            return first_line(card.what_to_change)
        if column == STATUS:
            return label(card.status)
        upcoming = next_checkpoint(card)
        return self.date(upcoming.due_date) if upcoming else "—"

    def tooltip(self, row: Any, column: int) -> str | None:
        card: CardView = row
        if column != WHAT:
            return None
        if card.plan_name:
            return _("{text}\n\nPlan: {plan}").format(text=card.what_to_change, plan=card.plan_name)
        return card.what_to_change


class CheckpointTableModel(_Table):
    """Date, responsible person, the value or note recorded, and when it was recorded."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = (
            _("Checkpoint date"),
            _("Responsible person"),
            _("Value or note"),
            _("Recorded on"),
        )

    def checkpoint_at(self, row: int) -> CheckpointView | None:
        checkpoint: CheckpointView | None = self.at(row)
        return checkpoint

    def text(self, row: Any, column: int) -> str:
        checkpoint: CheckpointView = row
        if column == DUE:
            return self.date(checkpoint.due_date)
        if column == RESPONSIBLE:
            return responsible_text(checkpoint)
        if column == VALUE:
            return checkpoint.value_note.replace("\n", " ")
        return self.date(checkpoint.recorded_on)

    def tooltip(self, row: Any, column: int) -> str | None:
        checkpoint: CheckpointView = row
        return checkpoint.value_note if column == VALUE and checkpoint.value_note else None
