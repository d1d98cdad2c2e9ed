"""Numbered schema upgrades, run in one exclusive transaction (calibre's way).

``PRAGMA user_version`` holds the schema version. A new file gets the current schema from
the models directly; an older file is upgraded step by step by :data:`STEPS`, where
``STEPS[n]`` upgrades version ``n - 1`` to ``n``. A step that rebuilds a table must keep
its rows: foreign keys are switched off during the upgrade (a rebuild would otherwise fire
``ON DELETE CASCADE`` on the children) and ``PRAGMA foreign_key_check`` must be clean before
the upgrade commits. Any failure rolls the whole upgrade back.

To change the schema: change the models, add ``STEPS[SCHEMA_VERSION + 1]`` that brings a
file of the previous version to the same schema, raise :data:`SCHEMA_VERSION`, and commit a
fixture of the released version under ``tests/fixtures/`` (see tests/store/test_migrations.py).

Version 3 gave every file a stable identity (:data:`IDENTITY_TABLE`): a new file gets a
random UUID; an upgraded file gets one derived from its unit's creation time, so that the
backups it had before the upgrade (which carry no identity) are still known as its own.
"""

from __future__ import annotations

import functools
import sqlite3
import unicodedata
import uuid
from collections.abc import Callable

from hyvinvointi_app.domain import wordforms

SCHEMA_VERSION = 10
"""The schema this version of the application writes."""

APPLICATION_ID = 0x48595652
"""``PRAGMA application_id`` of our files ("HYVR"): tells our files from other SQLite files."""

Step = Callable[[sqlite3.Connection], None]


# -- version 2: the full-text index of the memos ------------------------------------------

_MEMO_SEARCH_TABLE_V2 = "memo_search"
"""The FTS5 table over every text typed into a memo (versions 2-8)."""

_SEARCH_ROWID_STRIDE_V2 = 8
"""A search row's rowid is ``source row id * 8 + field code``: each typed text has a rowid
of its own that a trigger can find without scanning the index."""

_SEARCH_FIELDS_V2: dict[int, tuple[str, str]] = {
    1: ("agenda_item", "title"),
    2: ("agenda_item", "notes"),
    3: ("agenda_item", "decision"),
    4: ("action_item", "text"),
    5: ("voice_record", "summary"),
    6: ("action_follow_up", "comment"),
}
"""Field code → (table, column) of the texts the version-2 search index holds."""


def _search_index_v2() -> tuple[str, ...]:
    """The statements that create the version-2 search index and keep it in step.

    Triggers, rather than the services, keep the index current, so that every way a text
    changes (the ORM, a cascade from a deleted meeting, an import) updates it. Empty texts
    get no row. ``remove_diacritics 0``: in Finnish and Swedish ä, ö and å are letters of
    their own, not accented a and o. Frozen: a later change to the index is a new step.
    """
    statements = [
        f"CREATE VIRTUAL TABLE {_MEMO_SEARCH_TABLE_V2} USING fts5("
        "text, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')"
    ]
    tables: dict[str, list[tuple[int, str]]] = {}
    for code, (table, column) in _SEARCH_FIELDS_V2.items():
        tables.setdefault(table, []).append((code, column))
    stride, index = _SEARCH_ROWID_STRIDE_V2, _MEMO_SEARCH_TABLE_V2
    for table, fields in tables.items():
        inserts = "".join(
            f" INSERT INTO {index}(rowid, text) SELECT new.id * {stride} + {code},"
            f" new.{column} WHERE new.{column} <> '';"
            for code, column in fields
        )
        deletes = "".join(
            f" DELETE FROM {index} WHERE rowid = old.id * {stride} + {code};"
            for code, _column in fields
        )
        columns = ", ".join(column for _code, column in fields)
        statements += [
            f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN{inserts} END",
            f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF {columns} ON {table}"
            f" BEGIN{deletes}{inserts} END",
            f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN{deletes} END",
        ]
        statements += [
            f"INSERT INTO {index}(rowid, text) SELECT id * {stride} + {code}, {column}"
            f" FROM {table} WHERE {column} <> ''"
            for code, column in fields
        ]
    return tuple(statements)


def _add_search_index(connection: sqlite3.Connection) -> None:
    for statement in _search_index_v2():
        connection.execute(statement)


