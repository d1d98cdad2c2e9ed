"""Finnish/Swedish alphabetical order, without Qt or ICU.

Names are sorted below the ``ui`` layer (services, reports), where ``QCollator`` is not
allowed, and PyICU has no Windows wheels. The rules that matter for names and titles are
few, so they are spelled out here, following CLDR's fi and sv collations (which agree on them):

- case does not matter, except to break a tie (lower case first);
- å, ä, ö are letters of their own after z (z < å < ä < ö); æ sorts as ä, ø œ ő as ö;
  ü ű sort as y; v and w are different letters (modern Finnish and Swedish);
- other accented letters sort as their base letter (é = e, š = s, ễ = e, á = a), and the
  accent only breaks a tie (unaccented first);
- runs of digits compare by value ("2. kokous" before "10. kokous");
- spaces < punctuation < digits < letters; letters of other scripts come after ö.

A key has four levels, compared in order: letters, accents, case, then the text itself, so
that sorting is deterministic even for names that differ only in, say, Unicode normalisation.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, overload

SortKey = tuple[str, str, str, str]

_T = TypeVar("_T")

# Primary weights are characters: letters a-z weigh themselves, å ä ö the three code points
# after "z", digits and numbers fall in 0x30-0x5F, punctuation in 0x02-0x2F, spaces 0x01.
_A_RING, _A_DIAERESIS, _O_DIAERESIS = chr(ord("z") + 1), chr(ord("z") + 2), chr(ord("z") + 3)
_SPACE = "\x01"
_ASCII_PUNCTUATION = "".join(
    chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()
)  # 32 characters, weighted 0x02-0x21 in ASCII order
_OTHER_PUNCTUATION = "\x2f"
_NUMBER = 0x30

_PUNCTUATION_WEIGHTS = {ch: chr(0x02 + i) for i, ch in enumerate(_ASCII_PUNCTUATION)}
for _lookalikes, _ascii in (("‐‑‒–—―−", "-"), ("‘’‚′", "'"), ("“”„″«»", '"')):
    for _ch in _lookalikes:
        _PUNCTUATION_WEIGHTS[_ch] = _PUNCTUATION_WEIGHTS[_ascii]

_MARKED_LETTERS = {
    ("a", "\u030a"): _A_RING,  # å
    ("a", "\u0308"): _A_DIAERESIS,  # ä
    ("o", "\u0308"): _O_DIAERESIS,  # ö
    ("o", "\u030b"): _O_DIAERESIS,  # ő
    ("u", "\u0308"): "y",  # ü
    ("u", "\u030b"): "y",  # ű
}
"""A base letter and a combining mark that together sort as another letter."""

_LETTERS = {
    "æ": _A_DIAERESIS,
    "ø": _O_DIAERESIS,
    "œ": _O_DIAERESIS,
    "ð": "d",
    "đ": "d",
    "þ": "th",
    "ł": "l",
    "ŋ": "n",
    "ŧ": "t",
    "ı": "i",
    "ħ": "h",
}
"""Letters without a Unicode decomposition, by the base letter(s) they sort as."""


def _clusters(text: str) -> Iterable[tuple[str, str]]:
    """(base character, its combining marks) pairs of decomposed text."""
    base, marks = "", ""
    for ch in text:
        if base and unicodedata.category(ch).startswith("M"):
            marks += ch
            continue
        if base:
            yield base, marks
        base, marks = ch, ""
    if base:
        yield base, marks


def _is_digit(ch: str) -> bool:
    return unicodedata.decimal(ch, None) is not None


@functools.lru_cache(maxsize=8192)
def sort_key(text: str) -> SortKey:
    """A key that sorts ``text`` in Finnish/Swedish alphabetical order (see the module)."""
    decomposed = unicodedata.normalize("NFKD", text)
    primary: list[str] = []
    accents: list[str] = []
    digits = ""

    def flush_number() -> None:
        nonlocal digits
        if digits:
            value = str(int(digits))
            primary.append(chr(_NUMBER + min(len(value), 0x2F)) + value)
            accents.append("")
            digits = ""

    for base, marks in _clusters(unicodedata.normalize("NFKD", decomposed.casefold())):
        if _is_digit(base):
            digits += str(unicodedata.decimal(base))
            continue
        flush_number()
        category = unicodedata.category(base)
        if category.startswith("L"):
            weight = _LETTERS.get(base, base)
            for mark in marks:
                if (base, mark) in _MARKED_LETTERS:
                    weight = _MARKED_LETTERS[base, mark]
                    marks = marks.replace(mark, "", 1)
                    break
        elif base.isspace():
            weight = _SPACE
        elif category in ("Cc", "Cf"):
            continue  # soft hyphens, zero-width joiners and the like are ignorable
        else:
            weight = _PUNCTUATION_WEIGHTS.get(base, _OTHER_PUNCTUATION)
        primary.append(weight)
        accents.append(marks)
    flush_number()
    case = "".join(
        "1" if ch.isupper() else "0"
        for ch in decomposed
        if not unicodedata.category(ch).startswith("M")
    )
    return "".join(primary), "\x00".join(accents), case, text


@overload
def sorted_by_name(items: Iterable[str]) -> list[str]: ...
@overload
def sorted_by_name(items: Iterable[_T], key: Callable[[_T], str]) -> list[_T]: ...
def sorted_by_name(items: Iterable[Any], key: Callable[[Any], str] | None = None) -> list[Any]:
    """``items`` in alphabetical order of themselves (strings), or of ``key(item)``."""
    name_of: Callable[[Any], str] = key if key is not None else str
    return sorted(items, key=lambda item: sort_key(name_of(item)))
