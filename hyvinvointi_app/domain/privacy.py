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

from hyvinvointi_app.domain import given_names
from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.names import stems


class FindingKind(StrEnum):
    """What kind of personal or case-signalling text a finding is."""

    IDENTITY_CODE = "identity_code"
    PHONE = "phone"
    EMAIL = "email"
    CASE_WORD = "case_word"
    CHILD_NAME = "child_name"
    """A given name in a sentence about a child, a family, support or a case."""
    CHILD_DESCRIPTION = "child_description"
    """Words that point at one child or family without a name: "eräs poika", "hans dotter"."""
    NAME = "name"
    """A given name in no such sentence: shown with lower prominence."""

    @property
    def prominent(self) -> bool:
        """Whether the review shows the finding among those that most likely identify a child;
        a name alone is shown apart, as something to glance at."""
        return self is not FindingKind.NAME


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


_AT = (
    r"(?:\s*[(\[{<]\s*(?:at|ät|a|snabel-a|miuku|kissanhäntä)\s*[)\]}>]\s*"
    r"|\s+(?:at|ät|snabel-a|miuku|kissanhäntä)\s+)"
)
_DOT = r"(?:\.|\s*[(\[{<]\s*(?:dot|piste|punkt)\s*[)\]}>]\s*|\s+(?:dot|piste|punkt)\s+)"
_FILE_TYPES = r"(?:xlsx?|docx?|pdf|pptx?|txt|jpe?g|png|odt|ods|odp|csv|zip|html?|rtf)"
"""A file name's type is no domain: "Liite (a) budjetti.xlsx" is an attachment."""
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.%+-])(?=[\w%+-]*[^\W\d_])[\w%+-]+(?:{_DOT}[\w%+-]+){{0,3}}?{_AT}"
    rf"[\w-]+(?:{_DOT}[\w-]+){{0,3}}?{_DOT}(?!{_FILE_TYPES}\b)[^\W\d_]{{2,}}(?!\w)",
    re.IGNORECASE,
)
"""An address written so that a program would not see it: ``etunimi.sukunimi(at)kunta.fi``,
``[at]``, ``(ät)``, ``(a)``, `` at ``, `` snabel-a ``, `` miuku ``, and ``(dot)``, ``[piste]``,
`` punkt `` for the dots. The local part needs a letter and the domain a dot, so ``klo 13
at`` is not; each has at most four pieces, so that a long run of `` dot `` stays linear."""


def _emails(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_EMAIL, _OBFUSCATED_EMAIL):
        for found in pattern.finditer(text):
            yield found.span()


# --- Case-signalling words ------------------------------------------------------------------


class TextRule(NamedTuple):
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
    not_after: str = ""
    """A pattern that, ending right before the finding, makes it no finding (an auxiliary
    before a participle: "on huomioinut lapsen" is a verb, not a description)."""


_FI = Language.FINNISH
_SV = Language.SWEDISH
_SPACE = r"[ \t\u00a0\u202f]"
_GAP = _SPACE + "+"
"""Spaces within one line: a capital after a line break starts a new sentence or item."""

