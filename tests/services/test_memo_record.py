"""An approved memo is a frozen record: it prints from the snapshot taken at approval, the
same text every time, and every released snapshot format still reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import sqlite3
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from hyvinvointi_app.domain.enums import ActionStatus, MeetingStatus, Role
from hyvinvointi_app.domain.errors import MemoRecordUnreadable
from hyvinvointi_app.reports import ReportOptions, memo_pdf
from hyvinvointi_app.reports import memo as memo_report
from hyvinvointi_app.reports.blocks import Grid
from hyvinvointi_app.services import (
    actions,
    agenda,
    approval,
    meetings,
    members,
    memo_record,
    periods,
    unit,
)
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.meetings import HeaderInput, MinutesInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.store.database import Database, open_database
from hyvinvointi_app.store.models import Meeting, MemoVersion

FIXTURES = Path(__file__).parents[1] / "fixtures"
APPROVED_AT = dt.datetime(2026, 9, 18, 9, 30, tzinfo=dt.UTC)


@dataclasses.dataclass
class Approved:
    meeting_id: int
    action_id: int
    next_id: int


@pytest.fixture
def approved(db: Database) -> Approved:
    period = periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    chair = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    members.add_member(db, MemberInput("Sanna Virtanen", Role.ECEC_STAFF))
    first = meetings.new_meeting(db, period.id, dt.date(2026, 9, 14), place="Sali")
    meetings.update_header(
        db, first.id, HeaderInput(first.date, dt.time(13), dt.time(14, 30), "Sali", chair.id)
    )
    item = first.agenda[3].id
    agenda.set_item_text(db, item, "decision", "Pihan turvallisuuskierros tehdään syyskuussa.")
    action = actions.add_action(
        db,
        first.id,
        ActionInput("Tehdään pihan turvallisuuskierros", chair.id, due_date=dt.date(2026, 9, 30)),
        agenda_item_id=item,
    )
    meetings.update_minutes_fields(
        db, first.id, MinutesInput("Jäsenet, henkilöstö", "Kiusaamisen ehkäisyn malli", True)
    )
    second = meetings.new_meeting(db, period.id, dt.date(2026, 10, 12))
    meetings.update_header(
        db, second.id, HeaderInput(second.date, dt.time(13), None, "Päiväkoti Kuusikon sali")
    )
    approval.approve_memo(db, first.id, approved_by="Aino Ahonen", approved_at=APPROVED_AT)
    return Approved(first.id, action.id, second.id)


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(pdf)).pages
    )


def _change_everything_after_approval(db: Database, memo: Approved) -> None:
    actions.set_action_status(
        db, memo.action_id, ActionStatus.DONE, "Kierros tehty", on=dt.date(2026, 10, 1)
    )
    nxt = meetings.get_meeting(db, memo.next_id)
    meetings.update_header(
        db, memo.next_id, HeaderInput(dt.date(2026, 10, 19), dt.time(9), None, "Uusi paikka")
    )
    assert nxt.place == "Päiväkoti Kuusikon sali"
    info = unit.get_unit(db)
    unit.set_up_unit(db, dataclasses.replace(info, name_fi="Päiväkoti Uusi nimi"))


def test_an_approved_memo_prints_the_same_text_after_its_data_changed(
    db: Database, approved: Approved
) -> None:
    options = ReportOptions(language="fi", created=dt.datetime(2026, 9, 20, 12, tzinfo=dt.UTC))
    before = memo_pdf(db, approved.meeting_id, options)
    _change_everything_after_approval(db, approved)
    later = dataclasses.replace(options, created=dt.datetime(2027, 3, 1, 8, tzinfo=dt.UTC))
    after = memo_pdf(db, approved.meeting_id, later)

    assert _text(after) == _text(before)
    text = _text(after)
    assert "Päiväkoti Päivänkakkara" in text and "Uusi nimi" not in text
    assert "Uusi paikka" not in text
    # the action's status as at approval (18.9.): open and not yet due, never "done" or late
    assert "Kierros tehty" not in text and "Myöhässä" not in text and "Tehty" not in text
    # made with the same creation date, the same approved memo is the same file byte for
    # byte, apart from the moment the PDF/A metadata was written and the ID derived from it
    assert _without_write_moment(memo_pdf(db, approved.meeting_id, later)) == (
        _without_write_moment(after)
    )


def _without_write_moment(pdf: bytes) -> bytes:
    pdf = re.sub(rb"<xmp:MetadataDate>[^<]*</xmp:MetadataDate>", b"", pdf)
    return re.sub(rb"/ID \[<[0-9a-f]+><[0-9a-f]+>\]", b"", pdf)


def test_a_draft_prints_as_it_stands(db: Database, approved: Approved) -> None:
    _change_everything_after_approval(db, approved)
    data = memo_record.memo_data(db, approved.next_id)
    assert data.meeting.status is MeetingStatus.DRAFT and data.as_at is None
    assert data.unit.name_fi == "Päiväkoti Uusi nimi"


def test_the_memo_carries_what_minutes_carry(db: Database, approved: Approved) -> None:
    text = _text(memo_pdf(db, approved.meeting_id, ReportOptions(language="fi")))
    assert "Muistion hyväksyi johtaja / kokoonkutsuja 18.9.2026." in text
    assert "Aino Ahonen" not in text  # no names unless chosen
    assert "Vakuudeksi" in text and "Jakelu" in text and "Liitteet" in text
    assert "Jäsenet, henkilöstö" in text and "Kiusaamisen ehkäisyn malli" in text
    assert "2/2 jäsentä paikalla" in text
    assert "maanantai 12. lokakuuta 2026, klo 13.00, Päiväkoti Kuusikon sali" in text
    named = _text(memo_pdf(db, approved.meeting_id, ReportOptions(language="sv", with_names=True)))
    assert "Minnesanteckningarna godkändes av Aino Ahonen (föreståndare / sammankallare)" in named


def test_every_action_is_in_one_table_numbered_by_its_item(
    db: Database, approved: Approved
) -> None:
    data = memo_record.memo_data(db, approved.meeting_id)
    story = memo_report.build_blocks(data, ReportOptions(language="fi"))
    grids = [b for b in story if isinstance(b, Grid) and "Asiakohta" in b.headers]
    assert len(grids) == 1
    (row,) = grids[0].rows
    assert row[0] == "4" and row[1] == "Tehdään pihan turvallisuuskierros"


def test_reopening_keeps_the_record_and_approving_again_takes_a_new_one(
    db: Database, approved: Approved
) -> None:
    _change_everything_after_approval(db, approved)
    approval.reopen_memo(db, approved.meeting_id, "Korjaus")
    (version,) = approval.memo_versions(db, approved.meeting_id)
    kept = memo_record.version_memo(db, version.id)
    assert kept.unit.name_fi == "Päiväkoti Päivänkakkara"
    assert kept.as_at == dt.date(2026, 9, 18)
    (action,) = kept.meeting.agenda[3].actions
    assert action.status is ActionStatus.OPEN
    with db.reading() as session:
        assert session.get(Meeting, approved.meeting_id).approved_snapshot is None  # type: ignore[union-attr]
    approval.approve_memo(db, approved.meeting_id, approved_by="Aino Ahonen")
    again = memo_record.memo_data(db, approved.meeting_id)
    assert again.unit.name_fi == "Päiväkoti Uusi nimi"


@pytest.mark.parametrize("name", ["format0.json", "format1.json"])
def test_every_released_snapshot_format_still_reads(
    db: Database, approved: Approved, name: str
) -> None:
    snapshot = json.loads((FIXTURES / "memo_records" / name).read_text(encoding="utf-8"))
    with db.transaction() as session:
        session.add(
            MemoVersion(meeting_id=approved.meeting_id, reopen_reason="fixture", snapshot=snapshot)
        )
    version = approval.memo_versions(db, approved.meeting_id)[-1]
    data = memo_record.version_memo(db, version.id)
    assert data.meeting.agenda and data.meeting.attendance
    assert data.as_at is not None
    for language in ("fi", "sv", "fi+sv"):
        text = _text(memo_pdf_of(data, language))
        assert data.meeting.place in text


def memo_pdf_of(data: memo_record.MemoData, language: str) -> bytes:
    """The kept version laid out by the memo's own builder, as the export lays it out."""
    from hyvinvointi_app.reports.layout import flowables, render
    from hyvinvointi_app.reports.texts import ReportTexts

    story = flowables(memo_report.build_blocks(data, ReportOptions(language=language)))
    return render(
        story, memo_report.page_frame(data, ReportTexts(language), ReportOptions(language=language))
    )


