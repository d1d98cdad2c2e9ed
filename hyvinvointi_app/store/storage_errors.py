"""The one place where SQLite's and the operating system's write failures become the errors a
user can act on (a full disk, a failing disk, a read-only file, a file busy elsewhere).

SQLAlchemy wraps SQLite's errors (``sqlalchemy.exc.OperationalError``, the original in
``.orig``), the backup API and plain ``sqlite3`` raise them bare, and file writes raise
``OSError``: all three arrive here. SQLite names its error (``sqlite_errorname``, Python
3.11+): ``SQLITE_FULL``, ``SQLITE_IOERR_…``, ``SQLITE_READONLY_…``, ``SQLITE_BUSY_…``.
Anything else is left alone, to reach the crash report as the bug it is.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from hyvinvointi_app.domain.errors import (
    DatabaseBusy,
    DatabaseFileError,
    DatabaseReadOnly,
    DiskFull,
    DiskIOError,
    FileNotWritten,
    UserError,
    WriteProblem,
)

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_WINDOWS_IN_USE = {32, 33}
"""ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: another program (a PDF reader, an
antivirus scan) has the file open; Python reports them as EACCES, not as no permission."""
_NEARLY_FULL_BYTES = 256 * 1024
"""Less free space than this beside a file whose write failed: the disk is full."""


def _no_space_left(path: Path) -> bool:
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


def storage_error(error: BaseException, path: Path) -> DatabaseFileError | None:
    """The user's error for a failed read or write of ``path``, or None if it is not one."""
    original: BaseException | None = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, sqlite3.Error):
        name = str(getattr(original, "sqlite_errorname", "") or "")
        text = str(original).lower()
        detail = f"{name or 'SQLite'}: {original}"
        if name == "SQLITE_FULL" or "database or disk is full" in text:
            return DiskFull(path, detail)
        if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
            # A full disk often arrives as an I/O error (SQLITE_IOERR_SHMSIZE, _WRITE).
            return DiskFull(path, detail) if _no_space_left(path) else DiskIOError(path, detail)
        if name.startswith("SQLITE_READONLY") or "readonly database" in text:
            return DatabaseReadOnly(path, detail)
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
            return DatabaseBusy(path, detail)
        if name.startswith("SQLITE_CANTOPEN"):  # the file's disk went away (a USB stick)
            return DiskIOError(path, detail)
        return None
    if isinstance(original, OSError):
        detail = original.strerror or type(original).__name__
        if getattr(original, "winerror", None) in _WINDOWS_IN_USE:
            return DatabaseBusy(path, detail)
        if original.errno in _FULL_ERRNOS:
            return DiskFull(path, detail)
        if original.errno == errno.EIO:
            return DiskIOError(path, detail)
        if original.errno in _READ_ONLY_ERRNOS:
            return DatabaseReadOnly(path, detail)
    return None


def storage_errors(path: Path) -> contextlib.AbstractContextManager[None]:
    """Raise the user's error (see :func:`storage_error`) in place of a storage failure."""
    return _mapping(storage_error, path)


_PROBLEMS = {DiskFull: WriteProblem.DISK_FULL, DiskIOError: WriteProblem.DISK_ERROR}


def write_problem(error: BaseException, path: Path) -> FileNotWritten | None:
    """The user's error for a file (an export, a backup) that could not be written."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, FileNotFoundError):
        return FileNotWritten(path, WriteProblem.NO_FOLDER, str(original.filename or ""))
    if isinstance(original, IsADirectoryError):
        return FileNotWritten(path, WriteProblem.IS_FOLDER)
    mapped = storage_error(error, path)
    if isinstance(mapped, DatabaseBusy):
        return FileNotWritten(path, WriteProblem.IN_USE, mapped.detail)
    if isinstance(mapped, DatabaseReadOnly):
        return FileNotWritten(path, WriteProblem.NO_PERMISSION, mapped.detail)
    if mapped is not None:
        return FileNotWritten(path, _PROBLEMS.get(type(mapped), WriteProblem.OTHER), mapped.detail)
    if isinstance(original, OSError):
        return FileNotWritten(path, WriteProblem.OTHER, original.strerror or str(original))
    return None


def writing_file(path: Path) -> contextlib.AbstractContextManager[None]:
    """Raise :class:`FileNotWritten` in place of any failure to write ``path``."""
    return _mapping(write_problem, path)


@contextlib.contextmanager
def _mapping(
    mapper: Callable[[BaseException, Path], UserError | None], path: Path
) -> Iterator[None]:
    try:
        yield
    except UserError:
        raise
    except (DBAPIError, sqlite3.Error, OSError) as error:
        mapped = mapper(error, path)
        if mapped is None:
            raise
        raise mapped from error
