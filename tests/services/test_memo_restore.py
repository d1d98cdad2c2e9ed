"""Undo in the memo editor: a removed agenda item or action comes back with its old id."""

from __future__ import annotations

import datetime as dt

from hyvinvointi_app.services import actions, agenda, meetings, periods
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2026, 11, 23)


def _meeting(db: Database) -> int:
    period_id = periods.add_period(db, today=TODAY).id
    return meetings.new_meeting(db, period_id, TODAY).id


def test_restored_item_keeps_id_position_text_and_actions(db: Database) -> None:
    meeting_id = _meeting(db)
    first = meetings.get_meeting(db, meeting_id).agenda[2]
    agenda.set_item_text(db, first.id, "notes", "Muistiinpanot")
    action = actions.add_action(db, meeting_id, ActionInput("Tee"), agenda_item_id=first.id)
    view = agenda.get_item(db, first.id)
    agenda.remove_item(db, first.id)
    assert first.id not in [i.id for i in meetings.get_meeting(db, meeting_id).agenda]
    restored = agenda.restore_item(db, meeting_id, view)
    memo = meetings.get_meeting(db, meeting_id)
    assert restored.id == first.id
    assert memo.agenda[2].id == first.id and memo.agenda[2].notes == "Muistiinpanot"
    assert [a.id for a in memo.agenda[2].actions] == [action.id]
    assert [i.position for i in memo.agenda] == list(range(1, len(memo.agenda) + 1))


def test_restored_action_keeps_its_id_and_fields(db: Database) -> None:
    meeting_id = _meeting(db)
    item = meetings.get_meeting(db, meeting_id).agenda[0]
    action = actions.add_action(
        db,
        meeting_id,
        ActionInput("Päivitä suunnitelma", responsible_text="Koko henkilöstö", due_date=TODAY),
        agenda_item_id=item.id,
    )
    actions.remove_action(db, action.id)
    again = actions.restore_action(db, action)
    assert again.id == action.id
    assert again.text == "Päivitä suunnitelma" and again.responsible_text == "Koko henkilöstö"
    assert again.due_date == TODAY and again.agenda_item_id == item.id
