"""Meetings and their memos: drafting the agenda, the header, attendance and guests.

A new meeting starts from the standing agenda, the annual-clock themes of its month, and a
follow-up item holding every action item still open from earlier meetings. An approved
memo is locked: every change to it goes through :func:`guards.editable_meeting`, which
refuses. The memo's view types live in :mod:`memo_view`, its agenda items in :mod:`agenda`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    AuditAction,
    MeetingStatus,
    Role,
)
from hyvinvointi_app.domain.errors import MemoLocked, NotFound, ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services import audit
from hyvinvointi_app.services.agenda import propose_checkpoint_items
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.services.guards import check_text, editable_meeting, get_meeting_row
from hyvinvointi_app.services.memo_view import GuestView, MeetingDetail, MeetingRow, meeting_detail
from hyvinvointi_app.services.municipal_package import (
    in_language,
    shipped_standing_agenda,
    standing_agenda_in,
)
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    ActionFollowUp,
    ActionItem,
    AgendaItem,
    Attendance,
    Base,
    ClockTheme,
    Guest,
    Meeting,
    Member,
    MemoVersion,
    OperatingPeriod,
    Plan,
    PlanEvaluation,
    ResultCardDiscussion,
    Survey,
    SurveyCount,
    SurveyItem,
    SurveyTally,
    Unit,
    VoiceRecord,
)


@dataclass(frozen=True, slots=True)
class HeaderInput:
    date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    chair_id: int | None = None
    secretary_id: int | None = None


def _draft_agenda(session: Session, meeting: Meeting, language: str) -> list[AgendaItem]:
    """The standing agenda (the municipal package's, else the shipped one) with this month's
    annual-clock themes in place of its theme item."""
    agenda = standing_agenda_in(session) or shipped_standing_agenda()
    themes = session.scalars(
        select(ClockTheme)
        .where(ClockTheme.month == meeting.date.month)
        .order_by(ClockTheme.position, ClockTheme.id)
    ).all()
    plans = session.scalars(
        select(Plan).where(Plan.archived.is_(False)).order_by(Plan.name, Plan.id)
    ).all()
    items: list[AgendaItem] = []
    for kind, titles in agenda:
        if kind is AgendaItemKind.THEME:
            for theme in themes:
                plan = next((p for p in plans if p.type is theme.plan_type), None)
                items.append(
                    AgendaItem(
                        kind=AgendaItemKind.PLAN_EVALUATION if plan else AgendaItemKind.THEME,
                        title=theme.title,
                        theme=theme.title,
                        plan_id=plan.id if plan else None,
                    )
                )
        elif kind is AgendaItemKind.PLAN_EVALUATION:
            continue  # plans enter through the themes that evaluate them
        else:
            items.append(AgendaItem(kind=kind, title=in_language(titles, language)))
    for position, item in enumerate(items, start=1):
        item.position = position
    return items


def _carry_over_open_actions(session: Session, meeting: Meeting) -> None:
    """Give the new meeting a follow-up row for every open action of earlier meetings."""
    earlier = select(Meeting.id).where(
        (Meeting.date < meeting.date) | ((Meeting.date == meeting.date) & (Meeting.id < meeting.id))
    )
    open_actions = session.scalars(
        select(ActionItem)
        .where(ActionItem.status == ActionStatus.OPEN, ActionItem.meeting_id.in_(earlier))
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id)
    )
    for action in open_actions:
        session.add(ActionFollowUp(action_id=action.id, meeting_id=meeting.id))


def next_meeting_number(session: Session, period_id: int) -> int:
    highest = session.scalar(select(func.max(Meeting.number)).where(Meeting.period_id == period_id))
    return (highest or 0) + 1


def propose_meeting_date(db: Database, period_id: int, today: dt.date | None = None) -> dt.date:
    """The next weekday from today inside the period (or the period's first weekday) that has
    no meeting yet; the period's last such day when every later one is taken."""
    today = today or dt.date.today()
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        taken = set(session.scalars(select(Meeting.date).where(Meeting.period_id == period_id)))
        day = min(max(today, period.start_date), period.end_date)
    while day < period.end_date and (day.weekday() >= 5 or day in taken):
        day += dt.timedelta(days=1)
    return day


def new_meeting(
    db: Database,
    period_id: int,
    date: dt.date,
    *,
    start_time: dt.time | None = None,
    place: str = "",
) -> MeetingDetail:
    """Create a draft meeting with its agenda drafted and open actions carried over."""
    with db.transaction() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        if not period.start_date <= date <= period.end_date:
            raise ValidationError("date", "outside_period")
        unit = session.scalar(select(Unit))
        language = unit.working_language.value if unit else "fi"
        meeting = Meeting(
            period_id=period_id,
            number=next_meeting_number(session, period_id),
            date=date,
            start_time=start_time,
            place=check_text("place", place.strip()),
        )
        session.add(meeting)
        session.flush()
        for item in _draft_agenda(session, meeting, language):
            item.meeting_id = meeting.id
            session.add(item)
        for member in session.scalars(select(Member).where(Member.erased_at.is_(None))):
            in_term = (member.term_start is None or member.term_start <= date) and (
                member.term_end is None or member.term_end >= date
            )
            if in_term:
                session.add(
                    Attendance(
                        meeting_id=meeting.id,
                        member_id=member.id,
                        role=member.role,
                        status=AttendanceStatus.PRESENT,
                    )
                )
        _carry_over_open_actions(session, meeting)
        session.flush()
        propose_checkpoint_items(session, meeting, language)
        return meeting_detail(session, meeting)


def update_header(db: Database, meeting_id: int, header: HeaderInput) -> MeetingDetail:
    with db.transaction() as session:
        meeting = editable_meeting(session, meeting_id)
        period = session.get(OperatingPeriod, meeting.period_id)
        assert period is not None
        if not period.start_date <= header.date <= period.end_date:
            raise ValidationError("date", "outside_period")
        if header.start_time and header.end_time and header.end_time < header.start_time:
            raise ValidationError("end_time", "end_before_start")
        for field_name, member_id in (
            ("chair", header.chair_id),
            ("secretary", header.secretary_id),
        ):
            if member_id is not None and session.get(Member, member_id) is None:
                raise ValidationError(field_name, "unknown_member")
        meeting.date = header.date
        meeting.start_time = header.start_time
        meeting.end_time = header.end_time
        meeting.place = check_text("place", header.place.strip())
        meeting.chair_id = header.chair_id
        meeting.secretary_id = header.secretary_id
        session.flush()
        return meeting_detail(session, meeting)


@dataclass(frozen=True, slots=True)
class MinutesInput:
    """What the memo carries besides the meeting's header: distribution, attachments and
    whether it ends with lines to sign."""

    distribution: str = ""
    attachments: str = ""
    signatures: bool = False


def update_minutes_fields(db: Database, meeting_id: int, fields: MinutesInput) -> MeetingDetail:
    with db.transaction() as session:
        meeting = editable_meeting(session, meeting_id)
        meeting.distribution = check_text("distribution", fields.distribution.strip())
        meeting.attachments = check_text("attachments", fields.attachments.strip())
        meeting.signatures = fields.signatures
        session.flush()
        return meeting_detail(session, meeting)


def set_attendance(db: Database, meeting_id: int, member_id: int, status: AttendanceStatus) -> None:
    with db.transaction() as session:
        meeting = editable_meeting(session, meeting_id)
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("member", member_id)
        row = session.scalar(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.member_id == member_id
            )
        )
        if row is None:
            session.add(
                Attendance(
                    meeting_id=meeting.id, member_id=member_id, role=member.role, status=status
                )
            )
        else:
            row.status = AttendanceStatus(status)


def add_guest(db: Database, meeting_id: int, role: Role, note: str = "") -> GuestView:
    with db.transaction() as session:
        editable_meeting(session, meeting_id)
        guest = Guest(meeting_id=meeting_id, role=Role(role), note=check_text("note", note.strip()))
        session.add(guest)
        session.flush()
        return GuestView(guest.id, guest.role, guest.note)


def remove_guest(db: Database, guest_id: int) -> None:
    with db.transaction() as session:
        guest = session.get(Guest, guest_id)
        if guest is None:
            raise NotFound("guest", guest_id)
        editable_meeting(session, guest.meeting_id)
        session.delete(guest)


@dataclass(frozen=True, slots=True)
class MeetingSnapshot:
    """Every row of a deleted meeting, with its ids, so that undo can put it back whole and
    later undo steps still find their rows (see :func:`restore_meeting`)."""

    meeting_id: int
    rows: tuple[tuple[str, dict[str, Any]], ...]
    """(table name, column values) in an order that satisfies the foreign keys."""
    evaluation_links: tuple[tuple[int, int | None, int | None], ...]
    """(plan evaluation id, meeting id, agenda item id) that the delete set to NULL."""

    @property
    def updated_at(self) -> dt.datetime:
        """When the deleted memo had last changed."""
        value: dt.datetime = self.rows[0][1]["updated_at"]
        return value


_SNAPSHOT_MODELS: tuple[type[Base], ...] = (
    Meeting,
    AgendaItem,
    Attendance,
    Guest,
    ActionItem,
    ActionFollowUp,
    VoiceRecord,
    MemoVersion,
    ResultCardDiscussion,
    SurveyTally,
    SurveyCount,
)
_MODEL_BY_TABLE = {model.__tablename__: model for model in _SNAPSHOT_MODELS}


def _values(row: Base) -> dict[str, Any]:
    return {attr.key: getattr(row, attr.key) for attr in sa_inspect(type(row)).column_attrs}


def _snapshot(session: Session, meeting: Meeting) -> MeetingSnapshot:
    item_ids = select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)
    action_ids = select(ActionItem.id).where(ActionItem.meeting_id == meeting.id)
    tally_ids = select(SurveyTally.id).where(SurveyTally.meeting_id == meeting.id)
    children: list[tuple[type[Base], Any]] = [
        (AgendaItem, AgendaItem.meeting_id == meeting.id),
        (Attendance, Attendance.meeting_id == meeting.id),
        (Guest, Guest.meeting_id == meeting.id),
        (ActionItem, ActionItem.meeting_id == meeting.id),
        (
            ActionFollowUp,
            (ActionFollowUp.meeting_id == meeting.id) | ActionFollowUp.action_id.in_(action_ids),
        ),
        (VoiceRecord, VoiceRecord.meeting_id == meeting.id),
        (MemoVersion, MemoVersion.meeting_id == meeting.id),
        (ResultCardDiscussion, ResultCardDiscussion.agenda_item_id.in_(item_ids)),
        (SurveyTally, SurveyTally.meeting_id == meeting.id),
        (SurveyCount, SurveyCount.tally_id.in_(tally_ids)),
    ]
    rows: list[tuple[str, dict[str, Any]]] = [(Meeting.__tablename__, _values(meeting))]
    for model, condition in children:
        for row in session.scalars(select(model).where(condition)):
            rows.append((model.__tablename__, _values(row)))
    links = session.execute(
        select(PlanEvaluation.id, PlanEvaluation.meeting_id, PlanEvaluation.agenda_item_id).where(
            (PlanEvaluation.meeting_id == meeting.id) | PlanEvaluation.agenda_item_id.in_(item_ids)
        )
    ).all()
    evaluation_links = tuple((link[0], link[1], link[2]) for link in links)
    return MeetingSnapshot(meeting.id, tuple(rows), evaluation_links)


