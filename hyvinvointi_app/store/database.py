"""Opening, creating and checking a unit file.

Every check that can refuse a file runs before anything is written to it, so a file that
is refused is left byte-for-byte as it was: missing, empty, not SQLite, another
application's, written by a newer version, damaged, read-only or held by another copy.
Every connection then runs in WAL mode with ``synchronous=FULL`` and foreign keys on.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from hyvinvointi_app.domain.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseExists,
    DatabaseFileError,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFullAtOpening,
    ForeignDatabase,
    LockHolder,
    MigrationFailed,
    NotADatabase,
    PathTooLong,
)
from hyvinvointi_app.store import migrations
from hyvinvointi_app.store.backup import backup_file
from hyvinvointi_app.store.files import read_only_uri
from hyvinvointi_app.store.lock import FileLock
from hyvinvointi_app.store.models import Base
from hyvinvointi_app.store.storage_errors import storage_errors
from hyvinvointi_app.store.stored_dates import impossible_dates

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MIN_FREE_BYTES = 5 * 1024 * 1024
"""Below this much free space beside the file, opening it for writing is refused (the
write-ahead log alone grows to about 4 MB between checkpoints): better told at once than
when the first change cannot be saved."""


@dataclass(frozen=True)
class FileReport:
    """What :func:`inspect_file` found, without writing anything."""

    path: Path
    schema_version: int
    integrity_ok: bool
    integrity_messages: tuple[str, ...]
    journal_mode: str
    size_bytes: int
    impossible_dates: tuple[str, ...] = ()
    """Stored dates that are no real date (``2026-02-31``, written by another tool); only
    looked for by the full check."""
    search_index_faults: int = 0
    """Texts the search index misses or holds wrongly; only looked for by the full check of a
    file of the current version."""


def is_read_only(path: Path) -> bool:
    """True when we could not save to the file; also for root, who ignores permissions."""
    mode = path.stat().st_mode
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return True
    return not os.access(path.parent, os.W_OK | os.X_OK)


def _check_free_space(path: Path) -> None:
    """Refuse to open for writing on a (nearly) full disk, before anything is written."""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return  # a file system that cannot tell: find out when writing
    if free < MIN_FREE_BYTES:
        raise DiskFullAtOpening(path, f"{free} bytes free")


def _journal_mode_in_header(path: Path) -> str:
    """Bytes 18 and 19 of the header say 2 for WAL, 1 for a rollback journal."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return "wal" if header[18:20] == b"\x02\x02" else "delete"


MAX_PATH_BYTES = 504
"""The longest full path SQLite's POSIX file layer opens together with its ``-journal``
(its buffers hold 512 bytes), links resolved as SQLite resolves them. On Windows the
limit is Windows' own (260 characters unless long paths are enabled), and opening reports
a failure there as it is."""


def _check_path_length(path: Path) -> None:
    """A sound file at a longer path cannot be opened: say so, not that it is not ours."""
    if os.name != "posix":
        return
    length = len(os.fsencode(os.path.realpath(path)))
    if length > MAX_PATH_BYTES:
        raise PathTooLong(path, length, MAX_PATH_BYTES)


def _prescreen(path: Path) -> None:
    """Refuse files that are plainly not ours, reading only the first bytes."""
    if not path.exists():
        raise DatabaseMissing(path)
    if path.is_dir():
        raise NotADatabase(path, "is a folder")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError as error:
        raise DatabaseReadOnly(path, "cannot be read") from error
    if not header:
        raise DatabaseEmpty(path)
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise NotADatabase(path)
    _check_path_length(path)


