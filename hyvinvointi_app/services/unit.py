"""The unit a file belongs to: created once, edited in settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import Unit


@dataclass(frozen=True, slots=True)
class UnitInfo:
    name_fi: str
    name_sv: str
    municipality: str
    has_pre_primary: bool
    working_language: Language

    def name(self, language: str) -> str:
        """The unit's name in a language, falling back to the other one."""
        if language == Language.SWEDISH:
            return self.name_sv or self.name_fi
        return self.name_fi or self.name_sv


def _validated(info: UnitInfo) -> UnitInfo:
    if not (info.name_fi.strip() or info.name_sv.strip()):
        raise ValidationError("name_fi", "required")
    return UnitInfo(
        info.name_fi.strip(),
        info.name_sv.strip(),
        info.municipality.strip(),
        info.has_pre_primary,
        Language(info.working_language),
    )


def set_up_unit(db: Database, info: UnitInfo) -> UnitInfo:
    """Write the unit of a new file (or replace its details)."""
    info = _validated(info)
    with db.transaction() as session:
        unit = session.scalar(select(Unit)) or Unit()
        unit.name_fi = info.name_fi
        unit.name_sv = info.name_sv
        unit.municipality = info.municipality
        unit.has_pre_primary = info.has_pre_primary
        unit.working_language = info.working_language
        session.add(unit)
    return info


def get_unit(db: Database) -> UnitInfo:
    with db.reading() as session:
        return unit_in(session)


def unit_in(session: Session) -> UnitInfo:
    """The unit, read in the caller's session (a transaction that needs it as it stands)."""
    unit = session.scalar(select(Unit))
    if unit is None:
        raise NotFound("unit", "")
    return UnitInfo(
        unit.name_fi,
        unit.name_sv,
        unit.municipality,
        unit.has_pre_primary,
        unit.working_language,
    )
