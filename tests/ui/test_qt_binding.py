"""The Qt binding must not leak references: PySide6 6.12.0 dropped a reference to None on
every Qt call that returns nothing, and on Python 3.11 the interpreter aborted after a few
thousand such calls (one redraw of the annual clock makes hundreds)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setObjectName("x")
    assert sys.getrefcount(None) >= before - 50
