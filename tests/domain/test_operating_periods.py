"""Operating periods: the default 1.8.–31.7., labels, validation and the months of a period."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app.domain.periods import (
    InvalidPeriod,
    PeriodProblem,
    default_period_for,
    period_label,
    validate_period,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "period"),
    [
        (D(2026, 11, 23), (D(2026, 8, 1), D(2027, 7, 31))),
        (D(2026, 8, 1), (D(2026, 8, 1), D(2027, 7, 31))),
        (D(2026, 7, 31), (D(2025, 8, 1), D(2026, 7, 31))),
        (D(2026, 1, 1), (D(2025, 8, 1), D(2026, 7, 31))),
        (D(2024, 2, 29), (D(2023, 8, 1), D(2024, 7, 31))),
    ],
)
def test_default_period_runs_from_august_to_july(
    day: dt.date, period: tuple[dt.date, dt.date]
) -> None:
    assert default_period_for(day) == period


def test_a_unit_may_start_its_period_on_another_day() -> None:
    assert default_period_for(D(2026, 3, 5), start_month=1) == (D(2026, 1, 1), D(2026, 12, 31))
    assert default_period_for(D(2026, 8, 14), 8, 15) == (D(2025, 8, 15), D(2026, 8, 14))
    assert default_period_for(D(2026, 8, 15), 8, 15) == (D(2026, 8, 15), D(2027, 8, 14))


@pytest.mark.parametrize(("month", "day"), [(2, 29), (4, 31), (13, 1), (0, 1)])
def test_a_start_that_not_every_year_has_is_refused(month: int, day: int) -> None:
    with pytest.raises(ValueError):
        default_period_for(D(2026, 5, 1), month, day)


@given(st.dates(min_value=D(1901, 1, 1), max_value=D(2199, 12, 31)))
def test_default_period_contains_the_day_and_is_valid(day: dt.date) -> None:
    start, end = default_period_for(day)
    assert start <= day <= end
    assert (start.month, start.day, end.month, end.day) == (8, 1, 7, 31)
    validate_period(start, end)


def test_labels() -> None:
    assert period_label(D(2025, 8, 1), D(2026, 7, 31)) == "2025-2026"
    assert period_label(D(2026, 1, 1), D(2026, 12, 31)) == "2026"
    assert period_label(D(2025, 8, 1), D(2027, 7, 31)) == "2025-2027"


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [
        (D(2026, 8, 1), D(2026, 8, 1), PeriodProblem.END_NOT_AFTER_START),
        (D(2026, 8, 1), D(2025, 7, 31), PeriodProblem.END_NOT_AFTER_START),
        (D(2026, 2, 1), D(2026, 2, 27), PeriodProblem.TOO_SHORT),
        (D(2025, 8, 1), D(2027, 8, 1), PeriodProblem.TOO_LONG),
        (D(2024, 2, 29), D(2026, 3, 1), PeriodProblem.TOO_LONG),
    ],
)
def test_invalid_periods(start: dt.date, end: dt.date, reason: PeriodProblem) -> None:
    with pytest.raises(InvalidPeriod) as raised:
        validate_period(start, end)
    assert raised.value.reason is reason
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2026, 2, 1), D(2026, 2, 28)),  # exactly 28 days
        (D(2025, 8, 1), D(2027, 7, 31)),  # exactly two years
        (D(2024, 2, 29), D(2026, 2, 28)),
        (D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_valid_periods_at_the_limits(start: dt.date, end: dt.date) -> None:
    validate_period(start, end)
