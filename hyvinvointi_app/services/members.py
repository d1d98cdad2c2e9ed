"""Members of the group: adults in a role. Personal details are kept minimal and erasable."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import AuditAction, Role, expected_needs
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.collation import sort_key
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services import audit, memo_record
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    ActionItem,
    Attendance,
    Checkpoint,
    Meeting,
    Member,
    OperatingPeriod,
    Unit,
    utc_now,
)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")


@dataclass(frozen=True, slots=True)
class MemberInput:
    name: str
    role: Role
    organisation: str = ""
    email: str = ""
    phone: str = ""
    term_start: dt.date | None = None
    term_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class MemberView:
    id: int
    name: str | None
    """None once the personal details have been erased; show the role instead."""
    role: Role
    organisation: str
    email: str
    phone: str
    term_start: dt.date | None
    term_end: dt.date | None
    erased: bool

    def active_on(self, day: dt.date) -> bool:
        return (self.term_start is None or self.term_start <= day) and (
            self.term_end is None or self.term_end >= day
        )

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return (self.term_start is None or self.term_start <= end) and (
            self.term_end is None or self.term_end >= start
        )


def member_view(member: Member) -> MemberView:
    return MemberView(
        id=member.id,
        name=member.name,
        role=member.role,
        organisation=member.organisation,
        email=member.email or "",
        phone=member.phone or "",
        term_start=member.term_start,
        term_end=member.term_end,
        erased=member.erased_at is not None,
    )


def validate_member(data: MemberInput) -> MemberInput:
    """Return the input trimmed, or raise :class:`ValidationError` naming the field."""
    name = data.name.strip()
    if not name:
        raise ValidationError("name", "required")
    if len(name) > 200:
        raise ValidationError("name", "too_long")
    try:
        role = Role(data.role)
    except ValueError as error:
        raise ValidationError("role", "unknown") from error
    email = data.email.strip()
    if email and not _EMAIL.match(email):
        raise ValidationError("email", "format")
    phone = data.phone.strip()
    if phone and not _PHONE.match(phone):
        raise ValidationError("phone", "format")
    if data.term_start and data.term_end and data.term_end < data.term_start:
        raise ValidationError("term_end", "end_before_start")
    return MemberInput(
        name, role, data.organisation.strip(), email, phone, data.term_start, data.term_end
    )


def _get(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("member", member_id)
    return member


def add_member(db: Database, data: MemberInput) -> MemberView:
    data = validate_member(data)
    with db.transaction() as session:
        member = Member(
            name=data.name,
            role=data.role,
            organisation=data.organisation,
            email=data.email or None,
            phone=data.phone or None,
            term_start=data.term_start,
            term_end=data.term_end,
        )
        session.add(member)
        session.flush()
        return member_view(member)


def edit_member(db: Database, member_id: int, data: MemberInput) -> MemberView:
    data = validate_member(data)
    with db.transaction() as session:
        member = _get(session, member_id)
        if member.erased_at is not None:
            raise ValidationError("name", "erased")
        member.name = data.name
        member.role = data.role
        member.organisation = data.organisation
        member.email = data.email or None
        member.phone = data.phone or None
        member.term_start = data.term_start
        member.term_end = data.term_end
        return member_view(member)


def end_term(db: Database, member_id: int, on: dt.date | None = None) -> MemberView:
    """End a member's term (today by default); the member stays in old memos."""
    on = on or dt.date.today()
    with db.transaction() as session:
        member = _get(session, member_id)
        if member.term_start and on < member.term_start:
            raise ValidationError("term_end", "end_before_start")
        member.term_end = on
        return member_view(member)


def erase_personal_details(
    db: Database, member_id: int, today: dt.date | None = None
) -> MemberView:
    """Remove a former member's name and contact details; the role stays in old memos.

    Only a member whose term has ended can be erased, so that a current member does not
    vanish from the group by mistake.
    """
    today = today or dt.date.today()
    with db.transaction() as session:
        member = _get(session, member_id)
        if member.term_end is None or member.term_end > today:
            raise ValidationError("term_end", "term_not_ended")
        memo_record.forget_member(session, member.id, member.name, member.role)
        member.name = None
        member.email = None
        member.phone = None
        member.organisation = ""
        member.erased_at = utc_now()
        audit.record(
            session,
            AuditAction.PERSONAL_DETAILS_ERASED,
            f"member:{member_id}",
            {"role": member.role.value},
        )
        return member_view(member)


def list_members(db: Database, *, include_former: bool = True) -> list[MemberView]:
    """Members in Finnish/Swedish alphabetical order; erased ones last, by role."""
    today = dt.date.today()
    with db.reading() as session:
        views = [member_view(m) for m in session.scalars(select(Member))]
    if not include_former:
        views = [v for v in views if v.active_on(today)]
    return sorted(views, key=lambda v: (v.name is None, sort_key(v.name or ""), v.id))


def members_in_period(db: Database, start: dt.date, end: dt.date) -> list[MemberView]:
    """Members whose term overlaps the period, in alphabetical order."""
    return [m for m in list_members(db) if m.overlaps(start, end)]


