"""Automatic backups of a unit file: when to take one, which to keep, and what each holds.

*When.* A small manifest (``backups.json``, owner-only) in the backup folder remembers, for
each unit file backed up there, the size and modification time of the file and of its
write-ahead log at the last backup, and the SHA-256 of that backup. A backup is taken only
when these differ (a cheap ``stat``), and a new copy whose bytes equal the last backup's is
dropped again: copies of the same data through SQLite's backup API are byte-for-byte equal,
so closing a file (which checkpoints it and changes its time) or touching it never makes a
second copy of the same data. ``PRAGMA data_version`` cannot do this: it is per connection.

*Which to keep* (:func:`backups_to_keep`): the newest ``last``, and the newest of each of the
last ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months. Thinning runs only after a
good copy was written, so a damaged file (whose copy fails its check) never pushes good
backups out. Copies kept before a restore or an upgrade, and the backup most recently
restored, are never thinned.

The backup folder may be on a USB stick or a network drive: a chosen folder that is missing
is reported (:class:`BackupFolderMissing`), never created in its place on the local disk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hyvinvointi_app.domain.errors import BackupFolderMissing, DatabaseDamaged, DatabaseMissing
from hyvinvointi_app.store import migrations
from hyvinvointi_app.store.backup import backup_file, restore_backup, timestamped_name
from hyvinvointi_app.store.database import inspect_file
from hyvinvointi_app.store.files import fsync_directory, read_only_uri, write_atomically

MANIFEST_NAME = "backups.json"
DEFAULT_FOLDER_NAME = "backups"
BEFORE_RESTORE = "before-restore"
INTERVAL_MINUTES = 30
"""While a file is open, a backup at most this often, and only when something changed."""


@dataclass(frozen=True)
class RetentionPolicy:
    """How many automatic backups to keep (settable in Settings)."""

    last: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


def backups_to_keep(
    times: Iterable[dt.datetime], now: dt.datetime, policy: RetentionPolicy
) -> set[dt.datetime]:
    """The times of the backups to keep; the rest may be deleted.

    The newest ``policy.last`` always stay; then the newest backup of each calendar day of
    the last ``policy.daily`` days (today included), of each ISO week of the last
    ``policy.weekly`` weeks and of each month of the last ``policy.monthly`` months. A
    backup dated in the future (a clock set wrong) is kept, never judged by a wrong clock.
    """
    ordered = sorted(set(times), reverse=True)
    keep = set(ordered[: max(policy.last, 0)])
    keep.update(t for t in ordered if t > now)
    today = now.date()
    this_monday = today - dt.timedelta(days=today.weekday())
    month_index = today.year * 12 + today.month - 1

    def newest_per_bucket(bucket_of: Any, window: int) -> None:
        seen: set[object] = set()
        for moment in ordered:
            if moment > now:
                continue
            age, bucket = bucket_of(moment)
            if age >= window:
                break  # ordered newest first: every later one is older still
            if bucket not in seen:
                seen.add(bucket)
                keep.add(moment)

    def day(moment: dt.datetime) -> tuple[int, object]:
        return (today - moment.date()).days, moment.date()

    def week(moment: dt.datetime) -> tuple[int, object]:
        monday = moment.date() - dt.timedelta(days=moment.weekday())
        return (this_monday - monday).days // 7, monday

    def month(moment: dt.datetime) -> tuple[int, object]:
        index = moment.year * 12 + moment.month - 1
        return month_index - index, index

    newest_per_bucket(day, policy.daily)
    newest_per_bucket(week, policy.weekly)
    newest_per_bucket(month, policy.monthly)
    return keep


# -- the backups in a folder --------------------------------------------------------------


class BackupKind(enum.Enum):
    AUTOMATIC = "automatic"
    """Taken on opening, while open, on closing or with “Back up now”; thinned."""
    BEFORE_RESTORE = "before_restore"
    """The file as it was just before a backup was restored over it; kept."""
    BEFORE_UPGRADE = "before_upgrade"
    """The file as it was before a schema upgrade; kept."""


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken: dt.datetime
    size_bytes: int
    kind: BackupKind
    sequence: int = 1
    """2, 3, … for further backups taken within the same second."""


@dataclass(frozen=True)
class NewestMeeting:
    number: int
    date: dt.date


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, read without changing it; ``readable`` False if it cannot be."""

    readable: bool
    meetings: int = 0
    newest_meeting: NewestMeeting | None = None


