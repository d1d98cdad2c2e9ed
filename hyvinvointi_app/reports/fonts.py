"""The shipped fonts, and which of them prints each character of a text.

Every text is set in DejaVu Sans (Latin, Greek, Cyrillic and many symbols). A character it
lacks is set in the first fallback font that has it: Noto Sans Thai, then Droid Sans
Fallback (Chinese, Japanese, Korean). ReportLab cannot switch fonts by itself, and a glyph
missing from the font makes the PDF/A check refuse the file (or, without PDF/A, the
character vanishes), so text is cut here into runs, one ``<font>`` run (or one ``drawString``)
per font, from the fonts' own character maps; the choice is cached per character.

Where no shipped font has the character (Devanagari, Ethiopic...) a run of them is printed
as one replacement mark and recorded for the caller (:mod:`.unprintable`).

Arabic script (Arabic, Persian, Urdu...) is written right to left with its letters joined,
and ReportLab does neither (its ``rlbidi`` extension is not on PyPI). So before the fonts
are chosen, each right-to-left run of a line (:func:`visual`) is shaped with
``arabic_reshaper`` (each letter becomes the presentation form for its place in the word,
lam-alef becomes one ligature) and put in visual order with ``python-bidi``; DejaVu Sans
has the presentation forms of Arabic and Persian letters. Both libraries are imported only
when a line holds Arabic script. A letter left in its plain form (one the shaper does not
know, and Hebrew, Syriac, Thaana: no shaping or ordering here) still prints as the mark, as
does a form DejaVu lacks (some Urdu letters): a word printed unjoined or in reverse order
misleads where a mark is honest. The PDF holds the presentation forms in the order drawn;
a text extractor such as pypdf reads them back right to left, and NFKC folds them into
letters.

Text typed before control characters were removed on saving may still hold some: they are
dropped here too, as are invisible format characters no font has (joiners, direction marks).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from hyvinvointi_app.domain.typed_text import clean_text
from hyvinvointi_app.reports import unprintable
from hyvinvointi_app.reports.unprintable import REPLACEMENT_MARK
from hyvinvointi_app.resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


@dataclass(frozen=True)
class _Family:
    regular: str
    regular_file: str
    bold: str
    bold_file: str | None
    """None: the family has no bold, and bold text in it is set in the regular weight."""


PRIMARY = _Family(FONT, "DejaVuSans.ttf", FONT_BOLD, "DejaVuSans-Bold.ttf")
FALLBACKS = (
    _Family(
        "NotoSansThai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold", "NotoSansThai-Bold.ttf"
    ),
    _Family("DroidSansFallback", "DroidSansFallbackFull.ttf", "DroidSansFallback", None),
)

_MISSING = "missing"
_DROPPED = "dropped"
_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_CLOSING = {")": "(", "]": "[", "}": "{"}
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
"""Arabic script: its letters, and the presentation forms (and ligatures) that shape them."""
_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_LOCK = threading.RLock()
_choice: dict[tuple[str, bool], str] = {}
"""(Character, bold) → the font that prints it, or :data:`_MISSING` or :data:`_DROPPED`."""


def _load(name: str, file_name: str) -> frozenset[int]:
    font = TTFont(name, str(resource_path("fonts", file_name)))
    pdfmetrics.registerFont(font)
    return frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)


@functools.cache
def _coverage(family: _Family) -> tuple[frozenset[int], frozenset[int]]:
    """The characters ``family`` prints in regular and in bold. The font is read and
    registered on first need (so a document in Latin letters never loads the 4 MB Chinese
    font), regular and bold as one family, so that a ``<font>`` run finds its weight."""
    with _LOCK:
        regular = _load(family.regular, family.regular_file)
        bold = regular if family.bold_file is None else _load(family.bold, family.bold_file)
        pdfmetrics.registerFontFamily(
            family.regular,
            normal=family.regular,
            bold=family.bold,
            italic=family.regular,
            boldItalic=family.bold,
        )
        return regular, bold


def register_fonts() -> None:
    """Register the primary font (regular and bold) once per process."""
    _coverage(PRIMARY)


def _shaped(character: str) -> bool:
    """A right-to-left character that prints as it is once :func:`visual` has run: a
    presentation form, or Arabic punctuation (؟ ؛), which does not join."""
    return bool(_FORMS.match(character)) or (
        bool(_ARABIC.match(character)) and unicodedata.category(character)[0] in "PSN"
    )


def _choose(character: str, bold: bool) -> str:
    if unicodedata.bidirectional(character) in _RIGHT_TO_LEFT and not _shaped(character):
        return _MISSING
    code = ord(character)
    for family in (PRIMARY, *FALLBACKS):
        if code in _coverage(family)[bold]:
            return family.bold if bold else family.regular
    if bold:  # a character no bold has may still be printed in a regular weight
        return _choose(character, False)
    return _DROPPED if unicodedata.category(character) == "Cf" else _MISSING


def font_of(character: str, bold: bool = False) -> str:
    """The font that prints ``character``, or "missing" (none does) or "dropped" (an
    invisible format character none has)."""
    key = (character, bold)
    found = _choice.get(key)
    if found is None:
        found = _choice[key] = _choose(character, bold)
    return found


def printable(text: str) -> str:
    """``text`` as it is printed: no control characters, composed (NFC: a letter and its
    accent typed apart become the one letter the font has), line separators as line breaks."""
    text = clean_text(text)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


def _right_to_left_runs(line: str) -> list[tuple[int, int]]:
    """The (start, end) of each right-to-left run of ``line``, a line of a left-to-right
    paragraph: from a right-to-left letter (or Arabic-Indic digit) to the last such, or
    number after a right-to-left letter, before the next left-to-right letter, so with the
    spaces, punctuation and numbers between them; brackets as the Unicode bidirectional
    algorithm pairs them in the common cases (its resolved levels, in short, as the tests
    compare)."""
    spans: list[tuple[int, int]] = []
    start = end = -1
    right_to_left = False  # the last strong character was right to left
    for index, character in enumerate(line):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            if start >= 0:
                spans.append((start, end))
            start, right_to_left = -1, False
        elif start >= 0 and character in _CLOSING and _opened(line[start:index], character) < 1:
            spans.append((start, end))  # it closes a bracket opened before the run
            start = -1
        elif kind in _RIGHT_TO_LEFT or kind == "AN" or (kind == "EN" and right_to_left):
            right_to_left = right_to_left or kind in _RIGHT_TO_LEFT
            start = index if start < 0 else start
            end = index + 1
    if start >= 0:
        spans.append((start, end))
    return [_with_closing_brackets(line, *span) for span in spans]


def _opened(text: str, closing: str) -> int:
    """How many more of the brackets ``closing`` closes ``text`` opens than it closes."""
    return text.count(_CLOSING[closing]) - text.count(closing)


def _with_closing_brackets(line: str, start: int, end: int) -> tuple[int, int]:
    """A run that opens a bracket also holds the bracket that closes it ("... (پدر) ja"),
    unless left-to-right letters come between."""
    for closing in _CLOSING:
        if _opened(line[start:end], closing) > 0:
            after = line.find(closing, end)
            if after >= 0 and all(unicodedata.bidirectional(c) != "L" for c in line[end:after]):
                end = after + 1
    return start, end


@functools.cache
def _reshaper() -> Any:
    import arabic_reshaper

    # Persian (پ چ ژ گ ک ی) and Urdu letters are in its "Arabic" set. Only the ligatures
    # DejaVu has (lam-alef): a ligature the font lacks would print as the mark.
    have = _coverage(PRIMARY)[0] & _coverage(PRIMARY)[1]
    ligatures = {
        name: all(ord(form) in have for form in forms if form)
        for name, (_letters, forms) in arabic_reshaper.ligatures.LIGATURES
    }
    return arabic_reshaper.ArabicReshaper(
        configuration={
            "language": "Arabic",
            # Vowel marks are kept after their letter, so before it once the run is
            # reversed: DejaVu draws such a zero-width mark over the glyph that follows.
            "delete_harakat": False,
            "shift_harakat_position": False,
            "support_ligatures": True,
            **ligatures,
        }
    )


@functools.lru_cache(maxsize=8192)
def visual(line: str) -> str:
    """``line`` (one line, already :func:`printable`) with each right-to-left run in Arabic
    script shaped and in visual order (left to right as drawn), its spaces non-breaking.

    The run is ordered for one line, so it must not wrap: the spaces inside it do not break,
    and a run that does not fit what is left of a line moves whole to the next. A run wider
    than a whole line is cut by ReportLab where the line is full, after the letters drawn
    leftmost, which are the run's last words: its lines then read in the wrong order, bottom
    line first, and the word at the cut is split in two (each half still joined)."""
    if line.isascii() or not _ARABIC.search(line):
        return line
    from bidi import get_display
    from bidi.mirror import MIRRORED

    reshaper = _reshaper()
    parts, done = [], 0
    for start, end in _right_to_left_runs(line):
        shaped = get_display(reshaper.reshape(line[start:end]), base_dir="R")
        # Brackets in a right-to-left run face the other way (get_display leaves them).
        shaped = "".join(MIRRORED.get(c, c) for c in shaped)
        parts += [line[done:start], shaped.replace(" ", "\u00a0")]
        done = end
    parts.append(line[done:])
    return "".join(parts)


@functools.lru_cache(maxsize=8192)
def runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """``text`` (one line, already :func:`printable` and :func:`visual`) cut into (font,
    text) runs; a run no font prints has the font "missing", and its text is the characters
    replaced."""
    if text.isascii():
        return ((FONT_BOLD if bold else FONT, text),) if text else ()
    result: list[tuple[str, str]] = []
    current, start = "", 0
    for index, character in enumerate(text):
        font = font_of(character, bold)
        if font != current:
            if index > start and current != _DROPPED:
                result.append((current, text[start:index]))
            current, start = font, index
    if len(text) > start and current != _DROPPED:
        result.append((current, text[start:]))
    return tuple(result)


def _printed_runs(text: str, bold: bool) -> list[tuple[str, str]]:
    """The runs of one line with the unprintable ones replaced by the mark (and recorded)."""
    result = []
    for font, part in runs(visual(text), bold):
        if font == _MISSING:
            unprintable.record(part)
            result.append((FONT_BOLD if bold else FONT, REPLACEMENT_MARK))
        else:
            result.append((font, part))
    return result


@functools.lru_cache(maxsize=8192)
def _line_markup(line: str, bold: bool) -> tuple[str, str]:
    """(Paragraph markup of one line, the characters it could not print)."""
    style_font = FONT_BOLD if bold else FONT
    parts, missing = [], []
    for font, part in runs(visual(line), bold):
        if font == _MISSING:
            missing.append(part)
            parts.append(REPLACEMENT_MARK)
        elif font == style_font:
            parts.append(escape(part))
        else:
            parts.append(f'<font name="{font}">{escape(part)}</font>')
    return "".join(parts), "".join(missing)


def markup(text: str, bold: bool = False) -> str:
    """Typed text for a Paragraph whose style is DejaVu Sans (``bold``: its bold): cleaned,
    XML-escaped, line breaks kept, each run in the font that prints it."""
    lines = printable(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = []
    for line in lines:
        line_markup, missing = _line_markup(line, bold)
        if missing:
            unprintable.record(missing)
        result.append(line_markup)
    return "<br/>".join(result)


def string_width(text: str, bold: bool, size: float) -> float:
    """The width in points of one line of ``text`` as :func:`draw_string` prints it."""
    return sum(
        float(pdfmetrics.stringWidth(part, font, size))
        for font, part in _printed_runs(printable(text), bold)
    )


def draw_string(
    canvas: Canvas, x: float, y: float, text: str, bold: bool, size: float, align: str = "left"
) -> None:
    """Draw one line of ``text`` on the canvas, each run in the font that prints it;
    ``align`` "left" or "right" of ``x``."""
    parts = _printed_runs(printable(text).replace("\n", " "), bold)
    if align == "right":
        x -= sum(pdfmetrics.stringWidth(part, font, size) for font, part in parts)
    for font, part in parts:
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, font, size)
