"""Writing a new unit file for the wizard: all or nothing, so that a retry after an error
finds no half-made file in its way. No Qt here, so the rule is easy to test."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from hyvinvointi_app.domain.errors import DatabaseExists
from hyvinvointi_app.paths import data_home
from hyvinvointi_app.services import annual_clock, demo, periods, unit
from hyvinvointi_app.services.settings import ensure_data_home
from hyvinvointi_app.services.unit import UnitInfo
from hyvinvointi_app.store.database import create_database
from hyvinvointi_app.store.lock import lock_path_for

_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def make_private_folder(folder: Path) -> None:
    """The folder of the unit file, readable by its owner only when we create it; the data
    folder is made so even when it exists (a folder the user chose is theirs to share)."""
    if folder.resolve() == data_home().resolve():
        ensure_data_home()
    else:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def remove_unit_file(path: Path) -> None:
    """Delete a unit file this wizard started, with SQLite's side files and the lock file."""
    for candidate in (
        path,
        *(path.with_name(path.name + suffix) for suffix in _SQLITE_SIDE_FILES),
        lock_path_for(path),
    ):
        with contextlib.suppress(OSError):
            candidate.unlink(missing_ok=True)


def create_unit_file(path: Path, info: UnitInfo, start: dt.date, end: dt.date) -> None:
    """A new unit file with the unit, its current operating period and the default annual
    clock in the unit's working language. Refuses an existing file (``DatabaseExists``);
    on any other failure the file is removed again and the error raised."""
    make_private_folder(path.parent)
    db = create_database(path)
    try:
        unit.set_up_unit(db, info)
        periods.add_period(db, start, end, make_current=True)
        annual_clock.load_default_clock(db, info.working_language)
    except BaseException:
        db.close()
        remove_unit_file(path)
        raise
    db.close()


def write_demo_file(path: Path, language: str) -> None:
    """The demo unit at ``path`` (which must not exist); removed again if writing fails."""
    make_private_folder(path.parent)
    try:
        demo.write_demo(path, language=language)
    except DatabaseExists:
        raise
    except BaseException:
        remove_unit_file(path)
        raise


def free_path(path: Path) -> Path:
    """``path`` itself if no file has that name yet, else ``name-2``, ``name-3`` … beside it."""
    if not path.exists():
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1
