"""Backups belong to one unit: two units whose files are both ``unit.sqlite`` share one backup
folder (a USB stick) and each lists and thins only its own backups, in a subfolder of its
own; another unit's backup is restored only when that is asked for explicitly; and backups
written flat into the folder by earlier versions are still listed for their own unit."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_files import sha256

from hyvinvointi_app.domain.enums import Language, Role
from hyvinvointi_app.domain.errors import BackupOfAnotherUnit
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.services import backups, members, unit
from hyvinvointi_app.services.backups import BackupKind, Outcome, RetentionPolicy
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.unit import UnitInfo
from hyvinvointi_app.store.database import create_database, open_database
from hyvinvointi_app.store.identity import FileIdentity, read_identity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
STRICT = RetentionPolicy(last=2, daily=0, weekly=0, monthly=0)
MONDAY = dt.datetime(2026, 11, 23, 9, 0)


def _make_unit(path: Path, name: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = create_database(path)
    unit.set_up_unit(db, UnitInfo(name, "", "Porvoo", False, Language.FINNISH))
    db.close()


def _change(path: Path, member: str) -> None:
    with open_database(path) as db:
        members.add_member(db, MemberInput(member, Role.ECEC_STAFF))


def _member_names(path: Path) -> list[str | None]:
    with open_database(path) as db:
        return [m.name for m in members.list_members(db)]


def _identity(path: Path) -> FileIdentity:
    identity = read_identity(path)
    assert identity is not None
    return identity


@pytest.fixture
def two_units(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Kuusikko's and Koivikko's ``unit.sqlite`` on two computers, one USB stick."""
    kuusikko = tmp_path / "laptop-1" / "unit.sqlite"
    koivikko = tmp_path / "laptop-2" / "unit.sqlite"
    _make_unit(kuusikko, "Päiväkoti Kuusikko")
    _make_unit(koivikko, "Päiväkoti Koivikko")
    stick = tmp_path / "USB"
    stick.mkdir()
    return kuusikko, koivikko, stick


def test_two_units_of_the_same_file_name_keep_their_backups_apart(
    two_units: tuple[Path, Path, Path],
) -> None:
    kuusikko, koivikko, stick = two_units
    taken: dict[Path, list[Path]] = {kuusikko: [], koivikko: []}
    for hour in range(6):  # turn by turn, each with the strictest thinning
        for path in (kuusikko, koivikko):
            _change(path, f"Jäsen {hour}")
            result = backups.take_backup(path, stick, STRICT, now=MONDAY + dt.timedelta(hours=hour))
            assert result.outcome is Outcome.WRITTEN and result.path is not None
            taken[path].append(result.path)
            for removed in result.removed:
                assert removed in taken[path], "thinned another unit's backup"

    for path, other in ((kuusikko, koivikko), (koivikko, kuusikko)):
        own = backups.list_backups(path, stick)
        assert [e.path for e in own] == taken[path][::-1][:2]  # the two newest of its own
        assert {e.identity for e in own} == {_identity(path).uuid}
        assert all(e.path.parent == own[0].path.parent for e in own)
        others = backups.list_backups(path, stick, other_units=True)
        assert {e.path for e in others} == {e.path for e in backups.list_backups(other, stick)}
        assert {e.unit_name for e in others} == {_identity(other).unit_name}

    folders = sorted(p.name for p in stick.iterdir() if p.is_dir())
    assert folders == sorted(
        [
            f"paivakoti-kuusikko-{_identity(kuusikko).short}",
            f"paivakoti-koivikko-{_identity(koivikko).short}",
        ]
    )


def test_a_renamed_unit_keeps_its_backup_folder(two_units: tuple[Path, Path, Path]) -> None:
    kuusikko, _koivikko, stick = two_units
    first = backups.take_backup(kuusikko, stick, now=MONDAY).path
    with open_database(kuusikko) as db:
        unit.set_up_unit(db, UnitInfo("Kuusikon päiväkoti", "", "", False, Language.FINNISH))
    second = backups.take_backup(kuusikko, stick, now=MONDAY + dt.timedelta(hours=1)).path
    assert first is not None and second is not None and first.parent == second.parent


