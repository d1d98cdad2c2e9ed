"""Moments in time are stored as naive UTC text and read back as aware UTC datetimes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from hyvinvointi_app.domain.enums import AuditAction
from hyvinvointi_app.i18n.formatting import format_datetime
from hyvinvointi_app.store.database import create_database
from hyvinvointi_app.store.models import AuditEvent


def test_a_stored_moment_reads_back_as_aware_utc(tmp_path: Path) -> None:
    helsinki_noon = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    with create_database(tmp_path / "unit.sqlite") as db:
        with db.transaction() as session:
            session.add(
                AuditEvent(action=AuditAction.EXPORTED, actor="", subject="x", at=helsinki_noon)
            )
        with db.reading() as session:
            raw = session.execute(text("SELECT at FROM audit_event")).scalar_one()
            event = session.query(AuditEvent).one()
    assert str(raw).startswith("2026-06-01 09:00:00")  # UTC on disk, as schema v1 and v2 wrote it
    assert event.at == helsinki_noon
    assert event.at.tzinfo is not None


def test_a_utc_moment_is_shown_in_the_computers_time_zone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    monkeypatch.setenv("TZ", "Europe/Helsinki")
    time.tzset()
    try:
        shown = format_datetime(dt.datetime(2026, 11, 23, 11, 5, tzinfo=dt.UTC), "fi")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert shown == "23.11.2026 klo 13.05"
