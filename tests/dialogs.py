"""Answering the modal dialogs a test opens: ``exec()`` blocks the test, so the answer is
given from the event loop once the dialog is shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

D = TypeVar("D", bound=QDialog)


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


def fill_with(
    monkeypatch: pytest.MonkeyPatch, kind: type[D], filler: Callable[[D], None]
) -> list[D]:
    """Make the next dialogs of ``kind`` be filled in by ``filler`` and saved, as a director
    would (a refused save leaves the dialog open); returns them as opened."""
    opened: list[D] = []

    def fake_exec(dialog: D) -> int:
        opened.append(dialog)
        filler(dialog)
        if dialog.result() == 0:
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(kind, "exec", fake_exec)
    return opened