# -- version 3: the file's identity --------------------------------------------------------

IDENTITY_TABLE = "file_identity"
"""One row: the UUID that tells this unit's file (and every backup of it) from another unit's
file of the same name, e.g. two ``unit.sqlite`` backed up to one USB stick."""

_IDENTITY_TABLE_V3 = (
    f"CREATE TABLE {IDENTITY_TABLE} ("
    "id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), uuid VARCHAR(36) NOT NULL)"
)

_LEGACY_NAMESPACE = uuid.UUID("6f1d3c1e-5b0a-4c39-9d0e-3f6a8f2b7c41")


def legacy_identity(connection: sqlite3.Connection) -> str | None:
    """The identity of a file older than version 3: derived from its unit's creation time
    (set once, to the microsecond, when the unit was made), or None without a unit.

    The upgrade gives a file exactly this identity, so a backup taken before the upgrade
    (read with this function) is recognised as the same unit's.
    """
    try:
        row = connection.execute("SELECT created_at FROM unit ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] is None:
        return None
    return str(uuid.uuid5(_LEGACY_NAMESPACE, f"unit created {row[0]}"))


def _identity_statements(identity: str) -> tuple[str, ...]:
    return (
        _IDENTITY_TABLE_V3,
        f"INSERT INTO {IDENTITY_TABLE} (id, uuid) VALUES (1, '{uuid.UUID(identity)}')",
    )


def _add_file_identity(connection: sqlite3.Connection) -> None:
    identity = legacy_identity(connection) or str(uuid.uuid4())
    for statement in _identity_statements(identity):
        connection.execute(statement)


# -- version 4: the documents' own fields ---------------------------------------------------


def _add_document_fields(connection: sqlite3.Connection) -> None:
    """What the memo and the annual report carry beyond the group's work itself.

    The meeting's distribution list, attachments and signature choice, and the snapshot an
    approved memo prints from; memos approved before this version get no snapshot here (it
    is built by the services, which this module cannot call: see services.memo_record).
    The period's written summary with its approval day and the group's requests to the
    provider. An evaluation's finding of the plan's current state. A theme's mark per period
    (handled elsewhere, moved, not handled).
    """
    for statement in (
        "ALTER TABLE meeting ADD COLUMN distribution TEXT DEFAULT '' NOT NULL",
        "ALTER TABLE meeting ADD COLUMN attachments TEXT DEFAULT '' NOT NULL",
        "ALTER TABLE meeting ADD COLUMN signatures BOOLEAN DEFAULT '0' NOT NULL",
        "ALTER TABLE meeting ADD COLUMN approved_snapshot JSON",
        "ALTER TABLE operating_period ADD COLUMN summary TEXT DEFAULT '' NOT NULL",
        "ALTER TABLE operating_period ADD COLUMN summary_approved_on DATE",
        "ALTER TABLE operating_period ADD COLUMN provider_requests TEXT DEFAULT '' NOT NULL",
        "ALTER TABLE plan_evaluation ADD COLUMN current_state TEXT DEFAULT '' NOT NULL",
        """CREATE TABLE theme_mark (
            id INTEGER NOT NULL,
            theme_id INTEGER NOT NULL,
            period_id INTEGER NOT NULL,
            handling VARCHAR(40) NOT NULL,
            note TEXT DEFAULT '' NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT theme_mark_once UNIQUE (theme_id, period_id),
            FOREIGN KEY(theme_id) REFERENCES clock_theme (id) ON DELETE CASCADE,
            FOREIGN KEY(period_id) REFERENCES operating_period (id) ON DELETE CASCADE
        )""",
    ):
        connection.execute(statement)


# -- version 5: the unit's official site code ----------------------------------------------


def _add_site_code(connection: sqlite3.Connection) -> None:
    """The unit's official site code (e.g. its Varda toimipaikka code), which the coordinator
    bundle carries beside the file's identity so that a municipality can match bundles to
    its own register."""
    connection.execute("ALTER TABLE unit ADD COLUMN site_code VARCHAR(60) DEFAULT '' NOT NULL")


# -- version 6: the municipal package -------------------------------------------------------


def _add_municipal_package(connection: sqlite3.Connection) -> None:
    """The municipal package a unit imports (its checklists, standing agenda and result-card
    templates), and the mark of origin on the clock's themes and the plans it brought."""
    for statement in (
        "ALTER TABLE clock_theme ADD COLUMN package_item VARCHAR(120)",
        "ALTER TABLE plan ADD COLUMN package_item VARCHAR(120)",
        """CREATE TABLE municipal_package (
            id INTEGER NOT NULL,
            package_id VARCHAR(36) NOT NULL,
            name VARCHAR(200) NOT NULL,
            version INTEGER NOT NULL,
            published_on DATE,
            imported_at DATETIME NOT NULL,
            content JSON NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT one_municipal_package CHECK (id = 1)
        )""",
    ):
        connection.execute(statement)


# -- version 7: who presents an agenda item -------------------------------------------------


def _add_presenter(connection: sqlite3.Connection) -> None:
    """The member who presents an agenda item, which the agenda and the invitation name."""
    connection.execute(
        "ALTER TABLE agenda_item ADD COLUMN presenter_id INTEGER "
        "REFERENCES member (id) ON DELETE SET NULL"
    )


# -- version 8: surveys of children and guardians, and their tallies -------------------------


def _add_surveys(connection: sqlite3.Connection) -> None:
    """Question sets for children (picture choice lists) and guardians (statements on a
    scale), and the counts a meeting records of them: numbers only, never who answered."""
    for statement in (
        """CREATE TABLE survey (
            id INTEGER NOT NULL,
            kind VARCHAR(40) NOT NULL,
            title_fi TEXT NOT NULL,
            title_sv TEXT NOT NULL,
            title_other TEXT NOT NULL,
            open_question_fi TEXT NOT NULL,
            open_question_sv TEXT NOT NULL,
            open_question_other TEXT NOT NULL,
            other_language VARCHAR(60) NOT NULL,
            archived BOOLEAN NOT NULL,
            created_on DATE,
            PRIMARY KEY (id)
        )""",
        """CREATE TABLE survey_item (
            id INTEGER NOT NULL,
            survey_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            text_fi TEXT NOT NULL,
            text_sv TEXT NOT NULL,
            text_other TEXT NOT NULL,
            symbol VARCHAR(80) NOT NULL,
            library_key VARCHAR(80) NOT NULL,
            PRIMARY KEY (id),
            FOREIGN KEY(survey_id) REFERENCES survey (id) ON DELETE CASCADE
        )""",
        """CREATE TABLE survey_tally (
            id INTEGER NOT NULL,
            meeting_id INTEGER NOT NULL,
            survey_id INTEGER NOT NULL,
            groups INTEGER,
            respondents INTEGER NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT one_tally_per_meeting UNIQUE (meeting_id, survey_id),
            CONSTRAINT tally_counts CHECK (respondents >= 0 AND (groups IS NULL OR groups >= 0)),
            FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
            FOREIGN KEY(survey_id) REFERENCES survey (id) ON DELETE CASCADE
        )""",
        """CREATE TABLE survey_count (
            id INTEGER NOT NULL,
            tally_id INTEGER NOT NULL,
            item_id INTEGER NOT NULL,
            answer INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT one_count_per_answer UNIQUE (tally_id, item_id, answer),
            CONSTRAINT count_valid CHECK (answer BETWEEN 0 AND 5 AND count >= 0),
            FOREIGN KEY(tally_id) REFERENCES survey_tally (id) ON DELETE CASCADE,
            FOREIGN KEY(item_id) REFERENCES survey_item (id) ON DELETE CASCADE
        )""",
    ):
        connection.execute(statement)


# -- version 9: one index of everything written, with word forms ----------------------------

SEARCH_TABLE = "search_index"
"""The FTS5 table over every text the group writes (see :data:`SEARCH_FIELDS`)."""

SEARCH_ROWID_STRIDE = 64
"""A search row's rowid is ``source row id * 64 + field code``: each text has a rowid of its
own that a trigger can find without scanning the index."""

_WORKING_LANGUAGE = "'?' || (SELECT working_language FROM unit ORDER BY id LIMIT 1)"
"""The unit's working language as a hint (``?fi``): the language of a text whose words do
not tell theirs. A column's own language (``'fi'``) is taken as it is."""

SEARCH_SETTING = "search_index_version"
"""The ``setting`` that records the :data:`wordforms.VERSION` the index's keys were made with;
a file opened by a program whose rules differ gets its index built anew."""

SEARCH_FIELDS: dict[int, tuple[str, str, str]] = {
    1: ("agenda_item", "title", _WORKING_LANGUAGE),
    2: ("agenda_item", "notes", _WORKING_LANGUAGE),
    3: ("agenda_item", "decision", _WORKING_LANGUAGE),
    4: ("action_item", "text", _WORKING_LANGUAGE),
    5: ("voice_record", "summary", _WORKING_LANGUAGE),
    6: ("action_follow_up", "comment", _WORKING_LANGUAGE),
    7: ("agenda_item", "theme", _WORKING_LANGUAGE),
    8: ("meeting", "place", _WORKING_LANGUAGE),
    9: ("meeting", "distribution", _WORKING_LANGUAGE),
    10: ("meeting", "attachments", _WORKING_LANGUAGE),
    11: ("plan", "name", _WORKING_LANGUAGE),
    12: ("plan_evaluation", "current_state", _WORKING_LANGUAGE),
    13: ("plan_evaluation", "strengths", _WORKING_LANGUAGE),
    14: ("plan_evaluation", "development_areas", _WORKING_LANGUAGE),
    15: ("evaluation_check", "note", _WORKING_LANGUAGE),
    16: ("result_card", "what_to_change", _WORKING_LANGUAGE),
    17: ("result_card", "current_state", _WORKING_LANGUAGE),
    18: ("result_card", "target_state", _WORKING_LANGUAGE),
    19: ("result_card", "ideal_state", _WORKING_LANGUAGE),
    20: ("result_card", "measures", _WORKING_LANGUAGE),
    21: ("result_card", "indicator", _WORKING_LANGUAGE),
    22: ("checkpoint", "value_note", _WORKING_LANGUAGE),
    23: ("clock_theme", "title", _WORKING_LANGUAGE),
    24: ("theme_mark", "note", _WORKING_LANGUAGE),
    25: ("operating_period", "summary", _WORKING_LANGUAGE),
    26: ("operating_period", "provider_requests", _WORKING_LANGUAGE),
    27: ("survey", "title_fi", "'fi'"),
    28: ("survey", "title_sv", "'sv'"),
    29: ("survey", "title_other", "''"),
    30: ("survey", "open_question_fi", "'fi'"),
    31: ("survey", "open_question_sv", "'sv'"),
    32: ("survey", "open_question_other", "''"),
    33: ("survey_item", "text_fi", "'fi'"),
    34: ("survey_item", "text_sv", "'sv'"),
    35: ("survey_item", "text_other", "''"),
}
"""Field code → (table, column, SQL giving the language to read the text in: the unit's
working language as a hint, or the column's own language); frozen as version 9 wrote it, a
later change is a new step."""


@functools.lru_cache(maxsize=8)
def _columns(text: str | None, language: str | None) -> tuple[str, str, str, str]:
    """The text (in composed Unicode: ``ä`` one letter, as typed on a keyboard, though pasted
    from a PDF it may come as a and two dots) and its keys (see :func:`wordforms.index_columns`)."""
    composed = unicodedata.normalize("NFC", text or "")
    told = language is None or language.startswith("?")  # a hint, or none (no unit yet)
    hint = (language or "").removeprefix("?")
    return composed, *wordforms.index_columns(composed, hint, by_words=told)


def register_search_functions(connection: sqlite3.Connection) -> None:
    """Give ``connection`` the functions the search index's triggers call: the columns of
    :func:`_columns` for a text in a language.

    Every connection that may change a text must have them; the store opens none without.
    The four are called in turn on one text, so its words are read once. Functions of ours
    in triggers need a trusted schema, which some builds of SQLite turn off.
    """
    connection.execute("PRAGMA trusted_schema = ON")
    names = ("search_text", "search_keys", "search_folded", "search_reversed")
    for column, name in enumerate(names):
        connection.create_function(name, 2, functools.partial(_column, column), deterministic=True)


def _column(column: int, text: str | None, language: str | None) -> str:
    return _columns(text, language)[column]


def _search_row(code: int, row: str, column: str, language: str) -> str:
    """The values of one text's index row, of the source row named ``row``."""
    stride = SEARCH_ROWID_STRIDE
    return (
        f"{row}.id * {stride} + {code}, search_text({row}.{column}, {language}),"
        f" search_keys({row}.{column}, {language}), search_folded({row}.{column}, {language}),"
        f" search_reversed({row}.{column}, {language})"
    )


def _search_index_v9() -> tuple[str, ...]:
    """The statements that create the version-9 search index and keep it in step.

    Columns: ``text`` as typed, in composed Unicode (exact and prefix matches, the snippet),
    ``keys`` the word-form key of each word, ``folded`` the keys with ä, ö or å folded,
    ``heads`` the keys folded and backwards (a compound by its last part). Triggers, rather
    than the services, keep it current, in the transaction of the change, so that every way a
    text changes (the ORM, a cascade, an import, an undo) updates it; an update re-indexes
    only the column that changed. Empty texts get no row.
    """
    statements = [_SEARCH_TABLE_V9, _unit_language_trigger()]
    tables: dict[str, list[tuple[int, str, str]]] = {}
    for code, (table, column, language) in SEARCH_FIELDS.items():
        tables.setdefault(table, []).append((code, column, language))

    def insert(code: int, column: str, language: str) -> str:
        return (
            f" INSERT OR REPLACE INTO {SEARCH_TABLE}(rowid, text, keys, folded, heads)"
            f" SELECT {_search_row(code, 'new', column, language)} WHERE new.{column} <> '';"
        )

    def delete(code: int) -> str:
        return f" DELETE FROM {SEARCH_TABLE} WHERE rowid = old.id * {SEARCH_ROWID_STRIDE} + {code};"

    for table, fields in tables.items():
        inserts = "".join(insert(code, column, lang) for code, column, lang in fields)
        deletes = "".join(delete(code) for code, _column, _lang in fields)
        statements += [
            f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN{inserts} END",
            f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN{deletes} END",
        ]
        statements += [
            f"CREATE TRIGGER {table}_{column}_search AFTER UPDATE OF {column} ON {table}"
            f" WHEN old.{column} IS NOT new.{column} BEGIN{delete(code)}"
            f"{insert(code, column, lang)} END"
            for code, column, lang in fields
        ]
    return (*statements, *_fill_search_index())


_SEARCH_TABLE_V9 = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(text, keys, folded, heads,"
    " tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')"
)


def _unit_language_trigger() -> str:
    """A new working language reads anew the texts whose words did not tell their language."""
    hinted = ", ".join(
        str(c) for c, (_t, _c, lang) in SEARCH_FIELDS.items() if lang == _WORKING_LANGUAGE
    )
    language = "'?' || new.working_language"
    return (
        "CREATE TRIGGER unit_language_search AFTER UPDATE OF working_language ON unit"
        " WHEN old.working_language IS NOT new.working_language BEGIN"
        f" UPDATE {SEARCH_TABLE} SET keys = search_keys(text, {language}),"
        f" folded = search_folded(text, {language}), heads = search_reversed(text, {language})"
        f" WHERE rowid % {SEARCH_ROWID_STRIDE} IN ({hinted}); END"
    )


def _fill_search_index() -> tuple[str, ...]:
    return (
        *(
            f"INSERT INTO {SEARCH_TABLE}(rowid, text, keys, folded, heads)"
            f" SELECT {_search_row(code, table, column, language)} FROM {table}"
            f" WHERE {column} <> ''"
            for code, (table, column, language) in SEARCH_FIELDS.items()
        ),
        f"INSERT OR REPLACE INTO setting(key, value) VALUES ('{SEARCH_SETTING}',"
        f" '{wordforms.VERSION}')",
    )


def refill_search_index() -> tuple[str, ...]:
    """The statements that build the search index anew from the texts, on a connection with
    :func:`register_search_functions` (``check --repair-index``, and a file whose keys were
    made by other rules). The table is made anew: a damaged FTS5 index refuses even a
    delete of its rows."""
    return (f"DROP TABLE IF EXISTS {SEARCH_TABLE}", _SEARCH_TABLE_V9, *_fill_search_index())


def search_index_unfit(connection: sqlite3.Connection) -> bool:
    """Whether the index must be built anew: its keys were made by other word-form rules than
    this program's, or FTS5 finds it damaged (which would refuse every save of a text).
    ``connection`` must be writable: FTS5 checks only there (30-40 ms for ten years)."""
    try:
        row = connection.execute(
            "SELECT value FROM setting WHERE key = ?", (SEARCH_SETTING,)
        ).fetchone()
    except sqlite3.DatabaseError:
        return False  # not a file of this version: the upgrade builds the index
    if row is None or row[0] != str(wordforms.VERSION):
        return True
    try:
        connection.execute(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('integrity-check', 0)"
        )
    except sqlite3.DatabaseError:
        return True
    return False


def search_index_faults(connection: sqlite3.Connection) -> int:
    """How many texts the search index misses or holds wrongly (0 when it is in step): FTS5's
    own check of the index against its stored texts, then each text and its keys against the
    index, and the rows of texts that are no more. ``connection`` must be writable (FTS5
    checks only there) and gets the search functions."""
    register_search_functions(connection)
    try:
        connection.execute(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)"
        )
    except sqlite3.DatabaseError:
        return max(1, _indexed(connection))
    faults = matched = 0
    for code, (table, column, language) in SEARCH_FIELDS.items():
        missing, wrong, found = connection.execute(
            f"SELECT sum(i.rowid IS NULL), sum(i.rowid IS NOT NULL AND"
            f" (i.text IS NOT search_text(s.{column}, {language})"
            f" OR i.keys IS NOT search_keys(s.{column}, {language}))), sum(i.rowid IS NOT NULL)"
            f" FROM {table} s LEFT JOIN {SEARCH_TABLE} i"
            f" ON i.rowid = s.id * {SEARCH_ROWID_STRIDE} + {code} WHERE s.{column} <> ''"
        ).fetchone()
        faults += int(missing or 0) + int(wrong or 0)
        matched += int(found or 0)
    return faults + max(0, _indexed(connection) - matched)


