"""Golden texts: each document's extracted, normalised text must stay as reviewed.

An intended change (code, catalog or demo data): regenerate with
``.venv/bin/python tests/reports/update_goldens.py`` and review the diff.
"""

from __future__ import annotations

import difflib
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
