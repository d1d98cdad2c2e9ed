"""A plan's evaluations side by side, one column per evaluation under its operating period,
so that the group sees at a glance whether the same development areas come back.

A development area named in more than one period is marked with ↻ and said in words in
its tooltip and accessible text, never by colour alone.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services.evaluations import (
    EvaluationView,
    PlanHistory,
    development_areas_of,
    is_recurring,
    recurring_development_areas,
)

RECURRING_MARK = "↻"
COLUMN_WIDTH = 250
HEADER_CHARACTERS = 34
"""Row titles (checklist questions are long) wrap at this width instead of being cut."""
EVALUATION_ID_ROLE = Qt.ItemDataRole.UserRole
CURRENT_STATE_ROW, STRENGTHS_ROW, AREAS_ROW = 3, 4, 5
"""The rows of the evaluation's texts; the development areas' is the one marked ↻, and the
one chosen at first."""
QUESTIONS_ROW = 7
"""The first checklist question's row."""


class HistoryTable(QTableWidget):
    """Rows: meeting, methods, participants, current state, strengths, development areas,
    conclusion and each checklist question; columns: the evaluations, oldest first, grouped
    by period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Evaluations of the plan by operating period"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        self.evaluations: list[EvaluationView] = []
        self.recurring: set[str] = set()

    def set_history(self, history: PlanHistory | None) -> None:
        language = ui_translator().language
        self.clear()
        self.evaluations = []
        columns: list[tuple[str, EvaluationView]] = []
        if history is not None:
            self.recurring = recurring_development_areas(history)
            for group in history.periods:
                period = group.label or _("No operating period")
                for evaluation in group.evaluations:
                    header = f"{period}\n{format_date(evaluation.date, language)}"
                    columns.append((header, evaluation))
        self.evaluations = [e for _h, e in columns]
        questions = self._questions()
        row_titles = [
            _("Meeting"),
            _("Methods"),
            _("Participants"),
            _("Current state"),
            _("Strengths"),
            _("Development areas"),
            _("Conclusion"),
            *[text for _key, text in questions],
        ]
        self.setColumnCount(len(columns))
        self.setRowCount(len(row_titles) if columns else 0)
        self.setHorizontalHeaderLabels([h for h, _e in columns])
        self.setVerticalHeaderLabels(row_titles if columns else [])
        for column, (_header, evaluation) in enumerate(columns):
            texts = [
                self._meeting(evaluation),
                ", ".join(label(m) for m in evaluation.methods),
                ", ".join(label(r) for r in evaluation.participant_roles),
                evaluation.current_state,
                evaluation.strengths,
                self._areas(evaluation),
                self._conclusion(evaluation),
                *[self._answer(evaluation, key) for key, _text in questions],
            ]
            for row, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(EVALUATION_ID_ROLE, evaluation.id)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{row_titles[row]}: {text}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if row == AREAS_ROW and RECURRING_MARK in text:
                    item.setToolTip(_("↻ marks a development area named in another period too."))
                self.setItem(row, column, item)
            self.setColumnWidth(column, COLUMN_WIDTH)
        for row, title in enumerate(row_titles if columns else []):
            row_title = QTableWidgetItem(textwrap.fill(title, HEADER_CHARACTERS))
            row_title.setToolTip(title)
            row_title.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.setVerticalHeaderItem(row, row_title)
        self.resizeRowsToContents()
        if columns:
            self.setCurrentCell(AREAS_ROW, len(columns) - 1)
            # Once laid out, the latest evaluation is in view (it is the one chosen).
            QTimer.singleShot(0, self._scroll_to_current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        """Bring the chosen (by default the latest) evaluation into view."""
        item = self.currentItem()
        if item is not None:
            self.scrollToItem(item)

    def _questions(self) -> list[tuple[str, str]]:
        """Every checklist question asked in these evaluations, in the order first asked,
        with its latest wording."""
        found: dict[str, str] = {}
        for evaluation in self.evaluations:
            for check in evaluation.checks:
                found[check.key] = check.question
        return list(found.items())

    def _meeting(self, evaluation: EvaluationView) -> str:
        if evaluation.meeting_number is None:
            return _("(not in a meeting)")
        return _("Meeting {number}").format(number=evaluation.meeting_number)

    def _areas(self, evaluation: EvaluationView) -> str:
        lines = []
        for area in development_areas_of(evaluation.development_areas):
            mark = RECURRING_MARK if is_recurring(area, self.recurring) else "•"
            lines.append(f"{mark} {area}")
        return "\n".join(lines)

    def _conclusion(self, evaluation: EvaluationView) -> str:
        if evaluation.conclusion is None:
            return ""
        parts = [label(evaluation.conclusion)]
        if evaluation.update_by:
            parts.append(_("by {whom}").format(whom=evaluation.update_by))
        if evaluation.update_due:
            language = ui_translator().language
            parts.append(_("by {date}").format(date=format_date(evaluation.update_due, language)))
        return ", ".join(parts)

    def _answer(self, evaluation: EvaluationView, key: str) -> str:
        check = next((c for c in evaluation.checks if c.key == key), None)
        if check is None:
            return ""
        answer = label(check.answer) if check.answer else ""
        return " — ".join(part for part in (answer, check.note) if part)

    def current_evaluation(self) -> EvaluationView | None:
        column = self.currentColumn()
        if 0 <= column < len(self.evaluations):
            return self.evaluations[column]
        return None

    def select_evaluation(self, evaluation_id: int, row: int | None = None) -> None:
        """Choose the evaluation's column, at ``row`` if given (else the row chosen now)."""
        for column, evaluation in enumerate(self.evaluations):
            if evaluation.id == evaluation_id:
                self.setCurrentCell(max(0, self.currentRow() if row is None else row), column)
                self._scroll_to_current()
                return

    def question_row_with(self, evaluation_id: int, words: str) -> int | None:
        """The row of the evaluation's checklist answer whose text holds ``words``."""
        column = next((c for c, e in enumerate(self.evaluations) if e.id == evaluation_id), None)
        for row in range(QUESTIONS_ROW, self.rowCount()):
            item = self.item(row, column) if column is not None else None
            if item is not None and words.lower() in item.text().lower():
                return row
        return None
