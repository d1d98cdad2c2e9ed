"""Reading coordinator bundles back, as the coordinator's overview does: version 2 as written,
version 1 as an earlier release wrote it, and every kind of bad bundle refused with its
reason, never an exception of another kind and never a file written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hyvinvointi_app.domain.enums import ThemeCoverage
from hyvinvointi_app.reports.bundle import build_bundle
from hyvinvointi_app.services import periods, unit
from hyvinvointi_app.services.bundle_reader import (
    MAX_JSON_BYTES,
    BundleRefused,
    RefusalReason,
    read_bundle,
    schema,
)
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database

TODAY = dt.date(2026, 11, 23)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bundles"
V1_FIXTURE = FIXTURES / "v1-granbacken-2025-2026.zip"
"""A bundle as version 1 wrote it (the release before this one): the Swedish demo of two
periods, period 2025-2026, PDFs in Swedish, made on 23.11.2026."""


def _write_bundle(folder: Path, name: str, site_code: str = "") -> Path:
    """A one-language bundle of period 2025-2026 of a demo unit of its own."""
    path = folder / f"{name}.sqlite"
    write_demo(path, language="fi", years=2, today=TODAY)
    db = open_database(path)
    try:
        if site_code:
            info = unit.get_unit(db)
            unit.set_up_unit(db, dataclasses.replace(info, site_code=site_code))
        period = periods.period_by_label(db, "2025-2026").id
        return build_bundle(db, period, folder / f"{name}.zip", languages=("fi",), today=TODAY).path
    finally:
        db.close()


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two units of the same name and period: one with a site code, one without."""
    folder = tmp_path_factory.mktemp("bundles")
    return (
        _write_bundle(folder, "first", site_code="1.2.246.562.10.12345678901"),
        _write_bundle(folder, "second"),
    )


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _json_name(members: dict[str, bytes]) -> str:
    return next(name for name in members if name.endswith("-bundle.json"))


def test_a_version_2_bundle_reads_as_written(bundles: tuple[Path, Path]) -> None:
    first, second = (read_bundle(path) for path in bundles)
    assert (first.version, second.version) == (2, 2)
    raw = json.loads(_members(bundles[0])[_json_name(_members(bundles[0]))])
    assert first.document == raw
    assert first.modified == bundles[0].stat().st_mtime
    # Two units of one name differ by their identity and their folder.
    assert first.document["unit"]["name_fi"] == second.document["unit"]["name_fi"]
    assert first.document["unit"]["id"] != second.document["unit"]["id"]
    assert first.document["unit"]["site_code"] == "1.2.246.562.10.12345678901"
    assert second.document["unit"]["site_code"] == ""
    assert first.document["folder"] == "paivakoti-kuusikko-1-2-246-562-10-12345678901-2025-2026"
    assert second.document["folder"] == (
        f"paivakoti-kuusikko-{second.document['unit']['id'][:8]}-2025-2026"
    )


def test_version_2_carries_voices_clock_coverage_and_next_areas(
    bundles: tuple[Path, Path],
) -> None:
    document = read_bundle(bundles[0]).document
    kinds = {voice["kind"] for voice in document["voices"]}
    assert kinds == {"children", "guardians"}
    assert all(voice["summary"] or voice["methods"] for voice in document["voices"])
    coverage = {theme["coverage"] for theme in document["annual_clock"]}
    assert ThemeCoverage.HANDLED_IN_MEETING.value in coverage
    assert coverage <= {c.value for c in ThemeCoverage}
    handled = [t for t in document["annual_clock"] if t["coverage"] == "handled_in_meeting"]
    assert all(t["meeting_numbers"] for t in handled)
    assert document["next_period_development_areas"]
    evaluations = [e for plan in document["plans"] for e in plan["evaluations"]]
    assert evaluations and all("current_state" in e and "update_due" in e for e in evaluations)


def test_bundles_of_many_units_unzip_side_by_side(
    bundles: tuple[Path, Path], tmp_path: Path
) -> None:
    """Each file's name begins with the unit's folder name, and all of them are in it."""
    target = tmp_path / "all"
    expected = 0
    for path in bundles:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            folder = names[0].split("/")[0]
            assert all(n.startswith(f"{folder}/") for n in names)
            assert all(n.rsplit("/", 1)[-1].startswith(f"{folder}-") for n in names)
            archive.extractall(target)
            expected += len(names)
    assert len([p for p in target.rglob("*") if p.is_file()]) == expected
    assert len(list(target.iterdir())) == 2