def _pattern(source: Path) -> re.Pattern[str]:
    suffix = re.escape(source.suffix or ".sqlite")
    stem = re.escape(source.stem)
    return re.compile(
        rf"^{stem}-(?:(?P<label>{BEFORE_RESTORE})-)?(?P<stamp>\d{{8}}-\d{{6}})(?:-(?P<n>\d+))?{suffix}$"
        rf"|^{stem}\.before-upgrade-v\d+{suffix}$"
    )


def list_backups(source: Path, folder: Path) -> list[BackupEntry]:
    """The backups of ``source`` in ``folder``, newest first (none if the folder is missing)."""
    pattern = _pattern(source)
    entries: list[BackupEntry] = []
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    for candidate in candidates:
        match = pattern.match(candidate.name)
        if match is None or not candidate.is_file():
            continue
        try:
            info = candidate.stat()
        except OSError:
            continue
        if match.group("stamp"):
            taken = dt.datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
            kind = BackupKind.BEFORE_RESTORE if match.group("label") else BackupKind.AUTOMATIC
        else:
            taken = dt.datetime.fromtimestamp(info.st_mtime).replace(microsecond=0)
            kind = BackupKind.BEFORE_UPGRADE
        sequence = int(match.group("n") or 1) if match.group("stamp") else 1
        entries.append(BackupEntry(candidate, taken, info.st_size, kind, sequence))
    entries.sort(key=lambda e: (e.taken, e.sequence, e.path.name), reverse=True)
    return entries


def read_contents(backup: Path) -> BackupContents:
    """The number of meetings and the newest meeting in ``backup``, opened read-only."""
    try:
        connection = sqlite3.connect(read_only_uri(backup), uri=True)
    except sqlite3.Error:
        return BackupContents(readable=False)
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != migrations.APPLICATION_ID:
            return BackupContents(readable=False)
        count = int(connection.execute("SELECT count(*) FROM meeting").fetchone()[0])
        row = connection.execute(
            "SELECT number, date FROM meeting ORDER BY date DESC, number DESC LIMIT 1"
        ).fetchone()
    except (sqlite3.Error, TypeError):
        return BackupContents(readable=False)
    finally:
        connection.close()
    newest = None
    if row is not None:
        with contextlib.suppress(TypeError, ValueError):
            newest = NewestMeeting(int(row[0]), dt.date.fromisoformat(str(row[1])[:10]))
    return BackupContents(readable=True, meetings=count, newest_meeting=newest)


# -- the manifest --------------------------------------------------------------------------


def _key(source: Path) -> str:
    return str(source.resolve())


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}}
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return {"files": {}}
    return data


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    write_atomically(folder / MANIFEST_NAME, json.dumps(data, indent=1).encode("utf-8"))


def _record(folder: Path, source: Path) -> dict[str, Any]:
    files = _read_manifest(folder)["files"]
    record = files.get(_key(source))
    return record if isinstance(record, dict) else {}


def _update_record(folder: Path, source: Path, **changes: Any) -> None:
    data = _read_manifest(folder)
    record = data["files"].setdefault(_key(source), {})
    record.update(changes)
    _write_manifest(folder, data)


def fingerprint(source: Path) -> list[int]:
    """Size and modification time of the file and of its write-ahead log."""
    values: list[int] = []
    for path in (source, source.with_name(source.name + "-wal")):
        try:
            info = path.stat()
            values += [info.st_size, info.st_mtime_ns]
        except FileNotFoundError:
            values += [-1, -1]
    return values


def pinned(source: Path, folder: Path) -> set[str]:
    """Names of backups never thinned: the one most recently restored."""
    value = _record(folder, source).get("pinned", [])
    return {str(v) for v in value} if isinstance(value, list) else set()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- taking, thinning, restoring -----------------------------------------------------------


def default_folder(source: Path) -> Path:
    return source.parent / DEFAULT_FOLDER_NAME


def usable_folder(source: Path, folder: Path | None) -> Path:
    """The folder to write to: a chosen one must exist (a USB stick may be out); the default
    one beside the file is created, owner-only, when first needed."""
    if folder is None or folder == default_folder(source):
        target = default_folder(source)
        target.mkdir(mode=0o700, exist_ok=True)
        return target
    if not folder.is_dir():
        raise BackupFolderMissing(folder)
    return folder


