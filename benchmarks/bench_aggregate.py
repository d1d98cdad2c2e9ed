"""The coordinator's overview of many units' bundles: how long reading and aggregating them
takes, and how much memory it needs.

Run: .venv/bin/python benchmarks/bench_aggregate.py [--bundles 500] [--runs 3]

Six real bundles are made first, each by the application from a demo unit of its own (Finnish
and Swedish, two operating periods each, every PDF inside). The 500 bundles are made from
them: each gets a unit identity, name, site code and municipality of its own, figures varied
(meetings held, plans evaluated, actions, clock coverage), its files renamed into its own
folder, and the template's PDFs, so every zip is as large as a real one. Then ``aggregate``
reads the folder, in a fresh process for each run (the compiled schema, the imports and the
cold file cache of a first run included: bytecode is cached, as in an installed program),
and the PDF, workbook and CSV file are written once, timed apart.

Prints the times and the memory (the resident set after the imports and the process's
maximum: their difference is what the bundles cost) for docs/performance.md. Run it with
``--bundles 100`` too: bounded memory grows with the rows, not with the bundles' size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
MUNICIPALITIES = ("Porvoo", "Kirkkonummi", "Mustasaari", "Kemi", "Kangasala", "Iisalmi")
NAMES = ("Päiväkoti", "Daghemmet", "Esikoulu", "Päiväkoti ja esikoulu")
PLACES = ("Kuusikko", "Mäntylä", "Ekorren", "Aapinen", "Öljymäki", "Tallbacken", "Pihlaja")

MEASURE = """
import json, sys, time
from pathlib import Path
def memory_mb(field):
    # /proc's high-water mark starts anew at exec (ru_maxrss keeps the parent's)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
start = time.perf_counter()
from hyvinvointi_app.services.coordinator import aggregate
imported = time.perf_counter()
before = memory_mb("VmRSS")
overview = aggregate([Path(sys.argv[1])])
done = time.perf_counter()
print(json.dumps({
    "rows": len(overview.rows), "skipped": len(overview.skipped),
    "import": imported - start, "aggregate": done - imported,
    "rss_after_import_mb": before,
    "max_rss_mb": memory_mb("VmHWM"),
}))
"""

OUTPUTS = """
import sys, time
from pathlib import Path
from hyvinvointi_app.services.coordinator import aggregate
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.overview import export_overview
overview = aggregate([Path(sys.argv[1])])
out = Path(sys.argv[2])
files = (
    ("pdf", {"pdf": out / "o.pdf"}),
    ("xlsx", {"pdf": None, "xlsx": out / "o.xlsx"}),
    ("csv", {"pdf": None, "csv_path": out / "o.csv"}),
)
for name, kwargs in files:
    start = time.perf_counter()
    export_overview(overview, options=ReportOptions(language="fi"), **kwargs)
    print(name, f"{time.perf_counter() - start:.2f}")
"""


def templates(folder: Path) -> list[Path]:
    """Six real bundles of three demo units (two in Finnish, one in Swedish)."""
    sys.path.insert(0, str(ROOT))
    from hyvinvointi_app.reports.bundle import build_bundle
    from hyvinvointi_app.services import periods
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.store.database import open_database

    made = []
    for seed, language in ((1, "fi"), (2, "sv"), (3, "fi")):
        path = folder / f"unit-{seed}.sqlite"
        write_demo(path, language=language, years=2, today=TODAY, seed=seed)
        db = open_database(path)
        try:
            for label in ("2025-2026", "2026-2027"):
                period = periods.period_by_label(db, label).id
                out = folder / f"template-{seed}-{label}.zip"
                build_bundle(db, period, out, languages=(language,), today=TODAY)
                made.append(out)
        finally:
            db.close()
    return made


def varied(template: Path, out: Path, number: int, rng: random.Random) -> None:
    """A bundle of a unit of its own, made from ``template``."""
    with zipfile.ZipFile(template) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    old_folder = next(iter(members)).split("/")[0]
    json_name = f"{old_folder}/{old_folder}-bundle.json"
    document = json.loads(members.pop(json_name))
    identity = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    place = f"{rng.choice(PLACES)} {number}"
    document["unit"].update(
        id=identity,
        name_fi=f"{NAMES[number % len(NAMES)]} {place}",
        municipality=MUNICIPALITIES[number % len(MUNICIPALITIES)],
        site_code=f"1.2.246.562.10.{number:011d}" if number % 3 else "",
    )
    document["meetings_held"] = held = rng.randint(0, 5)
    document["minimum_met"] = held >= document["meetings_required"]
    for plan in document["plans"]:
        if rng.random() < 0.2 and plan["evaluations"]:
            plan["evaluations"] = plan["evaluation_dates"] = []
            plan["evaluated_in_period"] = False
    document["actions"]["overdue"] = rng.randint(0, 6)
    for theme in document["annual_clock"]:
        if rng.random() < 0.25:
            theme["coverage"], theme["meeting_numbers"] = "not_handled", []
    folder = f"unit-{number:04d}-{document['period']['label']}"
    document["folder"] = folder
    renamed = {name.replace(old_folder, folder): data for name, data in members.items()}
    document["files"] = [
        {**entry, "path": entry["path"].replace(old_folder, folder)} for entry in document["files"]
    ]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder}/{folder}-bundle.json", json.dumps(document, ensure_ascii=False))
        for name, data in renamed.items():
            archive.writestr(name, data)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundles", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-aggregate-"))
    made = templates(work)
    bundles = work / "bundles"
    bundles.mkdir()
    rng = random.Random(2026)
    for number in range(args.bundles):
        varied(made[number % len(made)], bundles / f"bundle-{number:04d}.zip", number, rng)
    size = sum(p.stat().st_size for p in bundles.iterdir()) / 2**20
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    results = []
    for _run in range(args.runs):
        output = subprocess.run(
            [sys.executable, "-c", MEASURE, str(bundles)],
            capture_output=True, text=True, check=True, env=env,
        ).stdout  # fmt: skip
        results.append(json.loads(output))
    outputs = subprocess.run(
        [sys.executable, "-c", OUTPUTS, str(bundles), str(work)],
        capture_output=True, text=True, check=True, env=env,
    ).stdout  # fmt: skip
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    print(f"{args.bundles} bundles, {size:.0f} MB; rows {results[0]['rows']}")
    for key in ("import", "aggregate", "rss_after_import_mb", "max_rss_mb"):
        values = [r[key] for r in results]
        print(f"{key}: median {statistics.median(values):.2f}, all {[round(v, 2) for v in values]}")
    print("outputs (s):", " ".join(outputs.split()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
