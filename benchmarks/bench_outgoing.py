"""What goes out before and after a meeting: how long the agenda, the invitation, the
calendar files, the public version of a memo and a period's public memos take to make, how
long a carry-forward proposal takes, and how long printing takes per page (drawing each PDF
page with PDFium for a 300 dpi printer, here a PDF file as the printer).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_outgoing.py [--runs 5]

On the demo unit of three operating periods (today 23.11.2026), in Finnish and Swedish side
by side (the longest document). Prints the median times for docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hyvinvointi_app.domain.enums import MeetingStatus  # noqa: E402
from hyvinvointi_app.reports.export import build_document  # noqa: E402
from hyvinvointi_app.reports.invitation import (  # noqa: E402
    export_calendar_entry,
    export_invitation,
    export_period_calendar,
)
from hyvinvointi_app.reports.options import ReportOptions  # noqa: E402
from hyvinvointi_app.reports.public import public_memos_zip  # noqa: E402
from hyvinvointi_app.services import carry_forward, meetings, periods  # noqa: E402
from hyvinvointi_app.services.demo import write_demo  # noqa: E402
from hyvinvointi_app.services.exports import ExportKind  # noqa: E402
from hyvinvointi_app.store.database import open_database  # noqa: E402

TODAY = dt.date(2026, 11, 23)


def median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-outgoing-"))
    path = folder / "demo.sqlite"
    write_demo(path, years=3, today=TODAY)
    db = open_database(path)
    options = ReportOptions(language="fi+sv", created=dt.datetime(2026, 11, 23, 12))
    current = periods.current_period(db)
    rows = meetings.list_meetings(db, current.id)
    ahead = next(r for r in rows if r.date >= TODAY)
    approved = [r for r in rows if r.status is MeetingStatus.APPROVED][-1]
    previous = periods.period_by_label(db, "2025-2026")
    build_document(db, "agenda", ahead.id, options)  # load ReportLab, pikepdf and the fonts

    print(f"# {platform.python_version()} on {platform.machine()}, median of {args.runs} runs")
    figures = {
        "agenda PDF": lambda: build_document(db, "agenda", ahead.id, options),
        "invitation .eml (agenda PDF and .ics inside)": lambda: export_invitation(
            db, ahead.id, folder / "kutsu.eml", options
        ),
        "calendar entry .ics": lambda: export_calendar_entry(
            db, ahead.id, folder / "kokous.ics", options
        ),
        "period's meetings .ics": lambda: export_period_calendar(
            db, current.id, folder / "kokoukset.ics", options
        ),
        "public version PDF": lambda: build_document(db, "public", approved.id, options),
        "public version web page": lambda: build_document(
            db, "public", approved.id, options, ExportKind.HTML
        ),
        "a period's public memos (zip)": lambda: public_memos_zip(db, previous.id, options),
    }
    for name, run in figures.items():
        print(f"{name}: {median_ms(run, args.runs):.0f} ms")

    start, end = periods.propose_next_period(db)
    added = periods.add_period(db, start, end)
    print(
        "carry-forward proposal: "
        f"{median_ms(lambda: carry_forward.propose(db, added.id), args.runs):.0f} ms"
    )
    pdf = build_document(db, "annual", previous.id, options)
    db.close()

    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from hyvinvointi_app.ui.printing import PrintPages

    app = QApplication.instance() or QApplication(sys.argv)
    pages = PrintPages(pdf)

    def print_all(dpi: float) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / "printed.pdf"))
        pages.paint(printer, dpi=dpi)

    for what, dpi in (("printing (300 dpi, in a worker thread)", 300), ("preview (150 dpi)", 150)):
        total = median_ms(lambda dpi=dpi: print_all(dpi), args.runs)
        print(
            f"{what}, the annual report's {len(pages)} pages: {total:.0f} ms, "
            f"{total / len(pages):.0f} ms a page"
        )
    pages.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
