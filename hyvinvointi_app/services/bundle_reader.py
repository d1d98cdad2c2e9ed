"""Reading a unit's coordinator bundle back, as the coordinator's overview does: safely, since
a bundle arrives by e-mail or on a stick and may be damaged, foreign, truncated, written by a
newer version, or made to harm (a zip bomb, names that climb out of a folder).

Nothing of the zip is ever extracted: only its ``bundle.json`` is read, into memory, its
size bounded by the zip's directory (whose own size is checked before it is parsed). A
bundle that fails any check is refused with a reason code (:class:`BundleRefused`); the
caller lists it and goes on with the rest.

Both versions of the format are read (``docs/bundle.md``): version 1 kept ``bundle.json`` at
the zip's root, version 2 keeps it in the bundle's folder as ``<folder>/<folder>-bundle.json``.
Each is validated against its own published schema, and a version-1 document is brought to
version 2's shape (:func:`as_version_2`) so that everything after this module reads one shape.
"""

from __future__ import annotations

import json
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from hyvinvointi_app.resources import resource_path

FORMAT = "hyvinvointi-bundle"
NEWEST_VERSION = 2
"""The newest version this application reads (and writes)."""

MAX_BUNDLE_BYTES = 200 * 1024 * 1024
"""A real bundle of ten years of memos in two languages is a few megabytes."""
MAX_JSON_BYTES = 8 * 1024 * 1024
"""``bundle.json`` of a very busy unit is well under a megabyte."""
MAX_MEMBERS = 5000
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024
"""A zip's directory of 5000 names; a larger one is refused before it is parsed (400 000
tiny entries took 4 s and 220 MB to parse)."""
MAX_RATIO = 200
"""Compressed JSON shrinks some 5–10 times; far more is a bomb."""
_END_OF_DIRECTORY = b"PK\x05\x06"
_END_RECORD_SIZE = 22
_LONGEST_COMMENT = 0xFFFF


class RefusalReason(StrEnum):
    """Why a bundle was skipped; each has a translated sentence in the interface."""

    UNREADABLE = "unreadable"
    """The file cannot be read (missing, no permission, a folder, a device)."""
    TOO_LARGE = "too_large"
    NOT_A_ZIP = "not_a_zip"
    """Not a zip, or a truncated one."""
    UNSAFE_NAMES = "unsafe_names"
    """A name in the zip is absolute or climbs out of its folder."""
    NO_BUNDLE_JSON = "no_bundle_json"
    """A zip, but not a coordinator bundle (another program's zip)."""
    BOMB = "bomb"
    """``bundle.json`` unpacks to far more than it may."""
    DAMAGED = "damaged"
    """The zip's data is damaged (a checksum fails)."""
    NOT_JSON = "not_json"
    FOREIGN = "foreign"
    """JSON, but not a coordinator bundle."""
    TOO_NEW = "too_new"
    INVALID_VERSION = "invalid_version"
    INVALID = "invalid"
    """Does not follow its version's schema."""


class BundleRefused(Exception):
    """A bundle that cannot be read; ``detail`` (English, technical) helps support."""

    def __init__(self, path: Path, reason: RefusalReason, detail: str = "") -> None:
        super().__init__(f"{path}: {reason.value}{': ' + detail if detail else ''}")
        self.path = path
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class ReadBundle:
    path: Path
    version: int
    """The version the bundle was written in (1 or 2)."""
    document: dict[str, Any]
    """``bundle.json`` in version 2's shape (:func:`as_version_2`)."""
    modified: float
    """The file's modification time (seconds since the epoch)."""


@cache
def schema(version: int) -> dict[str, Any]:
    """The published JSON Schema of a version of the format."""
    text = resource_path(f"bundle-{version}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator(version: int) -> Callable[[Any], Any]:
    """The version's schema compiled to Python (fastjsonschema: some 2 ms a bundle, where
    jsonschema takes 12; a coordinator reads hundreds). The schemas use nothing beyond
    draft 7 but ``$defs``, which is reached by its JSON pointer, so they compile as draft 7;
    the tests check every bundle with jsonschema's draft 2020-12 validator too."""
    import fastjsonschema  # only the coordinator's overview needs it

    return fastjsonschema.compile(
        {**schema(version), "$schema": "http://json-schema.org/draft-07/schema#"}
    )


def _is_unsafe(name: str) -> bool:
    """An absolute name, a drive, a backslash or a ``..`` part: extracted carelessly by
    another tool it would land outside the folder it is unzipped into."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return True
    parts = PurePosixPath(name).parts
    return not parts or ".." in parts or (len(parts[0]) >= 2 and parts[0][1] == ":")


def _check_directory(path: Path, size: int) -> None:
    """Refuse a zip whose directory is too large to parse, from its end record alone (what
    :mod:`zipfile` would parse whole before any limit could apply). A bundle never needs a
    Zip64 directory; the end record's fields saturate when one is used."""
    with path.open("rb") as stream:
        tail_size = min(size, _END_RECORD_SIZE + _LONGEST_COMMENT)
        stream.seek(size - tail_size)
        tail = stream.read(tail_size)
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) - at < _END_RECORD_SIZE:
        raise BundleRefused(path, RefusalReason.NOT_A_ZIP, "no end of directory")
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    if entries > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
        raise BundleRefused(path, RefusalReason.BOMB, f"{entries} files, {directory} bytes")


