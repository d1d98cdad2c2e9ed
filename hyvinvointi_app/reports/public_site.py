"""A period's public memos (:mod:`public`) together in one zip file for the unit's web site:
each approved memo as a PDF and a web page, and a page that lists them.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from html import escape
from pathlib import Path
from urllib.parse import quote

from hyvinvointi_app.reports.export import render_document, write_export
from hyvinvointi_app.reports.html import page_around
from hyvinvointi_app.reports.options import Progress, ReportOptions
from hyvinvointi_app.reports.public import about_the_group, file_name
from hyvinvointi_app.reports.texts import ReportTexts, document_name
from hyvinvointi_app.services.audit import DetailValue
from hyvinvointi_app.services.exports import ExportKind, ExportResult, check_export_target
from hyvinvointi_app.services.public_memo import approved_meetings, approved_memo
from hyvinvointi_app.store.database import Database


def _index(tx: ReportTexts, entries: list[tuple[str, str, str]], title: str) -> str:
    """A page that links each memo's web page and PDF (relative links, inside the zip)."""
    rows = "\n".join(
        f'<li>{escape(label)}: <a href="{quote(page)}">{escape(page)}</a>, '
        f'<a href="{quote(pdf)}">{escape(pdf)}</a></li>'
        for label, page, pdf in entries
    )
    body = f"<h1>{escape(title)}</h1>\n<p>{escape(about_the_group(tx))}</p>\n<ul>\n{rows}\n</ul>"
    return page_around(body, title, tx.pdf_language)


def public_memos_zip(
    db: Database, period_id: int, options: ReportOptions, progress: Progress | None = None
) -> tuple[bytes, int]:
    """Every approved memo of the period in its public version, as a PDF and a web page
    each, with a page that lists them; and how many memos there are."""
    tx = ReportTexts(options.language)
    label, meeting_ids = approved_meetings(db, period_id)
    buffer = io.BytesIO()
    entries: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, meeting_id in enumerate(meeting_ids):
            if progress is not None:
                progress(done, len(meeting_ids) + 1)
            data = approved_memo(db, meeting_id)
            pdf_name = file_name(tx, data, ExportKind.PDF)
            page_name = file_name(tx, data, ExportKind.HTML)
            for name, kind in ((pdf_name, ExportKind.PDF), (page_name, ExportKind.HTML)):
                archive.writestr(name, render_document("public", data, options, kind))
            subject = tx.pgettext("report", "Meeting {number}", number=data.meeting.number)
            entries.append((f"{subject} {tx.date(data.meeting.date)}", page_name, pdf_name))
        title = f"{document_name(tx, 'public_memos')} {label}"
        archive.writestr("index.html", _index(tx, entries, title))
    if progress is not None:
        progress(len(meeting_ids) + 1, len(meeting_ids) + 1)
    return buffer.getvalue(), len(meeting_ids)


def export_public_memos(
    db: Database,
    period_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the period's public memos (:func:`public_memos_zip`) as one zip file."""
    path = Path(out_path)
    check_export_target(db, path, ExportKind.ZIP, replace=options.replace)
    data, count = public_memos_zip(db, period_id, options, progress)
    nameless = dataclasses.replace(options, with_names=False)  # a public version never names
    details: dict[str, DetailValue] = {"period_id": period_id, "memos": count}
    return write_export(db, path, data, ExportKind.ZIP, "public_memos", nameless, details)
