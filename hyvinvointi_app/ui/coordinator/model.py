"""The coordinator's overview as a table: one row per unit and period, sortable by any column
(numbers as numbers, names in Finnish and Swedish alphabet order) and filtered by words, by
period and to the rows that need attention. A model and a proxy over plain rows: fast with
thousands of rows, since nothing is computed while painting but a few string joins."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.i18n.collation import sort_key
from hyvinvointi_app.i18n.labels import missing_role_label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services.coordinator import OverviewRow
from hyvinvointi_app.ui.filtering import change_rows_filter
from hyvinvointi_app.ui.table_model import Index, RowsModel

UNIT, MUNICIPALITY, PERIOD, MEETINGS, ROLES, EVALUATIONS, CARDS, ACTIONS, THEMES = range(9)


def two_lines(text: str, longer_than: int = 16) -> str:
    """A long column heading on two lines, broken at the space nearest its middle."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) / 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


def roles_text(row: OverviewRow) -> str:
    return ", ".join(
        missing_role_label(role) if isinstance(role, Role) else role for role in row.missing_roles()
    )


class OverviewModel(RowsModel[OverviewRow]):
    """Figures in the same compact form as the PDF: "3/2", "5/7 (1)", "7 (6)"."""

    def __init__(self, warning_icon: QIcon | None = None) -> None:
        super().__init__(
            (
                _("Unit"),
                _("Municipality"),
                _("Operating period"),
                _("Meetings held / required"),
                _("Roles missing"),
                _("Plans evaluated (overdue)"),
                _("Result cards active / reached"),
                _("Actions open (overdue)"),
                _("Themes handled / planned"),
            )
        )
        self._warning = warning_icon
        self._language = "sv" if ui_translator().language == "sv" else "fi"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Long titles on two lines, each whole in its tooltip."""
        title = super().headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        if title is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return two_lines(title)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.cell_row(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if column == UNIT:
                return f"{self.text(row, column)} ({row.source.name})"
            return self.text(row, column) + self._flag_text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and self._flagged(row, column):
            return self._warning
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= MEETINGS and column != ROLES:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _flagged(row: OverviewRow, column: int) -> bool:
        return (
            (column == MEETINGS and not row.minimum_met)
            or (column == EVALUATIONS and row.plans_overdue > 0)
            or (column == ROLES and bool(row.roles_missing))
        )

    def _flag_text(self, row: OverviewRow, column: int) -> str:
        """What the warning icon says, for the tooltip and screen readers."""
        if column == MEETINGS and not row.minimum_met:
            return " " + _("(below the minimum)")
        return ""

    def text(self, row: OverviewRow, column: int) -> str:
        texts: dict[int, Callable[[], str]] = {
            UNIT: lambda: row.name(self._language),
            MUNICIPALITY: lambda: row.municipality,
            PERIOD: lambda: row.period_label,
            MEETINGS: lambda: f"{row.meetings_held}/{row.meetings_required}",
            ROLES: lambda: roles_text(row),
            EVALUATIONS: lambda: (
                f"{row.plans_evaluated}/{row.plans_total}"
                + (f" ({row.plans_overdue})" if row.plans_overdue else "")
            ),
            CARDS: lambda: f"{row.cards_active} / {row.cards_reached}",
            ACTIONS: lambda: f"{row.actions_open} ({row.actions_overdue})",
            THEMES: lambda: (
                f"{row.themes_handled}/{row.themes_planned}" if row.version > 1 else "\u2013"
            ),
        }
        return texts[column]()

    def sort_value(self, row: OverviewRow, column: int) -> tuple[Any, ...]:
        """Numbers sort as numbers, texts in Finnish and Swedish alphabet order."""
        values: dict[int, tuple[Any, ...]] = {
            UNIT: (sort_key(row.name(self._language)), row.period_start),
            MUNICIPALITY: (sort_key(row.municipality), sort_key(row.name(self._language))),
            PERIOD: (row.period_start, sort_key(row.name(self._language))),
            MEETINGS: (row.meetings_held, row.meetings_required),
            ROLES: (len(row.roles_missing),),
            EVALUATIONS: (
                row.plans_evaluated / row.plans_total if row.plans_total else 1.0,
                -row.plans_overdue,
            ),
            CARDS: (row.cards_active, row.cards_reached),
            ACTIONS: (row.actions_open, row.actions_overdue),
            THEMES: (row.themes_handled / row.themes_planned if row.themes_planned else 0.0,),
        }
        return values[column]


class OverviewFilter(QSortFilterProxyModel):
    """Words typed in any order (unit, municipality, site code), one period or all, and
    optionally only the rows that need attention."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._period: str | None = None
        self._attention_only = False

    def source(self) -> OverviewModel:
        model = self.sourceModel()
        assert isinstance(model, OverviewModel)
        return model

    def set_words(self, text: str) -> None:
        change_rows_filter(self, lambda: setattr(self, "_words", text.casefold().split()))

    def set_period(self, period: str | None) -> None:
        change_rows_filter(self, lambda: setattr(self, "_period", period))

    def set_attention_only(self, only: bool) -> None:
        change_rows_filter(self, lambda: setattr(self, "_attention_only", only))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.source().rows[source_row]
        if self._period is not None and row.period_label != self._period:
            return False
        if self._attention_only and not row.needs_attention:
            return False
        haystack = " ".join(
            (row.unit_name_fi, row.unit_name_sv, row.municipality, row.site_code)
        ).casefold()
        return all(word in haystack for word in self._words)

    def lessThan(self, source_left: Index, source_right: Index) -> bool:
        model = self.source()
        column = source_left.column()
        left = model.sort_value(model.rows[source_left.row()], column)
        right = model.sort_value(model.rows[source_right.row()], column)
        return bool(left < right)

    def row_at(self, row: int) -> OverviewRow:
        return self.source().rows[self.mapToSource(self.index(row, 0)).row()]
