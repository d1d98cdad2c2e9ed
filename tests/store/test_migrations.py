"""Schema upgrades: one exclusive transaction, rows kept through table rebuilds, a copy first,
and every released schema (tests/fixtures/schema_v*.sqlite) opens in this version."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from hyvinvointi_app.domain.enums import AgendaItemKind
from hyvinvointi_app.domain.errors import MigrationFailed
from hyvinvointi_app.store import migrations
from hyvinvointi_app.store.database import create_database, inspect_file, open_database
from hyvinvointi_app.store.models import AgendaItem, Meeting, OperatingPeriod

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _unit_with_meeting(path: Path) -> None:
    db = create_database(path)
    with db.transaction() as session:
        period = OperatingPeriod(
            label="2025-2026", start_date=dt.date(2025, 8, 1), end_date=dt.date(2026, 7, 31)
        )
        session.add(period)
        session.flush()
        meeting = Meeting(period_id=period.id, number=1, date=dt.date(2025, 9, 10))
        session.add(meeting)
        session.flush()
        for position in range(1, 4):
            session.add(
                AgendaItem(
                    meeting_id=meeting.id,
                    position=position,
                    kind=AgendaItemKind.CUSTOM,
                    title=f"Asia {position}",
                )
            )
    db.close()


def _rebuild_meeting_table(connection: sqlite3.Connection) -> None:
    """A typical batch step: new table, copy, drop, rename (children cascade on drop!)."""
    sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'meeting'").fetchone()[0]
    connection.execute(sql.replace("CREATE TABLE meeting", "CREATE TABLE meeting_new", 1))
    connection.execute("INSERT INTO meeting_new SELECT * FROM meeting")
    connection.execute("DROP TABLE meeting")
    connection.execute("ALTER TABLE meeting_new RENAME TO meeting")


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_a_table_rebuild_keeps_the_rows_that_cascade_from_it(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)
    connection = _raw(path)
    before = migrations.upgrade(connection, {2: _rebuild_meeting_table})
    assert before == 1
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
    assert connection.execute("SELECT count(*) FROM agenda_item").fetchone()[0] == 3
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    connection.close()


def test_a_failing_step_rolls_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)

    def half_done(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE meeting ADD COLUMN mood TEXT")
        connection.execute("DELETE FROM agenda_item")
        raise RuntimeError("disk hiccup")

    connection = _raw(path)
    with pytest.raises(RuntimeError):
        migrations.upgrade(connection, {2: _rebuild_meeting_table, 3: half_done})
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert connection.execute("SELECT count(*) FROM agenda_item").fetchone()[0] == 3
    columns = [row[1] for row in connection.execute("PRAGMA table_info(meeting)")]
    assert "mood" not in columns
    connection.close()


def test_broken_references_refuse_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)

    def orphan(connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM meeting")  # foreign keys are off: children orphaned

    connection = _raw(path)
    with pytest.raises(migrations.MigrationError):
        migrations.upgrade(connection, {2: orphan})
    assert connection.execute("SELECT count(*) FROM meeting").fetchone()[0] == 1
    connection.close()


def test_open_upgrades_an_older_file_after_taking_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "STEPS", {2: _rebuild_meeting_table})
    db = open_database(path)
    db.close()
    assert inspect_file(path).schema_version == 2
    copy = tmp_path / "unit.before-upgrade-v1.sqlite"
    assert inspect_file(copy).schema_version == 1


def test_a_failed_upgrade_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)

    def broken(connection: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("no such column: x")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "STEPS", {2: broken})
    with pytest.raises(MigrationFailed):
        open_database(path)
    monkeypatch.undo()
    assert inspect_file(path).schema_version == 1
    open_database(path).close()  # and the lock was released


def _schema(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    schema = {
        table: sorted(
            [tuple(r[1:]) for r in connection.execute(f"PRAGMA table_info({table})")]
            + [tuple(r[2:]) for r in connection.execute(f"PRAGMA foreign_key_list({table})")]
        )
        for table in tables
    }
    connection.close()
    return schema


RELEASED = sorted(FIXTURES.glob("schema_v*.sqlite"))


def test_there_is_a_fixture_of_every_released_schema() -> None:
    versions = {int(p.stem.removeprefix("schema_v")) for p in RELEASED}
    assert versions == set(range(1, migrations.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.name for p in RELEASED])
def test_every_released_schema_opens_and_becomes_current(tmp_path: Path, fixture: Path) -> None:
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(fixture, path)
    path.chmod(0o600)
    counts_before = _row_counts(path)
    db = open_database(path)
    db.close()
    report = inspect_file(path)
    assert report.integrity_ok
    assert report.schema_version == migrations.SCHEMA_VERSION
    fresh = tmp_path / "fresh.sqlite"
    create_database(fresh).close()
    assert _schema(path) == _schema(fresh)
    after = _row_counts(path)
    assert {t: after.get(t) for t in counts_before} == counts_before
    assert counts_before["meeting"] > 0


def _row_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    names = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    counts = {n: connection.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
    connection.close()
    return counts
