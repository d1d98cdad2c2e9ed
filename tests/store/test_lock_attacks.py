"""The lock cannot be tricked: a lock file that is a link, a folder or a fifo is refused without
touching what it points to; a lock removed, replaced or taken over while the file is open stops
the writing; and a lock left by another computer names its holder and can be taken over, but
never from a live process on this computer."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import (
    DatabaseLocked,
    LockedByOtherComputer,
    LockHolder,
    LockLost,
    LockNotAFile,
)
from hyvinvointi_app.store.database import Database, create_database, open_database
from hyvinvointi_app.store.files import read_only_uri
from hyvinvointi_app.store.lock import lock_path_for
from hyvinvointi_app.store.models import Member

VICTIM_TEXT = b"A file the lock must never write to.\n" * 10

HOLDER = """
import sys
from pathlib import Path
from hyvinvointi_app.store.database import open_database
db = open_database(Path(sys.argv[1]))
print("opened", flush=True)
sys.stdin.readline()
db.close()
"""


def _unit_file(tmp_path: Path) -> Path:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    return path


def _members(path: Path) -> int:
    """The number of members, read through a plain read-only connection (no lock)."""
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM member").fetchone()[0])
    finally:
        connection.close()


def _add_member(db: Database, name: str) -> None:
    with db.transaction() as session:
        session.add(Member(name=name, role=Role.ECEC_STAFF))


def _write_foreign_lock(path: Path, host: str = "other-pc", user: str = "aino") -> LockHolder:
    holder = LockHolder(host, user, 4242, dt.datetime(2026, 11, 23, 13, 5))
    lock_path_for(path).write_text(
        json.dumps({"host": host, "user": user, "pid": 4242, "since": holder.since.isoformat()}),
        encoding="utf-8",
    )
    return holder


# -- 1. a lock that is not a regular file --------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need a privilege on Windows")
@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-file", "dangling"])
def test_a_symlinked_lock_is_refused_and_its_target_untouched(
    tmp_path: Path, dangling: bool
) -> None:
    path = _unit_file(tmp_path)
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    if not dangling:
        victim.write_bytes(VICTIM_TEXT)
    lock = lock_path_for(path)
    lock.unlink(missing_ok=True)
    lock.symlink_to(victim)

    with pytest.raises(LockNotAFile) as caught:
        open_database(path)

    assert caught.value.lock_path == lock
    assert lock.is_symlink()
    if dangling:
        assert not victim.exists()  # not created through the link either
    else:
        assert victim.read_bytes() == VICTIM_TEXT
    assert not path.with_name(path.name + "-wal").exists()  # nothing opened for writing


@pytest.mark.skipif(sys.platform == "win32", reason="no hard links to test with there")
def test_a_hard_linked_lock_is_refused_and_the_other_name_untouched(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(VICTIM_TEXT)
    lock = lock_path_for(path)
    lock.unlink(missing_ok=True)
    os.link(victim, lock)

    with pytest.raises(LockNotAFile):
        open_database(path)

    assert victim.read_bytes() == VICTIM_TEXT


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_lock_that_is_a_folder_or_fifo_is_refused(tmp_path: Path, kind: str) -> None:
    path = _unit_file(tmp_path)
    lock = lock_path_for(path)
    lock.unlink(missing_ok=True)
    if kind == "folder":
        lock.mkdir()
        (lock / "inside.txt").write_bytes(VICTIM_TEXT)
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no fifos on this system")
        os.mkfifo(lock)

    with pytest.raises(LockNotAFile):
        open_database(path)

    if kind == "folder":
        assert (lock / "inside.txt").read_bytes() == VICTIM_TEXT


# -- 2. a lock removed or replaced while the file is open ----------------------------------


def test_a_lock_deleted_while_open_stops_the_writing(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    db = open_database(path)
    try:
        _add_member(db, "Ennen")
        lock_path_for(path).unlink()

        with pytest.raises(LockLost):
            _add_member(db, "Jälkeen")
        with pytest.raises(LockLost):  # and it stays refused
            _add_member(db, "Vielä")
        with db.reading() as session:
            assert session.scalar(select(func.count()).select_from(Member)) == 1
    finally:
        db.close()
    assert _members(path) == 1


def test_a_lock_replaced_while_open_stops_the_writing(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    db = open_database(path)
    try:
        lock = lock_path_for(path)
        stranger = tmp_path / "another.lock"
        stranger.write_bytes(lock.read_bytes())  # the same words, another file
        os.replace(stranger, lock)

        with pytest.raises(LockLost):
            _add_member(db, "Jälkeen")
    finally:
        db.close()
    assert _members(path) == 0
    assert lock_path_for(path).read_bytes() != b""  # a lock not ours is not emptied on close


def test_a_lock_rewritten_for_another_computer_stops_the_writing(tmp_path: Path) -> None:
    """On a network share whose locks do not meet, another computer's take-over rewrites the
    same lock file: this copy must stop saving and must not wipe the other's lock on close."""
    path = _unit_file(tmp_path)
    db = open_database(path)
    try:
        _add_member(db, "Ennen")
        lock = lock_path_for(path)
        with lock.open("r+b") as handle:  # in place: same file, new holder
            handle.write(
                json.dumps(
                    {"host": "other-pc", "user": "x", "pid": 1, "since": "2026-12-01T10:00:00"}
                ).encode()
            )
            handle.truncate()
        with pytest.raises(LockLost):
            _add_member(db, "Jälkeen")
    finally:
        db.close()
    assert _members(path) == 1
    assert json.loads(lock_path_for(path).read_text())["host"] == "other-pc"


