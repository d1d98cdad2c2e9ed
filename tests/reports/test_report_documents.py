"""Every document parsed back with pypdf in Finnish, Swedish and bilingual form."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pikepdf
import pikepdf.pdfa
import pytest
from pypdf import PdfReader
from report_documents import (
    CREATED,
    DOCUMENTS,
    LANGUAGES,
    SAMI_NAME,
    SWEDISH_NAME,
    Document,
    SmallUnit,
    extract_text,
    options,
)
from reportlab.platypus import Paragraph

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.reports import ReportOptions, layout, memo_pdf
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services import actions, agenda, meetings
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.store.database import Database

DOCUMENT_TYPES = {
    "memo": "Memo",
    "annual": "Annual report",
    "evaluation": "Plan evaluation summary",
}


def _document_type(document: str, language: str) -> str:
    tx = ReportTexts(language)
    return {
        "memo": tx.pgettext("report", "Memo"),
        "agenda": tx.pgettext("report", "Agenda"),
        "public": tx.pgettext("report", "Memo, public version"),
        "annual": tx.pgettext("report", "Annual report"),
        "evaluation": tx.pgettext("report", "Plan evaluation summary"),
    }[document]


@pytest.fixture(scope="module")
def built(fixture_file: Any) -> dict[tuple[str, str], bytes]:
    """Each document in each language, built once for this module (from the shared file)."""
    from hyvinvointi_app.store.database import open_database

    db = open_database(fixture_file)
    try:
        return {
            (document.name, language): document.build(db, options(language))
            for document in DOCUMENTS
            for language in LANGUAGES
        }
    finally:
        db.close()


CASES = [(d.name, lang) for d in DOCUMENTS for lang in LANGUAGES]


@pytest.mark.parametrize(("document", "language"), CASES)
def test_heading_footer_and_dates(
    built: dict[tuple[str, str], bytes], document: str, language: str
) -> None:
    pdf = built[document, language]
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    page_word = ReportTexts(language).pgettext("report", "Page")
    assert _document_type(document, language) in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"{page_word} {number}/{total}" in text
    assert re.search(r"\b\d{1,2}\.\d{1,2}\.20\d\d\b", pages[0])
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", "\n".join(pages)), "ISO dates leaked"


@pytest.mark.parametrize(("document", "language"), CASES)
def test_metadata(built: dict[tuple[str, str], bytes], document: str, language: str) -> None:
    reader = PdfReader(io.BytesIO(built[document, language]))
    meta = reader.metadata
    assert meta is not None
    assert meta.title and _document_type(document, language) in meta.title
    expected_author = {
        "fi": "Päiväkoti Kuusikko",
        "sv": "Daghemmet Granbacken",
        "fi+sv": "Päiväkoti Kuusikko / Daghemmet Granbacken",
    }[language]
    assert meta.author == expected_author
    assert meta.subject
    created = meta.creation_date
    assert created is not None
    assert created.replace(tzinfo=None) == CREATED
    expected_lang = "sv-FI" if language == "sv" else "fi-FI"
    assert reader.trailer["/Root"]["/Lang"] == expected_lang


@pytest.mark.parametrize(("document", "language"), CASES)
def test_only_the_embedded_font_is_used(
    built: dict[tuple[str, str], bytes], document: str, language: str
) -> None:
    with pikepdf.open(io.BytesIO(built[document, language])) as pdf:
        fonts = {
            str(font.get("/BaseFont")): font
            for page in pdf.pages
            for font in page.Resources.get("/Font", {}).values()
        }
        assert fonts
        for name, font in fonts.items():
            assert "DejaVuSans" in name, name
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            assert "/FontFile2" in descendant.FontDescriptor, name
        assert not any("Helvetica" in name for name in fonts)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_archival_output_passes_the_pdfa_validator(
    demo_db: Database, document: Document, language: str
) -> None:
    pdf = document.build(demo_db, options(language))
    report = pikepdf.pdfa.validate_written(io.BytesIO(pdf), "2b")
    assert report.passed, report
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        assert opened.open_metadata().pdfa_status == "2B"


def test_the_same_data_gives_the_same_archival_file(demo_db: Database) -> None:
    """The XMP metadata is dated like the document (pikepdf's own PDF/A step stamped the
    moment of writing), so a document made again from the same data is the same file."""
    annual = next(d for d in DOCUMENTS if d.name == "annual")
    first = annual.build(demo_db, options("fi+sv"))
    assert annual.build(demo_db, options("fi+sv")) == first
    with pikepdf.open(io.BytesIO(first)) as opened:
        meta = opened.open_metadata()
        assert meta["pdf:Producer"] == str(opened.docinfo["/Producer"])
        assert "/Trapped" not in opened.docinfo


def test_each_document_has_its_own_identifier(demo_db: Database) -> None:
    """ReportLab's invariant output gives every document the same /ID; the file's own is
    made from its content (the first element identifies the document to readers)."""
    identifiers = set()
    for document in DOCUMENTS:
        for archival in (True, False):
            with pikepdf.open(
                io.BytesIO(document.build(demo_db, options("fi", archival=archival)))
            ) as pdf:
                identifiers.add(bytes(pdf.trailer.ID[0]))
    assert len(identifiers) == 2 * len(DOCUMENTS)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
def test_nothing_pdfa_would_need_repaired(demo_db: Database, document: Document) -> None:
    """The PDF/A-2b step adds only the output intent and the XMP declaration: it relies on
    ReportLab's documents having no annotations (links), no interpolated images and no
    non-symbolic TrueType font without an encoding, which pikepdf's full preparation would
    repair (ReportLab's font subsets are symbolic)."""
    with pikepdf.open(io.BytesIO(document.build(demo_db, options("fi+sv")))) as pdf:
        assert all("/Annots" not in page.obj for page in pdf.pages)
        for page in pdf.pages:
            for name, font in page.Resources.get("/Font", {}).items():
                symbolic = int(font.FontDescriptor.Flags) & 4 if "/FontDescriptor" in font else 0
                assert "/Encoding" in font or "/DescendantFonts" in font or symbolic, name
        assert not any(
            "/Interpolate" in obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)
        )


