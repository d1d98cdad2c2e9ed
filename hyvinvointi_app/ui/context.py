"""What every screen shares: the open unit file, the undo stack, settings, and the signals that
tell screens to redraw. Screens receive an :class:`AppContext` and never reach for globals."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from hyvinvointi_app.paths import data_home
from hyvinvointi_app.services import settings as shared_settings
from hyvinvointi_app.ui.prompter import Prompter

if TYPE_CHECKING:  # the store loads after the window is shown (see ui/app.py)
    from hyvinvointi_app.store.database import Database


def open_settings() -> QSettings:
    """The interface's settings, kept in the data folder (so ``HYVINVOINTI_HOME`` moves them
    too). The folder is created owner-only and the file made owner-only before Qt writes it
    (it lists recent file paths); Qt keeps that mode when it rewrites the file. Settings the
    command line needs too (backups) are in ``services/settings.py``."""
    with contextlib.suppress(OSError):  # a read-only data folder: Qt then keeps them in memory
        shared_settings.ensure_data_home()
    path = data_home() / shared_settings.QT_SETTINGS_FILE
    shared_settings.make_private(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def setting_text(settings: QSettings, key: str, default: str = "") -> str:
    """A text setting, ``default`` when it is not set (Qt's ``value`` is typed ``object``)."""
    value = settings.value(key, default, str)
    return value if isinstance(value, str) else default


class AppContext(QObject):
    """The open unit file and the shared state of the screens that work on it."""

    data_changed = Signal()
    """Emitted after every change (a user action, an undo or a redo): screens redraw."""
    navigate_requested = Signal(str)
    """A screen asks to show another one by its key (see ``screens.SCREENS``)."""
    open_requested = Signal(str, int)
    """A screen asks to show another one and select a record in it: (screen key, record id),
    e.g. ("cards", card id) after a result card was created from a development area."""
    document_requested = Signal(str, int)
    """A screen asks for a document of the Reports screen: (document, the period, meeting or
    plan it is made of), e.g. ("clock", period id) for the annual clock's poster."""
    stepping = Signal()
    """Edit → Undo or Redo is about to run: typed text is written and its session ends first,
    so that the step undone is the last one made."""
    closing = Signal()
    """Emitted just before the unit file closes, while it can still be written."""
    status_message = Signal(str)
    """A short confirmation for the status bar, e.g. “Member added”."""
    meeting_mode = Signal(bool)
    """Meeting mode opened (True) or left (False): the window gives the memo its width."""

    def __init__(
        self, database: Database, parent: QObject | None = None, prompter: Prompter | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.prompter = prompter or Prompter()
        """Message boxes and file dialogs (see :mod:`hyvinvointi_app.ui.prompter`)."""
        self.settings = open_settings()
        self.undo_stack = QUndoStack(self)
        self._redraw = True
        self.undo_stack.indexChanged.connect(self._step_taken)

    def _step_taken(self, _index: int) -> None:
        if self._redraw:
            self.data_changed.emit()

    def undo(self) -> None:
        self.stepping.emit()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.stepping.emit()
        self.undo_stack.redo()

    def push_step(self, step: QUndoCommand, *, redraw: bool = True) -> None:
        """Put a change already made on the undo stack; ``redraw=False`` for one the screen
        shows already (typed text), so that leaving a field does not redraw every screen.
        Its undo and redo redraw as usual."""
        self._redraw = redraw
        try:
            self.undo_stack.push(step)
        finally:
            self._redraw = True

    @property
    def path(self) -> Path:
        return self.database.path

    def close(self) -> None:
        self.closing.emit()
        self.undo_stack.clear()
        self.database.close()
