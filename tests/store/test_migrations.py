"""Schema upgrades: one exclusive transaction, rows kept through table rebuilds, a copy first,
and every released schema (tests/fixtures/schema_v*.sqlite) opens in this version."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from hyvinvointi_app.domain.enums import AgendaItemKind, Role
from hyvinvointi_app.domain.errors import MigrationFailed
from hyvinvointi_app.store import migrations
from hyvinvointi_app.store.database import create_database, inspect_file, open_database
from hyvinvointi_app.store.models import AgendaItem, Meeting, OperatingPeriod

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CURRENT = migrations.SCHEMA_VERSION
NEXT = CURRENT + 1
"""The mechanism's tests upgrade a current file by a made-up next step."""


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
    """A plain connection, with the functions the search index's triggers call."""
    connection = sqlite3.connect(path, isolation_level=None)
    migrations.register_search_functions(connection)
    return connection


def test_a_table_rebuild_keeps_the_rows_that_cascade_from_it(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)
    connection = _raw(path)
    before = migrations.upgrade(connection, {NEXT: _rebuild_meeting_table})
    assert before == CURRENT
    assert connection.execute("PRAGMA user_version").fetchone()[0] == NEXT
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
        migrations.upgrade(connection, {NEXT: _rebuild_meeting_table, NEXT + 1: half_done})
    assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT
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
        migrations.upgrade(connection, {NEXT: orphan})
    assert connection.execute("SELECT count(*) FROM meeting").fetchone()[0] == 1
    connection.close()


def test_open_upgrades_an_older_file_after_taking_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(migrations, "STEPS", {NEXT: _rebuild_meeting_table})
    db = open_database(path)
    db.close()
    assert inspect_file(path).schema_version == NEXT
    copy = tmp_path / f"unit.before-upgrade-v{CURRENT}.sqlite"
    assert inspect_file(copy).schema_version == CURRENT


