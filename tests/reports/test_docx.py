"""The editable Word copy of the memo, the annual report and the evaluation summary: opened
back with python-docx, it has Word's heading styles, real tables with a repeated header row,
the document's language and metadata, no fixed text of another language, and it is written
only through the export service (a refused target leaves no file, an export is logged)."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from report_documents import CREATED, GOLDEN_PERIOD
from test_one_language import foreign_words

from hyvinvointi_app.domain.enums import AuditAction, PlanType
from hyvinvointi_app.domain.errors import (
    ExportRefusal,
    ExportRefused,
    FileNotWritten,
    WriteProblem,
)
from hyvinvointi_app.reports import (
    ExportKind,
    ReportOptions,
    build_document,
    export_annual,
    export_evaluation,
    export_memo,
)
from hyvinvointi_app.reports import blocks as b
from hyvinvointi_app.reports.docx import render_docx
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services import audit, evaluations, meetings, periods, plans
from hyvinvointi_app.store.database import Database, open_database

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))


def _paragraphs(document: Any) -> list[tuple[str, str]]:
    """(style name, text) of the body's paragraphs, in order (tables' cells not included)."""
    return [(p.style.name, p.text) for p in document.paragraphs]


def _all_text(document: Any) -> str:
    """Every text of the file: body, tables, header and footer."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    section = document.sections[0]
    parts += [p.text for p in section.header.paragraphs]
    parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def _language(document: Any) -> str | None:
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    return None if lang is None else lang.get(f"{W}val")


def _golden_period(db: Database) -> int:
    return periods.period_by_label(db, GOLDEN_PERIOD).id


# --- the renderer, on blocks made here ---------------------------------------------------


def _frame(language: str = "fi-FI") -> Any:
    from hyvinvointi_app.reports.blocks import PageFrame

    return PageFrame(
        unit_name="Päiväkoti Äimärautio",
        document_type="Kokousmuistio",
        document_date="23.11.2026",
        page_word="Sivu",
        title="Kokousmuistio 23.11.2026",
        subject="Hyvinvointiryhmän kokouksen 4 muistio",
        keywords="Päiväkoti Äimärautio, 2026-2027",
        language=language,
    )


def test_blocks_become_word_styles_tables_and_lines() -> None:
    document = [
        b.Title("Kokousmuistio"),
        b.Subtitle("Päiväkoti Äimärautio"),
        b.Facts([("Yksikkö", "Päiväkoti Äimärautio"), ("Paikka", ""), ("Aika", "klo 13.00")]),
        b.Heading("Asiakohdat"),
        b.Heading("1. Avaus", 3),
        b.Para("Keskustelu", "label"),
        b.Para("Ensimmäinen rivi\nToinen rivi\x07"),
        b.Para("Pieni huomautus", "note"),
        b.Keep(
            [
                b.Heading("Toimenpiteet"),
                b.Grid(["Toimenpide", "Määräaika"], [["Aita", "1.12.2026"]], [4, 1], {1: 24}),
            ]
        ),
        b.Signatures("Vakuudeksi", ["Puheenjohtaja", "Sihteeri"]),
        b.Space(),
    ]
    doc = _open(render_docx(document, _frame(), dt.datetime(2026, 11, 23, 12)))

    assert _paragraphs(doc)[:7] == [
        ("Title", "Kokousmuistio"),
        ("Subtitle", "Päiväkoti Äimärautio"),
        ("Heading 1", "Asiakohdat"),
        ("Heading 2", "1. Avaus"),
        ("Normal", "Keskustelu"),
        ("Normal", "Ensimmäinen rivi\nToinen rivi"),  # the control character is gone
        ("Normal", "Pieni huomautus"),
    ]
    label = doc.paragraphs[4]
    assert all(run.bold for run in label.runs)
    assert label.paragraph_format.keep_with_next
    facts, grid = doc.tables
    # facts: two columns, no grid, the empty value left out, labels bold
    assert [[c.text for c in row.cells] for row in facts.rows] == [
        ["Yksikkö", "Päiväkoti Äimärautio"],
        ["Aika", "klo 13.00"],
    ]
    assert facts.style.name == "Normal Table"
    assert all(r.bold for r in facts.rows[0].cells[0].paragraphs[0].runs)
    # the grid: Word's Table Grid, a bold header row repeated on every page
    assert grid.style.name == "Table Grid"
    assert [c.text for c in grid.rows[0].cells] == ["Toimenpide", "Määräaika"]
    assert [c.text for c in grid.rows[1].cells] == ["Aita", "1.12.2026"]
    assert all(r.bold for c in grid.rows[0].cells for r in c.paragraphs[0].runs)
    assert grid.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert abs(grid.columns[1].width.mm - 24) < 0.1
    # the heading kept on the page of its table
    heading = next(p for p in doc.paragraphs if p.text == "Toimenpiteet")
    assert heading.paragraph_format.keep_with_next
    # signatures: the heading, then a line to sign on above each signer
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("Vakuudeksi")
    assert texts[start + 1 :] == ["_" * 40, "Puheenjohtaja", "_" * 40, "Sihteeri"]


