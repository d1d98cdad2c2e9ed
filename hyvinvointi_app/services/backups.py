"""Automatic backups of a unit file: where they go, when to take one, which to keep, and what
each holds.

*Where: one subfolder per unit.* Backups of a unit go to ``<folder>/<unit-name>-<id>/``
inside the backup folder, where ``<id>`` is the first 8 characters of the unit file's UUID
(``store/identity.py``; schema version 3). Two units whose files are both ``unit.sqlite``
may share a folder (one USB stick for the whole day-care centre); by file name alone each
would thin away the other's backups and offer the other's data for restoring. A subfolder
per unit, rather than the UUID in every file name and manifest entry, makes the separation
structural: listing and thinning look only inside the unit's own subfolder, so another
unit's file can never be a candidate, whatever its name; nothing needs to be opened to know
whose a backup is; and a person looking at the stick sees each unit's backups under its
name. The subfolder is found by its ``-<id>`` ending and the identity its manifest records
(written when the subfolder is made), so renaming the unit or its file keeps its backups
together, and a folder of the user's that merely ends the same way is never taken for it.

*Backups from before* (schema 1–2, written flat into the folder): those whose identity, read
from the backup itself and cached in the folder's manifest by size and time, is this unit's
are listed and thinned with the unit's own; another unit's flat files, and files whose
identity cannot be read, are never thinned. The upgrade to version 3 derives a file's UUID
from its unit's creation time, which these older backups hold too.

*When.* A small manifest (``backups.json``, owner-only) in the unit's subfolder remembers,
for each unit file backed up there, the size and modification time of the file and of its
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

*Restoring another unit's backup* is refused (:class:`BackupOfAnotherUnit`) unless the
caller says ``allow_other_unit=True`` (the user chose to replace this unit's data with the
other unit's). The file then gets a new identity: it is a unit of its own from now on, with a
new subfolder, since the other unit's file may still be in use and the two would otherwise
share one subfolder and thin each other's backups.

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
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hyvinvointi_app.domain.errors import (
    BackupFolderMissing,
    BackupOfAnotherUnit,
    DatabaseDamaged,
    DatabaseMissing,
)
from hyvinvointi_app.services.settings import RetentionPolicy, default_folder
from hyvinvointi_app.store import migrations
from hyvinvointi_app.store.backup import backup_file, restore_backup, timestamped_name
from hyvinvointi_app.store.database import inspect_file
from hyvinvointi_app.store.files import fsync_directory, read_only_uri, write_atomically
from hyvinvointi_app.store.identity import FileIdentity, read_identity

MANIFEST_NAME = "backups.json"
BEFORE_RESTORE = "before-restore"
INTERVAL_MINUTES = 30
"""While a file is open, a backup at most this often, and only when something changed."""


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
    identity: str = ""
    """The UUID of the unit whose backup this is ("" when it cannot be read)."""
    unit_name: str = ""
    """That unit's name, as typed."""


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


_BACKUP_NAME = re.compile(
    rf"^(?P<stem>.+?)-(?:(?P<label>{BEFORE_RESTORE})-)?(?P<stamp>\d{{8}}-\d{{6}})"
    r"(?:-(?P<n>\d+))?\.\w+$"
    r"|^(?P<upgraded>.+)\.before-upgrade-v\d+\.\w+$"
)
"""A backup's name, of any unit file: ``unit-20261123-130501.sqlite`` (``-2`` for a second in
the same second), ``unit-before-restore-….sqlite``, ``unit.before-upgrade-v2.sqlite``."""


def _entry(candidate: Path, identity: FileIdentity | None = None) -> BackupEntry | None:
    match = _BACKUP_NAME.match(candidate.name)
    if match is None or not candidate.is_file():
        return None
    try:
        info = candidate.stat()
    except OSError:
        return None
    if match.group("stamp"):
        taken = dt.datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
        kind = BackupKind.BEFORE_RESTORE if match.group("label") else BackupKind.AUTOMATIC
        sequence = int(match.group("n") or 1)
    else:
        taken = dt.datetime.fromtimestamp(info.st_mtime).replace(microsecond=0)
        kind, sequence = BackupKind.BEFORE_UPGRADE, 1
    return BackupEntry(
        candidate,
        taken,
        info.st_size,
        kind,
        sequence,
        identity=identity.uuid if identity else "",
        unit_name=identity.unit_name if identity else "",
    )


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _newest_first(entries: list[BackupEntry]) -> list[BackupEntry]:
    return sorted(entries, key=lambda e: (e.taken, e.sequence, e.path.name), reverse=True)