def delete_meeting(
    db: Database, meeting_id: int, *, unchanged_since: dt.datetime | None = None
) -> MeetingSnapshot:
    """Delete a draft meeting (an approved memo is a public record and stays); returns what
    was deleted, for :func:`restore_meeting`.

    ``unchanged_since``: refuse (``changed``) if the memo changed after that moment, so that
    undoing “new meeting” never throws away what was typed into the meeting since.
    """
    with db.transaction() as session:
        meeting = get_meeting_row(session, meeting_id)  # not editable_meeting: keep updated_at
        if meeting.status is MeetingStatus.APPROVED:
            raise MemoLocked(meeting_id)
        if unchanged_since is not None and meeting.updated_at != unchanged_since:
            raise ValidationError("meeting", "changed")
        carried = session.scalar(
            select(func.count())
            .select_from(ActionFollowUp)
            .join(ActionItem, ActionFollowUp.action_id == ActionItem.id)
            .where(ActionItem.meeting_id == meeting_id, ActionFollowUp.meeting_id != meeting_id)
        )
        if carried:
            raise ValidationError("meeting", "actions_followed_later")
        snapshot = _snapshot(session, meeting)
        audit.record(
            session,
            AuditAction.MEETING_DELETED,
            f"meeting:{meeting_id}",
            {"number": meeting.number, "date": meeting.date.isoformat()},
        )
        session.delete(meeting)
        return snapshot