def _json_member(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    """``bundle.json`` of version 1 (at the root) or 2 (``<folder>/<folder>-bundle.json``)."""
    candidates = []
    for info in archive.infolist():
        parts = info.filename.split("/")
        if info.filename == "bundle.json" or (
            len(parts) == 2 and parts[1] == f"{parts[0]}-bundle.json"
        ):
            candidates.append(info)
    if len(candidates) != 1:
        raise BundleRefused(path, RefusalReason.NO_BUNDLE_JSON, f"{len(candidates)} candidates")
    return candidates[0]


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """The member's bytes, its size and compression ratio checked first. :mod:`zipfile`
    unpacks no more than the size the zip's directory gives and checks the data's CRC, so a
    member that unpacks to more than its header says fails as damaged."""
    if info.file_size > MAX_JSON_BYTES or (
        info.compress_size and info.file_size / info.compress_size > MAX_RATIO
    ):
        raise BundleRefused(path, RefusalReason.BOMB, f"{info.file_size} bytes")
    if info.flag_bits & 0x1:
        raise BundleRefused(path, RefusalReason.UNREADABLE, "encrypted")
    try:
        with archive.open(info) as stream:
            return stream.read()
    except (zipfile.BadZipFile, zlib.error) as error:
        raise BundleRefused(path, RefusalReason.DAMAGED, str(error)) from error
    except Exception as error:  # a made-up zip may fail in any codec (lzma, bz2...)
        raise BundleRefused(path, RefusalReason.DAMAGED, type(error).__name__) from error


def _load(path: Path) -> tuple[dict[str, Any], float]:
    try:
        status = path.stat()
    except OSError as error:
        raise BundleRefused(path, RefusalReason.UNREADABLE, type(error).__name__) from error
    if not stat.S_ISREG(status.st_mode):
        raise BundleRefused(path, RefusalReason.UNREADABLE, "not a regular file")
    if status.st_size > MAX_BUNDLE_BYTES:
        raise BundleRefused(path, RefusalReason.TOO_LARGE, f"{status.st_size} bytes")
    try:
        _check_directory(path, status.st_size)
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise BundleRefused(path, RefusalReason.BOMB, f"{len(members)} files")
            unsafe = [info.filename for info in members if _is_unsafe(info.filename)]
            if unsafe:
                raise BundleRefused(path, RefusalReason.UNSAFE_NAMES, repr(unsafe[0])[:80])
            data = _read_bounded(archive, _json_member(archive, path), path)
    except BundleRefused:
        raise
    except OSError as error:
        raise BundleRefused(path, RefusalReason.UNREADABLE, type(error).__name__) from error
    except Exception as error:  # BadZipFile, and whatever a made-up directory raises
        raise BundleRefused(path, RefusalReason.NOT_A_ZIP, type(error).__name__) from error
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        # ValueError: JSON's own errors, and a number of more digits than Python converts
        raise BundleRefused(path, RefusalReason.NOT_JSON, type(error).__name__) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BundleRefused(path, RefusalReason.FOREIGN)
    return document, status.st_mtime


def read_bundle(path: Path) -> ReadBundle:
    """The bundle at ``path``, checked and in version 2's shape; :class:`BundleRefused` with
    the reason when it cannot be used."""
    path = Path(path)
    document, modified = _load(path)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleRefused(path, RefusalReason.INVALID_VERSION, repr(version)[:40])
    if version > NEWEST_VERSION:
        raise BundleRefused(path, RefusalReason.TOO_NEW, str(version))
    from fastjsonschema import JsonSchemaException

    try:
        _validator(version)(document)
    except JsonSchemaException as error:
        raise BundleRefused(path, RefusalReason.INVALID, str(error)[:200]) from error
    if version == 1:
        document = as_version_2(document)
    document.setdefault("surveys", [])  # added within version 2
    return ReadBundle(path, version, document, modified)


def as_version_2(document: dict[str, Any]) -> dict[str, Any]:
    """A version-1 ``bundle.json`` in version 2's shape: what version 1 did not carry is
    empty (no identity or site code, no voices, no clock coverage, no development areas),
    and fields added within version 1 that an early bundle lacks get their empty value."""
    upgraded = dict(document)
    upgraded["unit"] = {"id": "", "site_code": "", **document["unit"]}
    upgraded["folder"] = ""
    for key, empty in (
        ("summary", ""),
        ("summary_approved_on", None),
        ("provider_requests", ""),
        ("voices", []),
        ("annual_clock", []),
        ("unplanned_themes", []),
        ("next_period_development_areas", []),
    ):
        upgraded.setdefault(key, empty)
    upgraded["plans"] = [
        {
            **plan,
            "evaluated_in_period": plan.get("evaluated_in_period", bool(plan["evaluations"])),
            "evaluations": [
                {"current_state": "", "update_due": None, **evaluation}
                for evaluation in plan["evaluations"]
            ],
        }
        for plan in document["plans"]
    ]
    return upgraded
