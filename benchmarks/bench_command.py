"""The whole ``hyvinvointi report annual`` command against LibreOffice turning a Word file of
the same report into a PDF, whole processes, in alternating runs.

Run: .venv/bin/python benchmarks/bench_command.py [--runs 9] [--years 10]

The Word file is the program's own Word copy of the same annual report (the same pages, a
little longer in Word's layout). LibreOffice runs headless with a profile of its own, made
once before the measured runs. Where LibreOffice is not installed, the benchmark says so and
measures instead a bare Python process that imports ReportLab and writes as many pages of
paragraphs and tables. Bytecode is cached as in an installed program.
Prints a Markdown table; copy it into docs/performance.md with the machine's details.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_REPORTLAB = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
styles = getSampleStyleSheet()
story = []
for page in range(int(sys.argv[2])):
    story.append(Paragraph(f"Sivu {page + 1}", styles["Heading2"]))
    story += [Paragraph("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 4,
                        styles["BodyText"]) for _ in range(4)]
    story.append(Table([[Paragraph(f"Rivi {row}, sarake {column}", styles["BodyText"])
                         for column in range(4)] for row in range(12)]))
    story.append(PageBreak())
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
"""


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {done.stderr.strip()}")
    return elapsed


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from hyvinvointi_app.services import periods
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.store.database import open_database

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    office = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        env["HYVINVOINTI_HOME"] = str(folder / "home")
        unit = folder / "demo.sqlite"
        write_demo(unit, language="fi", years=args.years)
        db = open_database(unit)
        label = periods.list_periods(db)[1].label
        db.close()
        report = [sys.executable, "-m", "hyvinvointi_app", "report", "annual", str(unit)]
        ours = [*report, "--period", label, "-o", str(folder / "annual.pdf"), "--replace"]
        word = folder / "annual.docx"
        _timed([*report, "--period", label, "-o", str(word), "--format", "docx"], env)
        _timed(ours, env)  # bytecode written
        pages = _pages(folder / "annual.pdf")
        if office:
            profile = (folder / "office-profile").as_uri()
            other = [
                office,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "office"),
                str(word),
            ]
            other_name = f"LibreOffice headless, Word file → PDF ({Path(office).name})"
        else:
            other = [sys.executable, "-c", BARE_REPORTLAB, str(folder / "bare.pdf"), str(pages)]
            other_name = "LibreOffice not installed: a bare Python + ReportLab process"
        _timed(other, env)  # LibreOffice's profile made
        ours_times, other_times = [], []
        for _ in range(args.runs):
            ours_times.append(_timed(ours, env))
            other_times.append(_timed(other, env))
        other_pages = _pages(folder / "office" / "annual.pdf") if office else pages
    mine, theirs = statistics.median(ours_times), statistics.median(other_times)
    print(
        f"Measured {dt.date.today()} on {platform.platform()}, Python {platform.python_version()},"
        f" {os.cpu_count()} cores; {args.runs} alternating runs, medians\n"
    )
    print("| command | pages | median | |\n|---|---|---|---|")
    print(f"| `hyvinvointi report annual` (PDF/A-2b) | {pages} | {mine:.2f} s | |")
    print(f"| {other_name} | {other_pages} | {theirs:.2f} s | ours {theirs / mine:.1f}× faster |")


if __name__ == "__main__":
    main()
