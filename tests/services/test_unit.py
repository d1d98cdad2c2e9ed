"""The unit's details: the name its memos are headed with is the one in its own language."""

from __future__ import annotations

import pytest

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.services import unit
from hyvinvointi_app.store.database import Database


@pytest.mark.parametrize(
    ("language", "name_fi", "name_sv", "missing"),
    [
        (Language.FINNISH, "", "Daghemmet Rosen", "name_fi"),
        (Language.SWEDISH, "Päiväkoti Ruusu", "  ", "name_sv"),
        (Language.FINNISH, "", "", "name_fi"),
        (Language.SWEDISH, "", "", "name_sv"),
    ],
)
def test_the_name_in_the_working_language_is_required(
    db: Database, language: Language, name_fi: str, name_sv: str, missing: str
) -> None:
    before = unit.get_unit(db)
    with pytest.raises(ValidationError) as refused:
        unit.set_up_unit(db, unit.UnitInfo(name_fi, name_sv, "Porvoo", False, language))
    assert (refused.value.field, refused.value.reason) == (missing, "required")
    assert unit.get_unit(db) == before


@pytest.mark.parametrize(
    ("language", "name_fi", "name_sv"),
    [(Language.SWEDISH, "", "Daghemmet Rosen"), (Language.FINNISH, "Päiväkoti Ruusu", "")],
)
def test_the_other_language_s_name_may_be_left_out(
    db: Database, language: Language, name_fi: str, name_sv: str
) -> None:
    saved = unit.set_up_unit(db, unit.UnitInfo(name_fi, name_sv, "Porvoo", False, language))
    assert unit.get_unit(db) == saved
    assert saved.name(language.value) == (name_sv or name_fi)


def test_details_from_before_the_rule_are_restored_as_they_were(db: Database) -> None:
    """The undo of a change puts back a Swedish unit's details without a Swedish name, as
    files made before the rule have them."""
    old = unit.UnitInfo("Päiväkoti Ruusu", "", "Porvoo", False, Language.SWEDISH)
    assert unit.restore_unit(db, old) == old
    assert unit.get_unit(db) == old
