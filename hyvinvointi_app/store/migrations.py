"""Numbered schema upgrades, run in one exclusive transaction (calibre's way).

``PRAGMA user_version`` holds the schema version. A new file gets the current schema from
the models directly; an older file is upgraded step by step by :data:`STEPS`, where
``STEPS[n]`` upgrades version ``n - 1`` to ``n``. A step that rebuilds a table must keep
its rows: foreign keys are switched off during the upgrade (a rebuild would otherwise fire
``ON DELETE CASCADE`` on the children) and ``PRAGMA foreign_key_check`` must be clean before
the upgrade commits. Any failure rolls the whole upgrade back.

To change the schema: change the models, add ``STEPS[SCHEMA_VERSION + 1]`` that brings a
file of the previous version to the same schema, raise :data:`SCHEMA_VERSION`, and commit a
fixture of the released version under ``tests/fixtures/`` (see tests/store/test_migrations.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 1
"""The schema this version of the application writes."""

APPLICATION_ID = 0x48595652
"""``PRAGMA application_id`` of our files ("HYVR"): tells our files from other SQLite files."""

Step = Callable[[sqlite3.Connection], None]

STEPS: dict[int, Step] = {}
"""Upgrade steps by the version they produce; version 1 is the first release."""


class MigrationError(Exception):
    """An upgrade step failed or left broken references; everything was rolled back."""


def upgrade(connection: sqlite3.Connection, steps: dict[int, Step] | None = None) -> int:
    """Bring the file to :data:`SCHEMA_VERSION`; return the version it had before.

    ``connection`` must be in autocommit mode (``isolation_level=None``).
    """
    steps = STEPS if steps is None else steps
    target = max([SCHEMA_VERSION, *steps])
    before = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if before >= target:
        return before
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        connection.execute("BEGIN EXCLUSIVE")
        try:
            for version in range(before + 1, target + 1):
                steps[version](connection)
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(f"upgrade left {len(broken)} broken references")
            connection.execute(f"PRAGMA user_version = {target}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.execute("PRAGMA foreign_keys = ON")
    return before