def get_member(db: Database, member_id: int) -> MemberView:
    with db.reading() as session:
        return member_view(_get(session, member_id))


def member_input(view: MemberView) -> MemberInput:
    """The editable values of a member as they are now (for undoing an edit or an erasure)."""
    return MemberInput(
        view.name or "",
        view.role,
        view.organisation,
        view.email,
        view.phone,
        view.term_start,
        view.term_end,
    )


def _is_referenced(session: Session, member_id: int) -> bool:
    checks = (
        select(Attendance.id).where(Attendance.member_id == member_id),
        select(ActionItem.id).where(ActionItem.responsible_id == member_id),
        select(Checkpoint.id).where(Checkpoint.responsible_id == member_id),
        select(Meeting.id).where(
            or_(Meeting.chair_id == member_id, Meeting.secretary_id == member_id)
        ),
    )
    return any(session.scalar(check.limit(1)) is not None for check in checks)


def remove_member(db: Database, member_id: int) -> None:
    """Remove a member that nothing refers to: the inverse of :func:`add_member`, for undo.

    A member who attended a meeting, chaired it, wrote its memo or is responsible for an
    action or a checkpoint belongs to the group's record and is never removed; end the term
    and erase the personal details instead.
    """
    with db.transaction() as session:
        member = _get(session, member_id)
        if _is_referenced(session, member_id):
            raise ValidationError("member", "in_use")
        session.delete(member)


def restore_member(db: Database, view: MemberView) -> MemberView:
    """Put a removed member back with the same id, so that older undo steps still find it."""
    with db.transaction() as session:
        if session.get(Member, view.id) is not None:
            raise ValidationError("member", "in_use")
        member = Member(
            id=view.id,
            name=view.name,
            role=view.role,
            organisation=view.organisation,
            email=view.email or None,
            phone=view.phone or None,
            term_start=view.term_start,
            term_end=view.term_end,
            erased_at=utc_now() if view.erased else None,
        )
        session.add(member)
        session.flush()
        return member_view(member)


def restore_personal_details(db: Database, member_id: int, data: MemberInput) -> MemberView:
    """Undo an erasure: the name, organisation and contact details come back.

    The restoration is logged like the erasure, so the audit log tells the whole story.
    """
    data = validate_member(data)
    with db.transaction() as session:
        member = _get(session, member_id)
        was_erased = member.erased_at is not None
        member.name = data.name
        member.role = data.role
        member.organisation = data.organisation
        member.email = data.email or None
        member.phone = data.phone or None
        member.term_start = data.term_start
        member.term_end = data.term_end
        member.erased_at = None
        if was_erased:
            audit.record(
                session,
                AuditAction.PERSONAL_DETAILS_RESTORED,
                f"member:{member_id}",
                {"role": member.role.value},
            )
        return member_view(member)


@dataclass(frozen=True, slots=True)
class RoleNeed:
    """An expected role of the group and the members who fill it; any of ``roles`` will do
    (a school social worker or a psychologist covers the same need)."""

    roles: tuple[Role, ...]
    members: tuple[MemberView, ...]

    @property
    def filled(self) -> bool:
        return bool(self.members)


def role_coverage(db: Database, period_id: int, today: dt.date | None = None) -> list[RoleNeed]:
    """Which expected roles are filled for the rest of an operating period.

    A member counts if their term reaches into the period from ``today`` on (from the start
    of a period that has not begun, on its last day for one that is over): a member whose
    term has ended no longer fills the role, one who starts later in the period does.
    The needs are those of :func:`hyvinvointi_app.domain.enums.expected_needs`.
    """
    today = today or dt.date.today()
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        start, end = period.start_date, period.end_date
        unit = session.scalar(select(Unit))
        has_pre_primary = bool(unit and unit.has_pre_primary)
    from_day = min(max(today, start), end)
    serving = [m for m in list_members(db) if not m.erased and m.overlaps(from_day, end)]
    return [
        RoleNeed(roles, tuple(m for m in serving if m.role in roles))
        for roles in expected_needs(has_pre_primary=has_pre_primary)
    ]


# -- the user's actions, each one undo step -------------------------------------------------


def add_member_undoably(db: Database, data: MemberInput) -> Change[MemberView]:
    added = add_member(db, data)
    return Change(
        N_("add member"),
        added,
        undo=lambda: remove_member(db, added.id),
        redo=lambda: restore_member(db, added),
    )


def edit_member_undoably(db: Database, member_id: int, data: MemberInput) -> Change[MemberView]:
    before = member_input(get_member(db, member_id))
    return overwritten(
        N_("edit member"), lambda d: edit_member(db, member_id, d), before, data, member_input
    )


def end_term_undoably(db: Database, member_id: int, on: dt.date) -> Change[MemberView]:
    before = member_input(get_member(db, member_id))
    return done(
        N_("end term"),
        lambda: end_term(db, member_id, on),
        lambda: edit_member(db, member_id, before),
    )


def erase_personal_details_undoably(db: Database, member_id: int) -> Change[MemberView]:
    before = member_input(get_member(db, member_id))
    return done(
        N_("erase personal details"),
        lambda: erase_personal_details(db, member_id),
        lambda: restore_personal_details(db, member_id, before),
    )
