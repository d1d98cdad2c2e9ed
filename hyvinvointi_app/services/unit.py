"""The unit a file belongs to: created once, edited in settings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.identity import identity_in
from hyvinvointi_app.store.models import Unit

SITE_CODE_MAX_LENGTH = 60
_SITE_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-_/ ]*")
"""Letters, digits and the separators official codes use (a Varda code is dotted digits)."""


@dataclass(frozen=True, slots=True)
class UnitInfo:
    name_fi: str
    name_sv: str
    municipality: str
    has_pre_primary: bool
    working_language: Language
    site_code: str = ""
    """The unit's official site code (e.g. its Varda toimipaikka code), if typed; the
    coordinator bundle carries it."""

    def name(self, language: str) -> str:
        """The unit's name in a language, falling back to the other one."""
        if language == Language.SWEDISH:
            return self.name_sv or self.name_fi
        return self.name_fi or self.name_sv


def _validated(info: UnitInfo, *, own_name_required: bool = True) -> UnitInfo:
    language = Language(info.working_language)
    own_name = info.name_sv if language is Language.SWEDISH else info.name_fi
    if own_name_required and not own_name.strip():  # the heading of the unit's memos
        raise ValidationError("name_sv" if language is Language.SWEDISH else "name_fi", "required")
    site_code = " ".join(info.site_code.split())
    if len(site_code) > SITE_CODE_MAX_LENGTH:
        raise ValidationError("site_code", "too_long")
    if site_code and not _SITE_CODE.fullmatch(site_code):
        raise ValidationError("site_code", "format")
    return UnitInfo(
        info.name_fi.strip(),
        info.name_sv.strip(),
        info.municipality.strip(),
        info.has_pre_primary,
        Language(info.working_language),
        site_code,
    )


def set_up_unit(db: Database, info: UnitInfo) -> UnitInfo:
    """Write the unit of a new file (or replace its details)."""
    return _write(db, _validated(info))


def restore_unit(db: Database, info: UnitInfo) -> UnitInfo:
    """Put back details as they were stored (the undo and redo of a change), even from a
    file made before the name in the working language was required."""
    return _write(db, _validated(info, own_name_required=False))


def _write(db: Database, info: UnitInfo) -> UnitInfo:
    with db.transaction() as session:
        unit = session.scalar(select(Unit)) or Unit()
        unit.name_fi = info.name_fi
        unit.name_sv = info.name_sv
        unit.municipality = info.municipality
        unit.has_pre_primary = info.has_pre_primary
        unit.working_language = info.working_language
        unit.site_code = info.site_code
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
        unit.site_code,
    )


def unit_identity(db: Database) -> str:
    """The file's stable identity (a UUID, see ``store/identity.py``): what tells this unit
    from any other in the coordinator's overview, whatever its name."""
    with db.reading() as session:
        return identity_in(session)


def change_unit_undoably(db: Database, info: UnitInfo) -> Change[UnitInfo]:
    """Change the unit's details (one undo step; none when nothing changed)."""
    before = get_unit(db)
    after = set_up_unit(db, info)
    if after == before:
        return Change.nothing(N_("change unit details"), after)
    return Change(
        N_("change unit details"),
        after,
        undo=lambda: restore_unit(db, before),
        redo=lambda: restore_unit(db, after),
    )
