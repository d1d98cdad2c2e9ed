"""Measure what the frozen memo record costs: taking it at approval, reading an approved memo
from it (against building a draft from the data), and freezing the memos a file upgraded to
schema 4 approved before the record existed (once, when the program first opens it).

Run: .venv/bin/python benchmarks/bench_memo_record.py [--rounds 30]
Prints a Markdown table; copy the figures into docs/performance.md with the machine's details.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.services import approval, meetings, memo_record, periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database

TODAY = dt.date(2026, 11, 23)


def timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unit.sqlite"
        write_demo(path, language="fi", years=10, today=TODAY)
        db = open_database(path)
        rows = [r for p in periods.list_periods(db) for r in meetings.list_meetings(db, p.id)]
        approved = [r.id for r in rows if r.status is MeetingStatus.APPROVED]
        draft = next(r.id for r in rows if r.status is MeetingStatus.DRAFT)
        record = [
            timed(lambda: memo_record.memo_data(db, approved[-1])) for _ in range(args.rounds)
        ]
        live = [timed(lambda: memo_record.memo_data(db, draft)) for _ in range(args.rounds)]
        approve = []
        for _ in range(args.rounds):
            approval.reopen_memo(db, approved[-1], "mittaus")
            approve.append(
                timed(
                    lambda: approval.approve_memo(
                        db, approved[-1], approved_by="Aino", findings_confirmed=True
                    )
                )
            )
        db.close()
        connection = sqlite3.connect(path)
        connection.execute("UPDATE meeting SET approved_snapshot = NULL")
        connection.commit()
        connection.close()
        db = open_database(path)
        freeze = timed(lambda: memo_record.freeze_unfrozen(db))
        db.close()
    print(f"{platform.platform()}, Python {platform.python_version()}")
    print("| measure | median |")
    print("|---|---|")
    print(f"| approved memo read from its record | {statistics.median(record):.1f} ms |")
    print(f"| draft memo built from the data | {statistics.median(live):.1f} ms |")
    print(
        f"| approval, record taken in the same transaction | {statistics.median(approve):.1f} ms |"
    )
    print(f"| freezing {len(approved)} memos approved before schema 4 (once) | {freeze:.0f} ms |")


if __name__ == "__main__":
    main()
