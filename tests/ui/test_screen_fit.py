"""Windows open within the screen: the main window, the coordinator's window and the large
dialogs asked for more room than a laptop at 150 % has (1200×760 on a screen of 910×512 of
Qt's units) and opened with their edges beyond it. The offscreen screen of the tests is
narrower than they ask for, so each must shrink to it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.ui.activity_log.dialog import ActivityLogDialog
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.coordinator.window import CoordinatorWindow
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.guide import GuideWindow
from hyvinvointi_app.ui.main_window import MainWindow


def _fits(window: QWidget) -> bool:
    room = QGuiApplication.primaryScreen().availableGeometry()
    return window.width() <= room.width() and window.height() <= room.height()


def test_a_window_asks_for_what_it_wants_but_gets_what_the_screen_has(qapp: object) -> None:
    room = QGuiApplication.primaryScreen().availableGeometry()
    small = QWidget()
    resize_within_screen(small, 300, 200)
    assert (small.width(), small.height()) == (300, 200)
    huge = QWidget()
    resize_within_screen(huge, room.width() * 2, room.height() * 2)
    assert _fits(huge) and huge.width() > room.width() // 2


def test_the_large_windows_open_within_the_screen(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    room = QGuiApplication.primaryScreen().availableGeometry()
    assert room.width() < 1200  # else this test proves nothing
    fresh = MainWindow()  # (the fixture's window is made laptop-sized on purpose)
    qtbot.addWidget(fresh)
    assert _fits(fresh)
    for opened in (ActivityLogDialog(context, window), CoordinatorWindow(window), GuideWindow()):
        assert _fits(opened), type(opened).__name__
        opened.deleteLater()
