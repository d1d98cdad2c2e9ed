"""Starting a new operating period from the previous one: plans' next reviews, active cards'
checkpoints a year later and members' terms, exactly what was chosen, and all of it back
with undo; nothing else is touched."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hyvinvointi_app.domain.enums import PlanType, ResultCardStatus, Role
from hyvinvointi_app.services import carry_forward as cf
from hyvinvointi_app.services import members, periods, plans, result_cards
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.services.result_cards import CardInput, CheckpointInput
from hyvinvointi_app.store.database import Database

OLD_START, OLD_END = dt.date(2025, 8, 1), dt.date(2026, 7, 31)
NEW_START, NEW_END = dt.date(2026, 8, 1), dt.date(2027, 7, 31)


def _unit(db: Database) -> dict[str, int]:
    old = periods.add_period(db, OLD_START, OLD_END)
    periods.set_current_period(db, old.id)
    due = plans.add_plan(
        db,
        PlanInput(
            PlanType.SAFETY_RESCUE, "Pelastussuunnitelma", next_review_due=dt.date(2026, 3, 15)
        ),
    )
    later = plans.add_plan(
        db,
        PlanInput(
            PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma", next_review_due=dt.date(2027, 2, 1)
        ),
    )
    archived = plans.add_plan(
        db,
        PlanInput(PlanType.ACTION_PLAN, "Vanha suunnitelma", next_review_due=dt.date(2026, 1, 10)),
    )
    plans.archive_plan(db, archived.id)
    nurse = members.add_member(db, MemberInput("Terhi Salo", Role.PUBLIC_HEALTH_NURSE))
    active = result_cards.create_card(
        db,
        CardInput("Pihan turvallisuus"),
        [CheckpointInput(dt.date(2025, 11, 3), nurse.id), CheckpointInput(dt.date(2026, 5, 4))],
    )
    result_cards.record_checkpoint_value(db, active.checkpoints[0].id, "Kolme riskikohtaa")
    closed = result_cards.create_card(
        db, CardInput("Lepohetki"), [CheckpointInput(dt.date(2026, 2, 2))]
    )
    result_cards.set_card_status(db, closed.id, ResultCardStatus.CLOSED)
    guardian = members.add_member(
        db,
        MemberInput(
            "Liisa Mäkelä", Role.GUARDIAN_REPRESENTATIVE, term_start=OLD_START, term_end=OLD_END
        ),
    )
    staying = members.add_member(
        db, MemberInput("Aino Ahonen", Role.DIRECTOR, term_start=OLD_START)
    )
    new = periods.add_period(db, NEW_START, NEW_END)
    return {
        "new": new.id,
        "due": due.id,
        "later": later.id,
        "archived": archived.id,
        "active": active.id,
        "closed": closed.id,
        "guardian": guardian.id,
        "staying": staying.id,
    }


def test_the_proposal_holds_what_the_new_period_needs_and_nothing_else(db: Database) -> None:
    ids = _unit(db)
    proposal = cf.propose(db, ids["new"])
    assert (proposal.previous_label, proposal.period_label) == ("2025-2026", "2026-2027")
    assert [(p.plan_id, p.review_was, p.review_to) for p in proposal.plans] == [
        (ids["due"], dt.date(2026, 3, 15), dt.date(2027, 3, 15))
    ]
    assert [(c.card_id, c.due_was, c.due_to) for c in proposal.checkpoints] == [
        (ids["active"], dt.date(2025, 11, 3), dt.date(2026, 11, 3)),
        (ids["active"], dt.date(2026, 5, 4), dt.date(2027, 5, 4)),
    ]
    assert [(m.member_id, m.term_end_to) for m in proposal.members] == [(ids["guardian"], NEW_END)]
    assert not proposal.is_empty


def test_carrying_forward_applies_the_choice_and_undo_puts_everything_back(db: Database) -> None:
    ids = _unit(db)
    proposal = cf.propose(db, ids["new"])
    before_cards = {c.id: c for c in result_cards.list_cards(db)}
    chosen = dataclasses.replace(proposal, members=())  # the guardian's term ends
    carried = cf.carry_forward(db, chosen)

    assert plans.get_plan(db, ids["due"]).next_review_due == dt.date(2027, 3, 15)
    assert plans.get_plan(db, ids["later"]).next_review_due == dt.date(2027, 2, 1)
    assert plans.get_plan(db, ids["archived"]).next_review_due == dt.date(2026, 1, 10)
    card = result_cards.get_card(db, ids["active"])
    dated = {c.due_date: c for c in card.checkpoints}
    assert set(dated) == {
        dt.date(2025, 11, 3),
        dt.date(2026, 5, 4),
        dt.date(2026, 11, 3),
        dt.date(2027, 5, 4),
    }
    assert dated[dt.date(2025, 11, 3)].value_note == "Kolme riskikohtaa"
    assert dated[dt.date(2026, 11, 3)].value_note == ""
    assert dated[dt.date(2026, 11, 3)].responsible_id == dated[dt.date(2025, 11, 3)].responsible_id
    assert result_cards.get_card(db, ids["closed"]) == before_cards[ids["closed"]]
    assert members.get_member(db, ids["guardian"]).term_end == OLD_END

    cf.undo(db, carried)
    assert plans.get_plan(db, ids["due"]).next_review_due == dt.date(2026, 3, 15)
    assert result_cards.get_card(db, ids["active"]) == before_cards[ids["active"]]
    again = cf.propose(db, ids["new"])
    assert again == proposal


def test_a_members_term_is_extended_and_given_back(db: Database) -> None:
    ids = _unit(db)
    proposal = cf.propose(db, ids["new"])
    carried = cf.carry_forward(db, dataclasses.replace(proposal, plans=(), checkpoints=()))
    assert members.get_member(db, ids["guardian"]).term_end == NEW_END
    assert members.get_member(db, ids["staying"]).term_end is None
    cf.undo(db, carried)
    assert members.get_member(db, ids["guardian"]).term_end == OLD_END


def test_a_first_period_and_a_second_carry_have_nothing_to_propose(db: Database) -> None:
    ids = _unit(db)
    first = periods.list_periods(db)[-1]
    assert cf.propose(db, first.id).is_empty
    cf.carry_forward(db, cf.propose(db, ids["new"]))
    assert cf.propose(db, ids["new"]).is_empty  # done once, nothing is left behind


def test_29_february_becomes_28_february() -> None:
    assert cf.a_year_later(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    assert cf.a_year_later(dt.date(2027, 3, 1)) == dt.date(2028, 3, 1)


def test_undo_gives_back_what_a_row_held_just_before_and_keeps_a_recorded_value(
    db: Database,
) -> None:
    ids = _unit(db)
    proposal = cf.propose(db, ids["new"])
    edited = dt.date(2026, 6, 1)  # changed after the proposal was shown
    plan = plans.get_plan(db, ids["due"])
    plans.edit_plan(
        db, plan.id, dataclasses.replace(plans.plan_input(plan), next_review_due=edited)
    )
    carried = cf.carry_forward(db, proposal)
    new_checkpoint = next(
        c
        for c in result_cards.get_card(db, ids["active"]).checkpoints
        if c.due_date == dt.date(2026, 11, 3)
    )
    result_cards.record_checkpoint_value(db, new_checkpoint.id, "Kaksi riskikohtaa")
    cf.undo(db, carried)
    assert plans.get_plan(db, ids["due"]).next_review_due == edited
    kept = {c.due_date: c.value_note for c in result_cards.get_card(db, ids["active"]).checkpoints}
    assert kept[dt.date(2026, 11, 3)] == "Kaksi riskikohtaa"  # typed since: never lost
    assert dt.date(2027, 5, 4) not in kept


def test_applying_a_proposal_twice_makes_no_second_checkpoint(db: Database) -> None:
    ids = _unit(db)
    proposal = cf.propose(db, ids["new"])
    cf.carry_forward(db, proposal)
    again = cf.carry_forward(db, proposal)
    assert again.checkpoint_ids == ()
    dates = [c.due_date for c in result_cards.get_card(db, ids["active"]).checkpoints]
    assert len(dates) == len(set(dates)) == 4


def test_leap_days_a_gap_year_and_a_member_who_left_early(db: Database) -> None:
    old = periods.add_period(db, dt.date(2027, 8, 1), dt.date(2028, 7, 31))
    card = result_cards.create_card(
        db,
        CardInput("Ulkoilu"),
        [CheckpointInput(dt.date(2028, 2, 28)), CheckpointInput(dt.date(2028, 2, 29))],
    )
    left = members.add_member(
        db,
        MemberInput(
            "Kari Koski",
            Role.PSYCHOLOGIST,
            term_start=old.start_date,
            term_end=dt.date(2028, 1, 15),
        ),
    )
    new = periods.add_period(db, dt.date(2029, 8, 1), dt.date(2030, 7, 31))  # a year apart
    proposal = cf.propose(db, new.id)
    assert [c.due_to for c in proposal.checkpoints if c.card_id == card.id] == [
        dt.date(2030, 2, 28)
    ]
    assert left.id not in [m.member_id for m in proposal.members]
