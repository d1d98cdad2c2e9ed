"""Before the meeting: the agenda PDF read back in each language, the calendar entry read with
icalendar (Finnish local time, summer time included), the e-mail draft read with the standard
library (addressed, both files attached, ``X-Unsent``), and the period's calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

import icalendar
import pytest
from report_documents import CREATED, TODAY, extract_text, normalised, options

from hyvinvointi_app.domain.enums import AgendaItemKind, AuditAction, MeetingStatus, Role
from hyvinvointi_app.domain.errors import MemoLocked, NotFound
from hyvinvointi_app.reports.export import build_document, memo_pdf
from hyvinvointi_app.reports.invitation import (
    export_calendar_entry,
    export_invitation,
    export_period_calendar,
)
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services import actions, agenda, audit, meetings, members, memo_view, periods
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.invitation import agenda_data, planned_meetings
from hyvinvointi_app.services.memo_view import standing_title
from hyvinvointi_app.store.database import Database

HELSINKI_WINTER = dt.timedelta(hours=2)
HELSINKI_SUMMER = dt.timedelta(hours=3)


def upcoming(db: Database) -> memo_view.MeetingDetail:
    """The demo's first meeting on or after its today: drafted, not yet held."""
    period = periods.current_period(db)
    row = next(r for r in meetings.list_meetings(db, period.id) if r.date >= TODAY)
    detail = meetings.get_meeting(db, row.id)
    assert detail.status is MeetingStatus.DRAFT
    return detail


def member_of_role(db: Database, role: Role) -> members.MemberView:
    return next(m for m in members.list_members(db, include_former=False) if m.role is role)


@pytest.fixture
def meeting(demo_db: Database) -> memo_view.MeetingDetail:
    """The upcoming meeting with an item of its own, presented by the health nurse."""
    detail = upcoming(demo_db)
    item = agenda.add_item(demo_db, detail.id, "Pihan turvallisuus / Gårdens säkerhet")
    nurse = member_of_role(demo_db, Role.PUBLIC_HEALTH_NURSE)
    agenda.set_item_presenter(demo_db, item.id, nurse.id)
    return meetings.get_meeting(demo_db, detail.id)


@pytest.mark.parametrize("language", ["fi", "sv", "fi+sv"])
def test_the_agenda_pdf_holds_its_items_in_the_documents_language(
    demo_db: Database, meeting: memo_view.MeetingDetail, language: str
) -> None:
    text = normalised(
        extract_text(build_document(demo_db, "agenda", meeting.id, options(language)))
    )
    flat = " ".join(text.split())
    tx = ReportTexts(language)
    assert tx.pgettext("report", "Agenda") in flat
    for item in meeting.agenda:
        titles = standing_title(item.kind, item.title)
        expected = tx.stored(titles) if titles is not None else item.title
        assert " ".join(expected.split()) in flat, expected
    assert f"{tx.label(Role.PUBLIC_HEALTH_NURSE)}" in flat
    assert tx.date_long(meeting.date) in flat
    assert meeting.place in flat
    data = agenda_data(demo_db, meeting.id)
    assert data.open_actions, "the demo has open actions from earlier meetings"
    for follow_up in data.open_actions:
        assert " ".join(follow_up.action.text.split()) in flat
    other = {"fi": "sv", "sv": "fi"}.get(language)
    if other is not None:  # the other language's fixed words are not there
        opening = standing_title(AgendaItemKind.OPENING, "")
        assert opening is not None and opening[other] not in flat


def test_the_agenda_names_members_only_when_asked(
    demo_db: Database, meeting: memo_view.MeetingDetail
) -> None:
    nurse = member_of_role(demo_db, Role.PUBLIC_HEALTH_NURSE)
    assert nurse.name
    without = extract_text(build_document(demo_db, "agenda", meeting.id, options("fi")))
    with_names = extract_text(
        build_document(demo_db, "agenda", meeting.id, options("fi", with_names=True))
    )
    assert nurse.name not in " ".join(without.split())
    assert nurse.name in " ".join(with_names.split())