def test_restoring_another_units_backup_is_refused_unless_chosen(
    two_units: tuple[Path, Path, Path],
) -> None:
    kuusikko, koivikko, stick = two_units
    _change(koivikko, "Koivikon jäsen")
    theirs = backups.take_backup(koivikko, stick).path
    assert theirs is not None
    _change(kuusikko, "Kuusikon jäsen")
    before = sha256(kuusikko)

    with pytest.raises(BackupOfAnotherUnit) as refused:
        backups.restore(theirs, kuusikko, stick)
    assert refused.value.this_unit == "Päiväkoti Kuusikko"
    assert refused.value.backup_unit == "Päiväkoti Koivikko"
    message = describe(refused.value)
    assert "Päiväkoti Kuusikko" in message and "Päiväkoti Koivikko" in message
    assert sha256(kuusikko) == before
    assert not list(stick.rglob("*before-restore*"))

    mine = _identity(kuusikko)
    kept = backups.restore(theirs, kuusikko, stick, allow_other_unit=True)
    assert _member_names(kuusikko) == ["Koivikon jäsen"]
    # Kuusikko's data as it was is kept with Kuusikko's backups.
    assert kept is not None and kept.parent == backups.unit_subfolder(stick, mine)
    assert _member_names(kept) == ["Kuusikon jäsen"]

    # The file holds Koivikko's data but is a unit of its own from now on: a new identity,
    # so its backups go to a new subfolder and the two live files never thin each other's.
    restored = _identity(kuusikko)
    assert restored.uuid not in (mine.uuid, _identity(koivikko).uuid)
    assert restored.unit_name == "Päiväkoti Koivikko"
    koivikko_folder = theirs.parent
    taken: list[Path] = []
    for hour in range(4):
        for path in (kuusikko, koivikko):
            _change(path, f"Jäsen {hour}")
            result = backups.take_backup(path, stick, STRICT, now=MONDAY + dt.timedelta(hours=hour))
            assert result.path is not None
            if path == kuusikko:
                assert result.path.parent not in (koivikko_folder, kept.parent)
                taken.append(result.path)
            else:
                assert result.path.parent == koivikko_folder
                assert not set(result.removed) & set(taken), "thinned the other file's backups"
    assert [e.path for e in backups.list_backups(kuusikko, stick)][:2] == taken[::-1][:2]
    assert theirs.exists()  # another unit's backup, never thinned by the restored file


def test_restoring_another_units_old_backup_gives_a_new_identity(
    two_units: tuple[Path, Path, Path],
) -> None:
    """A backup from before identities (schema 2) would otherwise get its unit's derived
    identity back at the upgrade on opening."""
    kuusikko, _koivikko, stick = two_units
    old = stick / "unit-20261101-120000.sqlite"
    shutil.copyfile(FIXTURES / "schema_v2.sqlite", old)
    theirs = _identity(old)
    mine = _identity(kuusikko)
    backups.restore(old, kuusikko, stick, allow_other_unit=True)
    open_database(kuusikko).close()
    assert _identity(kuusikko).uuid not in (mine.uuid, theirs.uuid)
    assert _identity(old) == theirs  # the backup itself is not changed


def test_restoring_a_backup_of_the_same_unit_keeps_its_identity(
    two_units: tuple[Path, Path, Path],
) -> None:
    kuusikko, _koivikko, stick = two_units
    mine = _identity(kuusikko)
    first = backups.take_backup(kuusikko, stick, now=MONDAY).path
    _change(kuusikko, "Myöhempi")
    assert first is not None
    backups.restore(first, kuusikko, stick)
    assert _identity(kuusikko) == mine
    result = backups.take_backup(kuusikko, stick, now=MONDAY + dt.timedelta(hours=1))
    assert result.path is not None and result.path.parent == first.parent


def test_old_flat_backups_are_still_listed_for_their_own_unit(tmp_path: Path) -> None:
    """Earlier versions wrote ``unit-….sqlite`` flat into the folder, for every unit alike."""
    path = tmp_path / "laptop" / "unit.sqlite"
    path.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_v2.sqlite", path)
    path.chmod(0o600)
    stick = tmp_path / "USB"
    stick.mkdir()
    own_old = [stick / f"unit-202611{day:02d}-120000.sqlite" for day in (1, 2, 3)]
    for old in own_old:
        shutil.copyfile(path, old)  # backups of this unit before the upgrade
    other = tmp_path / "elsewhere" / "unit.sqlite"
    _make_unit(other, "Päiväkoti Koivikko")
    foreign_old = stick / "unit-20261104-120000.sqlite"
    shutil.copyfile(other, foreign_old)
    unknown_old = stick / "unit-20261105-120000.sqlite"
    unknown_old.write_bytes(b"a damaged backup")

    open_database(path).close()  # the upgrade to version 3 gives the file its identity

    listed = backups.list_backups(path, stick)
    assert [e.path for e in listed] == own_old[::-1]
    assert all(e.kind is BackupKind.AUTOMATIC for e in listed)
    # Their identity is cached by the folder's manifest, so the next listing opens nothing.
    manifest = (stick / backups.MANIFEST_NAME).read_text(encoding="utf-8")
    assert foreign_old.name in manifest and _identity(path).uuid in manifest
    assert [e.path for e in backups.list_backups(path, stick)] == own_old[::-1]
    others = {e.path for e in backups.list_backups(path, stick, other_units=True)}
    assert others == {foreign_old, unknown_old}

    # Thinning takes the unit's old flat backups into account, and never another unit's.
    _change(path, "Uusi jäsen")
    result = backups.take_backup(path, stick, STRICT, now=MONDAY)
    assert result.path is not None and result.path.parent.parent == stick
    assert set(result.removed) == set(own_old[:2])
    assert [e.path for e in backups.list_backups(path, stick)] == [result.path, own_old[2]]
    assert foreign_old.exists() and unknown_old.exists()


