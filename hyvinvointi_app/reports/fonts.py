"""The shipped fonts, and which of them prints each character of a text.

Every text is set in DejaVu Sans (Latin, Greek, Cyrillic and many symbols). A character it
lacks is set in the first fallback font that has it: Noto Sans Thai, then Droid Sans
Fallback (Chinese, Japanese, Korean). ReportLab cannot switch fonts by itself, and a glyph
missing from the font makes the PDF/A check refuse the file (or, without PDF/A, the
character vanishes), so text is cut here into runs, one ``<font>`` run (or one ``drawString``)
per font, from the fonts' own character maps; the choice is cached per character.

Where no shipped font has the character (Devanagari, Ethiopic...) a run of them is printed
as one replacement mark and recorded for the caller (:mod:`.unprintable`). Right-to-left
scripts (Arabic, Persian, Hebrew...) are treated so too, although DejaVu has some of their
letters: ReportLab joins and orders them only with its ``rlbidi`` extension, which is not
on PyPI, and a word printed with its letters unjoined and in reverse order misleads where
a mark is honest.

Text typed before control characters were removed on saving may still hold some: they are
dropped here too, as are invisible format characters no font has (joiners, direction marks).
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from dataclasses import dataclass
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


def _choose(character: str, bold: bool) -> str:
    if unicodedata.bidirectional(character) in _RIGHT_TO_LEFT:
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


@functools.lru_cache(maxsize=8192)
def runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """``text`` (one line, already :func:`printable`) cut into (font, text) runs; a run no
    font prints has the font "missing", and its text is the characters replaced."""
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
    for font, part in runs(text, bold):
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
    for font, part in runs(line, bold):
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