CASE_WORD_RULES: tuple[TextRule, ...] = (
    # Finnish
    TextRule(
        r"diagno(?:os|s)",
        _FI,
        "'diagnoosi', 'diagnoosin', 'ADHD-diagnoosia', 'diagnosoitu': health data of a person.",
    ),
    TextRule(
        r"lastensuojelu(?!liit)",
        _FI,
        "'lastensuojeluilmoitus', 'lastensuojelun asiakkuus': a child-welfare case. Not the "
        "organisation 'Mannerheimin Lastensuojeluliitto'.",
    ),
    TextRule(
        r"\b(?:lasu(?:n|a|ja|t|ssa|sta|lla|lle|ihin)?\b|ls-ilmoitu)",
        _FI,
        "'lasu', 'LS-ilmoitus': colloquial names of a child-welfare notification.",
    ),
    TextRule(
        r"\bhuosta",
        _FI,
        "'huostaan', 'huostaanotto', 'huostassa': a child taken into care.",
    ),
    TextRule(
        r"\b(?:kiireellinen|kiireellisen|kiireellisesti|avohuollon)\s+sijoit"
        r"|\bsijoitettu\s+kodin\s+ulkopuolelle",
        _FI,
        "'kiireellinen sijoitus', 'avohuollon sijoitus': a child placed outside the home.",
    ),
    TextRule(
        r"sijaisperhe|sijaishuol",
        _FI,
        "'sijaisperheessä', 'sijaishuolto': foster care of a child.",
    ),
    TextRule(
        r"tukipäätö|\btuen\s+päätö",
        _FI,
        "'tukipäätös', 'tuen päätös': since 2025 the decision on one child's support.",
    ),
    TextRule(
        r"\berityisen\s+tuen\s+päätö",
        _FI,
        "'erityisen tuen päätös': an administrative decision about one child. Community-"
        "level support ('tehostettu tuki', 'erityinen tuki') is not flagged.",
    ),
    TextRule(
        r"terapia(?:ssa|an)\b",
        _FI,
        "'terapiassa', 'puheterapiaan': someone attends therapy. Therapists and 'terapia' as "
        "a topic are not flagged.",
    ),
    TextRule(
        r"\badhd|\badd\b|autis|asperger|dysfas|kehitysvam|neurolog|epilep|diabet|keliak",
        _FI,
        "'ADHD', 'autismikirjo', 'epilepsia', 'lastenneurologille': one person's diagnosis or "
        "its assessment.",
    ),
    TextRule(
        r"\blähete\b|\blähetteen|\blähetettä\b",
        _FI,
        "'lähete', 'lähetteen': a referral of one person to care.",
    ),
    TextRule(
        r"sairau",
        _FI,
        "'sairaus', 'sairauden', 'pitkäaikaissairautta': health data. Also flags "
        "'sairausloma'; the director decides.",
    ),
    TextRule(
        r"lääkit",
        _FI,
        "'lääkitys', 'lääkityksen', 'lääkitään': one person's medication. The unit's "
        "'lääkehoitosuunnitelma' is not flagged.",
    ),
    TextRule(
        r"henkilötunnu|\bhetu(?:n|a|t|lla|lle|sta|ssa|ja)?\b",
        _FI,
        "'henkilötunnus', 'hetu': talk of an identity code is talk of a person.",
    ),
    TextRule(
        r"\bsyntymäa(?:ika|jan|ikaa|jat|joista|ikoja)\b",
        _FI,
        "'syntymäaika': the app never records a child's birth date.",
    ),
    TextRule(
        r"kotiosoit",
        _FI,
        "'kotiosoite', 'kotiosoitteen': a person's address.",
    ),
    TextRule(
        r"perheväkival|lähisuhdeväkival",
        _FI,
        "'perheväkivalta', 'lähisuhdeväkivallasta': violence in one family. 'väkivalta' alone "
        "is in the name of the child-protection plan and is not flagged.",
    ),
    TextRule(
        r"huoltajuu|tapaamisoikeu|lähestymiskiel",
        _FI,
        "'huoltajuus', 'huoltajuuskiista', 'tapaamisoikeus', 'lähestymiskielto': one family's "
        "custody matters. 'huoltaja' (guardian) is everyday vocabulary and is not flagged.",
    ),
    # Swedish
    TextRule(
        r"diagnos",
        _SV,
        "'diagnos', 'diagnosen', 'diagnostiserad': health data of a person.",
    ),
    TextRule(
        r"barnskydd(?!sförbund)",
        _SV,
        "'barnskyddsanmälan', 'barnskyddet': a child-welfare case. The plan 'skydda barnen "
        "mot våld' and the organisation 'Mannerheims Barnskyddsförbund' are not flagged.",
    ),
    TextRule(
        r"omhändert",
        _SV,
        "'omhändertagande', 'omhändertas', 'omhändertogs': a child taken into care.",
    ),
    TextRule(
        r"\b(?:brådskande|akut)\s+placer|\bplacerad\s+utanför\s+hemmet|öppenvårdsplacer",
        _SV,
        "'brådskande placering', 'placerad utanför hemmet': a child placed outside the home.",
    ),
    TextRule(
        r"familjehem|fosterhem|fosterfamilj",
        _SV,
        "'familjehem', 'fosterfamiljen': foster care of a child.",
    ),
    TextRule(
        r"stödbeslut|\bbeslut\s+om\s+stöd",
        _SV,
        "'stödbeslut', 'beslut om stöd': since 2025 the decision on one child's support.",
    ),
    TextRule(
        r"\bbeslut\s+om\s+särskilt\s+stöd\b",
        _SV,
        "'beslut om särskilt stöd': an administrative decision about one child.",
    ),
    TextRule(
        r"\bi\s+\w*terapi\b",
        _SV,
        "'går i terapi', 'i talterapi': someone attends therapy.",
    ),
    TextRule(
        r"\badhd|\badd\b|autis|asperger|dysfas|utvecklingsstörn|neurolog|epilep|diabet"
        r"|celiaki",
        _SV,
        "'ADHD-utredning', 'epilepsi', 'barnneurolog': one person's diagnosis or its assessment.",
    ),
    TextRule(
        r"\bremiss",
        _SV,
        "'remiss', 'remissen': a referral of one person to care.",
    ),
    TextRule(
        r"sjukdom",
        _SV,
        "'sjukdom', 'sjukdomen', 'långtidssjukdomar': health data.",
    ),
    TextRule(
        r"medicin(?:er|era)",
        _SV,
        "'medicinering', 'medicineras', 'medicinerad': one person's medication.",
    ),
    TextRule(
        r"personbeteckning|personnummer",
        _SV,
        "'personbeteckning', 'personnumret': talk of an identity code is talk of a person.",
    ),
    TextRule(
        r"födelsedat",
        _SV,
        "'födelsedatum': the app never records a child's birth date.",
    ),
    TextRule(
        r"hemadress",
        _SV,
        "'hemadress', 'hemadressen': a person's address.",
    ),
    TextRule(
        r"vårdnad(?!shavar)|\bumgängesrätt|\bkontaktförbud",
        _SV,
        "'vårdnaden', 'vårdnadstvist', 'umgängesrätt', 'kontaktförbud': one family's custody "
        "matters. 'vårdnadshavare' (guardian) is everyday vocabulary and is not flagged.",
    ),
    TextRule(
        r"\bvåld\s+i\s+(?:hemmet|familjen|nära\s+relationer)\b|familjevåld",
        _SV,
        "'våld i hemmet', 'våld i nära relationer', 'familjevåld': violence in one family. "
        "'våld' alone is in the name of the child-protection plan and is not flagged.",
    ),
)
"""The case-signalling words, as data. Add a rule here with a ``why``; a test checks that
every rule compiles and that the group's standard sentences stay clean."""

_SINGULAR_CHILD_FI = (
    "lapsi|lapsen|lasta|lapselle|lapsella|lapselta|lapsesta|lapseen|lapsena"
    "|poika|pojan|poikaa|pojalle|pojalla|pojalta|pojasta|poikaan|poikana"
    "|tyttö|tytön|tyttöä|tytölle|tytöllä|tytöltä|tytöstä|tyttöön|tyttönä"
    "|vauva|vauvan|vauvaa|vauvalle|vauvalla|taapero|taaperon|taaperoa|taaperolle|taaperolla"
    "|esikoululainen|esikoululaisen|esikoululaista|esikoululaiselle|esikoululaisella"
    "|eskarilainen|eskarilaisen|eskarilaista|eskarilaiselle|eskarilaisella"
)
_SINGULAR_FAMILY_FI = (
    "perhe|perheen|perhettä|perheelle|perheellä|perheeltä|perheestä|perheeseen"
    "|huoltaja|huoltajan|huoltajaa|huoltajalle|huoltajalla|huoltajalta|huoltajasta"
    "|vanhempi|vanhemman|vanhempaa|vanhemmalle|vanhemmalla|vanhemmalta|vanhemmasta"
    "|äiti|äidin|äitiä|äidille|äidillä|äidiltä|äidistä|isä|isän|isää|isälle|isällä|isältä|isästä"
)
_BOY_OR_GIRL_FI = (
    "poika|pojan|poikaa|pojalle|pojalla|pojalta|pojasta|poikaan"
    "|tyttö|tytön|tyttöä|tytölle|tytöllä|tytöltä|tytöstä|tyttöön"
)
_ONE_FI = (
    "yksi|yhden|yhtä|yhdelle|yhdellä|yhdeltä|yhdestä|yhteen"
    "|eräs|erään|erästä|eräälle|eräällä|eräältä|eräästä|erääseen"
)
_ONE_WORD = r"(?:[^\W\d_]+\s+)?"
"""At most one word between a determiner and its noun: "yksi uusi lapsi", "en liten pojke"."""
_BOY_OR_GIRL_SV = "flicka|flickas|pojke|pojkes|tjej|tjejs|kille|killes"
_DEFINITE_BOY_OR_GIRL_SV = "flickan|flickans|pojken|pojkens|tjejen|tjejens|killen|killens"
_AGE_SV = r"(?:\d{1,2}\s*[-–]\s*|ett|två|tre|fyra|fem|sex|sju)"

