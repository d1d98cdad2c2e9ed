"""The figures of one operating period: what the coordinator checks and the annual report shows.

Did the group meet often enough, were the expected roles there, which plans were
evaluated, how the action items stand, which result cards are being followed. The
figures depend on the day they are asked, so ``today`` is a parameter. Which meetings
count as held, and which are still planned, is decided in :mod:`.held` alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import (
    MINIMUM_MEETINGS_PER_PERIOD,
    ActionStatus,
    AttendanceStatus,
    MeetingStatus,
    PlanType,
    ResultCardStatus,
    Role,
    missing_roles,
)
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services import held
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    ActionItem,
    Attendance,
    Guest,
    Meeting,
    Member,
    OperatingPeriod,
    Plan,
    PlanEvaluation,
    ResultCard,
    Unit,
)


@dataclass(frozen=True, slots=True)
class MeetingAttendance:
    id: int
    number: int
    date: dt.date
    status: MeetingStatus
    roles_present: tuple[Role, ...]
    """Roles of members marked present and of guests, in :class:`Role` order."""
    roles_missing: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class PlanEvaluated:
    plan_id: int
    name: str
    type: PlanType
    evaluation_dates: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class ActionLine:
    id: int
    meeting_id: int
    meeting_number: int
    text: str
    responsible_name: str | None
    responsible_role: Role | None
    responsible_text: str
    due_date: dt.date | None


@dataclass(frozen=True, slots=True)
class ActionCounts:
    """``open`` excludes the ``overdue`` ones (open and past their due date)."""

    open: int
    overdue: int
    done: int
    dropped: int

    @property
    def total(self) -> int:
        return self.open + self.overdue + self.done + self.dropped


@dataclass(frozen=True, slots=True)
class ActiveCard:
    id: int
    what_to_change: str
    plan_id: int | None
    plan_name: str | None
    created_on: dt.date
    next_checkpoint: dt.date | None


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    period_id: int
    label: str
    start_date: dt.date
    end_date: dt.date
    today: dt.date
    meetings_held: int
    minimum_meetings: int
    minimum_met: bool
    meetings: tuple[MeetingAttendance, ...]
    """The meetings held by ``today`` (see :mod:`.held`), in date order."""
    planned_meetings: tuple[int, ...]
    """Ids of the meetings still to be held (dated ``today`` or later, neither held nor
    approved), in date order: the first is the next meeting."""
    roles_missing_in_period: tuple[Role, ...]
    """Expected roles that no member whose term overlaps the period has."""
    plans_evaluated: tuple[PlanEvaluated, ...]
    actions: ActionCounts
    open_actions: tuple[ActionLine, ...]
    overdue_actions: tuple[ActionLine, ...]
    active_cards: tuple[ActiveCard, ...]


def _in_role_order(roles: Iterable[Role]) -> tuple[Role, ...]:
    present = set(roles)
    return tuple(role for role in Role if role in present)


def _meetings(
    session: Session, period: OperatingPeriod, today: dt.date, has_pre_primary: bool
) -> tuple[MeetingAttendance, ...]:
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.period_id == period.id, held.held_condition(today))
        .order_by(Meeting.date, Meeting.number)
    ).all()
    rows: list[MeetingAttendance] = []
    for meeting in meetings:
        attended = session.scalars(
            select(Attendance.role).where(
                Attendance.meeting_id == meeting.id,
                Attendance.status == AttendanceStatus.PRESENT,
            )
        )
        guests = session.scalars(select(Guest.role).where(Guest.meeting_id == meeting.id))
        present = _in_role_order([*attended, *guests])
        rows.append(
            MeetingAttendance(
                id=meeting.id,
                number=meeting.number,
                date=meeting.date,
                status=meeting.status,
                roles_present=present,
                roles_missing=tuple(missing_roles(set(present), has_pre_primary=has_pre_primary)),
            )
        )
    return tuple(rows)


def _member_roles(session: Session, period: OperatingPeriod) -> set[Role]:
    """Roles of members whose term overlaps the period (an open end overlaps everything)."""
    return set(
        session.scalars(
            select(Member.role).where(
                or_(Member.term_start.is_(None), Member.term_start <= period.end_date),
                or_(Member.term_end.is_(None), Member.term_end >= period.start_date),
            )
        )
    )


def _plans_evaluated(session: Session, period: OperatingPeriod) -> tuple[PlanEvaluated, ...]:
    rows = session.execute(
        select(Plan, PlanEvaluation.date)
        .join(PlanEvaluation, PlanEvaluation.plan_id == Plan.id)
        .where(PlanEvaluation.date.between(period.start_date, period.end_date))
        .order_by(PlanEvaluation.date)
    )
    dates: dict[int, list[dt.date]] = {}
    plans: dict[int, Plan] = {}
    for plan, date in rows:
        plans[plan.id] = plan
        dates.setdefault(plan.id, []).append(date)
    ordered = sorted(
        plans.values(), key=lambda p: (list(PlanType).index(p.type), p.name.casefold(), p.id)
    )
    return tuple(PlanEvaluated(p.id, p.name, p.type, tuple(dates[p.id])) for p in ordered)


def _actions(
    session: Session, period: OperatingPeriod, today: dt.date
) -> tuple[ActionCounts, tuple[ActionLine, ...], tuple[ActionLine, ...]]:
    """Action items agreed in the period's meetings (carried-over ones count where agreed)."""
    rows = session.execute(
        select(ActionItem, Meeting.number)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(Meeting.period_id == period.id)
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id)
    )
    members = {m.id: m for m in session.scalars(select(Member))}
    open_lines: list[ActionLine] = []
    overdue_lines: list[ActionLine] = []
    done = dropped = 0
    for action, number in rows:
        if action.status is ActionStatus.DONE:
            done += 1
            continue
        if action.status is ActionStatus.DROPPED:
            dropped += 1
            continue
        member = members.get(action.responsible_id) if action.responsible_id else None
        line = ActionLine(
            id=action.id,
            meeting_id=action.meeting_id,
            meeting_number=number,
            text=action.text,
            responsible_name=member.name if member else None,
            responsible_role=member.role if member else None,
            responsible_text=action.responsible_text,
            due_date=action.due_date,
        )
        late = action.due_date is not None and action.due_date < today
        (overdue_lines if late else open_lines).append(line)
    counts = ActionCounts(len(open_lines), len(overdue_lines), done, dropped)
    return counts, tuple(open_lines), tuple(overdue_lines)