class Outcome(enum.Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    """Nothing changed since the last backup: no new copy."""


@dataclass(frozen=True)
class BackupResult:
    outcome: Outcome
    path: Path | None
    """The new copy, or the last backup that already holds the same data."""
    removed: tuple[Path, ...] = ()


def _unique_name(source: Path, folder: Path, when: dt.datetime, label: str = "") -> str:
    name = timestamped_name(source, when, label)
    number = 1
    while (folder / name).exists():
        number += 1
        stem, dot, suffix = timestamped_name(source, when, label).rpartition(".")
        name = f"{stem}-{number}{dot}{suffix}"
    return name


def take_backup(
    source: Path,
    folder: Path | None = None,
    policy: RetentionPolicy | None = None,
    *,
    now: dt.datetime | None = None,
) -> BackupResult:
    """Back ``source`` up into ``folder`` (``None``: ``backups`` beside it) if its data
    changed since the last backup there, then thin the automatic backups.

    Raises :class:`BackupFolderMissing`, :class:`DatabaseDamaged` (the copy failed its
    integrity check: nothing written, nothing thinned) or ``OSError`` (e.g. a full disk).
    """
    folder = usable_folder(source, folder)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    record = _record(folder, source)
    last_name = record.get("last")
    last_path = folder / last_name if isinstance(last_name, str) else None
    last_exists = last_path is not None and last_path.exists()
    before = fingerprint(source)
    if last_exists and record.get("fingerprint") == before:
        return BackupResult(Outcome.UNCHANGED, last_path)
    copy = backup_file(source, folder, name=_unique_name(source, folder, now))
    digest = _sha256(copy)
    if last_exists and record.get("sha256") == digest:
        copy.unlink()
        _update_record(folder, source, fingerprint=before)
        return BackupResult(Outcome.UNCHANGED, last_path)
    _update_record(folder, source, fingerprint=before, sha256=digest, last=copy.name)
    removed = thin(source, folder, policy or RetentionPolicy(), now=now)
    return BackupResult(Outcome.WRITTEN, copy, removed)


def thin(
    source: Path, folder: Path, policy: RetentionPolicy, *, now: dt.datetime | None = None
) -> tuple[Path, ...]:
    """Delete the automatic backups of ``source`` that :func:`backups_to_keep` lets go."""
    now = now or dt.datetime.now()
    automatic = [e for e in list_backups(source, folder) if e.kind is BackupKind.AUTOMATIC]
    keep = backups_to_keep((e.taken for e in automatic), now, policy)
    protected = pinned(source, folder) | {str(_record(folder, source).get("last", ""))}
    removed = []
    for entry in automatic:
        if entry.taken in keep or entry.path.name in protected:
            continue
        with contextlib.suppress(FileNotFoundError):
            entry.path.unlink()
            removed.append(entry.path)
    if removed:
        fsync_directory(folder)
    return tuple(removed)


def check_restorable(backup: Path) -> None:
    """Refuse a backup that is not a sound unit file of a version this one can open."""
    report = inspect_file(backup)
    if not report.integrity_ok:
        raise DatabaseDamaged(backup, "; ".join(report.integrity_messages[:3]))


def restore(backup: Path, target: Path, folder: Path | None = None) -> Path | None:
    """Put ``backup`` in place of the closed unit file ``target``; return the kept copy.

    The current file is copied into the backup folder first (``…-before-restore-…``, never
    thinned; byte for byte if SQLite cannot read it), and the restored backup is pinned in
    the manifest so that thinning never removes it. A missing ``target`` is written anew.
    """
    check_restorable(backup)
    if not target.parent.is_dir():
        raise DatabaseMissing(target.parent, "folder does not exist")
    folder = usable_folder(target, folder)
    name = _unique_name(target, folder, dt.datetime.now(), BEFORE_RESTORE)
    kept = restore_backup(backup, target, folder, kept_name=name)
    if backup.parent.resolve() == folder.resolve():
        _update_record(folder, target, pinned=[backup.name])
    return kept


# -- where a live file should not be --------------------------------------------------------

_SYNCHRONISED_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "my drive")


def synchronised_folder(path: Path) -> str | None:
    """The name of the cloud-synchronised folder ``path`` lies in (OneDrive, Dropbox, Google
    Drive; also "OneDrive - Company", "Dropbox (Team)", "GoogleDrive-name@…"), or None.
    Synchronising a database while it is open can damage it, or bring back
    an old copy over new work; a backup folder there is fine."""
    for part in path.resolve().parts[:-1]:
        folded = part.casefold()
        if any(
            folded == name or folded.startswith((name + " ", name + "-", name + "("))
            for name in _SYNCHRONISED_FOLDERS
        ):
            return part
    return None
