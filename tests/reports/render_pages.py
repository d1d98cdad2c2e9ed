"""Render every document in Finnish, Swedish and bilingual form to PNG pages for review,
the demo's survey sheets in Finnish and Swedish, and the annual clock's poster on A4 and A3
(the Swedish one of a Swedish demo unit).

Writes docs/screenshots/report-<document>-<language>-<page>.png and
report-clock-<language>-<paper>-<page>.png (needs poppler's pdftoppm):

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

from hyvinvointi_app.reports.export import survey_sheet
from hyvinvointi_app.services import surveys
from hyvinvointi_app.store.database import Database, open_database

ROOT = Path(__file__).resolve().parents[2]


def _survey_comparison(folder: Path, out: Path, dpi: int) -> None:
    """The annual report's pages of the surveys, counted in two periods of a three-year demo
    (the fixture above has no earlier period to compare with)."""
    from pypdf import PdfReader

    from hyvinvointi_app.reports.export import annual_pdf
    from hyvinvointi_app.reports.texts import ReportTexts
    from hyvinvointi_app.services import periods
    from hyvinvointi_app.services.demo import write_demo

    path = folder / "three-years.sqlite"
    write_demo(path, language="fi", years=3, today=rd.TODAY, seed=2026)
    db = open_database(path)
    try:
        period = periods.period_by_label(db, rd.GOLDEN_PERIOD).id
        for language in ("fi", "sv"):
            pdf = folder / f"annual-surveys-{language}.pdf"
            pdf.write_bytes(annual_pdf(db, period, rd.options(language)))
            tx = ReportTexts(language)
            start = tx.pgettext("report", "Surveys of children and guardians")
            end = tx.pgettext("report", "Requests to the provider")
            texts = [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]
            first_page = next(n for n, text in enumerate(texts, start=1) if start in text)
            last_page = next(n for n, text in enumerate(texts, start=1) if end in text)
            for index, page in enumerate(range(first_page, max(first_page, last_page) + 1)):
                target = out / f"report-annual-surveys-{language}-{index + 1}"
                command = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page)]
                subprocess.run([*command, "-singlefile", str(pdf), str(target)], check=True)
    finally:
        db.close()


def _posters(folder: Path, db: Database, out: Path, dpi: int) -> None:
    """The annual clock's poster of the current period, A4 and A3: Finnish and bilingual of
    the Finnish demo ``db``, Swedish of a Swedish demo (its clock is written in Swedish)."""
    from hyvinvointi_app.reports.export import build_document
    from hyvinvointi_app.services import periods
    from hyvinvointi_app.services.demo import write_demo

    swedish_path = folder / "swedish.sqlite"
    write_demo(swedish_path, language="sv", years=2, today=rd.TODAY, seed=2026)
    swedish = open_database(swedish_path)
    try:
        for language, unit in (("fi", db), ("fi+sv", db), ("sv", swedish)):
            period = periods.current_period(unit).id
            for paper in ("A4", "A3"):
                tag = f"{language.replace('+', '-')}-{paper}"
                pdf = folder / f"clock-{tag}.pdf"
                pdf.write_bytes(
                    build_document(unit, "clock", period, rd.options(language, paper=paper))
                )
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        str(dpi),
                        str(pdf),
                        str(out / f"report-clock-{tag}"),
                    ],
                    check=True,
                )
    finally:
        swedish.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, default=70)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    names = [f"report-{d.name}-*.png" for d in rd.DOCUMENTS]
    names += ["report-survey-*.png", "report-annual-surveys-*.png", "report-clock-*.png"]
    for old in {png for name in names for png in args.out.glob(name)}:  # globs overlap
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
            for survey in surveys.list_surveys(db):
                for language in ("fi", "sv"):
                    pdf = Path(folder) / f"survey-{survey.kind.value}-{language}.pdf"
                    pdf.write_bytes(survey_sheet(db, survey.id, language, rd.options(language)))
                    prefix = args.out / f"report-survey-{survey.kind.value}-{language}"
                    subprocess.run(
                        ["pdftoppm", "-png", "-r", str(args.dpi), str(pdf), str(prefix)],
                        check=True,
                    )
            _posters(Path(folder), db, args.out, args.dpi)
        finally:
            db.close()
        _survey_comparison(Path(folder), args.out, args.dpi)
    for png in sorted({png for name in names for png in args.out.glob(name)}):
        # pdftoppm pads page numbers to the page count's width: report-memo-fi-1.png
        head, _, number = png.stem.rpartition("-")
        target = png.with_name(f"{head}-{int(number)}.png")
        if target != png:
            png.rename(target)
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