def test_the_memo_names_the_items_presenter_by_role(
    demo_db: Database, meeting: memo_view.MeetingDetail
) -> None:
    text = " ".join(extract_text(memo_pdf(demo_db, meeting.id, options("sv"))).split())
    tx = ReportTexts("sv")
    assert f"{tx.pgettext('report', 'Presenter')}: {tx.label(Role.PUBLIC_HEALTH_NURSE)}" in text


def _events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_the_calendar_entry_is_at_the_meetings_finnish_time_in_winter_and_in_summer(
    demo_db: Database, meeting: memo_view.MeetingDetail, tmp_path: Path
) -> None:
    out = tmp_path / "kokous.ics"
    export_calendar_entry(demo_db, meeting.id, out, options("fi"))
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert calendar["METHOD"] == "PUBLISH"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    (event,) = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert meeting.start_time is not None and meeting.end_time is not None
    assert (start.date(), start.time(), end.time()) == (
        meeting.date,
        meeting.start_time,
        meeting.end_time,
    )
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert start.utcoffset() == HELSINKI_WINTER  # December
    assert str(event["SUMMARY"]) == f"Hyvinvointiryhmän kokous {meeting.number}"
    assert str(event["LOCATION"]) == meeting.place
    description = str(event["DESCRIPTION"])
    assert "Pihan turvallisuus / Gårdens säkerhet" in description
    assert "Esittelijä: Terveydenhoitaja" in description

    # Moved to May, the same hour is summer time: 13.00 in Helsinki is 10.00 UTC.
    summer = dt.date(2027, 5, 20)
    meetings.update_header(
        demo_db,
        meeting.id,
        meetings.HeaderInput(summer, dt.time(13), None, meeting.place),
    )
    export_calendar_entry(demo_db, meeting.id, out, options("fi"))
    (event,) = _events(out.read_bytes())
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.utcoffset() == HELSINKI_SUMMER
    assert start.astimezone(dt.UTC) == dt.datetime(2027, 5, 20, 10, 0, tzinfo=dt.UTC)
    assert end - start == dt.timedelta(minutes=90)  # no end time: the usual length


def test_a_meeting_without_a_time_is_an_all_day_entry_with_a_lasting_identity(
    demo_db: Database, meeting: memo_view.MeetingDetail, tmp_path: Path
) -> None:
    first = tmp_path / "first.ics"
    export_calendar_entry(demo_db, meeting.id, first, options("sv"))
    meetings.update_header(
        demo_db, meeting.id, meetings.HeaderInput(meeting.date, None, None, "Salen")
    )
    second = tmp_path / "second.ics"
    export_calendar_entry(demo_db, meeting.id, second, options("sv"))
    (before,), (after,) = _events(first.read_bytes()), _events(second.read_bytes())
    assert before["UID"] == after["UID"]
    assert after.decoded("DTSTART") == meeting.date
    assert after.decoded("DTEND") == meeting.date + dt.timedelta(days=1)
    assert not icalendar.Calendar.from_ical(second.read_bytes()).walk("VTIMEZONE")
    assert str(after["SUMMARY"]) == f"Gruppen för välbefinnande, möte {meeting.number}"
    assert "Föredragande: Hälsovårdare" in str(after["DESCRIPTION"])


