"""Translators: one for the user interface, switchable at run time, and one per report language.

The director can switch the interface language while the application runs, so code asks
for a translation when it shows the text (``_("Members")`` inside the method that draws),
never at import time; a string that must be defined at import time is marked with ``N_``
and passed to ``_`` when shown. A report's language is chosen at export, independent of the
interface, so report code takes a ``Translator`` from ``translator_for(language)``.

The extractor (``i18n/update_catalogs.py`` in the checkout) finds ``_``, ``N_``, ``gettext``,
``ngettext``, ``pgettext`` and ``npgettext`` calls, also as methods (``tr.pgettext(...)``),
but only with literal strings: ``_(variable)`` translates at run time yet never reaches the
catalogs.
"""

from __future__ import annotations

import functools
import gettext

from hyvinvointi_app.i18n.catalogs import SOURCE_LANGUAGE, check_language, translations


class Translator:
    """The messages of one language, with the gettext family of lookups."""

    __slots__ = ("_language", "_translations")

    def __init__(self, language: str, catalog: gettext.NullTranslations | None = None) -> None:
        self._language = check_language(language)
        self._translations = catalog if catalog is not None else translations(self._language)

    @property
    def language(self) -> str:
        """ "fi", "sv" or "en"; formatting functions take it as their ``lang``."""
        return self._language

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._translations.npgettext(context, singular, plural, n)

    def __repr__(self) -> str:
        return f"Translator({self._language!r})"


@functools.cache
def _cached_translator(language: str) -> Translator:
    return Translator(language)


def translator_for(language: str) -> Translator:
    """The translator of a report language ("fi", "sv" or "en"); ``ValueError`` otherwise."""
    return _cached_translator(check_language(language))


_ui: Translator = translator_for(SOURCE_LANGUAGE)


def ui_translator() -> Translator:
    """The translator of the interface language at this moment."""
    return _ui


def set_ui_language(language: str) -> Translator:
    """Switches the interface language; text already on screen is redrawn by the ui layer."""
    global _ui
    _ui = translator_for(language)
    return _ui


def _(message: str) -> str:
    """``message`` in the interface language."""
    return _ui.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the interface language."""
    return _ui.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the interface language, where ``context`` tells apart equal English."""
    return _ui.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _ui.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs without translating it: translate it when shown."""
    return message
