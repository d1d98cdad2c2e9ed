"""The figures of the coordinator bundle: one operating period of one unit, as plain data.

The municipality's coordinator puts many units' bundles side by side, so every value here
is a stable code (the domain enums' values), a date or a count, plus the texts the director
typed (strengths, development areas, result cards). Personal names are read only when the
director chose to include them; otherwise they never leave this module.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import (
    AttendanceStatus,
    EvaluationConclusion,
    MeetingStatus,
    PlanType,
    ResultCardStatus,
    Role,
)
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services.summary import ActionCounts, period_summary
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
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
class RoleAttendance:
    """How the members of one role (and the guests in it) took part in one meeting."""

    role: Role
    present: int
    absent: int
    excused: int
    guests: int


@dataclass(frozen=True, slots=True)
class NamedAttendee:
    """Only in a bundle made with names."""

    role: Role
    name: str
    status: AttendanceStatus


@dataclass(frozen=True, slots=True)
class BundleMeeting:
    id: int
    number: int
    date: dt.date
    status: MeetingStatus
    approved_on: dt.date | None
    attendance: tuple[RoleAttendance, ...]
    """One line per role that had a member or a guest at the meeting, in :class:`Role` order."""
    roles_present: tuple[Role, ...]
    roles_missing: tuple[Role, ...]
    attendees: tuple[NamedAttendee, ...] | None
    """None unless names were asked for."""

    @property
    def present_total(self) -> int:
        return sum(line.present + line.guests for line in self.attendance)


@dataclass(frozen=True, slots=True)
class BundleEvaluation:
    date: dt.date
    meeting_number: int | None
    conclusion: EvaluationConclusion | None
    strengths: str
    development_areas: str


@dataclass(frozen=True, slots=True)
class BundlePlan:
    id: int
    type: PlanType
    name: str
    approved_on: dt.date | None
    next_review_due: dt.date | None
    archived: bool
    evaluations: tuple[BundleEvaluation, ...]
    """The evaluations dated within the period, oldest first (may be empty)."""


@dataclass(frozen=True, slots=True)
class BundleCheckpoint:
    due_date: dt.date
    recorded_on: dt.date | None
    value_note: str
    responsible_role: Role | None
    responsible_name: str | None
    """None unless names were asked for."""


@dataclass(frozen=True, slots=True)
class BundleCard:
    id: int
    plan_id: int | None
    plan_name: str | None
    what_to_change: str
    target_state: str
    indicator: str
    status: ResultCardStatus
    created_on: dt.date
    closed_on: dt.date | None
    checkpoints: tuple[BundleCheckpoint, ...]


@dataclass(frozen=True, slots=True)
class ApprovedMemo:
    meeting_id: int
    number: int
    date: dt.date


@dataclass(frozen=True, slots=True)
class RoleMembers:
    role: Role
    count: int
    names: tuple[str, ...] | None
    """None unless names were asked for; an erased member's name is left out."""


@dataclass(frozen=True, slots=True)
class BundleData:
    unit_name_fi: str
    unit_name_sv: str
    municipality: str
    has_pre_primary: bool
    working_language: str
    period_id: int
    period_label: str
    period_start: dt.date
    period_end: dt.date
    today: dt.date
    with_names: bool
    minimum_meetings: int
    meetings_held: int
    minimum_met: bool
    roles_missing_in_period: tuple[Role, ...]
    members: tuple[RoleMembers, ...]
    meetings: tuple[BundleMeeting, ...]
    approved_memos: tuple[ApprovedMemo, ...]
    """The period's approved memos (any date), in date order: the bundle's memo PDFs."""
    plans: tuple[BundlePlan, ...]
    result_cards: tuple[BundleCard, ...]
    actions: ActionCounts


def _overlapping_members(session: Session, period: OperatingPeriod) -> list[Member]:
    return list(
        session.scalars(
            select(Member)
            .where(
                or_(Member.term_start.is_(None), Member.term_start <= period.end_date),
                or_(Member.term_end.is_(None), Member.term_end >= period.start_date),
            )
            .order_by(Member.id)
        )
    )


def _members(
    session: Session, period: OperatingPeriod, with_names: bool
) -> tuple[RoleMembers, ...]:
    by_role: dict[Role, list[Member]] = {}
    for member in _overlapping_members(session, period):
        by_role.setdefault(member.role, []).append(member)
    return tuple(
        RoleMembers(
            role=role,
            count=len(by_role[role]),
            names=tuple(m.name for m in by_role[role] if m.name) if with_names else None,
        )
        for role in Role
        if role in by_role
    )


def _attendance(
    session: Session, meeting_id: int, with_names: bool
) -> tuple[tuple[RoleAttendance, ...], tuple[NamedAttendee, ...] | None]:
    counts: Counter[tuple[Role, AttendanceStatus]] = Counter()
    named: list[NamedAttendee] = []
    rows = session.execute(
        select(Attendance.role, Attendance.status, Member.name)
        .join(Member, Member.id == Attendance.member_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.id)
    )
    for role, status, name in rows:
        counts[(role, status)] += 1
        if with_names and name:
            named.append(NamedAttendee(role, name, status))
    guests = Counter(session.scalars(select(Guest.role).where(Guest.meeting_id == meeting_id)))
    lines = []
    for role in Role:
        line = RoleAttendance(
            role=role,
            present=counts[(role, AttendanceStatus.PRESENT)],
            absent=counts[(role, AttendanceStatus.ABSENT)],
            excused=counts[(role, AttendanceStatus.EXCUSED)],
            guests=guests[role],
        )
        if line.present or line.absent or line.excused or line.guests:
            lines.append(line)
    order = list(Role)
    named.sort(key=lambda a: order.index(a.role))
    return tuple(lines), (tuple(named) if with_names else None)


