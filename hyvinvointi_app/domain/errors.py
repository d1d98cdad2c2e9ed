"""Errors a user can meet, as plain data.

The layer that shows them (the GUI or the command line) turns each into a translated
message with a way forward; see ``hyvinvointi_app.i18n.errors``. Nothing here knows a
language, so the store can raise them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


class UserError(Exception):
    """An error the user can understand and act on; never shown as a traceback."""


class DatabaseFileError(UserError):
    """Something is wrong with a unit file; the file itself has not been changed."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class DatabaseMissing(DatabaseFileError):
    """No file at the path."""


class DatabaseEmpty(DatabaseFileError):
    """A file of zero bytes: not a unit file, and not silently turned into one."""


class NotADatabase(DatabaseFileError):
    """Not an SQLite file at all (a document, an image, a truncated copy)."""


class ForeignDatabase(DatabaseFileError):
    """An SQLite file written by another application."""


class DatabaseDamaged(DatabaseFileError):
    """An SQLite file of ours whose pages fail the integrity check."""


class DatabaseTooNew(DatabaseFileError):
    """Written by a newer version of the application; opening it could damage it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(path, f"schema version {found}, this version supports {supported}")
        self.found = found
        self.supported = supported


class DatabaseReadOnly(DatabaseFileError):
    """The file (or its folder) cannot be written, so nothing typed could be saved."""


class DiskFull(DatabaseFileError):
    """The disk holding the file is full; the last change was not saved."""


class DiskFullAtOpening(DiskFull):
    """So little space is free beside the file that opening it for writing was refused."""


class MigrationFailed(DatabaseFileError):
    """A schema upgrade failed and was rolled back whole; the file is as it was."""


class DatabaseExists(DatabaseFileError):
    """A new unit file was asked for where a file already exists."""


@dataclass(frozen=True)
class LockHolder:
    """Who holds a unit file open: shown so the user can go and close it there."""

    host: str
    user: str
    pid: int
    since: dt.datetime


class DatabaseLocked(DatabaseFileError):
    """Another running copy of the application holds the file."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        super().__init__(path, f"held by {holder.user} on {holder.host} since {holder.since}")
        self.holder = holder


class BackupFolderMissing(UserError):
    """The chosen backup folder is not there (a USB stick out, a network drive away)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder


class NotFound(UserError):
    """A named thing (period, meeting, plan) does not exist in this unit file."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} not found: {key}")
        self.what = what
        self.key = key


class MemoLocked(UserError):
    """An approved memo is locked; it must be reopened, with a reason, to be edited."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"meeting {meeting_id} is approved and locked")
        self.meeting_id = meeting_id


class ValidationError(UserError):
    """Input that breaks a rule; ``field`` names the input so a form can show it beside it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
