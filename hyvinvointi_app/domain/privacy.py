"""The privacy guard: finds what a publishable memo must not carry (domain reference §2).

The communal wellbeing group handles the community, never one child, and its memos are
public documents. Before a memo is approved or exported the guard scans every typed text
for Finnish personal identity codes, phone numbers, e-mail addresses and words that
usually signal an individual case. It only warns; the director decides. It therefore
errs towards flagging, except where a rule would fire on the group's everyday language
(dates, times, periods, money, plan names, the approval sentence).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from hyvinvointi_app.domain.enums import Language


class FindingKind(StrEnum):
    """What kind of personal or case-signalling text a finding is."""

    IDENTITY_CODE = "identity_code"
    PHONE = "phone"
    EMAIL = "email"
    CASE_WORD = "case_word"


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspicious piece of text: ``text[start:end] == match`` in the field ``field``."""

    kind: FindingKind
    start: int
    end: int
    match: str
    field: str = ""


# --- Finnish personal identity codes (henkilötunnus) ----------------------------------------

IDENTITY_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
"""The check character is this string's character at ``int(DDMMYY + NNN) % 31``."""

CENTURY_OF_SIGN: dict[str, int] = {
    "+": 1800,
    **dict.fromkeys("-YXWVU", 1900),
    **dict.fromkeys("ABCDEF", 2000),
}
"""Century signs, including those added by the 2023 reform (Y X W V U, B C D E F)."""

_HYPHEN_LOOKALIKES = "\u2010\u2011\u2012\u2013\u2212"
"""Hyphen, non-breaking hyphen, figure dash, en dash and minus: word processors and copied
text turn the ``-`` sign into these, and the code is still a person's identity code."""

_IDENTITY_CODE = re.compile(
    r"(?<![0-9])"
    r"(?P<date>[0-9]{6})"
    rf"(?P<sign>[-+A-FU-Ya-fu-y{_HYPHEN_LOOKALIKES}])"
    r"(?P<number>[0-9]{3})"
    r"(?P<check>[0-9A-Za-z])"
    r"(?![0-9A-Za-z])"
)


def _identity_parts_valid(date: str, sign: str, number: str, check: str) -> bool:
    sign = "-" if sign in _HYPHEN_LOOKALIKES else sign.upper()
    century = CENTURY_OF_SIGN.get(sign)
    if century is None:
        return False
    try:
        dt.date(century + int(date[4:6]), int(date[2:4]), int(date[0:2]))
    except ValueError:
        return False
    return IDENTITY_CHECK_CHARACTERS[int(date + number) % 31] == check.upper()


def is_valid_identity_code(code: str) -> bool:
    """Whether ``code`` is a well-formed identity code: a real birth date and a matching
    check character (letters in either case)."""
    found = _IDENTITY_CODE.fullmatch(code.strip())
    return found is not None and _identity_parts_valid(
        *found.group("date", "sign", "number", "check")
    )


def _identity_codes(text: str) -> Iterator[tuple[int, int]]:
    for found in _IDENTITY_CODE.finditer(text):
        if _identity_parts_valid(*found.group("date", "sign", "number", "check")):
            yield found.span()


# --- Phone numbers ---------------------------------------------------------------------------

_SEPARATOR = "[ \u00a0\u202f-]"
"""One space (also no-break and narrow no-break) or hyphen between digit groups."""

_NOT_AFTER_NUMBER = r"(?<![0-9][ \u00a0\u202f.,/:-])"
"""A run that continues a number (``1 050 000 000``, ``2025-0401``, ``1.05``) is not a
phone number; checked for national forms only, so ``... 4567 +358 ...`` is still found."""

_NATIONAL_RUN = re.compile(
    r"(?<![\w+])"
    + _NOT_AFTER_NUMBER
    + rf"(?:\(0[1-9][0-9]{{0,3}}\){_SEPARATOR}?[0-9]+|0[1-9][0-9]*)"
    + rf"(?:{_SEPARATOR}[0-9]+)*"
)
"""``040 123 4567``, ``040-1234567``, ``0401234567``, ``(09) 123 456``, ``09 1234 5678``.
Groups need a separator between them, so the pattern cannot backtrack exponentially."""

