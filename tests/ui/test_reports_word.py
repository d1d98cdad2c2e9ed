"""The reports screen's Word choice: the memo, the annual report and the evaluation summary
as an editable .docx, its name and save filter following the choice, no password offered
for it, and a refused target said in words with no file written."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.errors import ExportRefusal, ExportRefused
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import audit, periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.services.exports import ExportKind
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.reports.page import ReportsPage
from hyvinvointi_app.ui.reports.worker import Document

TODAY = dt.date(2026, 11, 23)
WAIT_MS = 120_000


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, language="fi", years=2, today=TODAY)
    return path


@pytest.fixture
def page(qtbot: QtBot, demo_source: Path, tmp_path: Path) -> Iterator[ReportsPage]:
    path = tmp_path / "unit.sqlite"
    shutil.copy(demo_source, path)
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    assert main.open_database(path) is None
    main.show_page("reports")
    shown = main.pages["reports"]
    assert isinstance(shown, ReportsPage)
    period_id = periods.period_by_label(shown.context.database, "2025-2026").id
    shown.period_box.setCurrentIndex(shown.period_box.findData(period_id))
    yield shown
    main.close()


def choose_word(page: ReportsPage) -> None:
    """Pick "Word" in the format box by keyboard, as a director would."""
    box = page.format_box
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == ExportKind.DOCX.value


def test_choosing_word_exports_an_editable_copy_of_the_annual_report(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
    offered: list[tuple[str, str]] = []
    out = tmp_path / "Verksamhetsberättelse 2025-2026"  # typed without a suffix

    def save_dialog(_parent: object, _title: str, name: str, file_filter: str) -> tuple[str, str]:
        offered.append((Path(name).name, file_filter))
        return str(out), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    page.export_button.setFocus()
    QTest.keyClick(page.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=WAIT_MS)
    assert offered == [("Verksamhetsberättelse 2025-2026.docx", _("Word documents (*.docx)"))]
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