def _verify(path: Path, *, full_check: bool = False) -> FileReport:
    """Open read-only and check identity, version and integrity; raise if unfit."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise NotADatabase(path, str(error)) from error
    try:
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as error:
            if "malformed" in str(error) or "corrupt" in str(error):
                raise DatabaseDamaged(path, str(error)) from error
            raise NotADatabase(path, str(error)) from error
        if application_id != migrations.APPLICATION_ID:
            if application_id == 0 and tables == 0:
                raise DatabaseEmpty(path, "SQLite file without tables")
            raise ForeignDatabase(path, f"application id {application_id:#x}")
        if version > migrations.SCHEMA_VERSION:
            raise DatabaseTooNew(path, version, migrations.SCHEMA_VERSION)
        pragma = "integrity_check" if full_check else "quick_check"
        try:
            messages = tuple(row[0] for row in connection.execute(f"PRAGMA {pragma}"))
        except sqlite3.DatabaseError as error:
            raise DatabaseDamaged(path, str(error)) from error
        dates = impossible_dates(connection, Base.metadata) if full_check else []
        index_faults = 0
        if full_check and version == migrations.SCHEMA_VERSION and messages == ("ok",):
            index_faults = _search_index_faults(connection)
    finally:
        connection.close()
    ok = messages == ("ok",)
    return FileReport(
        path=path,
        schema_version=int(version),
        integrity_ok=ok,
        integrity_messages=messages,
        journal_mode=_journal_mode_in_header(path),
        size_bytes=path.stat().st_size,
        impossible_dates=tuple(dates),
        search_index_faults=index_faults,
    )


def _search_index_faults(connection: sqlite3.Connection) -> int:
    """:func:`migrations.search_index_faults` of a file opened read-only: FTS5 checks its
    index only where it could write, so the check runs on a copy in memory."""
    copy = sqlite3.connect(":memory:")
    try:
        connection.backup(copy)
        return migrations.search_index_faults(copy)
    finally:
        copy.close()


def inspect_file(path: Path) -> FileReport:
    """Check a unit file thoroughly without changing it (the ``check`` command)."""
    _prescreen(path)
    return _verify(path, full_check=True)


def check_usable(path: Path) -> FileReport:
    """:func:`inspect_file`, also refusing a file the application could not save to."""
    _prescreen(path)
    if is_read_only(path):
        raise DatabaseReadOnly(path)
    return _verify(path, full_check=True)


class SqliteFeatureMissing(RuntimeError):
    """This Python's SQLite lacks a feature the application needs: a broken installation,
    not something the user can fix, so the message names what to install."""


@functools.cache
def require_sqlite_features() -> None:
    """Refuse to work on an SQLite without FTS5 (the search), or one whose triggers cannot
    call the search index's functions; checked once per run.

    CPython's builds for Windows, macOS and Debian include FTS5 and trust the schema by
    default; a custom build may not.
    """
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError as error:
        raise SqliteFeatureMissing(
            f"The SQLite library of this Python ({sqlite3.sqlite_version}) was built without "
            "FTS5, which Hyvinvointiryhmä needs for searching memos. Install a Python whose "
            "sqlite3 module includes FTS5 (the python.org and Debian builds do)."
        ) from error
    try:
        migrations.register_search_functions(probe)
        probe.execute("CREATE TABLE typed (text TEXT)")
        probe.execute(
            "CREATE TRIGGER typed_probe AFTER INSERT ON typed BEGIN"
            " INSERT INTO probe(text) VALUES (search_keys(new.text, 'fi')); END"
        )
        probe.execute("INSERT INTO typed VALUES ('päiväkodissa')")
    except sqlite3.DatabaseError as error:
        raise SqliteFeatureMissing(
            f"The SQLite library of this Python ({sqlite3.sqlite_version}) does not let the "
            f"search index's triggers call their functions ({error}). Install a Python from "
            "python.org or Debian, whose sqlite3 module allows it."
        ) from error
    finally:
        probe.close()


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()
    migrations.register_search_functions(dbapi_connection)


class Database:
    """An open unit file: the engine, the lock, and short sessions for each operation."""

    def __init__(
        self, path: Path, engine: Engine, lock: FileLock | None, *, read_only: bool = False
    ) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        """Opened only to read (:func:`open_read_only`): every transaction is refused."""
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: a short session that commits on success and rolls back on error."""
        if self.read_only:
            raise DatabaseReadOnly(self.path, "opened read-only")
        with self._sessions() as session, storage_errors(self.path), session.begin():
            yield session
            if self._lock is not None:
                self._lock.check()  # lock removed or taken over: LockLost, rolled back

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session."""
        with self._sessions() as session, storage_errors(self.path):
            yield session

    def close(self) -> None:
        """Checkpoint the WAL into the file and release the lock."""
        if self.read_only or self._lock is None:
            self.engine.dispose()
            return
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:  # the data is safe in the WAL; the next open checkpoints it
            pass
        self.engine.dispose()
        self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def _refresh_search_index(path: Path) -> None:
    """Build the search index anew when its keys were made by other word-form rules than
    this program's (a newer or older version wrote them) or FTS5 finds it damaged; one
    transaction. The texts themselves are never touched."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not migrations.search_index_unfit(connection):
            return
        migrations.register_search_functions(connection)
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in migrations.refill_search_index():
                connection.execute(statement)
            connection.execute("COMMIT")
        except sqlite3.DatabaseError:
            # An index too damaged to drop: the file still opens (its texts are sound), and
            # ``hyvinvointi check`` tells of the index.
            connection.execute("ROLLBACK")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()


