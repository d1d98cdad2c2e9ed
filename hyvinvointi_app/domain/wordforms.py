"""Word forms of Finnish and Swedish: the key under which the inflected forms of a word meet.

``päiväkodissa``, ``päiväkodin`` and ``päiväkoti`` all have the key ``päiväkoti``; ``barnens``,
``barnen`` and ``barn`` the key ``barn``. The key is the base form as far as the rules know it,
and where they err, they err alike for the forms of one word, which is what a search needs.

The rules (``resources/wordforms/fi.json`` and ``sv.json``, derived from simplemma's lemma lists
by ``build_rules.py`` there) replace a word's ending: the longest listed ending of the word
decides. They take 1.4 MB of memory, loaded at the first use (about 10 ms), and a word takes
20-70 µs, so the search index can call them for each text it stores, in the transaction
that changes the text.

A compound's key ends with the key of its last part (``turvallisuussuunnitelmassa`` →
``turvallisuussuunnitelma``), so the search finds the compound by its last part by matching
the end of the key, and by its first part by matching the start.
"""

from __future__ import annotations

import functools
import re
from array import array
from typing import Any

from hyvinvointi_app.resources import load_json_resource

LANGUAGES = ("fi", "sv")

VERSION = 1
"""The version of the rules and of :func:`key`: raise it with any change that gives a word
another key, and each file's search index is built anew when next opened."""

SHORTEST_INFLECTED = 3
"""Shorter words are their own key: the rules guess wildly on two letters."""

WORD = re.compile(r"\w+")
"""A word, as the search index splits a text (the search's snippets split alike)."""
_FOLD = str.maketrans("äöåéèáàüõ", "aoaeeaauo")

