"""Small file-system helpers shared by the store: read-only URIs, durable renames."""

from __future__ import annotations

import os
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
