"""Consistent copies through SQLite's backup API, written atomically and privately."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from hyvinvointi_app.domain.errors import DatabaseDamaged, MigrationFailed
from hyvinvointi_app.store.files import fsync_directory, read_only_uri, write_atomically
from hyvinvointi_app.store.identity import give_new_identity
from hyvinvointi_app.store.lock import FileLock
from hyvinvointi_app.store.migrations import MigrationError
from hyvinvointi_app.store.storage_errors import write_problem


def timestamped_name(source: Path, when: dt.datetime | None = None, label: str = "") -> str:
    """``unit-20261123-130501.sqlite``, or ``unit-before-restore-20261123-130501.sqlite``."""
    when = when or dt.datetime.now()
    middle = f"{label}-" if label else ""
    return f"{source.stem}-{middle}{when:%Y%m%d-%H%M%S}{source.suffix or '.sqlite'}"


def backup_file(source: Path, folder: Path, *, name: str | None = None) -> Path:
    """Copy ``source`` into ``folder`` as one self-contained, checked file; return its path.

    The copy is taken in one step (a step-wise copy never finishes while another connection
    writes), switched to a rollback journal so that it is a single file, checked, and only
    then renamed into place. Readers of ``source`` and its writers are not disturbed. A copy
    that fails its check raises :class:`DatabaseDamaged` and leaves nothing in ``folder``, so
    a damaged file never takes the place of a good backup.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / (name or timestamped_name(source))
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            src.backup(dst)
            try:
                dst.execute("PRAGMA journal_mode = DELETE")
                result = dst.execute("PRAGMA quick_check").fetchone()[0]
            except sqlite3.DatabaseError as error:  # a damaged schema page fails before the check
                raise DatabaseDamaged(source, str(error)) from error
            if result != "ok":
                # The copy is page for page the source: the source is damaged.
                raise DatabaseDamaged(source, result)
        finally:
            dst.close()
            src.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_directory(folder)
    except BaseException as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        not_written = write_problem(error, target) if isinstance(error, Exception) else None
        if not_written is not None:  # a full disk, a pulled USB stick: said plainly
            raise not_written from error
        raise
    return target


def restore_backup(
    backup: Path,
    target: Path,
    keep_folder: Path,
    *,
    kept_name: str | None = None,
    new_identity: bool = False,
) -> Path | None:
    """Put the contents of ``backup`` in place of ``target``; return the kept copy, if any.

    ``target`` must not be open: its lock is taken for the whole restore, so a restore over
    a file another copy has open is refused (:class:`DatabaseLocked`). A copy of ``target``
    as it is now goes to ``keep_folder`` first, through the backup API, or byte for byte
    when SQLite cannot read it (empty, damaged, not SQLite). The backup is checked (a
    damaged one raises :class:`DatabaseDamaged` and changes nothing); the new file is written
    beside ``target`` and renamed over it, so that a crash leaves either the old file or the
    restored one. A missing ``target`` is simply written. ``new_identity``: the restored
    file gets a new UUID before it takes ``target``'s place (another unit's backup).
    """
    lock = FileLock(target)
    lock.acquire()
    try:
        kept: Path | None = None
        if target.exists():
            name = kept_name or timestamped_name(target, label="before-restore")
            try:
                kept = backup_file(target, keep_folder, name=name)
            except (DatabaseDamaged, sqlite3.DatabaseError):
                kept = keep_folder / name
                keep_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                write_atomically(kept, target.read_bytes())
        staged = backup_file(backup, target.parent, name=target.name + ".restoring")
        if new_identity:
            try:
                give_new_identity(staged)
            except BaseException as error:
                with contextlib.suppress(OSError):
                    staged.unlink()
                if isinstance(error, MigrationError):
                    raise MigrationFailed(backup, str(error)) from error
                not_written = write_problem(error, target) if isinstance(error, Exception) else None
                if not_written is not None:
                    raise not_written from error
                raise
        for leftover in (
            target.with_name(target.name + "-wal"),
            target.with_name(target.name + "-shm"),
        ):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        os.replace(staged, target)
        fsync_directory(target.parent)
    finally:
        lock.release()
    return kept
