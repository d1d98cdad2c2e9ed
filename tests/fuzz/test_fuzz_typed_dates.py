"""Dates and times typed into fields: anything at all is either a date (or time) in range or
a refusal with a reason the field can show; nothing else ever comes out."""

from __future__ import annotations

import datetime as dt

from fuzz_budget import fuzz
from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app.domain.typed_dates import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    InvalidTypedDate,
    InvalidTypedTime,
    parse_typed_date,
    parse_typed_time,
)
from hyvinvointi_app.ui.text_fields import date_problem_text, time_problem_text

# What a keyboard produces near a date field: digits and separators mostly, sometimes
# anything (other scripts' digits, emoji, control characters, very long pastes).
_NEAR = st.text(alphabet="0123456789.,:-/ \t", max_size=14)
_SEPARATOR = st.sampled_from([".", ". ", "-", "/", ",", ":", ""])
_NUMBER = st.one_of(st.integers(0, 40), st.integers(0, 99999)).map(str) | st.just("")
_DATE_LIKE = st.tuples(_NUMBER, _SEPARATOR, _NUMBER, _SEPARATOR, _NUMBER, _SEPARATOR).map("".join)
_TIME_LIKE = st.tuples(_NUMBER, _SEPARATOR, _NUMBER).map("".join)
_ANYTHING = st.text(max_size=40)
_TODAY = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 12, 31))


@fuzz("typed_dates")
@given(text=st.one_of(_NEAR, _DATE_LIKE, _ANYTHING), today=_TODAY)
def test_a_typed_date_is_a_date_in_range_or_a_reasoned_refusal(text: str, today: dt.date) -> None:
    try:
        value = parse_typed_date(text, today)
    except InvalidTypedDate as refusal:
        assert refusal.text == text
        assert date_problem_text(refusal)  # the field has words for every reason
        return
    assert isinstance(value, dt.date)
    assert EARLIEST_YEAR <= value.year <= LATEST_YEAR
    # What the field shows again reads back as the same day.
    assert parse_typed_date(f"{value.day}.{value.month}.{value.year}", today) == value


@fuzz("typed_times")
@given(text=st.one_of(_TIME_LIKE, _NEAR, _ANYTHING))
def test_a_typed_time_is_a_time_of_day_or_a_reasoned_refusal(text: str) -> None:
    try:
        value = parse_typed_time(text)
    except InvalidTypedTime as refusal:
        assert refusal.text == text
        assert time_problem_text(refusal)
        return
    assert isinstance(value, dt.time)
    assert parse_typed_time(f"{value.hour}.{value.minute:02d}") == value
