"""Application bootstrap: Qt, translations, the main window; the file opens on the first
turn of the event loop so that the window appears at once."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from hyvinvointi_app.ui.main_window import MainWindow

_qt_translators: list[QTranslator] = []


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
