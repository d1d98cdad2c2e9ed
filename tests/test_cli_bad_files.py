"""Every unit file that cannot be opened, on the command line: one translated line on stderr,
a non-zero exit, no traceback, and the file byte-for-byte as it was. Real processes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bad_files import OPEN_FAILURE_KINDS, full_disk, make_bad_file, sha256, unit_file

from hyvinvointi_app.domain.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFullAtOpening,
    ForeignDatabase,
    LockHolder,
    MigrationFailed,
    NotADatabase,
)
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import translator_for
from hyvinvointi_app.store.database import open_database


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HYVINVOINTI_LANG": "fi"}
    return subprocess.run(
        [sys.executable, "-m", "hyvinvointi_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("hyvinvointi: ")
    return lines[0]


@pytest.fixture
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    kind = request.param
    if kind == "missing":
        yield tmp_path / "unit.sqlite"
    elif kind == "locked":
        path = tmp_path / "unit.sqlite"
        unit_file(path)
        holder = open_database(path)  # another running copy: this test process
        try:
            yield path
        finally:
            holder.close()
    elif kind == "full_disk":
        with full_disk(tmp_path / "small") as path:
            yield path
    else:
        yield make_bad_file(kind, tmp_path / "unit.sqlite")


def expected_line(kind: str, path: Path) -> str:
    """The Finnish sentence ``describe`` gives for the case (for a locked file: up to the
    holder's name), as the command must print it."""
    fi = translator_for("fi")
    errors = {
        "missing": DatabaseMissing(path),
        "empty": DatabaseEmpty(path),
        "text": NotADatabase(path),
        "foreign": ForeignDatabase(path),
        "too_new": DatabaseTooNew(path, 99, 2),
        "damaged": DatabaseDamaged(path),
        "read_only": DatabaseReadOnly(path),
        "half_migrated": MigrationFailed(path),
        "full_disk": DiskFullAtOpening(path),
    }
    if kind == "locked":
        holder = LockHolder("HOST", "USER", 1, dt.datetime(2026, 1, 1))
        return "hyvinvointi: " + describe(DatabaseLocked(path, holder), fi).split("HOST")[0]
    return "hyvinvointi: " + describe(errors[kind], fi)


@pytest.mark.parametrize("bad_file", OPEN_FAILURE_KINDS, indirect=True)
def test_opening_a_bad_file_prints_one_line_and_changes_nothing(
    bad_file: Path, request: pytest.FixtureRequest
) -> None:
    kind = request.node.callspec.params["bad_file"]
    before = sha256(bad_file) if bad_file.exists() else None
    line = assert_one_clear_line(run("--smoke", "--db", str(bad_file)))
    assert line.startswith(expected_line(kind, bad_file)), line
    assert (sha256(bad_file) if bad_file.exists() else None) == before


@pytest.mark.parametrize(
    "bad_file",
    ["missing", "empty", "text", "foreign", "too_new", "damaged"],
    indirect=True,
)
def test_check_refuses_the_same_files(bad_file: Path) -> None:
    """(A read-only file is checked all the same: checking only reads.)"""
    before = sha256(bad_file) if bad_file.exists() else None
    assert_one_clear_line(run("check", str(bad_file)))
    assert (sha256(bad_file) if bad_file.exists() else None) == before


def test_check_warns_about_a_synchronised_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    unit_file(folder / "unit.sqlite")
    result = run("check", str(folder / "unit.sqlite"))
    assert result.returncode == 0
    assert "Dropbox" in result.stderr and len(result.stderr.strip().splitlines()) == 1