def test_a_newer_or_damaged_record_is_refused_in_words(db: Database, approved: Approved) -> None:
    with db.transaction() as session:
        meeting = session.get(Meeting, approved.meeting_id)
        assert meeting is not None
        meeting.approved_snapshot = {"format": memo_record.SNAPSHOT_FORMAT + 1}
    with pytest.raises(MemoRecordUnreadable) as newer:
        memo_record.memo_data(db, approved.meeting_id)
    assert newer.value.too_new
    with db.transaction() as session:
        meeting = session.get(Meeting, approved.meeting_id)
        assert meeting is not None
        meeting.approved_snapshot = {"format": 1, "meeting": {"id": "x"}}
    with pytest.raises(MemoRecordUnreadable) as damaged:
        memo_record.memo_data(db, approved.meeting_id)
    assert not damaged.value.too_new


def test_memos_approved_before_the_record_print_as_at_approval_and_are_frozen(
    tmp_path: Path,
) -> None:
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(FIXTURES / "schema_v3.sqlite", path)
    path.chmod(0o600)
    db = open_database(path)
    try:
        with db.reading() as session:
            old = session.query(Meeting).filter(Meeting.status == MeetingStatus.APPROVED).all()
            assert old and all(m.approved_snapshot is None for m in old)
            ids = [m.id for m in old]
        before = [memo_record.memo_data(db, i) for i in ids]
        assert all(d.as_at is not None for d in before)
        assert memo_record.freeze_unfrozen(db) == len(ids)
        assert memo_record.freeze_unfrozen(db) == 0
        assert [memo_record.memo_data(db, i) for i in ids] == before
    finally:
        db.close()
    connection = sqlite3.connect(path)
    try:
        (count,) = connection.execute(
            "SELECT count(*) FROM meeting WHERE approved_snapshot IS NOT NULL"
        ).fetchone()
    finally:
        connection.close()
    assert count == len(ids)