def test_the_invitation_is_a_draft_to_the_members_with_the_agenda_and_the_entry(
    demo_db: Database, meeting: memo_view.MeetingDetail, tmp_path: Path
) -> None:
    nurse = member_of_role(demo_db, Role.PUBLIC_HEALTH_NURSE)
    director = member_of_role(demo_db, Role.DIRECTOR)
    for who, address in ((nurse, "terveydenhoitaja@porvoo.fi"), (director, "johtaja@porvoo.fi")):
        members.edit_member(
            demo_db,
            who.id,
            dataclasses.replace(members.member_input(who), email=address),
        )
    out = tmp_path / "kutsu.eml"
    result = export_invitation(demo_db, meeting.id, out, options("fi+sv"))
    assert result.path == out

    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert message["X-Unsent"] == "1"
    assert message["From"] is None  # the e-mail program puts the director's address there
    addresses = {a.addr_spec for a in message["To"].addresses}
    assert {"terveydenhoitaja@porvoo.fi", "johtaja@porvoo.fi"} <= addresses
    assert f"{meeting.number}" in message["Subject"]
    assert "Kokouskutsu / Möteskallelse" in message["Subject"]

    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Pihan turvallisuus / Gårdens säkerhet" in text
    assert "Esittelijä: Terveydenhoitaja" in text and "Föredragande: Hälsovårdare" in text

    attachments = list(message.iter_attachments())
    kinds = [part.get_content_type() for part in attachments]
    assert kinds == ["application/pdf", "text/calendar"]
    pdf, entry = (part.get_content() for part in attachments)
    assert pdf.startswith(b"%PDF")
    assert "Pihan turvallisuus" in " ".join(extract_text(pdf).split())
    assert attachments[0].get_filename().endswith(".pdf")
    assert attachments[1].get_filename().endswith(".ics")
    raw_entry = entry if isinstance(entry, bytes) else entry.encode()
    (event,) = _events(raw_entry)
    assert event.decoded("DTSTART").date() == meeting.date
    assert any(
        e.action is AuditAction.EXPORTED and e.details.get("document") == "invitation"
        for e in audit.entries(demo_db)
    )


def test_the_invitation_of_members_without_addresses_has_no_recipients(
    demo_db: Database, meeting: memo_view.MeetingDetail, tmp_path: Path
) -> None:
    for member in members.list_members(demo_db):
        members.edit_member(
            demo_db, member.id, dataclasses.replace(members.member_input(member), email="")
        )
    data = agenda_data(demo_db, meeting.id)
    assert not data.recipients
    assert Role.DIRECTOR in data.without_address
    out = tmp_path / "kutsu.eml"
    export_invitation(demo_db, meeting.id, out, options("sv"))
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert message["To"] is None and message["X-Unsent"] == "1"


def test_the_periods_calendar_holds_the_meetings_still_ahead(
    demo_db: Database, tmp_path: Path
) -> None:
    period = periods.current_period(demo_db)
    later = meetings.new_meeting(demo_db, period.id, dt.date(2027, 2, 10))  # no time yet
    ahead = [
        r
        for r in meetings.list_meetings(demo_db, period.id)
        if r.date >= CREATED.date() and r.status is MeetingStatus.DRAFT
    ]
    assert [r.id for r in ahead][-1] == later.id and len(ahead) >= 2
    held = [r for r in meetings.list_meetings(demo_db, period.id) if r.date < CREATED.date()]
    assert held, "the demo's period has meetings behind it, which the calendar leaves out"
    assert len(planned_meetings(demo_db, period.id, CREATED.date()).meetings) == len(ahead)
    out = tmp_path / "kokoukset.ics"
    export_period_calendar(demo_db, period.id, out, options("fi"))
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == f"Hyvinvointiryhmän kokoukset {period.label}"
    events = calendar.walk("VEVENT")
    starts = [e.decoded("DTSTART") for e in events]
    assert [s.date() if isinstance(s, dt.datetime) else s for s in starts] == [
        r.date for r in ahead
    ]
    assert starts[-1] == dt.date(2027, 2, 10)  # all day
    assert len({str(e["UID"]) for e in events}) == len(ahead)


