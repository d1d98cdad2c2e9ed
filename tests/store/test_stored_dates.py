"""An impossible date stored by another tool (2026-02-31): `check` reports it, and every
screen and report reads the row without an error (issue: tracebacks and a crashed report)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from hyvinvointi_app.cli import main
from hyvinvointi_app.reports import ReportOptions, annual_pdf
from hyvinvointi_app.services import meetings, periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import inspect_file, open_database
from hyvinvointi_app.store.stored_dates import parse_stored_date

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        ("2026-02-28", dt.date(2026, 2, 28)),
        ("2026-02-31", dt.date(2026, 2, 28)),
        ("2024-02-30", dt.date(2024, 2, 29)),
        ("2026-13-05", dt.date(2026, 12, 5)),
        ("2026-00-00", dt.date(2026, 1, 1)),
        ("31.02.2026", dt.date(2026, 2, 28)),
        ("ei päivä", dt.date.min),
        ("", None),
        (None, None),
    ],
)
def test_a_stored_date_reads_as_the_nearest_real_date(stored: str, read: dt.date) -> None:
    assert parse_stored_date(stored) == read


@pytest.fixture
def unit_with_impossible_date(tmp_path: Path) -> Path:
    path = tmp_path / "unit.sqlite"
    write_demo(path, years=1, today=TODAY)
    connection = sqlite3.connect(path)
    with connection:
        first = connection.execute("SELECT min(id) FROM meeting").fetchone()[0]
        connection.execute("UPDATE meeting SET date = '2026-02-31' WHERE id = ?", (first,))
        connection.execute("UPDATE action_item SET due_date = '2026-04-31'")
        connection.execute(
            "UPDATE action_item SET due_date = 'huomenna' WHERE id = (SELECT max(id) FROM"
            " action_item)"
        )
    connection.close()
    return path


def test_check_reports_the_impossible_dates(
    unit_with_impossible_date: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = inspect_file(unit_with_impossible_date)
    assert any("meeting.date" in line and "2026-02-31" in line for line in report.impossible_dates)
    assert main(["--lang", "en", "check", str(unit_with_impossible_date)]) == 1
    err = capsys.readouterr().err
    assert "not real dates" in err and "2026-02-31" in err and "Traceback" not in err


def test_services_and_reports_show_the_row(unit_with_impossible_date: Path) -> None:
    with open_database(unit_with_impossible_date) as db:
        first = min(
            row.id for p in periods.list_periods(db) for row in meetings.list_meetings(db, p.id)
        )
        assert meetings.get_meeting(db, first).date == dt.date(2026, 2, 28)
        for period_row in periods.list_periods(db):
            pdf = annual_pdf(db, period_row.id, ReportOptions(language="fi+sv"))
            assert pdf.startswith(b"%PDF-")
