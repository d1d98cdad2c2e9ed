"""Every text the file stores passes one gate: control characters are removed on the way in.

The services write typed text in dozens of places (agenda items, actions, evaluations, result
cards, members, the unit, settings...); a check in each would be forgotten in the next one.
So the rule (:func:`~hyvinvointi_app.domain.typed_text.clean_text`) is applied here, to the
row as it is inserted or updated, for every string and JSON column of every model: the one
place every save passes through, whichever service made it. It lives in the store because
only the store knows which columns hold text; the services keep their rules about lengths
and required fields.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import JSON, Enum, String, event
from sqlalchemy.orm import Mapper

from hyvinvointi_app.domain.typed_text import clean_value


@functools.cache
def _text_attributes(mapper: Mapper[Any]) -> tuple[str, ...]:
    """The attributes of ``mapper`` that hold typed text (enums excepted: their values
    are our own codes)."""
    keys = []
    for attribute in mapper.column_attrs:
        kind = attribute.columns[0].type
        if isinstance(kind, (String, JSON)) and not isinstance(kind, Enum):
            keys.append(attribute.key)
    return tuple(keys)


def _clean_row(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    # Only values already loaded: reading an expired one here would query mid-flush.
    loaded = target.__dict__
    for key in _text_attributes(mapper):
        value = loaded.get(key)
        if value is None:
            continue
        cleaned = clean_value(value)
        if cleaned is not value:
            setattr(target, key, cleaned)


def clean_text_on_save(base: type[Any]) -> None:
    """Clean the text of every row of ``base``'s models as it is inserted or updated."""
    event.listen(base, "before_insert", _clean_row, propagate=True)
    event.listen(base, "before_update", _clean_row, propagate=True)