def _plans(session: Session, period: OperatingPeriod) -> tuple[BundlePlan, ...]:
    """Every plan in use, and archived ones only when evaluated within the period."""
    numbers = {i: n for i, n in session.execute(select(Meeting.id, Meeting.number))}
    evaluations: dict[int, list[BundleEvaluation]] = {}
    for evaluation in session.scalars(
        select(PlanEvaluation)
        .where(PlanEvaluation.date.between(period.start_date, period.end_date))
        .order_by(PlanEvaluation.date, PlanEvaluation.id)
    ):
        evaluations.setdefault(evaluation.plan_id, []).append(
            BundleEvaluation(
                date=evaluation.date,
                meeting_number=numbers.get(evaluation.meeting_id)
                if evaluation.meeting_id
                else None,
                conclusion=evaluation.conclusion,
                strengths=evaluation.strengths,
                development_areas=evaluation.development_areas,
            )
        )
    plans = [p for p in session.scalars(select(Plan)) if not p.archived or p.id in evaluations]
    plans.sort(key=lambda p: (list(PlanType).index(p.type), p.name.casefold(), p.id))
    return tuple(
        BundlePlan(
            id=p.id,
            type=p.type,
            name=p.name,
            approved_on=p.approved_on,
            next_review_due=p.next_review_due,
            archived=p.archived,
            evaluations=tuple(evaluations.get(p.id, ())),
        )
        for p in plans
    )


def _cards(session: Session, period: OperatingPeriod, with_names: bool) -> tuple[BundleCard, ...]:
    """Cards followed during the period: created before its end, not closed before its start."""
    cards = session.scalars(
        select(ResultCard)
        .where(
            ResultCard.created_on <= period.end_date,
            or_(ResultCard.closed_on.is_(None), ResultCard.closed_on >= period.start_date),
        )
        .order_by(ResultCard.created_on, ResultCard.id)
    ).all()
    plan_names = {i: n for i, n in session.execute(select(Plan.id, Plan.name))}
    members = {m.id: m for m in session.scalars(select(Member))}
    result = []
    for card in cards:
        checkpoints = []
        for checkpoint in sorted(card.checkpoints, key=lambda c: (c.due_date, c.id)):
            member = members.get(checkpoint.responsible_id) if checkpoint.responsible_id else None
            checkpoints.append(
                BundleCheckpoint(
                    due_date=checkpoint.due_date,
                    recorded_on=checkpoint.recorded_on,
                    value_note=checkpoint.value_note,
                    responsible_role=member.role if member else None,
                    responsible_name=(member.name if member and with_names else None),
                )
            )
        result.append(
            BundleCard(
                id=card.id,
                plan_id=card.plan_id,
                plan_name=plan_names.get(card.plan_id) if card.plan_id else None,
                what_to_change=card.what_to_change,
                target_state=card.target_state,
                indicator=card.indicator,
                status=card.status,
                created_on=card.created_on,
                closed_on=card.closed_on,
                checkpoints=tuple(checkpoints),
            )
        )
    return tuple(result)


def bundle_data(
    db: Database, period_id: int, *, with_names: bool = False, today: dt.date | None = None
) -> BundleData:
    """Everything the bundle's ``bundle.json`` and CSV files carry, for one period.

    Meetings are those held by ``today`` (see :mod:`.held`, as in the period summary and the
    annual report); the memos of the bundle are the period's approved ones.
    """
    today = today or dt.date.today()
    summary = period_summary(db, period_id, today)
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        unit = session.scalar(select(Unit))
        if period is None:
            raise NotFound("period", period_id)
        if unit is None:
            raise NotFound("unit", "")
        approved = {
            m.id: m.approved_at.date() if m.approved_at else None
            for m in session.scalars(
                select(Meeting).where(
                    Meeting.period_id == period_id, Meeting.status == MeetingStatus.APPROVED
                )
            )
        }
        meetings = []
        for held in summary.meetings:
            lines, attendees = _attendance(session, held.id, with_names)
            meetings.append(
                BundleMeeting(
                    id=held.id,
                    number=held.number,
                    date=held.date,
                    status=held.status,
                    approved_on=approved.get(held.id),
                    attendance=lines,
                    roles_present=held.roles_present,
                    roles_missing=held.roles_missing,
                    attendees=attendees,
                )
            )
        approved_memos = tuple(
            ApprovedMemo(meeting_id, number, date)
            for meeting_id, number, date in session.execute(
                select(Meeting.id, Meeting.number, Meeting.date)
                .where(Meeting.period_id == period_id, Meeting.status == MeetingStatus.APPROVED)
                .order_by(Meeting.date, Meeting.number)
            )
        )
        return BundleData(
            unit_name_fi=unit.name_fi,
            unit_name_sv=unit.name_sv,
            municipality=unit.municipality,
            has_pre_primary=unit.has_pre_primary,
            working_language=unit.working_language.value,
            period_id=period.id,
            period_label=period.label,
            period_start=period.start_date,
            period_end=period.end_date,
            today=today,
            with_names=with_names,
            minimum_meetings=summary.minimum_meetings,
            meetings_held=summary.meetings_held,
            minimum_met=summary.minimum_met,
            roles_missing_in_period=summary.roles_missing_in_period,
            members=_members(session, period, with_names),
            meetings=tuple(meetings),
            approved_memos=approved_memos,
            plans=_plans(session, period),
            result_cards=_cards(session, period, with_names),
            actions=summary.actions,
        )
