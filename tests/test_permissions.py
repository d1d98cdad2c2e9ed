"""Private files on POSIX: the unit file with its -wal and -shm, the lock, backups with their
folder and manifest, the copy kept before a restore, exports and crash logs are readable by
their owner only (files 0600, folders 0700), even under the common umask 022."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.paths import log_folder
from hyvinvointi_app.services import backups, members
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.unit_file import make_private_folder
from hyvinvointi_app.store.database import create_database, open_database
from hyvinvointi_app.store.files import write_atomically
from hyvinvointi_app.store.lock import lock_path_for
from hyvinvointi_app.ui.crash.log import new_crash_log

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def common_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def assert_private(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & 0o077 == 0, f"{path.name}: {mode:o}"


def test_the_unit_file_its_log_and_its_lock_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "Hyvinvointiryhma"
    make_private_folder(folder)
    path = folder / "unit.sqlite"
    create_database(path).close()
    db = open_database(path)
    try:
        members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
        wal = path.with_name(path.name + "-wal")
        shm = path.with_name(path.name + "-shm")
        assert wal.exists() and shm.exists()
        for file in (folder, path, wal, shm, lock_path_for(path)):
            assert_private(file)
    finally:
        db.close()


def test_backups_their_folder_manifest_and_kept_copies_are_private(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    first = backups.take_backup(path).path
    assert first is not None
    with open_database(path) as db:
        members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    kept = backups.restore(first, path)
    assert kept is not None
    folder = backups.default_folder(path)
    for file in (folder, first.parent, first, first.parent / backups.MANIFEST_NAME, kept, path):
        assert_private(file)


def test_exports_and_crash_logs_are_private(tmp_path: Path) -> None:
    export = tmp_path / "vuosikello.json"
    write_atomically(export, b"{}")
    assert_private(export)
    from hyvinvointi_app.ui.crash.log import new_crash_log

    log = new_crash_log(tmp_path / "logs")
    log.write()
    assert_private(tmp_path / "logs")
    assert_private(log.path)


def test_the_data_folder_and_the_settings_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Created 0755 / 0644 before: the settings list the paths of recent unit files."""
    from hyvinvointi_app.services.settings import BackupSettings, save_backup_settings
    from hyvinvointi_app.ui.context import open_settings

    home = tmp_path / "AppData" / "Hyvinvointiryhma"
    monkeypatch.setenv("HYVINVOINTI_HOME", str(home))
    settings = open_settings()
    settings.setValue("recent_files", [str(tmp_path / "unit.sqlite")])
    settings.sync()
    for file in (home, home / "settings.ini"):
        assert_private(file)
    save_backup_settings(BackupSettings(tmp_path / "USB"))
    assert_private(home / "settings.json")

    # A settings.ini an earlier version left readable by all is made private when opened.
    (home / "settings.ini").chmod(0o644)
    open_settings().sync()
    assert_private(home / "settings.ini")

    # The backup settings alone, as the command line writes them, and a crash log first of
    # all, create the data folder private too.
    for name, write in (
        ("cli", lambda: save_backup_settings(BackupSettings())),
        ("crash", lambda: new_crash_log(log_folder()).write()),
    ):
        fresh = tmp_path / name / "Hyvinvointiryhma"
        monkeypatch.setenv("HYVINVOINTI_HOME", str(fresh))
        write()
        assert_private(fresh)


def test_a_data_folder_left_open_by_an_earlier_version_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Earlier versions created the data folder 0755: whatever creates it now (the settings,
    the command line's backup settings, the wizard's unit file) also closes an existing one,
    as long as it is the user's own."""
    from hyvinvointi_app.services.settings import (
        BackupSettings,
        ensure_data_home,
        save_backup_settings,
    )
    from hyvinvointi_app.ui.context import open_settings

    home = tmp_path / "AppData" / "Hyvinvointiryhma"
    monkeypatch.setenv("HYVINVOINTI_HOME", str(home))
    for make_private in (
        ensure_data_home,
        lambda: open_settings().sync(),
        lambda: save_backup_settings(BackupSettings()),
        lambda: make_private_folder(home),
    ):
        home.mkdir(parents=True, exist_ok=True)
        home.chmod(0o755)
        make_private()
        assert stat.S_IMODE(home.stat().st_mode) == 0o700

    # A folder the director chose for the unit file (their documents) is theirs to share.
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    documents.chmod(0o755)
    make_private_folder(documents)
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755


def test_a_data_folder_of_another_owner_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shared folder set up by IT (another owner) is not ours to change, nor can it be."""
    from hyvinvointi_app.services import settings

    home = tmp_path / "shared"
    home.mkdir()
    home.chmod(0o755)
    monkeypatch.setenv("HYVINVOINTI_HOME", str(home))
    monkeypatch.setattr(settings.os, "getuid", lambda: home.stat().st_uid + 1)
    settings.ensure_data_home()
    assert stat.S_IMODE(home.stat().st_mode) == 0o755