NAMED_CHILD_RULES: tuple[TextRule, ...] = (
    TextRule(
        r"\b(?:lapsi|lapsen|lasta|lapselle|lapsella|lapselta|lapsesta|lapsessa|lapseen|lapsena)"
        rf"(?={_GAP}(?P<name>\w+))",
        _FI,
        "'lapsi Emma', 'lapsen Eetu': a child named in the text, whatever the name. 'lasta "
        "koskevia' in the approval sentence is not followed by a name.",
    ),
    TextRule(
        rf"\b(?:{_BOY_OR_GIRL_FI})(?={_GAP}(?P<name>\w+))",
        _FI,
        "'poika Leo', 'tytön Aino': a named boy or girl.",
    ),
    TextRule(
        rf"\b(?P<name>\w+)-(?:{_BOY_OR_GIRL_FI})\b",
        _FI,
        "'Eetu-poika', 'Aino-tytön': the everyday way to name a child in Finnish.",
    ),
    TextRule(
        rf"\b(?P<name>\w+n){_GAP}(?:äiti|äidin|äitiä|äidille|äidiltä|äidillä|äidistä"
        r"|isä|isän|isää|isälle|isältä|isällä|isästä)\b",
        _FI,
        "'Emman äiti', 'Leon isälle': one family, identified through the child's name.",
    ),
    TextRule(
        rf"\b(?:barn|barnet|barnets|{_DEFINITE_BOY_OR_GIRL_SV})(?={_GAP}(?P<name>\w+))",
        _SV,
        "'barnet Emma', 'pojken Leo': a named child. 'enskilda barn har' in the approval "
        "sentence is not followed by a name.",
    ),
    TextRule(
        rf"\b(?P<name>\w+s){_GAP}(?:mamma|mammas|mamman|pappa|pappas|pappan|mor|far)\b",
        _SV,
        "'Emmas mamma', 'Leos pappa': one family, identified through the child's name.",
    ),
)
"""A child named in a construction that needs no list of names: a name the lists lack
('Ayaan-poika') is found too. The finding is the whole construction."""

