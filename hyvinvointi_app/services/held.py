"""Which meetings count as held and which one is next: the one rule behind every figure that
counts meetings (the Overview, the Meetings screen, the annual report, the coordinator bundle).

A meeting is **held** when it is dated today or earlier and either its memo is approved, or
it has taken place with something in its memo: at least one member marked present (or a
guest recorded) and some text written (notes or a decision on an agenda item, an action item
agreed, a carried-over action's outcome or comment, children's or guardians' views, a
survey's counts), and it
is closed (its end time recorded) or dated before today. A meeting in progress thus counts once
it is closed, and one the director forgot to close counts from the next day on.

A draft with nothing written never counts, even past its date and even with an end time (the
end time may have been typed in advance, for the invitation). Nothing dated after today
counts, whatever its status: the date says when the meeting happens, so a memo approved or
closed ahead of its date counts from that date on.

The **planned** meetings are those dated today or later that are neither held nor approved;
the first of them by date and number is the **next meeting**. A past draft that is not held
is neither held nor planned.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import AttendanceStatus, MeetingStatus
from hyvinvointi_app.store.models import (
    ActionFollowUp,
    ActionItem,
    AgendaItem,
    Attendance,
    Guest,
    Meeting,
    SurveyTally,
    VoiceRecord,
)

_BLANKS = " \t\r\n"


def _written(column: SQLColumnExpression[str]) -> ColumnElement[bool]:
    return func.trim(column, _BLANKS) != ""


def _somebody_present() -> ColumnElement[bool]:
    return or_(
        select(Attendance.id)
        .where(Attendance.meeting_id == Meeting.id, Attendance.status == AttendanceStatus.PRESENT)
        .exists(),
        select(Guest.id).where(Guest.meeting_id == Meeting.id).exists(),
    )


def _something_written() -> ColumnElement[bool]:
    return or_(
        select(AgendaItem.id)
        .where(
            AgendaItem.meeting_id == Meeting.id,
            or_(_written(AgendaItem.notes), _written(AgendaItem.decision)),
        )
        .exists(),
        select(ActionItem.id).where(ActionItem.meeting_id == Meeting.id).exists(),
        select(ActionFollowUp.id)
        .where(
            ActionFollowUp.meeting_id == Meeting.id,
            or_(ActionFollowUp.outcome.is_not(None), _written(ActionFollowUp.comment)),
        )
        .exists(),
        select(VoiceRecord.id)
        .where(VoiceRecord.meeting_id == Meeting.id, _written(VoiceRecord.summary))
        .exists(),
        select(SurveyTally.id)
        .where(SurveyTally.meeting_id == Meeting.id, SurveyTally.respondents > 0)
        .exists(),
    )


def held_condition(today: dt.date) -> ColumnElement[bool]:
    """The rule of the module docstring as a condition on :class:`Meeting` rows."""
    return and_(
        Meeting.date <= today,
        or_(
            Meeting.status == MeetingStatus.APPROVED,
            and_(
                or_(Meeting.end_time.is_not(None), Meeting.date < today),
                _somebody_present(),
                _something_written(),
            ),
        ),
    )


def planned_condition(today: dt.date) -> ColumnElement[bool]:
    """Dated today or later, not held and not approved: still to be held."""
    return and_(
        Meeting.date >= today,
        Meeting.status != MeetingStatus.APPROVED,
        not_(held_condition(today)),
    )


def planned_meeting_ids(session: Session, period_id: int, today: dt.date) -> tuple[int, ...]:
    """The period's planned meetings in date order; the first is the next meeting."""
    return tuple(
        session.scalars(
            select(Meeting.id)
            .where(Meeting.period_id == period_id, planned_condition(today))
            .order_by(Meeting.date, Meeting.number)
        )
    )
