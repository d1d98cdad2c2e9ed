"""The table of operating periods: one row per period, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import _, pgettext, ui_translator
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.ui.table_model import Index, RowsModel

LABEL, START, END, MEETINGS, CURRENT = range(5)

PERIOD_ID_ROLE = Qt.ItemDataRole.UserRole
"""The period's id in every cell, so the screen finds the row's period behind a proxy too."""


@dataclass(frozen=True, slots=True)
class PeriodRow:
    period: PeriodView
    meetings: int


class PeriodTableModel(RowsModel[PeriodRow]):
    """Label, start, end, number of meetings, whether current.

    The current period carries an icon *and* the word “Current”, and its row is bold, so the
    state never depends on colour. Texts are read in the interface language when built; the
    screen is built anew when the language changes.
    """

    def __init__(self, current_icon: QIcon | None = None) -> None:
        super().__init__(
            (
                pgettext("operating period", "Period"),
                _("Start date"),
                _("End date"),
                _("Meetings"),
                pgettext("operating period", "Status"),
            ),
            right_aligned=(MEETINGS,),
        )
        self._current_icon = current_icon
        self._language = ui_translator().language
        self._current_text = pgettext("operating period", "Current")
        self._not_current_text = pgettext("operating period", "Not current")

    def record_id(self, row: PeriodRow) -> int:
        return row.period.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.cell_row(index)
        if row is None:
            return None
        period, column = row.period, index.column()
        if role == PERIOD_ID_ROLE:
            return period.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == CURRENT:
                return self._current_text if period.is_current else self._not_current_text
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == CURRENT and period.is_current:
            return self._current_icon
        if role == Qt.ItemDataRole.FontRole and period.is_current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MEETINGS:
            return self.alignment(column)
        return None

    def _text(self, row: PeriodRow, column: int) -> str:
        period = row.period
        if column == LABEL:
            return period.label
        if column == START:
            return format_date(period.start_date, self._language)
        if column == END:
            return format_date(period.end_date, self._language)
        if column == CURRENT:
            return self._current_text if period.is_current else ""
        return str(row.meetings)
