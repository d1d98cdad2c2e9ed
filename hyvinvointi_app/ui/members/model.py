"""The members table: one row per member, sorted in Finnish/Swedish alphabet order and
filtered by what the director types. No widgets here, so the model is tested on its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.i18n.collation import sort_key
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import role_label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services.members import MemberView
from hyvinvointi_app.ui.filtering import change_rows_filter
from hyvinvointi_app.ui.table_model import Index, RowsModel

NAME, ROLE, ORGANISATION, TERM, CONTACT = range(5)
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The member's id, the same in every column."""

FORMER_COLOUR = QColor(0x59, 0x59, 0x59)
"""Former members in grey that still reads well (7:1 on white); the term also says “ended”."""


def term_text(member: MemberView, today: dt.date) -> str:
    """``1.8.2025–31.7.2026``, ``from 1.8.2025``, ``until 31.7.2026``; “ended” when over."""
    language = ui_translator().language
    start = format_date(member.term_start, language) if member.term_start else ""
    end = format_date(member.term_end, language) if member.term_end else ""
    if start and end:
        text = f"{start}–{end}"
    elif start:
        text = _("from {date}").format(date=start)
    elif end:
        text = _("until {date}").format(date=end)
    else:
        text = ""
    if is_former(member, today):
        text = _("{term} (ended)").format(term=text)
    return text


def contact_text(member: MemberView) -> str:
    return ", ".join(part for part in (member.email, member.phone) if part)


def is_former(member: MemberView, today: dt.date) -> bool:
    """A member whose term has ended (an erased member always has)."""
    return member.erased or (member.term_end is not None and member.term_end < today)


def display_name(member: MemberView) -> str:
    return member.name if member.name is not None else _("(personal details erased)")


class MembersModel(RowsModel[MemberView]):
    """The members of the unit file as a table; :meth:`set_members` replaces them all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (_("Name"), _("Role"), _("Organisation"), _("Term"), _("Contact details")), parent
        )
        self._today = dt.date.today()
        self._role_labels: dict[Role, str] = {role: role_label(role) for role in Role}

    def set_members(self, members: list[MemberView], today: dt.date | None = None) -> None:
        self._today = today or dt.date.today()
        self.set_rows(members)

    @property
    def today(self) -> dt.date:
        return self._today

    def member_at(self, row: int) -> MemberView:
        return self._rows[row]

    def text(self, row: int, column: int) -> str:
        member = self._rows[row]
        if column == NAME:
            return display_name(member)
        if column == ROLE:
            return self._role_labels[member.role]
        if column == ORGANISATION:
            return member.organisation
        if column == TERM:
            return term_text(member, self._today)
        if column == CONTACT:
            return contact_text(member)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        member = self.cell_row(index)
        if member is None:
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.text(index.row(), index.column())
        if role == MEMBER_ID_ROLE:
            return member.id
        if role == Qt.ItemDataRole.FontRole and member.erased and index.column() == NAME:
            font = QFont(QApplication.font())
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and is_former(member, self._today):
            return FORMER_COLOUR
        return None

    def sort_key(self, row: int, column: int) -> tuple[Any, ...]:
        """What a column sorts by: names in Finnish/Swedish order, terms by date."""
        member = self._rows[row]
        name = (member.name is None, sort_key(member.name or ""), member.id)
        if column == TERM:
            return (member.term_start or dt.date.min, member.term_end or dt.date.max, *name)
        if column == NAME:
            return name
        text = self.text(row, column)
        return (not text, sort_key(text), *name)

    def search_text(self, row: int) -> str:
        """Everything a filter matches, case-folded."""
        return " ".join(self.text(row, column) for column in range(len(self.headers))).casefold()


class MembersProxy(QSortFilterProxyModel):
    """Sorting with the application's own collation (not the operating system's locale) and
    filtering by words typed in any order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._show_former = True

    def source(self) -> MembersModel:
        model = self.sourceModel()
        assert isinstance(model, MembersModel)
        return model

    def set_filter_text(self, text: str) -> None:
        change_rows_filter(self, lambda: setattr(self, "_words", text.casefold().split()))

    def set_show_former(self, show: bool) -> None:
        change_rows_filter(self, lambda: setattr(self, "_show_former", show))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.source()
        if not self._show_former and is_former(model.member_at(source_row), model.today):
            return False
        haystack = model.search_text(source_row)
        return all(word in haystack for word in self._words)

    def lessThan(self, source_left: Index, source_right: Index) -> bool:
        model = self.source()
        column = source_left.column()
        left = model.sort_key(source_left.row(), column)
        right = model.sort_key(source_right.row(), column)
        return bool(left < right)