def test_a_version_1_bundle_is_read_in_version_2_shape() -> None:
    read = read_bundle(V1_FIXTURE)
    assert read.version == 1
    document = read.document
    jsonschema.Draft202012Validator(schema(1)).validate(
        json.loads(_members(V1_FIXTURE)["bundle.json"])
    )
    assert document["unit"]["name_sv"] == "Daghemmet Granbacken"
    assert (document["unit"]["id"], document["unit"]["site_code"], document["folder"]) == (
        "",
        "",
        "",
    )
    assert document["voices"] == document["annual_clock"] == []
    assert document["next_period_development_areas"] == []
    assert document["meetings_held"] == len(document["meetings"]) > 0
    evaluations = [e for plan in document["plans"] for e in plan["evaluations"]]
    assert evaluations and all(e["current_state"] == "" for e in evaluations)
    assert all("evaluated_in_period" in plan for plan in document["plans"])


Mutation = Callable[[dict[str, bytes], Path], Path]


def _with_json(change: Callable[[dict[str, Any]], object]) -> Mutation:
    def mutate(members: dict[str, bytes], out: Path) -> Path:
        name = _json_name(members)
        document = json.loads(members[name])
        change(document)
        return _zip(out, {**members, name: json.dumps(document).encode()})

    return mutate


def _bomb(members: dict[str, bytes], out: Path) -> Path:
    """bundle.json padded with 50 MB of spaces: still valid JSON, 50 kB compressed."""
    name = _json_name(members)
    return _zip(out, {**members, name: members[name] + b" " * (50 * 1024 * 1024)})


def _packed_tight(members: dict[str, bytes], out: Path) -> Path:
    """bundle.json padded to 7 MB (under the size limit) that packs 1000 to 1."""
    name = _json_name(members)
    return _zip(out, {**members, name: members[name] + b" " * (7 * 1024 * 1024)})


def _many_files(members: dict[str, bytes], out: Path) -> Path:
    """6000 tiny files beside the bundle: refused from the directory's end record."""
    return _zip(out, {**members, **{f"x/{n}.txt": b"" for n in range(6000)}})


def _central_entry(data: bytearray, name: str) -> int:
    """Where the zip's directory entry of ``name`` starts."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(name)


def _patched(field: int, value: bytes) -> Mutation:
    """A real bundle with one field of bundle.json's directory entry rewritten."""

    def mutate(members: dict[str, bytes], out: Path) -> Path:
        _zip(out, members)
        data = bytearray(out.read_bytes())
        entry = _central_entry(data, _json_name(members))
        data[entry + field : entry + field + len(value)] = value
        out.write_bytes(bytes(data))
        return out

    return mutate


def _damaged(members: dict[str, bytes], out: Path) -> Path:
    """Bytes inside the compressed bundle.json overwritten (a bad sector, a cut download)."""
    _zip(out, members)
    data = bytearray(out.read_bytes())
    name = _json_name(members).encode()
    start = data.index(name) + len(name) + 200
    data[start : start + 64] = bytes(64)
    out.write_bytes(bytes(data))
    return out


def _patched_name_flag(members: dict[str, bytes], out: Path) -> Path:
    """An extra file whose name's bytes are not UTF-8, in an entry flagged as UTF-8."""
    _zip(out, {**members, "zz/\u00e4.txt": b""})
    data = bytearray(out.read_bytes())
    entry = _central_entry(data, "zz/\u00e4.txt")
    length = int.from_bytes(data[entry + 28 : entry + 30], "little")
    data[entry + 46 + length - 5] = 0xFF  # the second byte of ä: no longer UTF-8
    out.write_bytes(bytes(data))
    return out


def _write(out: Path, data: bytes) -> Path:
    out.write_bytes(data)
    return out


