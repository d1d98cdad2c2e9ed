"""Every unit file that cannot be opened, in the GUI: one translated dialog says what
happened and offers what works for the case (a backup, read-only, another file, quit); the
file is left byte-for-byte as it was, and no traceback is shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bad_files import OPEN_FAILURE_KINDS, full_disk, make_bad_file, sha256
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Language, Role
from hyvinvointi_app.domain.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    ForeignDatabase,
    MigrationFailed,
    NotADatabase,
)
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import backups, periods
from hyvinvointi_app.services.members import MemberInput, add_member
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import create_database, open_database
from hyvinvointi_app.ui.backups.bad_file_dialog import BadFileDialog, FileChoice
from hyvinvointi_app.ui.main_window import MainWindow


def unit_file(path: Path, members: int = 0) -> None:
    """A unit the main window can show: the unit, a current period, ``members`` members."""
    db = create_database(path)
    set_up_unit(
        db, UnitInfo("Päiväkoti Mäntylä", "Daghemmet Tallbacken", "Porvoo", True, Language.FINNISH)
    )
    periods.add_period(db)
    for i in range(members):
        add_member(db, MemberInput(f"Jäsen {i}", Role.ECEC_STAFF))
    db.close()


EXPECTED = {
    "missing": DatabaseMissing,
    "empty": DatabaseEmpty,
    "text": NotADatabase,
    "foreign": ForeignDatabase,
    "too_new": DatabaseTooNew,
    "damaged": DatabaseDamaged,
    "read_only": DatabaseReadOnly,
    "half_migrated": MigrationFailed,
    "locked": DatabaseLocked,
    "full_disk": DiskFull,
}
assert set(EXPECTED) == set(OPEN_FAILURE_KINDS)


@pytest.fixture
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """The unfit file of the test's ``kind``; a locked file is held open by this process."""
    kind = request.param
    if kind == "missing":
        yield tmp_path / "unit.sqlite"
    elif kind == "locked":
        path = tmp_path / "unit.sqlite"
        unit_file(path)
        holder = open_database(path)
        try:
            yield path
        finally:
            holder.close()
    elif kind == "read_only":  # a unit the window can show, not only a refusable file
        path = tmp_path / "unit.sqlite"
        unit_file(path)
        path.chmod(0o400)
        yield path
    elif kind == "full_disk":
        with full_disk(tmp_path / "small", unit_file) as path:
            yield path
    else:
        yield make_bad_file(kind, tmp_path / "unit.sqlite")


class DialogAnswerer:
    """Answers each BadFileDialog that opens with the next choice, remembering what it said."""

    def __init__(self, *choices: FileChoice) -> None:
        self.choices = list(choices)
        self.shown: list[BadFileDialog] = []
        self.texts: list[str] = []
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BadFileDialog) or dialog in self.shown:
            QTimer.singleShot(10, self._answer)
            return
        self.shown.append(dialog)
        self.texts.append(dialog.text())
        choice = self.choices.pop(0)
        if self.choices:
            QTimer.singleShot(0, self._answer)
        dialog.choose(choice)


def _state(path: Path) -> str | None:
    return sha256(path) if path.exists() else None


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("bad_file", OPEN_FAILURE_KINDS, indirect=True)
def test_one_clear_dialog_and_the_file_unchanged(
    qtbot: QtBot, bad_file: Path, request: pytest.FixtureRequest
) -> None:
    kind = request.node.callspec.params["bad_file"]
    before = _state(bad_file)
    window = _window(qtbot)
    answers = DialogAnswerer(FileChoice.QUIT)

    assert window.open_or_explain(bad_file, at_start=True) is False

    assert len(answers.shown) == 1
    dialog = answers.shown[0]
    assert isinstance(dialog.error, EXPECTED[kind])
    assert dialog.text() == describe(dialog.error)  # the translated sentence, in Finnish
    assert "Traceback" not in dialog.text() and dialog.text().strip()
    assert dialog.informativeText() == _("The file was not changed. What would you like to do?")
    assert dialog.windowTitle() == _("The file cannot be opened")
    assert FileChoice.OTHER_FILE in dialog.buttons_by_choice
    assert dialog.buttons_by_choice[FileChoice.QUIT].text() == _("&Quit")
    assert window.context is None
    assert _state(bad_file) == before
    if kind not in ("missing", "locked", "half_migrated"):
        assert not bad_file.with_name(bad_file.name + "-wal").exists()