def _still_counted(
    session: Session, table: str, values: dict[str, Any], kept_tallies: set[int]
) -> bool:
    """Whether a survey's counts can come back with their meeting: not once the survey, or
    the option counted, was removed while the meeting was deleted (a survey with counts
    cannot be removed, but one whose only meeting was deleted can)."""
    if table == SurveyTally.__tablename__:
        if session.get(Survey, values["survey_id"]) is None:
            return False
        kept_tallies.add(values["id"])
    elif table == SurveyCount.__tablename__:
        return (
            values["tally_id"] in kept_tallies
            and session.get(SurveyItem, values["item_id"]) is not None
        )
    return True


def restore_meeting(db: Database, snapshot: MeetingSnapshot) -> None:
    """Put a deleted meeting back exactly as it was, ids included (the undo of a delete and
    the redo of a new meeting). Refused with ``in_use`` if its id or number was taken since."""
    with db.transaction() as session:
        meeting_values = snapshot.rows[0][1]
        taken = session.scalar(
            select(Meeting.id).where(
                (Meeting.id == snapshot.meeting_id)
                | (
                    (Meeting.period_id == meeting_values["period_id"])
                    & (Meeting.number == meeting_values["number"])
                )
            )
        )
        if taken is not None:
            raise ValidationError("meeting", "in_use")
        kept_tallies: set[int] = set()
        for table, values in snapshot.rows:  # plain inserts: the values are kept as they were
            if not _still_counted(session, table, values, kept_tallies):
                continue
            session.execute(insert(_MODEL_BY_TABLE[table]), [values])
        for evaluation_id, meeting_id, item_id in snapshot.evaluation_links:
            evaluation = session.get(PlanEvaluation, evaluation_id)
            if evaluation is not None:
                evaluation.meeting_id = meeting_id
                evaluation.agenda_item_id = item_id


