"""Measure the export of the memo and the annual report on the 10-year demo unit.

In process (the first, cold export separately: it imports ReportLab and pikepdf and loads
the font) and as a whole ``hyvinvointi report`` command (a new process each time).

Run: .venv/bin/python benchmarks/bench_reports.py [--years 10] [--runs 7] [--commands 5]
Prints a Markdown table; copy the figures into docs/performance.md with the machine's details.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hyvinvointi_app.reports import ReportOptions, export_annual, export_memo
from hyvinvointi_app.services import meetings, periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7, help="in-process runs per measure")
    parser.add_argument("--commands", type=int, default=5, help="whole-command runs per measure")
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        summary = write_demo(path, years=args.years)
        rows.append(("demo unit", f"{args.years} periods, {summary.meetings} meetings"))
        out = Path(folder) / "out.pdf"
        db = open_database(path)
        try:
            period = periods.current_period(db)
            past = periods.list_periods(db)[1] if len(periods.list_periods(db)) > 1 else period
            latest = meetings.latest_meeting(db)
            cases: list[tuple[str, Callable[[ReportOptions], object]]] = [
                ("memo, latest meeting", lambda o: export_memo(db, latest, out, o)),
                (
                    f"annual report, full period {past.label}",
                    lambda o: export_annual(db, past.id, out, o),
                ),
            ]
            first = timed(lambda: cases[0][1](ReportOptions(language="fi")))
            rows.append(("first export in the process (imports, font)", f"{first * 1000:.0f} ms"))
            for name, export in cases:
                for language, archival in (("fi", True), ("fi+sv", True), ("fi", False)):
                    options = ReportOptions(language=language, archival=archival)
                    times = [timed(lambda o=options, e=export: e(o)) for _ in range(args.runs)]
                    kind = "PDF/A-2b" if archival else "plain PDF"
                    rows.append(
                        (
                            f"{name}, {language}, {kind}: in process, median of {args.runs}",
                            f"{statistics.median(times) * 1000:.0f} ms",
                        )
                    )
        finally:
            db.close()
        commands = [
            ("memo", ["memo", str(path), "--lang", "fi"]),
            ("annual report", ["annual", str(path), "--period", past.label, "--lang", "fi"]),
        ]
        for name, command in commands:
            times = []
            for _ in range(args.commands):
                started = time.perf_counter()
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "hyvinvointi_app",
                        "report",
                        *command,
                        "-o",
                        str(out),
                        "--replace",
                    ],
                    check=True,
                    capture_output=True,
                )
                times.append(time.perf_counter() - started)
            rows.append(
                (
                    f"`hyvinvointi report {command[0]}` ({name}, PDF/A), whole command, "
                    f"median of {args.commands}",
                    f"{statistics.median(times):.2f} s",
                )
            )
    print(
        f"Measured {dt.date.today()} on {platform.platform()}, Python {platform.python_version()}\n"
    )
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
