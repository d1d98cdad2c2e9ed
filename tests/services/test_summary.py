"""The period summary: meetings against the minimum, roles, plans, actions and cards."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from hyvinvointi_app.domain.enums import (
    MINIMUM_MEETINGS_PER_PERIOD,
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    MeetingStatus,
    PlanType,
    ResultCardStatus,
    Role,
)
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services.evaluations import EvaluationInput, record_evaluation
from hyvinvointi_app.services.result_cards import (
    CardInput,
    CheckpointInput,
    create_card,
    set_card_status,
)
from hyvinvointi_app.services.summary import ActionCounts, period_summary
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ActionItem, AgendaItem, Guest, Unit

if TYPE_CHECKING:
    from fixtures_plans import Rows

pytest_plugins = ["fixtures_plans"]

TODAY = dt.date(2026, 4, 1)
PRESENT, ABSENT, EXCUSED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)


class Year:
    """One operating period's worth of group work, with ids for the assertions."""

    def __init__(self, db: Database, rows: Rows, periods: tuple[int, int]) -> None:
        self.period, self.next_period = periods
        director = rows.member(Role.DIRECTOR, "Aino Ahonen")
        teacher = rows.member(Role.ECEC_STAFF, "Bea Berg")
        pre_primary = rows.member(Role.PRE_PRIMARY_STAFF, "Cecilia Carlsson")
        nurse = rows.member(Role.PUBLIC_HEALTH_NURSE, "Terhi Terveydenhoitaja")
        self.guardian = rows.member(
            Role.GUARDIAN_REPRESENTATIVE,
            "Entinen Huoltaja",
            term_start=dt.date(2024, 8, 1),
            term_end=dt.date(2025, 7, 31),
        )
        self.autumn = rows.meeting(
            self.period,
            1,
            dt.date(2025, 9, 10),
            status=MeetingStatus.APPROVED,
            attendance=[
                (director, PRESENT),
                (teacher, PRESENT),
                (pre_primary, EXCUSED),
                (self.guardian, ABSENT),
            ],
        )
        self.spring = rows.meeting(
            self.period,
            2,
            dt.date(2026, 3, 11),
            attendance=[(director, ABSENT), (pre_primary, PRESENT), (nurse, PRESENT)],
        )
        self.may = rows.meeting(self.period, 3, dt.date(2026, 5, 20), attendance=[(nurse, PRESENT)])
        next_year = rows.meeting(self.next_period, 1, dt.date(2026, 9, 9))
        with db.transaction() as session:
            session.add(Guest(meeting_id=self.spring, role=Role.PSYCHOLOGIST, note="vierailu"))
            self.actions: dict[str, int] = {}
            for key, meeting, status, due in [
                ("late", self.autumn, ActionStatus.OPEN, dt.date(2025, 10, 1)),
                ("open", self.autumn, ActionStatus.OPEN, dt.date(2026, 5, 1)),
                ("undated", self.spring, ActionStatus.OPEN, None),
                ("due_today", self.spring, ActionStatus.OPEN, TODAY),
                ("done", self.autumn, ActionStatus.DONE, dt.date(2025, 10, 1)),
                ("dropped", self.spring, ActionStatus.DROPPED, dt.date(2025, 12, 1)),
                ("next_year", next_year, ActionStatus.OPEN, dt.date(2026, 1, 1)),
            ]:
                action = ActionItem(
                    meeting_id=meeting,
                    text=f"Toimenpide {key}",
                    status=status,
                    due_date=due,
                    responsible_id=teacher,
                )
                session.add(action)
                session.flush()
                self.actions[key] = action.id
        self.safety = rows.plan(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma")
        self.bullying = rows.plan(PlanType.ANTI_BULLYING, "Kiusaamisen ehkäisyn malli")
        equality = rows.plan(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma")
        for plan, day in [
            (self.safety, dt.date(2026, 3, 11)),
            (self.safety, dt.date(2025, 10, 2)),
            (self.bullying, dt.date(2026, 3, 11)),
            (equality, dt.date(2026, 8, 20)),  # the next period
        ]:
            record_evaluation(db, plan, EvaluationInput(date=day))
        self.card = create_card(
            db,
            CardInput("Pihan turvallisuus", plan_id=self.safety),
            [CheckpointInput(dt.date(2026, 4, 20)), CheckpointInput(dt.date(2025, 12, 10))],
            today=dt.date(2025, 10, 2),
        ).id
        reached = create_card(db, CardInput("Kaveritaidot"), today=dt.date(2025, 9, 10)).id
        set_card_status(db, reached, ResultCardStatus.REACHED, today=dt.date(2026, 3, 11))
        create_card(db, CardInput("Ensi kauden kortti"), today=dt.date(2026, 9, 1))


@pytest.fixture
def year(db: Database, rows: Rows, two_periods: tuple[int, int]) -> Year:
    return Year(db, rows, two_periods)


def test_minimum_met_counts_meetings_held_by_today(db: Database, year: Year) -> None:
    summary = period_summary(db, year.period, today=TODAY)
    assert summary.meetings_held == 2 == MINIMUM_MEETINGS_PER_PERIOD == summary.minimum_meetings
    assert summary.minimum_met
    assert [(m.number, m.date, m.status) for m in summary.meetings] == [
        (1, dt.date(2025, 9, 10), MeetingStatus.APPROVED),
        (2, dt.date(2026, 3, 11), MeetingStatus.DRAFT),
    ]
    # The May meeting is held once something is written in it and it is closed or past.
    may_20, may_21 = dt.date(2026, 5, 20), dt.date(2026, 5, 21)
    assert period_summary(db, year.period, today=may_21).meetings_held == 2
    with db.transaction() as session:
        session.add(
            AgendaItem(
                meeting_id=year.may, position=1, kind=AgendaItemKind.OTHER_MATTERS, notes="Kevät"
            )
        )
    assert period_summary(db, year.period, today=may_20).meetings_held == 2
    assert period_summary(db, year.period, today=may_21).meetings_held == 3


def test_minimum_not_met_before_the_spring_meeting(db: Database, year: Year) -> None:
    summary = period_summary(db, year.period, today=dt.date(2026, 3, 10))
    assert summary.meetings_held == 1 and not summary.minimum_met
    empty = period_summary(db, year.next_period, today=dt.date(2026, 8, 31))
    assert empty.meetings_held == 0 and not empty.minimum_met and empty.meetings == ()


def test_roles_present_and_missing_per_meeting(db: Database, year: Year) -> None:
    autumn, spring = period_summary(db, year.period, today=TODAY).meetings
    assert autumn.roles_present == (Role.DIRECTOR, Role.ECEC_STAFF)
    assert autumn.roles_missing == (
        Role.PRE_PRIMARY_STAFF,
        Role.GUARDIAN_REPRESENTATIVE,
        Role.PUBLIC_HEALTH_NURSE,
        Role.SCHOOL_SOCIAL_WORKER,
    )
    # the visiting psychologist covers the social worker's place
    assert spring.roles_present == (
        Role.PRE_PRIMARY_STAFF,
        Role.PUBLIC_HEALTH_NURSE,
        Role.PSYCHOLOGIST,
    )
    assert spring.roles_missing == (
        Role.DIRECTOR,
        Role.ECEC_STAFF,
        Role.GUARDIAN_REPRESENTATIVE,
    )


def test_roles_missing_in_the_period_come_from_member_terms(db: Database, year: Year) -> None:
    summary = period_summary(db, year.period, today=TODAY)
    # the guardian representative's term ended before the period began
    assert summary.roles_missing_in_period == (
        Role.GUARDIAN_REPRESENTATIVE,
        Role.SCHOOL_SOCIAL_WORKER,
    )


def test_pre_primary_staff_is_not_expected_without_pre_primary(db: Database, year: Year) -> None:
    with db.transaction() as session:
        unit = session.query(Unit).one()
        unit.has_pre_primary = False
    autumn = period_summary(db, year.period, today=TODAY).meetings[0]
    assert Role.PRE_PRIMARY_STAFF not in autumn.roles_missing


def test_action_counts_with_overdue_counted_separately(db: Database, year: Year) -> None:
    summary = period_summary(db, year.period, today=TODAY)
    assert summary.actions == ActionCounts(open=3, overdue=1, done=1, dropped=1)
    assert summary.actions.total == 6
    assert [a.id for a in summary.overdue_actions] == [year.actions["late"]]
    assert [a.id for a in summary.open_actions] == [
        year.actions["due_today"],  # due today is not yet overdue
        year.actions["open"],
        year.actions["undated"],
    ]
    late = summary.overdue_actions[0]
    assert (late.meeting_number, late.responsible_role) == (1, Role.ECEC_STAFF)
    later = period_summary(db, year.period, today=dt.date(2026, 5, 2))
    assert later.actions == ActionCounts(open=1, overdue=3, done=1, dropped=1)


def test_plans_evaluated_in_the_period(db: Database, year: Year) -> None:
    summary = period_summary(db, year.period, today=TODAY)
    assert [(p.plan_id, p.type, p.evaluation_dates) for p in summary.plans_evaluated] == [
        (year.bullying, PlanType.ANTI_BULLYING, (dt.date(2026, 3, 11),)),
        (year.safety, PlanType.SAFETY_RESCUE, (dt.date(2025, 10, 2), dt.date(2026, 3, 11))),
    ]
    assert [p.name for p in period_summary(db, year.next_period, today=TODAY).plans_evaluated] == [
        "Tasa-arvosuunnitelma"
    ]


def test_unknown_period_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        period_summary(db, 999, today=TODAY)