_INTERNATIONAL_RUN = re.compile(
    r"(?<![\w+])"
    r"(?:\+|00(?=358))[0-9]+"
    rf"(?:{_SEPARATOR}?\(0\){_SEPARATOR}?[0-9]+)?"
    rf"(?:{_SEPARATOR}[0-9]+)*"
)
"""``+358 40 123 4567``, ``+358401234567``, ``+358 (0)40 123 4567``, ``00358 40 123 4567``,
and a foreign ``+46 70 123 45 67`` (a guardian may have one)."""

NATIONAL_DIGITS = (7, 12)
"""Digits of a national number, the leading 0 included (``(09) 123 456`` has 8)."""

INTERNATIONAL_DIGITS = (8, 15)
"""Digits of an international number without the ``00`` and the ``(0)`` (E.164 has 15)."""

_NEW_NUMBER = re.compile(r"\(?0[1-9]")
_PIECE = re.compile(r"[^ \u00a0\u202f-]+")
_DATE_LIKE = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<sep>[ \u00a0\u202f-])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<year>[0-9]{4}|[0-9]{2})"
)
_TIME_RANGE = re.compile(r"(?P<h1>[0-9]{2})(?P<m1>[0-9]{2})-(?P<h2>[0-9]{2})(?P<m2>[0-9]{2})")
_IDENTITY_SHAPE = re.compile(r"[0-9]{6}-[0-9]{4}")
_BUSINESS_ID = re.compile(r"[0-9]{7}-[0-9]")


def _looks_like_something_else(candidate: str) -> bool:
    """National-form digit runs that are dates, time ranges, identity codes with a wrong
    check character (those must not be flagged at all) or business IDs (public data)."""
    date = _DATE_LIKE.fullmatch(candidate)
    if date is not None:
        year = date.group("year")
        if (
            1 <= int(date.group("day")) <= 31
            and 1 <= int(date.group("month")) <= 12
            and (len(year) == 2 or 1900 <= int(year) <= 2100)
        ):
            return True
    times = _TIME_RANGE.fullmatch(candidate)
    if times is not None and all(
        int(times.group(hour)) <= 23 and int(times.group(minute)) <= 59
        for hour, minute in (("h1", "m1"), ("h2", "m2"))
    ):
        return True
    return bool(_IDENTITY_SHAPE.fullmatch(candidate) or _BUSINESS_ID.fullmatch(candidate))


def _digit_count(piece: str, *, international: bool, first: bool) -> int:
    digits = sum(character in "0123456789" for character in piece)
    if "(0)" in piece:
        digits -= 1
    if international and first and piece.startswith("00"):
        digits -= 2
    return digits


def _phone_numbers(text: str) -> Iterator[tuple[int, int]]:
    for international, run_pattern in ((False, _NATIONAL_RUN), (True, _INTERNATIONAL_RUN)):
        for run in run_pattern.finditer(text):
            pieces = [
                (run.start() + piece.start(), run.start() + piece.end(), piece.group())
                for piece in _PIECE.finditer(run.group())
            ]
            if run.end() < len(text) and text[run.end()].isalnum():
                # The last group is glued to a word ("0401234567abc", "010101-123X").
                pieces.pop()
            yield from _numbers_in_pieces(text, pieces, international)


def _numbers_in_pieces(
    text: str, pieces: list[tuple[int, int, str]], international: bool
) -> Iterator[tuple[int, int]]:
    """Split one run of digit groups into numbers: a group that starts like a new national
    number after a complete one begins the next number (``040 1234567 050 7654321``)."""
    index = 0
    while index < len(pieces):
        is_international = international and index == 0
        low, high = INTERNATIONAL_DIGITS if is_international else NATIONAL_DIGITS
        counts = [_digit_count(pieces[index][2], international=is_international, first=True)]
        total = counts[0]
        stop = index + 1
        while stop < len(pieces) and not (total >= low and _NEW_NUMBER.match(pieces[stop][2])):
            if total <= high:  # beyond that the groups are trimmed off again anyway
                counts.append(_digit_count(pieces[stop][2], international=False, first=False))
                total += counts[-1]
            stop += 1
        last = index + len(counts)
        while total > high and len(counts) > 1:
            total -= counts.pop()
            last -= 1
        start, end = pieces[index][0], pieces[last - 1][1]
        if low <= total <= high and (
            is_international or not _looks_like_something_else(text[start:end])
        ):
            yield start, end
        index = stop


