"""The figures of the coordinator bundle: attendance by role, plans, cards, names only if asked."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    EvaluationConclusion,
    MeetingStatus,
    PlanType,
    ResultCardStatus,
    Role,
)
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services.bundle_data import ApprovedMemo, RoleAttendance, bundle_data
from hyvinvointi_app.services.evaluations import EvaluationInput, record_evaluation
from hyvinvointi_app.services.result_cards import (
    CardInput,
    CheckpointInput,
    add_checkpoint,
    create_card,
    record_checkpoint_value,
    set_card_status,
)
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import AgendaItem, Guest

if TYPE_CHECKING:
    from fixtures_plans import Rows

pytest_plugins = ["fixtures_plans"]

TODAY = dt.date(2026, 4, 1)
PRESENT, ABSENT, EXCUSED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)


class Period:
    def __init__(self, db: Database, rows: Rows, periods: tuple[int, int]) -> None:
        self.id, self.next_id = periods
        self.director = rows.member(Role.DIRECTOR, "Aino Ahonen")
        teacher = rows.member(Role.ECEC_STAFF, "Bea Berg")
        teacher2 = rows.member(Role.ECEC_STAFF, "Åsa Öberg")
        self.nurse = rows.member(Role.PUBLIC_HEALTH_NURSE, "Terhi Terveydenhoitaja")
        rows.member(  # left before the period: not counted
            Role.GUARDIAN_REPRESENTATIVE, "Entinen Huoltaja", term_end=dt.date(2025, 7, 31)
        )
        self.autumn = rows.meeting(
            self.id,
            1,
            dt.date(2025, 9, 10),
            status=MeetingStatus.APPROVED,
            attendance=[
                (self.director, PRESENT),
                (teacher, PRESENT),
                (teacher2, EXCUSED),
                (self.nurse, ABSENT),
            ],
        )
        self.spring = rows.meeting(
            self.id, 2, dt.date(2026, 3, 11), attendance=[(teacher, PRESENT), (teacher2, PRESENT)]
        )
        self.may = rows.meeting(  # after TODAY: not held yet, but its memo is approved
            self.id, 3, dt.date(2026, 5, 20), status=MeetingStatus.APPROVED
        )
        rows.meeting(self.next_id, 1, dt.date(2026, 9, 9), status=MeetingStatus.APPROVED)
        with db.transaction() as session:
            session.add(Guest(meeting_id=self.spring, role=Role.PSYCHOLOGIST, note="vierailu"))
            session.add(Guest(meeting_id=self.spring, role=Role.ECEC_STAFF))
            session.add(  # a draft counts as held once something is written in it
                AgendaItem(
                    meeting_id=self.spring,
                    position=1,
                    kind=AgendaItemKind.OTHER_MATTERS,
                    notes="Kevään kuulumiset",
                )
            )
        self.plan = rows.plan(PlanType.ANTI_BULLYING, "Kiusaamisen ehkäisy")
        self.unevaluated = rows.plan(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma")
        record_evaluation(
            db,
            self.plan,
            EvaluationInput(
                date=dt.date(2025, 9, 10),
                meeting_id=self.autumn,
                strengths="Leikit sujuvat",
                development_areas="Pihan valvonta",
                conclusion=EvaluationConclusion.NEEDS_UPDATING,
            ),
        )
        record_evaluation(db, self.plan, EvaluationInput(date=dt.date(2024, 9, 1)))  # earlier
        self.card = create_card(
            db, CardInput("Pihan valvonta", plan_id=self.plan), today=dt.date(2025, 9, 10)
        ).id
        checkpoint = add_checkpoint(
            db, self.card, CheckpointInput(dt.date(2025, 11, 1), responsible_id=self.nurse)
        )
        record_checkpoint_value(db, checkpoint.id, "3/5 ryhmää", dt.date(2025, 11, 2))
        old = create_card(db, CardInput("Vanha tavoite"), today=dt.date(2024, 9, 1)).id
        set_card_status(db, old, ResultCardStatus.CLOSED, today=dt.date(2025, 6, 1))


@pytest.fixture
def period(db: Database, rows: Rows, two_periods: tuple[int, int]) -> Period:
    return Period(db, rows, two_periods)


def test_meetings_held_with_attendance_by_role(db: Database, period: Period) -> None:
    data = bundle_data(db, period.id, today=TODAY)
    assert data.meetings_held == 2
    assert data.minimum_met is True
    autumn, spring = data.meetings
    assert (autumn.number, autumn.date, autumn.status) == (1, dt.date(2025, 9, 10), "approved")
    assert autumn.attendance == (
        RoleAttendance(Role.DIRECTOR, 1, 0, 0, 0),
        RoleAttendance(Role.ECEC_STAFF, 1, 0, 1, 0),
        RoleAttendance(Role.PUBLIC_HEALTH_NURSE, 0, 1, 0, 0),
    )
    assert autumn.present_total == 2
    assert Role.PUBLIC_HEALTH_NURSE in autumn.roles_missing
    assert spring.attendance == (
        RoleAttendance(Role.ECEC_STAFF, 2, 0, 0, 1),
        RoleAttendance(Role.PSYCHOLOGIST, 0, 0, 0, 1),
    )
    assert spring.present_total == 4
    assert spring.approved_on is None
    assert autumn.attendees is None


def test_approved_memos_of_the_period_only(db: Database, period: Period) -> None:
    data = bundle_data(db, period.id, today=TODAY)
    assert data.approved_memos == (
        ApprovedMemo(period.autumn, 1, dt.date(2025, 9, 10)),
        ApprovedMemo(period.may, 3, dt.date(2026, 5, 20)),
    )


def test_members_by_role_in_the_period(db: Database, period: Period) -> None:
    data = bundle_data(db, period.id, today=TODAY)
    assert [(m.role, m.count, m.names) for m in data.members] == [
        (Role.DIRECTOR, 1, None),
        (Role.ECEC_STAFF, 2, None),
        (Role.PUBLIC_HEALTH_NURSE, 1, None),
    ]
    assert Role.GUARDIAN_REPRESENTATIVE in data.roles_missing_in_period


def test_plans_with_the_evaluations_of_the_period(db: Database, period: Period) -> None:
    data = bundle_data(db, period.id, today=TODAY)
    by_id = {p.id: p for p in data.plans}
    evaluated = by_id[period.plan]
    assert [(e.date, e.meeting_number) for e in evaluated.evaluations] == [
        (dt.date(2025, 9, 10), 1)
    ]
    assert evaluated.evaluations[0].strengths == "Leikit sujuvat"
    assert evaluated.evaluations[0].development_areas == "Pihan valvonta"
    assert evaluated.evaluations[0].conclusion is EvaluationConclusion.NEEDS_UPDATING
    assert by_id[period.unevaluated].evaluations == ()
    assert [p.type for p in data.plans] == [PlanType.ANTI_BULLYING, PlanType.SAFETY_RESCUE]


def test_result_cards_followed_in_the_period_with_checkpoint_values(
    db: Database, period: Period
) -> None:
    data = bundle_data(db, period.id, today=TODAY)
    assert [c.id for c in data.result_cards] == [period.card]  # the old one closed before
    (checkpoint,) = data.result_cards[0].checkpoints
    assert checkpoint.value_note == "3/5 ryhmää"
    assert checkpoint.recorded_on == dt.date(2025, 11, 2)
    assert checkpoint.responsible_role is Role.PUBLIC_HEALTH_NURSE
    assert checkpoint.responsible_name is None
    assert data.result_cards[0].plan_name == "Kiusaamisen ehkäisy"


def test_names_only_when_asked(db: Database, period: Period) -> None:
    data = bundle_data(db, period.id, with_names=True, today=TODAY)
    assert data.with_names
    assert data.members[1].names == ("Bea Berg", "Åsa Öberg")
    assert data.meetings[0].attendees is not None
    assert [(a.role, a.name, a.status) for a in data.meetings[0].attendees][:2] == [
        (Role.DIRECTOR, "Aino Ahonen", PRESENT),
        (Role.ECEC_STAFF, "Bea Berg", PRESENT),
    ]
    assert data.result_cards[0].checkpoints[0].responsible_name == "Terhi Terveydenhoitaja"


def test_unknown_period_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        bundle_data(db, 999)
