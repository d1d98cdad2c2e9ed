"""The audit log: entries commit with the change they log, exports are logged with what,
which language and whether names went along, and no one can log a memo by mistake."""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import AuditAction
from hyvinvointi_app.services import audit
from hyvinvointi_app.store.database import Database


def test_an_export_is_logged_with_document_language_names_and_file(db: Database) -> None:
    before = dt.datetime.now(dt.UTC)
    audit.log_export(db, "annual_clock", language="sv", with_names=False, file_name="klocka.json")
    (entry,) = audit.entries(db)
    assert entry.action is AuditAction.EXPORTED
    assert entry.subject == "annual_clock"
    assert entry.details == {
        "document": "annual_clock",
        "language": "sv",
        "with_names": False,
        "file": "klocka.json",
    }
    assert entry.at.tzinfo is not None  # stored as UTC, read back aware
    assert before - dt.timedelta(seconds=1) <= entry.at <= dt.datetime.now(dt.UTC)
    assert entry.actor == audit.current_actor()


def test_entries_come_oldest_first_or_newest_first(db: Database) -> None:
    for document in ("memo", "bundle", "annual_clock"):
        audit.log_export(db, document, language="fi", with_names=True)
    oldest = [e.subject for e in audit.entries(db)]
    newest = [e.subject for e in audit.entries(db, newest_first=True)]
    assert oldest == ["memo", "bundle", "annual_clock"]
    assert newest == list(reversed(oldest))


def test_an_entry_rolls_back_with_the_change_it_logs(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        audit.record(session, AuditAction.MEMO_APPROVED, "meeting:1", {"number": 1})
        raise RuntimeError("the change failed")
    assert audit.entries(db) == []


@pytest.mark.parametrize(
    "details",
    [
        {"memo": "x" * (audit.MAX_DETAIL_LENGTH + 1)},  # a paragraph of text
        {"names": ["Aino Ahonen", "Eero Virtanen"]},  # a list
        {"snapshot": {"notes": "Hiekkalaatikko"}},  # a nested document
        {1: "not a key"},
    ],
)
def test_details_must_be_short_scalars(db: Database, details: dict[object, object]) -> None:
    with pytest.raises(ValueError):
        audit.log_event(db, AuditAction.EXPORTED, "memo", details)  # type: ignore[arg-type]
    assert audit.entries(db) == []


def test_a_long_subject_is_refused(db: Database) -> None:
    with pytest.raises(ValueError):
        audit.log_event(db, AuditAction.EXPORTED, "m" * (audit.MAX_DETAIL_LENGTH + 1))


def test_a_long_file_name_is_shortened_not_refused(db: Database) -> None:
    audit.log_export(db, "memo", language="fi", with_names=False, file_name="a" * 500 + ".pdf")
    (entry,) = audit.entries(db)
    assert len(entry.details["file"]) == audit.MAX_DETAIL_LENGTH
