"""The coordinator bundle of the demo unit: valid against its published schema, the same
figures in JSON and CSV, the PDFs inside readable, no names unless asked, never half written."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.domain.errors import ExportRefused, FileNotWritten, WriteProblem
from hyvinvointi_app.reports.bundle import CSV_DELIMITER, build_bundle, check_languages
from hyvinvointi_app.services import bundle_reader, meetings, members, periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import Database, open_database

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("bundle") / "demo.sqlite"
    write_demo(path, language="fi", years=3, today=TODAY)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture(scope="module")
def period_id(demo: Database) -> int:
    return periods.period_by_label(demo, "2025-2026").id


@pytest.fixture(scope="module")
def bundle(demo: Database, period_id: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "kuusikko-2025-2026.zip"
    steps: list[tuple[int, int]] = []
    result = build_bundle(
        demo, period_id, out, languages=("fi", "sv"), progress=lambda d, t: steps.append((d, t))
    )
    assert result.path == out and result.logged
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1]  # from nothing to all done
    return out


@pytest.fixture(scope="module")
def named_bundle(demo: Database, period_id: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "with-names.zip"
    return build_bundle(demo, period_id, out, languages=("fi+sv",), with_names=True).path


def _short_names(path: Path) -> dict[str, str]:
    """Each file of the zip by its name without the bundle's folder and the folder's name
    that starts every file name ("csv/summary.csv" for "<folder>/csv/<folder>-summary.csv")."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    folder = names[0].split("/")[0]
    return {n.removeprefix(f"{folder}/").replace(f"{folder}-", ""): n for n in names}


def _json(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(_short_names(path)["bundle.json"]).decode("utf-8"))


def _csv(path: Path, name: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        text = archive.read(_short_names(path)[name]).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=CSV_DELIMITER))


def _texts(path: Path) -> dict[str, str]:
    """Every file of the zip as text, PDFs extracted with pypdf (metadata included),
    whitespace collapsed so that a name broken across lines still reads as one."""
    texts = {}
    with zipfile.ZipFile(path) as archive:
        for name, full_name in _short_names(path).items():
            data = archive.read(full_name)
            if name.endswith(".pdf"):
                reader = PdfReader(io.BytesIO(data))
                parts = [page.extract_text() or "" for page in reader.pages]
                parts.extend(str(v) for v in (reader.metadata or {}).values())
                text = "\n".join(parts)
            else:
                text = data.decode("utf-8-sig")
            texts[name] = re.sub(r"\s+", " ", text)
    return texts


def _schema() -> dict:
    return bundle_reader.schema(2)


def test_schema_is_a_valid_draft_2020_12_schema_documented_throughout() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["version"]["const"] == 2
    undocumented = [
        key for key, value in schema["properties"].items() if not value.get("description")
    ]
    assert not undocumented


def test_demo_bundle_validates_against_the_schema(bundle: Path, named_bundle: Path) -> None:
    validator = jsonschema.Draft202012Validator(
        _schema(), format_checker=jsonschema.FormatChecker()
    )
    for path in (bundle, named_bundle):
        document = _json(path)
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, errors[:3]
        assert (document["format"], document["version"]) == ("hyvinvointi-bundle", 2)


def test_schema_refuses_names_in_a_bundle_without_names(bundle: Path, named_bundle: Path) -> None:
    """The schema itself guards the promise: a bundle marked nameless with attendees fails."""
    document = _json(named_bundle)
    document["with_names"] = False
    validator = jsonschema.Draft202012Validator(_schema())
    assert not validator.is_valid(document)


def test_bundle_holds_the_period_figures(demo: Database, period_id: int, bundle: Path) -> None:
    document = _json(bundle)
    assert document["unit"]["name_fi"] == "Päiväkoti Kuusikko"
    assert document["period"] == {
        "label": "2025-2026",
        "start_date": "2025-08-01",
        "end_date": "2026-07-31",
    }
    held = meetings.list_meetings(demo, period_id)
    assert [m["date"] for m in document["meetings"]] == [m.date.isoformat() for m in held]
    assert document["meetings_held"] == len(held)
    assert document["minimum_met"] is (len(held) >= 2)
    first = document["meetings"][0]
    assert sum(a["present"] for a in first["attendance"]) == held[0].present_count
    assert any(p["evaluation_dates"] for p in document["plans"])
    assert any(e["strengths"] for p in document["plans"] for e in p["evaluations"])
    assert any(c["checkpoints"] and c["checkpoints"][0]["value"] for c in document["result_cards"])
    assert document["actions"]["total"] == sum(
        document["actions"][k] for k in ("open", "overdue", "done", "dropped")
    )


def test_annual_reports_and_approved_memos_in_both_languages(
    demo: Database, period_id: int, bundle: Path, named_bundle: Path
) -> None:
    approved = [
        m for m in meetings.list_meetings(demo, period_id) if m.status is MeetingStatus.APPROVED
    ]
    assert approved
    names = _short_names(bundle)
    pdfs = [n for n in names if n.endswith(".pdf")]
    assert "annual-report-fi.pdf" in pdfs
    assert "annual-report-sv.pdf" in pdfs
    assert len([n for n in pdfs if n.startswith("memos/")]) == 2 * len(approved)
    document = _json(bundle)
    listed = {f["path"] for f in document["files"]}
    assert listed == set(names.values()) - {names["bundle.json"]}
    texts = _texts(bundle)
    for meeting in approved:
        fi = f"memos/memo-{meeting.number:02d}-{meeting.date.isoformat()}-fi.pdf"
        assert meeting.date.strftime("%-d.%-m.%Y") in texts[fi]
    bilingual = [n for n in _short_names(named_bundle) if n.endswith(".pdf")]
    assert "annual-report-fi-sv.pdf" in bilingual
    assert len(bilingual) == 1 + len(approved)


