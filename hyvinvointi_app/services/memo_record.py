"""The memo of one meeting as data, and an approved memo as a frozen record.

A draft prints as it stands. An approved memo prints only from the snapshot taken in the
transaction that approved it: the meeting with its actions' statuses, the next meeting as
then known, the unit's name and the members' names, all as at approval. Nothing done later
(an action closed, the next meeting moved, a member renamed) changes what it prints, so two
exports of the same approved memo carry the same text. Reopening keeps the snapshot as a
version (``MemoVersion``), and approving again takes a new one.

Snapshot formats (the ``format`` key; a snapshot without one is format 0):

- **0**, the versions kept on reopening up to schema 3: the meeting alone (the JSON of the
  screens' meeting view of that time, times in UTC without a zone). Read key by key into
  :class:`RecordedMeeting`, with the unit and the members' names of the file as they are
  now, without actions outside agenda items and without the next meeting; statuses as at
  the approval day.
- **1**: :class:`MemoData` as JSON: ``{"format": 1, "unit": RecordedUnit, "meeting":
  RecordedMeeting, "next_meeting": …, "other_actions": [RecordedAction…], "name_roles":
  [[name, role], …], "as_at": day}``. The ``Recorded*`` classes below are the format: they
  are the record's own, not the screens' views, and change only with a new format (a field
  added with a default reads from an older snapshot as that default).

A format newer than :data:`SNAPSHOT_FORMAT` was written by a newer version of the program
and is refused (:class:`MemoRecordUnreadable`), as is a snapshot that does not decode.

Memos approved before schema 4 have no snapshot: they print from the data as it stands
with the actions' statuses as at the approval day, and :func:`freeze_unfrozen` freezes them
so when the program first opens the file for writing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

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
from hyvinvointi_app.domain.errors import MemoRecordUnreadable, NotFound
from hyvinvointi_app.domain.names import replace_names
from hyvinvointi_app.services.guards import get_meeting_row
from hyvinvointi_app.services.memo_view import (
    ActionView,
    MeetingDetail,
    MemberRef,
    action_view,
    meeting_detail,
)
from hyvinvointi_app.services.surveys import (
    DEFAULT_MIN_ANSWERS,
    TallyView,
    item_counts,
    min_answers_in,
)
from hyvinvointi_app.services.unit import unit_in
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ActionItem, Meeting, Member, MemoVersion

SNAPSHOT_FORMAT = 1
"""The snapshot format this version of the program writes."""


# -- the record: the memo as it prints, in types of its own ---------------------------------
# These classes are the snapshot format: they change only with SNAPSHOT_FORMAT, never with
# the screens' views (services.meetings), from which a draft's record is made.


@dataclass(frozen=True, slots=True)
class RecordedPerson:
    """A member as the memo knew them (the name is None once erased)."""

    id: int
    name: str | None
    role: Role


@dataclass(frozen=True, slots=True)
class RecordedAction:
    text: str
    responsible: RecordedPerson | None
    responsible_text: str
    due_date: dt.date | None
    status: ActionStatus
    closed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class RecordedFollowUp:
    action: RecordedAction
    origin_meeting_number: int
    origin_meeting_date: dt.date
    outcome: FollowUpOutcome | None
    comment: str


@dataclass(frozen=True, slots=True)
class RecordedItem:
    kind: AgendaItemKind
    title: str
    plan_name: str | None
    notes: str
    decision: str
    actions: tuple[RecordedAction, ...] = ()
    presenter: RecordedPerson | None = None


@dataclass(frozen=True, slots=True)
class RecordedAttendance:
    member: RecordedPerson
    role: Role
    """The role the member sat in at this meeting."""
    status: AttendanceStatus


@dataclass(frozen=True, slots=True)
class RecordedGuest:
    role: Role
    note: str


@dataclass(frozen=True, slots=True)
class RecordedVoice:
    kind: VoiceKind
    methods: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class RecordedSurveyItem:
    text_fi: str
    text_sv: str
    symbol: str
    counts: tuple[int, ...]
    """A children's option: (how many chose it,); a guardians' statement: the counts of
    the answers 1–5."""


@dataclass(frozen=True, slots=True)
class RecordedTally:
    """What the meeting counted of one survey, with the survey's texts as they were."""

    survey_id: int
    kind: VoiceKind
    title_fi: str
    title_sv: str
    groups: int | None
    respondents: int
    min_answers: int
    """Results answered by fewer print no counts (the unit's setting at the time)."""
    items: tuple[RecordedSurveyItem, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordedMeeting:
    number: int
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str
    period_label: str
    chair: RecordedPerson | None
    secretary: RecordedPerson | None
    status: MeetingStatus
    approved_at: dt.datetime | None
    approved_by: str | None
    privacy_checked: bool
    attendance: tuple[RecordedAttendance, ...] = ()
    guests: tuple[RecordedGuest, ...] = ()
    agenda: tuple[RecordedItem, ...] = ()
    follow_ups: tuple[RecordedFollowUp, ...] = ()
    voices: tuple[RecordedVoice, ...] = ()
    tallies: tuple[RecordedTally, ...] = ()
    distribution: str = ""
    attachments: str = ""
    signatures: bool = False


@dataclass(frozen=True, slots=True)
class RecordedUnit:
    name_fi: str
    name_sv: str
    municipality: str


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """The meeting after this one, if it has already been called."""

    number: int
    date: dt.date
    start_time: dt.time | None
    place: str


@dataclass(frozen=True, slots=True)
class MemoData:
    """Everything the memo prints: the record of an approved memo, or a draft as it stands."""

    unit: RecordedUnit
    meeting: RecordedMeeting
    next_meeting: NextMeeting | None
    other_actions: tuple[RecordedAction, ...] = ()
    """Action items of the meeting not tied to an agenda item."""
    name_roles: tuple[tuple[str, Role], ...] = ()
    """Every member's name with their role, to print roles where a name was typed."""
    as_at: dt.date | None = None
    """The day the actions' statuses are stated as at (overdue or not): the approval day of
    an approved memo; None for a draft, which states them as at the day it is printed."""


def _person(ref: MemberRef | None) -> RecordedPerson | None:
    return None if ref is None else RecordedPerson(ref.id, ref.name, ref.role)


def _action(view: ActionView, as_at: dt.date | None) -> RecordedAction:
    """The action as the memo states it; with ``as_at``, as it stood at the end of that day
    (closed later means open then)."""
    status, closed_on = view.status, view.closed_on
    if as_at is not None and status is not ActionStatus.OPEN and closed_on and closed_on > as_at:
        status, closed_on = ActionStatus.OPEN, None
    return RecordedAction(
        view.text,
        _person(view.responsible),
        view.responsible_text,
        view.due_date,
        status,
        closed_on,
    )


def recorded_tally(view: TallyView, min_answers: int) -> RecordedTally:
    return RecordedTally(
        survey_id=view.survey.id,
        kind=view.survey.kind,
        title_fi=view.survey.title.fi,
        title_sv=view.survey.title.sv,
        groups=view.tally.groups,
        respondents=view.tally.respondents,
        min_answers=min_answers,
        items=tuple(
            RecordedSurveyItem(
                item.text.fi,
                item.text.sv,
                item.symbol,
                item_counts(view.survey.kind, view.tally, item.id),
            )
            for item in view.survey.items
        ),
    )


def _recorded_meeting(
    detail: MeetingDetail, as_at: dt.date | None = None, min_answers: int = DEFAULT_MIN_ANSWERS
) -> RecordedMeeting:
    """The record of a meeting as the screens' view shows it."""
    return RecordedMeeting(
        number=detail.number,
        date=detail.date,
        start_time=detail.start_time,
        end_time=detail.end_time,
        place=detail.place,
        period_label=detail.period_label,
        chair=_person(detail.chair),
        secretary=_person(detail.secretary),
        status=detail.status,
        approved_at=detail.approved_at,
        approved_by=detail.approved_by,
        privacy_checked=detail.privacy_checked,
        attendance=tuple(
            RecordedAttendance(
                RecordedPerson(a.member.id, a.member.name, a.member.role), a.role, a.status
            )
            for a in detail.attendance
        ),
        guests=tuple(RecordedGuest(g.role, g.note) for g in detail.guests),
        agenda=tuple(
            RecordedItem(
                i.kind,
                i.title,
                i.plan_name,
                i.notes,
                i.decision,
                tuple(_action(a, as_at) for a in i.actions),
                _person(i.presenter),
            )
            for i in detail.agenda
        ),
        follow_ups=tuple(
            RecordedFollowUp(
                _action(f.action, as_at),
                f.origin_meeting_number,
                f.origin_meeting_date,
                f.outcome,
                f.comment,
            )
            for f in detail.follow_ups
        ),
        voices=tuple(RecordedVoice(v.kind, tuple(v.methods), v.summary) for v in detail.voices),
        tallies=tuple(recorded_tally(t, min_answers) for t in detail.tallies),
        distribution=detail.distribution,
        attachments=detail.attachments,
        signatures=detail.signatures,
    )


def _unit(session: Session) -> RecordedUnit:
    info = unit_in(session)
    return RecordedUnit(info.name_fi, info.name_sv, info.municipality)


def name_roles_in(session: Session) -> tuple[tuple[str, Role], ...]:
    """Members' names (longest first) with their roles: a document without names prints the
    role where a member's name was typed into a free-text field (a plan's owner, say)."""
    pairs = {
        (name.strip(), role)
        for name, role in session.execute(select(Member.name, Member.role))
        if name and name.strip()
    }
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0])))


