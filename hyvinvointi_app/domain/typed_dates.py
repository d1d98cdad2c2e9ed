"""Dates and times as a Finnish director types them: ``15.1.2027``, ``15.1.``, ``13.00``.

Typing is faster than a calendar pop-up, so date and time fields accept the short forms
people write on paper. A refusal carries a machine-readable reason that the form shows
as a translated hint beside the field.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
"""Years outside these are typing slips (``15.1.1026``), not dates of a group's work."""


class TypedDateProblem(StrEnum):
    """Why a typed date was refused."""

    EMPTY = "empty"
    FORMAT = "format"
    NO_SUCH_DAY = "no_such_day"
    OUT_OF_RANGE = "out_of_range"


class TypedTimeProblem(StrEnum):
    """Why a typed time was refused."""

    EMPTY = "empty"
    FORMAT = "format"
    OUT_OF_RANGE = "out_of_range"


class InvalidTypedDate(ValueError):
    """The text is not a date; ``reason`` says why, ``text`` is what was typed."""

    def __init__(self, text: str, reason: TypedDateProblem) -> None:
        super().__init__(f"{text!r}: {reason.value}")
        self.text = text
        self.reason = reason


class InvalidTypedTime(ValueError):
    """The text is not a time of day; ``reason`` says why, ``text`` is what was typed."""

    def __init__(self, text: str, reason: TypedTimeProblem) -> None:
        super().__init__(f"{text!r}: {reason.value}")
        self.text = text
        self.reason = reason


# [0-9], not \d: \d also matches other scripts' digits, which int() would accept.
_FINNISH_DATE = re.compile(
    r"(?P<day>[0-9]{1,2})\.\s*(?P<month>[0-9]{1,2})"
    r"(?:\.\s*(?P<year>[0-9]{4}|[0-9]{2})?)?"
)
_ISO_DATE = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
_HOUR_ONLY = re.compile(r"(?P<hour>[0-9]{1,2})")
_HOUR_MINUTE = re.compile(r"(?P<hour>[0-9]{1,2})[.:](?P<minute>[0-9]{2})")
_FOUR_DIGITS = re.compile(r"(?P<hour>[0-9]{2})(?P<minute>[0-9]{2})")

_YEARS_FOR_29_FEBRUARY = 8
"""The longest wait for a 29 February (2096 → 2104, as 2100 is not a leap year)."""


def _full_year(two_digits: int, today: dt.date) -> int:
    """The year ending in ``two_digits`` nearest to today: from 50 years back to 49
    years ahead (in 2026, "27" is 2027 and "90" is 1990)."""
    year = today.year - today.year % 100 + two_digits
    if year > today.year + 49:
        year -= 100
    elif year < today.year - 50:
        year += 100
    return year


def _date(text: str, year: int, month: int, day: int) -> dt.date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InvalidTypedDate(text, TypedDateProblem.OUT_OF_RANGE)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidTypedDate(text, TypedDateProblem.NO_SUCH_DAY) from None


def _next_occurrence(text: str, month: int, day: int, today: dt.date) -> dt.date:
    """The first ``day``.``month``. on or after ``today``."""
    for year in range(today.year, today.year + _YEARS_FOR_29_FEBRUARY + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return _date(text, candidate.year, month, day)
    raise InvalidTypedDate(text, TypedDateProblem.NO_SUCH_DAY)


def parse_typed_date(text: str, today: dt.date) -> dt.date:
    """Read a typed date: ``15.1.2027``, ``15.1.27``, ``15.1.``, ``15.1`` or ``2027-01-15``.

    Without a year it is the next 15.1. on or after ``today``; a two-digit year is the
    one nearest to ``today``. Surrounding spaces are ignored. Raises
    :class:`InvalidTypedDate` (reason EMPTY, FORMAT, NO_SUCH_DAY or OUT_OF_RANGE, the last
    for years outside 1900–2200).
    """
    stripped = text.strip()
    if not stripped:
        raise InvalidTypedDate(text, TypedDateProblem.EMPTY)
    iso = _ISO_DATE.fullmatch(stripped)
    if iso is not None:
        return _date(text, int(iso.group("year")), int(iso.group("month")), int(iso.group("day")))
    finnish = _FINNISH_DATE.fullmatch(stripped)
    if finnish is None:
        raise InvalidTypedDate(text, TypedDateProblem.FORMAT)
    day, month = int(finnish.group("day")), int(finnish.group("month"))
    year_text = finnish.group("year")
    if year_text is None:
        return _next_occurrence(text, month, day, today)
    year = int(year_text) if len(year_text) == 4 else _full_year(int(year_text), today)
    return _date(text, year, month, day)


def parse_typed_time(text: str) -> dt.time:
    """Read a typed time of day: ``13``, ``9``, ``13.00``, ``9.30``, ``13:00`` or ``0930``.

    Minutes after a separator must have two digits (``9.5`` is refused rather than
    guessed). Raises :class:`InvalidTypedTime` (reason EMPTY, FORMAT or OUT_OF_RANGE).
    """
    stripped = text.strip()
    if not stripped:
        raise InvalidTypedTime(text, TypedTimeProblem.EMPTY)
    found = (
        _HOUR_ONLY.fullmatch(stripped)
        or _HOUR_MINUTE.fullmatch(stripped)
        or _FOUR_DIGITS.fullmatch(stripped)
    )
    if found is None:
        raise InvalidTypedTime(text, TypedTimeProblem.FORMAT)
    hour = int(found.group("hour"))
    minute = int(found.group("minute")) if "minute" in found.groupdict() else 0
    if hour > 23 or minute > 59:
        raise InvalidTypedTime(text, TypedTimeProblem.OUT_OF_RANGE)
    return dt.time(hour, minute)
