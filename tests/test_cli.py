"""The command line as a user meets it: real processes, one clear line for every bad input,
and files left byte-for-byte as they were."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_files import BAD_FILE_KINDS, sha256

from hyvinvointi_app.ui.app import smoke_seconds


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hyvinvointi_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("hyvinvointi")


@pytest.fixture(scope="module")
def ten_year_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "u.sqlite"
    result = run("demo", str(path), "--years", "10")
    assert result.returncode == 0, result.stderr
    return path


def test_ten_year_demo_is_sound_private_and_in_wal_mode(ten_year_demo: Path) -> None:
    result = run("check", str(ten_year_demo), env={**os.environ, "HYVINVOINTI_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout
    assert stat.S_IMODE(ten_year_demo.stat().st_mode) == 0o600
    assert ten_year_demo.read_bytes()[18:20] == b"\x02\x02"  # WAL in the file header


def test_backup_writes_a_consistent_copy(ten_year_demo: Path, tmp_path: Path) -> None:
    result = run("backup", str(ten_year_demo), "--to", str(tmp_path / "copies"))
    assert result.returncode == 0, result.stderr
    copy = Path(result.stdout.strip())
    assert copy.parent.parent == tmp_path / "copies"  # in the unit's subfolder
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert run("check", str(copy)).returncode == 0


def test_demo_refuses_to_overwrite(ten_year_demo: Path) -> None:
    before = sha256(ten_year_demo)
    assert_one_clear_line(run("demo", str(ten_year_demo)))
    assert sha256(ten_year_demo) == before


@pytest.mark.parametrize("kind", BAD_FILE_KINDS)
@pytest.mark.parametrize("command", ["check", "backup", "smoke"])
def test_bad_files_get_one_line_and_stay_unchanged(
    tmp_path: Path, kind: str, command: str, make_bad_file: Callable[[str, Path], Path]
) -> None:
    path = make_bad_file(kind, tmp_path / "unit.sqlite")
    before = sha256(path)
    args = ["--smoke", "--db", str(path)] if command == "smoke" else [command, str(path)]
    result = run(*args)
    if command in ("backup", "check") and kind == "read_only":
        assert result.returncode == 0  # checking or copying a read-only file only reads it
    else:
        assert_one_clear_line(result)
    assert sha256(path) == before


def test_missing_file(tmp_path: Path) -> None:
    for args in (["check"], ["backup"], ["--smoke", "--db"]):
        result = run(*args, str(tmp_path / "missing.sqlite"))
        assert_one_clear_line(result)
        assert not (tmp_path / "missing.sqlite").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["demo", "x.sqlite", "--years", "0"],
        ["demo", "x.sqlite", "--years", "many"],
        ["demo", "x.sqlite", "--lang", "de"],
        ["frobnicate"],
        ["--db"],
    ],
)
def test_bad_arguments_get_one_line(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert_one_clear_line(result)


def test_messages_follow_the_language(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "HYVINVOINTI_LANG": "fi"}
    result = run("check", str(tmp_path / "missing.sqlite"), env=env)
    assert "ei ole olemassa" in result.stderr
    env["HYVINVOINTI_LANG"] = "sv"
    result = run("check", str(tmp_path / "missing.sqlite"), env=env)
    assert "finns inte" in result.stderr


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "C.UTF-8"}, "fi"),
        ({"LANG": "C"}, "fi"),
        ({"LANG": "en_US.UTF-8"}, "fi"),
        ({"LANG": "de_DE.UTF-8"}, "fi"),
        ({"LANG": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "C.UTF-8"}, "fi"),
        ({"LANG": "C.UTF-8", "LC_MESSAGES": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "C.UTF-8", "HYVINVOINTI_LANG": "en"}, "en"),
        ({"LANG": "fi_FI.UTF-8", "HYVINVOINTI_LANG": "sv"}, "sv"),
    ],
)
def test_only_a_finnish_or_swedish_locale_chooses_the_language(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    """The README's promise: Finnish unless a Swedish locale or a choice says otherwise (a
    C locale once gave English, as Python reports it as ``en_US``)."""
    from hyvinvointi_app import cli

    for name in ("HYVINVOINTI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert cli._language_from_environment() == expected


def test_a_c_locale_speaks_finnish(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("HYVINVOINTI_LANG", "LC_MESSAGES")}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = run("check", str(tmp_path / "missing.sqlite"), env=env)
    assert "ei ole olemassa" in result.stderr


def test_smoke_on_a_fresh_demo_prints_the_seconds() -> None:
    result = run("--smoke")
    assert result.returncode == 0, result.stderr
    first_paint, figures = smoke_seconds(result.stdout)
    assert 0 < first_paint <= figures < 60
