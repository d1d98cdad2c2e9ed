"""Every screen can be used by keyboard and read by a screen reader: each control that takes
keyboard focus has an accessible name, and Tab reaches it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollBar, QWidget

from hyvinvointi_app.ui import screens
from hyvinvointi_app.ui.main_window import MainWindow


def _focusable(root: QWidget) -> list[QWidget]:
    """The controls a keyboard user can reach: enabled, shown, taking focus by Tab."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget, QScrollBar):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            continue
        found.append(widget)
    return found


def _describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r}"


@pytest.mark.parametrize("key", [s.key for s in screens.SCREENS])
def test_every_control_has_an_accessible_name(window: MainWindow, key: str) -> None:
    window.show_page(key)
    QApplication.processEvents()
    page = window.pages[key]
    unnamed = [_describe(w) for w in _focusable(page) if not w.accessibleName().strip()]
    assert not unnamed, f"controls without an accessible name on {key}: {unnamed}"


@pytest.mark.parametrize("key", [s.key for s in screens.SCREENS])
def test_tab_reaches_every_control(window: MainWindow, key: str) -> None:
    window.show_page(key)
    window.activateWindow()
    QApplication.processEvents()
    page = window.pages[key]
    wanted = set(_focusable(page))
    if not wanted:
        return
    start = next(iter(wanted))
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    reached: set[QWidget] = set()
    for _step in range(3 * len(wanted) + 10):  # real Tab presses: a control that keeps Tab traps
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.add(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    missing = [_describe(w) for w in wanted - reached]
    assert not missing, f"Tab never reaches on {key}: {missing}"
