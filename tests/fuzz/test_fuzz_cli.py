"""The command line with random arguments: every run ends in a clean exit with a clear
message (argparse's one line, or ours), never a traceback, and never changes a file it
was only asked to read."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import bad_files
import pytest
from fuzz_budget import fuzz
from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app import cli
from hyvinvointi_app.i18n.translator import set_ui_language, ui_translator

_TOKENS = st.sampled_from(
    [
        "--db", "--smoke", "--demo", "--lang", "fi", "sv", "en", "de", "--help", "-h",
        "demo", "check", "backup", "bundle", "report", "memo", "annual", "evaluation",
        "--years", "0", "31", "3", "x", "--to", "--period", "--output", "-o", "--meeting",
        "latest", "--plan", "--with-names", "--", "-", "", " ", "--lang=fi", "--years=-1",
    ]
)  # fmt: skip
# Any text an operating system can pass (no NUL; lone surrogates as from undecodable bytes).
_TEXT = st.text(st.characters(exclude_characters="\x00"), max_size=12)


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    language = ui_translator().language
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            yield out, err
    finally:
        set_ui_language(language)


def _one_line(text: str, argv: list[str]) -> bool:
    """One line, counting the line breaks that arguments themselves carry into it."""
    quoted = sum(a.count("\n") + a.count("\r") for a in argv)
    lines = text.replace("\r", "\n").count("\n")
    return text.startswith("hyvinvointi") and 1 <= lines <= 1 + quoted


PARSER = cli.build_parser()  # parsing keeps no state between calls


@fuzz("cli_parser")
@given(argv=st.lists(st.one_of(_TOKENS, _TEXT), max_size=7))
def test_any_arguments_parse_or_end_with_one_clear_line(argv: list[str]) -> None:
    with _captured() as (out, err):
        try:
            PARSER.parse_args(argv)
        except SystemExit as stop:
            code = stop.code
        else:
            code = None
    text = err.getvalue()
    assert "Traceback" not in text
    if code is None:
        return
    if code == 0:  # --help
        assert "usage:" in out.getvalue()
        return
    assert code == cli.EXIT_ERROR
    assert _one_line(text, argv), text


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli-fuzz")
    made = {kind: bad_files.make_bad_file(kind, folder / f"{kind}.sqlite") for kind in
            ("empty", "text", "foreign", "too_new", "damaged")}  # fmt: skip
    made["missing"] = folder / "missing.sqlite"
    made["folder"] = folder / "a-folder"
    made["folder"].mkdir()
    return made


@fuzz("cli_main")
@given(
    command=st.sampled_from(
        [["check"], ["backup"], ["bundle"], ["report", "memo"], ["report", "annual"], ["demo"]]
    ),
    which=st.sampled_from(["empty", "text", "foreign", "too_new", "damaged", "missing", "folder"]),
    extra=st.lists(st.one_of(_TOKENS, _TEXT), max_size=4),
)
def test_commands_on_unfit_files_exit_cleanly_and_change_nothing(
    files: dict[str, Path], command: list[str], which: str, extra: list[str]
) -> None:
    path = files[which]
    if command == ["demo"] and which == "missing":
        which, path = "text", files["text"]  # a new demo would be written: not a refusal
    argv = [*command, str(path), *extra]
    if "--password" in argv:
        return
    before = {name: p.read_bytes() for name, p in files.items() if p.is_file()}
    with _captured() as (_out, err):
        try:
            code = cli.main(argv)
        except SystemExit as stop:
            code = stop.code
    text = err.getvalue()
    assert "Traceback" not in text
    assert code in (0, cli.EXIT_UNSOUND, cli.EXIT_ERROR), (code, text)
    if code:
        assert _one_line(text, argv), text
    after = {name: p.read_bytes() for name, p in files.items() if p.is_file()}
    assert after == before
    assert not files["missing"].exists()
