"""The coordinator's overview of a folder of real bundles: units of both languages, two
periods, a version-1 bundle, a duplicate and bad files. The counts are checked against the
units' own files, and the PDF, the workbook and the CSV file are read back."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf.pdfa
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.domain.errors import ExportRefusal, ExportRefused, FileNotWritten
from hyvinvointi_app.reports.bundle import build_bundle
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.overview import UNIT_COLUMNS, export_overview
from hyvinvointi_app.services import periods, summary, unit
from hyvinvointi_app.services.bundle_reader import RefusalReason
from hyvinvointi_app.services.coordinator import (
    ExpectedListError,
    ExpectedUnit,
    Overview,
    PlanStanding,
    aggregate,
    read_expected,
)
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database

TODAY = dt.date(2026, 11, 23)
PERIODS = ("2025-2026", "2026-2027")
V1_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bundles"
V1_FIXTURE /= "v1-granbacken-2025-2026.zip"


@dataclasses.dataclass
class Units:
    folder: Path
    """The folder of bundles: two units' bundles of two periods, a version-1 bundle of a
    third unit, and bad files."""
    files: dict[str, Path]
    """Each unit's file by its name."""
    held: dict[tuple[str, str], int]
    """Meetings held by unit name and period, from the unit's own file."""


def _unit(folder: Path, name: str, language: str, seed: int, site_code: str) -> Path:
    path = folder / f"{seed}.sqlite"
    write_demo(path, language=language, years=2, today=TODAY, seed=seed)
    db = open_database(path)
    try:
        info = unit.get_unit(db)
        unit.set_up_unit(db, dataclasses.replace(info, name_fi=name, site_code=site_code))
    finally:
        db.close()
    return path


@pytest.fixture(scope="module")
def units(tmp_path_factory: pytest.TempPathFactory) -> Units:
    work = tmp_path_factory.mktemp("units")
    folder = tmp_path_factory.mktemp("bundles")
    files = {
        "Päiväkoti Aapinen": _unit(work, "Päiväkoti Aapinen", "fi", 11, "1.2.246.562.10.1"),
        "Päiväkoti Öljymäki": _unit(work, "Päiväkoti Öljymäki", "fi", 12, ""),
    }
    held = {}
    for name, path in files.items():
        db = open_database(path)
        try:
            for label in PERIODS:
                period = periods.period_by_label(db, label).id
                build_bundle(
                    db, period, folder / f"{name}-{label}.zip", languages=("fi",), today=TODAY
                )
                held[(name, label)] = summary.period_summary(db, period, TODAY).meetings_held
        finally:
            db.close()
    (folder / "older").mkdir()
    shutil.copy(V1_FIXTURE, folder / "older" / V1_FIXTURE.name)  # folders are searched
    (folder / "notes.zip").write_bytes(b"this is no zip")
    with zipfile.ZipFile(folder / "photos.zip", "w") as other:
        other.writestr("photo.jpg", b"\xff\xd8")
    return Units(folder, files, held)


@pytest.fixture(scope="module")
def overview(units: Units) -> Overview:
    return aggregate(
        [units.folder],
        expected=[
            ExpectedUnit("Päiväkoti Aapinen"),
            ExpectedUnit("", site_code="1.2.246.562.10.1"),
            ExpectedUnit("Päiväkoti Pihlaja", "Porvoo"),
        ],
    )


def test_every_unit_and_period_is_one_row_with_its_own_figures(
    units: Units, overview: Overview
) -> None:
    names = [(row.name("fi"), row.period_label) for row in overview.rows]
    assert names == [
        ("Päiväkoti Aapinen", "2025-2026"),
        ("Päiväkoti Aapinen", "2026-2027"),
        ("Päiväkoti Kuusikko", "2025-2026"),  # the version-1 bundle's unit
        ("Päiväkoti Öljymäki", "2025-2026"),  # Ö after Z, not next to O
        ("Päiväkoti Öljymäki", "2026-2027"),
    ]
    for row in overview.rows:
        if row.version == 2:
            assert row.meetings_held == units.held[(row.name("fi"), row.period_label)]
            assert row.minimum_met is (row.meetings_held >= row.meetings_required)
            assert row.plans_total >= row.plans_evaluated + row.plans_overdue
    first = overview.rows[0]
    assert first.site_code == "1.2.246.562.10.1"
    assert first.themes_planned > 0 and first.voices > 0
    old = overview.rows[2]
    assert (old.version, old.unit_key) == (1, "name:borgå/päiväkoti kuusikko")
    assert old.themes_planned == old.voices == 0  # version 1 did not carry them


