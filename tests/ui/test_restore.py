"""File → Restore from backup, driven through the menu: the dialog lists the backups with date,
size and newest meeting; restoring brings back the earlier state, keeps the file as it was,
and the next automatic backups never thin away the backup just restored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import AuditAction, Role
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import audit, backups, meetings, members, periods
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.settings import (
    BackupSettings,
    load_backup_settings,
    save_backup_settings,
)
from hyvinvointi_app.store.database import open_database
from hyvinvointi_app.ui.backups.restore_dialog import RestoreDialog
from hyvinvointi_app.ui.main_window import MainWindow


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text() == text:
                return action
    raise KeyError(text)


def test_restore_from_the_menu_brings_back_the_earlier_state(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.context is not None and window.backups is not None
    path = window.context.path
    db = window.context.database
    meetings.new_meeting(db, periods.current_period(db).id, dt.date(2026, 10, 7))
    window.back_up_now()
    assert window.backups.last_result is not None
    earlier = window.backups.last_result.path
    assert (
        earlier is not None
        and earlier == backups.list_backups(path, load_backup_settings().folder_for(path))[0].path
    )
    assert backups.read_contents(earlier).meetings == 1

    # Later changes, which the restore takes back.
    members.add_member(db, MemberInput("Myöhempi Jäsen", Role.ECEC_STAFF))
    meetings.new_meeting(db, periods.current_period(db).id, dt.date(2026, 11, 4))
    window.context.data_changed.emit()

    listed: list[list[str]] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(10, choose)
            return
        for row in range(dialog.table.rowCount()):
            listed.append([dialog.table.item(row, c).text() for c in range(dialog.COLUMNS)])
        dialog.select(earlier)
        dialog.restore_button.click()

    QTimer.singleShot(0, choose)
    _menu_action(window, _("Res&tore from backup…")).trigger()

    # The dialog listed the earlier backup with its newest meeting, date and size.
    assert any(
        row[1] == _("Meeting {number}, {date}").format(number=1, date="7.10.2026")
        and row[3] == _("Automatic")
        for row in listed
    ), listed
    assert all(row[0] and row[2] for row in listed)
    # The earlier state is back, in the window.
    assert window.context is not None and window.context.path == path
    db = window.context.database
    assert members.list_members(db) == []
    assert meetings.latest_meeting(db) is not None
    assert len(meetings.list_meetings(db, periods.current_period(db).id)) == 1
    assert earlier.name in window.statusBar().currentMessage()
    assert [e.action for e in audit.entries(db)][-1] is AuditAction.RESTORED
    # The file as it was is kept.
    kept = [
        e
        for e in backups.list_backups(path, load_backup_settings().folder_for(path))
        if e.kind is backups.BackupKind.BEFORE_RESTORE
    ]
    assert len(kept) == 1
    with open_database(kept[0].path) as before:
        assert [m.name for m in members.list_members(before)] == ["Myöhempi Jäsen"]

    # The next automatic backups, even with the strictest thinning, keep the restored one.
    save_backup_settings(BackupSettings(None, backups.RetentionPolicy(1, 0, 0, 0)))
    assert window.backups is not None
    window.backups.wait()
    members.add_member(db, MemberInput("Uusi Jäsen", Role.ECEC_STAFF))
    result = window.backups.back_up_now()
    assert result.outcome is backups.Outcome.WRITTEN and result.path != earlier
    assert earlier.exists() and kept[0].path.exists()


def test_the_dialog_says_when_the_backup_folder_is_missing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.context is not None
    stick = tmp_path / "USB" / "Varmuuskopiot"
    dialog = RestoreDialog(window.context.path, stick, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    assert str(stick) in dialog.findChildren(type(dialog.folder_label))[0].text()


def test_a_missing_backup_folder_is_reported_not_fatal(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.context is not None and window.backups is not None
    window.backups.wait()
    stick = tmp_path / "USB" / "Varmuuskopiot"
    save_backup_settings(BackupSettings(stick))
    with qtbot.waitSignal(window.backups.failed, timeout=5000) as blocker:
        window.backups.back_up_in_background()
    assert str(stick) in blocker.args[0]
    qtbot.waitUntil(lambda: str(stick) in window.statusBar().currentMessage())
    assert not stick.exists()
    members.add_member(window.context.database, MemberInput("Aino", Role.DIRECTOR))
    assert len(members.list_members(window.context.database)) == 1  # work goes on


def test_how_many_backups_are_kept_is_set_in_settings(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from hyvinvointi_app.ui.settings.dialog import SettingsDialog

    assert window.context is not None
    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert {k: b.value() for k, b in dialog.keep_boxes.items()} == {
        "last": 10,
        "daily": 14,
        "weekly": 8,
        "monthly": 12,
    }
    assert dialog.backup_folder_status.isHidden()
    dialog.set_backup_folder(tmp_path / "USB" / "Varmuuskopiot")  # not connected
    assert not dialog.backup_folder_status.isHidden()
    assert (
        _(
            "The folder cannot be found: connect the USB stick or network drive, or "
            "choose another folder. Until then backups cannot be taken."
        )
        in dialog.backup_folder_status.text()
    )
    dialog.keep_boxes["last"].setValue(5)
    dialog.keep_boxes["daily"].setValue(30)
    dialog.accept()
    assert load_backup_settings().policy == backups.RetentionPolicy(5, 30, 8, 12)


def test_another_units_backups_are_shown_only_on_request_and_restored_only_when_confirmed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Two units' ``unit.sqlite`` back up to one USB stick: the restore list shows this unit's
    backups; the other's only when asked, and replacing the data needs a confirmation."""
    from PySide6.QtWidgets import QMessageBox

    from hyvinvointi_app.domain.enums import Language
    from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
    from hyvinvointi_app.store.database import create_database

    assert window.context is not None and window.backups is not None
    window.backups.wait()
    stick = tmp_path / "USB"
    stick.mkdir()
    save_backup_settings(BackupSettings(stick))
    path = window.context.path
    window.back_up_now()
    own = backups.list_backups(path, stick)
    assert len(own) == 1

    other = tmp_path / "laptop-2" / "unit.sqlite"
    other.parent.mkdir()
    other_db = create_database(other)
    set_up_unit(other_db, UnitInfo("Päiväkoti Koivikko", "", "Porvoo", False, Language.FINNISH))
    members.add_member(other_db, MemberInput("Koivikon jäsen", Role.ECEC_STAFF))
    other_db.close()
    theirs = backups.take_backup(other, stick).path
    assert theirs is not None

    seen: dict[str, object] = {}
    answers = iter([False, True])  # first Cancel in the confirmation, then Replace

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, confirm)
            return
        seen.setdefault("question", box.text())
        replace = next(answers)
        for button in box.buttons():
            role = box.buttonRole(button)
            if (role == QMessageBox.ButtonRole.DestructiveRole) == replace:
                button.click()
                return

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(10, choose)
            return
        seen["own"] = [e.path for e in dialog.entries]
        seen["own unit"] = dialog.table.item(0, 4).text()
        dialog.other_units_button.click()
        seen["other"] = [e.path for e in dialog.entries]
        seen["other unit"] = dialog.table.item(0, 4).text()
        dialog.select(theirs)
        QTimer.singleShot(0, confirm)
        dialog.restore_button.click()  # answered Cancel: still open, nothing chosen
        seen["after cancel"] = (dialog.isVisible(), dialog.chosen)
        QTimer.singleShot(0, confirm)
        dialog.restore_button.click()

    QTimer.singleShot(0, choose)
    _menu_action(window, _("Res&tore from backup…")).trigger()

    assert seen["own"] == [own[0].path]
    assert seen["own unit"] == "Päiväkoti Mäntylä"
    assert seen["other"] == [theirs]
    assert seen["other unit"] == "Päiväkoti Koivikko"
    assert seen["after cancel"] == (True, None)
    question = str(seen["question"])
    assert "Päiväkoti Mäntylä" in question and "Päiväkoti Koivikko" in question
    assert (
        _(
            "After the restore the file is a unit of its own: its new backups are kept in a "
            "folder of their own, apart from the backups of {other}."
        ).format(other="Päiväkoti Koivikko")
        in question
    )
    assert window.context is not None and window.context.path == path
    assert [m.name for m in members.list_members(window.context.database)] == ["Koivikon jäsen"]
    # A unit of its own: the next backup goes to a new subfolder, not Koivikko's.
    window.backups.wait()
    result = window.backups.back_up_now()
    assert result.path is not None
    assert result.path.parent not in (theirs.parent, own[0].path.parent)


