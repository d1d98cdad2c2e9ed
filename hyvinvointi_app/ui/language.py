"""Switching the interface language at run time: our catalogs and Qt's own texts together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hyvinvointi_app.i18n.translator import set_ui_language

LANGUAGES = ("fi", "sv", "en")

_qt_translators: list[QTranslator] = []

QT_SUPPLEMENT = {
    "fi": {
        ("QFileDialog", "&Look in:"): "&Kansio:",
        ("QFileDialog", "Files of &type:"): "Tiedostot&yyppi:",
    },
}
"""Qt's own texts that its Finnish catalog lacks (they changed in Qt 6 and the Finnish
translation did not follow): without these, Qt's file dialog (used where the system has
no dialog of its own) says "Look in:" in the middle of Finnish. Their access keys do not
clash with the dialog's others (Tallenna, Tiedostonimi)."""


class _Supplement(QTranslator):
    """Answers only for the texts in :data:`QT_SUPPLEMENT`; Qt asks the other translators
    for the rest."""

    def __init__(self, texts: dict[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.texts = texts

    def translate(  # None: "not mine" (a null string), Qt asks the next translator
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.texts.get((context, source))

    def isEmpty(self) -> bool:
        return not self.texts


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
    if language in QT_SUPPLEMENT:  # installed last: asked first
        supplement = _Supplement(QT_SUPPLEMENT[language], app)
        app.installTranslator(supplement)
        _qt_translators.append(supplement)


def apply_language(language: str) -> None:
    """Make ``language`` ("fi", "sv" or "en") the interface language; screens then rebuild."""
    set_ui_language(language)
    _install_qt_translations(language)
    QLocale.setDefault(QLocale({"fi": "fi_FI", "sv": "sv_FI"}.get(language, "en_GB")))
