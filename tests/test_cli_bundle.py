"""`hyvinvointi bundle` as a user meets it: a real process writes the zip, and every bad input
gets one translated line, a non-zero exit and no file."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from cli_process import run

from hyvinvointi_app.services.bundle_reader import read_bundle


def assert_one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("hyvinvointi")
    return lines[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "unit.sqlite"
    result = run("demo", str(path), "--years", "2")
    assert result.returncode == 0, result.stderr
    return path


def _period(demo: Path) -> str:
    """The earlier of the demo's two periods (labels follow today's date)."""
    import sqlite3

    connection = sqlite3.connect(demo)
    try:
        return str(
            connection.execute(
                "SELECT label FROM operating_period ORDER BY start_date LIMIT 1"
            ).fetchone()[0]
        )
    finally:
        connection.close()


def test_bundle_writes_the_zip(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    result = run("bundle", str(demo), "--period", _period(demo), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    document = read_bundle(out).document
    folder = document["folder"]
    assert all(n.startswith(f"{folder}/") and f"/{folder}-" in n for n in names)
    assert document["period"]["label"] == _period(demo)
    assert document["with_names"] is False
    assert document["languages"] == ["fi", "sv"]
    assert any(n.endswith("-fi.pdf") for n in names)
    assert any(n.endswith("-sv.pdf") for n in names)
    assert f"{folder}/csv/{folder}-summary.csv" in names


def test_bilingual_with_names(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "named.zip"
    result = run(
        "bundle", str(demo), "--period", _period(demo), "-o", str(out), "--lang", "fi+sv",
        "--with-names",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = read_bundle(out).document
    with zipfile.ZipFile(out) as archive:
        pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert document["with_names"] is True
    assert document["languages"] == ["fi+sv"]
    assert all(n.endswith("-fi-sv.pdf") for n in pdfs)
    assert any("names" in m for m in document["members"])


def test_unknown_period_gets_one_translated_line(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    line = assert_one_clear_line(run("bundle", str(demo), "--period", "1999", "-o", str(out)))
    assert "toimintakausi" in line and "1999" in line
    line = assert_one_clear_line(
        run("bundle", str(demo), "--period", "1999", "-o", str(out), lang="sv")
    )
    assert "verksamhetsperiod" in line
    assert not out.exists()


def test_unwritable_output_gets_one_line_and_no_file(demo: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "out.zip"
    line = assert_one_clear_line(
        run("bundle", str(demo), "--period", _period(demo), "-o", str(missing))
    )
    assert str(missing.parent) in line
    line = assert_one_clear_line(
        run("bundle", str(demo), "--period", _period(demo), "-o", str(tmp_path))
    )
    assert str(tmp_path) in line
    assert list(tmp_path.iterdir()) == []


def test_missing_unit_file(tmp_path: Path) -> None:
    assert_one_clear_line(
        run("bundle", str(tmp_path / "none.sqlite"), "--period", "2025", "-o", "x.zip")
    )
    assert not Path("x.zip").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["bundle"],
        ["bundle", "u.sqlite", "-o", "x.zip"],
        ["bundle", "u.sqlite", "--period", "2025"],
        ["bundle", "u.sqlite", "--period", "2025", "-o", "x.zip", "--lang", "en"],
    ],
)
def test_bad_arguments_get_one_line(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert_one_clear_line(result)
