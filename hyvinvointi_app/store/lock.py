"""A lock file beside the unit file that says which computer holds it.

An operating-system lock on the lock file tells whether its holder is still alive (the
lock dies with the process, even on SIGKILL or power loss); the JSON inside tells a second
copy of the application who to ask. On a network share where the two computers' locks do
not meet, a lock naming another computer is honoured until the user takes the file over.

The lock cannot be tricked into writing elsewhere: a lock file that is a link, a folder or
any other special file is refused without being followed. And while a file is open, each
write transaction first checks (one ``stat``) that the lock file at the path is still the
one held and still names this copy, so that a lock removed, replaced or taken over stops
the writing instead of letting two copies write at once.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import stat
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import IO

from hyvinvointi_app.domain.errors import (
    DatabaseLocked,
    DatabaseReadOnly,
    LockedByOtherComputer,
    LockHolder,
    LockLost,
    LockNotAFile,
)

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


_OPEN_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)  # POSIX: a link at the name fails instead of being followed
    | getattr(os, "O_NONBLOCK", 0)  # a fifo swapped in after the check cannot hang the open
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
)


def _open_lock_file(database: Path, path: Path) -> int:
    """Open (or create) the lock file only if it is a plain file with no other name.

    ``O_NOFOLLOW`` refuses a link where the system has it; on Windows, which has not, the
    ``lstat`` before and the identity comparison after the open catch a link or a swap. Nothing
    is written before every check has passed.
    """
    try:
        before = os.lstat(path)
    except OSError:  # missing (created below), or unreadable (the open below says why)
        pass
    else:
        if not stat.S_ISREG(before.st_mode):
            raise LockNotAFile(database, path, stat.filemode(before.st_mode))
    try:
        fd = os.open(path, _OPEN_FLAGS, 0o600)
    except PermissionError as error:
        raise DatabaseReadOnly(database, "cannot create lock file") from error
    except OSError as error:  # ELOOP for a link, EISDIR for a folder, ENXIO for a fifo …
        raise LockNotAFile(database, path, error.strerror or str(error)) from error
    try:
        held = os.fstat(fd)
        try:
            now: os.stat_result | None = os.lstat(path)
        except OSError:
            now = None
        if not stat.S_ISREG(held.st_mode):
            raise LockNotAFile(database, path, stat.filemode(held.st_mode))
        if now is None or (now.st_dev, now.st_ino) != (held.st_dev, held.st_ino):
            raise LockNotAFile(database, path, "replaced while opening")
        if held.st_nlink > 1:  # a hard link: truncating it would empty the other name too
            raise LockNotAFile(database, path, f"{held.st_nlink} names")
    except BaseException:
        os.close(fd)
        raise
    if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
        os.set_blocking(fd, True)
    return fd


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
        self._mine: LockHolder | None = None
        self._identity: tuple[int, int] = (0, 0)
        self._stamp: tuple[int, int] = (0, 0)
        self._rereading = threading.Lock()  # transactions may run on worker threads

    def _key(self) -> Path:
        # Not ``self.path.resolve()``: that would follow a link at the lock's own name.
        return self.path.parent.resolve() / self.path.name

    def acquire(self, *, take_over_from: LockHolder | None = None) -> None:
        """Take the lock, or raise :class:`DatabaseLocked` naming who holds it.

        A lock naming another computer that no process here holds raises
        :class:`LockedByOtherComputer`, unless ``take_over_from`` is that very holder (the
        user was shown it and agreed): then the lock is rewritten for this computer. A lock
        held by a live process on this computer is never taken over: the OS lock says so.
        """
        key = self._key()
        if key in _HELD_IN_THIS_PROCESS:
            raise DatabaseLocked(self._database, _HELD_IN_THIS_PROCESS[key])
        fd = _open_lock_file(self._database, self.path)
        handle = os.fdopen(fd, "r+b")
        if not _try_os_lock(handle):
            holder = _read_holder(handle) or LockHolder("?", "?", 0, dt.datetime.now())
            handle.close()
            raise DatabaseLocked(self._database, holder)
        previous = _read_holder(handle)
        here = socket.gethostname()
        if previous is not None and previous.host != here and previous != take_over_from:
            handle.close()
            raise LockedByOtherComputer(self._database, previous)
        mine = LockHolder(
            here, _current_user(), os.getpid(), dt.datetime.now().replace(microsecond=0)
        )
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({**asdict(mine), "since": mine.since.isoformat()}).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
        held = os.fstat(handle.fileno())
        self._handle = handle
        self._mine = mine
        self._identity = (held.st_dev, held.st_ino)
        self._stamp = (held.st_size, held.st_mtime_ns)
        _HELD_IN_THIS_PROCESS[key] = mine

    def check(self) -> None:
        """Raise :class:`LockLost` unless the lock file at the path is still the one held and
        still names this copy. One ``stat`` when nothing changed (a few microseconds); the
        JSON is read again only when the file's size or time changed."""
        if self._handle is None:
            return
        try:
            now = os.stat(self.path, follow_symlinks=False)
        except OSError as error:
            raise LockLost(self._database, f"lock file gone: {error.strerror}") from error
        if (now.st_dev, now.st_ino) != self._identity:
            raise LockLost(self._database, "lock file replaced")
        if (now.st_size, now.st_mtime_ns) != self._stamp:
            with self._rereading:
                handle = self._handle
                holder = _read_holder(handle) if handle is not None else None
                if holder != self._mine:
                    raise LockLost(self._database, f"lock file now names {holder}")
                self._stamp = (now.st_size, now.st_mtime_ns)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self.check()
            still_mine = True
        except LockLost:  # the file at the path is someone else's now: leave it alone
            still_mine = False
        handle, self._handle = self._handle, None
        _HELD_IN_THIS_PROCESS.pop(self._key(), None)
        # The empty file stays: removing it would race with a copy that has just opened it
        # and let a third copy lock a new file of the same name beside it.
        if still_mine:
            handle.seek(0)
            handle.truncate()
        handle.close()
