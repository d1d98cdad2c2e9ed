"""The data behind the documents: what each of them is built from."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import AgendaItemKind, EvaluationConclusion, PlanType, Role
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services import (
    actions,
    agenda,
    evaluations,
    meetings,
    members,
    periods,
    plans,
)
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.evaluations import EvaluationInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.memo_record import memo_data
from hyvinvointi_app.services.report_data import (
    annual_data,
    evaluation_summary_data,
    find_plan,
)
from hyvinvointi_app.store.database import Database


def _period(db: Database) -> int:
    return periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31)).id


def test_memo_data_has_the_next_meeting_and_loose_actions(db: Database) -> None:
    period = _period(db)
    members.add_member(db, MemberInput("Áilu Čuđe", Role.DIRECTOR))
    first = meetings.new_meeting(db, period, dt.date(2026, 9, 14), place="Sali")
    actions.add_action(db, first.id, ActionInput("Kysely huoltajille"))
    item = first.agenda[0]
    actions.add_action(db, first.id, ActionInput("Esityslista jakoon"), agenda_item_id=item.id)
    second = meetings.new_meeting(db, period, dt.date(2026, 12, 4), start_time=dt.time(13))

    data = memo_data(db, first.id)
    assert data.unit.name_fi == "Päiväkoti Päivänkakkara"
    assert data.next_meeting is not None
    assert (data.next_meeting.number, data.next_meeting.date) == (2, dt.date(2026, 12, 4))
    assert [a.text for a in data.other_actions] == ["Kysely huoltajille"]
    assert memo_data(db, second.id).next_meeting is None


def test_annual_data_gathers_the_period(db: Database) -> None:
    period = _period(db)
    plan = plans.add_plan(db, plans.PlanInput(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma"))
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    meeting = meetings.new_meeting(db, period, dt.date(2026, 9, 14))
    agenda.set_item_text(db, meeting.agenda[-1].id, "notes", "Seuraava kokous joulukuussa")
    meetings.new_meeting(db, period, dt.date(2026, 10, 5))  # nothing written: not held
    evaluations.record_evaluation(
        db,
        plan.id,
        EvaluationInput(
            dt.date(2026, 9, 14),
            strengths="Hyvä",
            development_areas="Kehitettävää",
            conclusion=EvaluationConclusion.NEEDS_UPDATING,
            update_by="Johtaja",
        ),
    )
    evaluations.record_evaluation(db, plan.id, EvaluationInput(dt.date(2025, 9, 1)))  # earlier

    data = annual_data(db, period, today=dt.date(2026, 11, 23))
    assert data.period.label == "2026-2027"
    assert [m.id for m in data.meetings] == [meeting.id]
    assert [e.date for e in data.evaluations] == [dt.date(2026, 9, 14)]
    assert [e.plan_name for e in data.plans_needing_update] == ["Tasa-arvosuunnitelma"]
    assert data.planned_themes == ()  # no annual clock loaded in this unit
    themes = [i for i in meeting.agenda if i.kind is AgendaItemKind.THEME]
    assert len(data.handled_themes) == len(themes)


def test_evaluation_summary_groups_by_period(db: Database) -> None:
    _period(db)
    plan = plans.add_plan(db, plans.PlanInput(PlanType.SAFETY_RESCUE, "Turvallisuussuunnitelma"))
    evaluations.record_evaluation(db, plan.id, EvaluationInput(dt.date(2026, 10, 1)))
    evaluations.record_evaluation(db, plan.id, EvaluationInput(dt.date(2020, 10, 1)))
    data = evaluation_summary_data(db, plan.id)
    assert data.history.plan.name == "Turvallisuussuunnitelma"
    assert [g.label for g in data.history.periods] == ["2026-2027", None]


def test_find_plan_by_id_name_or_unique_prefix(db: Database) -> None:
    safety = plans.add_plan(db, plans.PlanInput(PlanType.SAFETY_RESCUE, "Turvallisuussuunnitelma"))
    equality = plans.add_plan(db, plans.PlanInput(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma"))
    plans.add_plan(db, plans.PlanInput(PlanType.CUSTOM, "Tasa-arvon seuranta"))
    assert find_plan(db, str(safety.id)) == safety.id
    assert find_plan(db, "Tasa-arvosuunnitelma") == equality.id
    assert find_plan(db, "tasa-arvosuunnitelma") == equality.id
    assert find_plan(db, "turva") == safety.id
    with pytest.raises(NotFound):
        find_plan(db, "tasa")  # two plans start so
    with pytest.raises(NotFound):
        find_plan(db, "999")
