"""Coordinator bundles read back: ``bundle.json`` is checked against its published schema
(``resources/bundle-2.schema.json``), as the coordinator's reader does: for any text and any
damaged document the check answers with a list of schema errors (possibly empty) and never
fails, and it accepts what the application writes."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fuzz_budget import fuzz
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "resources" / "bundle-2.schema.json"

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**65), 2**65), st.floats(), st.text(max_size=10)
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=5,
)


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """bundle.json as the application writes it, for a one-year demo unit."""
    from hyvinvointi_app.reports.bundle import bundle_json
    from hyvinvointi_app.services import periods
    from hyvinvointi_app.services.bundle_data import bundle_data
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.store.database import open_database

    path = tmp_path_factory.mktemp("bundle-fuzz") / "demo.sqlite"
    today = dt.date(2026, 11, 23)
    write_demo(path, language="fi", years=1, today=today)
    db = open_database(path)
    try:
        period = periods.current_period(db)
        data = bundle_data(db, period.id, today=today)
        document = bundle_json(data, languages=("fi", "sv"))
    finally:
        db.close()
    return json.loads(json.dumps(document, ensure_ascii=False))


def test_what_the_application_writes_is_valid(validator: Any, written: dict[str, Any]) -> None:
    assert list(validator.iter_errors(written)) == []


def _read(text: bytes) -> object:
    try:
        return json.loads(text.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


@fuzz("bundle_json_text")
@given(raw=st.one_of(st.binary(max_size=120), _JSON.map(lambda v: json.dumps(v).encode())))
def test_any_text_is_refused_or_checked_without_failing(validator: Any, raw: bytes) -> None:
    document = _read(raw)
    errors = list(validator.iter_errors(document))
    if not isinstance(document, dict) or "format" not in document:
        assert errors  # nothing that is not a bundle passes as one


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:3]):
            found += _paths(child, (*prefix, index))
    return found


def _damaged(written: dict[str, Any], data: st.DataObject, least: int = 1) -> dict[str, Any]:
    """The written document with ``least`` to three values replaced by any JSON, or removed."""
    document = copy.deepcopy(written)
    paths = _paths(document)
    for _change in range(data.draw(st.integers(least, 3), label="changes")):
        where = data.draw(st.sampled_from(paths), label="path")
        parent: Any = document
        try:
            for step in where[:-1]:
                parent = parent[step]
            if data.draw(st.booleans(), label="delete") and isinstance(parent, dict):
                parent.pop(where[-1], None)
            else:
                parent[where[-1]] = data.draw(_JSON, label="value")
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the way there
    return document


@fuzz("bundle_documents")
@given(data=st.data())
def test_a_damaged_bundle_is_checked_without_failing(
    validator: Any, written: dict[str, Any], data: st.DataObject
) -> None:
    document = _damaged(written, data)
    errors = list(validator.iter_errors(document))
    for required in ("format", "version", "unit", "period"):
        if required not in document:
            assert errors


_DAY_LIKE = st.builds(
    lambda year, month, day: f"{year:04d}-{month:02d}-{day:02d}",
    st.integers(1, 9999),
    st.integers(0, 19),
    st.integers(0, 39),
)
"""Days as the schema's date format lets them through, possible or not (2026-02-30)."""
_TIME_LIKE = st.sampled_from(["T12:00:00Z", "T12:00:60Z", "T23:59:59+02:00", "t12:00:00z"])


@fuzz("bundle_overview")
@given(data=st.data())
def test_a_damaged_bundle_is_read_or_skipped_and_the_overview_written(
    written: dict[str, Any], data: st.DataObject
) -> None:
    """The coordinator's whole path on a damaged bundle, zipped as a unit would send it: the
    overview either reads it or lists it as skipped, never fails, and its workbook and CSV
    file are made."""
    import tempfile
    import zipfile

    from hyvinvointi_app.reports.overview import overview_csv, overview_xlsx
    from hyvinvointi_app.services.coordinator import aggregate

    document = _damaged(written, data, least=0)  # often whole: its dates alone are odd
    if data.draw(st.booleans(), label="odd day"):
        document["as_of"] = data.draw(_DAY_LIKE, label="as_of")
    if data.draw(st.booleans(), label="odd moment"):
        moment = data.draw(_DAY_LIKE, label="day") + data.draw(_TIME_LIKE, label="time")
        document["generated_at"] = moment
    folder = document.get("folder") if isinstance(document.get("folder"), str) else "x"
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "bundle.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(f"{folder}/{folder}-bundle.json", json.dumps(document))
        overview = aggregate([path])
        assert len(overview.rows) + len(overview.skipped) == 1
        overview_csv(overview)
        overview_xlsx(overview, "fi")