# --- E-mail addresses ------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
"""Deliberately loose (letters outside ASCII allowed): a typed address need not be valid
to be a person's address. The look-behind keeps the scan linear on long runs."""


def _emails(text: str) -> Iterator[tuple[int, int]]:
    for found in _EMAIL.finditer(text):
        yield found.span()


# --- Case-signalling words ------------------------------------------------------------------


class CaseWordRule(NamedTuple):
    """A word or phrase that usually means the text is about one child or one family.

    ``pattern`` is matched case-insensitively, anywhere in a word unless it says ``\b``,
    and the finding is widened to whole words, so a stem catches every inflection and
    compound ("diagno(?:os|s)" finds "ADHD-diagnoosia"). If the pattern has a group named
    ``name``, the rule fires only when that group starts with a capital letter (a person's
    name); the finding then reaches to the end of the name even inside a look-ahead.
    """

    pattern: str
    language: Language
    why: str


_FI = Language.FINNISH
_SV = Language.SWEDISH
_GAP = r"[ \t\u00a0\u202f]+"
"""Spaces within one line: a capital after a line break starts a new sentence or item."""

CASE_WORD_RULES: tuple[CaseWordRule, ...] = (
    # Finnish
    CaseWordRule(
        r"\b(?:lapsi|lapsen|lasta|lapselle|lapsella|lapselta|lapsesta|lapsessa|lapseen|lapsena)"
        rf"(?={_GAP}(?P<name>\w+))",
        _FI,
        "'lapsi Emma', 'lapsen Eetu': a child named in the text. 'lasta koskevia' in the "
        "approval sentence is not followed by a name.",
    ),
    CaseWordRule(
        r"\b(?:poika|pojan|poikaa|pojalle|pojalla|pojalta|pojasta|tyttö|tytön|tyttöä|tytölle"
        rf"|tytöllä|tytöltä|tytöstä)(?={_GAP}(?P<name>\w+))",
        _FI,
        "'poika Leo', 'tytön Aino': a named boy or girl.",
    ),
    CaseWordRule(
        r"\b(?P<name>\w+)-(?:poika|pojan|poikaa|pojalle|pojalla|pojalta|pojasta|tyttö|tytön"
        r"|tyttöä|tytölle|tytöllä|tytöltä|tytöstä)\b",
        _FI,
        "'Eetu-poika', 'Aino-tytön': the everyday way to name a child in Finnish.",
    ),
    CaseWordRule(
        rf"\b(?P<name>\w+n){_GAP}(?:äiti|äidin|äitiä|äidille|äidiltä|äidillä|äidistä"
        r"|isä|isän|isää|isälle|isältä|isällä|isästä)\b",
        _FI,
        "'Emman äiti', 'Leon isälle': one family, identified through the child's name.",
    ),
    CaseWordRule(
        r"diagno(?:os|s)",
        _FI,
        "'diagnoosi', 'diagnoosin', 'ADHD-diagnoosia', 'diagnosoitu': health data of a person.",
    ),
    CaseWordRule(
        r"lastensuojelu",
        _FI,
        "'lastensuojeluilmoitus', 'lastensuojelun asiakkuus': a child-welfare case.",
    ),
    CaseWordRule(
        r"\b(?:lasu(?:n|a|ja|t|ssa|sta|lla|lle|ihin)?\b|ls-ilmoitu)",
        _FI,
        "'lasu', 'LS-ilmoitus': colloquial names of a child-welfare notification.",
    ),
    CaseWordRule(
        r"\bhuosta",
        _FI,
        "'huostaan', 'huostaanotto', 'huostassa': a child taken into care.",
    ),
    CaseWordRule(
        r"sijaisperhe|sijaishuol",
        _FI,
        "'sijaisperheessä', 'sijaishuolto': foster care of a child.",
    ),
    CaseWordRule(
        r"\berityisen\s+tuen\s+päätö",
        _FI,
        "'erityisen tuen päätös': an administrative decision about one child. Community-"
        "level support ('tehostettu tuki', 'erityinen tuki') is not flagged.",
    ),
    CaseWordRule(
        r"terapia(?:ssa|an)\b",
        _FI,
        "'terapiassa', 'puheterapiaan': someone attends therapy. Therapists and 'terapia' as "
        "a topic are not flagged.",
    ),
    CaseWordRule(
        r"sairau",
        _FI,
        "'sairaus', 'sairauden', 'pitkäaikaissairautta': health data. Also flags "
        "'sairausloma'; the director decides.",
    ),
    CaseWordRule(
        r"lääkit",
        _FI,
        "'lääkitys', 'lääkityksen', 'lääkitään': one person's medication. The unit's "
        "'lääkehoitosuunnitelma' is not flagged.",
    ),
    CaseWordRule(
        r"henkilötunnu|\bhetu(?:n|a|t|lla|lle|sta|ssa|ja)?\b",
        _FI,
        "'henkilötunnus', 'hetu': talk of an identity code is talk of a person.",
    ),
    CaseWordRule(
        r"\bsyntymäa(?:ika|jan|ikaa|jat|joista|ikoja)\b",
        _FI,
        "'syntymäaika': the app never records a child's birth date.",
    ),
    CaseWordRule(
        r"kotiosoit",
        _FI,
        "'kotiosoite', 'kotiosoitteen': a person's address.",
    ),
    CaseWordRule(
        r"perheväkival|lähisuhdeväkival",
        _FI,
        "'perheväkivalta', 'lähisuhdeväkivallasta': violence in one family. 'väkivalta' alone "
        "is in the name of the child-protection plan and is not flagged.",
    ),
    CaseWordRule(
        r"huoltajuu|tapaamisoikeu|lähestymiskiel",
        _FI,
        "'huoltajuus', 'huoltajuuskiista', 'tapaamisoikeus', 'lähestymiskielto': one family's "
        "custody matters. 'huoltaja' (guardian) is everyday vocabulary and is not flagged.",
    ),
    # Swedish
    CaseWordRule(
        rf"\b(?:barn|barnet|barnets|pojken|pojkens|flickan|flickans)(?={_GAP}(?P<name>\w+))",
        _SV,
        "'barnet Emma', 'pojken Leo': a named child. 'enskilda barn har' in the approval "
        "sentence is not followed by a name.",
    ),
    CaseWordRule(
        rf"\b(?P<name>\w+s){_GAP}(?:mamma|mammas|mamman|pappa|pappas|pappan|mor|far)\b",
        _SV,
        "'Emmas mamma', 'Leos pappa': one family, identified through the child's name.",
    ),
    CaseWordRule(
        r"diagnos",
        _SV,
        "'diagnos', 'diagnosen', 'diagnostiserad': health data of a person.",
    ),
    CaseWordRule(
        r"barnskydd",
        _SV,
        "'barnskyddsanmälan', 'barnskyddet': a child-welfare case. The plan 'skydda barnen "
        "mot våld' is not flagged.",
    ),
    CaseWordRule(
        r"omhändert",
        _SV,
        "'omhändertagande', 'omhändertas', 'omhändertogs': a child taken into care.",
    ),
    CaseWordRule(
        r"familjehem|fosterhem|fosterfamilj",
        _SV,
        "'familjehem', 'fosterfamiljen': foster care of a child.",
    ),
    CaseWordRule(
        r"\bbeslut\s+om\s+särskilt\s+stöd\b",
        _SV,
        "'beslut om särskilt stöd': an administrative decision about one child.",
    ),
    CaseWordRule(
        r"\bi\s+\w*terapi\b",
        _SV,
        "'går i terapi', 'i talterapi': someone attends therapy.",
    ),
    CaseWordRule(
        r"sjukdom",
        _SV,
        "'sjukdom', 'sjukdomen', 'långtidssjukdomar': health data.",
    ),
    CaseWordRule(
        r"medicin(?:er|era)",
        _SV,
        "'medicinering', 'medicineras', 'medicinerad': one person's medication.",
    ),
    CaseWordRule(
        r"personbeteckning|personnummer",
        _SV,
        "'personbeteckning', 'personnumret': talk of an identity code is talk of a person.",
    ),
    CaseWordRule(
        r"födelsedat",
        _SV,
        "'födelsedatum': the app never records a child's birth date.",
    ),
    CaseWordRule(
        r"hemadress",
        _SV,
        "'hemadress', 'hemadressen': a person's address.",
    ),
    CaseWordRule(
        r"vårdnad(?!shavar)|\bumgängesrätt|\bkontaktförbud",
        _SV,
        "'vårdnaden', 'vårdnadstvist', 'umgängesrätt', 'kontaktförbud': one family's custody "
        "matters. 'vårdnadshavare' (guardian) is everyday vocabulary and is not flagged.",
    ),
    CaseWordRule(
        r"\bvåld\s+i\s+(?:hemmet|familjen|nära\s+relationer)\b|familjevåld",
        _SV,
        "'våld i hemmet', 'våld i nära relationer', 'familjevåld': violence in one family. "
        "'våld' alone is in the name of the child-protection plan and is not flagged.",
    ),
)
"""The case-signalling words, as data. Add a rule here with a ``why``; a test checks that
every rule compiles and that the group's standard sentences stay clean."""