DESCRIPTION_RULES: tuple[TextRule, ...] = (
    # Finnish
    TextRule(
        rf"\b(?:{_ONE_FI})\s+{_ONE_WORD}(?:{_SINGULAR_CHILD_FI}|{_SINGULAR_FAMILY_FI})\b"
        r"(?!\s+perhe)",
        _FI,
        "'yhden lapsen', 'eräs poika', 'erään perheen', 'yksi uusi tyttö': one child or family. "
        "Not 'yhden huoltajan perheet', a kind of family.",
    ),
    TextRule(
        rf"\b(?:{_ONE_FI})\s+{_ONE_WORD}\w*(?:lapsista|pojista|tytöistä|perheistä|huoltajista"
        r"|vanhemmista|laisista)\b",
        _FI,
        "'yksi lapsista', 'yhdellä ryhmän tytöistä': one of the children.",
    ),
    TextRule(
        r"\b(?:kyseinen|kyseisen|kyseistä|kyseiselle|kyseisellä|kyseiseltä|kyseisestä"
        r"|ko\.|ao\.|tämän|tätä|tälle|tällä|tältä|tästä|mainitun|mainittu)"
        rf"\s+(?:{_SINGULAR_CHILD_FI}|{_SINGULAR_FAMILY_FI})\b",
        _FI,
        "'kyseinen lapsi', 'ko. lapsen', 'mainitun perheen': a child or family the reader is "
        "meant to know.",
    ),
    TextRule(
        r"\b(?:(?:hänen|heidän)\s+)?(?:poikansa|poikaansa|pojallaan|pojalleen|pojaltaan"
        r"|pojastaan|tyttärensä|tytärtään|tyttärellään|tyttärelleen|tyttäreltään|tyttärestään)\b",
        _FI,
        "'hänen poikansa', 'äiti toi tyttärensä': someone's son or daughter.",
    ),
    TextRule(
        r"\bhänen\s+(?:lapsensa|lastaan|lapselleen|lapsellaan|lapseltaan|lapsestaan|vanhempansa"
        r"|vanhempiaan|vanhemmilleen|äitinsä|äitiään|äidilleen|isänsä|isäänsä|isälleen"
        r"|perheensä|perhettään|perheelleen|huoltajansa|huoltajilleen|sisaruksensa|veljensä"
        r"|siskonsa)\b",
        _FI,
        "'hänen lapsensa', 'hänen vanhempansa': the family of one person.",
    ),
    TextRule(
        r"\b(?:\d{1,2}\s*[-–]\s*|yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän)"
        r"vuotia(?:s|an|asta|aalle|aalla|aalta|aasta|aaseen|aana)\s+"
        rf"(?:{_BOY_OR_GIRL_FI}|lapsi|lapsen|lapselle|lapsella|lapselta|lapsesta|lapseen)\b"
        r"(?!\s+(?:laaja\w*\s+)?terveystarkastu)",
        _FI,
        "'5-vuotias poika', 'kolmevuotiaan tytön': one child by age. '12 alle 3-vuotiasta "
        "lasta' counts children, '4-vuotiaan lapsen terveystarkastus' is every child's, and "
        "neither is flagged.",
    ),
    TextRule(
        rf"\b(?:ryhmän|ryhmästä|ryhmässä|ryhmään|(?-i:[A-ZÅÄÖ])\w+(?:ien|jen|ten))\s+"
        r"(?:oleva\s+|olevan\s+)?"
        rf"(?:{_SINGULAR_CHILD_FI})\b",
        _FI,
        "'Oravien tyttö', 'ryhmässä oleva poika', 'Nallejen yksi lapsi': one child of a group.",
    ),
    TextRule(
        rf"\b(?:{_SINGULAR_CHILD_FI}|{_SINGULAR_FAMILY_FI}),?\s+(?:josta|jonka|jota|jolle|jolla)"
        r"\s+(?:[^\W\d_]+\s+)?(?:puhuttiin|keskusteltiin|mainittiin|sovittiin|käsiteltiin"
        r"|kerrottiin|oli\s+puhetta|on\s+puhuttu|on\s+keskusteltu)\b",
        _FI,
        "'perhe, josta puhuttiin elokuussa': a child or family the group discussed before.",
    ),
    TextRule(
        r"\b(?:ryhmän|(?-i:[A-ZÅÄÖ])\w+(?:ien|jen|ten))\s+(?:nuorin|nuorimman|nuorinta"
        r"|nuorimmalle|nuorimmalla|vanhin|vanhimman|vanhinta|vanhimmalle|vanhimmalla|pienin"
        r"|pienimmän)\b",
        _FI,
        "'ryhmän nuorin', 'Oravien vanhin': the one child a superlative points at.",
    ),
    TextRule(
        r"\b(?:lapsi|poika|tyttö|perhe|\d{1,2}\s*[-–]\s*vuotias),?\s+joka\s+"
        r"(?:[^\W\d_]+\s+)?"
        r"(?:muutti|aloitti|tuli|siirtyi|kertoi|oli)\b",
        _FI,
        "'perhe, joka muutti…', 'lapsi, joka aloitti elokuussa': one child or family by what "
        "happened to them.",
    ),
    TextRule(
        r"\b(?!oll)\w+(?:[nlrs]ut|[nlrs]yt|neen|lleen|rreen|sseen)\s+"
        r"(?:\d{1,2}\s*[-–]\s*vuotia(?:s|an|asta|aalle|aalla)\b"
        r"|(?:lapsi|lapsen|lasta|lapselle|lapsella|poika|pojan|tyttö|tytön|perhe|perheen"
        r"|perhettä|perheelle|perheellä)\b)",
        _FI,
        "'tammikuussa aloittanut 3-vuotias', 'Ukrainasta muuttaneen perheen': one child or "
        "family by what happened to them. Not after an auxiliary ('on huomioinut lapsen').",
        r"\b(?:on|oli|ovat|olivat|ei|eivät|ole|olisi|olleet|ollut)\s+$",
    ),
    TextRule(
        r"\bkaksos(?:et|ten|ia|ille|illa|ilta|ista|iin|veli|veljen|sisko|siskon|sisar|sisaren)\b",
        _FI,
        "'kaksoset', 'Myyrien kaksosten äiti': twins are two children anyone can point at.",
    ),
    TextRule(
        r"\b(?:on|oli|ollut|tuli|tulee|aloitti|aloittaa)\s+"
        rf"{_ONE_WORD}(?:{_SINGULAR_CHILD_FI}|perhe),?\s+(?:joka|jolla|jonka|jolle|jota|josta)\b",
        _FI,
        "'ryhmässä on lapsi, jolla on…': one child, described.",
    ),
    TextRule(
        rf"\b(?:{_BOY_OR_GIRL_FI})\b(?!-)",
        _FI,
        "'poika löi', 'tytön huoltajat': one boy or girl. Not where the sentence names both "
        "('saako tyttö leikkiä autoilla ja poika nukeilla'), nor after 'jokainen', 'jos'.",
    ),
    # Swedish
    TextRule(
        rf"\b(?:en|ett)\s+(?!enskild\b|enskilt\b){_ONE_WORD}(?:{_BOY_OR_GIRL_SV}|familj"
        r"|familjs)\b",
        _SV,
        "'en flicka', 'en liten pojke', 'en familj': one child or family. Not after 'om', "
        "'varje', 'som' ('om en pojke vill leka med dockor'), nor 'en enskild familj', which "
        "the group's own rule uses ('aldrig … en enskild familj').",
    ),
    TextRule(
        r"\b(?:en|ett)\s+av\s+(?:[^\W\d_]+\s+)?\w*(?:barnen|eleverna|flickorna|pojkarna"
        r"|tjejerna|killarna|familjerna|åringarna)\b",
        _SV,
        "'ett av barnen', 'en av flickorna i Myrorna': one of the children.",
    ),
    TextRule(
        rf"\b(?:{_DEFINITE_BOY_OR_GIRL_SV}|sonen|sonens|dottern|dotterns)\b",
        _SV,
        "'pojken', 'flickans', 'dottern': one boy or girl. Not where the sentence names both.",
    ),
    TextRule(
        r"\b(?:barnet|familjen|pojken|flickan|vårdnadshavaren)\s+som\s+(?:vi\s+)?"
        r"(?:diskuterade|pratade\s+om|nämndes|nämnde|behandlade|behandlades|tog\s+upp)\b",
        _SV,
        "'familjen som vi diskuterade': a child or family the group discussed before.",
    ),
    TextRule(
        r"\b(?:den|det)\s+(?:yngsta|äldsta|minsta)\s+(?:barnet\s+)?(?:i|på|av)\b"
        r"|\b(?:gruppens|\w+(?:nas|ens))\s+(?:yngsta|äldsta|minsta)\b",
        _SV,
        "'den yngsta i Myrorna', 'Ugglornas yngsta': the one child a superlative points at.",
    ),
    TextRule(
        r"\b(?:familjen|barnet|pojken|flickan|han|hon|hen)\s+som\s+(?:[^\W\d_]+\s+)?"
        r"(?:flyttade|började|kom|slutade|bytte|var|hade)\b",
        _SV,
        "'familjen som flyttade hit', 'barnet som började i januari': one child or family by "
        "what happened to them.",
    ),
    TextRule(
        r"\bsyskonen\b|\bsyskonens\b|\bsyskonparet",
        _SV,
        "'syskonen som började i januari': the siblings, two children anyone can point at.",
    ),
    TextRule(
        r"\btvilling(?:ar|arna|arnas|en|ens|bror|brodern|syster|systern)?\b",
        _SV,
        "'tvillingarna i Myrorna', 'tvillingbrodern': twins are two children anyone can point at.",
    ),
    TextRule(
        r"\b(?:det\s+aktuella\s+barnet|barnet\s+i\s+fråga|barnet\s+ifråga|detta\s+barn"
        r"|det\s+här\s+barnet|ifrågavarande\s+barn|nämnda\s+barn)\b",
        _SV,
        "'det aktuella barnet', 'barnet i fråga': a child the reader is meant to know.",
    ),
    TextRule(
        r"\b(?:hans|hennes|hens|deras)\s+(?:son|sons|dotter|dotters|pojke|pojkes|flicka|flickas)\b"
        r"|\b(?:hans|hennes|hens)\s+(?:barn|barns|mamma|pappa|mor|far|föräldrar|familj"
        r"|vårdnadshavare|syskon|bror|syster)\b",
        _SV,
        "'hennes son', 'deras dotter', 'hans föräldrar': someone's child or family.",
    ),
    TextRule(
        rf"\b(?:en\s+)?{_AGE_SV}åring(?:en|ens|s)?\b"
        rf"|\b{_AGE_SV}årig\s+(?:pojke|flicka|tjej|kille)\b"
        rf"|\b{_AGE_SV}åriga\s+(?:pojken|flickan|tjejen|killen)\b",
        _SV,
        "'en femåring', 'en 4-årig pojke', 'treåringen': one child by age. 'femåringarna' is "
        "all of them and is not flagged.",
    ),
    TextRule(
        r"\b(?:ett|en)\s+(?:[^\W\d_]+\s+)?(?:barn|pojke|flicka)\s+(?:i|på|från)\s+"
        r"(?:gruppen|avdelningen|förskolegruppen|vår\s+grupp|[A-ZÅÄÖ]\w+)",
        _SV,
        "'ett barn i gruppen', 'ett barn på Myrorna': one child of a group.",
    ),
    TextRule(
        r"\b(?:finns|fanns|har|hade|kom|kommer|börjar|började|fått|får|fick)\s+(?:det\s+)?"
        r"(?:ett|en)\s+(?:[^\W\d_]+\s+)?(?:barn|pojke|flicka|familj)\s+som\b",
        _SV,
        "'det finns ett barn som…': one child, described.",
    ),
)
"""Words that point at one child or family without naming them (issue: "yhden lapsen",
"eräs poika", "hänen poikansa", "en flicka i gruppen", "hennes son")."""

