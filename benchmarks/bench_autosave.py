"""Autosave latency: from a pause in typing to the committed write (WAL, synchronous=FULL).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_autosave.py [--edits 1000]

Through the real editor: a character is typed into the notes, the pause timer's timeout is
run at once, and the time to the committed write is measured (the write runs on the GUI
thread). The wait itself is the constant ``PAUSE_MS``; a short run with the real timer checks
the end-to-end figure. Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--real", type=int, default=20, help="edits with the real timer")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-autosave-"))
    os.environ["HYVINVOINTI_HOME"] = str(folder)

    from crash_trials import make_unit_file
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hyvinvointi_app.store.database import open_database
    from hyvinvointi_app.ui.autosave import DEADLINE_MS, PAUSE_MS
    from hyvinvointi_app.ui.context import AppContext
    from hyvinvointi_app.ui.meetings.editor import MeetingEditor

    app = QApplication(sys.argv)
    path = folder / "unit.sqlite"
    meeting_id = make_unit_file(path)
    database = open_database(path)
    with database.engine.connect() as connection:
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
    context = AppContext(database)
    editor = MeetingEditor(context, meeting_id)
    editor.show()
    notes = editor.item_editor.notes_edit
    notes.setFocus()
    saver = editor.autosaver

    writes: list[float] = []
    for index in range(args.edits):
        QTest.keyClick(notes, "abcdefghij"[index % 10])
        started = time.perf_counter()
        saver.write_pending()  # what the pause timer's timeout runs
        writes.append((time.perf_counter() - started) * 1000)
        assert not saver.pending()

    real: list[float] = []
    clock = QElapsedTimer()
    for index in range(args.real):
        saved = {"at": -1.0}

        def on_saved(_when: object, saved: dict[str, float] = saved) -> None:
            saved["at"] = clock.elapsed()

        connection = saver.saved.connect(on_saved)
        QTest.keyClick(notes, "xyz"[index % 3])
        clock.start()
        while saved["at"] < 0:
            app.processEvents()
        saver.saved.disconnect(connection)
        real.append(saved["at"])

    editor.close()
    database.close()
    print(f"Autosave, {args.edits} edits (journal_mode={journal}, synchronous={synchronous}):\n")
    print("| Measure | Median | p99 | Max |")
    print("|---|---|---|---|")
    print(
        f"| Write on a pause: flush to committed (ms) | {statistics.median(writes):.2f} | "
        f"{percentile(writes, 0.99):.2f} | {max(writes):.2f} |"
    )
    print(
        f"| Keystroke pause to committed write, real timer, {args.real} edits (ms) | "
        f"{statistics.median(real):.0f} | {percentile(real, 0.99):.0f} | {max(real):.0f} |"
    )
    print(f"\nPause timer {PAUSE_MS} ms; deadline while typing goes on {DEADLINE_MS} ms.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
