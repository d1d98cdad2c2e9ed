"""The plan register and the evaluation checklist of each plan type."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import EvaluationMethod, Language, PlanType
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.resources import load_json_resource
from hyvinvointi_app.services.plans import (
    PlanInput,
    add_plan,
    archive_plan,
    checklist_for,
    checklist_for_plan,
    edit_plan,
    get_plan,
    list_plans,
    plan_input,
    plans_due_for_review,
    remove_plan,
    restore_plan,
    validate_plan,
)
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2026, 3, 10)


def _plan(db: Database, plan_type: PlanType, name: str, due: dt.date | None = None) -> int:
    return add_plan(db, PlanInput(plan_type, name, next_review_due=due)).id


def test_add_edit_and_get_a_plan(db: Database) -> None:
    added = add_plan(
        db,
        PlanInput(
            PlanType.GENDER_EQUALITY,
            "  Tasa-arvo- ja yhdenvertaisuussuunnitelma ",
            version="2026",
            owner="Johtaja",
            approved_on=dt.date(2026, 1, 15),
            next_review_due=dt.date(2027, 1, 15),
            custom_questions=("Onko poikien ja tyttöjen leikit huomioitu?", "  "),
        ),
    )
    assert added.name == "Tasa-arvo- ja yhdenvertaisuussuunnitelma"
    assert added.custom_questions == ("Onko poikien ja tyttöjen leikit huomioitu?",)
    assert not added.archived
    edited = edit_plan(
        db, added.id, PlanInput(PlanType.NON_DISCRIMINATION, "Yhdenvertaisuussuunnitelma")
    )
    assert get_plan(db, added.id) == edited
    assert edited.type is PlanType.NON_DISCRIMINATION and edited.custom_questions == ()


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        (PlanInput(PlanType.CUSTOM, "  "), "name", "required"),
        (PlanInput(PlanType.CUSTOM, "x" * 301), "name", "too_long"),
        (
            PlanInput(
                PlanType.CUSTOM,
                "Oma",
                approved_on=dt.date(2026, 5, 1),
                next_review_due=dt.date(2026, 4, 1),
            ),
            "next_review_due",
            "before_approval",
        ),
        (PlanInput("budget", "Oma"), "type", "unknown_plan_type"),  # type: ignore[arg-type]
    ],
)
def test_invalid_plan_is_refused(db: Database, data: PlanInput, field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as error:
        add_plan(db, data)
    assert (error.value.field, error.value.reason) == (field, reason)
    assert list_plans(db, include_archived=True) == []


def test_register_lists_by_type_then_name_and_hides_archived(db: Database) -> None:
    rescue = _plan(db, PlanType.SAFETY_RESCUE, "Pelastussuunnitelma")
    safety = _plan(db, PlanType.SAFETY_RESCUE, "lääkehoitosuunnitelma")
    bullying = _plan(db, PlanType.ANTI_BULLYING, "Kiusaamisen ehkäisyn malli")
    action = _plan(db, PlanType.ACTION_PLAN, "Toimintasuunnitelma")
    assert [p.id for p in list_plans(db)] == [action, bullying, safety, rescue]
    assert [p.id for p in list_plans(db, plan_type=PlanType.SAFETY_RESCUE)] == [safety, rescue]

    assert archive_plan(db, safety).archived
    assert [p.id for p in list_plans(db)] == [action, bullying, rescue]
    assert len(list_plans(db, include_archived=True)) == 4
    archive_plan(db, safety, archived=False)
    assert len(list_plans(db)) == 4


def test_plans_due_for_review_with_a_fixed_today(db: Database) -> None:
    late = _plan(db, PlanType.SAFETY_RESCUE, "Pelastus", dt.date(2026, 2, 1))
    today = _plan(db, PlanType.GENDER_EQUALITY, "Tasa-arvo", TODAY)
    soon = _plan(db, PlanType.ANTI_BULLYING, "Kiusaaminen", dt.date(2026, 3, 30))
    _plan(db, PlanType.ACTION_PLAN, "Ei päivää")
    archived = _plan(db, PlanType.CUSTOM, "Vanha", dt.date(2025, 1, 1))
    archive_plan(db, archived)
    assert [p.id for p in plans_due_for_review(db, TODAY)] == [late, today]
    assert [p.id for p in plans_due_for_review(db, TODAY, within_days=30)] == [late, today, soon]
    assert get_plan(db, late).is_review_due(TODAY)


def test_missing_plan_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        get_plan(db, 99)
    with pytest.raises(NotFound):
        archive_plan(db, 99)


# --- checklists -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan_type", "keys"),
    [
        (
            PlanType.GENDER_EQUALITY,
            ["situation_survey", "measures", "earlier_measures_evaluated"],
        ),
        (
            PlanType.SAFETY_RESCUE,
            ["checked_this_period", "new_staff_inducted", "evacuation_drill_held"],
        ),
        (
            PlanType.ANTI_BULLYING,
            ["staff_inducted", "follow_up_data_reviewed", "guardians_informed"],
        ),
        (PlanType.CUSTOM, []),
    ],
)
def test_each_plan_type_has_its_own_checklist(plan_type: PlanType, keys: list[str]) -> None:
    finnish = checklist_for(plan_type, "fi")
    swedish = checklist_for(plan_type, Language.SWEDISH)
    assert [q.key for q in finnish] == keys == [q.key for q in swedish]
    assert all(q.text.endswith("?") and not q.custom for q in finnish + swedish)
    assert all(f.text != s.text for f, s in zip(finnish, swedish, strict=True))


def test_checklist_texts_in_the_chosen_language() -> None:
    assert checklist_for(PlanType.SAFETY_RESCUE, "fi")[2].text == "Onko poistumisharjoitus pidetty?"
    assert checklist_for(PlanType.SAFETY_RESCUE, "sv")[2].text == "Har en utrymningsövning hållits?"
    assert checklist_for(PlanType.GENDER_EQUALITY, "en")[0].text.startswith("Sisältääkö")


def test_every_plan_type_has_a_checklist_with_unique_keys_in_both_languages() -> None:
    checklists = load_json_resource("checklists.json")["checklists"]
    assert set(checklists) == {p.value for p in PlanType}
    for questions in checklists.values():
        keys = [q["key"] for q in questions]
        assert len(keys) == len(set(keys))
        assert all(q["text"]["fi"].strip() and q["text"]["sv"].strip() for q in questions)


def test_custom_questions_follow_the_types_checklist(db: Database) -> None:
    plan = add_plan(
        db,
        PlanInput(
            PlanType.ANTI_BULLYING,
            "Kiusaamisen ehkäisyn malli",
            custom_questions=("Onko lasten kokemuksia kysytty?", "Onko piha-alue kartoitettu?"),
        ),
    )
    questions = checklist_for_plan(db, plan.id, "fi")
    assert [q.key for q in questions] == [
        "staff_inducted",
        "follow_up_data_reviewed",
        "guardians_informed",
        "custom_1",
        "custom_2",
    ]
    assert questions[3].custom and questions[3].text == "Onko lasten kokemuksia kysytty?"
    only_custom = checklist_for(PlanType.CUSTOM, "sv", ["Är planen känd?"])
    assert [(q.key, q.text) for q in only_custom] == [("custom_1", "Är planen känd?")]


@pytest.mark.parametrize(
    ("plan_type", "finnish", "swedish"),
    [
        (
            PlanType.GENDER_EQUALITY,
            ["tilannekartoitu", "toimenpiteet", "aiempien toimenpiteiden"],
            ["kartläggning", "åtgärder", "tidigare åtgärder"],
        ),
        (
            PlanType.SAFETY_RESCUE,
            ["vuosittainen tarkistus", "uusi henkilöstö perehdytetty", "poistumisharjoitus"],
            ["årliga översyn", "nya personalen introducerats", "utrymningsövning"],
        ),
        (
            PlanType.ANTI_BULLYING,
            ["henkilöstö perehdytetty", "seurantatiedot", "huoltajille"],
            ["personalen introducerats", "uppföljningsuppgifterna", "vårdnadshavarna"],
        ),
    ],
)
def test_checklists_ask_what_the_issue_requires_in_order(
    plan_type: PlanType, finnish: list[str], swedish: list[str]
) -> None:
    """Issue 5: gender equality's three phases; safety and rescue's yearly check, new staff
    induction and evacuation drill; anti-bullying's induction, follow-up data, guardians."""
    for language, words in (("fi", finnish), ("sv", swedish)):
        texts = [q.text for q in checklist_for(plan_type, language)]
        assert len(texts) == len(words)
        for text, word in zip(texts, words, strict=True):
            assert word in text, (language, text, word)


