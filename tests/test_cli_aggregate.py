"""`hyvinvointi aggregate` as a coordinator meets it: a real process reads a folder of
bundles, writes the overview's files, and tells each skipped, replaced or missing bundle in
one translated line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from cli_process import run
from openpyxl import load_workbook
from pypdf import PdfReader

from hyvinvointi_app.reports.bundle import build_bundle
from hyvinvointi_app.services import periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database

V1_FIXTURE = (
    Path(__file__).resolve().parent / "fixtures" / "bundles" / "v1-granbacken-2025-2026.zip"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A version-2 bundle, the version-1 fixture, and a file that is no bundle."""
    work = tmp_path_factory.mktemp("unit")
    path = work / "unit.sqlite"
    write_demo(path, language="fi", years=1, today=dt.date(2026, 11, 23))
    folder = tmp_path_factory.mktemp("bundles")
    db = open_database(path)
    try:
        period = periods.current_period(db)
        build_bundle(db, period.id, folder / "kuusikko.zip", languages=("fi",))
    finally:
        db.close()
    shutil.copy(V1_FIXTURE, folder)
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 cut short")
    return folder


def test_aggregate_writes_the_overview_and_tells_each_problem_in_a_line(
    folder: Path, tmp_path: Path
) -> None:
    expected = tmp_path / "units.csv"
    expected.write_text("yksikkö;kunta\nPäiväkoti Pihlaja;Porvoo\n", encoding="utf-8")
    pdf, xlsx, table = tmp_path / "o.pdf", tmp_path / "o.xlsx", tmp_path / "o.csv"
    result = run(
        "aggregate", str(folder), "-o", str(pdf), "--xlsx", str(xlsx), "--csv", str(table),
        "--expected", str(expected), "--lang", "sv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(pdf), str(xlsx), str(table)]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 + 2, lines  # the broken file; Pihlaja missing in both periods
    assert "broken.zip ohitettiin: Tiedosto ei ole zip-tiedosto" in lines[0]
    assert lines[1].endswith(
        "Yksiköltä Päiväkoti Pihlaja ei ole aineistoa toimintakaudelta 2025-2026"
    )
    assert lines[2].endswith("toimintakaudelta 2026-2027")
    assert "Traceback" not in result.stderr
    text = " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "Kommunens siffror" in " ".join(text.split())
    assert load_workbook(xlsx).sheetnames[0] == "Enheter"
    assert len(table.read_text("utf-8-sig").splitlines()) == 1 + 2


def test_an_output_onto_a_bundle_is_refused_and_the_bundle_kept(
    folder: Path, tmp_path: Path
) -> None:
    bundle = folder / V1_FIXTURE.name
    before = bundle.read_bytes()
    result = run("aggregate", str(folder), "-o", str(tmp_path / "o.pdf"), "--xlsx", str(bundle))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert bundle.read_bytes() == before
    assert not (tmp_path / "o.pdf").exists()


def test_an_existing_overview_is_kept_without_replace(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.pdf"
    assert run("aggregate", str(folder), "-o", str(out)).returncode == 0
    first = out.read_bytes()
    again = run("aggregate", str(folder), "-o", str(out))
    assert again.returncode == 2 and len(again.stderr.splitlines()) == 1
    assert out.read_bytes() == first
    assert run("aggregate", str(folder), "-o", str(out), "--replace").returncode == 0


def test_an_unreadable_list_of_expected_units_is_one_line(folder: Path, tmp_path: Path) -> None:
    listed = tmp_path / "units.csv"
    listed.write_bytes(b"\xff\xfe\xfa not text")
    result = run(
        "aggregate", str(folder), "-o", str(tmp_path / "o.pdf"), "--expected", str(listed),
        lang="sv",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "kan inte läsas" in result.stderr
    assert not (tmp_path / "o.pdf").exists()


def test_the_list_of_expected_units_is_never_written_over(folder: Path, tmp_path: Path) -> None:
    listed = tmp_path / "units.csv"
    listed.write_text("unit\nPäiväkoti Pihlaja\n", encoding="utf-8")
    result = run(
        "aggregate", str(folder), "-o", str(tmp_path / "o.pdf"), "--csv", str(listed),
        "--expected", str(listed), "--replace",
    )  # fmt: skip
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert listed.read_text(encoding="utf-8") == "unit\nPäiväkoti Pihlaja\n"
    assert not (tmp_path / "o.pdf").exists()
