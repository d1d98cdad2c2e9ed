"""Dates, times and numbers as Finnish and Finland-Swedish readers expect them, through Babel.

Babel's ``sv_FI`` defaults are partly Sweden's (an ISO short date, a colon in times), so
every visible date and time uses an explicit pattern from the table below: ``23.11.2026`` and
``13.00`` in both languages, ``klo``/``kl.`` before a clock time. English keeps the same
``d.M.yyyy`` dates, so that a mixed-language coordinator bundle reads consistently, with
British names and times. Stand-alone forms (``cccc``, stand-alone month names) are used for
labels, because the Finnish format-context forms are inflected ("maanantaina").

Babel is imported on first use, not with this module: its import (~20 ms) and the loading
of a locale (~15 ms) then happen after the first window is on screen.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from hyvinvointi_app.i18n.catalogs import check_language

if TYPE_CHECKING:
    from decimal import Decimal


class _Style(NamedTuple):
    locale: str
    date: str
    date_long: str
    time: str
    clock: str


_STYLES: dict[str, _Style] = {
    "fi": _Style("fi_FI", "d.M.yyyy", "cccc d. MMMM y", "H.mm", "'klo' H.mm"),
    "sv": _Style("sv_FI", "d.M.yyyy", "cccc d MMMM y", "H.mm", "'kl.' H.mm"),
    "en": _Style("en_GB", "d.M.yyyy", "cccc d MMMM y", "HH:mm", "HH:mm"),
}


def _style(lang: str) -> _Style:
    return _STYLES[check_language(lang)]


def babel_locale(lang: str) -> str:
    """The Babel locale behind a language: fi_FI, sv_FI or en_GB."""
    return _style(lang).locale


def _local(value: dt.datetime) -> dt.datetime:
    """Aware times are shown in the computer's time zone; naive ones are already local."""
    return value.astimezone() if value.tzinfo is not None else value


def format_date(value: dt.date, lang: str) -> str:
    """``23.11.2026`` in every language."""
    from babel.dates import format_date as babel_format_date

    style = _style(lang)
    return babel_format_date(value, style.date, locale=style.locale)


def format_date_long(value: dt.date, lang: str) -> str:
    """``maanantai 23. marraskuuta 2026`` / ``måndag 23 november 2026``."""
    from babel.dates import format_date as babel_format_date

    style = _style(lang)
    return babel_format_date(value, style.date_long, locale=style.locale)


def format_time(value: dt.time | dt.datetime, lang: str) -> str:
    """``13.00`` (fi, sv) / ``13:00`` (en)."""
    from babel.dates import format_time as babel_format_time

    style = _style(lang)
    if isinstance(value, dt.datetime):
        value = _local(value)
    return babel_format_time(value, style.time, locale=style.locale)


def format_clock(value: dt.time | dt.datetime, lang: str) -> str:
    """A time as said on its own: ``klo 13.00`` / ``kl. 13.00`` / ``13:00``."""
    from babel.dates import format_time as babel_format_time

    style = _style(lang)
    if isinstance(value, dt.datetime):
        value = _local(value)
    return babel_format_time(value, style.clock, locale=style.locale)


def format_datetime(value: dt.datetime, lang: str) -> str:
    """``23.11.2026 klo 13.05`` / ``23.11.2026 kl. 13.05`` / ``23.11.2026 13:05``."""
    from babel.dates import format_datetime as babel_format_datetime

    style = _style(lang)
    return babel_format_datetime(_local(value), f"{style.date} {style.clock}", locale=style.locale)


def format_number(value: int | float | Decimal, lang: str) -> str:
    """``1 234,5`` with a no-break space (U+00A0) in fi and sv; ``1,234.5`` in en."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_style(lang).locale)


def format_tenths(value: int | float | Decimal, lang: str) -> str:
    """``4,0``: one decimal always shown (an average), rounded half up."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.0", locale=_style(lang).locale)


def format_share(value: float, lang: str) -> str:
    """``34 %``: a share of a whole as whole percents."""
    from babel.numbers import format_percent

    return format_percent(value, locale=_style(lang).locale)


def month_name(month: int, lang: str) -> str:
    """The stand-alone name of month 1–12: ``marraskuu`` / ``november`` / ``November``."""
    from babel.dates import get_month_names

    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, not {month}")
    return str(get_month_names("wide", "stand-alone", locale=_style(lang).locale)[month])
