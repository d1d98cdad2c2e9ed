"""Which unit a file belongs to, read read-only with plain ``sqlite3``: cheap enough to ask of
every backup in a folder (one connection, three small queries, nothing written); and a new
identity for a file that has taken another unit's data from a backup.

A file of schema version 3 or later carries a UUID of its own (``file_identity``); an older
file, or a backup taken before the upgrade, is known by the identity the upgrade derives
from its unit (:func:`~hyvinvointi_app.store.migrations.legacy_identity`).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from hyvinvointi_app.store import migrations
from hyvinvointi_app.store.files import read_only_uri


@dataclass(frozen=True)
class FileIdentity:
    uuid: str
    unit_name: str = ""
    """The unit's name as typed (Finnish name, else Swedish), for messages and folder names."""

    @property
    def short(self) -> str:
        """The first 8 characters of the UUID, as in a backup subfolder's name."""
        return self.uuid[:8]


def read_identity(path: Path) -> FileIdentity | None:
    """The identity of the unit file or backup at ``path``, or None when it cannot be read
    (missing, not SQLite, another application's, damaged) or holds no unit yet."""
    try:
        if not path.is_file():
            return None
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != migrations.APPLICATION_ID:
            return None
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        identity: str | None = None
        if version >= 3:
            row = connection.execute(
                f"SELECT uuid FROM {migrations.IDENTITY_TABLE} WHERE id = 1"
            ).fetchone()
            identity = str(row[0]) if row and row[0] else None
        else:
            identity = migrations.legacy_identity(connection)
        if identity is None:
            return None
        return FileIdentity(identity, _unit_name(connection))
    except (sqlite3.Error, TypeError, ValueError):
        return None
    finally:
        connection.close()


def identity_in(session: Session) -> str:
    """The identity of the open file (current schema, so it has the identity table)."""
    identity = session.execute(
        text(f"SELECT uuid FROM {migrations.IDENTITY_TABLE} WHERE id = 1")
    ).scalar_one()
    return str(identity)


def give_new_identity(path: Path) -> str:
    """Give the closed unit file at ``path`` a new random UUID, upgrading it to the current
    schema first (a file older than version 3 would otherwise get its old unit's derived
    identity back at the upgrade); return the UUID.

    For a file that has just taken another unit's data from a backup: it is a unit of its
    own from now on, so its backups never share that unit's subfolder.
    """
    identity = str(uuid.uuid4())
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        migrations.upgrade(connection)
        connection.execute(
            f"UPDATE {migrations.IDENTITY_TABLE} SET uuid = ? WHERE id = 1", (identity,)
        )
    finally:
        connection.close()
    return identity


def _unit_name(connection: sqlite3.Connection) -> str:
    try:
        row = connection.execute("SELECT name_fi, name_sv FROM unit ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        return ""
    if row is None:
        return ""
    return str(row[0] or row[1] or "")