def test_a_file_whose_unit_cannot_be_known_opens_on_every_backup(
    qtbot: QtBot, tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    """A damaged file that no backup recorded has no list of its own: the dialog opens on
    the other units' backups (each with its unit's name) instead of an empty list."""
    from hyvinvointi_app.domain.enums import Language
    from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
    from hyvinvointi_app.store.database import create_database

    stick = tmp_path / "USB"
    stick.mkdir()
    other = tmp_path / "laptop-2" / "unit.sqlite"
    other.parent.mkdir()
    other_db = create_database(other)
    set_up_unit(other_db, UnitInfo("Päiväkoti Koivikko", "", "Porvoo", False, Language.FINNISH))
    other_db.close()
    theirs = backups.take_backup(other, stick).path
    (tmp_path / "laptop").mkdir()
    path = make_bad_file("damaged", tmp_path / "laptop" / "unit.sqlite")

    dialog = RestoreDialog(path, stick)
    qtbot.addWidget(dialog)
    assert [e.path for e in dialog.entries] == [theirs]
    assert dialog.table.item(0, 4).text() == "Päiväkoti Koivikko"
    assert dialog.restore_button.isEnabled()
    assert dialog.other_units_button.isHidden()  # there is no list of this unit to go back to
    assert str(stick) in dialog.intro.text()
    dialog.accept()  # nothing to protect, as in the service: restored without more questions
    assert dialog.chosen == theirs
