"""A real unit file in a temporary folder for every service test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import Database, create_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = create_database(tmp_path / "unit.sqlite")
    set_up_unit(
        database,
        UnitInfo(
            "Päiväkoti Päivänkakkara", "Daghemmet Prästkragen", "Porvoo", True, Language.FINNISH
        ),
    )
    yield database
    database.close()