def test_page_header_footer_metadata_and_language() -> None:
    doc = _open(render_docx([b.Title("Minnesanteckningar")], _frame("sv-FI"), CREATED))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    header = section.header.paragraphs[0]
    assert header.text == "Päiväkoti Äimärautio\tKokousmuistio  23.11.2026"
    assert header.runs[0].bold
    assert section.footer.paragraphs[0].text.startswith("Sivu ")
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    properties = doc.core_properties
    assert properties.title == "Kokousmuistio 23.11.2026"
    assert properties.subject == "Hyvinvointiryhmän kokouksen 4 muistio"
    assert properties.author == "Päiväkoti Äimärautio"
    assert properties.language == "sv-FI"
    # Word keeps the time in UTC: the local creation time, converted
    assert properties.created.replace(tzinfo=dt.UTC) == CREATED.astimezone(dt.UTC)
    assert "python-docx" not in (properties.comments + properties.author)
    assert _language(doc) == "sv-FI"
    # nothing of the template's own: no preview picture of another document
    assert not any(p.partname.endswith(".jpeg") for p in doc.part.package.iter_parts())


# --- the three documents -------------------------------------------------------------------


def _documents(db: Database, language: str) -> dict[str, Any]:
    period = _golden_period(db)
    plan = plans.list_plans(db, plan_type=PlanType.ANTI_BULLYING)[0].id
    options = ReportOptions(language=language, created=CREATED)
    subjects = {
        "memo": meetings.latest_meeting(db, period),
        "annual": period,
        "evaluation": plan,
    }
    return {
        kind: _open(build_document(db, kind, subject, options, ExportKind.DOCX))
        for kind, subject in subjects.items()
    }


def test_each_document_has_word_headings_a_table_and_one_language(
    unit_in_language: tuple[str, Database],
) -> None:
    language, db = unit_in_language
    tx = ReportTexts(language)
    documents = _documents(db, language)

    memo = documents["memo"]
    assert _paragraphs(memo)[0] == ("Title", tx.pgettext("report", "Memo"))
    headings = [text for style, text in _paragraphs(memo) if style == "Heading 1"]
    assert tx.pgettext("report", "Agenda items") in headings
    items = [text for style, text in _paragraphs(memo) if style == "Heading 2"]
    assert items and items[0].startswith("1. ")
    action_table = next(
        t for t in memo.tables if t.rows[0].cells[0].text == tx.pgettext("report", "Action item")
    )
    assert action_table.style.name == "Table Grid"
    assert len(action_table.rows) > 1 and action_table.rows[1].cells[0].text

    annual = documents["annual"]
    assert _paragraphs(annual)[0] == ("Title", tx.pgettext("report", "Annual report"))
    members = next(
        t for t in annual.tables if t.rows[0].cells[0].text == tx.pgettext("report", "Role")
    )
    assert members.rows[1].cells[0].text  # a role, by name in the document's language

    evaluation = documents["evaluation"]
    assert _paragraphs(evaluation)[0] == (
        "Title",
        tx.pgettext("report", "Plan evaluation summary"),
    )
    evaluation_word = tx.pgettext("report", "Evaluation") + " "
    assert any(
        style == "Heading 2" and text.startswith(evaluation_word)
        for style, text in _paragraphs(evaluation)
    )

    for kind, document in documents.items():
        assert _language(document) == f"{language}-FI", kind
        assert document.core_properties.language == f"{language}-FI", kind
        found = foreign_words(_all_text(document), language)
        assert not found, (kind, sorted(found))


def test_the_word_copy_says_what_the_pdf_says(unit_in_language: tuple[str, Database]) -> None:
    """Every heading and table header of the PDF is in the Word file, in the same order."""
    from pypdf import PdfReader

    language, db = unit_in_language
    period = _golden_period(db)
    options = ReportOptions(language=language, created=CREATED)
    pdf = build_document(db, "annual", period, options)
    pdf_text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    doc = _open(build_document(db, "annual", period, options, ExportKind.DOCX))
    headings = [text for style, text in _paragraphs(doc) if style.startswith("Heading")]
    assert len(headings) > 5
    position = 0
    for heading in headings:
        found = pdf_text.find(" ".join(heading.split()), position)
        assert found >= 0, heading
        position = found