def list_meetings(db: Database, period_id: int) -> list[MeetingRow]:
    with db.reading() as session:
        present = (
            select(func.count())
            .where(
                Attendance.meeting_id == Meeting.id, Attendance.status == AttendanceStatus.PRESENT
            )
            .scalar_subquery()
        )
        members = select(func.count()).where(Attendance.meeting_id == Meeting.id).scalar_subquery()
        rows = session.execute(
            select(Meeting, present, members)
            .where(Meeting.period_id == period_id)
            .order_by(Meeting.date, Meeting.number)
        )
        return [
            MeetingRow(m.id, m.period_id, m.number, m.date, m.place, m.status, p, n)
            for m, p, n in rows
        ]


def meeting_by_number(db: Database, period_id: int, number: int) -> int:
    with db.reading() as session:
        meeting_id = session.scalar(
            select(Meeting.id).where(Meeting.period_id == period_id, Meeting.number == number)
        )
        if meeting_id is None:
            raise NotFound("meeting", number)
        return meeting_id


def latest_meeting(db: Database, period_id: int | None = None) -> int:
    """The most recent meeting by date (of one period, or of all)."""
    with db.reading() as session:
        query = select(Meeting.id).order_by(Meeting.date.desc(), Meeting.number.desc())
        if period_id is not None:
            query = query.where(Meeting.period_id == period_id)
        meeting_id = session.scalar(query.limit(1))
        if meeting_id is None:
            raise NotFound("meeting", "latest")
        return meeting_id


