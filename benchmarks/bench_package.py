"""The municipal package: how long reading a package file, showing what it changes and
importing it take, for a real package and for the largest the format allows.

Run: .venv/bin/python benchmarks/bench_package.py [--runs 5]

The real package is composed by the application from a demo unit (three operating periods,
its whole clock, checklists, standing agenda, plans and cards). The largest holds 460 clock
themes of 500 characters (with the demo's own, near the 500 a clock may hold), the six
checklists of 50 questions, 50 plan types of 50 questions and 200 templates with four texts
of 8 000 characters each: near the 8 MB a file may be.
Each is read (``parse_package``), previewed and imported into a fresh copy of a demo unit,
and then a plan's checklist is read as an evaluation does (the kept package once imported).

Prints the median times for docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hyvinvointi_app.domain.enums import PlanType  # noqa: E402
from hyvinvointi_app.services import municipal_package as mp  # noqa: E402
from hyvinvointi_app.services import plans  # noqa: E402
from hyvinvointi_app.services.demo import write_demo  # noqa: E402
from hyvinvointi_app.store.database import open_database  # noqa: E402

TODAY = dt.date(2026, 11, 23)


def _largest(real: dict[str, Any]) -> dict[str, Any]:
    long = "Lasten osallisuus ja turvallisuus arjessa " * 500
    document = dict(real)
    document["annual_clock"] = [
        {"key": f"t{i}", "month": i % 12 + 1, "title": {"fi": f"{i} " + long[:490]}}
        for i in range(460)  # the demo's own themes the clock's 500 must hold too
    ]
    document["checklists"] = {
        t.value: [{"key": f"q{i}", "text": {"fi": long[:400], "sv": long[:400]}} for i in range(50)]
        for t in mp.STANDARD_TYPES
    }
    document["plan_types"] = [
        {"key": f"p{i}", "name": {"fi": f"Laatukortti {i}"}, "questions": [{"fi": long[:400]}] * 50}
        for i in range(50)
    ]
    text = {"fi": long[:8_000]}  # four of them in 200 templates: near the 8 MB a file may be
    document["result_card_templates"] = [
        {
            "key": f"c{i}",
            "what_to_change": {"fi": f"Kohde {i}"},
            "target_state": text,
            "ideal_state": text,
            "measures": text,
            "indicator": text,
        }
        for i in range(200)
    ]
    return document


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _measure(raw: bytes, demo: Path, work: Path, runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {"read": [], "preview": [], "import": [], "checklist": []}
    for run in range(runs):
        path = work / f"unit-{run}.sqlite"
        shutil.copyfile(demo, path)
        db = open_database(path)
        try:
            plan = plans.add_plan(db, plans.PlanInput(PlanType.ANTI_BULLYING, "Malli"))
            start = time.perf_counter()
            package = mp.parse_package(raw)
            times["read"].append(_ms(start))
            start = time.perf_counter()
            mp.preview(db, package)
            times["preview"].append(_ms(start))
            start = time.perf_counter()
            mp.import_package(db, package)
            times["import"].append(_ms(start))
            mp._read.clear()  # as after a start: the kept package is read anew once
            start = time.perf_counter()
            plans.checklist_for_plan(db, plan.id, "fi")
            times["checklist"].append(_ms(start))
        finally:
            db.close()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-package-"))
    try:
        demo = work / "demo.sqlite"
        write_demo(demo, language="fi", years=3, today=TODAY)
        source = work / "source.sqlite"
        write_demo(source, language="fi", years=3, today=TODAY, seed=7)
        db = open_database(source)
        try:
            real = mp.compose(db, "Porvoon yhteiset käytännöt", 1, today=TODAY)
        finally:
            db.close()
        print(f"{platform.python_version()} on {platform.platform()}")
        for label, document in (("real", real), ("largest", _largest(real))):
            raw = json.dumps(document, ensure_ascii=False).encode("utf-8")
            mp.parse_package(raw)  # the schema compiled once, as in a running application
            result = _measure(raw, demo, work, args.runs)
            figures = ", ".join(f"{name} {value:.0f} ms" for name, value in result.items())
            print(f"{label}: {len(raw) / 1000:.0f} kB: {figures}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
