"""Date and time fields that Tab leaves, as every other field: Qt's own step through their
sections on Tab, so that the next words typed (a meeting's place, say) went into the month."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget


def _leaves(field: QWidget, event: QKeyEvent) -> bool:
    """Tab or Shift+Tab: focus goes to the next or previous control (True if handled)."""
    if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return False
    if event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
        return False
    forward = event.key() == Qt.Key.Key_Tab and not event.modifiers()
    QWidget.focusNextPrevChild(field, forward)
    event.accept()
    return True


class _LeavesOnTab:
    """Mixed in before a Qt field's class: Tab and Shift+Tab leave the field."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _leaves(cast(QWidget, self), event):
            super().keyPressEvent(event)  # type: ignore[misc]  # the Qt class after this one

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(cast(QWidget, self), forward)


class DateEdit(_LeavesOnTab, QDateEdit):
    """A date field; the day, month and year are chosen with the arrow keys or typed."""


class TimeEdit(_LeavesOnTab, QTimeEdit):
    """A time field."""
