"""Given names of people in Finland, found in a text in their Finnish inflected forms and their
Swedish genitive: ``Ellan``, ``Ellalle``, ``Eetusta``, ``Matin``, ``Oskarille``, ``Eliaksen``,
``Leoon``, ``Ellas``, ``Elias'``.

The names (``resources/names``: Faker's Finnish and Swedish lists, the Finnish and Swedish
names of Jörg Michael's name dictionary, and a short supplement of names given in Finland
since 2000 that those lack) are loaded at the first use. A word is a name's form when it
is capitalised, not in capitals, and one of the forms :func:`forms` gives the name. Some forms
are ordinary words too (``Toivo``, ``Aamun``, ``Inga``, ``Annan``, ``Satu``): the resource
lists them, as Voikko's and Hunspell's dictionaries told them apart when it was built, and a
match says so, for the privacy guard weighs such a word at the start of a sentence
differently.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hyvinvointi_app.resources import load_json_resource

_BACK_VOWELS = frozenset("aou")
_CASE_ENDINGS = ("n", "A", "ssA", "stA", "llA", "ltA", "lle", "nA", "ksi", "ttA")
"""Finnish case endings after a name's stem: genitive, partitive, inessive, elative, adessive,
ablative, allative, essive, translative and abessive (``A`` is ``a`` or ``ä`` by the name's
vowels). The illative is made apart: it repeats the stem's last vowel (``Ellaan``)."""
_CLITICS = ("", "kin", "kAAn", "hAn")
_VOWELS = "aeiouyäöå"
_GRADATION = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("mp", "mm"),
    ("nt", "nn"),
    ("lt", "ll"),
    ("rt", "rr"),
    ("nk", "ng"),
    ("t", "d"),
)
"""Finnish consonant gradation before a name's last vowels, strong to weak: ``Pekka`` →
``Pekan``, ``Sampo`` → ``Sammolle``, ``Ilta`` → ``Illan``, ``Satu`` → ``Sadun``."""


def _harmony(name: str, ending: str) -> str:
    back = any(letter in _BACK_VOWELS for letter in name)
    return ending.replace("A", "a" if back else "ä")


def _stems(name: str) -> list[str]:
    """The stems a Finnish case ending follows: a vowel-final name and its weak grade
    (``Pekka``: ``Pekka``, ``Peka``), a consonant-final name with ``i`` (``Oskari``) and, for a
    name of two syllables or more ending in ``s``, ``kse`` (``Eliakse``)."""
    if name[-1] in _VOWELS:
        weak = _graded(name, _GRADATION)
        return [name] if weak is None else [name, weak]
    stems = [name + "i"]
    syllables = len(re.findall(f"[{_VOWELS}]+", name))
    if name.endswith("s") and syllables >= 2:
        stems.append(name[:-1] + "kse")
    return stems


_CLOSED = frozenset({"n", "ssA", "stA", "llA", "ltA", "lle", "ksi", "ttA"})
"""The endings after which a name has its weak grade (``Pekan``, ``Pekalle``); the
partitive, the essive and the illative keep the strong one (``Pekkaa``, ``Pekkana``)."""


@functools.lru_cache(maxsize=4096)
def forms(name: str) -> frozenset[str]:
    """Every form of ``name`` (lower case) the guard looks for: the name itself, the Finnish
    cases of each stem, the illative, the partitive of an ``s`` name (``Eliasta``), each of
    them also with a clitic (``Ellakin``, ``Ellankin``), and the Swedish genitive (``Ellas``,
    ``Elias'``)."""
    name = name.lower()
    base = [name]
    for index, stem in enumerate(_stems(name)):
        weak = index == 1 and name[-1] in _VOWELS  # the second stem of Pekka is Peka
        base += [
            stem + _harmony(name, ending)
            for ending in _CASE_ENDINGS
            if not weak or ending in _CLOSED
        ]
        if not weak:
            base.append(stem + stem[-1] + "n")  # illative: Ellaan, Eetuun, Oskariin, Eliakseen
        if stem.endswith("kse"):
            base.append(name + _harmony(name, "tA"))  # Eliasta
    found = {form + _harmony(name, clitic) for form in base for clitic in _CLITICS}
    found |= {name + "'", name + "s" if name[-1] not in "sxz" else name}
    return frozenset(found)


_SUFFIXES = frozenset(
    {"'", "s"}
    | {
        ending.replace("A", vowel) + clitic.replace("A", vowel)
        for vowel in "aä"
        for ending in (*_CASE_ENDINGS, "tA", *(letter + "n" for letter in _VOWELS))
        for clitic in _CLITICS
    }
    | {clitic.replace("A", vowel) for vowel in "aä" for clitic in _CLITICS}
)
"""What :func:`forms` may add after a stem; a word is cut only where one of these ends it."""
_SUFFIX_LENGTHS = sorted({len(suffix) for suffix in _SUFFIXES})