# --- the evaluation's current state ---------------------------------------------------------


def test_the_evaluation_summary_prints_the_current_state(
    unit_in_language: tuple[str, Database], tmp_path: Path
) -> None:
    language, source = unit_in_language
    copy = tmp_path / "unit.sqlite"
    with sqlite3.connect(source.path) as reader, sqlite3.connect(copy) as writer:
        reader.backup(writer)
    with open_database(copy) as db:
        plan = plans.list_plans(db, plan_type=PlanType.ANTI_BULLYING)[0].id
        latest = evaluations.list_evaluations(db, plan)[-1]
        state = "Malli on käytössä kaikissa ryhmissä; uusi henkilöstö perehdytetään elokuussa."
        evaluations.edit_evaluation(
            db, latest.id, replace(evaluations.evaluation_input(latest), current_state=state)
        )
        doc = _open(
            build_document(
                db,
                "evaluation",
                plan,
                ReportOptions(language=language, created=CREATED),
                ExportKind.DOCX,
            )
        )
    tx = ReportTexts(language)
    texts = [p.text for p in doc.paragraphs]
    index = texts.index(state)
    assert texts[index - 1] == tx.pgettext("report", "Current state")
    assert texts.index(tx.pgettext("report", "Strengths"), index) > index


# --- through the export service --------------------------------------------------------------


def test_a_word_export_is_written_and_logged_by_the_export_service(
    demo_db: Database, tmp_path: Path
) -> None:
    db = demo_db
    out = tmp_path / "Toimintakertomus 2025-2026.docx"
    options = ReportOptions(language="fi", created=CREATED, replace=False)
    result = export_annual(db, _golden_period(db), out, options, file_format=ExportKind.DOCX)
    assert result.path == out and result.logged
    assert out.read_bytes().startswith(b"PK\x03\x04")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    entry = [e for e in audit.entries(db) if e.action is AuditAction.EXPORTED][-1]
    assert entry.details["document"] == "annual_report"
    assert entry.details["format"] == "docx"
    assert entry.details["file"] == out.name
    # without --replace an existing Word file stays; with it, a Word file replaces a Word file
    with pytest.raises(FileNotWritten) as exists:
        export_annual(db, _golden_period(db), out, options, file_format=ExportKind.DOCX)
    assert exists.value.problem is WriteProblem.EXISTS
    again = ReportOptions(language="sv", created=CREATED, replace=True)
    export_annual(db, _golden_period(db), out, again, file_format=ExportKind.DOCX)
    assert _open(out.read_bytes()).core_properties.language == "sv-FI"


def test_a_refused_word_target_says_why_and_writes_nothing(
    demo_db: Database, tmp_path: Path
) -> None:
    db = demo_db
    options = ReportOptions(language="fi", created=CREATED)
    plan = plans.list_plans(db, plan_type=PlanType.ANTI_BULLYING)[0].id
    before = db.path.read_bytes()
    with pytest.raises(ExportRefused) as refused:
        export_evaluation(db, plan, db.path, options, file_format=ExportKind.DOCX)
    assert refused.value.reason is ExportRefusal.OPEN_UNIT_FILE
    assert db.path.read_bytes() == before
    # a PDF named .docx is not a Word file: it is not replaced
    pdf = tmp_path / "muistio.docx"
    pdf.write_bytes(b"%PDF-1.7 a director's own file")
    with pytest.raises(ExportRefused) as other:
        export_memo(
            db,
            meetings.latest_meeting(db, _golden_period(db)),
            pdf,
            options,
            file_format=ExportKind.DOCX,
        )
    assert other.value.reason is ExportRefusal.OTHER_KIND
    assert pdf.read_bytes() == b"%PDF-1.7 a director's own file"
    # nor does a Word file replace a PDF
    word = tmp_path / "memo.pdf"
    word.write_bytes(b"PK\x03\x04 a Word file named .pdf")
    with pytest.raises(ExportRefused):
        export_memo(db, meetings.latest_meeting(db, _golden_period(db)), word, options)
    assert sorted(p.name for p in tmp_path.iterdir() if "sqlite" not in p.name) == [
        "memo.pdf",
        "muistio.docx",
    ]


def test_a_pdf_cannot_be_asked_for_in_another_format(demo_db: Database) -> None:
    with pytest.raises(ValueError):
        build_document(demo_db, "memo", 1, ReportOptions(), ExportKind.ZIP)
