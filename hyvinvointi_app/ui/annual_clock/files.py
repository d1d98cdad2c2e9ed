"""Reading and writing clock files, and what a rejected file's fault means to a director."""

from __future__ import annotations

from pathlib import Path

from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services.annual_clock import (
    MAX_FILE_BYTES,
    MAX_THEMES,
    ClockFile,
    parse_clock_file,
)


def read_clock_file(path: Path) -> ClockFile:
    """A checked clock file; :class:`ValidationError` for any fault in it, :class:`OSError`
    when it cannot be read. A huge file is refused before it is read into memory."""
    size = path.stat().st_size
    if size == 0:
        raise ValidationError("file", "empty")
    if size > MAX_FILE_BYTES:
        raise ValidationError("file", "too_large")
    with path.open("rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)
    return parse_clock_file(raw)


def rejection_reason(error: ValidationError) -> str:
    """One sentence on what is wrong with a clock file, naming the theme if one is at fault."""
    parts = error.field.split(".")
    if parts[0] == "themes" and len(parts) >= 2 and parts[1].isdigit():
        number = int(parts[1]) + 1
        field = parts[2] if len(parts) > 2 else ""
        if field == "month":
            return _("Theme {number} in the file has no valid month (1–12).").format(number=number)
        if field == "plan_type":
            return _("Theme {number} in the file refers to an unknown plan type.").format(
                number=number
            )
        if field == "partners":
            return _("The partners of theme {number} in the file: {problem}").format(
                number=number, problem=reason_text(error.reason)
            )
        if field == "title":
            return _("The text of theme {number} in the file: {problem}").format(
                number=number, problem=reason_text(error.reason)
            )
        return _("Theme {number} in the file is not in the expected format.").format(number=number)
    if error.reason == "empty":
        return _("The file is empty.")
    if error.field == "language":
        return _("The file's language must be Finnish or Swedish.")
    if error.field == "themes" and error.reason == "too_many":
        return _("The file has more themes than an annual clock can hold ({limit}).").format(
            limit=MAX_THEMES
        )
    return reason_text(error.reason)
