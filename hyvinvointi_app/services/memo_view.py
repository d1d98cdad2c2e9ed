"""The memo as the screens, the documents and the approved versions read it: the view types
(:class:`MeetingDetail` and its parts, :class:`MeetingRow`) and the builders that make them
from the stored rows. Nothing here changes a record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    FollowUpOutcome,
    MeetingStatus,
    Role,
    VoiceKind,
)
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services.municipal_package import shipped_standing_agenda
from hyvinvointi_app.services.surveys import TallyView, tallies_in
from hyvinvointi_app.store.models import (
    ActionFollowUp,
    ActionItem,
    AgendaItem,
    Attendance,
    Guest,
    Meeting,
    Member,
    OperatingPeriod,
    Plan,
    VoiceRecord,
)


@dataclass(frozen=True, slots=True)
class MemberRef:
    """A member as a memo shows them; ``name`` is None once personal details were erased."""

    id: int
    name: str | None
    role: Role


@dataclass(frozen=True, slots=True)
class AttendanceView:
    member: MemberRef
    role: Role
    """The role the member had at this meeting."""
    status: AttendanceStatus


@dataclass(frozen=True, slots=True)
class GuestView:
    id: int
    role: Role
    note: str


@dataclass(frozen=True, slots=True)
class ActionView:
    id: int
    meeting_id: int
    agenda_item_id: int | None
    text: str
    responsible: MemberRef | None
    responsible_text: str
    due_date: dt.date | None
    status: ActionStatus
    closed_on: dt.date | None

    def is_overdue(self, today: dt.date) -> bool:
        return (
            self.status is ActionStatus.OPEN and self.due_date is not None and self.due_date < today
        )


@dataclass(frozen=True, slots=True)
class FollowUpView:
    """A carried-over action item as the follow-up table of a memo shows it."""

    id: int
    action: ActionView
    origin_meeting_number: int
    origin_meeting_date: dt.date
    outcome: FollowUpOutcome | None
    comment: str


@dataclass(frozen=True, slots=True)
class AgendaItemView:
    id: int
    position: int
    kind: AgendaItemKind
    title: str
    theme: str
    plan_id: int | None
    plan_name: str | None
    notes: str
    decision: str
    actions: tuple[ActionView, ...] = ()
    presenter: MemberRef | None = None


@dataclass(frozen=True, slots=True)
class VoiceView:
    kind: VoiceKind
    methods: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A line of the meetings list."""

    id: int
    period_id: int
    number: int
    date: dt.date
    place: str
    status: MeetingStatus
    present_count: int
    member_count: int


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    """Everything a memo holds, for the meeting screen, the PDF and the approved version."""

    id: int
    period_id: int
    period_label: str
    number: int
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    chair: MemberRef | None
    secretary: MemberRef | None
    status: MeetingStatus
    approved_at: dt.datetime | None
    approved_by: str | None
    privacy_checked: bool
    updated_at: dt.datetime
    attendance: tuple[AttendanceView, ...] = ()
    guests: tuple[GuestView, ...] = ()
    agenda: tuple[AgendaItemView, ...] = ()
    follow_ups: tuple[FollowUpView, ...] = ()
    voices: tuple[VoiceView, ...] = field(default=())
    tallies: tuple[TallyView, ...] = ()
    """The surveys' counts recorded in the meeting."""
    distribution: str = ""
    attachments: str = ""
    signatures: bool = False

    def item(self, item_id: int) -> AgendaItemView:
        for agenda_item in self.agenda:
            if agenda_item.id == item_id:
                return agenda_item
        raise NotFound("agenda item", item_id)


FREE_TITLED = frozenset(
    {AgendaItemKind.THEME, AgendaItemKind.PLAN_EVALUATION, AgendaItemKind.CUSTOM}
)
"""Kinds whose title is what the director typed; the others carry the standing agenda's."""


def standing_title(kind: AgendaItemKind, title: str) -> Mapping[str, str] | None:
    """The standing agenda's heading of an item in every language, when the item still has
    it (in any language) or has none: a document prints it in its own language. None when
    the director wrote a title of their own, which prints as typed."""
    if kind in FREE_TITLED:
        return None
    titles = dict(shipped_standing_agenda()).get(kind)
    if titles is None or (title.strip() and title.strip() not in titles.values()):
        return None
    return titles


