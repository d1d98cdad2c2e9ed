"""The fixed demo unit file, written once per test session and copied for tests that write."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import report_documents

from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import Database, open_database


@pytest.fixture(scope="session")
def fixture_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return report_documents.write_fixture(tmp_path_factory.mktemp("reports") / "demo.sqlite")


@pytest.fixture
def demo_db(fixture_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the fixed demo unit (exports write to its audit log)."""
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(fixture_file, copy)
    db = open_database(copy)
    yield db
    db.close()


@pytest.fixture(scope="session", params=["fi", "sv"])
def unit_in_language(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Database]]:
    """The demo unit written in Finnish and in Swedish (two years), once per session: only
    read, or copied before a test writes."""
    language = str(request.param)
    path = tmp_path_factory.mktemp(f"demo-{language}") / "unit.sqlite"
    write_demo(path, language=language, years=2, today=report_documents.TODAY, seed=2026)
    db = open_database(path)
    yield language, db
    db.close()


@pytest.fixture
def small_unit(tmp_path: Path) -> Iterator[tuple[Database, report_documents.SmallUnit]]:
    """A unit with Sámi and Swedish names, one draft meeting (grows in the tests)."""
    db, unit = report_documents.write_small_unit(tmp_path / "small.sqlite")
    yield db, unit
    db.close()