def test_totals_sum_the_rows_per_period_oldest_first(overview: Overview) -> None:
    assert overview.periods == PERIODS
    for totals in overview.totals:
        rows = [row for row in overview.rows if row.period_label == totals.period_label]
        assert totals.units == len(rows)
        assert totals.meetings_held == sum(r.meetings_held for r in rows)
        assert totals.units_minimum_met == sum(r.minimum_met for r in rows)
        assert totals.plans_evaluated == sum(r.plans_evaluated for r in rows)
        assert totals.actions_overdue == sum(r.actions_overdue for r in rows)
    assert [t.units for t in overview.totals] == [3, 2]


def _variant(source: Path, out: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    """A copy of a real bundle with its bundle.json changed by ``change``."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    name = next(n for n in members if n.rpartition("/")[2].endswith("bundle.json"))
    document = json.loads(members[name])
    change(document)
    members[name] = json.dumps(document, ensure_ascii=False).encode()
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return out


def _not_evaluated(plan: dict[str, Any], next_review: str | None) -> None:
    plan.update(evaluated_in_period=False, evaluations=[], evaluation_dates=[])
    plan["next_review_due"] = next_review


def test_a_plan_not_evaluated_is_overdue_once_its_period_is_over_or_its_review_due(
    units: Units, tmp_path: Path
) -> None:
    """The finished period: overdue whatever the next review says. The running period (as of
    23.11.2026): overdue only when the next review was due by then."""
    source = units.folder / "Päiväkoti Aapinen-2025-2026.zip"
    finished = _variant(
        source, tmp_path / "a.zip", lambda d: _not_evaluated(d["plans"][0], "2027-06-01")
    )
    running = units.folder / "Päiväkoti Aapinen-2026-2027.zip"

    def change(document: dict[str, Any]) -> None:
        _not_evaluated(document["plans"][0], "2026-11-01")  # past by the bundle's day
        _not_evaluated(document["plans"][1], "2027-03-01")  # still to come
        for plan in document["plans"][2:]:
            plan.update(evaluated_in_period=True)

    current = _variant(running, tmp_path / "b.zip", change)
    rows = {row.period_label: row for row in aggregate([finished, current]).rows}
    first = rows["2025-2026"]
    assert first.plans_overdue == 1 and first.plans_evaluated == first.plans_total - 1
    plan_type = PlanType(json.loads(_bundle_json(finished))["plans"][0]["type"])
    assert dict(first.plans)[plan_type] is PlanStanding.OVERDUE
    second = rows["2026-2027"]
    assert second.plans_overdue == 1
    document = json.loads(_bundle_json(current))
    standings = dict(second.plans)
    assert standings[PlanType(document["plans"][0]["type"])] is PlanStanding.OVERDUE
    if document["plans"][1]["type"] != document["plans"][0]["type"]:
        assert standings[PlanType(document["plans"][1]["type"])] is PlanStanding.NOT_YET


def _bundle_json(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(next(n for n in archive.namelist() if n.endswith("-bundle.json")))


def test_a_bundle_valid_by_its_schema_but_with_an_impossible_date_is_skipped(
    units: Units, tmp_path: Path
) -> None:
    """The schema's date pattern lets 2026-02-30 and a 60th second through."""
    source = units.folder / "Päiväkoti Aapinen-2025-2026.zip"
    bad_day = _variant(source, tmp_path / "day.zip", lambda d: d.update(as_of="2026-02-30"))
    bad_second = _variant(
        source, tmp_path / "second.zip", lambda d: d.update(generated_at="2026-11-23T12:00:60Z")
    )
    found = aggregate([bad_day, bad_second, units.folder / "Päiväkoti Öljymäki-2025-2026.zip"])
    assert {(s.path.name, s.reason) for s in found.skipped} == {
        ("day.zip", RefusalReason.INVALID),
        ("second.zip", RefusalReason.INVALID),
    }
    assert [row.name("fi") for row in found.rows] == ["Päiväkoti Öljymäki"]


def test_two_nameless_version_1_units_are_never_taken_for_one(tmp_path: Path) -> None:
    def nameless(document: dict[str, Any]) -> None:
        document["unit"].update(name_fi="", name_sv="")

    first = _variant(V1_FIXTURE, tmp_path / "a.zip", nameless)
    second = _variant(V1_FIXTURE, tmp_path / "b.zip", nameless)
    found = aggregate([first, second])
    assert len(found.rows) == 2 and not found.replaced


def test_recurring_areas_and_themes_count_the_units_that_wrote_them(
    units: Units, tmp_path: Path
) -> None:
    """A line two units wrote (in any spelling of case, spacing and bullets) is listed with 2;
    one a single unit wrote twice, in two periods, is not listed."""

    def written(*texts: str) -> Callable[[dict[str, Any]], None]:
        def change(document: dict[str, Any]) -> None:
            plan = next(plan for plan in document["plans"] if plan["evaluations"])
            plan["evaluations"][0]["development_areas"] += "".join("\n" + t for t in texts)
            for theme, text in zip(document["annual_clock"], texts, strict=False):
                theme.update(title=text, coverage="handled_in_meeting")

        return change

    folder = units.folder
    bundles = [
        _variant(
            folder / "Päiväkoti Aapinen-2025-2026.zip",
            tmp_path / "1.zip",
            written("Pihan Valaistus", "Oma Kohde"),
        ),
        _variant(
            folder / "Päiväkoti Öljymäki-2025-2026.zip",
            tmp_path / "2.zip",
            written("- pihan  valaistus."),
        ),
        _variant(
            folder / "Päiväkoti Aapinen-2026-2027.zip", tmp_path / "3.zip", written("oma kohde")
        ),
    ]
    found = aggregate(bundles)
    areas = {item.text.casefold(): item.units for item in found.development_areas}
    themes = {item.text.casefold(): item.units for item in found.themes}
    assert areas["pihan valaistus"] == 2 and themes["pihan valaistus"] == 2
    assert "oma kohde" not in areas and "oma kohde" not in themes


def test_bad_files_are_listed_with_their_reasons_and_the_rest_are_read(
    overview: Overview,
) -> None:
    reasons = {s.path.name: s.reason for s in overview.skipped}
    assert reasons == {
        "notes.zip": RefusalReason.NOT_A_ZIP,
        "photos.zip": RefusalReason.NO_BUNDLE_JSON,
    }
    assert overview.read == 4 + 1 + 2


def test_a_listed_site_code_matches_by_name_where_the_bundle_has_none(units: Units) -> None:
    """The site code is optional (and a version-1 bundle has none): the list's code does not
    make a unit missing whose bundle is there under its name."""
    found = aggregate(
        [units.folder],
        expected=[
            ExpectedUnit("Päiväkoti Öljymäki", site_code="1.2.246.562.10.99"),
            ExpectedUnit("Päiväkoti Kuusikko", "Borgå", site_code="1.2.246.562.10.98"),
            ExpectedUnit("Päiväkoti Aapinen", site_code="1.2.246.562.10.97"),  # a wrong code
        ],
    )
    assert {(m.unit.name, m.period_label) for m in found.missing} == {
        ("Päiväkoti Aapinen", "2025-2026"),
        ("Päiväkoti Aapinen", "2026-2027"),
        ("Päiväkoti Kuusikko", "2026-2027"),  # the version-1 unit sent only 2025-2026
    }


def test_the_missing_unit_is_listed_for_each_period_and_the_others_are_found(
    overview: Overview,
) -> None:
    assert [(m.unit.name, m.period_label) for m in overview.missing] == [
        ("Päiväkoti Pihlaja", "2025-2026"),
        ("Päiväkoti Pihlaja", "2026-2027"),
    ]


def test_the_newer_of_two_bundles_of_a_unit_and_period_is_kept(
    units: Units, tmp_path: Path
) -> None:
    folder = tmp_path / "twice"
    folder.mkdir()
    older = folder / "a.zip"
    shutil.copy(units.folder / "Päiväkoti Aapinen-2025-2026.zip", older)
    db = open_database(units.files["Päiväkoti Aapinen"])
    try:
        period = periods.period_by_label(db, "2025-2026").id
        newer = build_bundle(db, period, folder / "b.zip", languages=("fi",)).path
    finally:
        db.close()
    os.utime(older, (0, 0))
    found = aggregate([newer, older])
    assert [row.source for row in found.rows] == [newer]
    assert [(r.kept, r.dropped) for r in found.replaced] == [(newer, older)]


def test_a_version_1_bundle_joins_the_version_2_unit_of_its_name(
    units: Units, tmp_path: Path
) -> None:
    """The same unit sent a version-1 bundle last period and a version-2 one now."""
    path = tmp_path / "kuusikko.sqlite"
    write_demo(path, language="sv", years=2, today=TODAY)  # the fixture's unit, in version 2
    db = open_database(path)
    try:
        period = periods.period_by_label(db, "2026-2027").id
        current = build_bundle(db, period, tmp_path / "now.zip", languages=("sv",)).path
    finally:
        db.close()
    found = aggregate([V1_FIXTURE, current])
    assert len({row.unit_key for row in found.rows}) == 1
    assert [row.version for row in found.rows] == [1, 2]
    assert len(found.rows_of(found.rows[0].unit_key)) == 2


def test_the_list_of_expected_units_reads_in_either_language_and_separator(
    tmp_path: Path,
) -> None:
    listed = tmp_path / "units.csv"
    listed.write_bytes(
        "Yksikkö,Kunta,Toimipaikkatunnus\nPäiväkoti Aapinen,Porvoo,1.2\n".encode("utf-8-sig")
    )
    assert read_expected(listed) == [ExpectedUnit("Päiväkoti Aapinen", "Porvoo", "1.2")]
    listed.write_text("Enhet;Kommun\nDaghemmet Ekorren;Borgå\n\n", encoding="utf-8")
    assert read_expected(listed) == [ExpectedUnit("Daghemmet Ekorren", "Borgå")]
    listed.write_text("Päiväkoti Aapinen\nPäiväkoti Pihlaja\n", encoding="utf-8")
    assert [u.name for u in read_expected(listed)] == ["Päiväkoti Aapinen", "Päiväkoti Pihlaja"]
    listed.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ExpectedListError) as bad:
        read_expected(listed)
    assert bad.value.reason == "not_utf8"


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("fi", ["Hyvinvointiryhmien yhteenveto", "Kunnan luvut", "Puuttuvat aineistot"]),
        ("sv", ["Sammanställning över grupperna för välbefinnande", "Kommunens siffror"]),
        ("fi+sv", ["Kunnan luvut / Kommunens siffror"]),
    ],
)
def test_the_pdf_reads_back_in_its_language_as_pdf_a(
    overview: Overview, tmp_path: Path, language: str, headings: list[str]
) -> None:
    out = tmp_path / "overview.pdf"
    export_overview(overview, out, options=ReportOptions(language=language))
    reader = PdfReader(out)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for heading in headings:
        assert heading in text
    assert overview.rows[0].name(language[:2]) in text and "notes.zip" in text
    if language == "sv":
        assert "Enheterna under verksamhetsperioden 2026-2027" in text
        assert "Filen är inte en zip-fil" in text
    report = pikepdf.pdfa.validate_written(io.BytesIO(out.read_bytes()), "2b")
    assert report.passed, report