def get_meeting(db: Database, meeting_id: int) -> MeetingDetail:
    with db.reading() as session:
        return meeting_detail(session, get_meeting_row(session, meeting_id))


# -- the user's actions, each one undo step -------------------------------------------------


def new_meeting_undoably(
    db: Database,
    period_id: int,
    date: dt.date,
    *,
    start_time: dt.time | None = None,
    place: str = "",
) -> Change[MeetingDetail]:
    """A new meeting; its undo deletes it only while nothing was typed into it since."""
    created = new_meeting(db, period_id, date, start_time=start_time, place=place)
    deleted: list[MeetingSnapshot] = []

    def undo() -> None:
        deleted.append(delete_meeting(db, created.id, unchanged_since=created.updated_at))

    return Change(
        N_("new meeting"), created, undo=undo, redo=lambda: restore_meeting(db, deleted.pop())
    )


def delete_meeting_undoably(db: Database, meeting_id: int) -> Change[None]:
    kept = [delete_meeting(db, meeting_id)]

    def redo() -> None:
        kept.append(delete_meeting(db, meeting_id, unchanged_since=kept[-1].updated_at))

    return Change(N_("delete meeting"), None, undo=lambda: restore_meeting(db, kept[-1]), redo=redo)


def header_input(memo: MeetingDetail) -> HeaderInput:
    return HeaderInput(
        memo.date,
        memo.start_time,
        memo.end_time,
        memo.place,
        memo.chair.id if memo.chair else None,
        memo.secretary.id if memo.secretary else None,
    )


def update_header_undoably(
    db: Database, meeting_id: int, header: HeaderInput, label: str = N_("edit meeting details")
) -> Change[MeetingDetail]:
    before = header_input(get_meeting(db, meeting_id))
    return overwritten(
        label, lambda h: update_header(db, meeting_id, h), before, header, header_input
    )


def _minutes_input(memo: MeetingDetail) -> MinutesInput:
    return MinutesInput(memo.distribution, memo.attachments, memo.signatures)


def update_minutes_fields_undoably(
    db: Database, meeting_id: int, fields: MinutesInput
) -> Change[MeetingDetail]:
    return overwritten(
        N_("edit memo details"),
        lambda f: update_minutes_fields(db, meeting_id, f),
        _minutes_input(get_meeting(db, meeting_id)),
        fields,
        _minutes_input,
    )


def set_attendance_undoably(
    db: Database, meeting_id: int, member_id: int, status: AttendanceStatus
) -> Change[None]:
    memo = get_meeting(db, meeting_id)
    before = next(
        (a.status for a in memo.attendance if a.member.id == member_id), AttendanceStatus.PRESENT
    )
    return done(
        N_("mark attendance"),
        lambda: set_attendance(db, meeting_id, member_id, status),
        lambda: set_attendance(db, meeting_id, member_id, before),
    )


def add_guest_undoably(db: Database, meeting_id: int, role: Role, note: str) -> Change[GuestView]:
    """A guest; redo adds it anew (a guest has nothing that refers to its id)."""
    guest = add_guest(db, meeting_id, role, note)
    current = [guest.id]

    def redo() -> None:
        current[0] = add_guest(db, meeting_id, role, note).id

    return Change(N_("add guest"), guest, undo=lambda: remove_guest(db, current[0]), redo=redo)


def remove_guest_undoably(db: Database, meeting_id: int, guest: GuestView) -> Change[None]:
    remove_guest(db, guest.id)
    current = [guest.id]

    def undo() -> None:
        current[0] = add_guest(db, meeting_id, guest.role, guest.note).id

    return Change(N_("remove guest"), None, undo=undo, redo=lambda: remove_guest(db, current[0]))
