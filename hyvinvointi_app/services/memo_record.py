"""The memo of one meeting as data, and an approved memo as a frozen record.

A draft prints as it stands. An approved memo prints only from the snapshot taken in the
transaction that approved it: the meeting with its actions' statuses, the next meeting as
then known, the unit's name and the members' names, all as at approval. Nothing done later
(an action closed, the next meeting moved, a member renamed) changes what it prints, so two
exports of the same approved memo carry the same text. Reopening keeps the snapshot as a
version (``MemoVersion``), and approving again takes a new one.

Snapshot formats (the ``format`` key; a snapshot without one is format 0):

- **0**, the versions kept on reopening up to schema 3: the meeting alone (``MeetingDetail``
  as JSON). Read with the unit and the members' names of the file as they are now, without
  actions outside agenda items and without the next meeting; statuses as at the approval
  day.
- **1**: ``{"format": 1, "as_at": day, "unit": …, "meeting": …, "next_meeting": …,
  "other_actions": […], "name_roles": [[name, role], …]}``. A field added to these
  dataclasses later gets its default when an older format-1 snapshot lacks it.

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

from hyvinvointi_app.domain.enums import ActionStatus, MeetingStatus, Role
from hyvinvointi_app.domain.errors import MemoRecordUnreadable, NotFound
from hyvinvointi_app.services.meetings import (
    ActionView,
    MeetingDetail,
    action_view,
    get_meeting_row,
    meeting_detail,
)
from hyvinvointi_app.services.unit import UnitInfo, unit_in
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ActionItem, Meeting, Member, MemoVersion

SNAPSHOT_FORMAT = 1
"""The snapshot format this version of the program writes."""


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """The meeting after this one, if it has already been called."""

    number: int
    date: dt.date
    start_time: dt.time | None
    place: str


@dataclass(frozen=True, slots=True)
class MemoData:
    unit: UnitInfo
    meeting: MeetingDetail
    next_meeting: NextMeeting | None
    other_actions: tuple[ActionView, ...] = ()
    """Action items of the meeting not tied to an agenda item."""
    name_roles: tuple[tuple[str, Role], ...] = ()
    """Every member's name with their role, to print roles where a name was typed."""
    as_at: dt.date | None = None
    """The day the actions' statuses are stated as at (overdue or not): the approval day of
    an approved memo; None for a draft, which states them as at the day it is printed."""


def name_roles_in(session: Session) -> tuple[tuple[str, Role], ...]:
    """Members' names (longest first) with their roles: a document without names prints the
    role where a member's name was typed into a free-text field (a plan's owner, say)."""
    pairs = {
        (name.strip(), role)
        for name, role in session.execute(select(Member.name, Member.role))
        if name and name.strip()
    }
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0])))


def _approval_day(meeting: Meeting) -> dt.date | None:
    return meeting.approved_at.astimezone().date() if meeting.approved_at else None


def _as_at(action: ActionView, day: dt.date) -> ActionView:
    """The action as it stood at the end of ``day``: closed later means open then."""
    if action.status is not ActionStatus.OPEN and action.closed_on and action.closed_on > day:
        return dataclasses.replace(action, status=ActionStatus.OPEN, closed_on=None)
    return action


def _detail_as_at(detail: MeetingDetail, day: dt.date) -> MeetingDetail:
    return dataclasses.replace(
        detail,
        agenda=tuple(
            dataclasses.replace(item, actions=tuple(_as_at(a, day) for a in item.actions))
            for item in detail.agenda
        ),
        follow_ups=tuple(
            dataclasses.replace(f, action=_as_at(f.action, day)) for f in detail.follow_ups
        ),
    )


def live_memo(session: Session, meeting: Meeting, as_at: dt.date | None = None) -> MemoData:
    """The memo from the data as it stands; with ``as_at``, actions as at that day."""
    detail = meeting_detail(session, meeting)
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
    other_actions = tuple(action_view(session, a) for a in loose)
    if as_at is not None:
        detail = _detail_as_at(detail, as_at)
        other_actions = tuple(_as_at(a, as_at) for a in other_actions)
    return MemoData(
        unit_in(session), detail, next_meeting, other_actions, name_roles_in(session), as_at
    )


def memo_data(db: Database, meeting_id: int) -> MemoData:
    """What the memo prints: an approved memo from its frozen record, a draft as it stands."""
    with db.reading() as session:
        meeting = get_meeting_row(session, meeting_id)
        if meeting.status is not MeetingStatus.APPROVED:
            return live_memo(session, meeting)
        if meeting.approved_snapshot is None:  # approved before the record existed
            return live_memo(session, meeting, _approval_day(meeting))
        return thaw(session, meeting_id, meeting.approved_snapshot)


def frozen_record(session: Session, meeting: Meeting) -> dict[str, Any]:
    """The snapshot of an approved meeting as it stands now (in the approving transaction)."""
    return freeze(live_memo(session, meeting, _approval_day(meeting)))


def freeze_unfrozen(db: Database) -> int:
    """Freeze the memos approved before the record existed (schema 4); returns how many."""
    with db.transaction() as session:
        rows = session.scalars(
            select(Meeting).where(
                Meeting.status == MeetingStatus.APPROVED, Meeting.approved_snapshot.is_(None)
            )
        ).all()
        for meeting in rows:
            meeting.approved_snapshot = frozen_record(session, meeting)
        return len(rows)


def forget_member(session: Session, member_id: int, name: str | None) -> None:
    """Remove an erased member's name from every kept record (approved memos and their
    versions), in the erasing transaction: the member stays by role, as in the live data."""
    for meeting in session.scalars(select(Meeting).where(Meeting.approved_snapshot.is_not(None))):
        meeting.approved_snapshot = _without_member(meeting.approved_snapshot, member_id, name)
        if name and meeting.approved_by == name:
            meeting.approved_by = None
    for version in session.scalars(select(MemoVersion)):
        version.snapshot = _without_member(version.snapshot, member_id, name)
        if name and version.approved_by == name:
            version.approved_by = None


_MEMBER_KEYS = frozenset({"id", "name", "role"})
"""The keys of a member as a record stores one (``MeetingDetail``'s ``MemberRef``)."""


def _without_member(value: Any, member_id: int, name: str | None) -> Any:
    """A copy of a record's JSON without the member's name (a new object, so that the ORM
    sees the change)."""
    if isinstance(value, list):
        return [_without_member(item, member_id, name) for item in value]
    if not isinstance(value, dict):
        return value
    copy = {key: _without_member(item, member_id, name) for key, item in value.items()}
    if set(copy) == _MEMBER_KEYS and copy["id"] == member_id:
        copy["name"] = None
    if name:
        if copy.get("approved_by") == name:
            copy["approved_by"] = None
        if isinstance(copy.get("name_roles"), list):
            copy["name_roles"] = [pair for pair in copy["name_roles"] if pair[0] != name]
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
    detail = _decode(MeetingDetail, snapshot)
    assert isinstance(detail, MeetingDetail)
    day = detail.approved_at.astimezone().date() if detail.approved_at else None
    return MemoData(unit_in(session), detail, None, (), name_roles_in(session), day)


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
