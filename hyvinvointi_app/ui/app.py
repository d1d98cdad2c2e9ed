"""Application bootstrap: Qt, translations, the main window; the file opens on the first
turn of the event loop so that the window appears at once."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from hyvinvointi_app.ui.main_window import MainWindow

_qt_translators: list[QTranslator] = []
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


def install_qt_translations(app: QApplication, language: str) -> None:
    """Qt's own texts (standard buttons, file dialogs) in the interface language."""
    for translator in _qt_translators:
        app.removeTranslator(translator)
    _qt_translators.clear()
    if language == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(translator)
        _qt_translators.append(translator)


def run(path: Path, *, language: str, smoke: bool, uptime: Callable[[], float]) -> int:
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Hyvinvointiryhmä")
    app.setOrganizationName("Hyvinvointiryhma")
    if sys.platform != "win32":
        app.setStyle("Fusion")
    install_qt_translations(app, language)
    window = MainWindow()
    exit_code = 0

    def open_file() -> None:
        nonlocal exit_code
        error = window.open_database(path)
        if error is not None:
            exit_code = 2
            if smoke:
                print(f"hyvinvointi: {error}", file=sys.stderr)
            else:
                QMessageBox.critical(window, window.windowTitle(), error)
            app.quit()
            return
        if smoke:
            app.processEvents()
            print(f"{uptime():.2f}")
            window.close()
            app.quit()

    window.show()
    QTimer.singleShot(0, open_file)
    app.exec()
    return exit_code
