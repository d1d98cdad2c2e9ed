"""The start-up paints the window before the store loads: the navigation and the Overview kept
at the last closing, marked as being updated, then the live figures of the open file."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import meetings, members, periods
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.store.database import open_database, open_read_only
from hyvinvointi_app.ui.app import EXIT_CRASHED
from hyvinvointi_app.ui.context import open_settings
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.main_window import SCREEN_KEYS, MainWindow
from hyvinvointi_app.ui.overview import page as overview_page
from hyvinvointi_app.ui.overview.figures import KEPT_KEY, OverviewPreview

ROOT = Path(__file__).resolve().parents[2]


def _opened_and_closed(qtbot: QtBot, path: Path) -> list[str]:
    """Open ``path`` in a main window, close it; the texts of its Overview's figures."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_database(path) is None
    texts = [f.text for f in window.pages["overview"].figures]  # type: ignore[attr-defined]
    window.close()
    return texts


def _preview_texts(window: MainWindow) -> list[str]:
    preview = window.stack.currentWidget()
    assert isinstance(preview, OverviewPreview)
    return [label.text() for label in preview.findChildren(QLabel) if label.objectName()]


def test_the_overview_kept_at_closing_is_shown_while_the_file_opens(
    qtbot: QtBot, unit_file: Path
) -> None:
    db = open_database(unit_file)
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    meetings.new_meeting(db, periods.current_period(db).id, dt.date.today() + dt.timedelta(days=3))
    db.close()
    texts = _opened_and_closed(qtbot, unit_file)

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_opening(unit_file)
    shown = _preview_texts(window)
    notice = window.stack.currentWidget().findChild(QLabel, "overview_updating")
    assert notice is not None and notice.text() == _(
        "Opening the unit file: the figures below are from when the program was last closed."
    )
    assert [t for t in shown if t in texts] == texts  # every figure, as it was
    links = window.stack.currentWidget().findChildren(QPushButton)
    assert links and not any(link.isEnabled() for link in links)  # nothing to go to yet
    assert window.navigation.count() == len(SCREEN_KEYS)
    assert not window.navigation.item(1).flags()  # the screens wait for the file

    assert window.open_database(unit_file) is None
    assert window.current_page_key() == "overview"
    assert not isinstance(window.stack.currentWidget(), OverviewPreview)
    window.close()


def test_no_figures_of_another_file_or_language_are_shown(
    qtbot: QtBot, unit_file: Path, tmp_path: Path
) -> None:
    _opened_and_closed(qtbot, unit_file)
    other = tmp_path / "other.sqlite"
    shutil.copy(unit_file, other)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_opening(other)
    assert _preview_texts(window) == [_("Opening the unit file…")]
    apply_language("sv")
    try:
        window.show_opening(unit_file)
        assert _preview_texts(window) == ["Enhetsfilen öppnas…"]
    finally:
        apply_language("fi")


def test_damaged_kept_figures_are_ignored(qtbot: QtBot, unit_file: Path) -> None:
    open_settings().setValue(KEPT_KEY, json.dumps({"file": str(unit_file), "figures": 3}))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_opening(unit_file)
    assert _preview_texts(window) == [_("Opening the unit file…")]


def _run_child(
    code: str, unit_file: Path, home: Path, status: int = 0
) -> subprocess.CompletedProcess[str]:
    """``code`` in a new Python process (``sys.argv[1]`` is the unit file), offscreen."""
    done = subprocess.run(
        [sys.executable, "-c", code, str(unit_file)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "HYVINVOINTI_HOME": str(home), "PATH": ""},
    )
    assert done.returncode == status, done.stderr
    return done


FIRST_PAINT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from hyvinvointi_app.i18n.translator import set_ui_language
from hyvinvointi_app.ui.app import run  # what the command line imports for the window
app = QApplication(sys.argv)
set_ui_language("fi")
from hyvinvointi_app.ui.main_window import MainWindow
window = MainWindow()
window.show_opening(Path(sys.argv[1]))
window.show()
app.processEvents()
print(sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "reportlab", "babel")
             or m.startswith(("hyvinvointi_app.store.database", "hyvinvointi_app.services.demo",
                              "hyvinvointi_app.services.overview", "hyvinvointi_app.reports"))))
