"""What every change to the group's records checks first: that a text is not absurdly long,
that a memo is still a draft (an approved memo is locked until it is reopened), and that a
plan about to be removed is not part of the unit's record.

Kept apart from the meetings' own services so that every service can use these guards
without importing how meetings are made.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.domain.errors import MemoLocked, NotFound, ValidationError
from hyvinvointi_app.store.models import AgendaItem, Meeting, PlanEvaluation, ResultCard, utc_now

MAX_TEXT_LENGTH = 200_000
"""Longest text accepted in one field: ten times a very long memo, far below SQLite's limit."""


def check_text(field_name: str, text: str) -> str:
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(field_name, "too_long")
    return text


def get_meeting_row(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("meeting", meeting_id)
    return meeting


def editable_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting, if its memo may be changed; an approved memo must be reopened first.

    Marks the meeting changed, so its ``updated_at`` tells when the memo last changed.
    """
    meeting = get_meeting_row(session, meeting_id)
    if meeting.status is MeetingStatus.APPROVED:
        raise MemoLocked(meeting_id)
    meeting.updated_at = utc_now()
    return meeting


def plan_in_use(session: Session, plan_id: int) -> bool:
    """Whether a plan has been evaluated, is followed by a result card or is named by an
    agenda item: then it is part of the unit's record and is never deleted."""
    return any(
        session.scalar(select(model.id).where(model.plan_id == plan_id).limit(1))
        for model in (PlanEvaluation, ResultCard, AgendaItem)
    )
