"""Dates, times and numbers with explicit Finnish and Finland-Swedish patterns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.i18n.formatting import (
    babel_locale,
    format_clock,
    format_date,
    format_date_long,
    format_datetime,
    format_number,
    format_time,
    month_name,
)

DAY = dt.date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_short_dates_are_finnish_style_in_every_language(lang: str) -> None:
    assert format_date(DAY, lang) == "23.11.2026"
    assert format_date(dt.date(2027, 1, 5), lang) == "5.1.2027"


def test_long_dates_use_the_stand_alone_weekday() -> None:
    assert format_date_long(DAY, "fi") == "maanantai 23. marraskuuta 2026"
    assert format_date_long(DAY, "sv") == "måndag 23 november 2026"
    assert format_date_long(DAY, "en") == "Monday 23 November 2026"


def test_times_use_a_dot_in_finnish_and_finland_swedish() -> None:
    assert format_time(dt.time(13, 0), "fi") == "13.00"
    assert format_time(dt.time(13, 0), "sv") == "13.00"
    assert format_time(dt.time(9, 5), "fi") == "9.05"
    assert format_time(dt.time(13, 0), "en") == "13:00"
    assert format_clock(dt.time(13, 0), "fi") == "klo 13.00"
    assert format_clock(dt.time(13, 0), "sv") == "kl. 13.00"
    assert format_clock(dt.time(13, 0), "en") == "13:00"


def test_date_and_time_together() -> None:
    moment = dt.datetime(2026, 11, 23, 13, 5)
    assert format_datetime(moment, "fi") == "23.11.2026 klo 13.05"
    assert format_datetime(moment, "sv") == "23.11.2026 kl. 13.05"
    assert format_datetime(moment, "en") == "23.11.2026 13:05"
    assert format_time(moment, "fi") == "13.05"


def test_an_aware_time_is_shown_in_local_time() -> None:
    aware = dt.datetime(2026, 11, 23, 11, 5, tzinfo=dt.UTC)
    local = aware.astimezone()
    assert format_datetime(aware, "fi") == format_datetime(local.replace(tzinfo=None), "fi")
    assert format_clock(aware, "sv") == format_clock(local.time(), "sv")


def test_numbers_group_thousands_with_a_no_break_space() -> None:
    assert format_number(1234567, "fi") == "1\u00a0234\u00a0567"
    assert format_number(1234.5, "sv") == "1\u00a0234,5"
    assert format_number(Decimal("0.25"), "fi") == "0,25"
    assert format_number(1234.5, "en") == "1,234.5"


def test_month_names_are_stand_alone() -> None:
    assert month_name(11, "fi") == "marraskuu"
    assert month_name(11, "sv") == "november"
    assert month_name(11, "en") == "November"
    assert [month_name(m, "fi") for m in (1, 7)] == ["tammikuu", "heinäkuu"]
    with pytest.raises(ValueError):
        month_name(13, "fi")


def test_languages_map_to_finnish_locales() -> None:
    assert [babel_locale(x) for x in ("fi", "sv", "en")] == ["fi_FI", "sv_FI", "en_GB"]
    assert format_date(DAY, Language.SWEDISH) == "23.11.2026"
    with pytest.raises(ValueError):
        format_date(DAY, "sv_SE")
