"""Start-up against a bare PySide6 window, whole processes, in alternating runs.

Run: .venv/bin/python benchmarks/bench_startup.py [--runs 15] [--years 10] [--program DIR]

Each round starts, one after the other, a bare PySide6 process that shows an empty
QMainWindow and exits once it is painted, and ``hyvinvointi --smoke --db`` on a copy of the
demo unit, which prints the seconds to its first paint (the window with the Overview kept at
the last closing) and to the live figures of the open file. Both measure from the process's
own start (the kernel's start time of the process), so Python's start-up is counted on both
sides. Bytecode is cached as in an installed program (a first, unmeasured round writes it).

``--program DIR`` measures a one-folder build instead (``dist/hyvinvointi`` from
``bash .ci/build``): DIR/hyvinvointi against the same bare window frozen the same way, one
folder beside it (``bare_window/``, built with PyInstaller on first use).
Prints a Markdown table; copy it into docs/performance.md with the machine's details.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def uptime():
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    return float(Path("/proc/uptime").read_text().split()[0]) - start

app = QApplication(sys.argv)
window = QMainWindow()
window.show()
app.processEvents()
print(f"{uptime():.3f}")
"""


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run(command: list[str], home: Path) -> str:
    env = _environment() | {"HYVINVOINTI_HOME": str(home)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {done.stderr.strip()}")
    return done.stdout


def _frozen_bare_window(dist: Path, scratch: Path) -> Path:
    """The bare window as a one-folder PyInstaller program in ``dist/bare_window``."""
    program = dist / "bare_window" / "bare_window"
    if not program.exists():
        script = scratch / "bare_window.py"
        script.write_text(BARE, encoding="utf-8")
        pyinstaller = Path(sys.executable).parent / "pyinstaller"
        options = ["--noconfirm", "--onedir", "--name", "bare_window", "--distpath", str(dist)]
        places = ["--workpath", str(scratch / "build"), "--specpath", str(scratch)]
        subprocess.run(
            [str(pyinstaller), *options, *places, str(script)],
            check=True,
            capture_output=True,
            timeout=900,
        )
    return program


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.ui.app import smoke_seconds

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--program", type=Path, help="a one-folder build to measure instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        home.mkdir()
        unit = Path(folder) / "demo.sqlite"
        write_demo(unit, language="fi", years=args.years)
        if args.program:
            app = [str(args.program / "hyvinvointi")]
            bare = [str(_frozen_bare_window(args.program.parent, Path(folder)))]
        else:
            app = [sys.executable, "-m", "hyvinvointi_app"]
            bare = [sys.executable, "-c", BARE]
        smoke = [*app, "--smoke", "--db", str(unit)]
        _run(smoke, home)  # bytecode written, the Overview's lines kept for the next start
        _run(bare, home)
        bare_times, paints, figures = [], [], []
        for _ in range(args.runs):
            bare_times.append(float(_run(bare, home).strip().splitlines()[-1]))
            paint, live = smoke_seconds(_run(smoke, home))
            paints.append(paint)
            figures.append(live)
        shutil.rmtree(home, ignore_errors=True)
    bare_median = statistics.median(bare_times)
    print(
        f"Measured {dt.date.today()} on {platform.platform()}, Python {platform.python_version()},"
        f" {os.cpu_count()} cores; {args.runs} alternating runs, medians\n"
    )
    print("| measure | median | vs bare window |\n|---|---|---|")
    print(f"| bare PySide6 window, painted | {bare_median:.2f} s | 1.0× |")
    for name, values in (("first paint (kept Overview)", paints), ("live figures", figures)):
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} s | {median / bare_median:.1f}× |")


if __name__ == "__main__":
    main()
