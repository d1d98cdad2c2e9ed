"""A lock file beside the unit file that says which computer holds it.

An operating-system lock on the lock file tells whether its holder is still alive (the
lock dies with the process, even on SIGKILL or power loss); the JSON inside tells a second
copy of the application who to ask. On a network share where the two computers' locks do
not meet, a lock naming another computer is honoured until the user removes it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict
from pathlib import Path
from typing import IO

from hyvinvointi_app.domain.errors import DatabaseLocked, DatabaseReadOnly, LockHolder

_LOCK_OFFSET = 1 << 20
"""Lock a byte far past the JSON, so that on Windows the JSON stays readable to others."""


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account): say so rather than fail
        return "?"


def _try_os_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _LOCK_OFFSET)
    except OSError:
        return False
    return True


def _read_holder(handle: IO[bytes]) -> LockHolder | None:
    handle.seek(0)
    try:
        data = json.loads(handle.read(4096).decode("utf-8"))
        return LockHolder(
            host=str(data["host"]),
            user=str(data["user"]),
            pid=int(data["pid"]),
            since=dt.datetime.fromisoformat(data["since"]),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


_HELD_IN_THIS_PROCESS: dict[Path, LockHolder] = {}
"""Operating-system locks are per process on POSIX, so a second open in the same process
would succeed and its release would drop the first one's lock: we refuse it here."""


class FileLock:
    """Held while a unit file is open for writing; released on :meth:`release`."""

    def __init__(self, database: Path) -> None:
        self.path = lock_path_for(database)
        self._database = database
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        key = self.path.resolve()
        if key in _HELD_IN_THIS_PROCESS:
            raise DatabaseLocked(self._database, _HELD_IN_THIS_PROCESS[key])
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except PermissionError as error:
            raise DatabaseReadOnly(self._database, "cannot create lock file") from error
        handle = os.fdopen(fd, "r+b")
        if not _try_os_lock(handle):
            holder = _read_holder(handle) or LockHolder("?", "?", 0, dt.datetime.now())
            handle.close()
            raise DatabaseLocked(self._database, holder)
        previous = _read_holder(handle)
        here = socket.gethostname()
        if previous is not None and previous.host != here:
            handle.close()
            raise DatabaseLocked(self._database, previous)
        mine = LockHolder(
            here, _current_user(), os.getpid(), dt.datetime.now().replace(microsecond=0)
        )
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({**asdict(mine), "since": mine.since.isoformat()}).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
        self._handle = handle
        _HELD_IN_THIS_PROCESS[key] = mine

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        _HELD_IN_THIS_PROCESS.pop(self.path.resolve(), None)
        # The empty file stays: removing it would race with a copy that has just opened it
        # and let a third copy lock a new file of the same name beside it.
        handle.seek(0)
        handle.truncate()
        handle.close()