def _approval_day(approved_at: dt.datetime | None) -> dt.date | None:
    """The local day of an approval (stored in UTC)."""
    return approved_at.astimezone().date() if approved_at else None


def live_memo(session: Session, meeting: Meeting, as_at: dt.date | None = None) -> MemoData:
    """The memo from the data as it stands; with ``as_at``, actions as at that day."""
    following = session.scalars(
        select(Meeting)
        .where(
            (Meeting.date > meeting.date)
            | ((Meeting.date == meeting.date) & (Meeting.id > meeting.id))
        )
        .order_by(Meeting.date, Meeting.id)
        .limit(1)
    ).first()
    next_meeting = (
        NextMeeting(following.number, following.date, following.start_time, following.place)
        if following is not None
        else None
    )
    loose = session.scalars(
        select(ActionItem)
        .where(ActionItem.meeting_id == meeting.id, ActionItem.agenda_item_id.is_(None))
        .order_by(ActionItem.position, ActionItem.id)
    ).all()
    return MemoData(
        _unit(session),
        _recorded_meeting(meeting_detail(session, meeting), as_at, min_answers_in(session)),
        next_meeting,
        tuple(_action(action_view(session, a), as_at) for a in loose),
        name_roles_in(session),
        as_at,
    )


def memo_data(db: Database, meeting_id: int) -> MemoData:
    """What the memo prints: an approved memo from its frozen record, a draft as it stands."""
    with db.reading() as session:
        meeting = get_meeting_row(session, meeting_id)
        if meeting.status is not MeetingStatus.APPROVED:
            return live_memo(session, meeting)
        if meeting.approved_snapshot is None:  # approved before the record existed
            return live_memo(session, meeting, _approval_day(meeting.approved_at))
        return thaw(session, meeting_id, meeting.approved_snapshot)


