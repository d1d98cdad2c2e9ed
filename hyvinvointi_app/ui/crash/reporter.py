"""Catching what nobody expected: ``sys.excepthook`` and ``threading.excepthook``.

PySide6 hands an exception raised in a slot or an overridden event handler to
``sys.excepthook`` and then carries on with the event loop, so the application keeps
running; the reporter writes a log (see ``log.py``) and shows :class:`CrashDialog`.
Only an exception that unwound the whole program (start-up, or after the loop ended) closes
the application, after the dialog.

Two guards keep a bad moment from getting worse:

- **Floods.** A broken paint handler raises on every repaint. While the dialog is open, and
  for :data:`QUIET_SECONDS` after it closed, further errors are added to the same log and
  counted in the dialog; no second dialog appears.
- **Recursion.** An error while reporting an error (the log folder unwritable, the dialog
  itself failing) is never reported through the same path again: it prints one line on
  stderr, without the exception's message.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hyvinvointi_app.domain.errors import DatabaseFileError, UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.ui.crash.log import (
    CrashLog,
    current_thread_name,
    describe_for_stderr,
    is_top_level,
    new_crash_log,
)

QUIET_SECONDS = 10.0
"""After the dialog closed, errors within this time join the same log without a dialog."""

_ExcInfo = tuple[type[BaseException], BaseException | None, TracebackType | None]


def _to_stderr(text: str) -> None:
    """The last resort's one line; a windowed program on Windows has no stderr at all."""
    if sys.stderr is not None:
        sys.stderr.write(text)


class CrashReporter(QObject):
    """Installed once by ``ui.app.run``; ``dialog`` is the dialog shown (for tests)."""

    _thread_error = Signal(object, str)

    def __init__(self, log_folder: Callable[[], Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log_folder = log_folder
        self._reporting = False
        self._log: CrashLog | None = None
        self._write_problem = ""
        self._quiet_until = 0.0
        self._further = 0
        self.dialog: Any = None
        self.user_error_box: QMessageBox | None = None
        self.errors = 0
        self._previous: tuple[Any, Any] | None = None
        self._thread_error.connect(self._on_thread_error, Qt.ConnectionType.QueuedConnection)

    # -- installing ------------------------------------------------------------------------

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    @property
    def log_path(self) -> Path | None:
        return self._log.path if self._log is not None else None

    # -- the hooks -------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error or kind(), tb)
            return
        if threading.current_thread() is not threading.main_thread():
            self._thread_error.emit((kind, error, tb), current_thread_name())
            return
        fatal = is_top_level(tb)
        if isinstance(error, UserError) and not fatal:
            self.show_user_error(error)
            return
        self.report(kind, error, tb, thread=current_thread_name(), fatal=fatal)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """A worker thread's error: logged and shown on the GUI thread; the thread is over."""
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        if QApplication.instance() is None:
            self.report(args.exc_type, args.exc_value, args.exc_traceback, thread=name, fatal=False)
        else:
            self._thread_error.emit((args.exc_type, args.exc_value, args.exc_traceback), name)

    def _on_thread_error(self, info: _ExcInfo, thread: str) -> None:
        if isinstance(info[1], UserError):
            self.show_user_error(info[1])
            return
        self.report(*info, thread=thread, fatal=False)

    def show_user_error(self, error: UserError) -> None:
        """An error the user can act on (a full disk, a lost lock) that no screen caught:
        its own message, never the crash dialog's claim that everything was saved."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            _to_stderr(f"{describe(error)}\n")
            return
        parent = app.activeWindow()
        saving = isinstance(error, DatabaseFileError)  # a full disk, a lost lock, …
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("The change was not saved") if saving else "Hyvinvointiryhmä",
            describe(error),
            QMessageBox.StandardButton.Ok,
            parent if isinstance(parent, QWidget) else None,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.user_error_box = box
        box.show()

    # -- reporting -------------------------------------------------------------------------

    def report(
        self,
        kind: type[BaseException],
        error: BaseException | None,
        tb: TracebackType | None,
        *,
        thread: str,
        fatal: bool,
    ) -> None:
        """Log the error; show the dialog unless one is open or was closed just now."""
        if self._reporting:  # an error while reporting one: never go round again
            _to_stderr(describe_for_stderr(kind, error))
            return
        self._reporting = True
        try:
            self.errors += 1
            joins_burst = self._dialog_open() or time.monotonic() < self._quiet_until
            if not joins_burst:
                self._further = 0
                self._log = None
                try:
                    self._log = new_crash_log(self._log_folder())
                except OSError as problem:
                    self._write_problem = problem.strerror or type(problem).__name__
            else:
                self._further += 1
            self._write(kind, error, tb, thread=thread, fatal=fatal)
            if joins_burst and not fatal:
                if self._dialog_open():
                    self.dialog.set_further_errors(self._further)
                return
            self._show(fatal)
        except Exception as problem:  # the reporter itself failed: one line, no recursion
            _to_stderr(describe_for_stderr(type(problem), problem))
        finally:
            self._reporting = False

    def _write(
        self,
        kind: type[BaseException],
        error: BaseException | None,
        tb: TracebackType | None,
        *,
        thread: str,
        fatal: bool,
    ) -> None:
        if self._log is None:
            _to_stderr(describe_for_stderr(kind, error))
            return
        self._log.add(kind, error, tb, thread=thread, fatal=fatal)
        try:
            self._log.write()
            self._write_problem = ""
        except OSError as problem:
            self._write_problem = problem.strerror or type(problem).__name__
            if self._log.errors == 1:  # never written: do not point the user to it
                self._log = None
                _to_stderr(describe_for_stderr(kind, error))

    def _dialog_open(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    def _show(self, fatal: bool) -> None:
        from hyvinvointi_app.ui.crash.dialog import CrashDialog

        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        parent = app.activeWindow()
        if parent is not None and isinstance(parent, CrashDialog):
            parent = None
        dialog = CrashDialog(
            self.log_path,
            fatal=fatal,
            write_problem=self._write_problem,
            parent=parent if isinstance(parent, QWidget) else None,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.finished.connect(self._on_closed)
        self.dialog = dialog
        if fatal:
            dialog.exec()  # the event loop is over: this one is the last
        else:
            # Modal for the whole application, without a nested event loop: the handler
            # returns at once and the loop that called the failing slot goes on.
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()

    def _on_closed(self, _result: int) -> None:
        self._quiet_until = time.monotonic() + QUIET_SECONDS
        dialog = self.dialog
        if dialog is not None:
            QTimer.singleShot(0, dialog.deleteLater)
        self.dialog = None


_reporter: CrashReporter | None = None


def install_crash_reporter(log_folder: Callable[[], Path]) -> CrashReporter:
    """Install the reporter once per process (again only replaces the log folder)."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter(log_folder)
        _reporter.install()
    else:
        _reporter._log_folder = log_folder
    return _reporter
