"""Result cards: made from a development area, followed through checkpoints until closed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from hyvinvointi_app.domain.enums import AgendaItemKind, PlanType, ResultCardStatus, Role
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.translator import translator_for
from hyvinvointi_app.services import agenda, meetings
from hyvinvointi_app.services.evaluations import EvaluationInput, record_evaluation
from hyvinvointi_app.services.memo_view import AgendaItemView, MeetingDetail
from hyvinvointi_app.services.plans import archive_plan
from hyvinvointi_app.services.result_cards import (
    CardInput,
    CheckpointInput,
    DueCheckpoint,
    add_checkpoint,
    card_discussions,
    card_input,
    cards_for_agenda_item,
    checkpoint_input,
    create_card,
    create_card_from_development_area,
    due_checkpoints,
    edit_card,
    edit_checkpoint,
    get_card,
    link_card_to_agenda_item,
    list_cards,
    record_checkpoint_value,
    remove_card,
    remove_checkpoint,
    restore_card,
    restore_checkpoint,
    set_card_status,
    unlink_card_from_agenda_item,
    upcoming_checkpoints,
)
from hyvinvointi_app.store.database import Database

if TYPE_CHECKING:
    from fixtures_plans import Rows

pytest_plugins = ["fixtures_plans"]

TODAY = dt.date(2026, 3, 11)
AREAS = "Pihan portin salpa korjataan.\nSijaisten perehdytys turvallisuusohjeisiin."


@pytest.fixture
def evaluation(db: Database, safety_plan: int) -> int:
    return record_evaluation(
        db, safety_plan, EvaluationInput(date=TODAY, development_areas=AREAS)
    ).id


def _due_between(db: Database, start: dt.date, end: dt.date) -> list[DueCheckpoint]:
    """What a meeting on ``start`` takes up when the next one is on ``end`` (the agenda's
    proposed checkpoint items)."""
    with db.reading() as session:
        return due_checkpoints(session, start, end, start)


def _card(db: Database, what: str, *due: dt.date) -> int:
    return create_card(
        db, CardInput(what), [CheckpointInput(d) for d in due], today=dt.date(2025, 9, 10)
    ).id


def test_card_from_a_development_area_carries_the_text_and_links(
    db: Database, safety_plan: int, evaluation: int
) -> None:
    whole = create_card_from_development_area(db, evaluation, today=TODAY)
    assert whole.what_to_change == AREAS
    assert (whole.plan_id, whole.evaluation_id) == (safety_plan, evaluation)
    assert whole.plan_name == "Turvallisuus- ja pelastussuunnitelma"
    assert whole.status is ResultCardStatus.ACTIVE and whole.created_on == TODAY

    picked = create_card_from_development_area(
        db, evaluation, "Sijaisten perehdytys turvallisuusohjeisiin.", today=TODAY
    )
    assert picked.what_to_change == "Sijaisten perehdytys turvallisuusohjeisiin."
    assert [c.evaluation_id for c in list_cards(db, plan_id=safety_plan)] == [evaluation] * 2


def test_card_from_an_evaluation_without_development_areas_is_refused(
    db: Database, safety_plan: int
) -> None:
    empty = record_evaluation(db, safety_plan, EvaluationInput(date=TODAY)).id
    with pytest.raises(ValidationError) as error:
        create_card_from_development_area(db, empty, today=TODAY)
    assert (error.value.field, error.value.reason) == ("what_to_change", "required")
    assert list_cards(db) == []
    with pytest.raises(NotFound):
        create_card_from_development_area(db, 999)


def test_card_with_all_fields_and_edit(db: Database, rows: Rows, evaluation: int) -> None:
    nurse = rows.member(Role.PUBLIC_HEALTH_NURSE, "Terhi Terveydenhoitaja")
    card = create_card(
        db,
        CardInput(
            what_to_change="Lepohetken rauhallisuus",
            current_state="Levoton",
            target_state="Rauhallinen useimpina päivinä",
            ideal_state="Jokainen lapsi lepää",
            measures="Äänimaailman kartoitus",
            indicator="Havainnointi viikoittain",
        ),
        [
            CheckpointInput(dt.date(2026, 4, 15), nurse),
            CheckpointInput(dt.date(2025, 12, 10), responsible_text="Koko henkilöstö"),
        ],
        today=dt.date(2025, 9, 10),
    )
    assert card.plan_id is None and card.target_state == "Rauhallinen useimpina päivinä"
    assert [c.due_date for c in card.checkpoints] == [dt.date(2025, 12, 10), dt.date(2026, 4, 15)]
    assert card.checkpoints[1].responsible_name == "Terhi Terveydenhoitaja"
    assert card.checkpoints[1].responsible_role is Role.PUBLIC_HEALTH_NURSE
    assert card.checkpoints[0].responsible_text == "Koko henkilöstö"

    edited = edit_card(db, card.id, CardInput("Lepohetki", evaluation_id=evaluation))
    assert edited.what_to_change == "Lepohetki" and edited.measures == ""
    assert edited.plan_id is not None  # the evaluation's plan
    assert len(edited.checkpoints) == 2
    with pytest.raises(ValidationError) as error:
        edit_card(db, card.id, CardInput("Lepohetki", plan_id=999, evaluation_id=evaluation))
    assert error.value.reason == "other_plan"


def test_status_sets_and_clears_the_closing_date(db: Database) -> None:
    card = _card(db, "Kaveritaidot")
    reached = set_card_status(db, card, ResultCardStatus.REACHED, today=TODAY)
    assert reached.closed_on == TODAY
    closed = set_card_status(db, card, ResultCardStatus.CLOSED, today=dt.date(2026, 5, 1))
    assert closed.status is ResultCardStatus.CLOSED and closed.closed_on == TODAY
    reopened = set_card_status(db, card, ResultCardStatus.ACTIVE, today=TODAY)
    assert reopened.closed_on is None


def test_list_shows_active_cards_first(db: Database) -> None:
    closed = _card(db, "A")
    active = _card(db, "B")
    reached = _card(db, "C")
    set_card_status(db, closed, ResultCardStatus.CLOSED, today=TODAY)
    set_card_status(db, reached, ResultCardStatus.REACHED, today=TODAY)
    assert [c.id for c in list_cards(db)] == [active, reached, closed]
    assert [c.id for c in list_cards(db, include_finished=False)] == [active]
    remove_card(db, closed)
    with pytest.raises(NotFound):
        get_card(db, closed)


def test_checkpoints_are_added_edited_recorded_and_removed(db: Database) -> None:
    card = _card(db, "Pihan turvallisuus")
    point = add_checkpoint(db, card, CheckpointInput(dt.date(2025, 12, 10)))
    moved = edit_checkpoint(db, point.id, CheckpointInput(dt.date(2025, 12, 17), None, "Johtaja"))
    assert moved.due_date == dt.date(2025, 12, 17) and moved.responsible_text == "Johtaja"

    recorded = record_checkpoint_value(db, point.id, " Portti korjattu ", dt.date(2025, 12, 17))
    assert (recorded.value_note, recorded.recorded_on) == ("Portti korjattu", dt.date(2025, 12, 17))
    assert recorded.is_recorded
    cleared = record_checkpoint_value(db, point.id, "")
    assert cleared.recorded_on is None and not cleared.is_recorded

    remove_checkpoint(db, point.id)
    assert get_card(db, card).checkpoints == ()
    with pytest.raises(NotFound):
        record_checkpoint_value(db, point.id, "x")
    with pytest.raises(NotFound):
        add_checkpoint(db, card, CheckpointInput(TODAY, responsible_id=999))


def test_checkpoints_due_in_a_window_between_two_meetings(db: Database) -> None:
    first = _card(db, "Kaveritaidot", dt.date(2025, 12, 1), dt.date(2026, 3, 11))
    second = _card(db, "Lepohetki", dt.date(2026, 2, 1), dt.date(2026, 4, 20))
    done = _card(db, "Valmis", dt.date(2026, 1, 15))
    set_card_status(db, done, ResultCardStatus.REACHED, today=TODAY)
    recorded = get_card(db, second).checkpoints[0]
    record_checkpoint_value(db, recorded.id, "Kysely tehty", dt.date(2026, 2, 1))

    # the December meeting (10.12.) is the last before the March meeting (11.3.)
    due = _due_between(db, dt.date(2025, 12, 10), dt.date(2026, 3, 11))
    assert due == []  # 1.2. recorded, 15.1. on a reached card, 11.3. belongs to March
    due = _due_between(db, dt.date(2025, 11, 20), dt.date(2026, 3, 12))
    assert [(d.card_id, d.checkpoint.due_date) for d in due] == [
        (first, dt.date(2025, 12, 1)),
        (first, dt.date(2026, 3, 11)),
    ]
    assert due[0].what_to_change == "Kaveritaidot" and not due[0].is_late


def test_upcoming_checkpoints_include_late_ones_without_a_value(db: Database) -> None:
    card = _card(
        db, "Kaveritaidot", dt.date(2026, 2, 1), TODAY, dt.date(2026, 5, 10), dt.date(2026, 5, 11)
    )
    upcoming = upcoming_checkpoints(db, TODAY)
    assert [(d.checkpoint.due_date, d.is_late) for d in upcoming] == [
        (dt.date(2026, 2, 1), True),
        (TODAY, False),
        (dt.date(2026, 5, 10), False),  # 60 days after 11.3.
    ]
    assert len(upcoming_checkpoints(db, TODAY, within_days=0)) == 2
    assert all(d.card_id == card for d in upcoming)


def test_card_discussed_under_agenda_items(
    db: Database, rows: Rows, two_periods: tuple[int, int]
) -> None:
    card = _card(db, "Kaveritaidot")
    meeting = rows.meeting(two_periods[0], 2, dt.date(2025, 12, 10))
    item = rows.agenda_item(meeting)
    link_card_to_agenda_item(db, card, item)
    link_card_to_agenda_item(db, card, item)  # twice is harmless
    assert get_card(db, card).discussed_in == (item,)
    assert [c.id for c in cards_for_agenda_item(db, item)] == [card]
    unlink_card_from_agenda_item(db, card, item)
    assert cards_for_agenda_item(db, item) == []
    with pytest.raises(NotFound):
        link_card_to_agenda_item(db, card, 999)


def test_card_keeps_its_plan_when_the_plan_is_archived(db: Database, rows: Rows) -> None:
    plan = rows.plan(PlanType.ANTI_BULLYING, "Kiusaamisen ehkäisyn malli")
    card = create_card(db, CardInput("Välituntien valvonta", plan_id=plan), today=TODAY)
    archive_plan(db, plan)
    assert get_card(db, card.id).plan_name == "Kiusaamisen ehkäisyn malli"
    assert [c.id for c in list_cards(db, plan_id=plan)] == [card.id]


def _proposed(memo: MeetingDetail) -> list[AgendaItemView]:
    return [i for i in memo.agenda if i.title.startswith(_checkpoint_title_start())]


def _checkpoint_title_start() -> str:
    title = translator_for("fi").pgettext("agenda item", "Result card checkpoint {dates}: {topic}")
    return title.split("{", 1)[0]


def test_new_meeting_proposes_the_checkpoints_before_the_next_meeting(
    db: Database, rows: Rows, two_periods: tuple[int, int]
) -> None:
    period = two_periods[0]
    rows.meeting(period, 1, dt.date(2026, 3, 10))  # already planned for March
    calm = _card(db, "Lepohetken rauhallisuus\nToinen rivi", dt.date(2026, 1, 15))
    friends = _card(
        db, "Kaveritaidot", dt.date(2025, 11, 30), dt.date(2026, 2, 2), dt.date(2026, 3, 10)
    )
    recorded = _card(db, "Kirjattu", dt.date(2026, 1, 20))
    record_checkpoint_value(db, get_card(db, recorded).checkpoints[0].id, "Tehty", TODAY)
    reached = _card(db, "Saavutettu", dt.date(2026, 1, 20))
    set_card_status(db, reached, ResultCardStatus.REACHED, today=TODAY)

    memo = meetings.new_meeting(db, period, dt.date(2025, 12, 10))

    proposed = _proposed(memo)
    fi = translator_for("fi")
    assert [i.title for i in proposed] == [
        # no earlier meeting: the missed 30.11. is taken up too; 10.3. belongs to March
        fi.pgettext("agenda item", "Result card checkpoint {dates}: {topic}").format(
            dates="30.11.2025, 2.2.2026", topic="Kaveritaidot"
        ),
        fi.pgettext("agenda item", "Result card checkpoint {dates}: {topic}").format(
            dates="15.1.2026", topic="Lepohetken rauhallisuus"
        ),
    ]
    assert [c.id for c in cards_for_agenda_item(db, proposed[0].id)] == [friends]
    assert [c.id for c in cards_for_agenda_item(db, proposed[1].id)] == [calm]
    kinds = [i.kind for i in memo.agenda]
    after = kinds[kinds.index(AgendaItemKind.CUSTOM) + len(proposed) :]
    assert after == [
        AgendaItemKind.OTHER_MATTERS,
        AgendaItemKind.NEXT_MEETING,
        AgendaItemKind.CLOSING,
    ]
    assert [i.position for i in memo.agenda] == list(range(1, len(memo.agenda) + 1))
    discussed = card_discussions(db, friends)
    assert [(d.meeting_id, d.meeting_number, d.meeting_date) for d in discussed] == [
        (memo.id, 2, dt.date(2025, 12, 10))
    ]
    assert discussed[0].item_title == proposed[0].title

    # undoing “new meeting” takes the proposals away, redoing brings them back
    snapshot = meetings.delete_meeting(db, memo.id, unchanged_since=memo.updated_at)
    assert get_card(db, friends).discussed_in == ()
    meetings.restore_meeting(db, snapshot)
    assert get_card(db, friends).discussed_in == (proposed[0].id,)


def test_without_a_later_meeting_the_next_ninety_days_are_proposed(
    db: Database, rows: Rows, two_periods: tuple[int, int]
) -> None:
    period = two_periods[0]
    rows.meeting(period, 1, dt.date(2025, 9, 15))
    card = _card(
        db,
        "Pihan turvallisuus",
        dt.date(2025, 9, 15),  # the earlier meeting took it up
        dt.date(2025, 10, 1),  # missed since the earlier meeting: proposed now
        dt.date(2026, 1, 8),  # 90 days after 10.10.
        dt.date(2026, 1, 9),
    )
    memo = meetings.new_meeting(db, period, dt.date(2025, 10, 10))
    proposed = _proposed(memo)
    assert len(proposed) == 1
    assert "1.10.2025, 8.1.2026:" in proposed[0].title
    assert get_card(db, card).discussed_in == (proposed[0].id,)
    assert agenda.CHECKPOINT_WINDOW_DAYS == 90


def test_a_meeting_without_due_checkpoints_gets_no_proposals(
    db: Database, two_periods: tuple[int, int]
) -> None:
    _card(db, "Myöhemmin", dt.date(2026, 6, 1))
    memo = meetings.new_meeting(db, two_periods[0], dt.date(2025, 10, 10))
    assert _proposed(memo) == []
    assert AgendaItemKind.CUSTOM not in [i.kind for i in memo.agenda]


def test_removed_card_and_checkpoint_come_back_whole(
    db: Database, rows: Rows, two_periods: tuple[int, int], evaluation: int
) -> None:
    nurse = rows.member(Role.PUBLIC_HEALTH_NURSE, "Terhi Terveydenhoitaja")
    card = create_card_from_development_area(db, evaluation, "Portin salpa", today=TODAY)
    point = add_checkpoint(db, card.id, CheckpointInput(dt.date(2026, 4, 1), nurse))
    record_checkpoint_value(db, point.id, "Korjattu", dt.date(2026, 4, 2))
    item = rows.agenda_item(rows.meeting(two_periods[0], 1, dt.date(2026, 4, 2)))
    link_card_to_agenda_item(db, card.id, item)
    set_card_status(db, card.id, ResultCardStatus.REACHED, today=dt.date(2026, 4, 2))
    before = get_card(db, card.id)

    remove_card(db, card.id)
    assert restore_card(db, before) == before
    with pytest.raises(ValidationError):
        restore_card(db, before)

    recorded = before.checkpoints[0]
    remove_checkpoint(db, recorded.id)
    assert restore_checkpoint(db, recorded) == recorded
    edit_checkpoint(db, recorded.id, CheckpointInput(dt.date(2026, 5, 5)))
    assert restore_checkpoint(db, recorded) == recorded
    assert card_input(before).evaluation_id == evaluation
    assert checkpoint_input(recorded) == CheckpointInput(dt.date(2026, 4, 1), nurse)
