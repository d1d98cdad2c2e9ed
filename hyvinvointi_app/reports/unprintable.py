"""Characters no shipped font can print: gathered while a document is built, so that the
caller hears of them before the file is written (cheap to import: no ReportLab).

A document never fails for a character it cannot print: the character is shown as
:data:`REPLACEMENT_MARK` and listed here. The documents record them through
:func:`record`; an export collects them with :func:`collecting` and hands them to the
caller's :data:`Unprintable` callback.
"""

from __future__ import annotations

import contextlib
import contextvars
import unicodedata
from collections.abc import Callable, Iterable, Iterator

REPLACEMENT_MARK = "\ufffd"
"""Printed in place of a run of characters no shipped font has (U+FFFD, from DejaVu Sans)."""

Unprintable = Callable[[str], None]
"""Called, before the file is written, with the characters a document could not print (each
once, in the order met); not called when every character printed."""

LISTED_AT_MOST = 40
"""A message lists this many characters, then an ellipsis."""

_collected: contextvars.ContextVar[dict[str, None] | None] = contextvars.ContextVar(
    "unprintable_characters", default=None
)


def record(characters: Iterable[str]) -> None:
    """Note characters that were replaced by the mark in the document being built."""
    found = _collected.get()
    if found is not None:
        for character in characters:
            found.setdefault(character, None)


@contextlib.contextmanager
def collecting() -> Iterator[dict[str, None]]:
    """Gather what :func:`record` notes in this thread (and context) until the end of the
    ``with``; the keys of the yielded dict are the characters, in the order met."""
    found: dict[str, None] = {}
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def _visible(character: str) -> bool:
    return unicodedata.category(character)[0] not in "MZC"


def listing(characters: Iterable[str]) -> str:
    """The characters as a user reads them: the visible ones, space-separated, at most
    :data:`LISTED_AT_MOST` of them (combining marks and invisible characters are left out
    of the list unless there is nothing else to show)."""
    distinct = list(dict.fromkeys(characters))
    shown = [c for c in distinct if _visible(c)] or [f"U+{ord(c):04X}" for c in distinct]
    text = " ".join(shown[:LISTED_AT_MOST])
    return text + (" …" if len(shown) > LISTED_AT_MOST else "")


def unprintable_message(characters: Iterable[str]) -> str:
    """One translated line (interface language) telling what was replaced by the mark."""
    from hyvinvointi_app.i18n.translator import _

    return _(
        "No font of the program can print these characters, so the PDF shows {mark} in "
        "their place: {characters}"
    ).format(mark=REPLACEMENT_MARK, characters=listing(characters))


def warn_on_stderr(characters: str) -> None:
    """For the command line: the message as one warning line on stderr."""
    import sys

    print(f"hyvinvointi: {unprintable_message(characters)}", file=sys.stderr)