def _member_names(db: Database) -> list[str]:
    return [m.name for m in members.list_members(db) if m.name]


def test_no_member_name_anywhere_in_the_bundle(demo: Database, bundle: Path) -> None:
    names = _member_names(demo)
    assert len(names) >= 5
    texts = _texts(bundle)
    assert len(texts) > 10
    found = [(n, f) for f, text in texts.items() for n in names if n in text]
    assert not found
    # Not even a first name or a family name on its own (e.g. "Ahonen" in a table cell).
    parts = {part for name in names for part in name.split() if len(part) >= 3}
    found = [
        (part, f)
        for f, text in texts.items()
        for part in parts
        if re.search(rf"\b{re.escape(part)}\b", text)
    ]
    assert not found


def test_names_are_there_when_chosen(demo: Database, named_bundle: Path) -> None:
    """The check above can fail: the same search finds the names in a bundle made with them."""
    names = _member_names(demo)
    texts = _texts(named_bundle)
    assert any(n in texts["bundle.json"] for n in names)
    assert any(n in texts["csv/attendees.csv"] for n in names)
    assert any(n in texts["csv/members.csv"] for n in names)


def test_csv_carries_the_same_figures_as_json(bundle: Path) -> None:
    document = _json(bundle)
    (summary,) = _csv(bundle, "csv/summary.csv")
    assert summary["unit"] == document["unit"]["name_fi"]
    assert summary["period"] == "2025-2026"
    assert int(summary["meetings_held"]) == document["meetings_held"]
    assert summary["minimum_met"] == str(document["minimum_met"]).lower()
    assert summary["roles_missing"].split(",") == (document["roles_missing"] or [""])
    for key in ("open", "overdue", "done", "dropped", "total"):
        assert int(summary[f"actions_{key}"]) == document["actions"][key]
    assert int(summary["members_total"]) == sum(m["count"] for m in document["members"])

    attendance = _csv(bundle, "csv/attendance.csv")
    expected = [
        (m["number"], m["date"], a["role"], a["present"], a["absent"], a["excused"], a["guests"])
        for m in document["meetings"]
        for a in m["attendance"]
    ]
    assert [
        (
            int(r["meeting_number"]),
            r["date"],
            r["role"],
            int(r["present"]),
            int(r["absent"]),
            int(r["excused"]),
            int(r["guests"]),
        )
        for r in attendance
    ] == expected

    meeting_rows = _csv(bundle, "csv/meetings.csv")
    assert [
        (int(r["meeting_number"]), r["status"], int(r["present_total"])) for r in meeting_rows
    ] == [(m["number"], m["status"], m["present_total"]) for m in document["meetings"]]

    plan_rows = _csv(bundle, "csv/plans.csv")
    assert [(int(r["plan_id"]), r["evaluation_date"]) for r in plan_rows] == [
        (p["id"], e.get("date", "")) for p in document["plans"] for e in p["evaluations"] or [{}]
    ]
    assert [r["development_areas"] for r in plan_rows if r["evaluation_date"]] == [
        e["development_areas"] for p in document["plans"] for e in p["evaluations"]
    ]

    card_rows = _csv(bundle, "csv/result_cards.csv")
    assert [
        (int(r["card_id"]), r["checkpoint_due_date"], r["checkpoint_value"]) for r in card_rows
    ] == [
        (c["id"], p.get("due_date", ""), p.get("value", ""))
        for c in document["result_cards"]
        for p in c["checkpoints"] or [{}]
    ]


def test_bundle_is_private_to_its_owner(bundle: Path) -> None:
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600


class Boom(Exception):
    pass


@pytest.mark.parametrize("fail_at", [1, -1])
def test_a_failure_leaves_no_zip_and_keeps_an_existing_one(
    demo: Database, period_id: int, tmp_path: Path, fail_at: int
) -> None:
    """Failing at the first document or at the very last step before writing."""
    out = tmp_path / "bundle.zip"
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done == (total if fail_at == -1 else fail_at):
            raise Boom

    with pytest.raises(Boom):
        build_bundle(demo, period_id, out, languages=("fi",), progress=progress)
    assert list(tmp_path.iterdir()) == []

    with zipfile.ZipFile(out, "w") as earlier:
        earlier.writestr("bundle.json", "{}")
    before = out.read_bytes()
    with pytest.raises(Boom):
        build_bundle(demo, period_id, out, languages=("fi",), progress=progress)
    assert out.read_bytes() == before
    assert list(tmp_path.iterdir()) == [out]


def test_an_unwritable_output_is_refused_before_any_work(
    demo: Database, period_id: int, tmp_path: Path
) -> None:
    steps: list[int] = []
    with pytest.raises(FileNotWritten) as missing:
        build_bundle(
            demo, period_id, tmp_path / "missing" / "b.zip", progress=lambda d, t: steps.append(d)
        )
    assert missing.value.problem is WriteProblem.NO_FOLDER
    with pytest.raises(FileNotWritten) as folder:
        build_bundle(demo, period_id, tmp_path, progress=lambda d, t: steps.append(d))
    assert folder.value.problem is WriteProblem.IS_FOLDER
    with pytest.raises(ExportRefused):
        build_bundle(demo, period_id, demo.path, progress=lambda d, t: steps.append(d))
    assert steps == []


def test_languages_are_checked() -> None:
    assert check_languages(["fi", "sv", "fi"]) == ("fi", "sv")
    with pytest.raises(ValueError):
        check_languages(["en"])
    with pytest.raises(ValueError):
        check_languages([])
