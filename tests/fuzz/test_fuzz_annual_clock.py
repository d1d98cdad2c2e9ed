"""Annual-clock files come from other units by e-mail or USB stick: any bytes are either a
valid clock or a ValidationError, and a refused import leaves the unit file as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz_budget import fuzz
from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.services import annual_clock
from hyvinvointi_app.services.annual_clock import CLOCK_FORMAT, CLOCK_VERSION, ClockFile
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import Database, create_database
from hyvinvointi_app.ui.annual_clock.files import read_clock_file, rejection_reason

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.text(max_size=12),
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=5,
)
_TITLE = st.one_of(st.text(max_size=40), st.text(min_size=490, max_size=520), _JSON)
_THEME = st.fixed_dictionaries(
    {},
    optional={
        "month": st.one_of(st.integers(-2, 14), _JSON),
        "title": _TITLE,
        "plan_type": st.one_of(st.none(), st.sampled_from(["safety", "equality", "bogus"]), _JSON),
    },
)
_DOCUMENT = st.fixed_dictionaries(
    {},
    optional={
        "format": st.one_of(st.just(CLOCK_FORMAT), st.text(max_size=10)),
        "version": st.one_of(st.just(CLOCK_VERSION), st.integers(-1, 3), _JSON),
        "language": st.one_of(st.sampled_from(["fi", "sv", "en", ""]), _JSON),
        "themes": st.one_of(st.lists(_THEME, max_size=6), _JSON),
        "extra": _JSON,
    },
)


def _check(clock: ClockFile) -> None:
    assert isinstance(clock.language, Language)
    for theme in clock.themes:
        assert 1 <= theme.month <= 12
        assert theme.title.strip() and len(theme.title) <= annual_clock.MAX_TITLE_LENGTH


def _encode(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


@fuzz("clock_bytes")
@given(
    raw=st.one_of(
        st.binary(max_size=200),
        _DOCUMENT.map(_encode),
        _DOCUMENT.map(_encode).map(lambda b: b[: len(b) // 2]),  # cut short
        _DOCUMENT.map(_encode).map(lambda b: b"\xef\xbb\xbf" + b),  # with a BOM
        st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
    )
)
def test_any_bytes_are_a_clock_or_a_validation_error(raw: bytes) -> None:
    try:
        clock = annual_clock.parse_clock_file(raw)
    except ValidationError as refusal:
        assert rejection_reason(refusal)  # one sentence for the director
        return
    _check(clock)


@fuzz("clock_documents")
@given(document=_DOCUMENT)
def test_any_decoded_document_is_a_clock_or_a_validation_error(document: object) -> None:
    try:
        clock = annual_clock.validate_clock_data(document)
    except ValidationError as refusal:
        assert rejection_reason(refusal)
        return
    _check(clock)


@pytest.fixture(scope="module")
def unit_with_clock(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path = tmp_path_factory.mktemp("clock-fuzz") / "unit.sqlite"
    db = create_database(path)
    set_up_unit(db, UnitInfo("Päiväkoti Koe", "Daghemmet Test", "Porvoo", True, Language.FINNISH))
    annual_clock.load_default_clock(db, "fi")
    yield db
    db.close()


def _file_state(db: Database) -> tuple[bytes, bytes]:
    wal = db.path.with_name(db.path.name + "-wal")
    return db.path.read_bytes(), wal.read_bytes() if wal.exists() else b""


@fuzz("clock_files_and_import")
@given(
    raw=st.one_of(
        _DOCUMENT.map(_encode),
        st.binary(max_size=100),
        st.lists(st.tuples(st.integers(1, 12), st.text(min_size=1, max_size=20)), max_size=5).map(
            lambda themes: _encode(
                {
                    "format": CLOCK_FORMAT,
                    "version": CLOCK_VERSION,
                    "language": "fi",
                    "themes": [{"month": m, "title": t} for m, t in themes],
                }
            )
        ),
    )
)
def test_a_file_is_imported_whole_or_not_at_all(
    unit_with_clock: Database, tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    """Read from disk as the screen does; a refused file leaves the unit file byte-identical,
    an accepted one replaces the clock with exactly its themes."""
    db = unit_with_clock
    path: Path = tmp_path_factory.getbasetemp() / "incoming.json"
    path.write_bytes(raw)
    before_rows = annual_clock.list_themes(db)
    before_bytes = _file_state(db)
    try:
        clock = read_clock_file(path)
        after = annual_clock.import_clock(db, clock)
    except ValidationError:
        assert annual_clock.list_themes(db) == before_rows
        assert _file_state(db) == before_bytes
        return
    assert [(t.month, t.title) for t in after] == [
        (e.month, e.title) for e in annual_clock._sorted_entries(clock.themes)
    ]
