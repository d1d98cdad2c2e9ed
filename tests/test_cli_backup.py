"""``hyvinvointi backup`` follows the application's settings: the backup folder chosen in
Settings (the unit's subfolder inside it), only when the data changed, thinned by the same
rules; ``--to`` uses another folder with the same layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from hyvinvointi_app import cli
from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.services import backups, members
from hyvinvointi_app.services.backups import RetentionPolicy
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.settings import (
    BackupSettings,
    load_backup_settings,
    save_backup_settings,
)
from hyvinvointi_app.store.database import create_database, open_database
from hyvinvointi_app.store.identity import read_identity


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("HYVINVOINTI_HOME", str(folder))
    return folder


def _backup(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "en", "backup", *args])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def _add_member(path: Path, name: str) -> None:
    with open_database(path) as db:
        members.add_member(db, MemberInput(name, Role.ECEC_STAFF))


def test_backup_goes_to_the_folder_chosen_in_settings_and_is_thinned(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "laptop" / "unit.sqlite"
    path.parent.mkdir()
    create_database(path).close()
    stick = tmp_path / "USB"
    stick.mkdir()
    save_backup_settings(
        BackupSettings(stick, RetentionPolicy(last=2, daily=0, weekly=0, monthly=0))
    )
    identity = read_identity(path)
    assert identity is not None
    own = backups.make_unit_subfolder(stick, identity)
    older = [own / f"unit-2025{month:02d}01-120000.sqlite" for month in (1, 2, 3)]
    for old in older:
        old.write_bytes(b"an older automatic backup")

    _add_member(path, "Jäsen")
    code, out, err = _backup(capsys, str(path))
    assert code == 0, err
    copy = Path(out)
    assert copy.parent == own and own.name.endswith(identity.short)
    listed = [e.path for e in backups.list_backups(path, stick)]
    assert listed == [copy, older[-1]]  # thinned as the application does
    assert not (path.parent / "backups").exists()

    code, out, _err = _backup(capsys, str(path))  # nothing changed: no new copy
    assert code == 0 and "Nothing has changed since the last backup" in out
    assert [e.path for e in backups.list_backups(path, stick)] == listed


def test_a_chosen_folder_that_is_missing_is_reported_not_created(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    stick = tmp_path / "media" / "USB"
    save_backup_settings(BackupSettings(stick))
    code, _out, err = _backup(capsys, str(path))
    assert code == cli.EXIT_ERROR
    assert str(stick) in err and len(err.splitlines()) == 1
    assert not (tmp_path / "media").exists()


def test_to_uses_another_folder_with_the_same_layout(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    code, out, err = _backup(capsys, str(path), "--to", str(tmp_path / "copies"))
    assert code == 0, err
    copy = Path(out)
    assert copy.parent.parent == tmp_path / "copies"
    assert [e.path for e in backups.list_backups(path, tmp_path / "copies")] == [copy]


def test_without_settings_the_default_folder_beside_the_file_is_used(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    code, out, err = _backup(capsys, str(path))
    assert code == 0, err
    assert Path(out).parent.parent == tmp_path / "backups"


def test_a_folder_chosen_in_an_earlier_version_is_not_forgotten(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Earlier versions kept the backup settings in Qt's settings.ini only."""
    stick = tmp_path / 'Työ, "USB"'
    stick.mkdir()
    home.mkdir()
    escaped = str(stick).replace("\\", "\\\\").replace('"', '\\"')
    (home / "settings.ini").write_text(
        f'[General]\nlanguage=fi\n\n[backup]\nfolder="{escaped}"\nkeep_last=3\nkeep_daily=0\n',
        encoding="utf-8",
    )
    assert load_backup_settings() == BackupSettings(stick, RetentionPolicy(3, 0, 8, 12))
    path = tmp_path / "unit.sqlite"
    create_database(path).close()
    code, out, err = _backup(capsys, str(path))
    assert code == 0, err
    assert Path(out).parent.parent == stick