def test_a_failed_upgrade_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)

    def broken(connection: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("no such column: x")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(migrations, "STEPS", {NEXT: broken})
    with pytest.raises(MigrationFailed):
        open_database(path)
    monkeypatch.undo()
    assert inspect_file(path).schema_version == CURRENT
    open_database(path).close()  # and the lock was released


def _schema(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    schema: dict[str, list[tuple[object, ...]]] = {
        table: sorted(
            [tuple(r[1:]) for r in connection.execute(f"PRAGMA table_info({table})")]
            + [tuple(r[2:]) for r in connection.execute(f"PRAGMA foreign_key_list({table})")]
        )
        for table in tables
    }
    # Virtual tables (the FTS5 search index), triggers and indexes are known by their SQL.
    for kind, name, sql in connection.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE sql IS NOT NULL AND (type IN ('trigger', 'index') OR sql LIKE 'CREATE VIRTUAL%')"
    ):
        schema[f"{kind}:{name}"] = [(" ".join(sql.split()),)]
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
    # Version 9 replaced the memo index (memo_search and its FTS5 tables) by search_index.
    kept = {t: n for t, n in counts_before.items() if not t.startswith("memo_search")}
    if int(fixture.stem.removeprefix("schema_v")) < 9:
        after["setting"] -= 1  # and records the version of the word-form rules of its keys
    assert {t: after.get(t) for t in kept} == kept
    assert counts_before["meeting"] > 0
    assert report.search_index_faults == 0


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


def _search_rows(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM search_index").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.parametrize("version", [1, 8])
def test_the_search_index_is_filled_with_every_text_written(tmp_path: Path, version: int) -> None:
    """Version 9 indexes every text an older file holds (memos, plans, evaluations, cards,
    the clock, surveys…), each under its field, and stays in step."""
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite", path)
    path.chmod(0o600)
    open_database(path).close()
    connection = sqlite3.connect(path)
    filled = {
        code: connection.execute(f"SELECT count(*) FROM {table} WHERE {column} <> ''").fetchone()[0]
        for code, (table, column, _language) in migrations.SEARCH_FIELDS.items()
    }
    indexed = {
        code: connection.execute(
            f"SELECT count(*) FROM search_index WHERE rowid % 64 = {code}"
        ).fetchone()[0]
        for code in migrations.SEARCH_FIELDS
    }
    assert migrations.search_index_faults(connection) == 0
    connection.close()
    assert indexed == filled
    assert sum(filled.values()) > 100
    # The version-8 fixture has a text in the fields of every kind but the clock's marks.
    if version == 8:
        tables = {migrations.SEARCH_FIELDS[code][0] for code, count in filled.items() if count}
        assert {"plan_evaluation", "result_card", "clock_theme", "survey_item"} <= tables


def test_the_search_index_follows_changes_and_cascades(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    _unit_with_meeting(path)
    connection = _raw(path)
    connection.execute("PRAGMA foreign_keys = ON")

    def hits(word: str) -> int:
        return int(
            connection.execute(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (word,)
            ).fetchone()[0]
        )

    assert hits("Asia") == 3
    connection.execute(
        "UPDATE agenda_item SET notes = 'Pihan turvallisuus on tärkeä' WHERE position = 1"
    )
    connection.execute("UPDATE agenda_item SET position = position + 10")  # no text: no change
    assert hits("turvallisuus") == 1
    assert hits('keys : "piha"') == 1  # Pihan → piha
    connection.execute("UPDATE agenda_item SET notes = '' WHERE position = 11")
    assert hits("turvallisuus") == 0
    connection.execute("DELETE FROM meeting")
    assert _search_rows(path) == 0
    assert migrations.search_index_faults(connection) == 0
    connection.close()


def test_sqlite_without_fts5_is_refused_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from hyvinvointi_app.store import database

    class NoFts5:
        def __init__(self, *_args: object) -> None:
            pass

        def execute(self, sql: str) -> None:
            raise sqlite3.OperationalError("no such module: fts5")

        def close(self) -> None:
            pass

    database.require_sqlite_features.cache_clear()
    monkeypatch.setattr(database.sqlite3, "connect", NoFts5)
    try:
        with pytest.raises(database.SqliteFeatureMissing, match="FTS5"):
            create_database(tmp_path / "unit.sqlite")
    finally:
        monkeypatch.undo()
        database.require_sqlite_features.cache_clear()
    assert not (tmp_path / "unit.sqlite").exists()
    database.require_sqlite_features()


# -- version 3: the file's identity ----------------------------------------------------------
# tests/fixtures/schema_v3.sqlite is the demo unit of two operating periods as version 3 wrote
# it (services.demo.write_demo(years=2, today=23.11.2026), copied with store.backup.backup_file
# so that it is one self-contained file), like the fixtures of versions 1 and 2.
# tests/fixtures/schema_v4.sqlite is the same demo as version 4 wrote it (approved memos with
# their frozen records, periods' summaries and requests, themes' marks), with a value in each
# of version 4's other new fields (a memo's distribution, attachments and signatures, an
# evaluation's current state).
# tests/fixtures/schema_v5.sqlite is the same demo as version 5 wrote it, with the unit's site
# code (version 5's one new field) typed.
# tests/fixtures/schema_v6.sqlite is the same demo as version 6 wrote it, with a municipal
# package composed from the demo itself (plus a theme and a plan type of its own) imported:
# version 6's new table and the package marks on themes and plans are filled.
# tests/fixtures/schema_v7.sqlite is the version-6 fixture opened by version 7, with the
# director named as the presenter of the theme items of its meetings not yet approved.
# tests/fixtures/schema_v8.sqlite is the version-7 fixture opened by version 8, with a
# children's picture survey (an option of each library group) and a guardians' survey (a
# statement of each group, a title in English too), both counted in the draft meeting 2 of
# the first period (the guardians' by four: fewer than five), and the unit's minimum of
# answers set to 4.
# tests/fixtures/schema_v9.sqlite is the version-8 fixture opened by version 9: its memo index
# replaced by one search index of every text written, with the word forms of each word.
# tests/fixtures/schema_v10.sqlite is the version-9 fixture opened by version 10, with partners
# (roles and free-text names) given to two of October's annual-clock themes.


def _identity_row(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(f"SELECT id, uuid FROM {migrations.IDENTITY_TABLE}").fetchall()
    finally:
        connection.close()
    assert len(rows) == 1 and rows[0][0] == 1
    return str(rows[0][1])


@pytest.mark.parametrize("version", [1, 2])
def test_an_upgraded_file_gets_an_identity_that_stays_and_that_its_old_backups_share(
    tmp_path: Path, version: int
) -> None:
    from hyvinvointi_app.store.identity import read_identity

    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite", path)
    path.chmod(0o600)
    old_backup = tmp_path / "old-backup.sqlite"
    shutil.copyfile(path, old_backup)  # a backup taken before the upgrade
    open_database(path).close()

    uuid = _identity_row(path)
    assert len(uuid) == 36 and uuid.count("-") == 4
    open_database(path).close()  # reopening (no upgrade) keeps it
    assert _identity_row(path) == uuid
    identity = read_identity(path)
    assert identity is not None and identity.uuid == uuid
    assert identity.unit_name == "Päiväkoti Kuusikko"
    # The backup from before the upgrade is known as the same unit's, read-only.
    before = old_backup.read_bytes()
    old = read_identity(old_backup)
    assert old is not None and old.uuid == uuid
    assert old_backup.read_bytes() == before
    assert not old_backup.with_name(old_backup.name + "-wal").exists()


def test_every_new_file_gets_its_own_identity(tmp_path: Path) -> None:
    from hyvinvointi_app.store.identity import read_identity

    first, second = tmp_path / "a" / "unit.sqlite", tmp_path / "b" / "unit.sqlite"
    for path in (first, second):
        path.parent.mkdir()
        create_database(path).close()
    identities = {_identity_row(first), _identity_row(second)}
    assert len(identities) == 2
    found = read_identity(first)
    assert found is not None and found.uuid == _identity_row(first) and found.unit_name == ""
    assert read_identity(tmp_path / "missing.sqlite") is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database")
    assert read_identity(junk) is None


def test_the_v3_fixture_keeps_its_identity_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / "schema_v3.sqlite", path)
    path.chmod(0o600)
    before = _identity_row(path)
    open_database(path).close()
    assert _identity_row(path) == before


@pytest.mark.parametrize(("version", "site_code"), [(4, ""), (5, "1.2.246.562.10.12345678901")])
def test_the_site_code_is_empty_after_the_upgrade_and_kept_after(
    tmp_path: Path, version: int, site_code: str
) -> None:
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite", path)
    path.chmod(0o600)
    open_database(path).close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT site_code FROM unit").fetchall() == [(site_code,)]
    finally:
        connection.close()


@pytest.mark.parametrize("version", [5, 6])
def test_the_municipal_package_is_empty_after_the_upgrade_and_kept_after(
    tmp_path: Path, version: int
) -> None:
    from hyvinvointi_app.services import municipal_package

    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite", path)
    path.chmod(0o600)
    db = open_database(path)
    try:
        info = municipal_package.current_package(db)
        state = municipal_package.package_state(db)
    finally:
        db.close()
    marked_themes = [t for t in state.themes if t.package_item]
    marked_plans = [p.name for p in state.plans if p.package_item]
    if version == 5:
        assert info is None and not marked_themes and not marked_plans
    else:
        assert info is not None and (info.name, info.version) == ("Porvoon yhteiset käytännöt", 1)
        assert len(marked_themes) == len(state.themes) == 35
        assert "Laatukortti: leikki" in marked_plans


@pytest.mark.parametrize("version", [6, 7])
def test_agenda_items_have_no_presenter_after_the_upgrade_and_keep_theirs_after(
    tmp_path: Path, version: int
) -> None:
    from hyvinvointi_app.services import meetings, periods

    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite", path)
    path.chmod(0o600)
    db = open_database(path)
    try:
        presenters = [
            item.presenter.role
            for period in periods.list_periods(db)
            for row in meetings.list_meetings(db, period.id)
            for item in meetings.get_meeting(db, row.id).agenda
            if item.presenter is not None
        ]
    finally:
        db.close()
    assert presenters == ([] if version == 6 else [Role.DIRECTOR] * 3)


@pytest.mark.parametrize("version", [7, 8])
def test_surveys_are_empty_after_the_upgrade_and_keep_their_counts_after(
    tmp_path: Path, version: int
) -> None:
    from hyvinvointi_app.services import surveys
    from hyvinvointi_app.services.memo_record import memo_data

    draft_meeting = 6  # the first period's meeting 2, see above
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / f"schema_v{version}.sqlite", path)
    path.chmod(0o600)
    db = open_database(path)
    try:
        found = surveys.list_surveys(db)
        record = memo_data(db, draft_meeting)
        minimum = surveys.min_answers(db)
    finally:
        db.close()
    if version == 7:
        assert (found, record.meeting.tallies) == ([], ())
        assert minimum == surveys.DEFAULT_MIN_ANSWERS
        return
    assert [s.kind.value for s in found] == ["guardians", "children"]
    assert found[0].other_language == "English" and len(found[1].items) == 6
    counts = [tally.items[0].counts for tally in record.meeting.tallies]
    assert counts == [(12,), (0, 0, 0, 1, 3)] and minimum == 4
