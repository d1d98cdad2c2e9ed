"""No export can overwrite the unit's own files: every target that would destroy data is
refused, with one translated line, before anything is written (issue: `report annual
unit.sqlite … -o unit.sqlite` replaced the unit file with a PDF). And reading never needs
write permission: `check` and `report` work on a read-only unit file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hyvinvointi_app.cli import main
from hyvinvointi_app.domain.errors import ExportRefusal, ExportRefused
from hyvinvointi_app.services import backups, exports
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.services.settings import BackupSettings, save_backup_settings

TODAY = dt.date(2026, 11, 23)
PERIOD = "2026-2027"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("refusals") / "unit.sqlite"
    write_demo(path, years=1, today=TODAY)
    return path


@pytest.fixture
def unit(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HYVINVOINTI_HOME", str(tmp_path / "home"))
    copy = tmp_path / "unit.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


def annual(unit: Path, out: Path, *extra: str) -> int:
    return main(["--lang", "en", "report", "annual", str(unit), "--period", PERIOD,
                 "-o", str(out), *extra])  # fmt: skip


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("hyvinvointi: "), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("name", ["unit.sqlite", "unit.sqlite-wal", "unit.sqlite-shm",
                                  "unit.sqlite.lock"])  # fmt: skip
def test_the_unit_file_and_its_companions_are_never_replaced(
    unit: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = unit.with_name(name)
    before = sha(unit)
    assert annual(unit, target, "--replace") == 2
    assert "unit file" in one_line(capsys)
    assert sha(unit) == before
    # SQLite removes its -wal and -shm on closing, and the lock is left empty: what is there
    # afterwards is theirs, never an export.
    assert not target.exists() or target == unit or target.read_bytes() == b""


def test_a_link_to_the_unit_file_is_refused_too(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "report.pdf"
    link.symlink_to(unit)
    before = sha(unit)
    assert annual(unit, link, "--replace") == 2
    one_line(capsys)
    assert sha(unit) == before and link.is_symlink()


def test_another_unit_file_is_never_replaced(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other" / "other-unit.pdf"  # named like a PDF, but a unit file
    other.parent.mkdir()
    shutil.copyfile(unit, other)
    before = sha(other)
    assert annual(unit, other, "--replace") == 2
    assert "unit file" in one_line(capsys)
    assert sha(other) == before


def test_nothing_is_written_into_the_backup_folder(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default = unit.parent / "backups"
    default.mkdir()
    assert annual(unit, default / "report.pdf") == 2
    assert "backup folder" in one_line(capsys)
    # A chosen folder may hold other things (Documents): its units' subfolders are kept.
    chosen = tmp_path / "stick"
    chosen.mkdir()
    save_backup_settings(BackupSettings(folder=chosen))
    backups.take_backup(unit, chosen)
    (subfolder,) = (p for p in chosen.iterdir() if p.is_dir())
    before = sorted(p.name for p in subfolder.iterdir())
    assert annual(unit, subfolder / "sub" / ".." / "report.pdf") == 2
    one_line(capsys)
    assert annual(unit, chosen / "backups.json") == 2
    one_line(capsys)
    assert sorted(p.name for p in subfolder.iterdir()) == before and list(default.iterdir()) == []
    assert annual(unit, chosen / "report.pdf") == 0
    capsys.readouterr()


def test_a_file_of_another_kind_is_not_replaced(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    word = tmp_path / "minutes.docx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    before = sha(word)
    # a PDF asked for under a Word file's name is refused before anything is built
    with pytest.raises(SystemExit) as refused:
        annual(unit, word, "--replace")
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "minutes.docx" in err and "Traceback" not in err and err.count("\n") == 1
    assert sha(word) == before
    zip_named_pdf = tmp_path / "old.pdf"
    shutil.copyfile(word, zip_named_pdf)
    assert annual(unit, zip_named_pdf, "--replace") == 2
    one_line(capsys)
    bundle = main(["--lang", "en", "bundle", str(unit), "--period", PERIOD, "-o", str(word),
                   "--replace"])  # fmt: skip
    assert bundle == 2 and sha(word) == before
    one_line(capsys)


def test_the_check_is_the_same_for_every_kind(unit: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "log.csv"
    csv_file.write_text("Aika;Toiminto\n", encoding="utf-8")
    assert exports.check_target(csv_file, exports.ExportKind.CSV, unit_file=unit) is True
    assert exports.check_target(tmp_path / "new.json", exports.ExportKind.JSON) is False
    with pytest.raises(ExportRefused) as refused:
        exports.check_target(unit, exports.ExportKind.JSON)
    assert refused.value.reason is ExportRefusal.UNIT_FILE
    pdf = tmp_path / "clock.json"
    pdf.write_bytes(b"%PDF-1.7 ...")
    with pytest.raises(ExportRefused) as refused:
        exports.check_target(pdf, exports.ExportKind.JSON)
    assert refused.value.reason is ExportRefusal.OTHER_KIND


# -- reading never needs write permission ----------------------------------------------------


@pytest.fixture
def read_only_unit(unit: Path) -> Iterator[Path]:
    """The unit file read-only in a read-only folder (for root too: root ignores modes, so
    the folder is also checked by the application's own test of write access)."""
    folder = unit.parent / "readonly"
    folder.mkdir()
    target = folder / "unit.sqlite"
    shutil.copyfile(unit, target)
    target.chmod(0o400)
    folder.chmod(0o500)
    yield target
    folder.chmod(0o700)
    target.chmod(0o600)


def test_check_works_on_a_read_only_file(
    read_only_unit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha(read_only_unit)
    assert main(["--lang", "en", "check", str(read_only_unit)]) == 0
    captured = capsys.readouterr()
    assert "sound" in captured.out and "read-only" in captured.err
    assert sha(read_only_unit) == before
    assert sorted(p.name for p in read_only_unit.parent.iterdir()) == ["unit.sqlite"]


def test_report_from_a_read_only_file_says_the_log_entry_is_missing(
    read_only_unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "annual.pdf"
    before = sha(read_only_unit)
    assert annual(read_only_unit, out) == 0
    captured = capsys.readouterr()
    assert out.read_bytes().startswith(b"%PDF-")
    assert captured.out.strip() == str(out)
    assert "activity log" in captured.err and captured.err.count("\n") == 1
    assert sha(read_only_unit) == before
    assert stat.S_IMODE(read_only_unit.stat().st_mode) == 0o400
    assert os.listdir(read_only_unit.parent) == ["unit.sqlite"]