_GENERIC_BEFORE = re.compile(
    r"(?<!\w)(?:jokainen|jokaisen|jokaista|jokaiselle|jokaisella|jokaisesta|kukin|kunkin"
    r"|kullekin|yksikään|jos|mikäli|saako|voiko|pitääkö|varje|ifall|ingen|inget|vilken"
    r"|vilket|som|varken|antingen)\s+(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)
"""A determiner or conjunction before a description that makes it any child, not one:
"jokainen ryhmän lapsi", "jos tyttö haluaa", "saako poika", "varje flicka". Not "kun",
"när": "kun poika löi" is one boy."""

_GENERIC_REACH = 40
"""Characters before a description in which :data:`_GENERIC_BEFORE` is looked for."""

_IF_BEFORE = re.compile(r"(?<!\w)om\s+$", re.IGNORECASE)
_VERB_AFTER = re.compile(
    r"\s+(?:vill|inte|kan|får|är|blir|känner|skulle|behöver|leker|gråter)\b", re.IGNORECASE
)
"""Swedish "om" is "if" before a description followed by its verb ("om en pojke vill leka")
and "about" otherwise ("vi pratade om en pojke i Myrorna"), which is one child."""

_BOTH_GENDERS = (
    re.compile(r"\b(?:poika|pojan|poikaa|pojalle|pojat|poikien|poikia)\b", re.IGNORECASE),
    re.compile(r"\b(?:tyttö|tytön|tyttöä|tytölle|tytöt|tyttöjen|tyttöjä)\b", re.IGNORECASE),
    re.compile(r"\b(?:pojk\w*|kill\w*)", re.IGNORECASE),
    re.compile(r"\b(?:flick\w*|tjej\w*)", re.IGNORECASE),
)
"""Boys and girls in one sentence is the equality plan's talk of genders, not of one child."""

_Compiled = tuple[re.Pattern[str], re.Pattern[str] | None]


def _compiled(rules: tuple[TextRule, ...]) -> tuple[_Compiled, ...]:
    return tuple(
        (
            re.compile(rule.pattern, re.IGNORECASE),
            re.compile(rule.not_after, re.IGNORECASE) if rule.not_after else None,
        )
        for rule in rules
    )


_COMPILED_CASE_WORD_RULES = _compiled(CASE_WORD_RULES)
_COMPILED_NAMED_CHILD_RULES = _compiled(NAMED_CHILD_RULES)
_COMPILED_DESCRIPTION_RULES = _compiled(DESCRIPTION_RULES)


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


_GROUP_FORM = re.compile(
    r"(?:ista|istä|issa|issä|ille|illa|illä|ilta|iltä|ien|jen|iin|ihin|arna|orna|erna)$"
)
"""A capitalised word in a plural case, as a group's name is written ("poika Oravista",
"barnet Ekorrarna"): a group, not a child's name, unless the lists know it as a name."""


def _rule_spans(
    text: str,
    rules: Iterable[_Compiled],
    name_fits: Callable[[str, int], bool] | None = None,
) -> Iterator[tuple[int, int]]:
    """The spans of ``rules`` in ``text``, widened to whole words. A rule with a ``name``
    group fires only when ``name_fits(name, its start)``."""
    for pattern, not_after in rules:
        has_name = "name" in pattern.groupindex
        reported_until = 0
        for found in pattern.finditer(text):
            if found.start() < reported_until:
                continue  # inside a word already reported; also keeps long words linear
            end = found.end()
            if has_name:
                name = found.group("name")
                if not name or name_fits is None or not name_fits(name, found.start("name")):
                    continue
                end = max(end, found.end("name"))
            if not_after is not None and not_after.search(
                text, max(0, found.start() - _GENERIC_REACH), found.start()
            ):
                continue
            start, reported_until = _whole_words(text, found.start(), end)
            yield start, reported_until


def _case_words(text: str) -> Iterator[tuple[int, int]]:
    return _rule_spans(text, _COMPILED_CASE_WORD_RULES)


_PLACE_FORM = re.compile(r"(?:ssa|ssä|sta|stä|lla|llä|lta|ltä)$")


def _named_children(
    text: str, sentences: _Sentences, member_names: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """The constructions "lapsi Emma", "Eetu-poika", "Emmas mamma". The name must start with a
    capital and not be a member's; a word the lists do not know as a name must not be in a
    plural or place case ("poika Oravista", "lapsi Suomessa") nor begin the sentence
    ("Jokaisen äiti", "Vuoden isä")."""

    def name_fits(name: str, start: int) -> bool:
        if not name[0].isupper():
            return False
        known = given_names.known_name(name)
        if known is not None:
            return known.lower() not in member_names
        return not (
            _GROUP_FORM.search(name) or _PLACE_FORM.search(name) or sentences.starts_at(start)
        )

    return _rule_spans(text, _COMPILED_NAMED_CHILD_RULES, name_fits)


# --- Sentences ------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n")
_LETTER = re.compile(r"[^\W\d_]")


class _Sentences:
    """Where each sentence of a text begins and ends: a window the director reads as one
    sentence ends at ``.``, ``!``, ``?`` or ``;`` before a space, or at a line break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [found.end() for found in _SENTENCE_END.finditer(text)]
        self._first_letters: dict[int, int] = {}

    def around(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.ends, position)
        start = self.ends[index - 1] if index > 0 else 0
        end = self.ends[index] if index < len(self.ends) else len(self.text)
        return start, end

    def starts_at(self, position: int) -> bool:
        """Whether the word at ``position`` is the first of its sentence: capitalised there by
        the rules of writing, not because it is a name."""
        start, end = self.around(position)
        if start not in self._first_letters:
            letter = _LETTER.search(self.text, start, end)
            self._first_letters[start] = end if letter is None else letter.start()
        return position <= self._first_letters[start]


def _descriptions(text: str, sentences: _Sentences) -> Iterator[tuple[int, int]]:
    both_genders: dict[int, bool] = {}
    for start, end in _rule_spans(text, _COMPILED_DESCRIPTION_RULES):
        sentence_start, sentence_end = sentences.around(start)
        reach = max(sentence_start, start - _GENERIC_REACH)
        if _GENERIC_BEFORE.search(text, reach, start) or (
            _IF_BEFORE.search(text, reach, start) and _VERB_AFTER.match(text, end)
        ):
            continue
        if sentence_start not in both_genders:
            both_genders[sentence_start] = (
                sum(
                    bool(gender.search(text, sentence_start, sentence_end))
                    for gender in _BOTH_GENDERS
                )
                >= 2
            )
        if not both_genders[sentence_start]:
            yield start, end


# --- Given names -----------------------------------------------------------------------------

_ONE_CHILD = re.compile(
    # anywhere in a word, compounds too: "pähkinäallergiasta", "puheterapiaan", "tukisuunnitelma"
    r"(?:allergi|diagno|terapi(?!a\s)|sairau|lääki|lastensuojel|kuntout|ruokavalio|epilep"
    r"|diabet|tukitoim|tukisuunnitelm|stödplan|barnskydd|specialkost|medicin|habilit"
    r"|\b(?:"
    # Finnish: one child, one parent, one family, individual support, one person
    r"lapsi|lapsen|lapselle|lapsella|lapselta|lapsesta|lapseen|lapsena|lapsensa|poika|pojan"
    r"|poikaa|pojalle|pojalla|pojalta|pojasta|tyttö|tytön|tyttöä|tytölle|tytöllä|tytöltä"
    r"|tytöstä|vauva\w*|taapero\w*|(?:esikoulu|eskari)lai(?:nen|sen|sta|selle|sella)|äiti"
    r"|äidi\w*|isä|isän|isää|isälle|isällä|isältä|isästä|isänsä|huoltaja|huoltajan|huoltajaa"
    r"|huoltajalle|perhe|perheen|perhettä|perheelle|perheellä|perheeltä|perheestä|perheeseen"
    r"|perheensä|oma\s+aikuinen|oman\s+aikuisen|hän|hänen|häntä|hänelle"
    r"|purrut|lyönyt|potkinut|tönäissyt|raapinut|sylkenyt|kiusannut|satuttanut|haukkunut"
    r"|hänellä|häneltä|hänestä|häneen|hänet"
    # Swedish
    r"|barnet|barnets|pojken|pojkens|flickan|flickans|tjejen|killen|bebis\w*|mamma|mamman"
    r"|mammas|pappa|pappan|pappas|vårdnadshavaren|familjen|familjens|egen\s+vuxen"
    r"|resursperson\w*|han|hon|hen|honom|henne|hennes|hans|hens"
    r"|har\s+(?:bitit|slagit|sparkat|knuffat|retat|rivit|spottat|mobbat)"
    r")\b)",
    re.IGNORECASE,
)
"""Words that make a sentence about one child: the child, one parent or family, health,
individual support, and the pronouns of one person. With one of them, or a case word or a
description in the sentence, even a name that is an ordinary word or a place is flagged."""

_ABOUT_CHILDREN = re.compile(
    r"(?:kiusa|mobb|väkival|terapeut|psykolog|neuvol|erityisopet|avustaj|speciallär|assistent"
    r"|\b(?:"
    # Finnish: family, support, behaviour, worry
    r"huoltaj\w*|vanhem\w*|sisaru\w*|sisko\w*|veli|velje\w*|perhee\w*|koti\w*|kodi\w*"
    r"|mummo\w*|isovanhem\w*|tuki|tuen|tukea|tuke\w*|apu|avun|apua|tarvit\w*|erityi\w*"
    r"|tehostet\w*|sairas\w*"
    r"|lääkär\w*|sosiaalityö\w*|kasvatuskeskustel\w*|vasu\w*|huoli|huole\w*|huolestu\w*"
    r"|huolissa\w*|lyö\w*|löi|pure\w*|puri\w*|potki\w*|tönä\w*|tönii|käyttäyt\w*|käytö\w*"
    r"|haaste\w*|levoton|levottom\w*|itk\w*|kiukk\w*|raivo\w*|riidel\w*|poissaol\w*"
    r"|myöhästel\w*|kehity\w*|keskittym\w*|aggressi\w*|turvattom\w*|pelk\w*|ahdist\w*"
    r"|yksinäi\w*|syrji\w*"
    # Swedish
    r"|pojk\w*|flick\w*|tjej\w*|kill\w*|syskon\w*|bror|brodern|syster\w*|vårdnadshavar\w*"
    r"|föräld\w*|mor|far|familj\w*|hem|hemma|hemmet|hemifrån|stöd\w*|hjälp\w*|behöver"
    r"|särskil\w*|läkar\w*|sjuk\w*|socialarbet\w*|socialbyrå\w*|oro|orolig\w*|oroa\w*"
    r"|bekymm\w*|slå\w*|slog|slagit|bit[ie]\w*|bet|spark\w*|knuff\w*|reta\w*|beteend\w*"
    r"|utbrott\w*|rastlös\w*|gråt\w*|grät|frånvar\w*|utveckl\w*|koncentr\w*|aggress\w*"
    r"|våld\w*|rädd|rädsl\w*|ängsl\w*|ensam\w*|utanför"
    r")\b)",
    re.IGNORECASE,
)
"""Words that may make a sentence about a child but are as often about all of them:
families, support, behaviour, worry ("huoltajat", "föräldramötet", "kiusaaminen"). A name
that is no ordinary word is flagged as a child's name with one of them."""


def _covered(text: str, spans: Iterable[tuple[int, int]]) -> bytearray:
    """A mark for each character of ``text`` inside one of ``spans``."""
    marks = bytearray(len(text))
    for start, end in spans:
        marks[start:end] = b"\x01" * (end - start)
    return marks


_Members = tuple[frozenset[str], list[re.Pattern[str]]]


def _members(people: Iterable[str]) -> _Members:
    """The members' given names as the lists know them (``Tuomas`` for ``Tuomaksen``), and a
    pattern for each member's whole name (``AINO AHOSEN``)."""
    given = set()
    wholes = []
    for person in people:
        for part in re.split(r"[\s-]+", person.strip()):
            if part:
                given.add((given_names.known_name(part) or part).lower())
        parts = person.split()
        if len(parts) > 1:
            last = "|".join(re.escape(stem) for stem in stems(parts[-1]))
            first = r"\s+".join(re.escape(part) for part in parts[:-1])
            wholes.append(re.compile(rf"(?<!\w){first}\s+(?:{last})\w{{0,5}}(?!\w)", re.I))
    return frozenset(given), wholes


_SURNAME = rf"{_SPACE}+(?:(?-i:[A-ZÅÄÖ])\.{_SPACE}*)*(?-i:[A-ZÅÄÖ])\w+"
_NAMED_DAY = re.compile(
    rf"{_SURNAME}(?:{_SPACE}+(?:ja|och){_SPACE}+[\w-]+)?{_SPACE}*-?"
    r"(?:päivä\w*|dagen\b|juhla\w*|viikko\w*|veckan\b)",
    re.IGNORECASE,
)
_NAMED_PLACE = re.compile(
    rf"(?P<surname>{_SURNAME})?{_SPACE}*-?"
    r"(?:koulu|koulun|koulussa|koululla|koulusta|koululta|kouluun|peruskoulu\w*|kirjasto"
    r"|kirjaston|kirjastossa|kirjastoon|katu|kadun|kadulla|tie|tien|tiellä|puisto|puiston"
    r"|puistossa|talo|talon|talossa|skola|skolan|skolas|daghem|daghemmet|bibliotek"
    r"|biblioteket|gatan|vägen|parken)\b",
    re.IGNORECASE,
)
"""After a given name, a day, a school, a street or a building named after a person: "Aleksis
Kiven päivänä", "Minna Canthin ja tasa-arvon päivänä", "Aleksis Kiven peruskoulun", "Runebergs
skola", and with no surname "Kalevan koulun", unless the sentence is about one child ("Ellas
skola har kontaktat familjen")."""

_TITLE_BEFORE = re.compile(
    r"(?<!\w)(?:psykologi|kuraattori|terveydenhoitaja|erityisopettaja|opettaja|rehtori|johtaja"
    r"|sosiaaliohjaaja|sosiaalityöntekijä|puheterapeutti|toimintaterapeutti|fysioterapeutti"
    r"|lääkäri|kirjastonhoitaja|poliisi|psykolog|kurator|hälsovårdare|hälsovårdaren"
    r"|speciallärare|lärare|läraren|rektor|föreståndare|socialarbetare|socialhandledare"
    r"|talterapeut|läkare|bibliotekarie|polis)"
    rf"{_SPACE}+$",
    re.IGNORECASE,
)
"""A title before a name makes it an adult's: "Psykologi Hanna Laine", "kurator Lena"."""


def _given_names(
    text: str,
    sentences: _Sentences,
    members: _Members,
    context_spans: list[tuple[int, int]],
) -> Iterator[tuple[FindingKind, int, int]]:
    """Given names: in a sentence about a child they may identify one; elsewhere, or after a
    title ("psykologi Hanna"), they are flagged with lower prominence. The ``members``' given
    names, in any form, are never flagged. A form that is an ordinary word at the
    start of a sentence (``Toivomme``, ``Aamun piirissä``, ``Rosa tröjans dag``) and a name
    that is also a holiday, a town or a program anywhere (``Lucia``, ``via Wilma``) are
    flagged only in a sentence about one child; a day or a place named after a person is no
    child."""
    matches = list(given_names.find(text))
    if not matches:
        return
    member_names, wholes = members
    member_spans = _covered(
        text, (found.span() for pattern in wholes for found in pattern.finditer(text))
    )
    names = _covered(text, ((match.start, match.end) for match in matches))
    context_starts = sorted(start for start, _end in context_spans)
    sentence_context: dict[int, tuple[bool, bool]] = {}
    previous_end = -2
    for match in matches:
        second_name = text[previous_end : match.start] == " "  # "Hanna Laine", "Hans Christian"
        previous_end = match.end
        if (
            second_name
            or match.name.lower() in member_names
            or any(member_spans[match.start : match.end])
        ):
            continue
        if _NAMED_DAY.match(text, match.end):
            continue
        sentence_start, sentence_end = sentences.around(match.start)
        if sentence_start not in sentence_context:
            sentence_context[sentence_start] = _context(
                text, sentence_start, sentence_end, names, context_starts
            )
        one_child, about_children = sentence_context[sentence_start]
        place = _NAMED_PLACE.match(text, match.end)
        if place is not None and (place.group("surname") or not one_child):
            continue
        ordinary = match.proper_noun or (match.word and sentences.starts_at(match.start))
        adult = _TITLE_BEFORE.search(text, max(0, match.start - _GENERIC_REACH), match.start)
        owned = not match.proper_noun and _owns_context(text, match.end)
        if not adult and (one_child or owned or (about_children and not ordinary)):
            yield FindingKind.CHILD_NAME, match.start, match.end
        elif not ordinary:
            yield FindingKind.NAME, match.start, match.end


_NEXT_WORD = re.compile(rf"{_SPACE}*(\w+)")
_OF_A_GROUP = re.compile(
    rf"{_GAP}(?:i|på)\s+(?:[A-ZÅÄÖ]\w*(?:arna|orna|erna)\b|\w*grupp\w*|avdelningen)"
)
"""After a name, the group the child is in: "Elin i Björnarna", "Saga i förskolegruppen"."""


def _owns_context(text: str, end: int) -> bool:
    """Whether what follows a name makes it a child's: its parents or behaviour ("Toivon
    vanhemmille", "Viljas beteende"; not "Rosa tröjans dag"), or its group ("Elin i
    Björnarna")."""
    if _OF_A_GROUP.match(text, end):
        return True
    word = _NEXT_WORD.match(text, end)
    if word is None:
        return False
    start, stop = word.span(1)
    return bool(_ONE_CHILD.search(text, start, stop) or _ABOUT_CHILDREN.search(text, start, stop))


def _context(
    text: str, start: int, end: int, names: bytearray, context_starts: list[int]
) -> tuple[bool, bool]:
    """Whether the sentence ``text[start:end]`` is about one child (a case word or a
    description at one of ``context_starts``, or a word of :data:`_ONE_CHILD`), and whether
    it may be about children at all (:data:`_ABOUT_CHILDREN`). A name is no context: "Hans"
    is a name and "hans" a pronoun."""

    def found(pattern: re.Pattern[str]) -> bool:
        return any(not names[hit.start()] for hit in pattern.finditer(text, start, end))

    first = bisect.bisect_left(context_starts, start)
    one_child = (first < len(context_starts) and context_starts[first] < end) or found(_ONE_CHILD)
    return one_child, one_child or found(_ABOUT_CHILDREN)


# --- Putting it together ---------------------------------------------------------------------


_PERSONAL_DATA = (
    (FindingKind.IDENTITY_CODE, _identity_codes),
    (FindingKind.EMAIL, _emails),
    (FindingKind.PHONE, _phone_numbers),
)
"""The detectors of what names a person by itself, in priority order."""


def _candidates(
    text: str, members: _Members, *, personal_only: bool
) -> Iterator[list[tuple[FindingKind, int, int]]]:
    """Every detector's findings, detector by detector in priority order: where findings
    overlap, the earlier wins, so an identity code is not also a phone number, a phone number
    inside an e-mail address is the address, "poika Eetu" is one named child and not also a
    boy, and "Hans dotter" is a description, not the name Hans."""
    for kind, detect in _PERSONAL_DATA:
        yield [(kind, start, end) for start, end in detect(text)]
    if personal_only:
        return
    sentences = _Sentences(text)
    named = _named_children(text, sentences, members[0])
    yield [(FindingKind.CHILD_NAME, start, end) for start, end in named]
    case_words = list(_case_words(text))
    yield [(FindingKind.CASE_WORD, start, end) for start, end in case_words]
    descriptions = list(_descriptions(text, sentences))
    yield [(FindingKind.CHILD_DESCRIPTION, start, end) for start, end in descriptions]
    yield list(_given_names(text, sentences, members, case_words + descriptions))


def _scan(
    text: str, field: str, members: _Members, *, personal_only: bool = False
) -> list[Finding]:
    starts: list[int] = []
    ends: list[int] = []
    findings: list[Finding] = []
    for kind, start, end in (
        candidate
        for detected in _candidates(text, members, personal_only=personal_only)
        for candidate in sorted(detected, key=lambda found: (found[1], -found[2]))
    ):
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


def scan(text: str, people: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` that may identify a person or signal an individual case,
    ordered by position and never overlapping. ``people`` are the group's members, whose
    names are never flagged as names."""
    return _scan(text, "", _members(people))


def personal_data(text: str) -> list[Finding]:
    """The identity codes, phone numbers and e-mail addresses in ``text``: what a public text
    never shows (the rest was settled at the privacy review)."""
    return _scan(text, "", _members(()), personal_only=True)


def scan_fields(fields: Iterable[tuple[str, str]], people: Iterable[str] = ()) -> list[Finding]:
    """Scan ``(field key, text)`` pairs. Findings come field by field, in the order the
    fields were given (the memo's own order), and by position within a field."""
    members = _members(people)
    findings: list[Finding] = []
    for field, text in fields:
        findings.extend(_scan(text, field, members))
    return findings
