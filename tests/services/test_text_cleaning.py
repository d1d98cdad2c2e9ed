"""Control characters never reach the file, whichever service saves the text."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app.domain.enums import Language, PlanType, Role
from hyvinvointi_app.domain.typed_text import clean_text, clean_value
from hyvinvointi_app.services import actions, agenda, meetings, members, periods, plans, unit
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2026, 11, 23)
DIRTY = "Kokous\x00 alkoi\x07 klo 9.\x7f\x1b[0m\x85"
CLEAN = "Kokous alkoi klo 9.[0m"


def test_control_characters_go_and_line_breaks_and_tabs_stay() -> None:
    assert clean_text(DIRTY) == CLEAN
    assert clean_text("rivi 1\nrivi 2\r\n\tsisennys") == "rivi 1\nrivi 2\r\n\tsisennys"
    assert clean_text("ไทย 中文 العربية ❤\u200d") == "ไทย 中文 العربية ❤\u200d"
    assert clean_text("a\ud800b") == "ab"  # a lone surrogate cannot be stored as UTF-8


def test_clean_text_returns_the_same_object_when_nothing_changes() -> None:
    text = "Päivänkakkara\nrivi"
    assert clean_text(text) is text
    questions = ["Toimiiko?", "Mitä muuta?"]
    assert clean_value(questions) is questions
    assert clean_value({"a\x00": ["b\x07", 3]}) == {"a": ["b", 3]}


@given(st.text())
def test_cleaned_text_has_no_control_characters_and_is_stable(text: str) -> None:
    cleaned = clean_text(text)
    assert all(ch in "\t\n\r" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
    assert clean_text(cleaned) == cleaned


def _stored(db: Database, sql: str) -> list[str]:
    with sqlite3.connect(db.path) as connection:
        return [row[0] for row in connection.execute(sql)]


def test_every_service_write_is_cleaned(db: Database) -> None:
    period_id = periods.add_period(db, today=TODAY).id
    member = members.add_member(db, MemberInput("Aino\x00 Ahonen", Role.DIRECTOR))
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    item = memo.agenda[-3]
    agenda.set_item_text(db, item.id, "notes", DIRTY)
    agenda.set_item_text(db, item.id, "decision", "Päätös\x08\n\tkohta")
    added = agenda.add_item(db, memo.id, "Uusi\x0c aihe")
    actions.add_action(db, memo.id, ActionInput("Tehdään\x1f", responsible_text="koko\x00 talo"))
    plan = plans.add_plan(
        db,
        PlanInput(
            PlanType.SAFETY_RESCUE,
            "Tasa-arvo\x7f",
            owner="Johtaja\x01",
            custom_questions=("Toimiiko\x00?",),
        ),
    )

    assert member.name == "Aino Ahonen"
    assert _stored(db, "SELECT name FROM member") == ["Aino Ahonen"]
    notes = _stored(db, f"SELECT notes FROM agenda_item WHERE id = {item.id}")
    assert notes == [CLEAN]
    decision = _stored(db, f"SELECT decision FROM agenda_item WHERE id = {item.id}")
    assert decision == ["Päätös\n\tkohta"]
    assert _stored(db, f"SELECT title FROM agenda_item WHERE id = {added.id}") == ["Uusi aihe"]
    assert _stored(db, "SELECT text || '|' || responsible_text FROM action_item") == [
        "Tehdään|koko talo"
    ]
    assert _stored(db, f"SELECT name || '|' || owner FROM plan WHERE id = {plan.id}") == [
        "Tasa-arvo|Johtaja"
    ]
    assert "\\u0000" not in _stored(db, "SELECT custom_questions FROM plan")[0]
    assert [p.custom_questions for p in plans.list_plans(db)] == [("Toimiiko?",)]
    # The search index, kept by triggers, sees the cleaned text too.
    assert agenda.get_item(db, item.id).notes == CLEAN


def test_the_unit_name_is_cleaned(db: Database) -> None:
    unit.set_up_unit(
        db, unit.UnitInfo("Päiväkoti\x00 Ruusu", "Daghemmet\x07 Rosen", "", False, Language.FINNISH)
    )
    stored = unit.get_unit(db)
    assert (stored.name_fi, stored.name_sv) == ("Päiväkoti Ruusu", "Daghemmet Rosen")


@pytest.mark.parametrize("text", ["\x00", "\x07\x7f"])
def test_a_text_of_control_characters_only_is_stored_empty(db: Database, text: str) -> None:
    period_id = periods.add_period(db, today=TODAY).id
    memo = meetings.new_meeting(db, period_id, dt.date(2026, 11, 25))
    agenda.set_item_text(db, memo.agenda[0].id, "notes", text)
    assert agenda.get_item(db, memo.agenda[0].id).notes == ""
