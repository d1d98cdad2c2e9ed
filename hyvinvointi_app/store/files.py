"""Small file-system helpers: read-only URIs, durable renames, atomic private writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` without any right to write to it.

    Without a write-ahead log beside it the file is complete in itself, and is opened as
    immutable so that not even an empty ``-wal`` or ``-shm`` file appears beside a file
    we refuse. With a log, SQLite must read it (and may create ``-shm``) to see the data.
    """
    uri = path.resolve().as_uri().replace("file://", "file:", 1) + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def fsync_directory(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place, so an existing
    file is either the old one or the new one, never half written. The file is readable by
    its owner only on POSIX (``mkstemp`` creates it with mode 0600)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        fsync_directory(path.parent)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and error.filename is None:
            # A full disk fails in write() or flush(), whose errors name no file: name the
            # one that was not written, so that the message can say which.
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise
