"""The longest pause of the GUI event loop while an export, a backup or a search runs.

Run: .venv/bin/python benchmarks/bench_stutter.py [--years 10] [--exports 5]

The real main window on a copy of the 10-year demo, offscreen. A probe timer fires every
5 ms on the GUI thread and records the gaps between its ticks; a gap is how long the window
could not answer a key or a paint. Measured while: the Reports screen is built (it loads
the documents' code in a thread), the annual report exports in the background as that
screen does it (the first export of the process apart from the later ones), the automatic
backup runs in its thread, "Back up now" runs, and the memo search runs as the search box
runs it (word by word, as typed, each in the search's thread and its results laid out).
Prints a Markdown table: the longest gap and the 99th percentile of gaps for each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROBE_MS = 5


class Probe:
    """Ticks every :data:`PROBE_MS` on the GUI thread; ``gaps`` are the intervals seen."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def measure(self, start: Callable[[], object], done: Callable[[], bool]) -> list[float]:
        """Run the event loop from ``start()`` until ``done()``; the gaps seen meanwhile."""
        from PySide6.QtWidgets import QApplication

        self.gaps = []
        self._last = time.perf_counter()
        self.timer.start()
        start()
        while not done():
            QApplication.processEvents()
            time.sleep(0.0005)
        QApplication.processEvents()
        self.timer.stop()
        return self.gaps


def _settled(busy: Callable[[], bool], fired: list[float]) -> bool:
    """True 300 ms after ``busy()`` stopped being true."""
    if busy():
        return False
    if not fired:
        fired.append(time.perf_counter())
    return time.perf_counter() - fired[0] > 0.3


def _row(name: str, gaps: list[float]) -> tuple[str, str, str]:
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return name, f"{max(gaps) * 1000:.0f} ms", f"{p99 * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--exports", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from hyvinvointi_app.domain.enums import Role
    from hyvinvointi_app.i18n.translator import set_ui_language
    from hyvinvointi_app.services import members, periods
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.services.members import MemberInput
    from hyvinvointi_app.ui.app import set_aside_what_lives_long
    from hyvinvointi_app.ui.main_window import MainWindow
    from hyvinvointi_app.ui.reports.worker import Document, ExportJob, ExportWorker

    folder = Path(tempfile.mkdtemp())
    os.environ["HYVINVOINTI_HOME"] = str(folder / "home")
    try:
        unit = folder / "demo.sqlite"
        write_demo(unit, language="fi", years=args.years)
        app = QApplication.instance() or QApplication(sys.argv)
        set_ui_language("fi")
        window = MainWindow()
        window.resize(1200, 760)
        window.show()
        assert window.open_database(unit) is None
        assert window.context is not None and window.backups is not None
        window.backups.wait()
        set_aside_what_lives_long()  # as the application does once its file is open
        probe = Probe()
        waited = time.perf_counter() + 3
        loading = probe.measure(
            lambda: window.show_page("reports"), lambda: time.perf_counter() > waited
        )
        db = window.context.database
        past = periods.list_periods(db)[1]
        rows: list[tuple[str, str, str]] = [
            _row("the Reports screen built and drawn, then the documents' code loading", loading)
        ]

        pool = QThreadPool.globalInstance()

        def export(number: int) -> list[float]:
            job = ExportJob(Document.ANNUAL, past.id, folder / f"annual{number}.pdf", "fi")
            worker = ExportWorker(db, job)
            finished: list[bool] = []
            worker.signals.finished.connect(lambda *_: finished.append(True))
            worker.signals.failed.connect(lambda text: sys.exit(text))
            return probe.measure(lambda: pool.start(worker), lambda: bool(finished))

        rows.append(_row("annual report export, the first in the process", export(0)))
        warm: list[float] = []
        for number in range(1, args.exports + 1):
            warm += export(number)
        rows.append(_row(f"annual report export, {args.exports} later ones", warm))

        backups = window.backups
        backup_gaps: list[float] = []
        for number in range(3):  # each time a changed file: the backup copies and checks it
            members.add_member(db, MemberInput(f"Varajäsen {number}", Role.ECEC_STAFF))
            backup_gaps += probe.measure(
                backups.back_up_in_background,
                lambda: backups._worker is None or not backups._worker.is_alive(),
            )
        rows.append(_row("automatic backup in its thread (3 runs)", backup_gaps))
        members.add_member(db, MemberInput("Varajäsen", Role.ECEC_STAFF))
        started = time.perf_counter()
        backups.back_up_now()
        rows.append(
            (
                '"Back up now" (on the GUI thread, a changed file)',
                f"{(time.perf_counter() - started) * 1000:.0f} ms",
                "",
            )
        )

        window.show_page("meetings")
        page = window.pages["meetings"]
        box = page.search_box  # type: ignore[attr-defined]
        panel = page.search_panel  # type: ignore[attr-defined]
        search_gaps: list[float] = []
        for word in ("k", "ki", "kiu", "kiusaamisen", "turvallisuus", "lasten ääni"):
            box.setText(word)  # the search runs when the debounce timer fires, and the
            fired: list[float] = []  # results are laid out ten per turn after it
            search_gaps += probe.measure(  # waiting for the timer, then for the search
                lambda: None,
                lambda fired=fired: _settled(
                    lambda: panel.timer.isActive() or panel.searching, fired
                ),
            )
        rows.append(_row("memo search as typed (6 queries)", search_gaps))
        window.close()
        del app
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(
        f"Measured {dt.date.today()} on {platform.platform()}, Python {platform.python_version()},"
        f" {os.cpu_count()} cores; probe every {PROBE_MS} ms\n"
    )
    print("| while | longest pause | p99 of pauses |\n|---|---|---|")
    for name, longest, p99 in rows:
        print(f"| {name} | {longest} | {p99} |")


if __name__ == "__main__":
    main()
