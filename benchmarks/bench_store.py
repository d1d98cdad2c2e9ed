"""Measure the store on the 10-year demo unit: demo creation, opening, commit latency, start-up.

Run: .venv/bin/python benchmarks/bench_store.py [--years 10] [--edits 1000]
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
from pathlib import Path

from sqlalchemy import select

from hyvinvointi_app.services import agenda
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import inspect_file, open_database
from hyvinvointi_app.store.models import AgendaItem


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        started = time.perf_counter()
        summary = write_demo(path, years=args.years)
        rows.append(
            (
                f"demo --years {args.years} ({summary.meetings} meetings)",
                f"{time.perf_counter() - started:.2f} s",
            )
        )
        rows.append(("file size", f"{path.stat().st_size / 1e6:.1f} MB"))

        opens = []
        for _ in range(5):
            started = time.perf_counter()
            open_database(path).close()
            opens.append(time.perf_counter() - started)
        rows.append(
            (
                "open (checks + quick_check), median of 5",
                f"{statistics.median(opens) * 1000:.0f} ms",
            )
        )

        started = time.perf_counter()
        inspect_file(path)
        rows.append(
            ("check (full integrity_check)", f"{(time.perf_counter() - started) * 1000:.0f} ms")
        )

        db = open_database(path)
        with db.reading() as session:
            item_id = session.scalars(select(AgendaItem.id).order_by(AgendaItem.id.desc())).first()
        assert item_id is not None
        latencies = []
        text = ""
        for i in range(args.edits):
            text += "Kirjoitetaan muistiota. " if i % 10 else "\n"
            started = time.perf_counter()
            agenda.set_item_text(db, item_id, "notes", text)
            latencies.append(time.perf_counter() - started)
        db.close()
        rows.append(
            (
                f"one autosave commit (set_item_text, {args.edits} edits), median",
                f"{statistics.median(latencies) * 1000:.2f} ms",
            )
        )
        rows.append(("one autosave commit, p99", f"{percentile(latencies, 0.99) * 1000:.2f} ms"))

        starts = []
        for _ in range(args.starts):
            result = subprocess.run(
                [sys.executable, "-m", "hyvinvointi_app", "--smoke", "--db", str(path)],
                capture_output=True,
                text=True,
                check=True,
                env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
            )
            starts.append(float(result.stdout.strip().splitlines()[-1]))
        rows.append(
            (
                f"--smoke start-up to window with data, median of {args.starts}",
                f"{statistics.median(starts):.2f} s",
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
