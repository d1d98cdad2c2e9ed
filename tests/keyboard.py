"""Keyboard checks shared by the screen tests: which controls a user operates, where real
Tab presses take the focus, and the meeting editor as the active window for its shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.meetings.editor import MeetingEditor


def interactive_widgets(top: QWidget) -> list[QWidget]:
    """What a user operates: buttons, fields, lists (not the parts inside a combo box, a date
    field or a table, which their owner stands for)."""
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)
    found: list[QWidget] = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget, QHeaderView):
            continue
        if not widget.isVisibleTo(top):
            continue
        parent = widget.parentWidget()
        inside = False
        while parent is not None and parent is not top:
            if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
                inside = True
            parent = parent.parentWidget()
        if not inside:
            found.append(widget)
    return found


def tab_through(qtbot: QtBot, top: QWidget, start: QWidget) -> set[QWidget]:
    """Press Tab from ``start`` until focus comes back round; every widget it visited."""
    top.activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = {start}
    for _step in range(80):
        before = QApplication.focusWidget()
        assert before is not None
        QTest.keyClick(before, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is None:
            break
        if focused is start and len(visited) > 1:
            break  # round again (a date field first takes Tab through its day, month, year)
        visited.add(focused)
    return visited


def owner(widget: QWidget) -> QWidget:
    """The widget that stands for ``widget`` in :func:`interactive_widgets` (a date field for
    its inner text box)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return parent
        parent = parent.parentWidget()
    return widget


def make_editor(qtbot: QtBot, context: AppContext, meeting_id: int) -> MeetingEditor:
    """The editor as its own window, the active one (the main window steps aside), so that
    its shortcuts work as they do when the meetings screen shows it."""
    main = context.parent()
    if isinstance(main, QWidget):
        main.hide()
    editor = MeetingEditor(context, meeting_id)
    qtbot.addWidget(editor)
    editor.resize(1200, 720)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    return editor
