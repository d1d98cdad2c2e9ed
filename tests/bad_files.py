"""Unfit unit files of every kind the application must refuse without changing them.

Shared by the store, command-line and (later) GUI tests; ``tests/`` is on pytest's path.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
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
    for page in range(2, len(data) // page_size, 3):
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
