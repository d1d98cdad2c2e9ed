"""Rewrite the golden texts in tests/reports/golden/ from the current code and catalogs.

Run from the top of the checkout after an intended change to a document (or its
translations), then read ``git diff tests/reports/golden`` before committing it:

    .venv/bin/python tests/reports/update_goldens.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import report_documents as rd

from hyvinvointi_app.store.database import open_database


def main() -> int:
    rd.GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(rd.write_fixture(Path(folder) / "demo.sqlite"))
        try:
            for document in rd.DOCUMENTS:
                for language in rd.LANGUAGES:
                    text = rd.normalised(rd.extract_text(document.build(db, rd.options(language))))
                    path = rd.golden_path(document.name, language)
                    path.write_text(text, encoding="utf-8")
                    print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
