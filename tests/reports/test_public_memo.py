"""The public version of an approved memo: names, phone numbers, e-mail addresses and identity
codes typed into the memo reach neither its PDF nor its web page, in any language; members
appear by role; a draft has no public version; a period's public memos come in one zip."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from report_documents import TODAY, extract_text, options

from hyvinvointi_app.domain.enums import MeetingStatus, PlanType, Role
from hyvinvointi_app.domain.errors import MemoNotApproved
from hyvinvointi_app.reports.export import build_document, export_document
from hyvinvointi_app.reports.public_site import export_public_memos
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services import actions, agenda, approval, meetings, members, periods, plans
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.exports import ExportKind
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.store.database import Database

IDENTITY_CODE = "131052-308T"
PHONE = "040 123 4567"
ADDRESS = "aino.ahonen@kunta.example"


def _typed_memo(db: Database) -> tuple[int, list[str]]:
    """The demo's next meeting, with personal data typed in its texts, approved with the
    findings confirmed; and the names of the members it names."""
    period = periods.current_period(db)
    row = next(r for r in meetings.list_meetings(db, period.id) if r.date >= TODAY)
    detail = meetings.get_meeting(db, row.id)
    staff = members.list_members(db, include_former=False)
    director = next(m for m in staff if m.role is Role.DIRECTOR)
    nurse = next(m for m in staff if m.role is Role.PUBLIC_HEALTH_NURSE)
    assert director.name and nurse.name
    item = detail.agenda[-3]
    agenda.set_item_text(
        db,
        item.id,
        "notes",
        f"{director.name} kertoi, että {nurse.name} tavoittaa numerosta {PHONE} tai "
        f"osoitteesta {ADDRESS}. Lomakkeella oli henkilötunnus {IDENTITY_CODE}.",
    )
    agenda.set_item_text(db, item.id, "decision", f"{nurse.name} valmistelee asian.")
    agenda.set_item_presenter(db, item.id, nurse.id)
    actions.add_action(
        db,
        row.id,
        ActionInput(f"Soitetaan numeroon {PHONE}", responsible_text=nurse.name),
        agenda_item_id=item.id,
    )
    findings = approval.review_memo(db, row.id).findings
    assert findings
    approval.approve_memo(
        db, row.id, approved_by=director.name, findings_confirmed=True, confirmed=findings
    )
    return row.id, [director.name, nurse.name]


@pytest.mark.parametrize("language", ["fi", "sv", "fi+sv"])
@pytest.mark.parametrize("file_format", [ExportKind.PDF, ExportKind.HTML])
def test_the_public_version_holds_no_names_and_no_personal_data(
    demo_db: Database, language: str, file_format: ExportKind
) -> None:
    meeting_id, names = _typed_memo(demo_db)
    chosen = options(language, with_names=True)  # names are asked for, and still not given
    data = build_document(demo_db, "public", meeting_id, chosen, file_format)
    text = extract_text(data) if file_format is ExportKind.PDF else data.decode("utf-8")
    flat = " ".join(text.split())
    digits = re.sub(r"\D", "", flat)
    for name in names:
        assert name not in flat
    assert ADDRESS not in flat and "@" not in flat
    assert re.sub(r"\D", "", PHONE) not in digits
    assert IDENTITY_CODE not in flat and "131052" not in digits
    tx = ReportTexts(language)
    assert tx.pgettext("report", "[removed]") in flat
    assert tx.label(Role.PUBLIC_HEALTH_NURSE) in flat  # the names became roles
    assert tx.pgettext("report", "Memo, public version") in flat
    # the memo itself, as approved, still holds what was typed
    memo = " ".join(extract_text(build_document(demo_db, "memo", meeting_id, chosen)).split())
    assert names[1] in memo and IDENTITY_CODE in memo


def test_the_web_page_has_no_script_and_no_outside_file(demo_db: Database) -> None:
    meeting_id, _names = _typed_memo(demo_db)
    page = build_document(demo_db, "public", meeting_id, options("sv"), ExportKind.HTML).decode()
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    lowered = page.lower()
    for forbidden in ("<script", "<link", "<img", "<iframe", "src=", "href=", "http", "style"):
        assert forbidden not in lowered


def test_a_draft_has_no_public_version(demo_db: Database, tmp_path: Path) -> None:
    period = periods.current_period(demo_db)
    draft = next(
        r for r in meetings.list_meetings(demo_db, period.id) if r.status is MeetingStatus.DRAFT
    )
    out = tmp_path / "julkinen.pdf"
    with pytest.raises(MemoNotApproved):
        export_document(demo_db, "public", draft.id, out, options("fi"))
    assert not out.exists()


def test_a_periods_public_memos_come_in_one_zip_with_a_page_that_lists_them(
    demo_db: Database, tmp_path: Path
) -> None:
    period = periods.period_by_label(demo_db, "2025-2026")
    approved = [
        r for r in meetings.list_meetings(demo_db, period.id) if r.status is MeetingStatus.APPROVED
    ]
    out = tmp_path / "julkiset.zip"
    steps: list[tuple[int, int]] = []
    export_public_memos(demo_db, period.id, out, options("fi"), lambda d, t: steps.append((d, t)))
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        names = archive.namelist()
        index = archive.read("index.html").decode()
        pdfs = [n for n in names if n.endswith(".pdf")]
        pages = [n for n in names if n.endswith(".html") and n != "index.html"]
        assert len(pdfs) == len(pages) == len(approved)
        for name in pdfs:
            assert archive.read(name).startswith(b"%PDF")
    assert "Hyvinvointiryhmän muistiot, julkiset versiot 2025-2026" in index
    assert index.count("<li>") == len(approved)
    assert steps[-1][0] == steps[-1][1]


def test_names_in_other_forms_and_a_plan_name_reach_no_public_version(demo_db: Database) -> None:
    period = periods.current_period(demo_db)
    row = next(r for r in meetings.list_meetings(demo_db, period.id) if r.date >= TODAY)
    detail = meetings.get_meeting(demo_db, row.id)
    nurse = next(
        m
        for m in members.list_members(demo_db, include_former=False)
        if m.role is Role.PUBLIC_HEALTH_NURSE
    )
    assert nurse.name
    first, last = nurse.name.split()[0], nurse.name.split()[-1]
    item = detail.agenda[-3]
    agenda.set_item_text(
        demo_db,
        item.id,
        "notes",
        f"{nurse.name.lower()} ja {nurse.name.upper()} puhuivat; {first}lle kerrottiin; {last} "
        "vastasi.",
    )
    plan = plans.add_plan(demo_db, PlanInput(PlanType.CUSTOM, f"{nurse.name}: oma suunnitelma"))
    agenda.set_item_plan(demo_db, item.id, plan.id)
    approval.approve_memo(
        demo_db,
        row.id,
        approved_by="Johtaja",
        findings_confirmed=True,
        confirmed=approval.review_memo(demo_db, row.id).findings,
    )
    page = build_document(demo_db, "public", row.id, options("fi"), ExportKind.HTML).decode()
    for part in (first, last, first.lower(), last.upper()):
        assert part not in page, part
    assert "oma suunnitelma" in page


def test_a_name_erased_later_does_not_come_back_in_the_public_version(demo_db: Database) -> None:
    guardian = next(
        m for m in members.list_members(demo_db) if m.role is Role.GUARDIAN_REPRESENTATIVE
    )
    assert guardian.name
    # a memo approved while the guardian's name was typed in it, then their term ends
    period = periods.current_period(demo_db)
    other = next(
        r for r in meetings.list_meetings(demo_db, period.id) if r.status is MeetingStatus.DRAFT
    )
    notes_item = meetings.get_meeting(demo_db, other.id).agenda[-3]
    agenda.set_item_text(demo_db, notes_item.id, "notes", f"{guardian.name} toi terveiset.")
    approval.approve_memo(demo_db, other.id, approved_by="Johtaja", findings_confirmed=True)
    members.edit_member(
        demo_db,
        guardian.id,
        dataclasses.replace(members.member_input(guardian), term_end=TODAY),
    )
    members.erase_personal_details(demo_db, guardian.id, today=TODAY + dt.timedelta(days=30))
    page = build_document(demo_db, "public", other.id, options("fi"), ExportKind.HTML).decode()
    memo = " ".join(extract_text(build_document(demo_db, "memo", other.id, options("fi"))).split())
    role = ReportTexts("fi").label(Role.GUARDIAN_REPRESENTATIVE)
    for text in (page, memo):
        assert guardian.name not in text
        assert f"{role} toi terveiset." in " ".join(text.split())