_COMPILED_CASE_WORD_RULES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rule.pattern, re.IGNORECASE) for rule in CASE_WORD_RULES
)


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` to whole words, hyphenated compounds included ("ADHD-diagnoosi")."""
    while start > 0 and (
        _is_word_character(text[start - 1])
        or (text[start - 1] == "-" and start > 1 and _is_word_character(text[start - 2]))
    ):
        start -= 1
    while end < len(text) and (
        _is_word_character(text[end])
        or (text[end] == "-" and end + 1 < len(text) and _is_word_character(text[end + 1]))
    ):
        end += 1
    return start, end


def _case_words(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _COMPILED_CASE_WORD_RULES:
        has_name = "name" in pattern.groupindex
        reported_until = 0
        for found in pattern.finditer(text):
            if found.start() < reported_until:
                continue  # inside a word already reported; also keeps long words linear
            end = found.end()
            if has_name:
                name = found.group("name")
                if not name or not name[0].isupper():
                    continue
                end = max(end, found.end("name"))
            start, reported_until = _whole_words(text, found.start(), end)
            yield start, reported_until


# --- Putting it together ---------------------------------------------------------------------

_DETECTORS: tuple[tuple[FindingKind, Callable[[str], Iterator[tuple[int, int]]]], ...] = (
    (FindingKind.IDENTITY_CODE, _identity_codes),
    (FindingKind.EMAIL, _emails),
    (FindingKind.PHONE, _phone_numbers),
    (FindingKind.CASE_WORD, _case_words),
)
"""In priority order: where findings overlap, the earlier kind wins, so an identity code
is not also a phone number and a phone number inside an e-mail address is the address."""


def _scan(text: str, field: str) -> list[Finding]:
    starts: list[int] = []
    ends: list[int] = []
    findings: list[Finding] = []
    for kind, detect in _DETECTORS:
        for start, end in sorted(detect(text), key=lambda span: (span[0], -span[1])):
            # Accepted spans never overlap, so both lists stay sorted together.
            position = bisect.bisect_right(starts, start)
            if position > 0 and ends[position - 1] > start:
                continue
            if position < len(starts) and starts[position] < end:
                continue
            starts.insert(position, start)
            ends.insert(position, end)
            findings.append(Finding(kind, start, end, text[start:end], field))
    findings.sort(key=lambda finding: finding.start)
    return findings


def scan(text: str) -> list[Finding]:
    """Everything in ``text`` that may identify a person or signal an individual case,
    ordered by position and never overlapping."""
    return _scan(text, "")


def scan_fields(fields: Iterable[tuple[str, str]]) -> list[Finding]:
    """Scan ``(field key, text)`` pairs. Findings come field by field, in the order the
    fields were given (the memo's own order), and by position within a field."""
    findings: list[Finding] = []
    for field, text in fields:
        findings.extend(_scan(text, field))
    return findings