def _truncated(members: dict[str, bytes], out: Path) -> Path:
    _zip(out, members)
    data = out.read_bytes()
    return _write(out, data[: len(data) // 2])


BAD: dict[str, tuple[Mutation, RefusalReason]] = {
    "random bytes": (
        lambda m, out: _write(out, b"PK\x03\x04 not really" * 50),
        RefusalReason.NOT_A_ZIP,
    ),
    "empty file": (lambda m, out: _write(out, b""), RefusalReason.NOT_A_ZIP),
    "truncated": (lambda m, out: _truncated(m, out), RefusalReason.NOT_A_ZIP),
    "another program's zip": (
        lambda m, out: _zip(out, {"readme.txt": b"hello"}),
        RefusalReason.NO_BUNDLE_JSON,
    ),
    "two bundle.json": (
        lambda m, out: _zip(out, {**m, "bundle.json": m[_json_name(m)]}),
        RefusalReason.NO_BUNDLE_JSON,
    ),
    "not JSON": (
        lambda m, out: _zip(out, {**m, _json_name(m): b"\xff\xfe{"}),
        RefusalReason.NOT_JSON,
    ),
    "foreign JSON": (
        lambda m, out: _zip(out, {**m, _json_name(m): b'{"format": "something-else"}'}),
        RefusalReason.FOREIGN,
    ),
    "a JSON list": (
        lambda m, out: _zip(out, {**m, _json_name(m): b"[1, 2]"}),
        RefusalReason.FOREIGN,
    ),
    "too new": (_with_json(lambda d: d.update(version=3)), RefusalReason.TOO_NEW),
    "version as text": (_with_json(lambda d: d.update(version="2")), RefusalReason.INVALID_VERSION),
    "version true": (_with_json(lambda d: d.update(version=True)), RefusalReason.INVALID_VERSION),
    "missing figures": (_with_json(lambda d: d.pop("meetings")), RefusalReason.INVALID),
    "negative count": (_with_json(lambda d: d.update(meetings_held=-1)), RefusalReason.INVALID),
    "zip bomb": (_bomb, RefusalReason.BOMB),
    "climbs out": (
        lambda m, out: _zip(out, {**m, "../../evil.bat": b"x"}),
        RefusalReason.UNSAFE_NAMES,
    ),
    "absolute": (lambda m, out: _zip(out, {**m, "/etc/evil": b"x"}), RefusalReason.UNSAFE_NAMES),
    "drive": (
        lambda m, out: _zip(out, {**m, "C:/Windows/evil.dll": b"x"}),
        RefusalReason.UNSAFE_NAMES,
    ),
    "backslashes": (
        lambda m, out: _zip(out, {**m, "x\\..\\..\\evil": b"x"}),
        RefusalReason.UNSAFE_NAMES,
    ),
    "damaged": (_damaged, RefusalReason.DAMAGED),
    "packed too tight": (_packed_tight, RefusalReason.BOMB),
    "directory too large": (_many_files, RefusalReason.BOMB),
    # the directory says 10 bytes: zipfile unpacks no more, and the CRC then fails
    "size understated": (_patched(24, (10).to_bytes(4, "little")), RefusalReason.DAMAGED),
    "encrypted": (_patched(8, (1).to_bytes(2, "little")), RefusalReason.UNREADABLE),
    "a name of dot": (lambda m, out: _zip(out, {**m, "./": b""}), RefusalReason.UNSAFE_NAMES),
    "a number of 5000 digits": (
        lambda m, out: _zip(out, {**m, _json_name(m): b'{"format": ' + b"1" * 5000 + b"}"}),
        RefusalReason.NOT_JSON,
    ),
    "a name not UTF-8 though flagged so": (
        _patched_name_flag,
        RefusalReason.NOT_A_ZIP,
    ),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_a_bad_bundle_is_refused_with_its_reason_and_nothing_is_written(
    bundles: tuple[Path, Path], tmp_path: Path, case: str
) -> None:
    mutate, reason = BAD[case]
    path = mutate(_members(bundles[1]), tmp_path / "bad.zip")
    with pytest.raises(BundleRefused) as refused:
        read_bundle(path)
    assert refused.value.reason is reason, refused.value
    assert refused.value.path == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.zip"]


def test_a_folder_or_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "missing.zip"):
        with pytest.raises(BundleRefused) as refused:
            read_bundle(path)
        assert refused.value.reason is RefusalReason.UNREADABLE


def test_the_size_limit_of_bundle_json_leaves_room_for_a_busy_unit(
    bundles: tuple[Path, Path],
) -> None:
    """Ten years of a busy unit's figures stay far below the limit (here: one period)."""
    size = len(_members(bundles[0])[_json_name(_members(bundles[0]))])
    assert size * 100 < MAX_JSON_BYTES
