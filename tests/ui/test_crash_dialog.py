"""Unexpected errors in the real main window: a memo is typed, a slot raises an error that
quotes it, and the crash reporter shows its dialog with the log's path; the log has the
traceback but not the memo's words, and the application goes on saving what is typed.

pytest-qt normally catches exceptions raised in slots and fails the test; these tests turn
that off (``qt_no_exception_capture``) so that the reporter's own hook sees them.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import meetings, periods
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.crash import CrashReporter
from hyvinvointi_app.ui.crash.dialog import CrashDialog
from hyvinvointi_app.ui.crash.log import format_exception_safely
from hyvinvointi_app.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_no_exception_capture

MEMO = "Hiekkalaatikon kansi on rikki; Åsa Virtanen soittaa huoltoon."
SECRET_WORDS = ("Hiekkalaatikon", "Virtanen", "huoltoon")
# Kept in constants: a log holds each frame's line of source, so a literal written in the
# raising line of a test would show up there, although no message is ever written.
WORKER_TEXT = "taustalla"
NAME = "Aino Ahonen"
FILE_NAME = "/home/aino/muistio.txt"
NO_SPACE = "No space left"


@pytest.fixture
def reporter(tmp_path: Path) -> Iterator[CrashReporter]:
    installed = CrashReporter(lambda: tmp_path / "logs")
    installed.install()
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def raise_with(text: str) -> None:
    """A bug that quotes what was typed in its message, as real bugs do."""
    raise ValueError(f"could not handle the memo {text!r}")


def broken_button(parent: QWidget, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton("broken", parent)
    button.clicked.connect(slot)
    button.show()
    return button


def open_memo(window: MainWindow, context: AppContext) -> tuple[int, QWidget]:
    period = periods.list_periods(context.database)[0]
    meeting = meetings.new_meeting(
        context.database, period.id, period.start_date + dt.timedelta(days=30)
    )
    page = window.pages["meetings"]
    window.show_page("meetings")
    page.open_meeting(meeting.id)  # type: ignore[attr-defined]
    editor = page.editor  # type: ignore[attr-defined]
    editor.agenda_list.setCurrentRow(1)
    notes = editor.item_editor.notes_edit
    notes.setFocus()
    return editor.item_editor.item.id, notes


def stored_notes(context: AppContext, meeting_id: int, item_id: int) -> str:
    """What the file holds (a fresh read through the open database)."""
    detail = meetings.get_meeting(context.database, meeting_id)
    return next(i.notes for i in detail.agenda if i.id == item_id)


def test_an_error_in_a_slot_shows_the_dialog_keeps_memo_text_out_of_the_log_and_goes_on(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    reporter: CrashReporter,
    typist: Callable[[QWidget, str], None],
) -> None:
    item_id, notes = open_memo(window, context)
    meeting_id = meetings.latest_meeting(context.database)
    typist(notes, MEMO)
    button = broken_button(window, lambda: raise_with(notes.toPlainText()))

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog)
    log = reporter.log_path
    assert log is not None and log.exists()
    assert dialog.path_field.text() == str(log)
    assert dialog.windowTitle() == _("Unexpected error")
    assert dialog.saved.text() == _(  # what was saved, said honestly
        "Your work is saved automatically: everything typed up to about a second "
        "before the error is in the unit file. Check the last thing you did before "
        "you go on."
    )
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text
    assert "in raise_with" in text and "ValueError" in text
    assert "Hyvinvointiryhmä 0." in text  # versions
    for word in SECRET_WORDS:
        assert word not in text
    assert str(Path.home()) not in text or str(Path.home()) == "/"
    if os.name == "posix":
        assert log.stat().st_mode & 0o777 == 0o600

    dialog.copy_path()
    assert QGuiApplication.clipboard().text() == str(log)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    # The application goes on: the editor still types and autosaves.
    notes.setFocus()
    typist(notes, " Jatkuu.")
    qtbot.waitUntil(
        lambda: stored_notes(context, meeting_id, item_id).endswith("Jatkuu."), timeout=4000
    )
    assert stored_notes(context, meeting_id, item_id) == MEMO + " Jatkuu."
    assert window.isVisible()


def test_a_flood_of_errors_makes_one_dialog_and_one_log(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, tmp_path: Path
) -> None:
    button = broken_button(window, lambda: raise_with("x"))
    for _n in range(25):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert reporter.errors == 25
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "errors in this log: 25" in logs[0].read_text(encoding="utf-8")
    assert dialog.more.isVisible() and "24" in dialog.more.text()
    dialog.accept()

    # Just after closing, another error joins the same log without a second dialog.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert reporter.dialog is None
    assert "errors in this log: 26" in logs[0].read_text(encoding="utf-8")


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    worker = threading.Thread(target=lambda: raise_with(WORKER_TEXT), name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.log_path is not None
    text = reporter.log_path.read_text(encoding="utf-8")
    assert "thread 'worker'" in text and "taustalla" not in text
    reporter.dialog.accept()


def test_a_log_that_cannot_be_written_is_said_in_the_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder should be")
    reporter = CrashReporter(lambda: blocked / "logs")
    reporter.install()
    try:
        button = broken_button(window, lambda: raise_with("x"))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
        dialog = reporter.dialog
        assert reporter.log_path is None
        assert not hasattr(dialog, "path_field")
        assert dialog.copy_button is None and dialog.folder_button is None
        dialog.accept()
    finally:
        reporter.uninstall()


def test_an_error_while_reporting_is_one_line_on_stderr_and_never_recurses(
    qtbot: QtBot, window: MainWindow, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def folder() -> Path:
        raise RuntimeError("the reporter's own bug with a memo word: Hiekkalaatikon")

    reporter = CrashReporter(folder)
    reporter.install()
    try:
        button = broken_button(window, lambda: raise_with("x"))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.wait(20)
        err = capsys.readouterr().err
        assert "hyvinvointi: unexpected error (RuntimeError)" in err
        assert "Hiekkalaatikon" not in err
        assert reporter.dialog is None
    finally:
        reporter.uninstall()


def test_chained_exceptions_keep_types_and_frames_but_no_messages() -> None:
    def inner() -> None:
        raise KeyError(NAME)

    try:
        try:
            inner()
        except KeyError as error:
            raise OSError(28, NO_SPACE, FILE_NAME) from error
    except OSError as outer:
        text = format_exception_safely(type(outer), outer, outer.__traceback__)
    assert "KeyError" in text and "OSError [ENOSPC]" in text
    assert "direct cause" in text and "in inner" in text
    assert "Aino" not in text and "muistio" not in text and "No space" not in text


def test_an_error_that_ends_the_program_is_logged_as_closing(tmp_path: Path) -> None:
    """At the top level there is no event loop left: the log says the application closed."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from hyvinvointi_app.ui.crash.log import is_top_level, new_crash_log\n"
        "def hook(kind, error, tb):\n"
        "    log = new_crash_log(Path(sys.argv[1]))\n"
        "    log.add(kind, error, tb, thread='MainThread', fatal=is_top_level(tb))\n"
        "    log.write()\n"
        "sys.excepthook = hook\n"
        "raise LookupError('Liisa')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    (log,) = tmp_path.glob("crash-*.log")
    text = log.read_text(encoding="utf-8")
    assert "the application closed" in text and "LookupError" in text and "Liisa" not in text


def test_an_error_the_user_can_act_on_gets_its_own_message_not_the_crash_dialog(
    qtbot: QtBot, window: MainWindow, context: AppContext, reporter: CrashReporter
) -> None:
    """A full disk that no screen caught: the crash dialog would claim that everything was
    saved; the user is told what happened instead, and no crash log is written."""
    from hyvinvointi_app.domain.errors import DiskFull, NotFound
    from hyvinvointi_app.i18n.errors import describe

    full = DiskFull(context.path, "SQLITE_FULL")

    def fail() -> None:
        raise full

    button = broken_button(window, fail)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.user_error_box is not None)
    box = reporter.user_error_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == _("The change was not saved")
    assert box.text() == describe(full)
    assert reporter.dialog is None and reporter.log_path is None
    box.close()

    missing = NotFound("meeting", 99)

    def not_found() -> None:
        raise missing

    other = broken_button(window, not_found)
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    box = reporter.user_error_box
    assert box is not None and box.text() == describe(missing)
    assert box.windowTitle() != _("The change was not saved")
    box.close()
