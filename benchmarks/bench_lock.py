"""Measure what the lock's identity check adds to every write transaction.

Run: .venv/bin/python benchmarks/bench_lock.py [--rounds 20000] [--commits 500]
Prints a Markdown table; copy the figures into docs/performance.md with the machine's details.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.store.database import create_database, open_database
from hyvinvointi_app.store.lock import FileLock
from hyvinvointi_app.store.models import Member


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20000)
    parser.add_argument("--commits", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unit.sqlite"
        create_database(path).close()

        lock = FileLock(path)
        lock.acquire()
        checks: list[float] = []
        try:
            for _ in range(args.rounds):
                started = time.perf_counter()
                lock.check()
                checks.append(time.perf_counter() - started)
        finally:
            lock.release()

        db = open_database(path)
        commits: list[float] = []
        try:
            for i in range(args.commits):
                started = time.perf_counter()
                with db.transaction() as session:
                    session.add(Member(name=f"Jäsen {i}", role=Role.ECEC_STAFF))
                commits.append(time.perf_counter() - started)
        finally:
            db.close()

    print(f"{platform.system()} {platform.release()}, Python {platform.python_version()}\n")
    print("| measure | median | p99 |")
    print("|---|---|---|")
    print(
        f"| lock identity check (one stat) | {statistics.median(checks) * 1e6:.1f} µs "
        f"| {percentile(checks, 0.99) * 1e6:.1f} µs |"
    )
    print(
        f"| whole write transaction, check included | {statistics.median(commits) * 1e3:.2f} ms "
        f"| {percentile(commits, 0.99) * 1e3:.2f} ms |"
    )


if __name__ == "__main__":
    main()
