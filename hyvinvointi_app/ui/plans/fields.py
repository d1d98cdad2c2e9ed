"""Building blocks of the plan and evaluation forms: typed dates and fields with their
error line (a :class:`FieldMessage`, never colour alone)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from hyvinvointi_app.domain.typed_dates import InvalidTypedDate, parse_typed_date
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.text_fields import date_problem_text


class Looking(Enum):
    """Which way a date typed without a year points: a review is ahead, an approval behind."""

    AHEAD = "ahead"
    BACK = "back"


def date_text(value: dt.date | None) -> str:
    return format_date(value, ui_translator().language) if value else ""


def date_edit(parent: QWidget, accessible_name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(_("e.g. 15.1. or 15.1.2027"))
    edit.setMaxLength(20)
    return edit


def read_date(
    edit: QLineEdit, looking: Looking, *, required: bool = False, today: dt.date | None = None
) -> tuple[dt.date | None, str]:
    """The typed date (None when empty and not required) and "" or what is wrong with it.

    ``15.1.`` is the next 15 January when looking ahead, the last one when looking back.
    """
    text = edit.text()
    if not text.strip() and not required:
        return None, ""
    today = today or dt.date.today()
    anchor = today if looking is Looking.AHEAD else today - dt.timedelta(days=365)
    try:
        return parse_typed_date(text, anchor), ""
    except InvalidTypedDate as error:
        return None, date_problem_text(error)


def with_message(
    parent: QWidget, field: QWidget, shown: QWidget | None = None
) -> tuple[QWidget, FieldMessage]:
    """``field`` (or ``shown``, a row that holds it) with its hidden error line below it, to
    put in a form row; the message describes ``field`` to a screen reader."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(shown or field)
    message = FieldMessage(box, field)
    layout.addWidget(message)
    return box, message


def show_problems(
    problems: dict[str, str],
    messages: dict[str, FieldMessage],
    general: FieldMessage,
    field_order: tuple[str, ...],
) -> None:
    """Show each problem beside its field, the cursor in the first field at fault; problems
    of no field of the form go to the general line."""
    for field in reversed([f for f in field_order if f in problems]):
        messages[field].show_message(problems[field])
        target = messages[field].field
        if target is not None:
            target.setFocus()
    others = [text for field, text in problems.items() if field not in field_order]
    if others:
        general.show_message(" ".join(others))