def test_the_wrap_cache_changes_no_byte(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph breaks its lines once per width (``layout._Paragraph``, which relies on
    ReportLab dropping ``blPara`` when a split fails): the files are the same without it."""
    cached = [document.build(demo_db, options("fi+sv")) for document in DOCUMENTS]
    monkeypatch.setattr(layout, "_Paragraph", Paragraph)
    assert [document.build(demo_db, options("fi+sv")) for document in DOCUMENTS] == cached


def test_password_protected_output_opens_only_with_the_password(demo_db: Database) -> None:
    pdf = DOCUMENTS[0].build(demo_db, options("fi", password="Salasana-2026"))
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(pdf))
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(pdf), password="väärä")
    with pikepdf.open(io.BytesIO(pdf), password="Salasana-2026") as opened:
        assert opened.is_encrypted
        assert opened.encryption.R == 6
        assert opened.open_metadata().pdfa_status == ""  # protected, so not PDF/A
        plain = io.BytesIO()
        opened.save(plain, encryption=False)
    assert _document_type("memo", "fi") in extract_text(plain.getvalue())


def test_plain_output_when_not_archival(demo_db: Database) -> None:
    pdf = DOCUMENTS[0].build(demo_db, options("sv", archival=False))
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        assert opened.open_metadata().pdfa_status == ""
        assert not opened.is_encrypted


def test_names_only_when_chosen_and_letters_intact(small_unit: tuple[Database, SmallUnit]) -> None:
    db, unit = small_unit
    agenda.set_item_text(db, unit.other_item_id, "notes", "Päätös: ÅÄÖ åäö – Čđŋšŧž áÁ")
    without = extract_text(memo_pdf(db, unit.meeting_id, options("fi")))
    with_names = extract_text(memo_pdf(db, unit.meeting_id, options("fi", with_names=True)))
    assert "Päätös: ÅÄÖ åäö – Čđŋšŧž áÁ" in without
    assert SAMI_NAME not in without and SWEDISH_NAME not in without
    assert SAMI_NAME in with_names and SWEDISH_NAME in with_names
    assert "Päiväkoti Äimärautio" in without


@pytest.mark.parametrize("notes", ["Muut asiat", "  muut   ASIAT:", "Muut asiat."])
def test_notes_that_only_repeat_the_title_are_no_discussion(
    small_unit: tuple[Database, SmallUnit], notes: str
) -> None:
    db, unit = small_unit
    agenda.set_item_text(db, unit.other_item_id, "title", "Muut asiat")
    agenda.set_item_text(db, unit.other_item_id, "notes", notes)
    discussion = "Keskustelu"
    assert discussion not in extract_text(memo_pdf(db, unit.meeting_id, options("fi")))
    agenda.set_item_text(db, unit.other_item_id, "notes", "Muut asiat: piha-aidan korjaus")
    text = extract_text(memo_pdf(db, unit.meeting_id, options("fi")))
    assert discussion in text and "piha-aidan korjaus" in text


def test_long_table_repeats_its_header_on_every_page(
    small_unit: tuple[Database, SmallUnit],
) -> None:
    db, unit = small_unit
    for number in range(1, 141):
        actions.add_action(
            db,
            unit.meeting_id,
            ActionInput(
                f"Toimenpide numero {number}: lasten osallisuussuunnitelman päivittäminen "
                "yhteistyössä varhaiskasvatuksen erityisopettajan kanssa",
                responsible_text="koko henkilöstö",
                due_date=dt.date(2027, 1, 1) + dt.timedelta(days=number),
            ),
            agenda_item_id=unit.follow_up_item_id,
        )
    reader = PdfReader(io.BytesIO(memo_pdf(db, unit.meeting_id, options("fi"))))
    pages = [page.extract_text() for page in reader.pages]
    header = ReportTexts("fi").pgettext("report", "Action item")
    with_rows = [i for i, text in enumerate(pages) if "Toimenpide numero" in text]
    assert len(with_rows) >= 3
    for index in with_rows:
        assert header in pages[index], f"no table header on page {index + 1}"
    everything = "\n".join(pages)
    assert all(f"Toimenpide numero {n}:" in everything for n in (1, 70, 140))


def test_very_long_text_is_printed_whole(small_unit: tuple[Database, SmallUnit]) -> None:
    db, unit = small_unit
    words = " ".join(f"sana{n}" for n in range(14_000))[:100_000]
    agenda.set_item_text(db, unit.other_item_id, "notes", words)
    agenda.set_item_text(db, unit.follow_up_item_id, "decision", "Ä" * 5_000)
    actions.add_action(db, unit.meeting_id, ActionInput("x" * 20_000))
    pdf = memo_pdf(db, unit.meeting_id, options("fi+sv"))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 15
    text = extract_text(pdf)
    last_word = words.split()[-2]  # the very last one may be cut short
    assert last_word in text and "sana5000 " in text


def test_progress_is_reported_to_the_end(demo_db: Database) -> None:
    steps: list[tuple[int, int]] = []
    memo_pdf(
        demo_db,
        meetings.latest_meeting(demo_db),
        ReportOptions(),
        lambda d, t: steps.append((d, t)),
    )
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1]
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_finnish_swedish_and_bilingual_wording(built: dict[tuple[str, str], bytes]) -> None:
    fi = extract_text(built["memo", "fi"])
    sv = extract_text(built["memo", "sv"])
    both = extract_text(built["memo", "fi+sv"])
    assert "Kokousmuistio" in fi and "Sivu 1/" in fi and "klo 13.00" in fi
    assert (
        "Minnesanteckningar" in sv
        and "protokoll" not in sv
        and "Sida 1/" in sv
        and "kl. 13.00" in sv
    )
    assert "Kokousmuistio / Minnesanteckningar" in both and "Sivu / Sida 1/" in both
    assert "Muistioon ei ole kirjattu yksittäistä lasta koskevia tietoja." in fi
    assert "Toimintakertomus" in extract_text(built["annual", "fi"])
    assert "Verksamhetsberättelse" in extract_text(built["annual", "sv"])


@pytest.mark.parametrize(("document", "language"), CASES)
def test_no_member_name_without_names(
    built: dict[tuple[str, str], bytes], fixture_file: Any, document: str, language: str
) -> None:
    from hyvinvointi_app.services import members
    from hyvinvointi_app.store.database import open_database

    with open_database(fixture_file) as db:
        names = [m.name for m in members.list_members(db) if m.name]
    text = extract_text(built[document, language])
    assert len(names) >= 5
    assert [n for n in names if n in text] == []


def test_a_member_name_typed_as_owner_prints_as_the_role_without_names(
    demo_db: Database,
) -> None:
    evaluation = next(d for d in DOCUMENTS if d.name == "evaluation")
    owner = "Aino Ahonen"  # the demo plans' owner, typed; also the director's name
    without = extract_text(evaluation.build(demo_db, options("fi")))
    named = extract_text(evaluation.build(demo_db, options("fi", with_names=True)))
    assert owner not in without
    assert ReportTexts("fi").label(Role.DIRECTOR) in without
    assert owner in named