def frozen_record(session: Session, meeting: Meeting) -> dict[str, Any]:
    """The snapshot of an approved meeting as it stands now (in the approving transaction)."""
    return freeze(live_memo(session, meeting, _approval_day(meeting.approved_at)))


def freeze_unfrozen(db: Database) -> int:
    """Freeze the memos approved before the record existed (schema 4); returns how many.
    Only reads when there is none (every opening asks: a write would cost a sync)."""
    unfrozen = select(Meeting).where(
        Meeting.status == MeetingStatus.APPROVED, Meeting.approved_snapshot.is_(None)
    )
    with db.reading() as session:
        if session.scalar(unfrozen.with_only_columns(Meeting.id).limit(1)) is None:
            return 0
    with db.transaction() as session:
        rows = session.scalars(unfrozen).all()
        for meeting in rows:
            meeting.approved_snapshot = frozen_record(session, meeting)
        return len(rows)


def forget_member(session: Session, member_id: int, name: str | None, role: Role) -> None:
    """Remove an erased member's name from every kept record (approved memos and their
    versions), in the erasing transaction: the member stays by role, as in the live data,
    and where the name was typed into a text of the record (in any of its forms, see
    :mod:`hyvinvointi_app.domain.names`) the role in the unit's language takes its place,
    so that no later document, the public version included, can print it."""
    role_text = ""
    if name:  # the catalogs load here, not when the first screen shows
        from hyvinvointi_app.i18n.labels import label
        from hyvinvointi_app.i18n.translator import translator_for

        language = unit_in(session).working_language.value
        role_text = label(role, translator_for(language if language in ("fi", "sv") else "fi"))
    for meeting in session.scalars(select(Meeting).where(Meeting.approved_snapshot.is_not(None))):
        meeting.approved_snapshot = _without_member(
            meeting.approved_snapshot, member_id, name, role_text
        )
        if name and meeting.approved_by == name:
            meeting.approved_by = None
    for version in session.scalars(select(MemoVersion)):
        version.snapshot = _without_member(version.snapshot, member_id, name, role_text)
        if name and version.approved_by == name:
            version.approved_by = None