def _active_cards(session: Session, period: OperatingPeriod) -> tuple[ActiveCard, ...]:
    """Cards still followed that already existed in the period."""
    cards = session.scalars(
        select(ResultCard)
        .where(
            ResultCard.status == ResultCardStatus.ACTIVE,
            ResultCard.created_on <= period.end_date,
        )
        .order_by(ResultCard.created_on, ResultCard.id)
    ).all()
    names = {plan_id: name for plan_id, name in session.execute(select(Plan.id, Plan.name))}
    return tuple(
        ActiveCard(
            id=card.id,
            what_to_change=card.what_to_change,
            plan_id=card.plan_id,
            plan_name=names.get(card.plan_id) if card.plan_id else None,
            created_on=card.created_on,
            next_checkpoint=min(
                (c.due_date for c in card.checkpoints if c.recorded_on is None), default=None
            ),
        )
        for card in cards
    )


def period_summary(db: Database, period_id: int, today: dt.date | None = None) -> PeriodSummary:
    today = today or dt.date.today()
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        unit = session.scalar(select(Unit))
        if unit is None:
            raise NotFound("unit", "")
        meetings = _meetings(session, period, today, unit.has_pre_primary)
        counts, open_lines, overdue_lines = _actions(session, period, today)
        return PeriodSummary(
            period_id=period.id,
            label=period.label,
            start_date=period.start_date,
            end_date=period.end_date,
            today=today,
            meetings_held=len(meetings),
            minimum_meetings=MINIMUM_MEETINGS_PER_PERIOD,
            minimum_met=len(meetings) >= MINIMUM_MEETINGS_PER_PERIOD,
            meetings=meetings,
            planned_meetings=held.planned_meeting_ids(session, period.id, today),
            roles_missing_in_period=tuple(
                missing_roles(_member_roles(session, period), has_pre_primary=unit.has_pre_primary)
            ),
            plans_evaluated=_plans_evaluated(session, period),
            actions=counts,
            open_actions=open_lines,
            overdue_actions=overdue_lines,
            active_cards=_active_cards(session, period),
        )
