"""Operating periods: adding, editing, choosing the current one, and the inverses undo needs."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.services import meetings, periods
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2026, 11, 23)


def _reason(error: pytest.ExceptionInfo[ValidationError]) -> tuple[str, str]:
    return error.value.field, error.value.reason


def test_first_period_is_the_default_one_and_current(db: Database) -> None:
    period = periods.add_period(db, today=TODAY)
    assert (period.label, period.start_date, period.end_date) == (
        "2026-2027",
        dt.date(2026, 8, 1),
        dt.date(2027, 7, 31),
    )
    assert period.is_current
    assert periods.current_period(db) == period


def test_a_later_period_does_not_take_over_as_current(db: Database) -> None:
    first = periods.add_period(db, today=TODAY)
    second = periods.add_period(db, dt.date(2027, 8, 1), dt.date(2028, 7, 31))
    assert not second.is_current
    assert periods.current_period(db).id == first.id
    assert [p.label for p in periods.list_periods(db)] == ["2027-2028", "2026-2027"]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2027, 3, 1), dt.date(2028, 2, 28), ("start_date", "overlaps")),
        (dt.date(2027, 9, 1), dt.date(2027, 8, 1), ("end_date", "end_before_start")),
        (dt.date(2027, 9, 1), dt.date(2027, 9, 1), ("end_date", "end_before_start")),
        (dt.date(2027, 9, 1), dt.date(2027, 9, 10), ("end_date", "invalid_period")),
        (dt.date(2027, 8, 1), dt.date(2029, 8, 1), ("end_date", "invalid_period")),
    ],
)
def test_adding_refuses_dates_that_break_a_rule(
    db: Database, start: dt.date, end: dt.date, expected: tuple[str, str]
) -> None:
    periods.add_period(db, today=TODAY)
    with pytest.raises(ValidationError) as error:
        periods.add_period(db, start, end)
    assert _reason(error) == expected
    assert len(periods.list_periods(db)) == 1


def test_two_periods_in_one_calendar_year_cannot_share_the_label(db: Database) -> None:
    periods.add_period(db, dt.date(2027, 1, 1), dt.date(2027, 5, 31))
    with pytest.raises(ValidationError) as error:
        periods.add_period(db, dt.date(2027, 6, 1), dt.date(2027, 12, 31))
    assert _reason(error) == ("start_date", "duplicate_label")


def test_editing_dates_changes_the_label(db: Database) -> None:
    period = periods.add_period(db, today=TODAY)
    edited = periods.edit_period_dates(db, period.id, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert (edited.id, edited.label, edited.is_current) == (period.id, "2027", True)
    assert periods.list_periods(db) == [edited]


def test_editing_refuses_an_overlap_and_keeps_the_old_dates(db: Database) -> None:
    first = periods.add_period(db, today=TODAY)
    second = periods.add_period(db, dt.date(2027, 8, 1), dt.date(2028, 7, 31))
    with pytest.raises(ValidationError) as error:
        periods.edit_period_dates(db, second.id, dt.date(2027, 6, 1), dt.date(2028, 7, 31))
    assert _reason(error) == ("start_date", "overlaps")
    assert periods.list_periods(db) == [second, first]


def test_editing_refuses_a_label_another_period_has(db: Database) -> None:
    periods.add_period(db, dt.date(2027, 1, 1), dt.date(2027, 5, 31))
    other = periods.add_period(db, dt.date(2027, 6, 1), dt.date(2028, 5, 31))
    with pytest.raises(ValidationError) as error:
        periods.edit_period_dates(db, other.id, dt.date(2027, 6, 1), dt.date(2027, 12, 31))
    assert _reason(error) == ("start_date", "duplicate_label")


def test_editing_refuses_to_leave_a_meeting_outside_the_period(db: Database) -> None:
    period = periods.add_period(db, today=TODAY)
    meetings.new_meeting(db, period.id, dt.date(2026, 9, 15))
    meetings.new_meeting(db, period.id, dt.date(2027, 5, 20))
    with pytest.raises(ValidationError) as error:
        periods.edit_period_dates(db, period.id, dt.date(2026, 10, 1), dt.date(2027, 7, 31))
    assert _reason(error) == ("start_date", "meetings_outside")
    with pytest.raises(ValidationError) as error:
        periods.edit_period_dates(db, period.id, dt.date(2026, 8, 1), dt.date(2027, 4, 30))
    assert _reason(error) == ("end_date", "meetings_outside")
    edited = periods.edit_period_dates(db, period.id, dt.date(2026, 9, 1), dt.date(2027, 6, 30))
    assert edited.start_date == dt.date(2026, 9, 1)


def test_choosing_and_clearing_the_current_period(db: Database) -> None:
    first = periods.add_period(db, today=TODAY)
    second = periods.add_period(db, dt.date(2027, 8, 1), dt.date(2028, 7, 31))
    periods.set_current_period(db, second.id)
    assert periods.current_period(db).id == second.id
    assert [p.is_current for p in periods.list_periods(db)] == [True, False]
    periods.set_current_period(db, first.id)
    assert periods.current_period(db).id == first.id
    periods.clear_current_period(db)
    with pytest.raises(NotFound):
        periods.current_period(db)
    with pytest.raises(NotFound):
        periods.set_current_period(db, 999)


def test_removing_and_restoring_keeps_the_id_and_current_flag(db: Database) -> None:
    periods.add_period(db, today=TODAY)
    second = periods.add_period(db, dt.date(2027, 8, 1), dt.date(2028, 7, 31))
    periods.set_current_period(db, second.id)
    removed = periods.remove_period(db, second.id)
    assert removed.id == second.id and removed.is_current
    assert [p.label for p in periods.list_periods(db)] == ["2026-2027"]
    restored = periods.restore_period(db, removed)
    assert restored == removed
    assert periods.current_period(db).id == second.id
    assert [p.is_current for p in periods.list_periods(db)] == [True, False]


def test_restoring_refuses_a_taken_id_or_dates_taken_meanwhile(db: Database) -> None:
    first = periods.add_period(db, today=TODAY)
    with pytest.raises(ValidationError) as error:
        periods.restore_period(db, first)
    assert _reason(error) == ("period", "in_use")
    second = periods.add_period(db, dt.date(2027, 8, 1), dt.date(2028, 7, 31))
    removed = periods.remove_period(db, second.id)
    periods.edit_period_dates(db, first.id, dt.date(2026, 8, 1), dt.date(2027, 12, 31))
    with pytest.raises(ValidationError) as error:
        periods.restore_period(db, removed)
    assert _reason(error) == ("start_date", "overlaps")


def test_a_period_with_meetings_cannot_be_removed(db: Database) -> None:
    period = periods.add_period(db, today=TODAY)
    meetings.new_meeting(db, period.id, dt.date(2026, 9, 15))
    with pytest.raises(ValidationError) as error:
        periods.remove_period(db, period.id)
    assert _reason(error) == ("period", "in_use")
    assert periods.list_periods(db) == [period]
    with pytest.raises(NotFound):
        periods.remove_period(db, 999)


def test_proposed_period_follows_the_latest_one(db: Database) -> None:
    assert periods.propose_next_period(db, today=TODAY) == (
        dt.date(2026, 8, 1),
        dt.date(2027, 7, 31),
    )
    periods.add_period(db, today=TODAY)
    periods.add_period(db, dt.date(2024, 8, 1), dt.date(2025, 7, 31))
    assert periods.propose_next_period(db, today=TODAY) == (
        dt.date(2027, 8, 1),
        dt.date(2028, 7, 31),
    )


def test_proposal_after_a_calendar_year_period_keeps_the_default_dates(db: Database) -> None:
    periods.add_period(db, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    start, end = periods.propose_next_period(db, today=TODAY)
    assert (start, end) == (dt.date(2028, 8, 1), dt.date(2029, 7, 31))
    periods.add_period(db, start, end)


def test_meeting_counts_by_period(db: Database) -> None:
    first = periods.add_period(db, today=TODAY)
    second = periods.add_period(db, dt.date(2027, 8, 1), dt.date(2028, 7, 31))
    meetings.new_meeting(db, first.id, dt.date(2026, 9, 15))
    meetings.new_meeting(db, first.id, dt.date(2027, 3, 15))
    assert periods.meeting_counts(db) == {first.id: 2}
    assert periods.meeting_counts(db).get(second.id, 0) == 0