def test_the_workbook_has_a_sheet_per_table_with_frozen_filtered_headers(
    overview: Overview, tmp_path: Path
) -> None:
    out = tmp_path / "overview.xlsx"
    export_overview(overview, None, options=ReportOptions(language="fi"), xlsx=out)
    book = load_workbook(out)
    assert book.sheetnames == [
        "Yksiköt",
        "Suunnitelmat",
        "Kunta",
        "Kehittämiskohteet",
        "Teemat",
        "Puuttuvat",
        "Ohitetut",
    ]
    units = book["Yksiköt"]
    headers = [cell.value for cell in units[1]]
    assert headers[:4] == ["Yksikkö", "Kunta", "Toimipaikkatunnus", "Toimintakausi"]
    assert units.freeze_panes == "A2" and units.auto_filter.ref
    held = headers.index("Pidetyt kokoukset")
    assert [r[held].value for r in units.iter_rows(min_row=2)] == [
        row.meetings_held for row in overview.rows
    ]
    assert units.column_dimensions["A"].width >= len("Päiväkoti Öljymäki")
    municipality = book["Kunta"]
    assert [r[0].value for r in municipality.iter_rows(min_row=2)] == list(PERIODS)
    assert {r[0].value for r in book["Ohitetut"].iter_rows(min_row=2)} == {
        str(s.path) for s in overview.skipped
    }


