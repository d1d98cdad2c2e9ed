"""Small building blocks of the editors (the memo, plans, evaluations): plain text that pastes
as text, a label for a field, and what a typed date or time that was not understood tells."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from hyvinvointi_app.domain.typed_dates import (
    InvalidTypedDate,
    InvalidTypedTime,
    TypedDateProblem,
    TypedTimeProblem,
)
from hyvinvointi_app.i18n.translator import _


class MemoText(QPlainTextEdit):
    """Plain text with lists typed as lines (“- ”); a paste from Word keeps only the text.

    Tab moves to the next field, so the keyboard never gets stuck in a text box.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(source.text())


def select_in(widget: QWidget, start: int, end: int) -> None:
    """Put the cursor in a text field with its characters ``start``–``end`` selected (a
    search's match, a privacy finding), scrolled into view."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QLineEdit):
        text = widget.text()
        first, last = _utf16(text, start), _utf16(text, end)
        widget.setSelection(first, max(0, last - first))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        text = widget.toPlainText()
        cursor = widget.textCursor()
        length = _utf16(text, len(text))
        cursor.setPosition(min(_utf16(text, start), length))
        cursor.setPosition(min(_utf16(text, end), length), cursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()


def _utf16(text: str, index: int) -> int:
    """Qt's position of Python's character ``index`` of ``text``: Qt counts a character beyond
    the first 65 536 (an emoji, say) as two."""
    return len(text[:index].encode("utf-16-le")) // 2


def buddy_label(text: str, buddy: QWidget, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def hint_label(parent: QWidget | None = None) -> QLabel:
    """A one-line explanation beside a field whose typed value was not understood."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setStyleSheet("color: palette(text); font-style: italic;")
    label.hide()
    return label


def show_hint(label: QLabel, text: str | None) -> None:
    if text:
        label.setText("⚠ " + text)
        label.setAccessibleName(text)
        label.show()
    else:
        label.clear()
        label.hide()


def date_problem_text(error: InvalidTypedDate) -> str:
    return {
        TypedDateProblem.EMPTY: _("Type a date, e.g. 15.1. or 15.1.2027."),
        TypedDateProblem.FORMAT: _("Type the date as day.month., e.g. 15.1. or 15.1.2027."),
        TypedDateProblem.NO_SUCH_DAY: _("There is no such day in the calendar."),
        TypedDateProblem.OUT_OF_RANGE: _("Check the year."),
    }[error.reason]


def time_problem_text(error: InvalidTypedTime) -> str:
    return {
        TypedTimeProblem.EMPTY: _("Type a time, e.g. 13 or 13.30."),
        TypedTimeProblem.FORMAT: _("Type the time as 13 or 13.30."),
        TypedTimeProblem.OUT_OF_RANGE: _("Hours go up to 23 and minutes up to 59."),
    }[error.reason]


def time_text(value: dt.time | None) -> str:
    """``13.05`` as typed in Finland; empty when not set."""
    return "" if value is None else f"{value.hour}.{value.minute:02d}"
