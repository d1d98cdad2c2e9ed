"""The plan register as a table: one row per plan, ordered by plan type, then name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import plan_type_label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services.plans import PlanView
from hyvinvointi_app.ui.table_model import Index, RowsModel

TYPE, NAME, VERSION, OWNER, APPROVED, REVIEW, LOCATION = range(7)

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole


class PlanTableModel(RowsModel[PlanView]):
    """Type, name, version or year, owner, approved on, next review, where the document is.

    An overdue review carries a warning icon *and* the word “overdue”, and is bold, so it
    never depends on colour; an archived plan says so after its name.
    """

    def __init__(self, overdue_icon: QIcon | None = None, today: dt.date | None = None) -> None:
        super().__init__(
            (
                _("Plan type"),
                _("Name"),
                _("Version or year"),
                _("Owner"),
                _("Approved on"),
                _("Next review"),
                _("Where the document is kept"),
            )
        )
        self._overdue_icon = overdue_icon
        self.today = today or dt.date.today()
        self._language = ui_translator().language

    def is_overdue(self, plan: PlanView) -> bool:
        due = plan.next_review_due
        return not plan.archived and due is not None and due < self.today

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        plan = self.cell_row(index)
        if plan is None:
            return None
        column = index.column()
        if role == PLAN_ID_ROLE:
            return plan.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(plan, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (TYPE, NAME, LOCATION):
            return self.text(plan, column) if column != LOCATION else plan.document_location
        overdue = column == REVIEW and self.is_overdue(plan)
        if role == Qt.ItemDataRole.DecorationRole and overdue:
            return self._overdue_icon
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.FontRole and plan.archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def text(self, plan: PlanView, column: int) -> str:
        if column == TYPE:
            return plan_type_label(plan.type)
        if column == NAME:
            return plan.name + (" " + _("(archived)") if plan.archived else "")
        if column == VERSION:
            return plan.version
        if column == OWNER:
            return plan.owner
        if column == APPROVED:
            return format_date(plan.approved_on, self._language) if plan.approved_on else ""
        if column == REVIEW:
            if plan.next_review_due is None:
                return ""
            due = format_date(plan.next_review_due, self._language)
            return _("{date} — overdue").format(date=due) if self.is_overdue(plan) else due
        # One line in the table: a long note shows in full in the tooltip.
        return " ".join(plan.document_location.split())
