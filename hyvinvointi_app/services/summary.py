"""The figures of one operating period: what the coordinator checks and the annual report shows.

Did the group meet often enough, were the expected roles there, which plans were
evaluated, how the action items stand, which result cards are being followed. The
figures depend on the day they are asked, so ``today`` is a parameter. Which meetings
count as held, and which are still planned, is decided in :mod:`.held` alone; what else
belongs to the period (members, evaluations, action items) in :mod:`.period_scope`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import (
    MINIMUM_MEETINGS_PER_PERIOD,
    AttendanceStatus,
    MeetingStatus,
    PlanType,
    Role,
    missing_roles,
)
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services import held, members, period_scope
from hyvinvointi_app.services.period_scope import Standing
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    ActionItem,
    Attendance,
    Guest,
    Meeting,
    Member,
    OperatingPeriod,
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
    meeting_date: dt.date
    """The date of the meeting where it was agreed: with an action carried over from the
    previous period, the number alone would point to another meeting."""
    text: str
    responsible_name: str | None
    responsible_role: Role | None
    responsible_text: str
    due_date: dt.date | None


@dataclass(frozen=True, slots=True)
class ActionCounts:
    """``open`` excludes the ``overdue`` ones (open and past their due date); all four as at
    one day (:attr:`PeriodSummary.as_of`)."""

    open: int
    overdue: int
    done: int
    dropped: int

    @property
    def total(self) -> int:
        return self.open + self.overdue + self.done + self.dropped


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    period_id: int
    label: str
    start_date: dt.date
    end_date: dt.date
    today: dt.date
    as_of: dt.date
    """The period's last day, or ``today`` while it still runs: the day the action items are
    counted as at (see :func:`.period_scope.as_of`)."""
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
    """Plans with an evaluation dated in the period
    (:func:`.period_scope.evaluations_in_period`)."""
    actions: ActionCounts
    """The period's action items (:func:`.period_scope.action_in_period`) counted as at
    :attr:`as_of` (:func:`.period_scope.standing_as_of`)."""
    open_actions: tuple[ActionLine, ...]
    overdue_actions: tuple[ActionLine, ...]


def _in_role_order(roles: Iterable[Role]) -> tuple[Role, ...]:
    present = set(roles)
    return tuple(role for role in Role if role in present)


def _meetings(
    session: Session, period: PeriodView, today: dt.date, has_pre_primary: bool
) -> tuple[MeetingAttendance, ...]:
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.period_id == period.id, held.held_condition(today))
        .order_by(Meeting.date, Meeting.number)
    ).all()
    ids = [meeting.id for meeting in meetings]
    roles: dict[int, list[Role]] = defaultdict(list)
    for meeting_id, role in (
        *session.execute(
            select(Attendance.meeting_id, Attendance.role).where(
                Attendance.meeting_id.in_(ids), Attendance.status == AttendanceStatus.PRESENT
            )
        ),
        *session.execute(select(Guest.meeting_id, Guest.role).where(Guest.meeting_id.in_(ids))),
    ):
        roles[meeting_id].append(role)
    rows: list[MeetingAttendance] = []
    for meeting in meetings:
        present = _in_role_order(roles[meeting.id])
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


def _member_roles(db: Database, period: PeriodView) -> set[Role]:
    """Roles of the period's members (:func:`.members.members_in_period`)."""
    return {m.role for m in members.members_in_period(db, period.start_date, period.end_date)}


def _plans_evaluated(db: Database, period: PeriodView) -> tuple[PlanEvaluated, ...]:
    dates: dict[int, list[dt.date]] = {}
    plans: dict[int, tuple[str, PlanType]] = {}
    for evaluation in period_scope.evaluations_in_period(db, period):
        plans[evaluation.plan_id] = (evaluation.plan_name, evaluation.plan_type)
        dates.setdefault(evaluation.plan_id, []).append(evaluation.date)
    ordered = sorted(
        plans.items(),
        key=lambda p: (list(PlanType).index(p[1][1]), p[1][0].casefold(), p[0]),
    )
    return tuple(
        PlanEvaluated(plan_id, name, plan_type, tuple(dates[plan_id]))
        for plan_id, (name, plan_type) in ordered
    )


def _actions(
    session: Session, period: PeriodView, day: dt.date
) -> tuple[ActionCounts, tuple[ActionLine, ...], tuple[ActionLine, ...]]:
    """The period's action items (:func:`.period_scope.action_in_period`), counted as at
    ``day`` (:func:`.period_scope.standing_as_of`)."""
    rows = session.execute(
        select(ActionItem, Meeting.number, Meeting.date)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(period_scope.action_in_period(period))
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id)
    )
    members = {m.id: m for m in session.scalars(select(Member))}
    lines: dict[Standing, list[ActionLine]] = {standing: [] for standing in Standing}
    for action, number, date in rows:
        member = members.get(action.responsible_id) if action.responsible_id else None
        lines[period_scope.standing_as_of(action, day)].append(
            ActionLine(
                id=action.id,
                meeting_id=action.meeting_id,
                meeting_number=number,
                meeting_date=date,
                text=action.text,
                responsible_name=member.name if member else None,
                responsible_role=member.role if member else None,
                responsible_text=action.responsible_text,
                due_date=action.due_date,
            )
        )
    open_lines, overdue_lines = lines[Standing.OPEN], lines[Standing.OVERDUE]
    counts = ActionCounts(
        len(open_lines), len(overdue_lines), len(lines[Standing.DONE]), len(lines[Standing.DROPPED])
    )
    return counts, tuple(open_lines), tuple(overdue_lines)


def period_summary(db: Database, period_id: int, today: dt.date | None = None) -> PeriodSummary:
    today = today or dt.date.today()
    with db.reading() as session:
        row = session.get(OperatingPeriod, period_id)
        if row is None:
            raise NotFound("period", period_id)
        unit = session.scalar(select(Unit))
        if unit is None:
            raise NotFound("unit", "")
        period = PeriodView(row.id, row.label, row.start_date, row.end_date, row.is_current)
        has_pre_primary = unit.has_pre_primary
    day = period_scope.as_of(period, today)
    member_roles = _member_roles(db, period)
    plans_evaluated = _plans_evaluated(db, period)
    with db.reading() as session:
        meetings = _meetings(session, period, today, has_pre_primary)
        counts, open_lines, overdue_lines = _actions(session, period, day)
        return PeriodSummary(
            period_id=period.id,
            label=period.label,
            start_date=period.start_date,
            end_date=period.end_date,
            today=today,
            as_of=day,
            meetings_held=len(meetings),
            minimum_meetings=MINIMUM_MEETINGS_PER_PERIOD,
            minimum_met=len(meetings) >= MINIMUM_MEETINGS_PER_PERIOD,
            meetings=meetings,
            planned_meetings=held.planned_meeting_ids(session, period.id, today),
            roles_missing_in_period=tuple(
                missing_roles(member_roles, has_pre_primary=has_pre_primary)
            ),
            plans_evaluated=plans_evaluated,
            actions=counts,
            open_actions=open_lines,
            overdue_actions=overdue_lines,
        )
