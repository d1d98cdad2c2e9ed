"""Derive the word-form rules (fi.json, sv.json) from simplemma's lemma lists.

Not run by the application. Run once when the rules are to change, then add a schema step
that refills the search index (the index stores the keys these rules give):

    pip install simplemma==2.0.0
    python resources/wordforms/build_rules.py

A rule is a SUFFIX, CUT and ADD: a word whose reversed form, with ``^`` after its first
letter, starts with SUFFIX loses its last CUT letters and gains ADD. The longest listed
suffix wins; the empty suffix is the default rule. A suffix is listed only where its most
common rule among the list's forms differs from the rule of the suffix one letter shorter
and at least MIN_FORMS forms follow it, so the file stays small and the rules generalise to
words the lists never saw (compounds, new words).

The file is packed as the application reads it (``domain/wordforms.py``): ``rules`` is the
list of [CUT, ADD]; ``default`` the default rule's index; for each suffix length,
``endings`` holds the suffixes of that length sorted and written one after another, and
``chosen`` the index of each one's rule.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from simplemma.strategies.dictionaries.dictionary_factory import (  # type: ignore[import-not-found]
    _load_dictionary_from_disk,
)

LONGEST_SUFFIX = 9
MIN_FORMS = 2
HELD_OUT = 20_000
HERE = Path(__file__).parent


def _rule(form: str, lemma: str) -> tuple[int, str]:
    common = 0
    while common < min(len(form), len(lemma)) and form[common] == lemma[common]:
        common += 1
    return len(form) - common, lemma[common:]


def learn(pairs: list[tuple[str, str]]) -> dict[str, tuple[int, str]]:
    rows = sorted((("^" + form)[::-1], _rule(form, lemma)) for form, lemma in pairs)
    best: dict[str, tuple[int, str]] = {}
    table: dict[str, tuple[int, str]] = {}
    for length in range(LONGEST_SUFFIX + 1):
        start = 0
        while start < len(rows):
            key = rows[start][0][:length]
            end = start
            counts: Counter[tuple[int, str]] = Counter()
            while end < len(rows) and rows[end][0][:length] == key:
                counts[rows[end][1]] += 1
                end += 1
            if len(rows[start][0]) >= length:
                rule, forms = counts.most_common(1)[0]
                inherited = best.get(key[:-1]) if length else None
                if length == 0 or (rule != inherited and forms >= MIN_FORMS):
                    best[key] = table[key] = rule
                elif inherited is not None:
                    best[key] = inherited
            start = end
    return table


def apply(table: dict[str, tuple[int, str]], word: str) -> str:
    reversed_word = ("^" + word)[::-1]
    cut, add = table[""]
    for length in range(1, min(len(reversed_word), LONGEST_SUFFIX) + 1):
        rule = table.get(reversed_word[:length])
        if rule is not None:
            cut, add = rule
    return (word[:-cut] if cut else word) + add


def main() -> None:
    for language in ("fi", "sv"):
        pairs = [
            (form.decode().lower(), lemma.decode().lower())
            for form, lemma in _load_dictionary_from_disk(language).items()
        ]
        pairs = sorted({(f, lemma) for f, lemma in pairs if f.isalpha() and lemma.isalpha()})
        random.Random(1).shuffle(pairs)
        held_out, training = pairs[:HELD_OUT], pairs[HELD_OUT:]
        table = learn(training)
        right = sum(apply(table, form) == lemma for form, lemma in held_out)
        print(f"{language}: {len(table)} rules, {right / len(held_out):.1%} of held-out forms")
        write(language, learn(pairs))


def write(language: str, table: dict[str, tuple[int, str]]) -> None:
    rules = sorted(set(table.values()))
    index = {rule: number for number, rule in enumerate(rules)}
    endings: dict[int, list[str]] = {}
    for suffix in sorted(table):
        if suffix:
            endings.setdefault(len(suffix), []).append(suffix)
    packed = {
        "source": "simplemma 2.0.0 lemma lists; see README.md",
        "rules": [list(rule) for rule in rules],
        "default": index[table[""]],
        "endings": {str(n): "".join(suffixes) for n, suffixes in endings.items()},
        "chosen": {str(n): [index[table[s]] for s in suffixes] for n, suffixes in endings.items()},
    }
    with (HERE / f"{language}.json").open("w", encoding="utf-8") as out:
        json.dump(packed, out, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
