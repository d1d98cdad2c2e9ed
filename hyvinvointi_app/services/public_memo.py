"""The public version of an approved memo: for the guardians' notice board and the unit's web
page, in any of the document languages.

It is made only of an approved memo (its privacy review done at approval), from the memo's
frozen record, and whatever the director chooses it names no one: members by role, a
member's name typed into a text replaced by the role, and identity codes, phone numbers and
e-mail addresses left in a text replaced by a mark. The signature lines are left out, and
nothing else of a member (contact details) is ever printed in a memo.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sqlalchemy import select

from hyvinvointi_app.domain.enums import MeetingStatus, Role
from hyvinvointi_app.domain.errors import MemoNotApproved, NotFound
from hyvinvointi_app.domain.names import replace_names
from hyvinvointi_app.domain.privacy import personal_data
from hyvinvointi_app.services.guards import get_meeting_row
from hyvinvointi_app.services.memo_record import (
    MemoData,
    RecordedAction,
    RecordedPerson,
    memo_data,
)
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import Meeting, OperatingPeriod


def approved_memo(db: Database, meeting_id: int) -> MemoData:
    """The approved memo's record; a memo not approved has no public version."""
    with db.reading() as session:
        if get_meeting_row(session, meeting_id).status is not MeetingStatus.APPROVED:
            raise MemoNotApproved(meeting_id)
    return memo_data(db, meeting_id)


def approved_meetings(db: Database, period_id: int) -> tuple[str, list[int]]:
    """The period's label and its approved meetings in date order: those with a public
    version."""
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        ids = session.scalars(
            select(Meeting.id)
            .where(Meeting.period_id == period_id, Meeting.status == MeetingStatus.APPROVED)
            .order_by(Meeting.date, Meeting.number)
        )
        return period.label, list(ids)


class _Cleaner:
    def __init__(
        self, names: tuple[tuple[str, Role], ...], marker: str, role_text: Callable[[Role], str]
    ) -> None:
        self.names = names
        self.marker = marker
        self.role_text = role_text

    def text(self, value: str) -> str:
        value = replace_names(value, self.names, self.role_text)
        for finding in reversed(personal_data(value)):
            value = value[: finding.start] + self.marker + value[finding.end :]
        return value

    def person(self, ref: RecordedPerson | None) -> RecordedPerson | None:
        return None if ref is None else dataclasses.replace(ref, name=None)

    def action(self, action: RecordedAction) -> RecordedAction:
        return dataclasses.replace(
            action,
            text=self.text(action.text),
            responsible=self.person(action.responsible),
            responsible_text=self.text(action.responsible_text),
        )


def public_record(data: MemoData, *, marker: str, role_text: Callable[[Role], str]) -> MemoData:
    """``data`` as the public may read it: no names (``role_text`` names a role in the
    document's language), no identity code, phone number or e-mail address (each becomes
    ``marker``), no signature lines."""
    clean = _Cleaner(data.name_roles, marker, role_text)
    meeting = data.meeting
    public_meeting = dataclasses.replace(
        meeting,
        place=clean.text(meeting.place),
        chair=clean.person(meeting.chair),
        secretary=clean.person(meeting.secretary),
        approved_by=None,
        attendance=tuple(
            dataclasses.replace(row, member=dataclasses.replace(row.member, name=None))
            for row in meeting.attendance
        ),
        guests=tuple(dataclasses.replace(g, note=clean.text(g.note)) for g in meeting.guests),
        agenda=tuple(
            dataclasses.replace(
                item,
                title=clean.text(item.title),
                plan_name=clean.text(item.plan_name) if item.plan_name else item.plan_name,
                notes=clean.text(item.notes),
                decision=clean.text(item.decision),
                actions=tuple(clean.action(a) for a in item.actions),
                presenter=clean.person(item.presenter),
            )
            for item in meeting.agenda
        ),
        follow_ups=tuple(
            dataclasses.replace(f, action=clean.action(f.action), comment=clean.text(f.comment))
            for f in meeting.follow_ups
        ),
        voices=tuple(dataclasses.replace(v, summary=clean.text(v.summary)) for v in meeting.voices),
        tallies=tuple(
            dataclasses.replace(
                t,
                title_fi=clean.text(t.title_fi),
                title_sv=clean.text(t.title_sv),
                items=tuple(
                    dataclasses.replace(
                        i, text_fi=clean.text(i.text_fi), text_sv=clean.text(i.text_sv)
                    )
                    for i in t.items
                ),
            )
            for t in meeting.tallies
        ),
        distribution=clean.text(meeting.distribution),
        attachments=clean.text(meeting.attachments),
        signatures=False,
    )
    next_meeting = data.next_meeting
    if next_meeting is not None:
        next_meeting = dataclasses.replace(next_meeting, place=clean.text(next_meeting.place))
    return dataclasses.replace(
        data,
        meeting=public_meeting,
        next_meeting=next_meeting,
        other_actions=tuple(clean.action(a) for a in data.other_actions),
        name_roles=(),
    )
