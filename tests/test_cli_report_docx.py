"""`hyvinvointi report … --format docx`: the editable Word copy from the command line, a PDF
when no format is given, and one line for a mistake."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest

from hyvinvointi_app.cli import main
from hyvinvointi_app.domain.enums import AuditAction
from hyvinvointi_app.services import audit
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-docx") / "unit.sqlite"
    write_demo(path, years=2, today=TODAY)
    return path


@pytest.fixture
def unit(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "unit.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


def report(*args: str) -> int:
    return main(["--lang", "en", "report", *args])


def test_memo_and_annual_report_as_word_files(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    memo = tmp_path / "muistio.docx"
    assert report("memo", str(unit), "--format", "docx", "-o", str(memo)) == 0
    assert capsys.readouterr().out.strip() == str(memo)
    document = docx.Document(str(memo))
    assert document.paragraphs[0].style.name == "Title"
    assert document.core_properties.language == "fi-FI"
    annual = tmp_path / "årsberättelse.docx"
    assert (
        report(
            "annual",
            str(unit),
            "--period",
            "2025-2026",
            "--lang",
            "sv",
            "--format",
            "docx",
            "-o",
            str(annual),
        )
        == 0
    )
    assert docx.Document(str(annual)).core_properties.language == "sv-FI"
    with open_database(unit) as db:
        exported = [e for e in audit.entries(db) if e.action is AuditAction.EXPORTED]
    assert [(e.details["document"], e.details.get("format")) for e in exported[-2:]] == [
        ("memo", "docx"),
        ("annual_report", "docx"),
    ]


def test_a_pdf_stays_the_default(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "memo"
    assert report("memo", str(unit), "-o", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--format", "docx", "-o", "memo.pdf"], "memo.pdf"),
        (["-o", "memo.docx"], "memo.docx"),  # a PDF asked for under a Word file's name
        (["--format", "docx", "--password", "x", "-o", "memo.docx"], "--password"),
        (["--format", "docx", "--password", "x", "-o", "memo"], "--password"),
    ],
)
def test_a_format_that_does_not_fit_is_one_line_and_no_file(
    unit: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    said: str,
) -> None:
    arguments = [str(tmp_path / a) if a.startswith("memo.") else a for a in arguments]
    with pytest.raises(SystemExit) as exit_:
        report("memo", str(unit), *arguments)
    assert exit_.value.code == 2
    error = capsys.readouterr().err.strip()
    assert said in error and len(error.splitlines()) == 1
    assert not any(p.name.startswith("memo") for p in tmp_path.iterdir())


def test_a_word_file_with_the_same_name_is_replaced_only_with_replace(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "muistio.docx"
    assert report("memo", str(unit), "--format", "docx", "-o", str(out)) == 0
    first = out.read_bytes()
    assert report("memo", str(unit), "--format", "docx", "-o", str(out)) == 2
    assert "--replace" in capsys.readouterr().err
    assert out.read_bytes() == first
    assert report("memo", str(unit), "--format", "docx", "--replace", "-o", str(out)) == 0


def test_a_word_file_replaces_only_a_word_file(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "muistio.docx"
    out.write_bytes(b"%PDF-1.7 not a Word file")
    assert report("memo", str(unit), "--format", "docx", "--replace", "-o", str(out)) == 2
    assert "another kind" in capsys.readouterr().err
    assert out.read_bytes() == b"%PDF-1.7 not a Word file"
