"""A unit file another computer left locked: the dialog names who holds it since when and offers
"Take over"; a confirmation says what may be lost; then the file opens here and saves. A file
held by a live copy on this computer is never offered for taking over. And a lock lost while
the file is open stops meeting mode from claiming anything was saved."""

from __future__ import annotations

import datetime as dt
import json
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import LockedByOtherComputer, LockHolder, LockLost
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_datetime
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import agenda, meetings, members, periods
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.store.database import open_database
from hyvinvointi_app.store.lock import lock_path_for
from hyvinvointi_app.ui.backups.bad_file_dialog import (
    BadFileDialog,
    FileChoice,
    TakeOverConfirmation,
)
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.editor import MeetingEditor

SINCE = dt.datetime(2026, 11, 23, 13, 5)


def _foreign_lock(path: Path) -> LockHolder:
    """The lock a crashed laptop left: its name, no live lock on this computer."""
    lock_path_for(path).write_text(
        json.dumps({"host": "other-pc", "user": "aino", "pid": 4242, "since": SINCE.isoformat()}),
        encoding="utf-8",
    )
    return LockHolder("other-pc", "aino", 4242, SINCE)


Step = tuple[type[QWidget], Callable[[QWidget], None]]


class ModalAnswerer:
    """Answers the modal dialogs as they open, in order: each step names the dialog's class
    and what to do with it (the real widgets; only the user is played). A dialog not
    expected, or a step that fails, is recorded in :attr:`errors` and the dialog closed, so
    that a failing test fails instead of waiting for ever."""

    def __init__(self, *steps: Step, seconds: float = 20) -> None:
        self.steps = list(steps)
        self.seen: list[QWidget] = []
        self.errors: list[str] = []
        self._polls_left = int(seconds * 100)
        QTimer.singleShot(0, self._answer)

    def _again(self, delay_ms: int = 10) -> None:
        self._polls_left -= 1
        if self._polls_left > 0:
            QTimer.singleShot(delay_ms, self._answer)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or any(dialog is s for s in self.seen):
            self._again()
            return
        self.seen.append(dialog)
        self._again(0)
        if not self.steps or not isinstance(dialog, self.steps[0][0]):
            self.errors.append(f"unexpected {type(dialog).__name__}: {dialog.windowTitle()}")
            dialog.close()
            return
        _kind, act = self.steps.pop(0)
        try:
            act(dialog)
        except Exception as error:  # an assertion in a step: record it, do not hang
            self.errors.append(f"{type(error).__name__}: {error}")
            dialog.close()


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_file_another_computer_left_is_taken_over_after_a_confirmation(
    qtbot: QtBot, unit_file: Path
) -> None:
    _foreign_lock(unit_file)
    window = _window(qtbot)
    said: dict[str, str] = {}

    def take_over(dialog: QWidget) -> None:
        assert isinstance(dialog, BadFileDialog)
        said["dialog"] = dialog.text()
        assert next(iter(dialog.buttons_by_choice)) is FileChoice.TAKE_OVER
        dialog.choose(FileChoice.TAKE_OVER)

    def confirm(box: QWidget) -> None:
        assert isinstance(box, TakeOverConfirmation)
        said["question"] = box.text()
        said["risk"] = box.informativeText()
        assert box.defaultButton() is box.cancel_button  # Enter alone does not take it over
        assert box.escapeButton() is box.cancel_button
        box.take_over_button.click()

    answers = ModalAnswerer((BadFileDialog, take_over), (TakeOverConfirmation, confirm))

    assert window.open_or_explain(unit_file, at_start=True)

    assert not answers.errors and not answers.steps
    shown = answers.seen[0]
    assert isinstance(shown, BadFileDialog) and isinstance(shown.error, LockedByOtherComputer)
    assert said["dialog"] == describe(shown.error)
    assert "other-pc" in said["dialog"] and "aino" in said["dialog"]
    assert format_datetime(SINCE, "fi") in said["dialog"]
    assert "other-pc" in said["question"] and unit_file.name in said["question"]
    assert "aino" in said["risk"] and format_datetime(SINCE, "fi") in said["risk"]
    assert window.context is not None and not window.context.database.read_only
    assert json.loads(lock_path_for(unit_file).read_text())["host"] == socket.gethostname()
    members.add_member(window.context.database, MemberInput("Uusi kone", Role.ECEC_STAFF))
    assert [m.name for m in members.list_members(window.context.database)] == ["Uusi kone"]
    window.close()


def test_cancelling_the_take_over_leaves_the_lock_as_it_was(qtbot: QtBot, unit_file: Path) -> None:
    _foreign_lock(unit_file)
    before = lock_path_for(unit_file).read_bytes()
    window = _window(qtbot)

    def choose(choice: FileChoice) -> Callable[[QWidget], None]:
        def act(dialog: QWidget) -> None:
            assert isinstance(dialog, BadFileDialog)
            dialog.choose(choice)

        return act

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.reject()  # Escape

    answers = ModalAnswerer(
        (BadFileDialog, choose(FileChoice.TAKE_OVER)),
        (TakeOverConfirmation, cancel),
        (BadFileDialog, choose(FileChoice.QUIT)),  # asked again, as before
    )

    assert window.open_or_explain(unit_file, at_start=True) is False

    assert not answers.errors and not answers.steps
    assert window.context is None
    assert lock_path_for(unit_file).read_bytes() == before


def test_a_file_open_on_this_computer_is_not_offered_for_taking_over(
    qtbot: QtBot, unit_file: Path
) -> None:
    holder = open_database(unit_file)  # a live copy here holds it (the OS lock says so)
    try:
        window = _window(qtbot)
        offered: list[list[FileChoice]] = []

        def quit_(dialog: QWidget) -> None:
            assert isinstance(dialog, BadFileDialog)
            offered.append(list(dialog.buttons_by_choice))
            dialog.choose(FileChoice.QUIT)

        answers = ModalAnswerer((BadFileDialog, quit_))
        assert window.open_or_explain(unit_file, at_start=True) is False
        assert not answers.errors
        assert offered and FileChoice.TAKE_OVER not in offered[0]
    finally:
        holder.close()


def test_a_lost_lock_in_meeting_mode_is_said_and_never_shown_as_saved(
    qtbot: QtBot, context: AppContext
) -> None:
    db = context.database
    period = periods.list_periods(db)[0]
    meeting = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=20))
    main = context.parent()
    if isinstance(main, QWidget):
        main.hide()
    editor = MeetingEditor(context, meeting.id)
    qtbot.addWidget(editor)
    editor.show()
    item = editor.current_item()
    assert item is not None
    saved_prefix = _("Saved {time}").split("{")[0]
    failures: list[str] = []
    editor.autosaver.failed.connect(failures.append)

    lock_path_for(db.path).unlink()  # someone removed the lock while the meeting runs
    notes = editor.item_editor.notes_edit
    notes.setFocus()
    notes.setPlainText("Pihan kunnostus keväällä")

    qtbot.waitUntil(lambda: bool(failures), timeout=3000)
    assert failures[0] == describe(LockLost(db.path))
    assert not editor.indicator.text.text().startswith(saved_prefix)
    assert notes.toPlainText() == "Pihan kunnostus keväällä"  # kept on screen to copy
    assert agenda.get_item(db, item.id).notes == ""
    assert not editor.flush()
