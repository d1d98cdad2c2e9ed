"""What goes out before a meeting: its agenda (esityslista / föredragningslista) and the
invitation to the members, as data for the agenda PDF, the calendar entry and the e-mail draft.

The open actions an agenda lists are those agreed in earlier meetings and open now: the ones
the meeting will follow up, whenever the meeting was created. The invitation goes to the
members whose term covers the meeting's day and who have an e-mail address. Nothing is sent:
the program has no network, and the director sends the draft from their own e-mail program.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import ActionStatus, MeetingStatus, Role
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services import period_scope
from hyvinvointi_app.services.annual_clock import Partner
from hyvinvointi_app.services.guards import get_meeting_row
from hyvinvointi_app.services.members import member_view
from hyvinvointi_app.services.memo_record import name_roles_in
from hyvinvointi_app.services.memo_view import (
    FollowUpView,
    MeetingDetail,
    action_view,
    meeting_detail,
)
from hyvinvointi_app.services.unit import UnitInfo, unit_in
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.identity import identity_in
from hyvinvointi_app.store.models import ActionItem, Meeting, Member, OperatingPeriod


@dataclass(frozen=True, slots=True)
class Recipient:
    """A member the invitation goes to, with the address as an e-mail message carries it."""

    name: str
    email: str


def mail_address(typed: str) -> str | None:
    """``typed`` as an address a message can carry (the domain in its ASCII form:
    "äänekoski.fi" becomes "xn--nekoski-4waa.fi"), or None when it cannot be one (a local
    part outside ASCII, brackets, comments, two dots)."""
    local, at, domain = typed.strip().rpartition("@")
    if not at or not local or not domain or not local.isascii():
        return None
    try:
        domain = domain.encode("idna").decode("ascii")
        spec = Address(addr_spec=f"{local}@{domain}").addr_spec
    except (UnicodeError, ValueError, IndexError, HeaderParseError):
        return None
    return spec if spec == f"{local}@{domain}" else None


@dataclass(frozen=True, slots=True)
class AgendaData:
    """Everything the agenda and the invitation of one meeting say."""

    unit: UnitInfo
    file_identity: str
    """The unit file's identity: a calendar entry's lasting identity is made from it."""
    meeting: MeetingDetail
    open_actions: tuple[FollowUpView, ...]
    """Actions agreed in earlier meetings and open now, earliest due first."""
    recipients: tuple[Recipient, ...]
    """Members in office on the meeting's day who have a usable e-mail address."""
    without_address: tuple[Role, ...]
    """The roles of the members in office on that day who have none."""
    unusable_address: tuple[Role, ...] = ()
    """The roles of those whose address a message cannot carry (to be corrected)."""
    name_roles: tuple[tuple[str, Role], ...] = ()
    """Every member's name with their role, to print roles where a name was typed."""
    partners: Mapping[int, tuple[Partner, ...]] = dataclasses.field(default_factory=dict)
    """By agenda item id: the partners of the annual-clock theme the item handles."""


def _open_actions(session: Session, meeting: Meeting) -> tuple[FollowUpView, ...]:
    earlier = (Meeting.date < meeting.date) | (
        (Meeting.date == meeting.date) & (Meeting.id < meeting.id)
    )
    rows = session.execute(
        select(ActionItem, Meeting)
        .join(Meeting, ActionItem.meeting_id == Meeting.id)
        .where(ActionItem.status == ActionStatus.OPEN, earlier)
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, Meeting.date, ActionItem.id)
    ).all()
    return tuple(
        FollowUpView(0, action_view(session, action), origin.number, origin.date, None, "")
        for action, origin in rows
    )


def agenda_data(db: Database, meeting_id: int) -> AgendaData:
    with db.reading() as session:
        meeting = get_meeting_row(session, meeting_id)
        members = [member_view(m) for m in session.scalars(select(Member).order_by(Member.id))]
        in_office = [m for m in members if not m.erased and m.active_on(meeting.date)]
        in_office.sort(key=lambda m: (list(Role).index(m.role), m.id))
        addresses = {m.id: mail_address(m.email) for m in in_office if m.email.strip()}
        data = AgendaData(
            unit=unit_in(session),
            file_identity=identity_in(session),
            meeting=meeting_detail(session, meeting),
            open_actions=_open_actions(session, meeting),
            recipients=tuple(
                Recipient(" ".join((m.name or "").split()), address)
                for m in in_office
                if (address := addresses.get(m.id)) is not None
            ),
            without_address=tuple(m.role for m in in_office if m.id not in addresses),
            unusable_address=tuple(
                m.role for m in in_office if m.id in addresses and addresses[m.id] is None
            ),
            name_roles=name_roles_in(session),
        )
    return dataclasses.replace(data, partners=_theme_partners(db, data.meeting))


def _theme_partners(db: Database, meeting: MeetingDetail) -> dict[int, tuple[Partner, ...]]:
    """By agenda item: the partners of the annual-clock theme each item handles."""
    found = period_scope.clock_themes_of_items(db, meeting)
    return {item: theme.partners for item, (theme, _period) in found.items() if theme.partners}


@dataclass(frozen=True, slots=True)
class PeriodMeetings:
    period_label: str
    meetings: tuple[AgendaData, ...]


def planned_meetings(db: Database, period_id: int, today: dt.date) -> PeriodMeetings:
    """The period's meetings from ``today`` on whose memo is not yet approved: the meetings
    still ahead, for the director's calendar."""
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        label = period.label
        ids = session.scalars(
            select(Meeting.id)
            .where(
                Meeting.period_id == period_id,
                Meeting.date >= today,
                Meeting.status == MeetingStatus.DRAFT,
            )
            .order_by(Meeting.date, Meeting.number)
        ).all()
    return PeriodMeetings(label, tuple(agenda_data(db, meeting_id) for meeting_id in ids))
