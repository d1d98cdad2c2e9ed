"""Answering the modal dialogs a test opens: ``exec()`` blocks the test, so the answer is
given from the event loop once the dialog is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def answer_later(handle: Callable[[QWidget], None]) -> list[QWidget]:
    """Deal with the next modal dialog once it is shown; the list returned holds the dialog
    once handled, for the test to check."""
    handled: list[QWidget] = []

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if tries < 100:
                QTimer.singleShot(20, lambda: attempt(tries + 1))
            return
        handled.append(dialog)
        handle(dialog)

    QTimer.singleShot(0, attempt)
    return handled
