"""`hyvinvointi report`: the four documents from the command line, as PDFs or (with
`--format docx`) as editable Word files, and one clear line for every mistake (unknown
meeting, period or plan; a format that does not fit; an output that cannot be written)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import docx
import pikepdf
import pytest
from pypdf import PdfReader

from hyvinvointi_app.cli import main
from hyvinvointi_app.domain.enums import AuditAction
from hyvinvointi_app.services import audit
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-report") / "unit.sqlite"
    write_demo(path, years=2, today=TODAY)
    return path


@pytest.fixture
def unit(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "unit.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


def report(*args: str) -> int:
    return main(["--lang", "en", "report", *args])


def title(path: Path) -> str:
    meta = PdfReader(path).metadata
    assert meta is not None and meta.title
    return str(meta.title)


def test_memo_of_the_latest_meeting_in_a_private_file(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "memo.pdf"
    assert report("memo", str(unit), "--lang", "fi+sv", "-o", str(out)) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert PdfReader(out).pages
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".memo.pdf")] == []
    with open_database(unit) as db:
        exported = [e for e in audit.entries(db) if e.action is AuditAction.EXPORTED]
    assert exported[-1].details["document"] == "memo"
    assert exported[-1].details["language"] == "fi+sv"
    assert exported[-1].details["with_names"] is False


def test_memo_by_number_and_period(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    assert report("memo", str(unit), "--meeting", "1", "--period", "2025-2026", "-o", str(out)) == 0
    with open_database(unit) as db:
        from hyvinvointi_app.services import meetings, periods

        period = periods.period_by_label(db, "2025-2026")
        first = meetings.get_meeting(db, meetings.meeting_by_number(db, period.id, 1))
    assert title(out).endswith(f"{first.date.day}.{first.date.month}.{first.date.year}")


def test_the_agenda_of_a_meeting_by_number(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "esityslista.pdf"
    assert report("agenda", str(unit), "--meeting", "2", "--lang", "sv", "-o", str(out)) == 0
    assert title(out).startswith("Föredragningslista ")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    assert "Öppna åtgärder från tidigare möten" in text
    with open_database(unit) as db:
        exported = [e for e in audit.entries(db) if e.action is AuditAction.EXPORTED]
    assert exported[-1].details["document"] == "agenda"


def test_annual_report_and_plan_evaluation(unit: Path, tmp_path: Path) -> None:
    annual = tmp_path / "annual.pdf"
    assert (
        report("annual", str(unit), "--period", "2025-2026", "--lang", "sv", "-o", str(annual)) == 0
    )
    assert "2025-2026" in title(annual)
    by_id = tmp_path / "plan-1.pdf"
    assert report("evaluation", str(unit), "--plan", "1", "-o", str(by_id)) == 0
    with open_database(unit) as db:
        from hyvinvointi_app.services import plans

        name = plans.get_plan(db, 1).name
    exact = tmp_path / "plan-exact.pdf"
    assert report("evaluation", str(unit), "--plan", name, "-o", str(exact)) == 0
    assert name in title(exact) and title(exact) == title(by_id)


def test_password_protects_the_file(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "secret.pdf"
    assert report("memo", str(unit), "--password", "kissa123", "-o", str(out)) == 0
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="kissa123") as pdf:
        assert len(pdf.pages) >= 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["memo", "--meeting", "99", "--period", "2025-2026"], "Not found: meeting 99."),
        (["memo", "--meeting", "first"], "Not found: meeting first."),
        (["memo", "--period", "1999-2000"], "Not found: operating period 1999-2000."),
        (["annual", "--period", "2040-2041"], "Not found: operating period 2040-2041."),
        (["evaluation", "--plan", "No such plan"], "Not found: plan No such plan."),
    ],
)
def test_unknown_things_get_one_translated_line(
    unit: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: str,
) -> None:
    out = tmp_path / "x.pdf"
    assert report(args[0], str(unit), *args[1:], "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert err == f"hyvinvointi: {expected}\n"
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing-folder", "is-a-folder"])
def test_output_that_cannot_be_written(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    out = tmp_path / "nowhere" / "x.pdf" if where == "missing-folder" else tmp_path
    assert report("memo", str(unit), "-o", str(out)) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hyvinvointi: ")
    assert "Traceback" not in lines[0]


def test_as_a_whole_process_in_finnish(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "muistio.pdf"
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "hyvinvointi_app",
            "--lang",
            "fi",
            "report",
            "memo",
            str(unit),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ok.returncode == 0, ok.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    failed = subprocess.run(
        [
            sys.executable,
            "-m",
            "hyvinvointi_app",
            "--lang",
            "fi",
            "report",
            "annual",
            str(unit),
            "--period",
            "1999-2000",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert failed.returncode == 2
    assert failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr
    assert "1999-2000" in failed.stderr and "Not found" not in failed.stderr  # Finnish


def test_missing_output_argument_is_one_line(unit: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hyvinvointi_app", "report", "memo", str(unit)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "-o/--output" in result.stderr


def test_an_existing_pdf_is_replaced_only_when_asked(
    unit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "memo.pdf"
    assert report("memo", str(unit), "-o", str(out)) == 0
    first = out.read_bytes()
    assert report("memo", str(unit), "-o", str(out)) == 2
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == first
    assert report("memo", str(unit), "--lang", "sv", "-o", str(out), "--replace") == 0
    with pikepdf.open(io.BytesIO(out.read_bytes())) as pdf:
        assert len(pdf.pages) >= 1
    assert out.read_bytes() != first


# -- the editable Word copy (--format docx) ---------------------------------------------------


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