@pytest.mark.parametrize("bad_file", ["read_only", "locked", "full_disk"], indirect=True)
def test_a_sound_file_that_cannot_be_written_opens_read_only(qtbot: QtBot, bad_file: Path) -> None:
    before = sha256(bad_file)
    window = _window(qtbot)
    answers = DialogAnswerer(FileChoice.READ_ONLY)
    assert window.open_or_explain(bad_file, at_start=True)
    assert len(answers.shown) == 1
    assert window.context is not None and window.context.database.read_only
    assert _("{file} (read-only)").format(file=bad_file.name) in window.windowTitle()
    window.show_page("members")
    window.close()
    assert sha256(bad_file) == before
    assert not list(bad_file.parent.glob("backups"))  # no backups of a file opened to read


@pytest.mark.parametrize("bad_file", ["damaged", "empty", "text"], indirect=True)
def test_without_backups_restoring_is_not_offered(qtbot: QtBot, bad_file: Path) -> None:
    window = _window(qtbot)
    answers = DialogAnswerer(FileChoice.QUIT)
    window.open_or_explain(bad_file)
    assert FileChoice.RESTORE not in answers.shown[0].buttons_by_choice
    assert answers.shown[0].buttons_by_choice[FileChoice.QUIT].text() == _("&Cancel")


def test_a_damaged_file_is_replaced_by_a_chosen_backup_and_kept(
    qtbot: QtBot, tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    path = tmp_path / "unit.sqlite"
    unit_file(path, members=3)
    good = backups.take_backup(path).path
    assert good is not None
    path.unlink()
    make_bad_file("damaged", path)
    damaged = path.read_bytes()
    window = _window(qtbot)
    answers = DialogAnswerer(FileChoice.RESTORE)

    def choose_backup() -> None:
        from hyvinvointi_app.ui.backups.restore_dialog import RestoreDialog

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(10, choose_backup)
            return
        dialog.select(good)
        dialog.restore_button.click()

    QTimer.singleShot(0, choose_backup)
    assert window.open_or_explain(path, at_start=True)
    assert len(answers.shown) == 1
    assert window.context is not None and not window.context.database.read_only
    kept = [e for e in backups.list_backups(path, tmp_path / "backups")]
    assert any(e.path.read_bytes() == damaged for e in kept)  # the damaged file, kept as is
    window.close()


def test_a_file_in_a_cloud_folder_gets_a_warning(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Porvoon kaupunki" / "Hyvinvointi"
    folder.mkdir(parents=True)
    path = folder / "unit.sqlite"
    unit_file(path)
    warnings: list[str] = []

    def close_warning() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, close_warning)
            return
        warnings.append(box.text())
        box.accept()

    QTimer.singleShot(0, close_warning)
    window = _window(qtbot)
    assert window.open_or_explain(path)
    assert len(warnings) == 1 and "OneDrive - Porvoon kaupunki" in warnings[0]
    window.close()
    again = _window(qtbot)
    assert again.open_or_explain(path)  # warned once per file; the status bar still says it
    assert "OneDrive" in again.statusBar().currentMessage()
    again.close()


def test_synchronised_folders_are_recognised() -> None:
    find = backups.synchronised_folder
    assert find(Path("/home/a/Dropbox/unit.sqlite")) == "Dropbox"
    assert find(Path("/home/a/Dropbox (Päiväkoti)/x/unit.sqlite")) == "Dropbox (Päiväkoti)"
    assert find(Path("/g/My Drive/unit.sqlite")) == "My Drive"
    assert find(Path("/Users/a/Google Drive/unit.sqlite")) == "Google Drive"
    assert find(Path("/Users/a/Library/CloudStorage/GoogleDrive-a@b.fi/u.sqlite"))
    assert find(Path("/home/a/OneDriveNotes/unit.sqlite")) is None
    assert find(Path("/home/a/Documents/unit.sqlite")) is None
    assert find(Path("/home/a/OneDrive")) is None  # the file itself is not a folder


def test_an_impossible_stored_date_shows_on_every_screen_without_an_error(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """2026-02-31, written by another tool: every screen is shown (pytest-qt fails the test on
    any error raised in a slot) and the meeting reads as 28.2.2026."""
    import sqlite3

    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.ui.screens import SCREENS

    path = tmp_path / "unit.sqlite"
    write_demo(path, years=1)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE meeting SET date = '2026-02-31'")
        connection.execute("UPDATE operating_period SET end_date = '2027-07-32'")
        connection.execute("UPDATE action_item SET due_date = 'huomenna'")
    connection.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_database(path) is None
    for screen in SCREENS:
        window.show_page(screen.key)
        QApplication.processEvents()
    window.close()
