"""Approving a memo: the privacy check, the lock, and reopening with a kept version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import AuditAction, MeetingStatus
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.domain.privacy import Finding, scan_fields
from hyvinvointi_app.services import audit, memo_record
from hyvinvointi_app.services.guards import editable_meeting, get_meeting_row
from hyvinvointi_app.services.memo_view import MeetingDetail, meeting_detail
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import Member, MemoVersion, utc_now


class PrivacyReviewNeeded(UserError):
    """The privacy guard found something; the director must fix or confirm each finding.

    ``findings`` are all the memo's findings now; ``unconfirmed`` those not yet confirmed.
    """

    def __init__(self, findings: list[Finding], unconfirmed: list[Finding] | None = None) -> None:
        super().__init__(f"{len(findings)} privacy findings")
        self.findings = findings
        self.unconfirmed = findings if unconfirmed is None else unconfirmed


@dataclass(frozen=True, slots=True)
class MemoVersionView:
    id: int
    approved_at: dt.datetime | None
    approved_by: str | None
    reopened_at: dt.datetime
    reopen_reason: str


def _both(fi: str, sv: str) -> str:
    return "\n".join(text for text in (fi, sv) if text)


def memo_fields(memo: MeetingDetail) -> list[tuple[str, str]]:
    """Every text typed into a memo, each with a key that tells the editor where it is.

    Keys: ``place``, ``distribution``, ``attachments``, ``item:ID:FIELD``, ``action:ID:text``,
    ``action:ID:responsible``, ``follow_up:ID:comment``, ``voice:KIND:summary``,
    ``guest:ID:note``, and the texts of the surveys whose counts the memo prints:
    ``survey:ID:title`` and ``survey_item:ID:text`` (Finnish and Swedish on two lines; they
    are corrected on the Surveys screen).
    """
    fields: list[tuple[str, str]] = [
        ("place", memo.place),
        ("distribution", memo.distribution),
        ("attachments", memo.attachments),
    ]
    for item in memo.agenda:
        for name in ("title", "theme", "notes", "decision"):
            fields.append((f"item:{item.id}:{name}", getattr(item, name)))
        for action in item.actions:
            fields.append((f"action:{action.id}:text", action.text))
            fields.append((f"action:{action.id}:responsible", action.responsible_text))
    for follow_up in memo.follow_ups:
        fields.append((f"follow_up:{follow_up.id}:comment", follow_up.comment))
    for voice in memo.voices:
        fields.append((f"voice:{voice.kind.value}:summary", voice.summary))
    for guest in memo.guests:
        fields.append((f"guest:{guest.id}:note", guest.note))
    for tally in memo.tallies:
        if not tally.tally.respondents:
            continue  # not printed
        survey = tally.survey
        fields.append((f"survey:{survey.id}:title", _both(survey.title.fi, survey.title.sv)))
        for entry in survey.items:
            fields.append((f"survey_item:{entry.id}:text", _both(entry.text.fi, entry.text.sv)))
    return [(key, text) for key, text in fields if text]


def member_names(session: Session) -> list[str]:
    """The names of the unit's members, past ones too: adults of the group, whose names the
    privacy guard never flags (a name erased after a term is no longer there to flag)."""
    return list(session.scalars(select(Member.name).where(Member.name.is_not(None))))


def _findings(session: Session, fields: list[tuple[str, str]]) -> list[Finding]:
    return scan_fields(fields, member_names(session))


@dataclass(frozen=True, slots=True)
class MemoReview:
    """What the privacy review shows: the memo, its texts by field key, and the findings."""

    memo: MeetingDetail
    texts: dict[str, str]
    findings: list[Finding]


def review_memo(db: Database, meeting_id: int) -> MemoReview:
    """The privacy check of one memo, with the texts so that each finding can be shown in
    its surroundings (a finding carries only its own match)."""
    with db.reading() as session:
        memo = meeting_detail(session, get_meeting_row(session, meeting_id))
        fields = memo_fields(memo)
        findings = _findings(session, fields)
    return MemoReview(memo, dict(fields), findings)


def default_approver(memo: MeetingDetail) -> str:
    """Who approves unless the director types another name: the chair, else the login name."""
    if memo.chair is not None and memo.chair.name:
        return memo.chair.name
    return audit.current_actor()


def approve_memo(
    db: Database,
    meeting_id: int,
    *,
    approved_by: str,
    findings_confirmed: bool = False,
    confirmed: Collection[Finding] = (),
    approved_at: dt.datetime | None = None,
) -> MeetingDetail:
    """Lock the memo after the privacy check.

    With findings and without ``findings_confirmed`` nothing changes and
    :class:`PrivacyReviewNeeded` lists them; the director fixes the text or confirms.
    ``confirmed`` confirms only the findings the director has seen: if the text changed
    meanwhile and the check now finds something else, the memo is not approved.
    ``approved_at`` is now unless given (the demo approves its memos days after each meeting).
    """
    if not approved_by.strip():
        raise ValidationError("approved_by", "required")
    with db.transaction() as session:
        meeting = editable_meeting(session, meeting_id)
        findings = _findings(session, memo_fields(meeting_detail(session, meeting)))
        seen = set(confirmed)
        unconfirmed = [finding for finding in findings if finding not in seen]
        if unconfirmed and not findings_confirmed:
            raise PrivacyReviewNeeded(findings, unconfirmed)
        meeting.status = MeetingStatus.APPROVED
        meeting.approved_at = approved_at or utc_now()
        meeting.approved_by = approved_by.strip()
        meeting.privacy_checked = True
        session.flush()
        meeting.approved_snapshot = memo_record.frozen_record(session, meeting)
        audit.record(
            session,
            AuditAction.MEMO_APPROVED,
            f"meeting:{meeting_id}",
            {"number": meeting.number, "findings_confirmed": len(findings)},
        )
        session.flush()
        return meeting_detail(session, meeting)


def reopen_memo(db: Database, meeting_id: int, reason: str) -> MeetingDetail:
    """Unlock an approved memo for editing; its approved text is kept as a version."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("reason", "required")
    with db.transaction() as session:
        meeting = get_meeting_row(session, meeting_id)
        if meeting.status is not MeetingStatus.APPROVED:
            raise ValidationError("meeting", "not_approved")
        snapshot = meeting.approved_snapshot or memo_record.frozen_record(session, meeting)
        version = MemoVersion(
            meeting_id=meeting_id,
            approved_at=meeting.approved_at,
            approved_by=meeting.approved_by,
            reopen_reason=reason,
            snapshot=snapshot,
        )
        session.add(version)
        meeting.status = MeetingStatus.DRAFT
        meeting.approved_at = None
        meeting.approved_by = None
        meeting.approved_snapshot = None
        meeting.privacy_checked = False
        session.flush()
        audit.record(
            session,
            AuditAction.MEMO_REOPENED,
            f"meeting:{meeting_id}",
            {"number": meeting.number, "version_id": version.id},
        )
        return meeting_detail(session, meeting)


def memo_versions(db: Database, meeting_id: int) -> list[MemoVersionView]:
    with db.reading() as session:
        rows = session.scalars(
            select(MemoVersion)
            .where(MemoVersion.meeting_id == meeting_id)
            .order_by(MemoVersion.reopened_at, MemoVersion.id)
        )
        return [
            MemoVersionView(r.id, r.approved_at, r.approved_by, r.reopened_at, r.reopen_reason)
            for r in rows
        ]