def test_the_csv_file_has_a_row_per_unit_and_period_under_stable_codes(
    overview: Overview, tmp_path: Path
) -> None:
    out = tmp_path / "overview.csv"
    export_overview(overview, None, options=ReportOptions(), csv_path=out)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert list(rows[0]) == [column.code for column in UNIT_COLUMNS]
    assert [(r["unit"], r["period"], int(r["meetings_held"])) for r in rows] == [
        (row.name("fi"), row.period_label, row.meetings_held) for row in overview.rows
    ]
    assert rows[0]["minimum_met"] in ("true", "false")


def test_text_from_a_bundle_is_never_a_formula_and_control_characters_are_dropped(
    units: Units, tmp_path: Path
) -> None:
    source = units.folder / "Päiväkoti Aapinen-2025-2026.zip"
    hostile = _variant(
        source,
        tmp_path / "h.zip",
        lambda d: d["unit"].update(
            name_fi='=HYPERLINK("http://x","click")', municipality="Po\x01rvoo"
        ),
    )
    found = aggregate([hostile])
    book_path, table = tmp_path / "o.xlsx", tmp_path / "o.csv"
    export_overview(found, None, options=ReportOptions(), xlsx=book_path, csv_path=table)
    sheet = load_workbook(book_path)["Yksiköt"]
    name, municipality = sheet["A2"], sheet["B2"]
    assert (name.value, name.data_type) == ('=HYPERLINK("http://x","click")', "s")
    assert municipality.value == "Porvoo"
    row = next(csv.DictReader(io.StringIO(table.read_text("utf-8-sig")), delimiter=";"))
    assert row["unit"] == '\'=HYPERLINK("http://x","click")'


