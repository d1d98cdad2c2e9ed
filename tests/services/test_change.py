"""The undo steps the services hand to the screens: each user action's ``…_undoably``
function has made the change, and its undo and redo put the file back and forth."""

from __future__ import annotations

import datetime as dt

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.services import agenda, meetings, members, periods, result_cards
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.result_cards import CardInput
from hyvinvointi_app.store.database import Database


def _meeting(db: Database) -> int:
    period = periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    return meetings.new_meeting(db, period.id, dt.date(2026, 9, 10)).id


def test_then_joins_two_overwrites_into_one_step() -> None:
    log: list[str] = []
    first = Change("edit", 1, lambda: log.append("undo 1"), lambda: log.append("redo 1"))
    second = Change("edit", 2, lambda: log.append("undo 2"), lambda: log.append("redo 2"))
    joined = first.then(second)
    assert joined.value == 2 and joined.made
    joined.undo()
    joined.redo()
    assert log == ["undo 1", "redo 2"]  # back to before the first, forward to after the last
    nothing = Change.nothing("edit", 3)
    assert not nothing.made
    assert nothing.then(second) is second
    assert first.then(nothing).value == 3 and first.then(nothing).made


def test_a_dialog_saved_unchanged_makes_no_step(db: Database) -> None:
    added = members.add_member_undoably(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    assert added.made and added.label == "add member"
    same = members.edit_member_undoably(
        db, added.value.id, MemberInput("Aino Ahonen", Role.DIRECTOR)
    )
    assert not same.made
    added.undo()
    assert members.list_members(db) == []
    added.redo()
    assert [m.id for m in members.list_members(db)] == [added.value.id]


def test_a_memo_text_session_undoes_to_the_text_before_it(db: Database) -> None:
    meeting_id = _meeting(db)
    item = meetings.get_meeting(db, meeting_id).agenda[0]
    writes = [
        agenda.set_item_text_undoably(db, item.id, "notes", text)
        for text in ("Portti", "Portti korjataan", "Portti korjataan syksyllä")
    ]
    session = writes[0].then(writes[1]).then(writes[2])
    session.undo()
    assert agenda.get_item(db, item.id).notes == item.notes
    session.redo()
    assert agenda.get_item(db, item.id).notes == "Portti korjataan syksyllä"


def test_a_card_field_keeps_the_other_fields(db: Database) -> None:
    card = result_cards.create_card(db, CardInput("Sijaisten perehdytys", measures="Kansio"))
    change = result_cards.set_card_text_undoably(db, card.id, "indicator", "Lomakkeet")
    assert change.value.measures == "Kansio" and change.value.indicator == "Lomakkeet"
    change.undo()
    stored = result_cards.get_card(db, card.id)
    assert (stored.measures, stored.indicator) == ("Kansio", "")


def test_deleting_a_meeting_is_undone_whole(db: Database) -> None:
    meeting_id = _meeting(db)
    before = meetings.get_meeting(db, meeting_id)
    change = meetings.delete_meeting_undoably(db, meeting_id)
    assert meetings.list_meetings(db, before.period_id) == []
    change.undo()
    assert meetings.get_meeting(db, meeting_id).agenda == before.agenda
    change.redo()
    assert meetings.list_meetings(db, before.period_id) == []
