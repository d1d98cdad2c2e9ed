"""Members: the inverse operations that undo needs, and which expected roles are filled."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import AuditAction, Role, missing_roles
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.services import actions, audit, meetings, members, periods, result_cards
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.result_cards import CardInput, CheckpointInput
from hyvinvointi_app.services.unit import get_unit, set_up_unit
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2026, 11, 23)
PERIOD_START = dt.date(2026, 8, 1)


@pytest.fixture
def period_id(db: Database) -> int:
    return periods.add_period(db, today=TODAY).id


def guardian_input(**changes: object) -> MemberInput:
    values: dict[str, object] = {
        "name": "Eeva Öhman",
        "role": Role.GUARDIAN_REPRESENTATIVE,
        "organisation": "Vanhempainyhdistys",
        "email": "eeva@example.fi",
        "phone": "040 123 4567",
        "term_start": PERIOD_START,
        "term_end": None,
    }
    values.update(changes)
    return MemberInput(**values)  # type: ignore[arg-type]


def test_a_member_nothing_refers_to_is_removed_and_restored_with_the_same_id(
    db: Database,
) -> None:
    added = members.add_member(db, guardian_input())
    later = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    members.remove_member(db, added.id)
    assert [m.id for m in members.list_members(db)] == [later.id]
    with pytest.raises(NotFound):
        members.get_member(db, added.id)

    restored = members.restore_member(db, added)
    assert restored == added
    assert members.get_member(db, added.id) == added
    with pytest.raises(ValidationError) as twice:
        members.restore_member(db, added)
    assert twice.value.reason == "in_use"


@pytest.mark.parametrize("reference", ["attendance", "chair", "action", "checkpoint"])
def test_a_member_in_the_groups_record_is_not_removed(
    db: Database, period_id: int, reference: str
) -> None:
    member = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    if reference == "attendance":
        meetings.new_meeting(db, period_id, TODAY)
    elif reference in ("chair", "action"):
        # A member added after the meeting is not on its attendance list.
        memo = meetings.new_meeting(db, period_id, TODAY)
        member = members.add_member(db, MemberInput("Bea Berg", Role.ECEC_STAFF))
        if reference == "chair":
            meetings.update_header(db, memo.id, meetings.HeaderInput(TODAY, chair_id=member.id))
        else:
            actions.add_action(
                db, memo.id, ActionInput("Turvakävely pihalla", responsible_id=member.id)
            )
    else:
        result_cards.create_card(
            db,
            CardInput("Rauhallisemmat siirtymät"),
            (CheckpointInput(TODAY, responsible_id=member.id),),
            today=TODAY,
        )
    with pytest.raises(ValidationError) as caught:
        members.remove_member(db, member.id)
    assert caught.value.reason == "in_use"
    assert members.get_member(db, member.id).name is not None


def test_erasure_is_undone_by_restoring_the_details_and_both_are_logged(db: Database) -> None:
    guardian = members.add_member(db, guardian_input(term_end=dt.date(2026, 10, 31)))
    erased = members.erase_personal_details(db, guardian.id, today=TODAY)
    assert erased.name is None and erased.organisation == "" and erased.erased
    assert erased.role is Role.GUARDIAN_REPRESENTATIVE

    restored = members.restore_personal_details(db, guardian.id, members.member_input(guardian))
    assert restored == guardian
    assert not members.get_member(db, guardian.id).erased
    logged = [(e.action, e.subject, e.details) for e in audit.entries(db)]
    subject = f"member:{guardian.id}"
    role = {"role": "guardian_representative"}
    assert logged == [
        (AuditAction.PERSONAL_DETAILS_ERASED, subject, role),
        (AuditAction.PERSONAL_DETAILS_RESTORED, subject, role),
    ]
    assert "Öhman" not in repr(audit.entries(db))
    # The restored member can be edited and erased again (redo).
    assert members.erase_personal_details(db, guardian.id, today=TODAY).erased


def test_restoring_validates_the_details(db: Database) -> None:
    guardian = members.add_member(db, guardian_input(term_end=dt.date(2026, 10, 31)))
    members.erase_personal_details(db, guardian.id, today=TODAY)
    with pytest.raises(ValidationError) as caught:
        members.restore_personal_details(db, guardian.id, guardian_input(email="no-at-sign"))
    assert caught.value.field == "email"
    assert members.get_member(db, guardian.id).erased


def test_edit_and_end_term_are_undone_by_editing_back(db: Database) -> None:
    guardian = members.add_member(db, guardian_input())
    before = members.member_input(guardian)
    members.edit_member(db, guardian.id, guardian_input(phone="+358 40 765 4321"))
    members.end_term(db, guardian.id, on=TODAY)
    assert members.get_member(db, guardian.id).term_end == TODAY
    members.edit_member(db, guardian.id, before)
    assert members.get_member(db, guardian.id) == guardian


def test_member_input_of_an_erased_member_has_an_empty_name(db: Database) -> None:
    guardian = members.add_member(db, guardian_input(term_end=dt.date(2026, 10, 31)))
    erased = members.erase_personal_details(db, guardian.id, today=TODAY)
    assert members.member_input(erased).name == ""


def test_role_coverage_follows_the_missing_roles_rule(db: Database, period_id: int) -> None:
    coverage = members.role_coverage(db, period_id, today=TODAY)
    assert [need.roles for need in coverage] == [
        (Role.DIRECTOR,),
        (Role.ECEC_STAFF,),
        (Role.PRE_PRIMARY_STAFF,),
        (Role.GUARDIAN_REPRESENTATIVE,),
        (Role.PUBLIC_HEALTH_NURSE,),
        (Role.SCHOOL_SOCIAL_WORKER, Role.PSYCHOLOGIST),
    ]
    assert not any(need.filled for need in coverage)

    director = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    members.add_member(db, MemberInput("Pia Psykologi", Role.PSYCHOLOGIST))
    december = TODAY.replace(month=12)
    members.add_member(  # starts later in the period: fills the role
        db, MemberInput("Tea Terveydenhoitaja", Role.PUBLIC_HEALTH_NURSE, term_start=december)
    )
    members.add_member(  # term over before today: does not
        db, guardian_input(term_end=dt.date(2026, 9, 30))
    )
    members.add_member(  # in the next period only: does not
        db, MemberInput("Erkki Esiopettaja", Role.PRE_PRIMARY_STAFF, term_start=dt.date(2027, 8, 1))
    )
    coverage = members.role_coverage(db, period_id, today=TODAY)
    filled = {need.roles[0]: [m.name for m in need.members] for need in coverage if need.filled}
    assert filled == {
        Role.DIRECTOR: ["Aino Ahonen"],
        Role.PUBLIC_HEALTH_NURSE: ["Tea Terveydenhoitaja"],
        Role.SCHOOL_SOCIAL_WORKER: ["Pia Psykologi"],
    }
    present = {m.role for need in coverage for m in need.members}
    assert [need.roles[0] for need in coverage if not need.filled] == missing_roles(
        present, has_pre_primary=True
    )

    members.end_term(db, director.id, on=TODAY - dt.timedelta(days=1))
    coverage = members.role_coverage(db, period_id, today=TODAY)
    assert not coverage[0].filled


def test_role_coverage_expects_pre_primary_staff_only_with_pre_primary(
    db: Database, period_id: int
) -> None:
    info = get_unit(db)
    set_up_unit(
        db,
        type(info)(info.name_fi, info.name_sv, info.municipality, False, info.working_language),
    )
    roles = [need.roles[0] for need in members.role_coverage(db, period_id, today=TODAY)]
    assert Role.PRE_PRIMARY_STAFF not in roles


def test_role_coverage_of_a_past_period_counts_members_on_its_last_day(
    db: Database, period_id: int
) -> None:
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR, term_end=dt.date(2027, 7, 31)))
    later = TODAY.replace(year=2028)
    assert members.role_coverage(db, period_id, today=later)[0].filled
    with pytest.raises(NotFound):
        members.role_coverage(db, period_id + 99, today=TODAY)