def _graded(stem: str, changes: Iterable[tuple[str, str]]) -> str | None:
    """``stem`` with the first of ``changes`` that its consonants before its last vowels end
    with (``Pekka`` → ``Peka``), or None. ``t`` and ``d`` change only after a vowel."""
    end = len(stem)
    while end > 0 and stem[end - 1] in _VOWELS:
        end -= 1
    if end == len(stem):
        return None
    for old, new in changes:
        if not stem.endswith(old, 0, end):
            continue
        before = stem[end - len(old) - 1 : end - len(old)]
        if len(old) == 1 and before == old:
            continue  # a double consonant is no single one
        if "d" in (old, new) and before not in _VOWELS:
            continue
        return stem[: end - len(old)] + new + stem[end:]
    return None


_STRENGTHENING = tuple((weak, strong) for strong, weak in _GRADATION)


def _bases(form: str) -> Iterator[str]:
    """Lower-case names ``form`` may be a form of, by cutting what an ending can be and
    undoing the stem changes of :func:`_stems`; :func:`forms` then decides."""
    for cut in _SUFFIX_LENGTHS:
        if cut >= len(form) - 1:
            break
        if form[len(form) - cut :] not in _SUFFIXES:
            continue
        stem = form[: len(form) - cut]
        yield stem
        if stem.endswith("i"):
            yield stem[:-1]  # Oskari → Oskar
        if stem.endswith("kse"):
            yield stem[:-3] + "s"  # Eliakse → Elias
        for change in _STRENGTHENING:
            strong = _graded(stem, (change,))
            if strong is not None:
                yield strong  # Peka → Pekka, Sammo → Sampo, Sadu → Satu


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A given name in a text: ``text[start:end]`` is a form of ``name``. ``word`` when that
    form is an ordinary Finnish or Swedish word too (``Toivo``, ``Aamun``, ``Inga``), and
    ``proper_noun`` when it also names a holiday, a town or a program (``Lucia``, ``Wilma``)."""

    start: int
    end: int
    name: str
    word: bool = False
    proper_noun: bool = False


@dataclass(frozen=True, slots=True)
class _Names:
    by_lower: dict[str, str]
    word_forms: frozenset[str]
    proper_noun_forms: frozenset[str]


@functools.cache
def _names() -> _Names:
    data = load_json_resource("names/given_names.json")
    by_lower: dict[str, str] = {}
    for name in data["names"]:
        by_lower.setdefault(name.lower(), name)
    return _Names(by_lower, frozenset(data["word_forms"]), frozenset(data["proper_noun_forms"]))


def name_count() -> int:
    """How many given names the guard knows."""
    return len(_names().by_lower)


def known_name(form: str) -> str | None:
    """The name of which ``form`` (any case) is a form, or None."""
    lower = form.lower()
    names = _names().by_lower
    for base in _bases(lower):
        name = names.get(base)
        if name is not None and lower in forms(base):
            return name
    return None


_CAPITALS = "".join(
    re.escape(letter) for letter in map(chr, range(0x250)) if letter.isupper() and letter.isalpha()
)
_PART = r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*"
_CAPITALISED = re.compile(
    rf"(?<![\w'’-])(?=[{_CAPITALS}]){_PART}(?:-{_PART})*(?::[^\W\d_]{{1,5}})?'?(?![\w-])"
)
"""A word of letters beginning with a Latin capital (``O'Brien``), hyphenated or not
(``Anna-Liisa``, ``Eetu-poika``), with a Finnish colon ending (``Jade:n``) or a Swedish
genitive apostrophe (``Elias'``)."""


def _is_capitalised(part: str) -> bool:
    return part[0].isupper() and not (len(part) > 1 and part.isupper())


def find(text: str) -> Iterator[NameMatch]:
    """The given names in ``text``, in order. A hyphenated word is a name when it is one whole
    (``Anna-Liisan``) or when each of its parts is capitalised and one is a name
    (``Emma-Sofian``); ``Wilma-viesti`` and ``Eetu-poika`` are compounds, not names here."""
    data = _names()
    for found in _CAPITALISED.finditer(text):
        word = found.group()
        parts = word.split("-")
        if not all(_is_capitalised(part) for part in parts):
            continue
        plain = word.replace(":", "").replace("’", "'")
        name = known_name(plain)
        if name is None and len(parts) > 1:
            name = next((known for part in plain.split("-") if (known := known_name(part))), None)
        if name is None:
            continue
        lower = plain.lower()
        yield NameMatch(
            found.start(),
            found.end(),
            name,
            word=lower in data.word_forms,
            proper_noun=lower in data.proper_noun_forms,
        )