def test_an_output_onto_a_source_is_refused(
    units: Units, overview: Overview, tmp_path: Path
) -> None:
    listed = tmp_path / "units.csv"
    listed.write_text("unit\nPäiväkoti Aapinen\n", encoding="utf-8")
    with pytest.raises(ExportRefused) as refused:
        export_overview(overview, None, options=ReportOptions(), csv_path=listed, keep=[listed])
    assert refused.value.reason is ExportRefusal.SOURCE
    assert listed.read_text(encoding="utf-8") == "unit\nPäiväkoti Aapinen\n"
    with pytest.raises(ExportRefused):  # the same file named twice
        export_overview(
            overview, tmp_path / "x.pdf", options=ReportOptions(), csv_path=tmp_path / "x.pdf"
        )


def test_an_output_onto_a_bundle_or_an_existing_file_is_refused_before_any_is_written(
    overview: Overview, units: Units, tmp_path: Path
) -> None:
    bundle = units.folder / "Päiväkoti Aapinen-2025-2026.zip"
    before = bundle.read_bytes()
    with pytest.raises(ExportRefused):
        export_overview(overview, tmp_path / "o.pdf", options=ReportOptions(), xlsx=bundle)
    assert bundle.read_bytes() == before and not (tmp_path / "o.pdf").exists()
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"%PDF-1.7 old")
    with pytest.raises(FileNotWritten):
        export_overview(overview, existing, options=ReportOptions(replace=False))
    assert existing.read_bytes() == b"%PDF-1.7 old"


def test_each_units_trend_reads_oldest_period_first_in_the_pdf(
    overview: Overview, units: Units
) -> None:
    from hyvinvointi_app.reports.blocks import Grid, Heading
    from hyvinvointi_app.reports.overview import build_blocks

    blocks = build_blocks(overview, ReportOptions(language="fi"))
    start = next(
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Yksiköiden kehitys"
    )
    grid = next(b for b in blocks[start:] if isinstance(b, Grid))
    meetings = {row[0]: row[1] for row in grid.rows}
    # Only the units with bundles of both periods: the version-1 unit has one period.
    assert meetings == {
        name: " \u2192 ".join(str(units.held[(name, label)]) for label in PERIODS)
        for name in units.files
    }