"""


def test_the_first_paint_loads_neither_the_store_nor_the_documents(
    unit_file: Path, tmp_path: Path
) -> None:
    done = _run_child(FIRST_PAINT, unit_file, tmp_path)
    assert done.stdout.strip() == "[]"


def test_nothing_is_kept_of_a_file_opened_read_only_or_of_a_file_that_is_gone(
    qtbot: QtBot, unit_file: Path, tmp_path: Path
) -> None:
    """A colleague's file or a backup opened to look at leaves no lines in the settings;
    the lines of a file deleted since are forgotten at the next start."""
    window = MainWindow()
    qtbot.addWidget(window)
    window._set_database(open_read_only(unit_file))
    window.close()
    assert open_settings().value(KEPT_KEY) is None
    _opened_and_closed(qtbot, unit_file)
    assert open_settings().value(KEPT_KEY)
    moved = tmp_path / "moved.sqlite"
    unit_file.rename(moved)
    starting = MainWindow()
    qtbot.addWidget(starting)
    starting.show_opening(unit_file)
    assert _preview_texts(starting) == [_("Opening the unit file…")]
    assert open_settings().value(KEPT_KEY) is None


def test_keeping_the_lines_never_keeps_the_file_from_closing(
    qtbot: QtBot, unit_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(context: object) -> None:
        raise RuntimeError("a bug in the Overview")

    monkeypatch.setattr(overview_page, "keep_for_next_start", broken)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_database(unit_file) is None
    window.close()
    assert window.database is None
    reopened = open_database(unit_file)  # the lock was given back
    reopened.close()


def test_no_other_file_can_be_opened_while_one_is_opening(qtbot: QtBot, unit_file: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_opening(unit_file)
    file_menu = window.menuBar().actions()[0].menu()
    enabled = {action.text(): action.isEnabled() for action in file_menu.actions()}
    assert not enabled[_("&New unit file…")] and not enabled[_("&Open…")]
    assert not enabled[_("Open &recent")] and enabled[_("&Quit")]
    assert window.open_database(unit_file) is None
    file_menu = window.menuBar().actions()[0].menu()
    assert all(a.isEnabled() for a in file_menu.actions()[:2])
    window.close()


AFTER_START = """
import atexit, gc, sys
from hyvinvointi_app.cli import main
atexit.register(lambda: print("frozen", gc.get_freeze_count() > 0,
                              "documents", "hyvinvointi_app.reports.finish" in sys.modules))
sys.exit(main(["--smoke", "--db", sys.argv[1]]))
"""


def test_a_start_sets_its_objects_aside_and_leaves_the_documents_unloaded(
    unit_file: Path, tmp_path: Path
) -> None:
    """Objects made until the file is open are set aside from full garbage collections;
    the documents' code waits for the Reports screen (it is 27 MB)."""
    done = _run_child(AFTER_START, unit_file, tmp_path)
    assert done.stdout.strip().splitlines()[-1] == "frozen True documents False"


REPORTS_SCREEN = """
import sys, threading, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from hyvinvointi_app.ui.main_window import MainWindow
window = MainWindow()
assert window.open_database(Path(sys.argv[1])) is None
assert "hyvinvointi_app.reports.finish" not in sys.modules
window.show_page("reports")
assert "hyvinvointi_app.reports.finish" not in sys.modules  # not while the screen is built
loading = []
deadline = time.monotonic() + 30
while not loading and time.monotonic() < deadline:  # it starts once the screen is shown
    app.processEvents()
    time.sleep(0.01)
    loading = [t for t in threading.enumerate() if t.name == "load-documents"]
for thread in loading:
    thread.join(timeout=60)
from hyvinvointi_app.reports import fonts
print("hyvinvointi_app.reports.finish" in sys.modules, fonts._coverage.cache_info().currsize)
"""


def test_the_reports_screen_loads_the_documents_code_in_the_background(
    unit_file: Path, tmp_path: Path
) -> None:
    """So that the first export pauses the window no more than the later ones; it starts
    after the screen is built and drawn, so as not to slow them down."""
    done = _run_child(REPORTS_SCREEN, unit_file, tmp_path)
    assert done.stdout.strip().splitlines()[-1] == "True 1"


SMOKE_CRASH = """
import sys
from hyvinvointi_app.cli import main
from hyvinvointi_app.ui.main_window import MainWindow
def broken(self, path):
    raise RuntimeError("a bug while opening")
MainWindow.open_database = broken
sys.exit(main(["--smoke", "--db", sys.argv[1]]))
"""


def test_smoke_ends_at_once_with_an_error_status_on_an_unexpected_error(
    unit_file: Path, tmp_path: Path
) -> None:
    """``--smoke`` checks a build: a bug must fail it, not leave a crash dialog waiting."""
    done = _run_child(SMOKE_CRASH, unit_file, tmp_path, status=EXIT_CRASHED)
    assert "RuntimeError: a bug while opening" in done.stderr
    assert not list(tmp_path.rglob("crash-*"))  # no crash log: it was a check, not a user