# -- whose backups: the unit's subfolder, and older backups lying flat in the folder --------


def slug(name: str) -> str:
    """A folder-name-safe form of a unit's name: ``Päiväkoti Kuusikko`` → ``paivakoti-kuusikko``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return text[:40].rstrip("-") or "unit"


def unit_identity(source: Path, folder: Path | None = None) -> FileIdentity | None:
    """The identity of ``source``, read from the file; when it cannot be read (missing,
    damaged), the one recorded for its path by the last backup in ``folder``."""
    identity = read_identity(source)
    if identity is not None or folder is None:
        return identity
    key = _key(source)
    for sub in _files(folder):
        data = _read_manifest(sub) if sub.is_dir() else None
        if data and key in data["files"] and isinstance(data.get("identity"), str):
            return FileIdentity(data["identity"], str(data.get("unit", "")))
    return None


def _subfolder_identity(sub: Path) -> str | None:
    value = _read_manifest(sub).get("identity")
    return value if isinstance(value, str) else None


def unit_subfolder(folder: Path, identity: FileIdentity) -> Path:
    """``<folder>/<unit-name>-<first 8 of the UUID>``: the existing one of this unit (found by
    its ending and its manifest's identity, so a renamed unit keeps its folder), else an
    empty folder of that ending, else the name a new one gets (one no folder has yet)."""
    ending = f"-{identity.short}"
    candidates = [sub for sub in _files(folder) if sub.name.endswith(ending) and sub.is_dir()]
    for sub in candidates:
        if _subfolder_identity(sub) == identity.uuid:
            return sub
    for sub in candidates:
        if not _files(sub) and _subfolder_identity(sub) is None:
            return sub
    stem, number = slug(identity.unit_name), 1
    name = f"{stem}{ending}"
    while (folder / name).exists():
        number += 1
        name = f"{stem}-{number}{ending}"
    return folder / name


def make_unit_subfolder(folder: Path, identity: FileIdentity) -> Path:
    """The unit's subfolder of ``folder``, created owner-only if needed, its manifest
    recording whose it is from the start (that is how it is known again)."""
    sub = unit_subfolder(folder, identity)
    created = not sub.exists()
    sub.mkdir(mode=0o700, exist_ok=True)
    if _subfolder_identity(sub) != identity.uuid:
        data = _read_manifest(sub)
        data["identity"], data["unit"] = identity.uuid, identity.unit_name
        try:
            _write_manifest(sub, data)
        except OSError:
            if created:  # e.g. a full disk: leave nothing behind
                with contextlib.suppress(OSError):
                    sub.rmdir()
            raise
    return sub


def _flat_identity(folder: Path, candidates: list[Path]) -> dict[Path, FileIdentity | None]:
    """The identity of each backup lying flat in ``folder`` (written before backups had a
    subfolder per unit), read from the file once and then cached in the folder's manifest
    by size and modification time."""
    data = _read_manifest(folder)
    cache = data.get("identities")
    cache = cache if isinstance(cache, dict) else {}
    found: dict[Path, FileIdentity | None] = {}
    changed = False
    for path in candidates:
        try:
            info = path.stat()
        except OSError:
            continue
        stamp = [info.st_size, info.st_mtime_ns]
        cached = cache.get(path.name)
        if isinstance(cached, dict) and cached.get("stat") == stamp:
            uuid = cached.get("uuid")
            found[path] = FileIdentity(uuid, str(cached.get("unit", ""))) if uuid else None
            continue
        identity = read_identity(path)
        found[path] = identity
        cache[path.name] = {
            "stat": stamp,
            "uuid": identity.uuid if identity else None,
            "unit": identity.unit_name if identity else "",
        }
        changed = True
    if changed:
        data["identities"] = {name: cache[name] for name in cache if (folder / name).exists()}
        with contextlib.suppress(OSError):  # a cache: a read-only folder only costs time
            _write_manifest(folder, data)
    return found


def _flat_backups(folder: Path) -> list[tuple[Path, FileIdentity | None]]:
    candidates = [p for p in _files(folder) if _BACKUP_NAME.match(p.name) and p.is_file()]
    return list(_flat_identity(folder, candidates).items())


def list_backups(source: Path, folder: Path, *, other_units: bool = False) -> list[BackupEntry]:
    """The backups of ``source``'s unit in ``folder`` (its subfolder, and older ones lying
    flat whose identity is the unit's), newest first; none if the folder is missing or the
    unit cannot be known.

    ``other_units=True``: instead, every other backup there (other units' subfolders and
    flat files of another or unknown unit), each with its unit's name, for the user who
    explicitly wants to replace this unit's data with another's.
    """
    identity = unit_identity(source, folder)
    if not other_units:
        if identity is None:
            return []
        own = unit_subfolder(folder, identity)
        entries = [e for p in _files(own) if (e := _entry(p, identity)) is not None]
        entries += [
            e
            for path, found in _flat_backups(folder)
            if found is not None and found.uuid == identity.uuid
            if (e := _entry(path, found)) is not None
        ]
        return _newest_first(entries)
    entries = []
    for sub in _files(folder):
        data = _read_manifest(sub) if sub.is_dir() else {}
        uuid = data.get("identity")
        if not isinstance(uuid, str) or (identity is not None and uuid == identity.uuid):
            continue  # not a unit's subfolder, or this unit's own
        whose = FileIdentity(uuid, str(data.get("unit", "")))
        entries += [e for path in _files(sub) if (e := _entry(path, whose)) is not None]
    for path, found in _flat_backups(folder):
        if identity is None or found is None or found.uuid != identity.uuid:
            entry = _entry(path, found)
            if entry is not None:
                entries.append(entry)
    return _newest_first(entries)


def has_backups_to_offer(source: Path, folder: Path) -> bool:
    """True when a restore list for ``source`` would hold something: backups of its unit, or,
    when its unit cannot be known (the file is gone or damaged and no backup recorded it),
    any backup in the folder (then shown as other units' backups, restored on request)."""
    if list_backups(source, folder):
        return True
    return unit_identity(source, folder) is None and bool(
        list_backups(source, folder, other_units=True)
    )


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


def _update_record(
    folder: Path, source: Path, identity: FileIdentity | None = None, **changes: Any
) -> None:
    data = _read_manifest(folder)
    if identity is not None:
        data["identity"] = identity.uuid
        data["unit"] = identity.unit_name
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


def _protected(folder: Path) -> set[str]:
    """Names never thinned in ``folder``: the backup most recently restored and the last one
    taken, of every file its manifest knows."""
    names: set[str] = set()
    for record in _read_manifest(folder)["files"].values():
        if not isinstance(record, dict):
            continue
        value = record.get("pinned", [])
        if isinstance(value, list):
            names.update(str(v) for v in value)
        if isinstance(record.get("last"), str):
            names.add(record["last"])
    return names


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- taking, thinning, restoring -----------------------------------------------------------


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


def folder_for_upgrade_copy(source: Path, folder: Path) -> Path | None:
    """Where the copy before a schema upgrade goes: the unit's subfolder of ``folder``
    (created owner-only), or None when ``folder`` is not there or the unit is unknown."""
    if not folder.is_dir():
        return None
    identity = read_identity(source)
    if identity is None:
        return None
    try:
        return make_unit_subfolder(folder, identity)
    except OSError:
        return None


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
    """Back ``source`` up into its unit's subfolder of ``folder`` (``None``: ``backups``
    beside it) if its data changed since the last backup there, then thin the unit's
    automatic backups.

    A file that names no unit (an old file whose unit was never set up) is copied flat into
    ``folder`` and nothing is thinned. Raises :class:`BackupFolderMissing`,
    :class:`DatabaseDamaged` (the copy failed its integrity check: nothing written, nothing
    thinned) or ``OSError`` (e.g. a full disk).
    """
    top = usable_folder(source, folder)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    identity = read_identity(source)
    if identity is None:
        copy = backup_file(source, top, name=_unique_name(source, top, now))
        return BackupResult(Outcome.WRITTEN, copy)
    own = make_unit_subfolder(top, identity)
    record = _record(own, source)
    last_name = record.get("last")
    last_path = own / last_name if isinstance(last_name, str) else None
    last_exists = last_path is not None and last_path.exists()
    before = fingerprint(source)
    if last_exists and record.get("fingerprint") == before:
        return BackupResult(Outcome.UNCHANGED, last_path)
    copy = backup_file(source, own, name=_unique_name(source, own, now))
    digest = _sha256(copy)
    if last_exists and record.get("sha256") == digest:
        copy.unlink()
        _update_record(own, source, identity, fingerprint=before)
        return BackupResult(Outcome.UNCHANGED, last_path)
    _update_record(own, source, identity, fingerprint=before, sha256=digest, last=copy.name)
    removed = thin(source, top, policy or RetentionPolicy(), now=now)
    return BackupResult(Outcome.WRITTEN, copy, removed)


def thin(
    source: Path, folder: Path, policy: RetentionPolicy, *, now: dt.datetime | None = None
) -> tuple[Path, ...]:
    """Delete the automatic backups of ``source``'s unit that :func:`backups_to_keep` lets
    go: in its subfolder of ``folder``, and older ones lying flat in ``folder`` whose
    identity is the unit's. Another unit's backups are never candidates."""
    now = now or dt.datetime.now()
    identity = read_identity(source)
    if identity is None:
        return ()
    automatic = [e for e in list_backups(source, folder) if e.kind is BackupKind.AUTOMATIC]
    keep = backups_to_keep((e.taken for e in automatic), now, policy)
    own = unit_subfolder(folder, identity)
    protected = {own / name for name in _protected(own)}
    protected |= {folder / name for name in _protected(folder)}
    removed = []
    for entry in automatic:
        if entry.taken in keep or entry.path in protected or entry.identity != identity.uuid:
            continue
        with contextlib.suppress(FileNotFoundError):
            entry.path.unlink()
            removed.append(entry.path)
    for parent in {path.parent for path in removed}:
        fsync_directory(parent)
    return tuple(removed)


def check_restorable(backup: Path) -> None:
    """Refuse a backup that is not a sound unit file of a version this one can open."""
    report = inspect_file(backup)
    if not report.integrity_ok:
        raise DatabaseDamaged(backup, "; ".join(report.integrity_messages[:3]))


def restore(
    backup: Path,
    target: Path,
    folder: Path | None = None,
    *,
    allow_other_unit: bool = False,
) -> Path | None:
    """Put ``backup`` in place of the closed unit file ``target``; return the kept copy.

    A backup of another unit than ``target``'s is refused (:class:`BackupOfAnotherUnit`,
    nothing changed) unless ``allow_other_unit``: then ``target`` holds that unit's data
    under a new identity of its own (its next backups go to a new subfolder, never the other
    unit's). A backup of the same unit keeps the identity. When ``target``'s unit cannot be
    known (the file is missing or damaged and no backup recorded it), any sound backup may
    be restored, and the file takes the backup's identity.

    The current file is copied into its unit's subfolder first (``…-before-restore-…``,
    never thinned; byte for byte if SQLite cannot read it), and a restored backup of the
    unit is pinned in the manifest so that thinning never removes it. A missing ``target``
    is written anew.
    """
    check_restorable(backup)
    if not target.parent.is_dir():
        raise DatabaseMissing(target.parent, "folder does not exist")
    top = usable_folder(target, folder)
    mine = unit_identity(target, top)
    theirs = read_identity(backup)
    other = mine is not None and (theirs is None or theirs.uuid != mine.uuid)
    if mine is not None and other and not allow_other_unit:
        raise BackupOfAnotherUnit(backup, theirs.unit_name if theirs else "", mine.unit_name)
    keeper = mine or theirs
    keep_folder = make_unit_subfolder(top, keeper) if keeper is not None else top
    name = _unique_name(target, keep_folder, dt.datetime.now(), BEFORE_RESTORE)
    kept = restore_backup(backup, target, keep_folder, kept_name=name, new_identity=other)
    if other:  # the file is a unit of its own now: no longer this unit's, nor the other's
        data = _read_manifest(keep_folder)
        if data["files"].pop(_key(target), None) is not None:
            _write_manifest(keep_folder, data)
        return kept
    home = top.resolve()
    if home in (backup.parent.resolve(), backup.parent.resolve().parent):
        _update_record(backup.parent, target, pinned=[backup.name])
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
