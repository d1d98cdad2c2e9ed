"""A full disk, a failing disk, a read-only or busy file: said plainly, never a traceback.

Two ways in: SQLite's own "database or disk is full" through SQLAlchemy (a page limit on the
connection, so it always runs), and a real file system that fills up (a small tmpfs; skipped
with the reason where mounting is not permitted).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import small_disk
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from hyvinvointi_app import cli
from hyvinvointi_app.domain.enums import AuditAction
from hyvinvointi_app.domain.errors import (
    DatabaseBusy,
    DatabaseReadOnly,
    DiskFull,
    DiskIOError,
    FileNotWritten,
    WriteProblem,
)
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.services import audit
from hyvinvointi_app.store.backup import backup_file
from hyvinvointi_app.store.database import Database, create_database
from hyvinvointi_app.store.storage_errors import storage_error, write_problem


def _sqlite_error(name: str, message: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("name", "message", "expected"),
    [
        ("SQLITE_FULL", "database or disk is full", DiskFull),
        ("SQLITE_IOERR_WRITE", "disk I/O error", DiskIOError),
        ("SQLITE_READONLY", "attempt to write a readonly database", DatabaseReadOnly),
        ("SQLITE_BUSY", "database is locked", DatabaseBusy),
        ("SQLITE_CANTOPEN", "unable to open database file", DiskIOError),
    ],
)
def test_sqlalchemy_wrapped_errors_become_the_users_errors(
    tmp_path: Path, name: str, message: str, expected: type
) -> None:
    wrapped = OperationalError("INSERT …", {}, _sqlite_error(name, message))
    assert isinstance(storage_error(wrapped, tmp_path / "unit.sqlite"), expected)
    assert isinstance(storage_error(_sqlite_error(name, message), tmp_path), expected)


def test_a_file_open_in_another_program_on_windows_is_in_use(tmp_path: Path) -> None:
    """Windows reports a sharing violation (a PDF open in a reader) as EACCES: not 'you may
    not save here' but 'close it there'."""
    error = PermissionError(13, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]
    target = tmp_path / "report.pdf"
    assert isinstance(storage_error(error, target), DatabaseBusy)
    problem = write_problem(error, target)
    assert problem is not None and problem.problem is WriteProblem.IN_USE
    plain = write_problem(PermissionError(13, "Permission denied"), target)
    assert plain is not None and plain.problem is WriteProblem.NO_PERMISSION


def test_other_database_errors_stay_bugs(tmp_path: Path) -> None:
    wrapped = OperationalError("SELECT", {}, _sqlite_error("SQLITE_ERROR", "no such table: x"))
    assert storage_error(wrapped, tmp_path) is None


def _limit_pages(db: Database) -> None:
    """Every connection may grow the file by no page more: SQLite then answers SQLITE_FULL."""
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_file_in_a_transaction_is_disk_full_and_nothing_changes(tmp_path: Path) -> None:
    db = create_database(tmp_path / "unit.sqlite")
    try:
        _limit_pages(db)
        with pytest.raises(DiskFull) as raised, db.transaction() as session:
            for number in range(5000):
                audit.record(session, AuditAction.EXPORTED, f"x{number}" * 20)
        assert "full" in describe(raised.value).lower() or "täynnä" in describe(raised.value)
        with db.reading() as session:
            assert session.execute(text("SELECT count(*) FROM audit_event")).scalar() == 0
    finally:
        db.close()


def test_a_real_disk_that_fills_up(tmp_path: Path) -> None:
    with small_disk.mounted(tmp_path / "disk", size_mb=8) as disk:
        db = create_database(disk / "unit.sqlite")
        try:
            small_disk.fill(disk)
            with pytest.raises(DiskFull):
                for number in range(2000):
                    audit.log_event(db, AuditAction.EXPORTED, f"{number}" + "x" * 100)
        finally:
            db.close()


def unit_of_3_mb(path: Path) -> Path:
    """A unit file whose copy needs about 3 MB."""
    db = create_database(path)
    with db.transaction() as session:
        session.execute(text("CREATE TABLE ballast (x BLOB)"))
        session.execute(text("INSERT INTO ballast VALUES (zeroblob(3000000))"))
    db.close()
    return path


def test_backup_onto_a_full_disk_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    source = unit_of_3_mb(tmp_path / "unit.sqlite")
    with small_disk.mounted(tmp_path / "stick", size_mb=4) as stick:
        small_disk.fill(stick)
        (stick / "filler.bin").write_bytes(b"\0" * (1024 * 1024))  # 1 MB free, 3 MB wanted
        with pytest.raises(FileNotWritten) as raised:
            backup_file(source, stick)
        assert raised.value.problem is WriteProblem.DISK_FULL
        assert sorted(p.name for p in stick.iterdir()) == ["filler.bin"]


def test_cli_backup_onto_a_full_disk_prints_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = unit_of_3_mb(tmp_path / "unit.sqlite")
    with small_disk.mounted(tmp_path / "stick", size_mb=4) as stick:
        (stick / "filler.bin").write_bytes(b"\0" * (3 * 1024 * 1024))
        assert cli.main(["--lang", "en", "backup", str(source), "--to", str(stick)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err and "Traceback" not in err


def test_cli_backup_onto_a_disk_full_to_the_last_byte_names_the_place_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not even the unit's subfolder's manifest fits: the line said "so . was not written",
    and an empty subfolder stayed on the stick."""
    source = unit_of_3_mb(tmp_path / "unit.sqlite")
    with small_disk.mounted(tmp_path / "stick", size_mb=4) as stick:
        small_disk.fill(stick)
        assert cli.main(["--lang", "en", "backup", str(source), "--to", str(stick)]) == 2
        left = sorted(p.name for p in stick.iterdir())
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err, err
    assert str(stick) in err and " . " not in err
    assert left == ["filler.bin"]
