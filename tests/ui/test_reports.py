"""The reports screen on a demo unit: a document in another language than the interface,
exported off the GUI thread with progress, errors shown in words, cancel leaving no file;
the Word choice, with its name and save filter following it and no password offered; a
meeting's invitation reached from the meetings list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import io
import shutil
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from prompts import ScriptedPrompter
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import ExportRefusal, ExportRefused, FileNotWritten, WriteProblem
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import role_label
from hyvinvointi_app.i18n.translator import _, ngettext, translator_for
from hyvinvointi_app.services import audit, meetings, members, periods
from hyvinvointi_app.services.bundle_reader import read_bundle
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.services.exports import ExportKind
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.page import MeetingsPage
from hyvinvointi_app.ui.reports.page import ReportsPage
from hyvinvointi_app.ui.reports.worker import BOTH_LANGUAGES, Document

TODAY = dt.date(2026, 11, 23)
WAIT_MS = 120_000


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, language="fi", years=2, today=TODAY)
    return path


@pytest.fixture
def demo_window(qtbot: QtBot, demo_source: Path, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "unit.sqlite"
    shutil.copy(demo_source, path)
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    assert main.open_database(path) is None
    yield main
    main.close()


def reports_page(window: MainWindow) -> ReportsPage:
    window.show_page("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    return page


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def select_period(page: ReportsPage, label: str) -> None:
    period_id = periods.period_by_label(page.context.database, label).id
    page.period_box.setCurrentIndex(page.period_box.findData(period_id))


def test_annual_report_in_swedish_from_a_finnish_interface(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = reports_page(demo_window)
    assert page.document_box.currentText() == _("Annual report of an operating period")
    page.select_document(Document.ANNUAL)
    select_period(page, "2025-2026")
    page.set_language("sv")
    out = tmp_path / "arsrapport.pdf"

    ticks: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(True))
    timer.start(10)
    progress: list[tuple[int, int]] = []
    threads: list[int] = []

    page.export_to(out)
    assert page.is_running()  # export_to returned while the document is still being built
    assert page.worker is not None
    page.worker.signals.progress.connect(lambda d, t: progress.append((d, t)))
    page.worker.signals.progress.connect(
        lambda _d, _t: threads.append(threading.get_ident()),
        Qt.ConnectionType.DirectConnection,  # runs in the thread that builds the document
    )
    assert page.progress.isVisible()
    assert page.cancel_button.isVisible()
    assert not page.export_button.isEnabled()
    ticks_before = len(ticks)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    timer.stop()

    # Built off the GUI thread, whose event loop kept turning meanwhile (how long its pauses
    # are is measured by benchmarks/, not here).
    assert threads and threading.get_ident() not in threads
    assert len(ticks) > ticks_before  # the timer's events were handled while it was built
    assert progress and progress[-1][0] == progress[-1][1]
    assert not page.progress.isVisible()
    assert out.exists()
    assert out.read_bytes().startswith(b"%PDF")

    text = pdf_text(out)
    sv, fi = translator_for("sv"), translator_for("fi")
    for role in (Role.PUBLIC_HEALTH_NURSE, Role.GUARDIAN_REPRESENTATIVE):
        sv_label = sv.pgettext("role", role_msgid(role))
        fi_label = fi.pgettext("role", role_msgid(role))
        assert sv_label != fi_label
        assert sv_label in text
        assert fi_label not in text
    assert sv.pgettext("report", "Meetings held") in text
    assert "2025-2026" in text

    assert page.done_row.isVisible()
    assert page.open_file_button.isVisible() and page.open_folder_button.isVisible()
    assert str(out) in page.done_label.text()
    assert page.last_path == out
    assert any(e.details.get("language") == "sv" for e in audit.entries(page.context.database))


def role_msgid(role: Role) -> str:
    return {
        Role.PUBLIC_HEALTH_NURSE: "Public health nurse",
        Role.GUARDIAN_REPRESENTATIVE: "Guardian representative",
    }[role]


def test_export_button_asks_where_then_exports(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = reports_page(demo_window)
    page.select_document(Document.MEMO)
    assert page.meeting_box.isVisible() and not page.plan_box.isVisible()
    out = tmp_path / "muistio.pdf"
    asked: list[str] = []

    def choose() -> Path:
        asked.append(page.suggested_name())
        return out

    monkeypatch.setattr(page, "choose_path", choose)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert asked and asked[0].endswith(".pdf")
    assert out.exists()
    assert not page.error.isVisible()


def test_the_suggested_file_name_is_in_the_documents_language(demo_window: MainWindow) -> None:
    page = reports_page(demo_window)  # a Finnish interface
    page.select_document(Document.ANNUAL)
    select_period(page, "2025-2026")
    names = {}
    for language in ("fi", "sv", "fi+sv"):
        page.set_language(language)
        names[language] = page.suggested_name()
    assert names["fi"] == "Toimintakertomus 2025-2026.pdf"
    assert names["sv"] == "Verksamhetsberättelse 2025-2026.pdf"
    assert names["fi+sv"] == "Toimintakertomus - Verksamhetsberättelse 2025-2026.pdf"
    page.select_document(Document.MEMO)
    page.set_language("sv")
    assert page.suggested_name().startswith("Minnesanteckningar Möte ")
    assert "Kokous" not in page.suggested_name()


def test_cancelled_save_dialog_exports_nothing(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = reports_page(demo_window)
    monkeypatch.setattr(page, "choose_path", lambda: None)
    page.export()
    assert not page.is_running()


def test_password_note_says_a_protected_file_is_not_archival(demo_window: MainWindow) -> None:
    page = reports_page(demo_window)
    page.select_document(Document.EVALUATION)
    assert page.plan_box.isVisible() and not page.period_box.isVisible()
    page.password_edit.setText("salasana")
    assert "PDF/A" in page.password_note.text()
    assert page.password_note.text() == _(
        "A password-protected file is not archival (PDF/A): send it by e-mail, "
        "file the unprotected one."
    )
    page.select_document(Document.BUNDLE)
    assert not page.password_edit.isVisible()


def test_file_menu_opens_the_bundle_and_exports_a_zip(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    file_menu = demo_window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == _("Export for &coordinator…")]
    action.trigger()
    page = reports_page(demo_window)
    assert demo_window.current_page_key() == "reports"
    assert page.document is Document.BUNDLE
    assert page.language_box.currentData() == BOTH_LANGUAGES
    assert page.suggested_name().endswith(".zip")
    select_period(page, "2025-2026")
    out = tmp_path / "bundle.zip"
    page.export_to(out)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert not page.error.isVisible(), page.error.text.text()
    folder = read_bundle(out).document["folder"]
    assert page.suggested_name() == f"{folder}.zip"
    with zipfile.ZipFile(out) as archive:
        annual = archive.read(f"{folder}/{folder}-annual-report-sv.pdf")
    assert PdfReader(io.BytesIO(annual)).pages


def test_unwritable_place_gets_a_clear_message(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = reports_page(demo_window)
    out = tmp_path / "missing" / "report.pdf"
    page.export_to(out)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert page.error.isVisible()
    assert page.error.text.text() == describe(FileNotWritten(out, WriteProblem.NO_FOLDER))
    assert not page.done_row.isVisible()
    assert not out.parent.exists()
    assert page.export_button.isEnabled()


def test_cancel_leaves_no_file(qtbot: QtBot, demo_window: MainWindow, tmp_path: Path) -> None:
    page = reports_page(demo_window)
    page.select_document(Document.BUNDLE)
    out = tmp_path / "cancelled.zip"
    page.export_to(out)
    page.cancel_export()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".cancelled")] == []
    assert not page.done_row.isVisible()
    assert not page.error.isVisible()


def test_language_starts_from_the_setting(demo_window: MainWindow) -> None:
    assert demo_window.context is not None
    demo_window.context.settings.setValue("report_language", "fi+sv")
    demo_window.set_language("fi")  # rebuilds the screens, as after Settings
    page = reports_page(demo_window)
    assert page.language_box.currentData() == "fi+sv"


# -- the Word choice ---------------------------------------------------------------------------


@pytest.fixture
def page(demo_window: MainWindow) -> ReportsPage:
    """The reports screen of the demo, on the period 2025-2026."""
    shown = reports_page(demo_window)
    select_period(shown, "2025-2026")
    return shown


def choose_word(page: ReportsPage) -> None:
    """Pick "Word" in the format box by keyboard, as a director would."""
    box = page.format_box
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == ExportKind.DOCX.value


def test_choosing_word_exports_an_editable_copy_of_the_annual_report(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    page.select_document(Document.ANNUAL)
    page.set_language("sv")
    assert page.format_box.isVisible()
    assert page.password_edit.isVisible()
    assert page.suggested_name() == "Verksamhetsberättelse 2025-2026.pdf"
    choose_word(page)
    assert page.suggested_name() == "Verksamhetsberättelse 2025-2026.docx"
    assert not page.password_edit.isVisible()  # a Word file has no password
    assert page.password_note.text() == _(
        "A Word file is an editable copy to paste into the municipality's own template. "
        "File the PDF."
    )

    # the save dialog (the operating system's) offers a Word name and filter
    out = tmp_path / "Verksamhetsberättelse 2025-2026"  # typed without a suffix
    page.context.prompter = prompter = ScriptedPrompter(out)
    page.export_button.setFocus()
    QTest.keyClick(page.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert Path(prompter.prompts[0].text).name == "Verksamhetsberättelse 2025-2026.docx"
    assert prompter.file_filters == [_("Word documents (*.docx)")]
    written = out.with_name(out.name + ".docx")
    assert not page.error.isVisible(), page.error.text.text()
    assert page.done_row.isVisible()
    document = docx.Document(str(written))
    assert document.paragraphs[0].style.name == "Title"
    assert document.core_properties.language == "sv-FI"
    assert any(t.style.name == "Table Grid" for t in document.tables)
    entry = audit.entries(page.context.database)[-1]
    assert entry.details["format"] == "docx"
    assert entry.details["language"] == "sv"

    # back to PDF: the name, the filter and the password come back
    page.format_box.setCurrentIndex(page.format_box.findData(ExportKind.PDF.value))
    assert page.suggested_name().endswith(".pdf")
    assert page.password_edit.isVisible()


def test_memo_and_evaluation_summary_in_word_and_the_bundle_without_a_choice(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    choose_word(page)
    for document in (Document.MEMO, Document.EVALUATION):
        page.select_document(document)
        assert page.format_box.isVisible()
        assert page.suggested_name().endswith(".docx")
        out = tmp_path / f"{document.value}.docx"
        page.export_to(out)
        qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
        assert not page.error.isVisible(), page.error.text.text()
        assert docx.Document(str(out)).paragraphs[0].style.name == "Title"
    page.select_document(Document.BUNDLE)
    assert not page.format_box.isVisible()
    assert page.suggested_name().endswith(".zip")


def test_a_refused_word_target_is_said_in_words_and_nothing_is_written(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    page.select_document(Document.MEMO)
    choose_word(page)
    target = tmp_path / "muistio.docx"
    target.write_bytes(b"%PDF-1.7 the director's own PDF, badly named")
    page.export_to(target)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert page.error.isVisible()
    assert page.error.text.text() == describe(
        ExportRefused(target, ExportRefusal.OTHER_KIND, ExportKind.DOCX.value)
    )
    assert target.read_bytes() == b"%PDF-1.7 the director's own PDF, badly named"
    assert not page.done_row.isVisible()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".muistio")] == []


def test_python_docx_is_not_loaded_at_start_up() -> None:
    """The main window and the reports screen import without python-docx (nor ReportLab):
    both load when a document is built."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import hyvinvointi_app.ui.main_window, hyvinvointi_app.ui.reports.page\n"
        "import hyvinvointi_app.reports\n"
        "assert 'docx' not in sys.modules, 'docx'\n"
        "assert 'reportlab' not in sys.modules, 'reportlab'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_invitation_button_opens_the_meetings_invitation_and_exports_a_draft(
    qtbot: QtBot,
    demo_window: MainWindow,
    tmp_path: Path,
) -> None:
    db = demo_window.context.database  # type: ignore[union-attr]
    director = next(m for m in members.list_members(db) if m.role is Role.DIRECTOR)
    members.edit_member(
        db,
        director.id,
        dataclasses.replace(members.member_input(director), email="johtaja@kunta.fi"),
    )
    demo_window.show_page("meetings")
    page = demo_window.pages["meetings"]
    assert isinstance(page, MeetingsPage)
    page.refresh()
    row = next(
        r for r in range(page.model.rowCount()) if page.model.row_at(r).status.value == "draft"
    )
    target = page.model.row_at(row)
    page.table.selectRow(row)
    assert page.invite_button.isEnabled()
    page.invite_button.click()

    reports = reports_page(demo_window)
    assert demo_window.current_page_key() == "reports"
    assert reports.document is Document.INVITATION
    assert reports.meeting_box.currentData() == target.id
    assert not reports.format_box.isVisible() and not reports.password_edit.isVisible()
    in_office = [
        m for m in members.list_members(db, include_former=False) if m.active_on(target.date)
    ]
    reached = [m for m in in_office if m.email]
    assert 0 < len(reached) < len(in_office)  # the demo's guardian gave no address
    note = reports.password_note.text()
    goes = ngettext(
        "The invitation goes to {count} member.",
        "The invitation goes to {count} members.",
        len(reached),
    )
    assert goes.format(count=len(reached)) in note
    assert role_label(Role.GUARDIAN_REPRESENTATIVE) in note
    assert reports.suggested_name().endswith(".eml")

    out = tmp_path / "kutsu.eml"
    reports.export_to(out)
    qtbot.waitUntil(lambda: not reports.is_running(), timeout=WAIT_MS)
    assert not reports.error.isVisible()
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    addresses = [a.addr_spec for a in message["To"].addresses]
    assert "johtaja@kunta.fi" in addresses and len(addresses) == len(reached)
    detail = meetings.get_meeting(db, target.id)
    assert str(detail.number) in message["Subject"]


