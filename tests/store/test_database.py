"""The unit file: created private, in WAL with synchronous=FULL, and every unfit file refused
before anything is written to it."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_files import sha256
from sqlalchemy import text

from hyvinvointi_app.domain.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseExists,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    ForeignDatabase,
    NotADatabase,
)
from hyvinvointi_app.store import migrations
from hyvinvointi_app.store.database import create_database, inspect_file, open_database


def test_new_file_is_private_wal_and_identified(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    db = create_database(path)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
            assert app_id == migrations.APPLICATION_ID
            version = connection.exec_driver_sql("PRAGMA user_version").scalar()
            assert version == migrations.SCHEMA_VERSION
    finally:
        db.close()
    report = inspect_file(path)
    assert report.integrity_ok and report.journal_mode == "wal"


def test_every_pooled_connection_gets_the_pragmas(tmp_path: Path) -> None:
    db = create_database(tmp_path / "unit.sqlite")
    try:
        connections = [db.engine.connect() for _ in range(3)]
        for connection in connections:
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        for connection in connections:
            connection.close()
    finally:
        db.close()


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    path.write_bytes(b"precious")
    with pytest.raises(DatabaseExists):
        create_database(path)
    assert path.read_bytes() == b"precious"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        open_database(tmp_path / "nothing.sqlite")
    assert not (tmp_path / "nothing.sqlite").exists()


EXPECTED = {
    "empty": DatabaseEmpty,
    "text": NotADatabase,
    "foreign": ForeignDatabase,
    "too_new": DatabaseTooNew,
    "damaged": DatabaseDamaged,
    "read_only": DatabaseReadOnly,
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_unfit_files_are_refused_and_left_byte_for_byte(
    tmp_path: Path, kind: str, make_bad_file: Callable[[str, Path], Path]
) -> None:
    """Read-only is refused even for root, who could write anyway."""
    path = make_bad_file(kind, tmp_path / "unit.sqlite")
    before = sha256(path)
    with pytest.raises(EXPECTED[kind]):
        open_database(path)
    assert sha256(path) == before
    assert not (tmp_path / "unit.sqlite-wal").exists()
    assert not (tmp_path / "unit.sqlite-shm").exists()


def test_missing_truncated_header_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    path.write_bytes(b"SQLite format 3\x00\x10")
    with pytest.raises(NotADatabase):
        open_database(path)


def test_inspect_finds_damage_without_writing(
    tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    path = make_bad_file("damaged", tmp_path / "unit.sqlite")
    before = sha256(path)
    try:
        report = inspect_file(path)
    except DatabaseDamaged:
        pass
    else:
        assert not report.integrity_ok
    assert sha256(path) == before


def test_second_open_in_the_same_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    db = create_database(path)
    try:
        with pytest.raises(DatabaseLocked) as caught:
            open_database(path)
        assert caught.value.holder.pid == os.getpid()
    finally:
        db.close()
    open_database(path).close()  # released on close


def test_a_sound_file_at_a_very_long_path_is_told_as_such(tmp_path: Path) -> None:
    """SQLite's POSIX layer opens paths of at most about 504 bytes: a longer one is not
    'not our file' but a path to shorten (issue: it was called not a Hyvinvointiryhmä file)."""
    from hyvinvointi_app.domain.errors import PathTooLong
    from hyvinvointi_app.i18n.errors import describe
    from hyvinvointi_app.store.database import MAX_PATH_BYTES

    short = tmp_path / "unit.sqlite"
    create_database(short).close()
    folder = tmp_path
    while len(os.fsencode(folder)) < MAX_PATH_BYTES:
        folder = folder / ("kansio-" + "ä" * 60)
    folder.mkdir(parents=True)
    long = folder / "unit.sqlite"
    os.replace(short, long)
    with pytest.raises(PathTooLong) as raised:
        open_database(long)
    with pytest.raises(PathTooLong):
        inspect_file(long)
    with pytest.raises(PathTooLong):
        create_database(folder / "new.sqlite")
    assert "path" in describe(raised.value).lower() or "polku" in describe(raised.value)
    assert not any(p.name.endswith((".lock", "-wal")) for p in folder.iterdir())
