"""Switching the interface language at run time: our catalogs and Qt's own texts together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hyvinvointi_app.i18n.translator import set_ui_language

LANGUAGES = ("fi", "sv", "en")

_qt_translators: list[QTranslator] = []


def _install_qt_translations(language: str) -> None:
    """Qt's own texts (standard buttons, file dialogs, context menus) in ``language``."""
    app = QCoreApplication.instance()
    if app is None:
        return
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


def apply_language(language: str) -> None:
    """Make ``language`` ("fi", "sv" or "en") the interface language; screens then rebuild."""
    set_ui_language(language)
    _install_qt_translations(language)
    QLocale.setDefault(QLocale({"fi": "fi_FI", "sv": "sv_FI"}.get(language, "en_GB")))
