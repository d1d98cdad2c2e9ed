"""Small file-system helpers shared by the store: read-only URIs, durable renames."""

from __future__ import annotations

import os
from pathlib import Path


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` without any right to write to it."""
    return path.resolve().as_uri().replace("file://", "file:", 1) + "?mode=ro"


def fsync_directory(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
