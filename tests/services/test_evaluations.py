"""Plan evaluations: checklist answers, the two-way link with the agenda item, plan history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    ChecklistAnswer,
    EvaluationConclusion,
    EvaluationMethod,
    MeetingStatus,
    PlanType,
    Role,
)
from hyvinvointi_app.domain.errors import MemoLocked, NotFound, ValidationError
from hyvinvointi_app.services.evaluations import (
    CheckAnswerInput,
    EvaluationInput,
    delete_evaluation,
    development_areas_of,
    edit_evaluation,
    evaluation_for_agenda_item,
    evaluation_input,
    get_evaluation,
    is_recurring,
    list_evaluations,
    plan_history,
    record_evaluation,
    recurring_development_areas,
    restore_evaluation,
    withdraw_evaluation,
)
from hyvinvointi_app.services.plans import checklist_for
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import AgendaItem

if TYPE_CHECKING:
    from fixtures_plans import Rows

pytest_plugins = ["fixtures_plans"]

MARCH_2026 = dt.date(2026, 3, 11)


def _answers(plan_type: PlanType, answers: list[ChecklistAnswer]) -> tuple[CheckAnswerInput, ...]:
    questions = checklist_for(plan_type, "fi")
    return tuple(
        CheckAnswerInput(q.key, q.text, a) for q, a in zip(questions, answers, strict=True)
    )


def _item(db: Database, item_id: int) -> AgendaItem:
    with db.reading() as session:
        item = session.get(AgendaItem, item_id)
        assert item is not None
        return item


def test_evaluation_records_everything_and_the_type_checklist(
    db: Database, safety_plan: int
) -> None:
    checks = _answers(
        PlanType.SAFETY_RESCUE, [ChecklistAnswer.YES, ChecklistAnswer.PARTLY, ChecklistAnswer.NO]
    )
    view = record_evaluation(
        db,
        safety_plan,
        EvaluationInput(
            date=MARCH_2026,
            methods=(EvaluationMethod.DISCUSSION, EvaluationMethod.OBSERVATION),
            participant_roles=(Role.DIRECTOR, Role.ECEC_STAFF, Role.DIRECTOR),
            strengths="Poistumisreitit ovat selkeät.",
            development_areas="Pihan portin salpa.\nUusien sijaisten perehdytys.",
            conclusion=EvaluationConclusion.NEEDS_UPDATING,
            update_by="Johtaja",
            update_due=dt.date(2026, 5, 31),
            checks=(
                *checks[:2],
                CheckAnswerInput(checks[2].key, checks[2].question, None, "Ei vielä"),
            ),
        ),
    )
    assert view.plan_name == "Turvallisuus- ja pelastussuunnitelma"
    assert view.participant_roles == (Role.DIRECTOR, Role.ECEC_STAFF)
    assert view.methods == (EvaluationMethod.DISCUSSION, EvaluationMethod.OBSERVATION)
    assert [(c.key, c.answer) for c in view.checks] == [
        ("checked_this_period", ChecklistAnswer.YES),
        ("new_staff_inducted", ChecklistAnswer.PARTLY),
        ("evacuation_drill_held", None),
    ]
    assert view.checks[2].question == "Onko poistumisharjoitus pidetty?"
    assert view.checks[2].note == "Ei vielä"
    assert get_evaluation(db, view.id) == view


def test_gender_equality_evaluation_answers_the_three_required_phases(
    db: Database, rows: Rows
) -> None:
    plan = rows.plan(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma")
    view = record_evaluation(
        db,
        plan,
        EvaluationInput(
            date=MARCH_2026,
            checks=_answers(PlanType.GENDER_EQUALITY, [ChecklistAnswer.YES] * 3),
        ),
    )
    assert [c.key for c in view.checks] == [
        "situation_survey",
        "measures",
        "earlier_measures_evaluated",
    ]


def test_answers_keep_the_question_as_it_was_asked(db: Database, safety_plan: int) -> None:
    view = record_evaluation(
        db,
        safety_plan,
        EvaluationInput(
            date=MARCH_2026,
            checks=(CheckAnswerInput("custom_1", "Vanha muotoilu?", ChecklistAnswer.YES),),
        ),
    )
    assert get_evaluation(db, view.id).checks[0].question == "Vanha muotoilu?"


def test_agenda_item_and_evaluation_link_both_ways(
    db: Database, rows: Rows, two_periods: tuple[int, int], safety_plan: int
) -> None:
    meeting = rows.meeting(two_periods[0], 3, MARCH_2026)
    item = rows.agenda_item(meeting, AgendaItemKind.THEME, title="Turvallisuus")
    view = record_evaluation(db, safety_plan, EvaluationInput(date=MARCH_2026, agenda_item_id=item))
    # evaluation → item (and its meeting, filled in from the item)
    assert (view.agenda_item_id, view.meeting_id, view.meeting_number) == (item, meeting, 3)
    # item → plan, its kind unchanged; and item → evaluation
    linked = _item(db, item)
    assert linked.plan_id == safety_plan and linked.kind is AgendaItemKind.THEME
    assert evaluation_for_agenda_item(db, item) == view

    other = rows.agenda_item(meeting, position=6)
    assert evaluation_for_agenda_item(db, other) is None
    with pytest.raises(ValidationError) as error:
        record_evaluation(db, safety_plan, EvaluationInput(date=MARCH_2026, agenda_item_id=item))
    assert error.value.reason == "already_evaluated"

    delete_evaluation(db, view.id)
    assert evaluation_for_agenda_item(db, item) is None
    assert _item(db, item).plan_id == safety_plan  # the memo still says what was discussed


def test_agenda_item_of_another_meeting_is_refused(
    db: Database, rows: Rows, two_periods: tuple[int, int], safety_plan: int
) -> None:
    first = rows.meeting(two_periods[0], 1, dt.date(2025, 9, 10))
    second = rows.meeting(two_periods[0], 2, MARCH_2026)
    item = rows.agenda_item(first)
    with pytest.raises(ValidationError) as error:
        record_evaluation(
            db,
            safety_plan,
            EvaluationInput(date=MARCH_2026, meeting_id=second, agenda_item_id=item),
        )
    assert error.value.reason == "other_meeting"
    assert list_evaluations(db, safety_plan) == []
    with pytest.raises(NotFound):
        record_evaluation(db, safety_plan, EvaluationInput(date=MARCH_2026, meeting_id=999))


def test_approved_memo_is_not_changed_by_an_evaluation(
    db: Database, rows: Rows, two_periods: tuple[int, int], safety_plan: int
) -> None:
    meeting = rows.meeting(two_periods[0], 1, MARCH_2026, status=MeetingStatus.APPROVED)
    item = rows.agenda_item(meeting)
    with pytest.raises(MemoLocked):
        record_evaluation(db, safety_plan, EvaluationInput(date=MARCH_2026, agenda_item_id=item))
    assert _item(db, item).plan_id is None and list_evaluations(db, safety_plan) == []
    # an item that already names the plan may carry its evaluation after approval
    with db.transaction() as session:
        row = session.get(AgendaItem, item)
        assert row is not None
        row.plan_id = safety_plan
    view = record_evaluation(db, safety_plan, EvaluationInput(date=MARCH_2026, agenda_item_id=item))
    assert view.meeting_id == meeting


def test_edit_replaces_the_contents_and_can_move_the_link(
    db: Database, rows: Rows, two_periods: tuple[int, int], safety_plan: int
) -> None:
    meeting = rows.meeting(two_periods[0], 1, MARCH_2026)
    first = rows.agenda_item(meeting, position=5)
    second = rows.agenda_item(meeting, position=6)
    view = record_evaluation(
        db,
        safety_plan,
        EvaluationInput(
            date=MARCH_2026,
            agenda_item_id=first,
            checks=_answers(PlanType.SAFETY_RESCUE, [ChecklistAnswer.NO] * 3),
        ),
    )
    edited = edit_evaluation(
        db,
        view.id,
        EvaluationInput(
            date=MARCH_2026,
            agenda_item_id=second,
            strengths="Harjoitus sujui.",
            checks=_answers(PlanType.SAFETY_RESCUE, [ChecklistAnswer.YES] * 3),
        ),
    )
    assert edited.strengths == "Harjoitus sujui." and edited.agenda_item_id == second
    assert [c.answer for c in edited.checks] == [ChecklistAnswer.YES] * 3
    assert evaluation_for_agenda_item(db, second) == edited
    assert evaluation_for_agenda_item(db, first) is None


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        (
            EvaluationInput(MARCH_2026, update_due=dt.date(2026, 1, 1)),
            "update_due",
            "before_evaluation",
        ),
        (EvaluationInput(MARCH_2026, methods=("telepathy",)), "methods", "unknown_value"),  # type: ignore[arg-type]
        (
            EvaluationInput(
                MARCH_2026,
                checks=(CheckAnswerInput("a", "Q?"), CheckAnswerInput("a", "Q2?")),
            ),
            "checks",
            "duplicate_key",
        ),
        (EvaluationInput(MARCH_2026, checks=(CheckAnswerInput("a", " "),)), "checks", "required"),
    ],
)
def test_invalid_evaluation_is_refused(
    db: Database, safety_plan: int, data: EvaluationInput, field: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as error:
        record_evaluation(db, safety_plan, data)
    assert (error.value.field, error.value.reason) == (field, reason)
    assert list_evaluations(db, safety_plan) == []


def test_plan_history_groups_evaluations_by_period(
    db: Database, rows: Rows, two_periods: tuple[int, int], safety_plan: int
) -> None:
    earlier, later = two_periods
    dates = [
        dt.date(2027, 3, 9),
        dt.date(2025, 10, 2),
        dt.date(2026, 3, 11),
        dt.date(2026, 8, 20),
        dt.date(2024, 5, 5),  # before any period the unit keeps
    ]
    for day in dates:
        record_evaluation(db, safety_plan, EvaluationInput(date=day))
    other_plan = rows.plan(PlanType.ANTI_BULLYING, "Kiusaamisen ehkäisyn malli")
    record_evaluation(db, other_plan, EvaluationInput(date=dt.date(2026, 3, 11)))

    assert [e.date for e in list_evaluations(db, safety_plan)] == sorted(dates)
    history = plan_history(db, safety_plan)
    assert history.plan.id == safety_plan
    assert [(g.period_id, g.label) for g in history.periods] == [
        (earlier, "2025–2026"),
        (later, "2026–2027"),
        (None, None),
    ]
    assert [[e.date for e in g.evaluations] for g in history.periods] == [
        [dt.date(2025, 10, 2), dt.date(2026, 3, 11)],
        [dt.date(2026, 8, 20), dt.date(2027, 3, 9)],
        [dt.date(2024, 5, 5)],
    ]
    with pytest.raises(NotFound):
        plan_history(db, 999)


def test_undo_and_redo_of_an_evaluation_from_an_agenda_item(
    db: Database, rows: Rows, two_periods: tuple[int, int], safety_plan: int
) -> None:
    """Withdrawing gives the item back its earlier plan; restoring brings back the same id,
    contents and both links."""
    meeting = rows.meeting(two_periods[0], 2, MARCH_2026)
    item = rows.agenda_item(meeting, AgendaItemKind.THEME, title="Turvallisuus")
    data = EvaluationInput(
        date=MARCH_2026,
        agenda_item_id=item,
        methods=(EvaluationMethod.DISCUSSION,),
        participant_roles=(Role.DIRECTOR,),
        development_areas="- Poistumisharjoitus",
        checks=_answers(
            PlanType.SAFETY_RESCUE,
            [ChecklistAnswer.YES, ChecklistAnswer.NO, ChecklistAnswer.PARTLY],
        ),
    )
    view = record_evaluation(db, safety_plan, data)
    assert evaluation_input(view) == replace(data, meeting_id=meeting)

    withdraw_evaluation(db, view.id, None)
    assert evaluation_for_agenda_item(db, item) is None
    assert _item(db, item).plan_id is None
    with pytest.raises(NotFound):
        get_evaluation(db, view.id)

    assert restore_evaluation(db, view) == view
    assert evaluation_for_agenda_item(db, item) == view
    assert _item(db, item).plan_id == safety_plan
    with pytest.raises(ValidationError):
        restore_evaluation(db, view)


def test_withdrawing_leaves_an_approved_memo_as_it_is(
    db: Database, rows: Rows, two_periods: tuple[int, int], safety_plan: int
) -> None:
    meeting = rows.meeting(two_periods[0], 2, MARCH_2026, status=MeetingStatus.APPROVED)
    item = rows.agenda_item(meeting)
    with db.transaction() as session:
        row = session.get(AgendaItem, item)
        assert row is not None
        row.plan_id = safety_plan
    view = record_evaluation(db, safety_plan, EvaluationInput(date=MARCH_2026, agenda_item_id=item))
    withdraw_evaluation(db, view.id, None)
    assert _item(db, item).plan_id == safety_plan


def test_development_areas_are_read_one_per_line() -> None:
    text = "- Pihan valvonta\n\n• Uusien työntekijöiden perehdytys \n2) Tiedottaminen\nVälitunnit"
    assert development_areas_of(text) == [
        "Pihan valvonta",
        "Uusien työntekijöiden perehdytys",
        "Tiedottaminen",
        "Välitunnit",
    ]
    assert development_areas_of("  \n") == []


def test_recurring_development_areas_across_periods(
    db: Database, two_periods: tuple[int, int], safety_plan: int
) -> None:
    for day, areas in (
        (dt.date(2025, 10, 2), "- Pihan valvonta\n- Tiedottaminen"),
        (dt.date(2026, 3, 11), "- Tiedottaminen"),  # same period: not recurring by itself
        (dt.date(2026, 10, 1), "- pihan  valvonta.\n- Poistumisharjoitus"),
    ):
        record_evaluation(db, safety_plan, EvaluationInput(date=day, development_areas=areas))
    recurring = recurring_development_areas(plan_history(db, safety_plan))
    assert is_recurring("Pihan valvonta", recurring)
    assert not is_recurring("Tiedottaminen", recurring)
    assert not is_recurring("Poistumisharjoitus", recurring)
