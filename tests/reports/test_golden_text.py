"""Golden texts: each document's extracted, normalised text must stay as reviewed.

An intended change (code, catalog or demo data): regenerate with
``.venv/bin/python tests/reports/update_goldens.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import json
import re
from pathlib import Path

import pytest
from report_documents import (
    DOCUMENTS,
    LANGUAGES,
    Document,
    extract_text,
    golden_path,
    normalised,
    options,
)
from test_one_language import catalog_texts

from hyvinvointi_app.store.database import open_database


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_document_text_matches_its_golden(
    fixture_file: Path, document: Document, language: str
) -> None:
    db = open_database(fixture_file)
    try:
        text = normalised(extract_text(document.build(db, options(language))))
    finally:
        db.close()
    golden = golden_path(document.name, language).read_text(encoding="utf-8")
    if text != golden:
        diff = "".join(
            difflib.unified_diff(
                golden.splitlines(keepends=True),
                text.splitlines(keepends=True),
                "golden",
                "now",
                n=1,
            )
        )
        pytest.fail(
            f"{document.name} ({language}) differs from its golden text; if intended, run "
            f"tests/reports/update_goldens.py and review the diff:\n{diff[:4000]}"
        )


@functools.cache
def _known_words() -> frozenset[str]:
    """Every word of the demo's texts and of both catalogs."""
    root = Path(__file__).parents[2]
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads((root / "resources" / "demo_texts.json").read_text(encoding="utf-8")))
    for language in ("fi", "sv"):
        texts += [text for _ident, text in catalog_texts(language)]
    return frozenset(w.casefold() for text in texts for w in WORD.findall(text))


WORD = re.compile(r"[^\W\d_]+")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_is_broken_inside_at_a_line_end(document: Document, language: str) -> None:
    """A column too narrow for a word splits it ("försk / oleundervisning"): in the reviewed
    text no two line pieces that are not words themselves join into a word of the demo or
    the catalogs."""
    known = _known_words()
    lines = golden_path(document.name, language).read_text(encoding="utf-8").splitlines()
    broken = []
    for first, second in itertools.pairwise(lines):
        end = re.search(r"[^\W\d_]+$", first)
        start = re.match(r"[^\W\d_]+", second)
        if end and start:
            head, tail = end.group().casefold(), start.group().casefold()
            if head + tail in known and head not in known and tail not in known:
                broken.append(f"{first[-20:]!r} | {second[:20]!r}")
    assert not broken, broken
