"""Meetings: the drafted agenda, carry-over of open actions, follow-up, approval and reopening."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    AuditAction,
    FollowUpOutcome,
    MeetingStatus,
    PlanType,
    Role,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.domain.errors import MemoLocked, ValidationError
from hyvinvointi_app.services import (
    actions,
    agenda,
    approval,
    audit,
    guards,
    meetings,
    members,
    memo_record,
    periods,
)
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ClockTheme, Plan

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def period_id(db: Database) -> int:
    return periods.add_period(db, today=TODAY).id


@pytest.fixture
def director(db: Database) -> int:
    return members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR)).id


def test_new_meeting_drafts_the_standing_agenda_with_the_months_themes(
    db: Database, period_id: int, director: int
) -> None:
    with db.transaction() as session:
        plan = Plan(type=PlanType.SAFETY_RESCUE, name="Pelastussuunnitelma 2026")
        session.add(plan)
        session.add(ClockTheme(month=11, position=1, title="Lasten oikeuksien päivä"))
        session.add(
            ClockTheme(
                month=11, position=2, title="Turvallisuuskävely", plan_type=PlanType.SAFETY_RESCUE
            )
        )
        session.add(ClockTheme(month=3, position=1, title="Arviointikokous"))
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    assert memo.number == 1 and memo.status is MeetingStatus.DRAFT
    kinds = [item.kind for item in memo.agenda]
    assert kinds[:3] == [
        AgendaItemKind.OPENING,
        AgendaItemKind.ATTENDANCE,
        AgendaItemKind.FOLLOW_UP,
    ]
    assert kinds[-2:] == [AgendaItemKind.NEXT_MEETING, AgendaItemKind.CLOSING]
    titles = [item.title for item in memo.agenda]
    assert "Lasten oikeuksien päivä" in titles and "Arviointikokous" not in titles
    evaluated = [i for i in memo.agenda if i.kind is AgendaItemKind.PLAN_EVALUATION]
    assert [i.plan_name for i in evaluated] == ["Pelastussuunnitelma 2026"]
    assert [item.position for item in memo.agenda] == list(range(1, len(memo.agenda) + 1))
    assert [a.member.id for a in memo.attendance] == [director]


def test_swedish_unit_gets_a_swedish_agenda(db: Database, period_id: int) -> None:
    from hyvinvointi_app.services.unit import get_unit, set_up_unit

    info = get_unit(db)
    set_up_unit(db, type(info)(info.name_fi, info.name_sv, info.municipality, True, "sv"))  # type: ignore[arg-type]
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    assert memo.agenda[0].title == "Mötets öppnande och godkännande av föredragningslistan"


def test_open_actions_carry_over_and_follow_up_closes_them(
    db: Database, period_id: int, director: int
) -> None:
    first = meetings.new_meeting(db, period_id, dt.date(2026, 9, 10))
    item = first.agenda[3].id
    kept = actions.add_action(
        db,
        first.id,
        ActionInput("Päivitä pelastussuunnitelma", director, due_date=dt.date(2026, 10, 1)),
        agenda_item_id=item,
    )
    done = actions.add_action(
        db, first.id, ActionInput("Tilaa heijastinliivit", None, "koko henkilöstö")
    )
    dropped = actions.add_action(db, first.id, ActionInput("Kysely huoltajille"))
    already_done = actions.add_action(db, first.id, ActionInput("Vanha asia"))
    actions.set_action_status(
        db, already_done.id, ActionStatus.DONE, "Hoidettu", on=dt.date(2026, 9, 20)
    )

    second = meetings.new_meeting(db, period_id, dt.date(2026, 11, 12))
    carried = {f.action.id for f in second.follow_ups}
    assert carried == {kept.id, done.id, dropped.id}
    assert all(f.outcome is None for f in second.follow_ups)

    actions.record_follow_up(db, second.id, done.id, FollowUpOutcome.DONE, "Liivit tulivat")
    actions.record_follow_up(db, second.id, dropped.id, FollowUpOutcome.DROPPED, "Ei ajankohtainen")
    actions.record_follow_up(db, second.id, kept.id, FollowUpOutcome.CONTINUES, "Kesken")
    memo = meetings.get_meeting(db, second.id)
    by_action = {f.action.id: f for f in memo.follow_ups}
    assert by_action[done.id].action.status is ActionStatus.DONE
    assert by_action[done.id].action.closed_on == dt.date(2026, 11, 12)
    assert by_action[dropped.id].comment == "Ei ajankohtainen"

    third = meetings.new_meeting(db, period_id, dt.date(2027, 2, 3))
    assert {f.action.id for f in third.follow_ups} == {kept.id}
    # The second memo keeps what was decided there, even after the action changes later.
    actions.record_follow_up(db, third.id, kept.id, FollowUpOutcome.DONE, "Valmis")
    again = {f.action.id: f for f in meetings.get_meeting(db, second.id).follow_ups}
    assert again[kept.id].outcome is FollowUpOutcome.CONTINUES
    last = {f.action.id: f for f in meetings.get_meeting(db, third.id).follow_ups}
    assert last[kept.id].outcome is FollowUpOutcome.DONE
    overdue = actions.open_actions(db, overdue_only=True, today=TODAY)
    assert overdue == []


def test_overdue_actions(db: Database, period_id: int) -> None:
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 9, 10))
    late = actions.add_action(db, memo.id, ActionInput("Myöhässä", due_date=dt.date(2026, 10, 1)))
    actions.add_action(db, memo.id, ActionInput("Ajallaan", due_date=dt.date(2027, 1, 1)))
    assert [a.id for a in actions.open_actions(db, overdue_only=True, today=TODAY)] == [late.id]
    assert late.is_overdue(TODAY)


def test_agenda_items_add_reorder_remove(db: Database, period_id: int) -> None:
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    new = agenda.add_item(db, memo.id, "Piha-alueen turvallisuus")
    items = meetings.get_meeting(db, memo.id).agenda
    assert [i.kind for i in items[-3:]] == [
        AgendaItemKind.CUSTOM,
        AgendaItemKind.NEXT_MEETING,
        AgendaItemKind.CLOSING,
    ]
    agenda.move_item(db, new.id, 1)
    items = meetings.get_meeting(db, memo.id).agenda
    assert items[0].id == new.id and [i.position for i in items] == list(range(1, len(items) + 1))
    agenda.set_item_text(db, new.id, "notes", "Keinujen alusta uusitaan.\n- hiekka\n- kumirouhe")
    agenda.set_item_text(db, new.id, "decision", "Sovittiin korjauspyynnöstä.")
    assert agenda.get_item(db, new.id).decision == "Sovittiin korjauspyynnöstä."
    with pytest.raises(ValidationError):
        agenda.set_item_text(db, new.id, "meeting_id", "1")
    with pytest.raises(ValidationError):
        agenda.set_item_text(db, new.id, "notes", "x" * (guards.MAX_TEXT_LENGTH + 1))
    agenda.remove_item(db, new.id)
    items = meetings.get_meeting(db, memo.id).agenda
    assert new.id not in [i.id for i in items]
    assert [i.position for i in items] == list(range(1, len(items) + 1))


def test_approval_locks_and_reopen_keeps_the_approved_version(
    db: Database, period_id: int, director: int
) -> None:
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    item = memo.agenda[3].id
    agenda.set_item_text(db, item, "notes", "Soitetaan numeroon 040 123 4567 ja lapsi Emma.")
    agenda.set_voice(
        db, memo.id, VoiceKind.CHILDREN, [VoiceMethod.DRAWING], "Lapset toivovat majaa."
    )
    meetings.set_attendance(db, memo.id, director, AttendanceStatus.EXCUSED)

    with pytest.raises(approval.PrivacyReviewNeeded) as caught:
        approval.approve_memo(db, memo.id, approved_by="Aino Ahonen")
    assert {f.field for f in caught.value.findings} == {f"item:{item}:notes"}
    assert meetings.get_meeting(db, memo.id).status is MeetingStatus.DRAFT

    agenda.set_item_text(db, item, "notes", "Soitetaan päiväkodin numeroon.")
    approved = approval.approve_memo(db, memo.id, approved_by="Aino Ahonen")
    assert approved.status is MeetingStatus.APPROVED and approved.privacy_checked
    for change in (
        lambda: agenda.set_item_text(db, item, "notes", "muutos"),
        lambda: agenda.add_item(db, memo.id, "Uusi"),
        lambda: meetings.set_attendance(db, memo.id, director, AttendanceStatus.PRESENT),
        lambda: actions.add_action(db, memo.id, ActionInput("Uusi")),
        lambda: agenda.set_voice(db, memo.id, VoiceKind.GUARDIANS, [], "x"),
        lambda: meetings.delete_meeting(db, memo.id),
    ):
        with pytest.raises(MemoLocked):
            change()

    with pytest.raises(ValidationError):
        approval.reopen_memo(db, memo.id, "  ")
    reopened = approval.reopen_memo(db, memo.id, "Päätöksen sanamuoto korjattava")
    assert reopened.status is MeetingStatus.DRAFT and not reopened.privacy_checked
    versions = approval.memo_versions(db, memo.id)
    assert len(versions) == 1 and versions[0].approved_by == "Aino Ahonen"
    kept = memo_record.version_memo(db, versions[0].id).meeting
    position = [i.id for i in memo.agenda].index(item)
    assert kept.agenda[position].notes == "Soitetaan päiväkodin numeroon."
    agenda.set_item_text(db, item, "notes", "Korjattu.")

    logged = [e.action for e in audit.entries(db)]
    assert logged == [AuditAction.MEMO_APPROVED, AuditAction.MEMO_REOPENED]
    assert "päiväkodin" not in repr(audit.entries(db))


def test_confirmed_findings_allow_approval(db: Database, period_id: int) -> None:
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    agenda.set_item_text(db, memo.agenda[0].id, "notes", "Yhteystiedot: info@example.fi")
    approved = approval.approve_memo(
        db, memo.id, approved_by="Aino Ahonen", findings_confirmed=True
    )
    assert approved.status is MeetingStatus.APPROVED
    assert audit.entries(db)[-1].details["findings_confirmed"] == 1


def test_erasing_personal_details_keeps_the_role_in_old_memos(db: Database, period_id: int) -> None:
    guardian = members.add_member(
        db,
        MemberInput(
            "Öhman Eeva",
            Role.GUARDIAN_REPRESENTATIVE,
            email="eeva@example.fi",
            term_start=dt.date(2025, 8, 1),
        ),
    )
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 9, 10))
    with pytest.raises(ValidationError):
        members.erase_personal_details(db, guardian.id, today=TODAY)
    members.end_term(db, guardian.id, on=dt.date(2026, 10, 31))
    erased = members.erase_personal_details(db, guardian.id, today=TODAY)
    assert erased.name is None and erased.email == "" and erased.erased
    attendance = meetings.get_meeting(db, memo.id).attendance
    assert [(a.member.name, a.role) for a in attendance] == [(None, Role.GUARDIAN_REPRESENTATIVE)]
    assert audit.entries(db)[-1].action is AuditAction.PERSONAL_DETAILS_ERASED


def test_members_sort_in_finnish_order_and_validate(db: Database) -> None:
    for name in ("Öhman", "Åberg", "Ahonen", "Äijälä", "Zetterberg"):
        members.add_member(db, MemberInput(name, Role.ECEC_STAFF))
    assert [m.name for m in members.list_members(db)] == [
        "Ahonen",
        "Zetterberg",
        "Åberg",
        "Äijälä",
        "Öhman",
    ]
    for bad, field in (
        (MemberInput(" ", Role.ECEC_STAFF), "name"),
        (MemberInput("A", Role.ECEC_STAFF, email="not-an-address"), "email"),
        (MemberInput("A", Role.ECEC_STAFF, phone="12"), "phone"),
        (
            MemberInput("A", Role.ECEC_STAFF, term_start=TODAY, term_end=TODAY - dt.timedelta(1)),
            "term_end",
        ),
    ):
        with pytest.raises(ValidationError) as caught:
            members.add_member(db, bad)
        assert caught.value.field == field


def test_periods_default_to_august_and_do_not_overlap(db: Database) -> None:
    first = periods.add_period(db, today=dt.date(2026, 11, 23))
    assert (first.label, first.start_date, first.end_date, first.is_current) == (
        "2026-2027",
        dt.date(2026, 8, 1),
        dt.date(2027, 7, 31),
        True,
    )
    with pytest.raises(ValidationError):
        periods.add_period(db, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    older = periods.add_period(db, today=dt.date(2025, 9, 1))
    assert not older.is_current
    periods.set_current_period(db, older.id)
    assert periods.current_period(db).label == "2025-2026"
    with pytest.raises(ValidationError):
        meetings.new_meeting(db, older.id, dt.date(2026, 9, 1))


def test_a_deleted_meeting_is_restored_whole_with_its_ids(
    db: Database, period_id: int, director: int
) -> None:
    """Undo of a delete (and redo of a new meeting) put back every row under its old id, so
    that later undo steps still find them; the search index follows."""
    from hyvinvointi_app.services import search

    first = meetings.new_meeting(db, period_id, dt.date(2026, 9, 10))
    carried = actions.add_action(db, first.id, ActionInput("Tarkistetaan pelastussuunnitelma"))
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25), place="Sali")
    item = memo.agenda[-2]
    agenda.set_item_text(db, item.id, "notes", "Käsiteltiin ympäristökasvatusta")
    action = actions.add_action(
        db, memo.id, ActionInput("Hankitaan kompostori"), agenda_item_id=item.id
    )
    actions.record_follow_up(db, memo.id, carried.id, FollowUpOutcome.CONTINUES, "Jatkuu")
    agenda.set_voice(db, memo.id, VoiceKind.CHILDREN, [VoiceMethod.DRAWING], "Piirustuksia")
    meetings.add_guest(db, memo.id, Role.PSYCHOLOGIST)
    before = meetings.get_meeting(db, memo.id)

    snapshot = meetings.delete_meeting(db, memo.id)
    assert [m.id for m in meetings.list_meetings(db, period_id)] == [first.id]
    assert search.search(db, "ympäristö").total == 0
    meetings.restore_meeting(db, snapshot)
    after = meetings.get_meeting(db, memo.id)
    assert after == before
    assert after.item(item.id).actions[0].id == action.id
    assert search.search(db, "ympäristö").hits[0].item_id == item.id
    assert search.search(db, "jatkuu").total == 1
    with pytest.raises(ValidationError):
        meetings.restore_meeting(db, snapshot)  # it is there already


def test_undoing_a_new_meeting_refuses_once_something_was_typed(
    db: Database, period_id: int
) -> None:
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    agenda.set_item_text(db, memo.agenda[0].id, "notes", "Kokous avattiin klo 13.05")
    with pytest.raises(ValidationError) as refused:
        meetings.delete_meeting(db, memo.id, unchanged_since=memo.updated_at)
    assert refused.value.reason == "changed"
    current = meetings.get_meeting(db, memo.id)
    snapshot = meetings.delete_meeting(db, memo.id, unchanged_since=current.updated_at)
    assert snapshot.updated_at == current.updated_at


def test_the_proposed_date_skips_weekends_and_days_that_have_a_meeting(
    db: Database, period_id: int
) -> None:
    friday = dt.date(2026, 11, 27)
    assert meetings.propose_meeting_date(db, period_id, today=friday) == friday
    meetings.new_meeting(db, period_id, friday)
    meetings.new_meeting(db, period_id, dt.date(2026, 11, 30))
    assert meetings.propose_meeting_date(db, period_id, today=friday) == dt.date(2026, 12, 1)
