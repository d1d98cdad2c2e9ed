"""Operating periods (toimintakausi): 1.8.–31.7. unless the unit sets other dates.

A group must meet at least twice per period and reports per period, so every report and
the annual clock hang on these dates (domain reference §4).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

MIN_PERIOD_DAYS = 28
"""A shorter period cannot hold the two meetings a group must have; it is a typing slip."""

MAX_PERIOD_YEARS = 2
"""A longer period would hide that a unit skipped a year of meetings."""


class PeriodProblem(StrEnum):
    """Why a period's dates were refused; stable identifiers a form can translate."""

    END_NOT_AFTER_START = "end_not_after_start"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"


class InvalidPeriod(ValueError):
    """The dates cannot make an operating period; ``reason`` tells which rule failed."""

    def __init__(self, start: dt.date, end: dt.date, reason: PeriodProblem) -> None:
        super().__init__(f"{start.isoformat()}–{end.isoformat()}: {reason.value}")
        self.start = start
        self.end = end
        self.reason = reason


def _same_day_years_later(day: dt.date, years: int) -> dt.date:
    """The same day and month ``years`` later; 29 February becomes 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def default_period_for(
    day: dt.date, start_month: int = 8, start_day: int = 1
) -> tuple[dt.date, dt.date]:
    """The period of one year, starting each year on ``start_day``.``start_month``.,
    that contains ``day``: by default 1.8. to 31.7.

    Raises ``ValueError`` if the start is not a day every year has (31.4., 29.2.).
    """
    dt.date(2001, start_month, start_day)  # a common year: refuses 29.2. as well
    start = dt.date(day.year, start_month, start_day)
    if day < start:
        start = dt.date(day.year - 1, start_month, start_day)
    end = dt.date(start.year + 1, start_month, start_day) - dt.timedelta(days=1)
    return start, end


def period_label(start: dt.date, end: dt.date) -> str:
    """The period's name: "2025-2026", or "2025" when it lies within one calendar year."""
    if start.year == end.year:
        return str(start.year)
    return f"{start.year}-{end.year}"


def validate_period(start: dt.date, end: dt.date) -> None:
    """Refuse dates that cannot be an operating period.

    Both dates are inclusive: the period must end after it starts, last at least
    :data:`MIN_PERIOD_DAYS` days and at most :data:`MAX_PERIOD_YEARS` years
    (1.8.2025–31.7.2027 is allowed, 1.8.2025–1.8.2027 is not).
    """
    if end <= start:
        raise InvalidPeriod(start, end, PeriodProblem.END_NOT_AFTER_START)
    if (end - start).days + 1 < MIN_PERIOD_DAYS:
        raise InvalidPeriod(start, end, PeriodProblem.TOO_SHORT)
    if end >= _same_day_years_later(start, MAX_PERIOD_YEARS):
        raise InvalidPeriod(start, end, PeriodProblem.TOO_LONG)
