"""Approval with the findings the director has seen, the review data, the default approver."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import AuditAction, MeetingStatus, Role
from hyvinvointi_app.domain.privacy import FindingKind
from hyvinvointi_app.services import agenda, approval, audit, meetings, members, memo_view, periods
from hyvinvointi_app.services.meetings import HeaderInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def memo(db: Database) -> memo_view.MeetingDetail:
    period = periods.add_period(db, today=TODAY)
    return meetings.new_meeting(db, period.id, dt.date(2026, 11, 25))


def test_review_gives_each_finding_with_its_text(
    db: Database, memo: memo_view.MeetingDetail
) -> None:
    item = memo.agenda[2].id
    text = "Tunnus 131052-308T ja väärä 131052-308U."
    agenda.set_item_text(db, item, "notes", text)
    review = approval.review_memo(db, memo.id)
    assert [(f.kind, f.field, f.match) for f in review.findings] == [
        (FindingKind.IDENTITY_CODE, f"item:{item}:notes", "131052-308T")
    ]
    finding = review.findings[0]
    assert review.texts[finding.field][finding.start : finding.end] == "131052-308T"
    assert review.memo.id == memo.id


def test_only_the_confirmed_findings_allow_approval(
    db: Database, memo: memo_view.MeetingDetail
) -> None:
    item = memo.agenda[0].id
    agenda.set_item_text(db, item, "notes", "Yhteystiedot: info@example.fi")
    seen = approval.review_memo(db, memo.id).findings
    # the text changes after the director looked: a new finding is not confirmed by the old
    agenda.set_item_text(db, item, "decision", "Soitetaan numeroon 040 123 4567.")
    with pytest.raises(approval.PrivacyReviewNeeded) as caught:
        approval.approve_memo(db, memo.id, approved_by="Aino", confirmed=seen)
    assert [f.kind for f in caught.value.unconfirmed] == [FindingKind.PHONE]
    assert len(caught.value.findings) == 2
    assert meetings.get_meeting(db, memo.id).status is MeetingStatus.DRAFT

    everything = approval.review_memo(db, memo.id).findings
    approved = approval.approve_memo(db, memo.id, approved_by=" Aino ", confirmed=everything)
    assert approved.status is MeetingStatus.APPROVED and approved.approved_by == "Aino"
    entry = audit.entries(db)[-1]
    assert entry.action is AuditAction.MEMO_APPROVED
    assert entry.details["findings_confirmed"] == 2
    assert "example" not in repr(audit.entries(db))


def test_default_approver_is_the_chair_or_the_login(
    db: Database, memo: memo_view.MeetingDetail, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "current_actor", lambda: "aino.login")
    assert approval.default_approver(memo) == "aino.login"
    chair = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    detail = meetings.update_header(db, memo.id, HeaderInput(memo.date, chair_id=chair.id))
    assert approval.default_approver(detail) == "Aino Ahonen"


def test_the_distribution_and_attachments_are_checked_too(
    db: Database, memo: memo_view.MeetingDetail
) -> None:
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))  # her name is no finding
    meetings.update_minutes_fields(
        db, memo.id, meetings.MinutesInput("Aino, 040 123 4567", "Liite: 131052-308T", True)
    )
    review = approval.review_memo(db, memo.id)
    assert sorted((f.field, f.kind) for f in review.findings) == [
        ("attachments", FindingKind.IDENTITY_CODE),
        ("distribution", FindingKind.PHONE),
    ]
    with pytest.raises(approval.PrivacyReviewNeeded):
        approval.approve_memo(db, memo.id, approved_by="Aino")
