"""How long the privacy check takes: each memo of the demo unit (10 years by default), in
Finnish and in Swedish, and one long text, old guard against new where given.

Run: .venv/bin/python benchmarks/bench_privacy.py [--years 10] [--repeats 20] [--old FILE]

Prints, for each language, the median and p99 over the memos of ``services.approval.
review_memo`` (reading the memo and its members and scanning every text, as the privacy
review does when it opens) and of the scan alone, with the memos' sizes and the findings on
them (the demo approves its memos without confirming anything, so there must be none); then
the scan of 100 000 characters of the demo's own texts and of a text full of names and
child words; then the first use's load of the names. ``--old FILE`` also times a
``privacy.py`` of another version on the same long texts (``git show REV:path > FILE``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from hyvinvointi_app.domain import given_names, privacy
from hyvinvointi_app.resources import load_json_resource
from hyvinvointi_app.services import approval
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database
from hyvinvointi_app.store.models import Meeting

LONG = 100_000


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p99(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, round(0.99 * (len(values) - 1)))]


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def load_old(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("old_privacy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--old", type=Path)
    args = parser.parse_args()
    old = load_old(args.old) if args.old else None

    start = time.perf_counter()
    given_names.name_count()
    print(f"names loaded at the first use: {(time.perf_counter() - start) * 1000:.1f} ms")

    folder = Path(tempfile.mkdtemp(prefix="bench-privacy-"))
    for language in ("fi", "sv"):
        path = folder / f"demo-{language}.sqlite"
        write_demo(path, language=language, years=args.years, today=dt.date(2026, 12, 7))
        db = open_database(path)
        with db.reading() as session:
            ids = list(session.scalars(select(Meeting.id)))
            people = approval.member_names(session)
        gc.freeze()
        reviews: list[float] = []
        scans: list[float] = []
        sizes = []
        findings = 0
        for meeting_id in ids:
            review = approval.review_memo(db, meeting_id)
            findings += len(review.findings)
            fields = list(review.texts.items())
            sizes.append(sum(len(text) for _key, text in fields))
            reviews += timed(lambda i=meeting_id, d=db: approval.review_memo(d, i), args.repeats)
            scans += timed(lambda f=fields, p=people: privacy.scan_fields(f, p), args.repeats)
        db.close()
        print(
            f"\n{language}: {len(ids)} memos, {statistics.median(sizes):.0f} characters typed "
            f"(median, most {max(sizes)}), {findings} findings"
        )
        print("| measure | median | p99 |\n|---|---|---|")
        print(
            f"| review of one memo | {statistics.median(reviews):.1f} ms | {p99(reviews):.1f} ms |"
        )
        print(f"| its scan alone | {statistics.median(scans):.1f} ms | {p99(scans):.1f} ms |")

    demo_texts = load_json_resource("demo_texts.json")
    prose = " ".join(strings(demo_texts["fi"]) + strings(demo_texts["sv"]))
    crowded = "Ellan äiti kertoi, että eräs poika Oravista löi Eetua. Kiitos Päiville. "
    print("\n| 100 000 characters | this guard | other version |\n|---|---|---|")
    for label, text in (("the demo's texts", prose), ("names and child words", crowded)):
        long_text = (text * (LONG // len(text) + 1))[:LONG]
        new = statistics.median(timed(lambda t=long_text: privacy.scan(t), 5))
        other = statistics.median(timed(lambda t=long_text: old.scan(t), 5)) if old else None
        shown = f"{other:.0f} ms" if other is not None else "–"
        print(f"| {label} | {new:.0f} ms | {shown} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
