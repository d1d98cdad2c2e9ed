"""How long a memo search takes on the demo unit (10 years by default).

Run: .venv/bin/python benchmarks/bench_search.py [--years 10] [--repeats 200] [--file PATH]
Prints a Markdown table: median and p99 per typical query (a word as the director types it,
letter by letter, counts too), measured through ``services.search.search`` as the search box
calls it. Anything near 100 ms would belong off the GUI thread.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = (
    "k",
    "ki",
    "kiu",
    "kiusaamisen",
    "turvallisuus",
    "lasten ääni",
    "ympäristö",
    "perehdytetään uudet",
    "pelastussuunnitelma",
    '"AND (',
    "xyzzy",
)
"""One letter (the worst prefix), partial words, whole words, two words, operators, none."""


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--file", type=Path, help="search this unit file instead of a new demo")
    args = parser.parse_args()
    from hyvinvointi_app.services import search
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.store.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        path = args.file
        if path is None:
            path = Path(folder) / "demo.sqlite"
            write_demo(path, language="fi", years=args.years)
        db = open_database(path)
        try:
            with db.reading() as session:
                indexed = (
                    session.connection()
                    .exec_driver_sql("SELECT count(*) FROM memo_search")
                    .scalar_one()
                )
            cold_start = time.perf_counter()
            search.search(db, "kokous")
            cold = time.perf_counter() - cold_start
            print(
                f"{path.name if args.file else f'Demo unit of {args.years} years'}: "
                f"{indexed} indexed texts, {path.stat().st_size // 1024} KiB; "
                f"Python {sys.version.split()[0]}; {args.repeats} runs per query\n"
            )
            print("| query | hits | median | p99 |")
            print("|---|---:|---:|---:|")
            print(f"| first search after opening (`kokous`) | | {cold * 1000:.1f} ms | |")
            everything: list[float] = []
            for query in QUERIES:
                times = []
                for _run in range(args.repeats):
                    started = time.perf_counter()
                    result = search.search(db, query)
                    times.append(time.perf_counter() - started)
                everything += times
                shown = query.replace("|", "\\|")
                print(
                    f"| `{shown}` | {result.total} | {statistics.median(times) * 1000:.1f} ms "
                    f"| {_percentile(times, 0.99) * 1000:.1f} ms |"
                )
            print(
                f"| **all queries** | | {statistics.median(everything) * 1000:.1f} ms "
                f"| {_percentile(everything, 0.99) * 1000:.1f} ms |"
            )
        finally:
            db.close()


if __name__ == "__main__":
    main()