@pytest.mark.skipif(sys.platform == "win32", reason="an open file cannot be deleted there")
def test_a_second_process_opening_after_the_delete_is_the_only_writer(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    db = open_database(path)
    try:
        lock_path_for(path).unlink()
        second = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert second.stdout is not None and second.stdout.readline().strip() == "opened"
            with pytest.raises(LockLost):
                _add_member(db, "Kaksi kirjoittajaa")
        finally:
            second.communicate("\n", timeout=20)
    finally:
        db.close()
    assert _members(path) == 0


# -- 3. a lock left by another computer -----------------------------------------------------


def test_a_lock_from_another_computer_names_its_holder(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    holder = _write_foreign_lock(path)

    with pytest.raises(LockedByOtherComputer) as caught:
        open_database(path)

    assert caught.value.holder == holder
    assert json.loads(lock_path_for(path).read_text())["host"] == "other-pc"  # untouched


def test_a_lock_from_another_computer_can_be_taken_over(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    holder = _write_foreign_lock(path)

    db = open_database(path, take_over_from=holder)
    try:
        written = json.loads(lock_path_for(path).read_text())
        assert written["host"] == socket.gethostname()
        assert written["pid"] == os.getpid()
        _add_member(db, "Uusi kone")
    finally:
        db.close()
    assert _members(path) == 1
    open_database(path).close()  # and it is an ordinary file of this computer again


def test_a_take_over_from_a_holder_no_longer_there_is_refused(tmp_path: Path) -> None:
    """Between the question and the answer, a third computer took the file: ask again."""
    path = _unit_file(tmp_path)
    asked_about = _write_foreign_lock(path, host="other-pc")
    now_held_by = _write_foreign_lock(path, host="third-pc", user="bertil")

    with pytest.raises(LockedByOtherComputer) as caught:
        open_database(path, take_over_from=asked_about)

    assert caught.value.holder == now_held_by
    assert json.loads(lock_path_for(path).read_text())["host"] == "third-pc"


def test_a_live_process_on_this_computer_is_never_taken_over(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    holder_process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder_process.stdout is not None
        assert holder_process.stdout.readline().strip() == "opened"
        with pytest.raises(DatabaseLocked) as caught:
            open_database(path)
        live = caught.value.holder
        assert not isinstance(caught.value, LockedByOtherComputer)
        with pytest.raises(DatabaseLocked) as again:
            open_database(path, take_over_from=live)
        assert not isinstance(again.value, LockedByOtherComputer)
        assert json.loads(lock_path_for(path).read_text())["pid"] == holder_process.pid
    finally:
        holder_process.communicate("\n", timeout=20)


def test_a_file_open_in_this_process_is_never_taken_over(tmp_path: Path) -> None:
    path = _unit_file(tmp_path)
    db = open_database(path)
    try:
        with pytest.raises(DatabaseLocked) as caught:
            open_database(path)
        with pytest.raises(DatabaseLocked):
            open_database(path, take_over_from=caught.value.holder)
        _add_member(db, "Yhä kirjoittaa")  # the first copy keeps its lock
    finally:
        db.close()
