"""Automatic backups on real files: taken only when the data changed, thinned only after a good
copy, never into a missing USB folder, and a restore that keeps the current file and pins the
restored backup against thinning. Each unit's backups are in its own subfolder of the backup
folder (two units sharing one folder: tests/services/test_backup_identity.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_files import sha256

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import BackupFolderMissing, DatabaseDamaged, DatabaseLocked
from hyvinvointi_app.services import meetings, members, periods
from hyvinvointi_app.services.backups import (
    MANIFEST_NAME,
    BackupKind,
    Outcome,
    RetentionPolicy,
    list_backups,
    make_unit_subfolder,
    read_contents,
    restore,
    take_backup,
)
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.store.database import create_database, open_database
from hyvinvointi_app.store.identity import read_identity


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("unit-*.sqlite"))


def test_a_backup_is_taken_only_when_the_data_changed(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    first = take_backup(path)
    assert first.outcome is Outcome.WRITTEN and first.path is not None
    folder = first.path.parent  # the unit's subfolder of ``backups`` beside the file
    assert folder.parent == tmp_path / "backups" and folder.name.startswith("unit-")
    assert take_backup(path).outcome is Outcome.UNCHANGED  # same size and time: no copy

    db = open_database(path)
    try:
        assert take_backup(path).outcome is Outcome.UNCHANGED  # opening alone changes nothing
        members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
        while_open = take_backup(path, now=dt.datetime.now() + dt.timedelta(seconds=5))
        assert while_open.outcome is Outcome.WRITTEN
    finally:
        db.close()  # checkpoints: the file's time changes, its data does not
    after_close = take_backup(path, now=dt.datetime.now() + dt.timedelta(seconds=10))
    assert after_close.outcome is Outcome.UNCHANGED
    assert after_close.path == while_open.path
    assert len(_names(folder)) == 2
    assert (folder / MANIFEST_NAME).exists()


def test_a_damaged_file_writes_nothing_and_thins_nothing(
    tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    path = make_bad_file("damaged", tmp_path / "unit.sqlite")
    folder = tmp_path / "backups"
    folder.mkdir()
    old = [folder / f"unit-2025{month:02d}01-120000.sqlite" for month in range(1, 13)]
    for file in old:
        file.write_bytes(b"good old backup")
    before = sha256(path)
    with pytest.raises(DatabaseDamaged):
        take_backup(path, folder, RetentionPolicy(last=1, daily=0, weekly=0, monthly=0))
    assert _names(folder) == sorted(p.name for p in old)
    assert sha256(path) == before


def test_a_missing_chosen_folder_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    stick = tmp_path / "media" / "USB" / "Varmuuskopiot"
    with pytest.raises(BackupFolderMissing) as caught:
        take_backup(path, stick)
    assert caught.value.folder == stick
    assert not (tmp_path / "media").exists()


def test_thinning_runs_after_a_good_copy_and_spares_kept_copies(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    identity = read_identity(path)
    assert identity is not None
    own = make_unit_subfolder(folder, identity)
    now = dt.datetime(2026, 11, 23, 15, 0)
    for day in range(1, 60):  # two a day for 59 days
        for hour in (9, 14):
            moment = now - dt.timedelta(days=day) + dt.timedelta(hours=hour - 15)
            (own / f"unit-{moment:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    (own / "unit-before-restore-20260101-100000.sqlite").write_bytes(b"kept")
    (own / "unit.before-upgrade-v1.sqlite").write_bytes(b"kept")
    (folder / "other-20260101-100000.sqlite").write_bytes(b"another file's")
    (folder / "unit-20260101-100000.sqlite").write_bytes(b"whose? cannot be read")

    result = take_backup(path, folder, RetentionPolicy(), now=now)

    assert result.outcome is Outcome.WRITTEN and result.removed
    assert result.path is not None and result.path.parent == own
    automatic = [e for e in list_backups(path, folder) if e.kind is BackupKind.AUTOMATIC]
    assert automatic[0].path == result.path
    # The ten newest (back to 18.11.), one a day back to 10.11., the newest of the weeks
    # back to 5.10. (five more), of October (31.10.) and of September (30.9.).
    assert len(automatic) == 10 + 8 + 5 + 2
    assert dt.datetime(2026, 10, 31, 14, 0) in {e.taken for e in automatic}
    older = [e.taken for e in automatic[10:]]
    assert len({t.date() for t in older}) == len(older)
    assert min(older) == dt.datetime(2026, 9, 30, 14, 0)  # the newest of September
    assert {e.kind for e in list_backups(path, folder)} == set(BackupKind)
    assert (folder / "other-20260101-100000.sqlite").exists()
    assert (folder / "unit-20260101-100000.sqlite").exists()  # unknown unit: never thinned
    assert (own / "unit-before-restore-20260101-100000.sqlite").exists()


def _unit_with_meetings(path: Path, count: int) -> None:
    db = create_database(path) if not path.exists() else open_database(path)
    period = periods.current_period(db) if count == 0 else None
    if period is None:
        period = periods.add_period(db)
    for i in range(count):
        meetings.new_meeting(db, period.id, dt.date(2026, 9, 1) + dt.timedelta(days=20 * i))
    db.close()


def test_a_backup_tells_its_newest_meeting_read_only(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meetings(path, 3)
    copy = take_backup(path).path
    assert copy is not None
    before = sha256(copy)
    contents = read_contents(copy)
    assert contents.readable and contents.meetings == 3
    assert contents.newest_meeting is not None
    assert contents.newest_meeting.date == dt.date(2026, 10, 11)
    assert contents.newest_meeting.number == 3
    assert sha256(copy) == before
    assert not copy.with_name(copy.name + "-wal").exists()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database")
    assert not read_contents(junk).readable


def test_restore_keeps_the_current_file_and_pins_the_restored_backup(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meetings(path, 1)
    folder = tmp_path / "backups"
    old = take_backup(path, now=dt.datetime(2026, 1, 1, 12, 0)).path
    assert old is not None
    db = open_database(path)
    members.add_member(db, MemberInput("Myöhempi Jäsen", Role.ECEC_STAFF))
    db.close()

    kept = restore(old, path)

    assert kept is not None and kept.parent == old.parent and "before-restore" in kept.name
    assert old.parent.parent == folder
    with open_database(kept) as db:
        assert [m.name for m in members.list_members(db)] == ["Myöhempi Jäsen"]
    with open_database(path) as db:
        assert members.list_members(db) == []
    # A year of hourly backups later, the restored one is still there.
    policy = RetentionPolicy(last=1, daily=0, weekly=0, monthly=0)
    db = open_database(path)
    members.add_member(db, MemberInput("Uusi Jäsen", Role.ECEC_STAFF))
    db.close()
    take_backup(path, policy=policy, now=dt.datetime(2027, 6, 1))
    assert old.exists() and kept.exists()


def test_restore_over_a_damaged_file_keeps_its_bytes(
    tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    good = tmp_path / "good.sqlite"
    _unit_with_meetings(good, 2)
    path = make_bad_file("damaged", tmp_path / "unit.sqlite")
    damaged_bytes = path.read_bytes()
    kept = restore(good, path)
    assert kept is not None and kept.read_bytes() == damaged_bytes
    assert read_contents(path).meetings == 2


def test_restore_refuses_a_file_another_copy_holds(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meetings(path, 1)
    copy = take_backup(path).path
    assert copy is not None
    db = open_database(path)
    try:
        before = sha256(path)
        with pytest.raises(DatabaseLocked):
            restore(copy, path)
        assert sha256(path) == before
    finally:
        db.close()


def test_restore_refuses_a_damaged_backup(
    tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meetings(path, 1)
    bad = make_bad_file("damaged", tmp_path / "bad.sqlite")
    before = sha256(path)
    with pytest.raises(DatabaseDamaged):
        restore(bad, path)
    assert sha256(path) == before
    assert not list((tmp_path).glob("*.restoring*"))
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