def test_the_presenter_is_kept_through_removal_and_undo_and_refused_when_unknown(
    demo_db: Database, meeting: memo_view.MeetingDetail
) -> None:
    item = next(
        i for i in meeting.agenda if i.presenter and i.presenter.role is Role.PUBLIC_HEALTH_NURSE
    )
    agenda.remove_item(demo_db, item.id)
    restored = agenda.restore_item(demo_db, meeting.id, item)
    assert restored.presenter == item.presenter
    with pytest.raises(NotFound):
        agenda.set_item_presenter(demo_db, item.id, 99_999)
    agenda.set_item_presenter(demo_db, item.id, None)
    assert agenda.get_item(demo_db, item.id).presenter is None


def test_an_approved_memos_presenter_cannot_change(demo_db: Database) -> None:
    period = periods.current_period(demo_db)
    approved = next(
        r for r in meetings.list_meetings(demo_db, period.id) if r.status is MeetingStatus.APPROVED
    )
    item = meetings.get_meeting(demo_db, approved.id).agenda[0]
    director = member_of_role(demo_db, Role.DIRECTOR)
    with pytest.raises(MemoLocked):
        agenda.set_item_presenter(demo_db, item.id, director.id)


def test_addresses_a_message_cannot_carry_are_told_not_crashed_on(
    demo_db: Database, meeting: memo_view.MeetingDetail, tmp_path: Path
) -> None:
    staff = members.list_members(demo_db, include_former=False)
    odd = {
        Role.DIRECTOR: "<johtaja@kunta.fi>",
        Role.PUBLIC_HEALTH_NURSE: "terveydenhoitaja@äänekoski.fi",
        Role.SCHOOL_SOCIAL_WORKER: "a..b@kunta.fi",
    }
    for member in staff:
        if member.role in odd:
            members.edit_member(
                demo_db,
                member.id,
                dataclasses.replace(members.member_input(member), email=odd[member.role]),
            )
    data = agenda_data(demo_db, meeting.id)
    assert (
        Role.DIRECTOR in data.unusable_address
        and Role.SCHOOL_SOCIAL_WORKER in data.unusable_address
    )
    assert "terveydenhoitaja@xn--nekoski-4waa.fi" in {r.email for r in data.recipients}
    out = tmp_path / "kutsu.eml"
    export_invitation(demo_db, meeting.id, out, options("fi"))
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    to = message["To"]
    assert not to.defects
    sent_to = {a.addr_spec for a in to.addresses}
    assert sent_to == {r.email for r in data.recipients}
    assert "terveydenhoitaja@xn--nekoski-4waa.fi" in sent_to


def test_a_meeting_without_an_end_lasts_ninety_minutes_across_the_change_to_summer_time(
    demo_db: Database, meeting: memo_view.MeetingDetail, tmp_path: Path
) -> None:
    spring_night = dt.date(2027, 3, 28)  # clocks go from 03.00 to 04.00
    meetings.update_header(
        demo_db, meeting.id, meetings.HeaderInput(spring_night, dt.time(2, 30), None, "Sali")
    )
    out = tmp_path / "yo.ics"
    export_calendar_entry(demo_db, meeting.id, out, options("fi"))
    (event,) = _events(out.read_bytes())
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(minutes=90)
    assert end.utcoffset() == HELSINKI_SUMMER


def test_the_agenda_without_names_puts_the_role_for_a_typed_name_in_any_form(
    demo_db: Database, meeting: memo_view.MeetingDetail
) -> None:
    nurse = member_of_role(demo_db, Role.PUBLIC_HEALTH_NURSE)
    assert nurse.name
    first, last = nurse.name.split()[0], nurse.name.split()[-1]
    item = meeting.agenda[-3]
    actions.add_action(
        demo_db,
        meeting.id,
        ActionInput(
            "Selvitetään pihan valaistus", responsible_text=f"{first.lower()} {last.lower()}"
        ),
        agenda_item_id=item.id,
    )
    later = meetings.new_meeting(demo_db, meeting.period_id, meeting.date + dt.timedelta(days=30))
    text = " ".join(
        extract_text(build_document(demo_db, "agenda", later.id, options("fi"))).split()
    )
    assert "Selvitetään pihan valaistus" in text
    assert last not in text and last.lower() not in text