_MEMBER_KEYS = frozenset({"id", "name", "role"})
"""The keys of a member as a record stores one (:class:`RecordedPerson`)."""
_NAMES_AS_STORED = frozenset({"approved_by", "name_roles"})
"""Keys whose strings are names (other members' too), handled whole, never rewritten."""


def _without_member(value: Any, member_id: int, name: str | None, role_text: str) -> Any:
    """A copy of a record's JSON without the member's name (a new object, so that the ORM
    sees the change)."""
    if isinstance(value, str):
        return replace_names(value, [(name, role_text)], str) if name else value
    if isinstance(value, list):
        return [_without_member(item, member_id, name, role_text) for item in value]
    if not isinstance(value, dict):
        return value
    if isinstance(value.get("name_roles"), list) and name:
        value = {**value, "name_roles": [p for p in value["name_roles"] if p[0] != name]}
    person = set(value) == _MEMBER_KEYS
    copy = {
        key: (
            item
            if key in _NAMES_AS_STORED or (person and key == "name")
            else _without_member(item, member_id, name, role_text)
        )
        for key, item in value.items()
    }
    if person and copy["id"] == member_id:
        copy["name"] = None
    if name and copy.get("approved_by") == name:
        copy["approved_by"] = None
    return copy


def version_memo(db: Database, version_id: int) -> MemoData:
    """A kept version of a memo (the memo as it was approved before it was reopened)."""
    with db.reading() as session:
        version = session.get(MemoVersion, version_id)
        if version is None:
            raise NotFound("memo version", version_id)
        return thaw(session, version.meeting_id, version.snapshot)


# -- the snapshot's JSON -------------------------------------------------------------------


def freeze(data: MemoData) -> dict[str, Any]:
    """``data`` as JSON of the current format."""
    result = _encode(data)
    assert isinstance(result, dict)
    return {"format": SNAPSHOT_FORMAT, **result}


def thaw(session: Session, meeting_id: int, snapshot: dict[str, Any]) -> MemoData:
    """A snapshot of any released format as :class:`MemoData`."""
    version = snapshot.get("format", 0) if isinstance(snapshot, dict) else None
    if isinstance(version, int) and version > SNAPSHOT_FORMAT:
        raise MemoRecordUnreadable(meeting_id, too_new=True)
    try:
        if version == 0:
            return _thaw_format_0(session, snapshot)
        if version == 1:
            fields = {k: v for k, v in snapshot.items() if k != "format"}
            data = _decode(MemoData, fields)
            assert isinstance(data, MemoData)
            return data
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MemoRecordUnreadable(meeting_id, too_new=False) from error
    raise MemoRecordUnreadable(meeting_id, too_new=False)


def _thaw_format_0(session: Session, snapshot: dict[str, Any]) -> MemoData:
    """Format 0 is the JSON of the screens' meeting view of schema 1–3 (``MeetingDetail``
    then): read key by key into the record, so that a later change of the view cannot change
    how it reads. Its times were stored without a zone, in UTC."""
    meeting = _decode(RecordedMeeting, snapshot)  # the same field names, by design of format 1
    assert isinstance(meeting, RecordedMeeting)
    day = _approval_day(meeting.approved_at)
    return MemoData(_unit(session), meeting, None, (), name_roles_in(session), day)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any) -> Any:
    """``value`` (JSON) as type ``tp``: dataclasses, tuples, optionals, enums, dates."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return _decode(inner, value)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        if len(args) != len(value):
            raise ValueError("tuple length")
        return tuple(_decode(arg, v) for arg, v in zip(args, value, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(
            **{
                f.name: _decode(hints[f.name], value[f.name])
                for f in dataclasses.fields(tp)
                if f.name in value
            }
        )
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value)
    for kind in (dt.datetime, dt.date, dt.time):
        if tp is kind:
            if not isinstance(value, str):
                raise TypeError(kind.__name__)
            parsed = kind.fromisoformat(value)
            if isinstance(parsed, dt.datetime) and parsed.tzinfo is None:
                return parsed.replace(tzinfo=dt.UTC)  # stored times are UTC (older ones naive)
            return parsed
    if tp in (str, int, bool, float):
        if not isinstance(value, tp):
            raise TypeError(tp.__name__)
        return value
    raise TypeError(f"cannot decode {tp!r}")
