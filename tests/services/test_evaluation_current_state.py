"""An evaluation's current state (nykytila / nuläge): saved, read back, edited, undone and
restored with the rest of the evaluation, and held to the same length as its neighbours."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.services.evaluations import (
    MAX_TEXT_LENGTH,
    EvaluationInput,
    delete_evaluation,
    edit_evaluation,
    evaluation_input,
    get_evaluation,
    plan_history,
    record_evaluation,
    restore_evaluation,
)
from hyvinvointi_app.store.database import Database

pytest_plugins = ["fixtures_plans"]

DAY = dt.date(2026, 3, 11)
STATE = "Malli on käytössä kaikissa ryhmissä.\nUusi henkilöstö perehdytetään elokuussa."


def test_the_current_state_is_kept_with_the_evaluation(db: Database, safety_plan: int) -> None:
    data = EvaluationInput(
        date=DAY,
        current_state=f"  {STATE}  ",
        strengths="Harjoitus sujui.",
        development_areas="Ovet",
    )
    saved = record_evaluation(db, safety_plan, data)
    assert saved.current_state == STATE  # trimmed as its neighbours are
    assert get_evaluation(db, saved.id).current_state == STATE
    assert evaluation_input(saved).current_state == STATE
    (group,) = plan_history(db, safety_plan).periods
    assert group.evaluations[0].current_state == STATE

    edited = edit_evaluation(db, saved.id, replace(evaluation_input(saved), current_state=""))
    assert edited.current_state == ""
    assert edited.strengths == "Harjoitus sujui."

    delete_evaluation(db, saved.id)
    restored = restore_evaluation(db, saved)
    assert restored.current_state == STATE


def test_an_evaluation_without_a_current_state_reads_as_empty(
    db: Database, safety_plan: int
) -> None:
    assert record_evaluation(db, safety_plan, EvaluationInput(date=DAY)).current_state == ""


def test_a_too_long_current_state_is_named_as_the_field_at_fault(
    db: Database, safety_plan: int
) -> None:
    with pytest.raises(ValidationError) as error:
        record_evaluation(
            db, safety_plan, EvaluationInput(date=DAY, current_state="x" * (MAX_TEXT_LENGTH + 1))
        )
    assert (error.value.field, error.value.reason) == ("current_state", "too_long")
