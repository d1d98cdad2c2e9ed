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
from hyvinvointi_app.services import backups, members
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.unit_file import make_private_folder
from hyvinvointi_app.store.database import create_database, open_database
from hyvinvointi_app.store.files import write_atomically
from hyvinvointi_app.store.lock import lock_path_for

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
    for file in (folder, first, folder / backups.MANIFEST_NAME, kept, path):
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
