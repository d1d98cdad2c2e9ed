"""Application bootstrap: Qt, the language, the first-run wizard when there is no unit file
yet, and the main window. The window is painted first, with the Overview kept at the last
closing; the store and the services load in a thread meanwhile, and then the file opens."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from hyvinvointi_app.paths import default_database, log_folder
from hyvinvointi_app.resources import resource_path
from hyvinvointi_app.ui.context import open_settings, setting_text
from hyvinvointi_app.ui.crash import install_crash_reporter
from hyvinvointi_app.ui.language import LANGUAGES, apply_language
from hyvinvointi_app.ui.main_window import MainWindow

_qt_log = logging.getLogger("hyvinvointi.qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.DEBUG,
    QtMsgType.QtWarningMsg: logging.DEBUG,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's diagnostics (platform-plugin notes and the like) go to the log, not to the
    user's terminal, where they would drown the one line an error is allowed."""
    _qt_log.log(_QT_LEVELS.get(kind, logging.DEBUG), "%s", message)


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The window icon's sizes in ``resources/icons`` (the platform picks the one it needs)."""
PRELOADED = (
    "hyvinvointi_app.store.database",
    "hyvinvointi_app.services.memo_record",
    "hyvinvointi_app.ui.backups.scheduler",
    "hyvinvointi_app.ui.overview.page",
)
"""What opening a unit file and drawing its Overview need: most of a start-up's imports."""


class _Preloaded(QObject):
    done = Signal()


def after_preloading(callback: Callable[[], None]) -> None:
    """Import :data:`PRELOADED` in a thread while the window is shown and answers, then call
    ``callback`` on the GUI thread (also when an import failed: the callback meets the same
    error where the crash reporter shows it)."""
    notice = _Preloaded(QApplication.instance())
    notice.done.connect(callback, Qt.ConnectionType.QueuedConnection)
    notice.done.connect(notice.deleteLater, Qt.ConnectionType.QueuedConnection)

    def preload() -> None:
        try:
            for name in PRELOADED:
                importlib.import_module(name)
        except Exception:  # the callback meets it again, where it is reported once
            pass
        finally:
            notice.done.emit()

    threading.Thread(target=preload, name="preload", daemon=True).start()


EXIT_CRASHED = 3
"""``--smoke``'s exit status after an unexpected error."""


def _smoke_failed(
    kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
) -> None:
    try:
        if sys.stderr is not None:  # a windowed Windows program has none
            traceback.print_exception(kind, error, tb)
            sys.stderr.flush()
    finally:
        os._exit(EXIT_CRASHED)  # at once: no dialog waits for a click that never comes


def set_aside_what_lives_long() -> None:
    """Once the file is open, what exists lives about as long as the program: with the
    young garbage gone, it is set aside, so that a full garbage collection no longer walks
    it (one paused the window ~50 ms in the middle of an export). Once per process."""
    gc.collect(1)
    gc.freeze()


def _icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"hyvinvointi-{size}.png")))
    return icon


def choose_language(explicit: str | None, fallback: str) -> str:
    """``--lang`` first, then the language chosen in Settings, then the environment's."""
    stored = setting_text(open_settings(), "language")
    for candidate in (explicit, stored, fallback):
        if candidate in LANGUAGES:
            return str(candidate)
    return "fi"


def run(
    path: Path | None,
    *,
    language: str | None,
    fallback_language: str,
    smoke: bool,
    uptime: Callable[[], float],
) -> int:
    """Show the application on ``path``; ``None`` means the first run (no unit file yet)."""
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Hyvinvointiryhmä")
    app.setOrganizationName("Hyvinvointiryhma")
    if sys.platform != "win32":
        app.setStyle("Fusion")
    app.setWindowIcon(_icon())
    apply_language(choose_language(language, fallback_language))
    if smoke:  # a check of the program: an unexpected error ends it at once, non-zero
        sys.excepthook = _smoke_failed
        threading.excepthook = lambda args: _smoke_failed(
            args.exc_type, args.exc_value, args.exc_traceback
        )
    else:
        # An unexpected exception from here on: a log without user text, a dialog, and the
        # event loop goes on (ui/crash/reporter.py).
        install_crash_reporter(log_folder)

    if path is None:
        from hyvinvointi_app.ui.first_run.wizard import UnitWizard

        wizard = UnitWizard(None, default_database(), offer_other_files=True)
        if not wizard.exec() or wizard.chosen_path is None:
            return 0
        path = wizard.chosen_path
        wants_members = wizard.wants_members
    else:
        wants_members = False

    window = MainWindow()
    window.show_opening(path)
    window.show()
    app.processEvents()  # the first paint: the kept Overview, before the store loads
    first_paint = uptime()
    exit_code = 0

    def open_file() -> None:
        nonlocal exit_code
        if smoke:
            error = window.open_database(path)
            if error is not None:
                exit_code = 2
                print(f"hyvinvointi: {error}", file=sys.stderr)
                app.quit()
                return
        elif not window.open_or_explain(path, at_start=True):
            # One dialog said what is wrong and offered a backup, read-only, another file.
            exit_code = 2
            app.quit()
            return
        set_aside_what_lives_long()
        if wants_members:
            window.show_page("members")
            from hyvinvointi_app.ui.members.page import MembersPage

            window.pages.of_kind("members", MembersPage).add_member()
        if smoke:
            app.processEvents()
            print(smoke_line(first_paint, uptime()))
            window.close()
            app.quit()

    after_preloading(open_file)
    app.exec()
    return exit_code


def smoke_line(first_paint: float, figures: float) -> str:
    """What ``--smoke`` prints: seconds since the process started to the first paint of the
    main window, and to the live figures of the open file (see :func:`smoke_seconds`)."""
    return f"first paint {first_paint:.2f} s, figures {figures:.2f} s"


def smoke_seconds(output: str) -> tuple[float, float]:
    """The two times in the last line of ``--smoke``'s output (for tests and benchmarks)."""
    words = output.strip().splitlines()[-1].replace(",", "").split()
    return float(words[2]), float(words[5])
