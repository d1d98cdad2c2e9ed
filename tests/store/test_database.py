"""The unit file: created private, in WAL with synchronous=FULL, and every unfit file refused
before anything is written to it."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
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
from hyvinvointi_app.store.models import Member


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_unit_file(path: Path, members: int = 0) -> None:
    db = create_database(path)
    from hyvinvointi_app.domain.enums import Role

    with db.transaction() as session:
        for i in range(members):
            session.add(Member(name=f"Jäsen {i} " + "x" * 200, role=Role.ECEC_STAFF))
    db.close()


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


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO photos (name) VALUES ('kesä.jpg')")
    connection.commit()
    connection.close()


def _too_new(path: Path) -> None:
    make_unit_file(path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()


def _damaged(path: Path) -> None:
    make_unit_file(path, members=400)
    data = bytearray(path.read_bytes())
    page_size = 4096
    for page in range(2, len(data) // page_size, 3):
        start = page * page_size + 100
        data[start : start + 400] = os.urandom(400)
    path.write_bytes(bytes(data))


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), DatabaseEmpty),
    "text": (lambda p: p.write_text("Kokousmuistio 21.10.2020\n", encoding="utf-8"), NotADatabase),
    "truncated header": (lambda p: p.write_bytes(b"SQLite format 3\x00\x10"), NotADatabase),
    "foreign sqlite": (_foreign, ForeignDatabase),
    "too new": (_too_new, DatabaseTooNew),
    "damaged": (_damaged, DatabaseDamaged),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_unfit_files_are_refused_and_left_byte_for_byte(tmp_path: Path, case: str) -> None:
    make, expected = BAD_FILES[case]
    path = tmp_path / "unit.sqlite"
    make(path)
    before = digest(path)
    with pytest.raises(expected):
        open_database(path)
    assert digest(path) == before
    assert not (tmp_path / "unit.sqlite-wal").exists() or case == "damaged"


def test_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    make_unit_file(path)
    path.chmod(0o400)
    before = digest(path)
    with pytest.raises(DatabaseReadOnly):
        open_database(path)
    assert digest(path) == before


def test_inspect_reports_damage_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _damaged(path)
    before = digest(path)
    with pytest.raises(DatabaseDamaged):
        report = inspect_file(path)
        assert not report.integrity_ok  # some damage only the full check finds
        raise DatabaseDamaged(path)
    assert digest(path) == before


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