_FINNISH_WORDS = frozenset(
    [
        "ja",
        "on",
        "ei",
        "että",
        "se",
        "ovat",
        "oli",
        "tai",
        "kun",
        "myös",
        "sekä",
        "ole",
        "jos",
        "mutta",
        "kanssa",
        "joka",
        "jotka",
        "mitä",
        "miten",
        "hän",
        "he",
        "me",
        "te",
        "ne",
        "tämä",
        "nämä",
        "siitä",
        "sen",
        "sitä",
        "kuin",
        "vielä",
        "jo",
        "nyt",
        "sekä",
        "olla",
        "tulee",
        "voi",
        "pitää",
        "lapset",
        "lasten",
        "lapsi",
        "ryhmä",
        "kokous",
        "asia",
        "päätettiin",
        "sovittiin",
        "käsiteltiin",
    ]
)
_SWEDISH_WORDS = frozenset(
    [
        "och",
        "att",
        "är",
        "som",
        "på",
        "för",
        "med",
        "inte",
        "det",
        "den",
        "en",
        "ett",
        "av",
        "till",
        "har",
        "om",
        "vi",
        "de",
        "kan",
        "ska",
        "också",
        "eller",
        "men",
        "så",
        "när",
        "från",
        "vid",
        "hos",
        "efter",
        "under",
        "alla",
        "var",
        "blir",
        "skall",
        "mot",
        "detta",
        "dessa",
        "vara",
        "barn",
        "barnen",
        "barnens",
        "gruppen",
        "möte",
        "ärende",
        "beslöts",
        "beslutades",
        "behandlades",
    ]
)
_FINNISH_LETTERS = re.compile(r"aa|ää|ii|uu|yy|ee|oo|öö|y")


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case, as the search index splits it (each word lowered
    on its own, so that the n-th word is the n-th match of ``\\w+`` in ``text``)."""
    return [word.lower() for word in WORD.findall(text)]


def fold(word: str) -> str:
    """``word`` as typed without the Nordic letters: ä → a, ö → o, å → a (and é → e)."""
    return word.translate(_FOLD)


def detect(text: str) -> str | None:
    """``"fi"`` or ``"sv"`` when the text's words say so clearly, else None.

    Counts the everyday words of each language, å (Swedish only) and the double vowels and y
    that Finnish words are full of and Swedish ones seldom have.
    """
    finnish = swedish = 0.0
    for word in words(text):
        if word in _FINNISH_WORDS:
            finnish += 2
        elif word in _SWEDISH_WORDS:
            swedish += 2
        if "å" in word:
            swedish += 1
        elif _FINNISH_LETTERS.search(word):
            finnish += 0.5
    if finnish >= swedish + 2:
        return "fi"
    if swedish >= finnish + 2:
        return "sv"
    return None


class _Rules:
    """One language's ending rules, packed as ``build_rules.py`` writes them: for each ending
    length, the endings (reversed) sorted in one string and their rules in an array beside
    them, found by bisection."""

    def __init__(self, packed: dict[str, Any]) -> None:
        self._rules = [(int(cut), str(add)) for cut, add in packed["rules"]]
        self._default = int(packed["default"])
        self._endings = {int(n): str(endings) for n, endings in packed["endings"].items()}
        self._chosen = {int(n): array("H", chosen) for n, chosen in packed["chosen"].items()}
        self.longest = max(self._endings)

    def base_form(self, word: str) -> str:
        backwards = word[::-1] + "^"
        rule = self._default
        for length in range(1, min(len(backwards), self.longest) + 1):
            endings = self._endings.get(length)
            if endings is None:
                continue
            wanted = backwards[:length]
            low, high = 0, len(endings) // length
            while low < high:
                middle = (low + high) // 2
                if endings[middle * length : middle * length + length] < wanted:
                    low = middle + 1
                else:
                    high = middle
            if endings[low * length : low * length + length] == wanted:
                rule = self._chosen[length][low]
        cut, add = self._rules[rule]
        return (word[:-cut] if cut else word) + add


@functools.cache
def _rules(language: str) -> _Rules:
    return _Rules(load_json_resource(f"wordforms/{language}.json"))


@functools.lru_cache(maxsize=32768)
def key(word: str, language: str) -> str:
    """The key of one lower-case word in ``language`` (``"fi"`` or ``"sv"``); a word of digits,
    a short word or a word of another language is its own key.

    The rules are applied again to what they give, until it stays (three times at most):
    where they take a base form for an inflected one (``kevät`` → ``kevä``), its forms
    still meet it (``kevääseen`` → ``kevät`` → ``kevä``). Over the lemma lists' forms this
    gives a form the key of its base form 95 % of the time in Finnish and 96 % in Swedish,
    against 87 % and 88 % for a single pass (see resources/wordforms/README.md).
    """
    if language not in LANGUAGES or not word.isalpha():
        return word
    rules = _rules(language)
    for _round in range(3):
        if len(word) < SHORTEST_INFLECTED:
            break
        base = rules.base_form(word)
        if base == word or len(base) < 2:
            break
        word = base
    return word


def index_columns(
    text: str, language: str | None, *, by_words: bool = True
) -> tuple[str, str, str]:
    """The search index's columns for ``text``: the keys of its words (one per word), the
    folded keys of its words with ä, ö or å, and every key folded and backwards.

    The keys are those of ``language``; with ``by_words``, of the language the text's words
    tell (:func:`detect`), ``language`` only when they do not. A word with ä, ö or å gets
    two folded keys: its key folded, and the key of the word typed without them (which a
    search typed so computes alike: ``gården`` → ``gard`` and ``garde``). Backwards,
    matching the start of a key matches its end: a compound by its last part.
    """
    language = (by_words and detect(text)) or language or ""
    keys: list[str] = []
    folded: list[str] = []
    for word in words(text):
        word_key = key(word, language)
        keys.append(word_key)
        bare = fold(word)
        if bare != word:
            folded.append(fold(word_key))
            bare_key = fold(key(bare, language))
            if bare_key != folded[-1]:
                folded.append(bare_key)
    heads = " ".join(fold(k)[::-1] for k in keys)
    return " ".join(keys), " ".join(folded), heads
