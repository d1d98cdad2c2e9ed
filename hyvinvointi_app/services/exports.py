"""Every file the application writes on the user's behalf (reports, the coordinator bundle,
the annual clock, the activity log as CSV) goes through here, so that none can destroy data.

Before anything is written, a target is refused (:class:`ExportRefused`) when it is the open
unit file or belongs to it (``-wal``, ``-shm``, ``.lock``), when it is any other unit file or
SQLite file (nothing replaces one) or a companion of one, when it lies in the backup folder,
or when it is an existing file of another kind: a PDF may replace a PDF and a Word file a Word
file (the save dialog asks first; on the command line, only with ``--replace``), never one
the other. Then the file is written to a temporary name beside the target and renamed into
place, owner-only, so that an existing file is either the old one or the new one. Last, the
export is logged in the activity log; when the unit file cannot be written (opened
read-only), the export still stands and the result says that its log entry is missing.

Backups are written by ``services.backups`` into the backup folder, which this service
keeps every other file out of.
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hyvinvointi_app.domain.errors import (
    DatabaseFileError,
    ExportRefusal,
    ExportRefused,
    FileNotWritten,
    WriteProblem,
)
from hyvinvointi_app.services import audit
from hyvinvointi_app.services.backups import MANIFEST_NAME
from hyvinvointi_app.services.settings import default_folder, load_backup_settings
from hyvinvointi_app.store.database import SQLITE_HEADER, Database
from hyvinvointi_app.store.files import write_atomically
from hyvinvointi_app.store.storage_errors import writing_file

UNIT_FILE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")
"""Files SQLite and the application keep beside a unit file; never replaced by an export."""


class ExportKind(enum.Enum):
    """What is written, and so which existing file it may replace."""

    PDF = "pdf"
    DOCX = "docx"
    """A Word document (the editable copy of a report): a zip, but named ``.docx``."""
    ZIP = "zip"
    CSV = "csv"
    JSON = "json"
    XLSX = "xlsx"
    """An Excel workbook (the coordinator's overview): a zip, but named ``.xlsx``."""
    ICS = "ics"
    """A calendar file (iCalendar): a meeting, or a period's meetings."""
    HTML = "html"
    """A web page (the public version of a memo)."""
    EML = "eml"
    """An e-mail message (the invitation, a draft the e-mail program opens to send)."""

    @property
    def suffix(self) -> str:
        return "." + self.value


_MAGIC: dict[ExportKind, tuple[bytes, ...]] = {
    ExportKind.PDF: (b"%PDF-",),
    ExportKind.DOCX: (b"PK\x03\x04",),
    ExportKind.XLSX: (b"PK\x03\x04",),
    ExportKind.ZIP: (b"PK\x03\x04", b"PK\x05\x06"),
}
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0", SQLITE_HEADER)
"""PDF, zip (and so Word and Excel files), old Office files, SQLite: never text."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    logged: bool = True
    """False when the activity-log entry could not be written (a read-only unit file)."""


def protected_folders(unit_file: Path) -> tuple[Path, ...]:
    """The folders no export may write into: the default backup folder beside the unit file,
    and in the folder chosen in Settings every unit's backup subfolder (one with a
    manifest). The chosen folder itself may hold other files (a director may back up into
    Documents), so exports beside the subfolders are allowed."""
    default = default_folder(unit_file)
    chosen = load_backup_settings().folder_for(unit_file)
    folders = [default]
    if chosen != default:
        with contextlib.suppress(OSError):  # a stick that is out holds nothing to protect
            folders += [sub for sub in chosen.iterdir() if (sub / MANIFEST_NAME).is_file()]
    return tuple(folders)


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return path.absolute()


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _belongs_to(target: Path, unit_file: Path) -> bool:
    unit = _resolved(unit_file)
    names = {unit.name, *(unit.name + suffix for suffix in UNIT_FILE_COMPANIONS)}
    return target.parent == unit.parent and target.name in names


def _companion_of_unit_file(target: Path) -> bool:
    return any(
        target.name.endswith(suffix)
        and len(target.name) > len(suffix)
        and _is_sqlite(target.with_name(target.name[: -len(suffix)]))
        for suffix in UNIT_FILE_COMPANIONS
    )


def _is_of_kind(head: bytes, kind: ExportKind, path: Path) -> bool:
    """The file's name says ``kind`` and its first bytes agree (a Word file is a zip too,
    but not named ``.zip``); an empty file of the right name may be replaced."""
    if path.suffix.lower() != kind.suffix:
        return False
    if not head:
        return True
    magic = _MAGIC.get(kind)
    if magic is not None:
        return head.startswith(magic)
    return not head.startswith(_BINARY_MAGIC) and b"\0" not in head


def check_target(
    path: Path,
    kind: ExportKind,
    *,
    unit_file: Path | None = None,
    backup_folders: Sequence[Path] = (),
) -> bool:
    """Refuse a target that an export must not write, before anything is written.

    Returns True when an existing file of the same kind would be replaced (the caller asks
    first), False for a new file. Raises :class:`ExportRefused` or :class:`FileNotWritten`.
    """
    path = Path(path)
    target = _resolved(path)
    if unit_file is not None and _belongs_to(target, unit_file):
        raise ExportRefused(path, ExportRefusal.OPEN_UNIT_FILE, kind.value)
    if target.is_dir():
        raise FileNotWritten(path, WriteProblem.IS_FOLDER)
    if not target.parent.is_dir():
        raise FileNotWritten(path, WriteProblem.NO_FOLDER)
    if target.name == MANIFEST_NAME or any(
        target.is_relative_to(_resolved(folder)) for folder in backup_folders
    ):
        raise ExportRefused(path, ExportRefusal.BACKUP_FOLDER, kind.value)
    if _companion_of_unit_file(target):
        raise ExportRefused(path, ExportRefusal.UNIT_FILE, kind.value)
    if target.exists():
        try:
            with target.open("rb") as stream:
                head = stream.read(4096)
        except OSError as error:
            raise FileNotWritten(path, WriteProblem.NO_PERMISSION, str(error)) from error
        if head.startswith(SQLITE_HEADER):
            raise ExportRefused(path, ExportRefusal.UNIT_FILE, kind.value)
        if not _is_of_kind(head, kind, target):
            raise ExportRefused(path, ExportRefusal.OTHER_KIND, kind.value)
        return True
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise FileNotWritten(path, WriteProblem.NO_PERMISSION)
    return False


def check_export_target(
    db: Database, path: Path, kind: ExportKind, *, replace: bool = True
) -> bool:
    """:func:`check_target` for an export of the open unit file ``db``, before any work is
    done; with ``replace=False`` (the command line without ``--replace``) an existing file
    of the same kind is refused too."""
    exists = check_target(path, kind, unit_file=db.path, backup_folders=protected_folders(db.path))
    if exists and not replace:
        raise FileNotWritten(Path(path), WriteProblem.EXISTS)
    return exists


def export_file(
    db: Database,
    path: Path,
    data: bytes,
    kind: ExportKind,
    *,
    document: str,
    language: str,
    with_names: bool,
    details: dict[str, audit.DetailValue] | None = None,
    replace: bool = True,
) -> ExportResult:
    """Write an export of the open unit file ``db`` and log it in the activity log (what, in
    which language, with or without names, into which file name; never the contents). The
    file stands even if the log entry cannot be written; :attr:`ExportResult.logged` says so."""
    path = Path(path)
    check_export_target(db, path, kind, replace=replace)  # again: the file may be new since
    with writing_file(path):
        write_atomically(path, data)
    try:
        audit.log_export(
            db,
            document,
            language=language,
            with_names=with_names,
            file_name=path.name,
            **(details or {}),
        )
    except DatabaseFileError:  # read-only, a full disk: the export itself is done
        return ExportResult(path, logged=False)
    return ExportResult(path)


def write_export(path: Path, data: bytes, kind: ExportKind, *, replace: bool = True) -> Path:
    """Write an export that belongs to no unit file (the coordinator's overview, made from
    bundles): checked as every export is (never a unit file or its companions, never a file
    of another kind; an existing one only with ``replace``), written atomically. There is
    no activity log to write to."""
    path = Path(path)
    if check_target(path, kind) and not replace:
        raise FileNotWritten(path, WriteProblem.EXISTS)
    with writing_file(path):
        write_atomically(path, data)
    return path