def test_an_erased_members_name_leaves_every_kept_record(db: Database, approved: Approved) -> None:
    greta = members.add_member(
        db, MemberInput("Greta Grönqvist", Role.PSYCHOLOGIST, term_end=dt.date(2026, 9, 15))
    )
    second = meetings.get_meeting(db, approved.next_id)
    meetings.update_header(
        db,
        second.id,
        HeaderInput(second.date, dt.time(13), None, second.place, None, greta.id),
    )
    approval.approve_memo(db, second.id, approved_by="Greta Grönqvist", findings_confirmed=True)
    approval.reopen_memo(db, second.id, "Korjaus")
    approval.approve_memo(db, second.id, approved_by="Greta Grönqvist", findings_confirmed=True)
    with_names = ReportOptions(language="fi", with_names=True)
    assert "Greta" in _text(memo_pdf(db, second.id, with_names))

    members.erase_personal_details(db, greta.id, today=dt.date(2026, 11, 1))

    assert "Greta" not in _text(memo_pdf(db, second.id, with_names))
    (version,) = approval.memo_versions(db, second.id)
    assert version.approved_by is None
    kept = memo_record.version_memo(db, version.id)
    assert "Greta" not in repr(kept)
    assert kept.meeting.secretary is not None and kept.meeting.secretary.role is Role.PSYCHOLOGIST
    with db.reading() as session:
        assert "Greta" not in json.dumps(
            [m.approved_snapshot for m in session.query(Meeting).all()], ensure_ascii=False
        )
