"""Rows for the plan, evaluation, card and summary tests, written straight into the file.

The meeting services have their own tests; here a meeting is only the place where an
evaluation happened or where members were present, so plain ORM rows are enough.
Test modules use it through ``pytest_plugins = ["fixtures_plans"]`` and the ``rows``
fixture (no direct import, so that pytest can still rewrite the asserts here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    MeetingStatus,
    PlanType,
    Role,
)
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Member,
    OperatingPeriod,
    Plan,
)


class Rows:
    """Writes one row per call, each in its own transaction, and returns its id."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def period(self, start_year: int) -> int:
        """The default period 1.8.``start_year``–31.7. of the next year."""
        with self.db.transaction() as session:
            period = OperatingPeriod(
                label=f"{start_year}–{start_year + 1}",
                start_date=dt.date(start_year, 8, 1),
                end_date=dt.date(start_year + 1, 7, 31),
            )
            session.add(period)
            session.flush()
            return period.id

    def member(
        self,
        role: Role,
        name: str = "Jäsen",
        term_start: dt.date | None = None,
        term_end: dt.date | None = None,
    ) -> int:
        with self.db.transaction() as session:
            member = Member(name=name, role=role, term_start=term_start, term_end=term_end)
            session.add(member)
            session.flush()
            return member.id

    def meeting(
        self,
        period_id: int,
        number: int,
        date: dt.date,
        *,
        status: MeetingStatus = MeetingStatus.DRAFT,
        attendance: Sequence[tuple[int, AttendanceStatus]] = (),
    ) -> int:
        """A meeting with attendance rows for existing members (their role is copied)."""
        with self.db.transaction() as session:
            meeting = Meeting(period_id=period_id, number=number, date=date, status=status)
            session.add(meeting)
            session.flush()
            for member_id, presence in attendance:
                member = session.get(Member, member_id)
                assert member is not None
                session.add(
                    Attendance(
                        meeting_id=meeting.id,
                        member_id=member_id,
                        role=member.role,
                        status=presence,
                    )
                )
            return meeting.id

    def agenda_item(
        self,
        meeting_id: int,
        kind: AgendaItemKind = AgendaItemKind.PLAN_EVALUATION,
        position: int = 5,
        title: str = "Arvioitava suunnitelma",
    ) -> int:
        with self.db.transaction() as session:
            item = AgendaItem(meeting_id=meeting_id, position=position, kind=kind, title=title)
            session.add(item)
            session.flush()
            return item.id

    def plan(self, plan_type: PlanType, name: str) -> int:
        with self.db.transaction() as session:
            plan = Plan(type=plan_type, name=name)
            session.add(plan)
            session.flush()
            return plan.id


@pytest.fixture
def rows(db: Database) -> Rows:
    return Rows(db)


@pytest.fixture
def two_periods(rows: Rows) -> tuple[int, int]:
    """The periods 2025–2026 and 2026–2027."""
    return rows.period(2025), rows.period(2026)


@pytest.fixture
def safety_plan(rows: Rows) -> int:
    return rows.plan(PlanType.SAFETY_RESCUE, "Turvallisuus- ja pelastussuunnitelma")
