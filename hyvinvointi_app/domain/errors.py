"""Errors a user can meet, as plain data.

The layer that shows them (the GUI or the command line) turns each into a translated
message with a way forward; see ``hyvinvointi_app.i18n.errors``. Nothing here knows a
language, so the store can raise them.
"""

from __future__ import annotations

import datetime as dt
import enum
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


class DiskIOError(DatabaseFileError):
    """The disk failed to read or write (a USB stick pulled out, a failing drive, a network
    drive gone); the last change was not saved."""


class DatabaseBusy(DatabaseFileError):
    """Another program kept the file busy for longer than we wait (a backup or antivirus
    program, a synchronising client); the last change was not saved."""


class PathTooLong(DatabaseFileError):
    """The file's full path is longer than SQLite can open (the file itself may be sound)."""

    def __init__(self, path: Path, length: int, limit: int) -> None:
        super().__init__(path, f"path of {length} bytes, at most {limit}")
        self.length = length
        self.limit = limit


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


class LockedByOtherComputer(DatabaseLocked):
    """The lock names another computer, and no process on this computer holds it: that
    computer may still have the file open (on a network share), or it crashed, or the folder
    was copied here from it. The user may take the file over, knowing what that risks."""


class LockNotAFile(DatabaseFileError):
    """The lock file's name holds a link, a folder or another special file. It was not opened
    or followed, so nothing it points to was touched; someone must remove it."""

    def __init__(self, path: Path, lock_path: Path, detail: str = "") -> None:
        why = f": {detail}" if detail else ""
        super().__init__(path, f"{lock_path} is not a regular file{why}")
        self.lock_path = lock_path


class LockLost(DatabaseFileError):
    """The lock file of an open unit file was removed, replaced or taken over, so another copy
    of the application may be writing to the file: this copy stops saving until it reopens."""


class BackupFolderMissing(UserError):
    """The chosen backup folder is not there (a USB stick out, a network drive away)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder


class BackupOfAnotherUnit(UserError):
    """The chosen backup holds another unit's data (two units' backups share a folder, e.g.
    a USB stick): restoring it would replace this unit's data with the other's."""

    def __init__(self, backup: Path, backup_unit: str, this_unit: str) -> None:
        super().__init__(f"{backup.name}: backup of {backup_unit!r}, not of {this_unit!r}")
        self.backup = backup
        self.backup_unit = backup_unit
        self.this_unit = this_unit


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


class MemoNotApproved(UserError):
    """A public version is made of an approved memo only (its privacy review done)."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"meeting {meeting_id} is not approved")
        self.meeting_id = meeting_id


class MemoRecordUnreadable(UserError):
    """An approved memo's kept record could not be read: written by a newer version of the
    program (``too_new``), or damaged."""

    def __init__(self, meeting_id: int, too_new: bool) -> None:
        super().__init__(f"memo record of meeting {meeting_id} unreadable (too new: {too_new})")
        self.meeting_id = meeting_id
        self.too_new = too_new


class ValidationError(UserError):
    """Input that breaks a rule; ``field`` names the input so a form can show it beside it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class WriteProblem(enum.Enum):
    """Why a file written on the user's behalf could not be written."""

    DISK_FULL = "disk_full"
    NO_PERMISSION = "no_permission"
    NO_FOLDER = "no_folder"
    IS_FOLDER = "is_folder"
    DISK_ERROR = "disk_error"
    IN_USE = "in_use"
    """Another program has the file open (a PDF reader on Windows) or keeps it busy."""
    EXISTS = "exists"
    """A file of that name exists, and replacing it was not asked for."""
    OTHER = "other"


class FileNotWritten(UserError):
    """An export or a backup could not be written; nothing half-written was left behind."""

    def __init__(self, path: Path, problem: WriteProblem, detail: str = "") -> None:
        super().__init__(f"{path}: {problem.value} {detail}".rstrip())
        self.path = path
        self.problem = problem
        self.detail = detail


class ExportRefusal(enum.Enum):
    """Why an export was refused before anything was written."""

    OPEN_UNIT_FILE = "open_unit_file"
    """The target is the unit file that is open (or its ``-wal``, ``-shm`` or ``.lock``)."""
    UNIT_FILE = "unit_file"
    """The target is a unit file, or any SQLite file, or a companion file of one."""
    BACKUP_FOLDER = "backup_folder"
    """The target lies inside the backup folder, which holds only backups."""
    OTHER_KIND = "other_kind"
    """An existing file of another kind (a Word file where a PDF would go)."""
    SOURCE = "source"
    """The target is a file the export is made from (a bundle, the list of expected units),
    or a target named twice."""


class ExportRefused(UserError):
    """An export target that would destroy something; refused before anything was written."""

    def __init__(self, path: Path, reason: ExportRefusal, kind: str) -> None:
        super().__init__(f"{path}: {reason.value} (writing {kind})")
        self.path = path
        self.reason = reason
        self.kind = kind
