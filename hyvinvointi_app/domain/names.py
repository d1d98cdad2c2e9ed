"""Members' names in typed text, found in the forms a Finnish or Swedish sentence gives them,
so that a document without names can put the member's role in their place.

A whole name of two parts or more ("Aino Ahonen") is found in any letter case, its last
part inflected ("Aino Ahosen", "aino ahoselle"). A single part of three letters or more is
found capitalised as names are written, or in capitals, and inflected: a case ending after
it ("Ainon", "Ainolle", "Ainos"), a "-nen" name's s-stem ("Ahosen", "Virtaselta"), and a
"kk", "pp" or "tt" of the last syllable weakened ("Heikin", "Pekalle", "Matille"). A word
that happens to look like such a form is replaced too: in a public text a missed name costs
more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

R = TypeVar("R")

SHORTEST_PART = 3
"""A part of a name shorter than this (an initial, "Li") is not looked for on its own."""
_ENDING = r"\w{0,5}"
"""A case ending or possessive after a stem ("n", "lle", "ltä", "ssakin")."""
_GRADATION = re.compile(r"(kk|pp|tt)(?=[^kpt]*$)")


def stems(part: str) -> list[str]:
    """The forms of one part of a name that inflected forms begin with."""
    found = [part]
    if part.lower().endswith("nen") and len(part) > 4:
        found.append(part[:-3] + "s")
    weakened = _GRADATION.sub(lambda m: m.group(1)[0], part, count=1)
    if weakened != part:
        found.append(weakened)
    return found


def _inflected(part: str) -> str:
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems(part), key=len, reverse=True))
    return f"(?:{alternatives}){_ENDING}"


@functools.lru_cache(maxsize=512)
def name_pattern(name: str) -> re.Pattern[str] | None:
    """Where ``name`` appears in a text, whole or in parts; None for an empty name."""
    parts = name.split()
    if not parts:
        return None
    whole = r"\s+".join([*(re.escape(p) for p in parts[:-1]), _inflected(parts[-1])])
    alone = [
        form
        for part in parts
        if len(part) >= SHORTEST_PART
        for form in (_inflected(part), _inflected(part.upper()))
    ]
    choices = [f"(?i:{whole})"] if len(parts) > 1 else []
    choices += alone
    return re.compile(r"(?<!\w)(?:" + "|".join(choices) + r")(?!\w)")


def replace_names(
    text: str, names: Iterable[tuple[str, R]], replacement: Callable[[R], str]
) -> str:
    """``text`` with each name of ``names`` (longest first) replaced by
    ``replacement(its value)``, in every form :func:`name_pattern` finds."""
    for name, value in sorted(names, key=lambda pair: -len(pair[0])):
        pattern = name_pattern(name)
        if pattern is not None and text:
            role = replacement(value)

            def put_role(_match: re.Match[str], role: str = role) -> str:
                return role

            text = pattern.sub(put_role, text)
    return text