def test_evaluation_methods_cover_the_issues_list() -> None:
    assert {m.value for m in EvaluationMethod} == {
        "discussion",
        "staff_survey",
        "guardian_survey",
        "children_interviews",  # children's interviews or drawings
        "observation",
        "quality_self_evaluation",
        "other",
    }


def test_a_plan_added_by_mistake_is_removed_and_restored_with_its_id(db: Database) -> None:
    view = add_plan(
        db,
        PlanInput(
            PlanType.CUSTOM,
            "Laatukortit",
            version="2026",
            approved_on=dt.date(2026, 1, 5),
            custom_questions=("Onko kortti käyty läpi?",),
        ),
    )
    assert plan_input(view).custom_questions == ("Onko kortti käyty läpi?",)
    assert remove_plan(db, view.id) == view
    assert list_plans(db) == []
    with pytest.raises(NotFound):
        get_plan(db, view.id)
    assert restore_plan(db, view) == view
    assert get_plan(db, view.id) == view
    with pytest.raises(ValidationError) as error:
        restore_plan(db, view)
    assert error.value.reason == "in_use"


def test_a_plan_in_use_is_not_removed(db: Database) -> None:
    from hyvinvointi_app.services.evaluations import EvaluationInput, record_evaluation

    plan_id = _plan(db, PlanType.SAFETY_RESCUE, "Pelastussuunnitelma")
    record_evaluation(db, plan_id, EvaluationInput(date=TODAY))
    with pytest.raises(ValidationError) as error:
        remove_plan(db, plan_id)
    assert (error.value.field, error.value.reason) == ("plan", "in_use")
    assert get_plan(db, plan_id).name == "Pelastussuunnitelma"


def test_validate_plan_checks_without_saving(db: Database) -> None:
    assert validate_plan(PlanInput(PlanType.CUSTOM, "  Laatukortti ")).name == "Laatukortti"
    with pytest.raises(ValidationError) as error:
        validate_plan(PlanInput(PlanType.CUSTOM, " "))
    assert (error.value.field, error.value.reason) == ("name", "required")
    assert list_plans(db) == []
