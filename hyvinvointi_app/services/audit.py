"""The audit log: approvals, reopenings, exports, erasures, restores. Never memo text.

An entry says what happened (:class:`AuditAction`), to what (``subject``: ``meeting:12``,
``member:5``, or an exported document's key), when (UTC) and by which login, with a few
plain details (a meeting's number, a role, an export's language and whether it carried
names). Details are limited to short scalar values, so that no one can log a memo, a
member's name list or a whole document by mistake: the log is shown in Help → Activity log
and may be exported and handed to others.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import AuditAction
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import AuditEvent

MAX_DETAIL_LENGTH = 120
"""Longest text a detail may hold: room for a file name, not for a paragraph."""

DetailValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: dt.datetime
    action: AuditAction
    actor: str
    subject: str
    details: dict[str, Any]


def current_actor() -> str:
    """The operating-system user: the director's own login on the office PC."""
    try:
        return getpass.getuser()
    except Exception:  # no login name available: record that honestly
        return ""


def checked_details(details: dict[str, Any] | None) -> dict[str, DetailValue]:
    """``details`` if every value is a short scalar; ``ValueError`` (a programming error)
    otherwise."""
    checked: dict[str, DetailValue] = {}
    for key, value in (details or {}).items():
        if not isinstance(key, str) or not isinstance(value, str | int | float | bool | None):
            raise ValueError(f"audit detail {key!r} must be a short scalar value")
        if isinstance(value, str) and len(value) > MAX_DETAIL_LENGTH:
            raise ValueError(f"audit detail {key!r} is longer than {MAX_DETAIL_LENGTH} characters")
        checked[key] = value
    return checked


def record(
    session: Session, action: AuditAction, subject: str, details: dict[str, Any] | None = None
) -> None:
    """Add an entry inside the caller's transaction, so it commits with the change it logs."""
    if len(subject) > MAX_DETAIL_LENGTH:
        raise ValueError(f"audit subject is longer than {MAX_DETAIL_LENGTH} characters")
    session.add(
        AuditEvent(
            action=action,
            actor=current_actor(),
            subject=subject,
            details=checked_details(details),
        )
    )


def log_event(
    db: Database, action: AuditAction, subject: str, details: dict[str, Any] | None = None
) -> None:
    """Log something that happened outside the database (an export, a restore)."""
    with db.transaction() as session:
        record(session, action, subject, details)


def log_export(
    db: Database,
    document: str,
    *,
    language: str,
    with_names: bool,
    file_name: str = "",
    **more: DetailValue,
) -> None:
    """Log that ``document`` (a key such as ``annual_clock``) was exported in ``language``,
    with or without members' names, into a file named ``file_name`` (name only, no folder),
    with ``more`` short details (a password, the meeting's id)."""
    details: dict[str, Any] = {
        "document": document,
        "language": language,
        "with_names": with_names,
        **more,
    }
    if file_name:
        details["file"] = file_name[:MAX_DETAIL_LENGTH]
    log_event(db, AuditAction.EXPORTED, document, details)


def entries(db: Database, *, newest_first: bool = False) -> list[AuditEntry]:
    """Every entry, oldest first (or newest first, as the activity log shows them)."""
    with db.reading() as session:
        order = (
            (AuditEvent.at.desc(), AuditEvent.id.desc())
            if newest_first
            else (AuditEvent.at, AuditEvent.id)
        )
        rows = session.scalars(select(AuditEvent).order_by(*order))
        return [AuditEntry(e.id, e.at, e.action, e.actor, e.subject, dict(e.details)) for e in rows]
