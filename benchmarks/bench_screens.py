"""How long each screen keeps the GUI thread busy on the 10-year demo unit.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_screens.py [--years 10]
Prints a Markdown table (median and worst of 5 refreshes per screen, and the time to open
the file and build every screen); anything near 100 ms belongs off the GUI thread. Last, the
resident memory of this process (on Linux) once every screen was opened and the documents'
code has loaded in the background (the demo is written by another process).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _print_memory(name: str) -> None:
    status = Path("/proc/self/status")  # Linux; elsewhere nothing is printed
    if status.exists():
        rss = next(line for line in status.read_text().splitlines() if line[:6] == "VmRSS:")
        print(f"| {name} | {int(rss.split()[1]) / 1024:.0f} MB | |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HYVINVOINTI_HOME"] = folder
        from PySide6.QtWidgets import QApplication

        from hyvinvointi_app.ui.language import apply_language
        from hyvinvointi_app.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication(sys.argv)
        apply_language("fi")
        path = Path(folder) / "demo.sqlite"
        demo = [sys.executable, "-m", "hyvinvointi_app", "demo", str(path)]
        subprocess.run([*demo, "--years", str(args.years)], check=True, capture_output=True)
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        started = time.perf_counter()
        assert window.open_database(path) is None
        app.processEvents()
        opened = time.perf_counter() - started
        print(f"Demo unit of {args.years} years; Python {sys.version.split()[0]}\n")
        print("| screen | refresh, median | refresh, worst |")
        print("|---|---|---|")
        print(f"| open the file and show the first screen | {opened * 1000:.0f} ms | |")
        for key, page in window.pages.items():
            window.show_page(key)
            app.processEvents()
            times = []
            for _ in range(args.repeats):
                started = time.perf_counter()
                page.refresh()
                app.processEvents()
                times.append(time.perf_counter() - started)
            print(
                f"| {key} | {statistics.median(times) * 1000:.1f} ms | {max(times) * 1000:.1f} ms |"
            )
        _print_memory("resident memory, every screen opened")
        loaded = time.monotonic() + 3  # the Reports screen loads the documents' code
        while time.monotonic() < loaded:
            app.processEvents()
            time.sleep(0.01)
        _print_memory("resident memory, the documents' code loaded too")
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
