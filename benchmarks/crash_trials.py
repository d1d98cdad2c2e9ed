"""Crash trials: a child process starts the real main window on a copy of the demo unit, opens
a meeting in meeting mode, types into the memo through the real widgets and is killed
(SIGKILL) at a random moment; the file, reopened, must pass SQLite's integrity check and hold
every character typed more than one second before the kill.

    .venv/bin/python benchmarks/crash_trials.py [--trials 100] [--parallel 2]

prints "trials passed / trials run". ``tests/ui/test_memo_crash.py`` runs the same trials.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVED_WITHIN = 1.0
"""Seconds: text typed longer ago than this before the kill must be in the file."""
TYPED_ITEMS = 3


def make_unit_file(path: Path) -> int:
    """The demo unit (one operating period, as the application writes it) with one new draft
    meeting in its current period; returns the meeting's id."""
    from hyvinvointi_app.services import meetings, periods
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.store.database import open_database

    today = dt.date(2026, 11, 23)
    write_demo(path, language="fi", years=1, today=today)
    db = open_database(path)
    try:
        period = periods.current_period(db)
        day = meetings.propose_meeting_date(db, period.id, today)
        return meetings.new_meeting(db, period.id, day).id
    finally:
        db.close()


def item_notes(path: Path, meeting_id: int) -> dict[int, str]:
    from hyvinvointi_app.services import meetings
    from hyvinvointi_app.store.database import open_database

    db = open_database(path)
    try:
        return {i.id: i.notes for i in meetings.get_meeting(db, meeting_id).agenda}
    finally:
        db.close()


# -- the child: the real editor, typed into key by key ----------------------------------

TEXT = (
    "Käytiin läpi pihan turvallisuus. Hiekkalaatikon kansi on rikki; "
    "sovittiin että johtaja tekee korjauspyynnön. Åsikter från vårdnadshavarna: "
    "- lisää ulkoilua\n- rauhallisemmat siirtymät\n"
)


def child_main(path: Path, meeting_id: int, seed: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hyvinvointi_app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    window = MainWindow()  # the real application window, menus and screens
    window.resize(1200, 720)
    window.show()
    assert window.open_database(path) is None
    window.show_page("meetings")
    window.pages["meetings"].open_meeting(meeting_id)  # type: ignore[attr-defined]
    editor = window.pages["meetings"].editor  # type: ignore[attr-defined]
    window.activateWindow()
    while not window.isActiveWindow():
        app.processEvents()
    editor.agenda_list.setCurrentRow(1)
    editor.item_editor.notes_edit.setFocus()
    app.processEvents()
    rng = random.Random(seed)
    out = sys.stdout

    def key(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        QTest.keyClick(widget, k, mods)

    print("ready", flush=True)
    position = 0
    while True:
        if rng.random() < 0.03:  # go to another item, cursor to the end of its notes
            row = editor.agenda_list.currentRow()
            ctrl = Qt.KeyboardModifier.ControlModifier
            key(Qt.Key.Key_PageDown if row < TYPED_ITEMS else Qt.Key.Key_PageUp, ctrl)
            key(Qt.Key.Key_M, ctrl | Qt.KeyboardModifier.ShiftModifier)
            key(Qt.Key.Key_End, ctrl)
        item = editor.item_editor.item
        assert item is not None
        ch = TEXT[position % len(TEXT)]
        position += 1
        out.write(f"K\t{item.id}\t{json.dumps(ch)}\n")
        out.flush()
        widget = QApplication.focusWidget()
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )
        out.write(f"T\t{time.time():.4f}\n")
        out.flush()
        pause = rng.random()
        QTest.qWait(rng.randint(600, 1300) if pause < 0.04 else rng.randint(15, 90))


# -- the parent: start, kill, check ------------------------------------------------------


@dataclass
class TrialResult:
    seed: int
    ok: bool
    typed: int = 0
    required: int = 0
    problems: list[str] = field(default_factory=list)
    home: Path | None = None
    path: Path | None = None
    meeting_id: int = 0
    """The meeting typed into when the process was killed."""


def run_trial(
    template: Path, meeting_id: int, workdir: Path, seed: int, kill_window: tuple[float, float]
) -> TrialResult:
    rng = random.Random(seed)
    folder = workdir / f"trial-{seed}"
    folder.mkdir(parents=True)
    path = folder / "unit.sqlite"
    shutil.copy(template, path)
    home = folder / "home"
    home.mkdir()
    initial = item_notes(path, meeting_id)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HYVINVOINTI_HOME=str(home))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", str(path), str(meeting_id), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("ready"):
                ready.set()
            lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = TrialResult(seed, False, home=home, path=path, meeting_id=meeting_id)
    if not ready.wait(30):
        child.kill()
        child.wait()
        result.problems.append(
            "child never became ready: " + (child.stderr.read() if child.stderr else "")
        )
        return result
    time.sleep(rng.uniform(*kill_window))
    killed_at = time.time()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join(5)

    from hyvinvointi_app.store.database import inspect_file

    report = inspect_file(path)
    if not report.integrity_ok:
        result.problems.append(f"integrity: {report.integrity_messages}")
    typed: dict[int, list[tuple[str, float | None]]] = {}
    pending: tuple[int, str] | None = None
    for line in lines:
        parts = line.split("\t")
        if parts[0] == "K":
            pending = (int(parts[1]), json.loads(parts[2]))
            typed.setdefault(pending[0], []).append((pending[1], None))
        elif parts[0] == "T" and pending is not None:
            chars = typed[pending[0]]
            chars[-1] = (chars[-1][0], float(parts[1]))
            pending = None
    stored = item_notes(path, meeting_id)
    for item_id, chars in typed.items():
        # Characters are typed in order: what must be stored is the prefix typed in time.
        n_must = 0
        for _c, at in chars:
            if at is not None and at < killed_at - SAVED_WITHIN:
                n_must += 1
            else:
                break
        must = "".join(c for c, _at in chars[:n_must])
        everything = "".join(c for c, _at in chars)
        base = initial.get(item_id, "")
        text = stored.get(item_id, "")
        result.typed += len(everything)
        result.required += len(must)
        if not text.startswith(base + must):
            result.problems.append(
                f"item {item_id}: {len(must)} characters typed >{SAVED_WITHIN}s before the kill, "
                f"only {len(text) - len(base)} stored"
            )
        if not (base + everything).startswith(text):
            result.problems.append(f"item {item_id}: stored text differs from what was typed")
    result.ok = not result.problems
    return result


def run_trials(
    trials: int, parallel: int, workdir: Path, kill_window: tuple[float, float] = (1.0, 3.5)
) -> list[TrialResult]:
    template = workdir / "template.sqlite"
    meeting_id = make_unit_file(template)
    with ThreadPoolExecutor(parallel) as pool:
        return list(
            pool.map(
                lambda seed: run_trial(template, meeting_id, workdir, seed, kill_window),
                range(1, trials + 1),
            )
        )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--parallel", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="crash-trials-") as folder:
        started = time.perf_counter()
        results = run_trials(args.trials, args.parallel, Path(folder))
        passed = sum(r.ok for r in results)
        for result in results:
            if not result.ok:
                print(f"trial {result.seed}: " + "; ".join(result.problems))
        typed = sum(r.typed for r in results)
        required = sum(r.required for r in results)
        print(
            f"{typed} characters typed, {required} of them more than {SAVED_WITHIN:.0f} s "
            f"before a kill; {time.perf_counter() - started:.0f} s"
        )
        print(f"{passed} / {len(results)} trials passed")
        return 0 if passed == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
