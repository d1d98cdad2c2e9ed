"""The activity log as a CSV file that opens straight in a Finnish or Swedish spreadsheet:
UTF-8 with a byte-order mark, semicolons between fields (the comma is the decimal sign)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from hyvinvointi_app.i18n.translator import pgettext
from hyvinvointi_app.services.audit import AuditEntry
from hyvinvointi_app.ui.activity_log.texts import (
    action_text,
    actor_text,
    details_text,
    subject_text,
    time_text,
)


def column_titles() -> list[str]:
    return [
        pgettext("activity log", "Time"),
        pgettext("activity log", "Action"),
        pgettext("activity log", "Subject"),
        pgettext("activity log", "Details"),
        pgettext("activity log", "User"),
    ]


def entry_cells(entry: AuditEntry) -> list[str]:
    return [
        time_text(entry),
        action_text(entry),
        subject_text(entry),
        details_text(entry),
        actor_text(entry),
    ]


def activity_csv(entries: Sequence[AuditEntry]) -> bytes:
    """The table as shown, plus the time in UTC (ISO 8601) for sorting and comparing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([*column_titles(), pgettext("activity log", "Time (UTC)")])
    for entry in entries:
        utc = entry.at.strftime("%Y-%m-%dT%H:%M:%SZ")
        writer.writerow([*entry_cells(entry), utc])
    return buffer.getvalue().encode("utf-8-sig")
