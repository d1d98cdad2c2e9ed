"""What typed text may hold: everything but control characters.

A pasted NUL, BEL or DEL is invisible on screen, yet it is not valid in a PDF's text nor in
XML (the PDF/A metadata), so one such character would make every export of its period fail.
Line breaks and tabs are kept; unpaired surrogates (which cannot be written as UTF-8) go too.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 controls but tab, line feed and carriage return; DEL; C1 controls; lone surrogates."""


def clean_text(text: str) -> str:
    """``text`` without control characters (line breaks and tabs stay); the same object
    when there is nothing to remove, so that clean text costs one scan."""
    if (text.isascii() and text.isprintable()) or not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", text)


def clean_value(value: object) -> object:
    """``value`` with :func:`clean_text` applied to every string in it, through lists and
    dictionaries (JSON columns); the same object when nothing changes."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        cleaned = [clean_value(item) for item in value]
        return value if all(a is b for a, b in zip(cleaned, value, strict=True)) else cleaned
    if isinstance(value, dict):
        pairs = [(clean_value(k), clean_value(v)) for k, v in value.items()]
        same = all(a is k and b is v for (a, b), (k, v) in zip(pairs, value.items(), strict=True))
        return value if same else dict(pairs)
    return value


_LEADING_BULLET = re.compile(r"^[\s\-\u2013\u2022*\u00b7]+")


def list_line(line: str) -> str:
    """One line of a typed list as its item: a leading dash, bullet or asterisk dropped,
    spacing made single. How the director wrote the list does not matter."""
    return " ".join(_LEADING_BULLET.sub("", line).split())
