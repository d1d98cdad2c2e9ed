"""Unfit unit files of every kind the application must refuse without changing them.

Shared by the store, command-line and (later) GUI tests; ``tests/`` is on pytest's path.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

BAD_FILE_KINDS = ("empty", "text", "foreign", "too_new", "damaged", "read_only")
"""Every kind of unfit unit file the application must refuse without changing it."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unit_file(path: Path, members: int = 0) -> None:
    from hyvinvointi_app.domain.enums import Role
    from hyvinvointi_app.store.database import create_database
    from hyvinvointi_app.store.models import Member

    db = create_database(path)
    with db.transaction() as session:
        for i in range(members):
            session.add(Member(name=f"Jäsen {i} " + "x" * 200, role=Role.ECEC_STAFF))
    db.close()


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO photos (name) VALUES ('kesä.jpg')")
    connection.commit()
    connection.close()


def _too_new(path: Path) -> None:
    from hyvinvointi_app.store import migrations

    unit_file(path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()


def _damaged(path: Path) -> None:
    unit_file(path, members=400)
    data = bytearray(path.read_bytes())
    page_size = 4096
    for page in range(2, len(data) // page_size):
        start = page * page_size + 100
        data[start : start + 400] = bytes((page * 7 + i) % 251 for i in range(400))
    path.write_bytes(bytes(data))


def _read_only(path: Path) -> None:
    unit_file(path)
    path.chmod(0o400)


_MAKERS: dict[str, Callable[[Path], None]] = {
    "empty": lambda p: p.write_bytes(b""),
    "text": lambda p: p.write_text("Kokousmuistio 21.10.2020\n", encoding="utf-8"),
    "foreign": _foreign,
    "too_new": _too_new,
    "damaged": _damaged,
    "read_only": _read_only,
}


def make_bad_file(kind: str, path: Path) -> Path:
    """Write an unfit unit file of ``kind`` (one of :data:`BAD_FILE_KINDS`) at ``path``."""
    _MAKERS[kind](path)
    return path


# -- the cases that need more than a file: a half-applied upgrade, a full disk, a lock ------

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _half_migrated(path: Path) -> None:
    """A version-1 file in which part of the version-2 upgrade is already there (a tool or an
    old build that upgraded without a transaction): the upgrade fails and is rolled back."""
    import shutil

    shutil.copyfile(FIXTURES / "schema_v1.sqlite", path)
    path.chmod(0o600)
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIRTUAL TABLE memo_search USING fts5(text)")
    connection.commit()
    connection.close()


_MAKERS["half_migrated"] = _half_migrated

OPEN_FAILURE_KINDS = (*BAD_FILE_KINDS, "missing", "half_migrated", "locked", "full_disk")
"""Every case the GUI and the command line must explain; ``missing``, ``locked`` and
``full_disk`` are made by the tests themselves (a path, a holder, a small file system)."""


@contextlib.contextmanager
def full_disk(folder: Path, make: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """A 2 MB file system mounted at ``folder`` (root on Linux only; the test is skipped
    otherwise), holding a sound unit file and a filler that takes every free byte."""
    import pytest

    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small file system")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        (make or unit_file)(folder / "unit.sqlite")
        with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        yield folder / "unit.sqlite"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
