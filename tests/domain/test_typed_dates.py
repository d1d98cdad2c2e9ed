"""Dates and times typed Finnish style into a form field."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app.domain.typed_dates import (
    InvalidTypedDate,
    InvalidTypedTime,
    TypedDateProblem,
    TypedTimeProblem,
    parse_typed_date,
    parse_typed_time,
)

TODAY = dt.date(2026, 11, 23)
D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.1.2027", D(2027, 1, 15)),
        ("15.01.2027", D(2027, 1, 15)),
        ("15.1.27", D(2027, 1, 15)),
        ("15.1.", D(2027, 1, 15)),  # 15.1.2026 has passed
        ("15.1", D(2027, 1, 15)),
        ("23.11.", TODAY),  # today counts as the next occurrence
        ("22.11.", D(2027, 11, 22)),
        ("24.12", D(2026, 12, 24)),
        ("2027-01-15", D(2027, 1, 15)),
        ("  15.1.2027 \t", D(2027, 1, 15)),
        ("15. 1. 2027", D(2027, 1, 15)),
        ("29.2.", D(2028, 2, 29)),
        ("29.2.2028", D(2028, 2, 29)),
        ("1.8.99", D(1999, 8, 1)),
        ("1.1.1900", D(1900, 1, 1)),
        ("31.12.2200", D(2200, 12, 31)),
    ],
)
def test_typed_dates(text: str, expected: dt.date) -> None:
    assert parse_typed_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", TypedDateProblem.EMPTY),
        ("   ", TypedDateProblem.EMPTY),
        ("huomenna", TypedDateProblem.FORMAT),
        ("15/1/2027", TypedDateProblem.FORMAT),
        ("15.1.027", TypedDateProblem.FORMAT),
        ("15..2027", TypedDateProblem.FORMAT),
        ("15", TypedDateProblem.FORMAT),
        ("15.1.2027 klo 13", TypedDateProblem.FORMAT),
        ("١٥.١.٢٠٢٧", TypedDateProblem.FORMAT),  # digits of another script
        ("31.2.", TypedDateProblem.NO_SUCH_DAY),
        ("31.2.2027", TypedDateProblem.NO_SUCH_DAY),
        ("29.2.2027", TypedDateProblem.NO_SUCH_DAY),
        ("32.1.2027", TypedDateProblem.NO_SUCH_DAY),
        ("1.13.", TypedDateProblem.NO_SUCH_DAY),
        ("0.1.2027", TypedDateProblem.NO_SUCH_DAY),
        ("2027-02-30", TypedDateProblem.NO_SUCH_DAY),
        ("15.1.1899", TypedDateProblem.OUT_OF_RANGE),
        ("15.1.2201", TypedDateProblem.OUT_OF_RANGE),
        ("0001-01-01", TypedDateProblem.OUT_OF_RANGE),
    ],
)
def test_refused_dates_say_why(text: str, reason: TypedDateProblem) -> None:
    with pytest.raises(InvalidTypedDate) as raised:
        parse_typed_date(text, TODAY)
    assert raised.value.reason is reason
    assert raised.value.text == text
    assert isinstance(raised.value, ValueError)


def test_two_digit_years_are_the_nearest_to_today() -> None:
    assert parse_typed_date("1.1.76", TODAY) == D(1976, 1, 1)
    assert parse_typed_date("1.1.75", TODAY) == D(2075, 1, 1)
    assert parse_typed_date("1.1.00", TODAY) == D(2000, 1, 1)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)))
def test_every_date_round_trips_in_both_forms(day: dt.date) -> None:
    assert parse_typed_date(f"{day.day}.{day.month}.{day.year}", TODAY) == day
    assert parse_typed_date(day.isoformat(), TODAY) == day


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2190, 12, 31)), st.dates())
def test_a_date_without_year_is_the_first_on_or_after_today(today: dt.date, day: dt.date) -> None:
    try:
        parsed = parse_typed_date(f"{day.day}.{day.month}.", today)
    except InvalidTypedDate as error:
        assert error.reason is TypedDateProblem.OUT_OF_RANGE
        return
    assert (parsed.month, parsed.day) == (day.month, day.day)
    assert today <= parsed
    for year in range(today.year, parsed.year):
        if (day.month, day.day) != (2, 29) or calendar.isleap(year):
            assert D(year, day.month, day.day) < today


@given(st.text(max_size=30))
def test_garbage_raises_only_invalid_typed_date(text: str) -> None:
    with contextlib.suppress(InvalidTypedDate):
        parse_typed_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13", dt.time(13)),
        ("9", dt.time(9)),
        ("0", dt.time(0)),
        ("13.00", dt.time(13)),
        ("13:00", dt.time(13)),
        ("9.30", dt.time(9, 30)),
        ("09:05", dt.time(9, 5)),
        ("0930", dt.time(9, 30)),
        ("2359", dt.time(23, 59)),
        (" 14.30 ", dt.time(14, 30)),
    ],
)
def test_typed_times(text: str, expected: dt.time) -> None:
    assert parse_typed_time(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", TypedTimeProblem.EMPTY),
        (" ", TypedTimeProblem.EMPTY),
        ("9.5", TypedTimeProblem.FORMAT),
        ("930", TypedTimeProblem.FORMAT),
        ("13.000", TypedTimeProblem.FORMAT),
        ("13:00:00", TypedTimeProblem.FORMAT),
        ("klo", TypedTimeProblem.FORMAT),
        ("13-14", TypedTimeProblem.FORMAT),
        ("24", TypedTimeProblem.OUT_OF_RANGE),
        ("24.00", TypedTimeProblem.OUT_OF_RANGE),
        ("13.60", TypedTimeProblem.OUT_OF_RANGE),
        ("2400", TypedTimeProblem.OUT_OF_RANGE),
    ],
)
def test_refused_times_say_why(text: str, reason: TypedTimeProblem) -> None:
    with pytest.raises(InvalidTypedTime) as raised:
        parse_typed_time(text)
    assert raised.value.reason is reason
    assert isinstance(raised.value, ValueError)


@given(st.text(max_size=12))
def test_garbage_raises_only_invalid_typed_time(text: str) -> None:
    with contextlib.suppress(InvalidTypedTime):
        parse_typed_time(text)
