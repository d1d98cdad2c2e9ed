"""The README's quick start and CI must not drift apart: CI runs the test command we give."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUICK_START = ["bash .ci/start", "bash .ci/test"]


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)(?=^## )", readme, re.MULTILINE | re.DOTALL)
    assert section, "README.md has no '## Quick start' section"
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", section.group(1), re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, "the quick start should have exactly one code block"
    return [line.strip() for line in blocks[0].splitlines() if line.strip()]


def _commands(script: Path) -> list[list[str]]:
    """The script's lines as words, without comments, blank lines or lines shlex can't read."""
    commands = []
    for line in script.read_text(encoding="utf-8").splitlines():
        try:
            words = shlex.split(line, comments=True)
        except ValueError:  # a line of a multi-line string: not a command of its own
            continue
        if words:
            commands.append(words)
    return commands


def test_readme_quick_start_is_exactly_start_and_test() -> None:
    assert _quick_start_commands() == QUICK_START


def test_ci_runs_the_readme_test_command() -> None:
    test_command = shlex.split(_quick_start_commands()[1])
    ci_lines = _commands(ROOT / ".ci" / "run")
    assert any(line[-len(test_command) :] == test_command for line in ci_lines), (
        f".ci/run does not run the README's test command {shlex.join(test_command)!r}"
    )


def test_quick_start_scripts_set_up_before_anything_else() -> None:
    for command in QUICK_START:
        script = ROOT / shlex.split(command)[1]
        assert script.is_file(), f"{command}: no such script"
        words = _commands(script)
        setup_line = ["bash", "$ROOT/.ci/setup"]
        assert setup_line in words, f"{script.name} does not run .ci/setup"
        assert all(line[0] != "exec" for line in words[: words.index(setup_line)])


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ([], ["--demo"]),
        (["--lang", "sv"], ["--demo", "--lang", "sv"]),
        (["--first-run"], []),
        (["--first-run", "--lang", "sv"], ["--lang", "sv"]),
        (["--db", "unit.sqlite"], ["--db", "unit.sqlite"]),
        (["--lang", "sv", "--db=unit.sqlite"], ["--lang", "sv", "--db=unit.sqlite"]),
        (["check", "unit.sqlite"], ["check", "unit.sqlite"]),
    ],
)
def test_start_keeps_the_demo_unless_a_file_or_the_wizard_is_asked_for(
    tmp_path: Path, arguments: list[str], expected: list[str]
) -> None:
    """``bash .ci/start --lang sv`` (the script's own example) once showed the first-run
    wizard: the script runs here with a set-up that does nothing and a program that prints
    the arguments it was given."""
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "start", tmp_path / ".ci" / "start")
    (tmp_path / ".ci" / "setup").write_text("exit 0\n")
    program = tmp_path / ".venv" / "bin" / "hyvinvointi"
    program.parent.mkdir(parents=True)
    program.write_text('#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n')
    program.chmod(0o755)
    result = subprocess.run(
        ["bash", str(tmp_path / ".ci" / "start"), *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == expected