def test_a_public_version_is_offered_for_an_approved_memo_only_and_as_a_web_page(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = reports_page(demo_window)
    page.select_document(Document.PUBLIC_MEMO)
    assert not page.names_box.isVisible()  # a public version names no one
    formats = [page.format_box.itemData(i) for i in range(page.format_box.count())]
    assert formats == [ExportKind.PDF.value, ExportKind.HTML.value]
    db = page.context.database
    rows = meetings.list_meetings(db, page.period_box.currentData())
    approved = [r for r in rows if r.status.value == "approved"]
    drafts = [r for r in rows if r.status.value == "draft"]
    assert page.meeting_box.currentData() == approved[-1].id  # the latest approved
    page.meeting_box.setCurrentIndex(page.meeting_box.findData(drafts[0].id))
    assert not page.export_button.isEnabled()
    assert page.password_note.isVisible()
    assert page.password_note.text() == _(
        "This memo is not approved yet: a public version is made of an approved memo."
    )
    page.meeting_box.setCurrentIndex(page.meeting_box.findData(approved[-1].id))
    assert page.export_button.isEnabled()
    page.format_box.setCurrentIndex(page.format_box.findData(ExportKind.HTML.value))
    assert page.suggested_name().endswith(".html")
    out = tmp_path / "julkinen.html"
    page.export_to(out)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert not page.error.isVisible()
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert translator_for("fi").pgettext("report", "Memo, public version") in text


def _printed_to(path: Path) -> Callable[[QPrinter, int], bool]:
    """The print dialog, answered: print to a PDF file at ``path``."""

    def choose(printer: QPrinter, _pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose


def test_print_draws_the_documents_own_pages_off_a_document_built_in_the_background(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = reports_page(demo_window)
    page.select_document(Document.MEMO)
    page.set_language("sv")
    assert page.print_button.isVisible() and page.preview_button.isVisible()
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(page, "choose_printer", _printed_to(out))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.printing is not None  # the document is being built off the GUI thread
    qtbot.waitUntil(lambda: page.printing is None and out.exists(), timeout=WAIT_MS)
    assert not page.error.isVisible()
    from hyvinvointi_app.reports import ReportOptions, memo_pdf

    expected = PdfReader(
        io.BytesIO(
            memo_pdf(
                page.context.database, page.meeting_box.currentData(), ReportOptions(language="sv")
            )
        )
    )
    printed = PdfReader(str(out))
    assert len(printed.pages) == len(expected.pages) > 1
    width, height = (float(v) for v in printed.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4, as the PDF


def test_print_preview_shows_every_page_and_file_print_follows_the_meetings_screen(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_window.show_page("meetings")
    meetings_page = demo_window.pages["meetings"]
    assert isinstance(meetings_page, MeetingsPage)
    meetings_page.refresh()
    meetings_page.table.selectRow(0)
    chosen = meetings_page.selected_meeting()
    assert chosen is not None
    page = reports_page(demo_window)
    shown: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(page, "show_preview", shown.append)
    demo_window.show_page("meetings")
    demo_window.print_document(preview=True)
    assert demo_window.current_page_key() == "reports"
    assert page.document is Document.MEMO and page.meeting_box.currentData() == chosen.id
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    dialog = shown[0]
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=WAIT_MS)
    from hyvinvointi_app.reports import ReportOptions, memo_pdf

    pdf = memo_pdf(
        page.context.database, chosen.id, ReportOptions(language=page.language_box.currentData())
    )
    assert preview.pageCount() == len(PdfReader(io.BytesIO(pdf)).pages)
    dialog.close()