def test_a_missing_unit_file_is_known_by_its_recorded_backups(
    two_units: tuple[Path, Path, Path],
) -> None:
    """When the file is gone (or damaged), its restore list still shows only its unit."""
    kuusikko, koivikko, stick = two_units
    own = backups.take_backup(kuusikko, stick).path
    backups.take_backup(koivikko, stick)
    kuusikko.unlink()
    assert [e.path for e in backups.list_backups(kuusikko, stick)] == [own]
    assert own is not None
    mine = FileIdentity(backups.list_backups(kuusikko, stick)[0].identity, "Päiväkoti Kuusikko")
    backups.restore(own, kuusikko, stick)
    assert _identity(kuusikko) == mine  # its own backup: the same unit


def test_the_copy_before_an_upgrade_goes_to_the_units_folder(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / "schema_v2.sqlite", path)
    path.chmod(0o600)
    stick = tmp_path / "USB"
    stick.mkdir()
    open_database(path, backup_dir=backups.folder_for_upgrade_copy(path, stick)).close()
    kinds = [(e.kind, e.path.name) for e in backups.list_backups(path, stick)]
    assert kinds == [(BackupKind.BEFORE_UPGRADE, "unit.before-upgrade-v2.sqlite")]


def test_a_file_whose_unit_cannot_be_known_is_offered_the_other_backups(
    tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    """A damaged file that no backup recorded: whose it was cannot be told, so every backup
    is offered, as another unit's (the dialog asks for the explicit choice)."""
    stick = tmp_path / "USB"
    stick.mkdir()
    other = tmp_path / "laptop-2" / "unit.sqlite"
    _make_unit(other, "Päiväkoti Koivikko")
    theirs = backups.take_backup(other, stick).path
    assert theirs is not None
    (tmp_path / "laptop").mkdir()
    path = make_bad_file("damaged", tmp_path / "laptop" / "unit.sqlite")
    assert backups.list_backups(path, stick) == []
    assert backups.has_backups_to_offer(path, stick)
    assert backups.restore(theirs, path, stick) is not None  # nothing to protect
    assert _identity(path) == _identity(other)
    # A unit that is known but has no backups is not offered another unit's.
    kuusikko = tmp_path / "laptop-3" / "unit.sqlite"
    _make_unit(kuusikko, "Päiväkoti Kuusikko")
    assert not backups.has_backups_to_offer(kuusikko, stick)


def test_listing_other_units_opens_no_backup_to_know_whose_it_is(
    two_units: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each unit's subfolder says whose it is in its manifest: read once per folder."""
    kuusikko, koivikko, stick = two_units
    for hour in range(3):
        _change(koivikko, f"Jäsen {hour}")
        backups.take_backup(koivikko, stick, now=MONDAY + dt.timedelta(hours=hour))
    opened: list[Path] = []
    real = backups.read_identity

    def counting(path: Path) -> FileIdentity | None:
        opened.append(path)
        return real(path)

    monkeypatch.setattr(backups, "read_identity", counting)
    others = backups.list_backups(kuusikko, stick, other_units=True)
    assert len(others) == 3
    assert {e.unit_name for e in others} == {"Päiväkoti Koivikko"}
    assert {e.identity for e in others} == {_identity(koivikko).uuid}
    assert opened == [kuusikko]  # only the unit file itself


def test_a_folder_that_merely_ends_like_a_units_is_not_taken_for_it(
    two_units: tuple[Path, Path, Path],
) -> None:
    """A folder of the user's whose name happens to end in the unit's 8 characters (or even
    equals the name its subfolder would get) holds no manifest of the unit: left alone."""
    kuusikko, _koivikko, stick = two_units
    short = _identity(kuusikko).short
    photos = stick / f"lomakuvat-{short}"
    photos.mkdir()
    (photos / "kesa.jpg").write_bytes(b"jpeg")
    same_name = stick / f"paivakoti-kuusikko-{short}"
    same_name.mkdir()
    (same_name / "muistio.txt").write_text("oma", encoding="utf-8")

    own = backups.unit_subfolder(stick, _identity(kuusikko))
    assert own not in (photos, same_name) and own.name.endswith(f"-{short}")
    result = backups.take_backup(kuusikko, stick, now=MONDAY)
    assert result.path is not None and result.path.parent == own
    assert sorted(p.name for p in photos.iterdir()) == ["kesa.jpg"]
    assert sorted(p.name for p in same_name.iterdir()) == ["muistio.txt"]
    # Found again next time, by the identity its manifest records.
    assert backups.unit_subfolder(stick, _identity(kuusikko)) == own
    assert [e.path for e in backups.list_backups(kuusikko, stick)] == [result.path]


def test_an_empty_folder_of_the_units_name_is_taken(two_units: tuple[Path, Path, Path]) -> None:
    kuusikko, _koivikko, stick = two_units
    empty = stick / f"kuusikko-{_identity(kuusikko).short}"
    empty.mkdir()
    result = backups.take_backup(kuusikko, stick, now=MONDAY)
    assert result.path is not None and result.path.parent == empty
