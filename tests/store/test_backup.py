"""Backups through SQLite's backup API: one self-contained, private, checked file, taken while
the application writes, and never a damaged copy in the backup folder."""

from __future__ import annotations

import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_files import sha256
from sqlalchemy import func, select

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import DatabaseDamaged
from hyvinvointi_app.store.backup import backup_file
from hyvinvointi_app.store.database import create_database, inspect_file, open_database
from hyvinvointi_app.store.models import Member


def test_a_backup_taken_while_the_file_is_open_holds_every_commit(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    db = create_database(path)
    try:
        for i in range(50):
            with db.transaction() as session:
                session.add(Member(name=f"Jäsen {i}", role=Role.ECEC_STAFF))
        copy = backup_file(path, tmp_path / "backups")
        with db.transaction() as session:  # the writer goes on undisturbed
            session.add(Member(name="Myöhemmin", role=Role.ECEC_STAFF))
    finally:
        db.close()

    assert copy.parent == tmp_path / "backups"
    assert not list(copy.parent.glob("*.partial"))
    report = inspect_file(copy)
    assert report.integrity_ok
    assert report.journal_mode == "delete"  # one self-contained file, no -wal beside it
    if sys.platform != "win32":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    backup = open_database(copy)
    try:
        with backup.reading() as session:
            assert session.scalar(select(func.count()).select_from(Member)) == 50
    finally:
        backup.close()


def test_a_damaged_file_is_not_copied_and_leaves_the_folder_as_it_was(
    tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    path = make_bad_file("damaged", tmp_path / "unit.sqlite")
    before = sha256(path)
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "unit-20260101-120000.sqlite").write_bytes(b"an older good backup")
    with pytest.raises(DatabaseDamaged):
        backup_file(path, folder)
    assert sorted(p.name for p in folder.iterdir()) == ["unit-20260101-120000.sqlite"]
    assert sha256(path) == before


def test_the_copy_is_a_plain_sqlite_file_readable_without_the_application(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    copy = backup_file(path, tmp_path, name="copy.sqlite")
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
