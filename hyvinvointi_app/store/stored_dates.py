"""Calendar dates as stored (``YYYY-MM-DD`` text), read back without ever failing.

The application writes only real dates, but a file may have been edited by another tool:
``2026-02-31`` made every screen that read the row log a traceback and the annual report
crash. Such a value is read as the nearest real date (the last day of that month; a month
outside 1–12 as the nearest month; ``31.2.2026`` as well), so the row is still shown and
printed, and :func:`impossible_dates` lists it for ``hyvinvointi check``. A value that is
no date at all reads as :data:`UNREADABLE`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import sqlite3
from typing import Any

from sqlalchemy import Date, MetaData
from sqlalchemy.types import TypeDecorator

_PARTS = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})")
UNREADABLE = dt.date.min
"""What a stored value that is no date at all reads as: a date, so that nothing that sorts
or prints the row fails, and plainly wrong (1.1.1), so that the director corrects it."""


def parse_stored_date(value: object) -> dt.date | None:
    """``value`` as a date: exact when it is a real one, else the nearest real one."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    if match := _PARTS.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _FINNISH.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        return UNREADABLE
    year = min(max(year, dt.MINYEAR), dt.MAXYEAR)
    month = min(max(month, 1), 12)
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def is_exact(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


class StoredDate(TypeDecorator[dt.date]):
    """A ``Date`` column that reads an impossible stored date without raising."""

    impl = Date
    cache_ok = True

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        return parse_stored_date


def impossible_dates(connection: sqlite3.Connection, metadata: MetaData) -> list[str]:
    """``table.column (row id): value`` for every stored date that is not a real date."""
    found: list[str] = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, StoredDate | Date):
                continue
            try:
                rows = connection.execute(
                    f'SELECT rowid, "{column.name}" FROM "{table.name}" '
                    f'WHERE "{column.name}" IS NOT NULL'
                )
                found.extend(
                    f"{table.name}.{column.name} ({rowid}): {value}"
                    for rowid, value in rows
                    if not is_exact(value)
                )
            except sqlite3.DatabaseError:
                continue  # a table of a newer or older schema: not ours to judge here
    return found
