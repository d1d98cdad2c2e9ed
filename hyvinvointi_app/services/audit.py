"""The audit log: approvals, reopenings, exports, erasures, restores. Never memo text."""

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


def record(
    session: Session, action: AuditAction, subject: str, details: dict[str, Any] | None = None
) -> None:
    """Add an entry inside the caller's transaction, so it commits with the change it logs."""
    session.add(
        AuditEvent(action=action, actor=current_actor(), subject=subject, details=details or {})
    )


def log_event(
    db: Database, action: AuditAction, subject: str, details: dict[str, Any] | None = None
) -> None:
    """Log something that happened outside the database (an export, a restore)."""
    with db.transaction() as session:
        record(session, action, subject, details)


def entries(db: Database) -> list[AuditEntry]:
    with db.reading() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id))
        return [AuditEntry(e.id, e.at, e.action, e.actor, e.subject, dict(e.details)) for e in rows]
