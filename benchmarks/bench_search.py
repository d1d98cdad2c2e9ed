"""How long a search takes on the demo unit (10 years by default), in Finnish and in Swedish.

Run: .venv/bin/python benchmarks/bench_search.py [--years 10] [--repeats 200]
Writes a Finnish and a Swedish demo unit and prints, for each, a Markdown table: median and
p99 per query of a fixed list (a word as the director types it, letter by letter, inflected
forms, compounds, typed without ä/ö/å, two words, operators, nothing), measured through
``services.search.search`` as the search box calls it; then the index's size and the time to
build it anew (``hyvinvointi check --repair-index``).
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {
    "fi": (
        "k",
        "ki",
        "kiu",
        "kiusaamisen",
        "kiusaamista",
        "turvallisuus",
        "turvallisuudesta",
        "suunnitelma",
        "päiväkodissa",
        "paivakodissa",
        "lasten ääni",
        "ympäristöstä",
        "perehdytetään uudet",
        '"AND (',
        "xyzzy",
    ),
    "sv": (
        "b",
        "ba",
        "barn",
        "barnens",
        "trygghet",
        "tryggheten",
        "planen",
        "gården",
        "garden",
        "mobbning",
        "barnens delaktighet",
        "utvärderingarna",
        '"AND (',
        "xyzzy",
    ),
}
"""One letter (the worst prefix), partial words, whole and inflected words, a compound's last
part, words typed without ä/ö/å, two words, operators, no match."""


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _index_size(path: Path, folder: Path) -> int:
    """Bytes the search index takes: the file less a copy without the index, both vacuumed."""
    sizes = []
    for drop in (False, True):
        copy = folder / f"size-{drop}.sqlite"
        shutil.copyfile(path, copy)
        connection = sqlite3.connect(copy)
        if drop:
            connection.execute("DROP TABLE search_index")
        connection.execute("VACUUM")
        connection.close()
        sizes.append(copy.stat().st_size)
        copy.unlink()
    return sizes[0] - sizes[1]


def _bench(path: Path, folder: Path, language: str, repeats: int) -> list[float]:
    from hyvinvointi_app.services import search
    from hyvinvointi_app.store.database import open_database

    db = open_database(path)
    try:
        with db.reading() as session:
            indexed = (
                session.connection()
                .exec_driver_sql("SELECT count(*) FROM search_index")
                .scalar_one()
            )
        gc.collect(1)  # as the application does once the file is open (ui/app.py,
        gc.freeze()  # set_aside_what_lives_long): a full collection no longer walks it all
        cold_start = time.perf_counter()
        search.search(db, QUERIES[language][3])
        cold = time.perf_counter() - cold_start
        print(
            f"\n### {language}: {indexed} indexed texts, index {_index_size(path, folder) // 1024}"
            f" KiB of a {path.stat().st_size // 1024} KiB file\n"
        )
        print("| query | hits | word forms | median | p99 |")
        print("|---|---:|---:|---:|---:|")
        first = QUERIES[language][3]
        print(f"| first search after opening (`{first}`) | | | {cold * 1000:.1f} ms | |")
        everything: list[float] = []
        for query in QUERIES[language]:
            times = []
            for _run in range(repeats):
                started = time.perf_counter()
                result = search.search(db, query)
                times.append(time.perf_counter() - started)
            everything += times
            shown = query.replace("|", "\\|")
            forms = sum(hit.word_form for hit in result.hits)
            print(
                f"| `{shown}` | {result.total} | {forms} | {statistics.median(times) * 1000:.1f} ms"
                f" | {_percentile(times, 0.99) * 1000:.1f} ms |"
            )
        print(
            f"| **all queries** | | | {statistics.median(everything) * 1000:.1f} ms "
            f"| {_percentile(everything, 0.99) * 1000:.1f} ms |"
        )
        rebuilds = []
        for _run in range(3):  # after the queries: a rebuild leaves the WAL full for a while
            started = time.perf_counter()
            search.rebuild_index(db)
            rebuilds.append(time.perf_counter() - started)
        print(f"\nIndex rebuilt in {statistics.median(rebuilds):.2f} s (median of 3).")
        return everything
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    from hyvinvointi_app.services.demo import write_demo

    print(
        f"Demo units of {args.years} years; Python {sys.version.split()[0]}, SQLite"
        f" {sqlite3.sqlite_version}; {args.repeats} runs per query"
    )
    everything: list[float] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for language in QUERIES:
            path = folder / f"demo-{language}.sqlite"
            write_demo(path, language=language, years=args.years)
            everything += _bench(path, folder, language, args.repeats)
    print(f"\nEvery query of both languages: p99 {_percentile(everything, 0.99) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
