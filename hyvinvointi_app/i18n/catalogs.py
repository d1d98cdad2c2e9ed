"""Where the gettext catalogs are, and how a ``.po`` file becomes translations.

The ``.po`` files are the only committed form. They are read with Babel and compiled to
``.mo`` bytes in memory, so a checkout can never run on a stale compiled file. A frozen build
may ship compiled ``.mo`` files instead; one is used only where no ``.po`` lies beside it.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import io
import os
import struct
import sys
from pathlib import Path

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
"""The language of the msgids in the code; its "translation" is the identity."""
CATALOG_LANGUAGES: tuple[str, ...] = ("fi", "sv")
SUPPORTED_LANGUAGES: tuple[str, ...] = (*CATALOG_LANGUAGES, SOURCE_LANGUAGE)


def check_language(language: str) -> str:
    """``language`` itself if the application speaks it; a ``ValueError`` otherwise."""
    if language not in SUPPORTED_LANGUAGES:
        expected = ", ".join(SUPPORTED_LANGUAGES)
        raise ValueError(f"unsupported language {language!r} (expected one of {expected})")
    return str(language)


def catalog_folder() -> Path:
    """``i18n/`` at the top of a checkout, or inside the bundle of a PyInstaller build."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "i18n"
    return Path(__file__).resolve().parents[2] / "i18n"


def po_path(language: str, folder: Path | None = None) -> Path:
    """The catalog of one language: ``<folder>/<language>/LC_MESSAGES/messages.po``."""
    return (folder or catalog_folder()) / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_bytes(path: Path) -> bytes:
    """A ``.po`` file compiled. Fuzzy and untranslated entries are left out, so those
    messages show in English: a guessed translation must never reach a director. Babel is
    imported here, not at the top: only compiling a catalog needs it."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    return compiled.getvalue()


def compiled_po(path: Path) -> gettext.GNUTranslations:
    """Translations from a ``.po`` file through its compiled copy in ``__pycache__`` beside
    it, named by the ``.po``'s size and modification time as Python names its own caches: an
    edited catalog is compiled again, a stale copy is never read, and a start-up needs no
    Babel (its import and the parsing took about 60 ms). Where the copy cannot be written
    (a read-only checkout), the catalog is compiled in memory each time."""
    info = path.stat()
    cache = path.parent / "__pycache__" / f"{path.stem}.{info.st_size}.{info.st_mtime_ns}.mo"
    try:
        return gettext.GNUTranslations(io.BytesIO(cache.read_bytes()))
    except (OSError, ValueError, IndexError, struct.error):  # missing or damaged: compile
        pass
    compiled = mo_bytes(path)
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob(f"{path.stem}.*.mo"):
            old.unlink()
        partial.write_bytes(compiled)
        os.replace(partial, cache)
    except OSError:  # another process reads it (Windows), a read-only folder: no copy
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return gettext.GNUTranslations(io.BytesIO(compiled))


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The translations of a supported language, compiled once per process.

    A missing catalog is a packaging fault, not the user's: the interface then stays in
    English (and says so in the log) instead of refusing to start.
    """
    check_language(language)
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po = po_path(language)
    if po.is_file():
        return compiled_po(po)
    mo = po.with_suffix(".mo")
    if mo.is_file():
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    import logging  # only here: a packaging fault is the only thing this module logs

    logging.getLogger(__name__).warning("No %s catalog at %s: showing English", language, po)
    return gettext.NullTranslations()