def _indexed(connection: sqlite3.Connection) -> int:
    try:
        return int(connection.execute(f"SELECT count(*) FROM {SEARCH_TABLE}").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0


def _replace_search_index(connection: sqlite3.Connection) -> None:
    """Version 2's memo index gives way to one index of every text written, with word forms."""
    register_search_functions(connection)
    for table in {table for table, _column in _SEARCH_FIELDS_V2.values()}:
        for event in ("insert", "update", "delete"):
            connection.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
    connection.execute(f"DROP TABLE {_MEMO_SEARCH_TABLE_V2}")
    for statement in _search_index_v9():
        connection.execute(statement)


# -- version 10: the partners of the annual clock's themes ----------------------------------


def _add_theme_partners(connection: sqlite3.Connection) -> None:
    """Who each annual-clock theme is handled with (roles and partners named in free text)."""
    connection.execute("ALTER TABLE clock_theme ADD COLUMN partners JSON DEFAULT '[]' NOT NULL")


STEPS: dict[int, Step] = {
    2: _add_search_index,
    3: _add_file_identity,
    4: _add_document_fields,
    5: _add_site_code,
    6: _add_municipal_package,
    7: _add_presenter,
    8: _add_surveys,
    9: _replace_search_index,
    10: _add_theme_partners,
}
"""Upgrade steps by the version they produce; version 1 is the first release."""


def current_extras() -> tuple[str, ...]:
    """What a new file needs beyond the models' tables: the current search index and the
    file's identity, a new random UUID.

    The models cannot declare an FTS5 table or triggers; a new file gets them from here, in
    the form the latest step gives an upgraded file (tests compare the two schemas).
    """
    return _search_index_v9() + _identity_statements(str(uuid.uuid4()))


class MigrationError(Exception):
    """An upgrade step failed or left broken references; everything was rolled back."""


def upgrade(connection: sqlite3.Connection, steps: dict[int, Step] | None = None) -> int:
    """Bring the file to :data:`SCHEMA_VERSION`; return the version it had before.

    ``connection`` must be in autocommit mode (``isolation_level=None``).
    """
    steps = STEPS if steps is None else steps
    target = max([SCHEMA_VERSION, *steps])
    before = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if before >= target:
        return before
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        connection.execute("BEGIN EXCLUSIVE")
        try:
            for version in range(before + 1, target + 1):
                steps[version](connection)
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(f"upgrade left {len(broken)} broken references")
            connection.execute(f"PRAGMA user_version = {target}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.execute("PRAGMA foreign_keys = ON")
    return before
