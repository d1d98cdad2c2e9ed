"""The annual clock as a Qt item model: the twelve months of the period (August first) as
top-level rows, each with its themes beneath in order. Every month is always present, so a
theme can be added to an empty one, and the list reads like the year it plans."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from hyvinvointi_app.i18n.formatting import month_name
from hyvinvointi_app.i18n.labels import partner_label, plan_type_label
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext, ui_translator
from hyvinvointi_app.services.annual_clock import PERIOD_MONTHS, Partner, ThemeView

THEME_COLUMN = 0
PLAN_COLUMN = 1
PARTNERS_COLUMN = 2
HANDLING_COLUMN = 3
"""How the theme was dealt with in the current operating period."""

MONTH_ROLE = Qt.ItemDataRole.UserRole + 1
"""The month (1–12) of a month row and of a theme row."""
THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The theme's id on a theme row; 0 on a month row (ids start from 1)."""
NOTE_ROLE = Qt.ItemDataRole.UserRole + 3
"""A month row's note (“no themes”, “this month”), drawn after the month's name."""

_Index = QModelIndex | QPersistentModelIndex

NO_THEME = 0
# Every role that is read is set on every item, with no None stored: a value read back is
# then always of one type (an id, a month, a text).


def partners_text(partners: Sequence[Partner]) -> str:
    """A theme's partners in a line: "Terveydenhoitaja, Pelastuslaitos"."""
    return ", ".join(partner_label(p.role, p.name) for p in partners)


def month_title(month: int) -> str:
    """The stand-alone month name with a capital, as a heading: “Elokuu”, “Augusti”."""
    name = month_name(month, ui_translator().language)
    return name[:1].upper() + name[1:]


class ClockModel(QStandardItemModel):
    """Months and their themes; rebuilt whole by :meth:`load` (a clock has tens of rows)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [_("Theme"), _("Plan evaluated"), _("Partners"), pgettext("clock column", "Handling")]
        )
        self.setHeaderData(
            HANDLING_COLUMN,
            Qt.Orientation.Horizontal,
            _("How each theme was dealt with in the current operating period"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.themes: list[ThemeView] = []
        self.handling: dict[int, str] = {}

    def load(
        self,
        themes: Sequence[ThemeView],
        current_month: int | None = None,
        handling: Mapping[int, str] | None = None,
    ) -> None:
        """Show ``themes`` (in period order, as ``list_themes`` gives them), each with how it
        was dealt with in the current period (``handling`` by theme id: where it was handled,
        or its mark; absent or empty for neither)."""
        self.themes = list(themes)
        self.handling = dict(handling or {})
        self.removeRows(0, self.rowCount())
        bold = QFont()
        bold.setBold(True)
        for month in PERIOD_MONTHS:
            in_month = [t for t in self.themes if t.month == month]
            title = month_title(month)
            now = [_("this month")] if month == current_month else []
            note = ", ".join(([] if in_month else [_("no themes")]) + now)
            month_item = self._item(title, month)
            month_item.setFont(bold)
            month_item.setData(note, NOTE_ROLE)
            count = ngettext("{count} theme", "{count} themes", len(in_month)).format(
                count=len(in_month)
            )
            spoken = ", ".join([title, count, *now])
            month_item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
            for theme in in_month:
                month_item.appendRow(self._theme_row(theme))
            self.appendRow([month_item, *(self._item("", month) for _column in range(3))])

    def _item(self, text: str, month: int) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(month, MONTH_ROLE)
        item.setData(NO_THEME, THEME_ID_ROLE)
        item.setData("", NOTE_ROLE)
        item.setData(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            Qt.ItemDataRole.TextAlignmentRole,
        )
        return item

    def _theme_row(self, theme: ThemeView) -> list[QStandardItem]:
        plan = plan_type_label(theme.plan_type) if theme.plan_type else ""
        title_item = self._item(theme.title, theme.month)
        plan_item = self._item(plan, theme.month)
        spoken_plan = _("evaluates: {plan}").format(plan=plan) if plan else _("evaluates no plan")
        partners = partners_text(theme.partners)
        partners_item = self._item(partners, theme.month)
        spoken_partners = (
            _("partners: {partners}").format(partners=partners) if partners else _("no partners")
        )
        handling = self.handling.get(theme.id, "")
        handling_item = self._item(handling, theme.month)
        spoken = f"{theme.title}; {spoken_plan}; {spoken_partners}" + (
            f"; {handling}" if handling else ""
        )
        title_item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
        plan_item.setData(spoken_plan, Qt.ItemDataRole.AccessibleTextRole)
        partners_item.setData(spoken_partners, Qt.ItemDataRole.AccessibleTextRole)
        handling_item.setData(handling or _("not marked"), Qt.ItemDataRole.AccessibleTextRole)
        row = [title_item, plan_item, partners_item, handling_item]
        for item in row:
            item.setData(theme.id, THEME_ID_ROLE)
            item.setToolTip(theme.title)
        for item, text in ((partners_item, partners), (handling_item, handling)):
            if text:
                item.setToolTip(text)
        return row

    # -- looking things up ----------------------------------------------------------------

    def theme_at(self, index: _Index) -> ThemeView | None:
        """The theme of a theme row (any column); None on a month row or nowhere."""
        if not index.isValid():
            return None
        theme_id = index.data(THEME_ID_ROLE)
        return next((t for t in self.themes if t.id == theme_id), None)

    def month_at(self, index: _Index) -> int | None:
        return int(index.data(MONTH_ROLE)) if index.isValid() else None

    def month_index(self, month: int) -> QModelIndex:
        """The month row of ``month``."""
        return self.index(PERIOD_MONTHS.index(month), THEME_COLUMN)

    def theme_index(self, theme_id: int) -> QModelIndex:
        """The row of a theme; an invalid index if the clock no longer has it."""
        theme = next((t for t in self.themes if t.id == theme_id), None)
        if theme is None:
            return QModelIndex()
        parent = self.month_index(theme.month)
        for row in range(self.rowCount(parent)):
            index = self.index(row, THEME_COLUMN, parent)
            if index.data(THEME_ID_ROLE) == theme_id:
                return index
        return QModelIndex()