def _migrate(path: Path, backup_dir: Path | None) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version >= migrations.SCHEMA_VERSION:
            return
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        backup_file(
            path,
            (backup_dir or path.parent),
            name=f"{path.stem}.before-upgrade-v{version}{path.suffix or '.sqlite'}",
        )
        try:
            migrations.upgrade(connection)
        except Exception as error:
            raise MigrationFailed(path, str(error)) from error
    finally:
        connection.close()


def open_database(
    path: Path, *, backup_dir: Path | None = None, take_over_from: LockHolder | None = None
) -> Database:
    """Open an existing unit file for writing, upgrading its schema if it is older.

    Raises a :class:`DatabaseFileError` subclass, having changed nothing, when the file
    cannot be used. A copy is taken through SQLite's backup API before any upgrade.
    ``take_over_from``: the holder of :class:`LockedByOtherComputer` the user agreed to take
    the file over from (see :meth:`FileLock.acquire`).
    """
    require_sqlite_features()
    path = Path(path)
    _prescreen(path)
    if is_read_only(path):
        raise DatabaseReadOnly(path)
    _check_free_space(path)
    lock = FileLock(path)
    lock.acquire(take_over_from=take_over_from)
    try:
        report = _verify(path)
        if not report.integrity_ok:
            raise DatabaseDamaged(path, "; ".join(report.integrity_messages[:3]))
        with storage_errors(path):
            _migrate(path, backup_dir)
            _refresh_search_index(path)
        engine = _make_engine(path)
        with engine.connect() as connection:  # applies the pragmas, proves the file opens
            connection.exec_driver_sql("SELECT 1")
    except BaseException:
        lock.release()
        raise
    return Database(path, engine, lock)


def can_open_read_only(path: Path) -> bool:
    """True when :func:`open_read_only` would work: a sound file of the current schema."""
    try:
        _prescreen(path)
        report = _verify(path)
    except (DatabaseFileError, OSError, sqlite3.Error):
        return False
    return report.integrity_ok and report.schema_version == migrations.SCHEMA_VERSION


def open_read_only(path: Path) -> Database:
    """Open a sound unit file of the current schema only to read it: no lock, nothing
    written (not even a ``-wal`` beside a file without one), every transaction refused.

    For a file that cannot be written (read-only, a full disk) or that another copy of the
    application holds: the director can still read the memos. Raises like
    :func:`open_database` when the file is unfit, and :class:`DatabaseReadOnly` when its
    schema is older (an upgrade would have to write).
    """
    require_sqlite_features()
    path = Path(path)
    _prescreen(path)
    report = _verify(path)
    if not report.integrity_ok:
        raise DatabaseDamaged(path, "; ".join(report.integrity_messages[:3]))
    if report.schema_version != migrations.SCHEMA_VERSION:
        raise DatabaseReadOnly(path, f"schema version {report.schema_version} needs an upgrade")
    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA query_only = ON")
        return connection

    engine = create_engine("sqlite://", creator=connect)
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")
    return Database(path, engine, None, read_only=True)


def create_database(path: Path) -> Database:
    """Create a new, empty unit file readable by its owner only, and open it."""
    require_sqlite_features()
    path = Path(path)
    if path.exists():
        raise DatabaseExists(path)
    if not path.parent.exists():
        raise DatabaseMissing(path.parent, "folder does not exist")
    _check_path_length(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as error:
        raise DatabaseExists(path) from error
    except PermissionError as error:
        raise DatabaseReadOnly(path.parent, str(error)) from error
    os.close(fd)
    lock = FileLock(path)
    try:
        lock.acquire()
        # Build the schema with a rollback journal, so that the file header carries our
        # identity and version from the first commit on; WAL is switched on afterwards.
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", lambda c, _r: migrations.register_search_functions(c))
        with storage_errors(path):
            with engine.begin() as connection:
                Base.metadata.create_all(connection)
                for statement in migrations.current_extras():
                    connection.exec_driver_sql(statement)
                connection.exec_driver_sql(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
                connection.exec_driver_sql(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")
            engine.dispose()
            engine = _make_engine(path)
            with engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
    except BaseException:
        lock.release()
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return Database(path, engine, lock)


__all__ = [
    "Database",
    "DatabaseFileError",
    "FileReport",
    "SqliteFeatureMissing",
    "can_open_read_only",
    "check_usable",
    "create_database",
    "inspect_file",
    "is_read_only",
    "open_database",
    "open_read_only",
    "require_sqlite_features",
]
