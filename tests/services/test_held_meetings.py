"""Which meetings count as held and which one is next, the same in every figure: the Overview,
the period summary behind the Meetings screen, the annual report's data and the bundle's."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import AgendaItemKind, AttendanceStatus, MeetingStatus, Role
from hyvinvointi_app.services import agenda, approval, meetings, members, periods
from hyvinvointi_app.services.bundle_data import bundle_data
from hyvinvointi_app.services.meetings import HeaderInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.services.overview import overview
from hyvinvointi_app.services.report_data import annual_data
from hyvinvointi_app.services.summary import period_summary
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ClockTheme

TODAY = dt.date(2026, 4, 1)  # a Wednesday in the period 2025–2026
PAST = TODAY - dt.timedelta(days=14)
FUTURE = TODAY + dt.timedelta(days=14)


@pytest.fixture
def period(db: Database) -> int:
    """The current period 2025–2026 with a director and a teacher (both present by default
    in every new meeting)."""
    period = periods.add_period(db, dt.date(2025, 8, 1), dt.date(2026, 7, 31)).id
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    members.add_member(db, MemberInput("Bea Berg", Role.ECEC_STAFF))
    return period


def draft(db: Database, period: int, day: dt.date) -> MeetingDetail:
    return meetings.new_meeting(db, period, day, start_time=dt.time(13), place="Sali")


def write_notes(db: Database, memo: MeetingDetail, text: str = "Keskusteltiin pihasta.") -> None:
    item = next(i for i in memo.agenda if i.kind is AgendaItemKind.OTHER_MATTERS)
    agenda.set_item_text(db, item.id, "notes", text)


def close(db: Database, memo: MeetingDetail) -> None:
    """What "Close the meeting" does: the end time is recorded."""
    meetings.update_header(db, memo.id, HeaderInput(memo.date, dt.time(13), dt.time(14, 30)))


def mark_everyone(db: Database, memo: MeetingDetail, status: AttendanceStatus) -> None:
    for row in memo.attendance:
        meetings.set_attendance(db, memo.id, row.member.id, status)


def approve(db: Database, memo: MeetingDetail) -> None:
    approval.approve_memo(db, memo.id, approved_by="Aino Ahonen")


def held_ids(db: Database, period: int, today: dt.date = TODAY) -> list[int]:
    return [m.id for m in period_summary(db, period, today=today).meetings]


def next_id(db: Database, today: dt.date = TODAY) -> int | None:
    data = overview(db, today=today)
    assert data is not None
    return data.next_meeting.id if data.next_meeting else None


def test_an_empty_draft_is_never_held_whatever_its_date(db: Database, period: int) -> None:
    for day in (PAST, TODAY, FUTURE):
        draft(db, period, day)
    summary = period_summary(db, period, today=TODAY)
    assert summary.meetings_held == 0 and summary.meetings == () and not summary.minimum_met
    data = overview(db, today=TODAY)
    assert data is not None and data.meetings_held == 0 and not data.minimum_met


def test_a_past_draft_counts_with_someone_present_and_something_written(
    db: Database, period: int
) -> None:
    forgotten = draft(db, period, PAST)  # the director forgot to close it
    write_notes(db, forgotten)
    nobody_came = draft(db, period, PAST + dt.timedelta(days=1))
    write_notes(db, nobody_came)
    mark_everyone(db, nobody_came, AttendanceStatus.EXCUSED)
    blank = draft(db, period, PAST + dt.timedelta(days=2))
    agenda.set_item_text(db, blank.agenda[0].id, "decision", " \n ")  # only blanks
    close(db, blank)  # an end time alone does not make it held: it may be the planned one
    assert held_ids(db, period) == [forgotten.id]


def test_a_meeting_of_today_counts_once_it_is_closed(db: Database, period: int) -> None:
    today = draft(db, period, TODAY)
    write_notes(db, today)
    assert held_ids(db, period) == []  # still going on
    assert next_id(db) == today.id
    close(db, today)
    assert held_ids(db, period) == [today.id]
    assert next_id(db) is None  # held: no longer the next meeting
    assert held_ids(db, period, today=TODAY + dt.timedelta(days=1)) == [today.id]


def test_an_approved_memo_counts_even_without_text_and_an_empty_draft_beside_it_does_not(
    db: Database, period: int
) -> None:
    approved = draft(db, period, PAST)
    approve(db, approved)
    draft(db, period, PAST + dt.timedelta(days=1))
    assert held_ids(db, period) == [approved.id]


def test_nothing_dated_after_today_is_held_and_an_approved_one_is_never_next(
    db: Database, period: int
) -> None:
    early = draft(db, period, FUTURE)  # approved ahead of its date
    approve(db, early)
    prepared = draft(db, period, FUTURE + dt.timedelta(days=7))
    write_notes(db, prepared)
    close(db, prepared)  # a planned end time, typed for the invitation
    assert held_ids(db, period) == []
    assert next_id(db) == prepared.id
    # From their date on both count.
    later = FUTURE + dt.timedelta(days=8)
    assert held_ids(db, period, today=later) == [early.id, prepared.id]
    assert next_id(db, today=later) is None


def test_the_next_meeting_is_the_first_from_today_on_that_is_not_held(
    db: Database, period: int
) -> None:
    forgotten_empty = draft(db, period, PAST)  # neither held nor next
    held_today = draft(db, period, TODAY)
    write_notes(db, held_today)
    close(db, held_today)
    coming = draft(db, period, FUTURE)
    draft(db, period, FUTURE + dt.timedelta(days=30))
    assert next_id(db) == coming.id
    assert forgotten_empty.id not in held_ids(db, period)


def test_overview_annual_report_and_bundle_count_the_same_meetings(
    db: Database, period: int
) -> None:
    with db.transaction() as session:
        session.add(ClockTheme(month=FUTURE.month, position=1, title="Liikunta"))
    approved = draft(db, period, PAST - dt.timedelta(days=30))
    write_notes(db, approved)
    approve(db, approved)
    forgotten = draft(db, period, PAST)
    write_notes(db, forgotten)
    draft(db, period, PAST + dt.timedelta(days=1))  # empty: not held
    draft(db, period, TODAY)  # just inserted: not held
    future = draft(db, period, FUTURE)  # its agenda carries the month's theme
    assert any(i.theme == "Liikunta" for i in future.agenda)

    summary = period_summary(db, period, today=TODAY)
    data = overview(db, today=TODAY)
    annual = annual_data(db, period, today=TODAY)
    bundle = bundle_data(db, period, today=TODAY)
    expected = [approved.id, forgotten.id]
    assert data is not None
    assert (
        summary.meetings_held
        == data.meetings_held
        == annual.summary.meetings_held
        == bundle.meetings_held
        == len(expected)
    )
    assert summary.minimum_met and data.minimum_met and bundle.minimum_met
    assert [m.id for m in summary.meetings] == expected
    assert [m.id for m in bundle.meetings] == expected
    # The annual report lists the memos of the held meetings, and only their themes as handled.
    assert [m.id for m in annual.meetings] == expected
    assert "Liikunta" not in {t.title for t in annual.handled_themes}
    # The bundle's memo files stay the approved memos.
    assert [m.meeting_id for m in bundle.approved_memos] == [approved.id]
    assert [m.status for m in annual.meetings] == [MeetingStatus.APPROVED, MeetingStatus.DRAFT]