def member_ref(member: Member | None) -> MemberRef | None:
    return None if member is None else MemberRef(member.id, member.name, member.role)


def action_view(session: Session, action: ActionItem) -> ActionView:
    responsible = session.get(Member, action.responsible_id) if action.responsible_id else None
    return ActionView(
        id=action.id,
        meeting_id=action.meeting_id,
        agenda_item_id=action.agenda_item_id,
        text=action.text,
        responsible=member_ref(responsible),
        responsible_text=action.responsible_text,
        due_date=action.due_date,
        status=action.status,
        closed_on=action.closed_on,
    )


def meeting_detail(session: Session, meeting: Meeting) -> MeetingDetail:
    period = session.get(OperatingPeriod, meeting.period_id)
    assert period is not None
    attendance = session.execute(
        select(Attendance, Member)
        .join(Member, Attendance.member_id == Member.id)
        .where(Attendance.meeting_id == meeting.id)
    ).all()
    plan_names = {plan_id: name for plan_id, name in session.execute(select(Plan.id, Plan.name))}
    members = {m.id: m for m in session.scalars(select(Member))}
    actions = session.scalars(
        select(ActionItem)
        .where(ActionItem.meeting_id == meeting.id)
        .order_by(ActionItem.position, ActionItem.id)
    ).all()
    action_views = [action_view(session, a) for a in actions]
    follow_ups = session.execute(
        select(ActionFollowUp, ActionItem, Meeting)
        .join(ActionItem, ActionFollowUp.action_id == ActionItem.id)
        .join(Meeting, ActionItem.meeting_id == Meeting.id)
        .where(ActionFollowUp.meeting_id == meeting.id)
        .order_by(Meeting.date, ActionItem.position, ActionItem.id)
    ).all()
    voices = session.scalars(
        select(VoiceRecord).where(VoiceRecord.meeting_id == meeting.id).order_by(VoiceRecord.kind)
    ).all()
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    return MeetingDetail(
        id=meeting.id,
        period_id=meeting.period_id,
        period_label=period.label,
        number=meeting.number,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        chair=member_ref(session.get(Member, meeting.chair_id) if meeting.chair_id else None),
        secretary=member_ref(
            session.get(Member, meeting.secretary_id) if meeting.secretary_id else None
        ),
        status=meeting.status,
        approved_at=meeting.approved_at,
        approved_by=meeting.approved_by,
        privacy_checked=meeting.privacy_checked,
        updated_at=meeting.updated_at,
        attendance=tuple(
            AttendanceView(MemberRef(m.id, m.name, m.role), a.role, a.status)
            for a, m in sorted(
                attendance, key=lambda pair: (list(Role).index(pair[0].role), pair[1].id)
            )
        ),
        guests=tuple(
            GuestView(g.id, g.role, g.note)
            for g in session.scalars(
                select(Guest).where(Guest.meeting_id == meeting.id).order_by(Guest.id)
            )
        ),
        agenda=tuple(
            AgendaItemView(
                id=i.id,
                position=i.position,
                kind=i.kind,
                title=i.title,
                theme=i.theme,
                plan_id=i.plan_id,
                plan_name=plan_names.get(i.plan_id) if i.plan_id else None,
                notes=i.notes,
                decision=i.decision,
                actions=tuple(a for a in action_views if a.agenda_item_id == i.id),
                presenter=member_ref(members.get(i.presenter_id) if i.presenter_id else None),
            )
            for i in items
        ),
        follow_ups=tuple(
            FollowUpView(
                id=f.id,
                action=action_view(session, a),
                origin_meeting_number=origin.number,
                origin_meeting_date=origin.date,
                outcome=f.outcome,
                comment=f.comment,
            )
            for f, a, origin in follow_ups
        ),
        voices=tuple(VoiceView(v.kind, tuple(v.methods), v.summary) for v in voices),
        tallies=tallies_in(session, meeting.id),
        distribution=meeting.distribution,
        attachments=meeting.attachments,
        signatures=meeting.signatures,
    )
