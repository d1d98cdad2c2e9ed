"""Render every document in Finnish, Swedish and bilingual form to PNG pages for review.

Writes docs/screenshots/report-<document>-<language>-<page>.png (needs poppler's pdftoppm):

    .venv/bin/python tests/reports/render_pages.py [--dpi 70] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import report_documents as rd

from hyvinvointi_app.store.database import open_database

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, default=70)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    names = [f"report-{d.name}-*.png" for d in rd.DOCUMENTS]
    for old in [png for name in names for png in args.out.glob(name)]:
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(rd.write_fixture(Path(folder) / "demo.sqlite"))
        try:
            for document in rd.DOCUMENTS:
                for language in rd.LANGUAGES:
                    tag = language.replace("+", "-")
                    pdf = Path(folder) / f"{document.name}-{tag}.pdf"
                    pdf.write_bytes(document.build(db, rd.options(language)))
                    prefix = args.out / f"report-{document.name}-{tag}"
                    subprocess.run(
                        ["pdftoppm", "-png", "-r", str(args.dpi), str(pdf), str(prefix)],
                        check=True,
                    )
        finally:
            db.close()
    for png in sorted(png for name in names for png in args.out.glob(name)):
        # pdftoppm pads page numbers to the page count's width: report-memo-fi-1.png
        head, _, number = png.stem.rpartition("-")
        target = png.with_name(f"{head}-{int(number)}.png")
        if target != png:
            png.rename(target)
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
