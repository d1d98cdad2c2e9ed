"""Build a document into bytes, as a PDF or as a Word file, or export it to a file through
the export service (checked first, written atomically, logged).

Both formats are rendered from the same blocks and page frame (``_document(kind)``), so the
Word copy says what the PDF says, in the same language.

Characters no shipped font prints are shown in the PDF as a mark, and told to the caller's
``unprintable`` callback after the document is laid out and before anything is written. A
Word file is set in the fonts of the computer that opens it, so nothing is told for it.

ReportLab, pikepdf and python-docx are imported when a document is built, not with this
module, so the main window can import the reports package without paying for them at
start-up.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from hyvinvointi_app.reports.options import Progress, ReportOptions
from hyvinvointi_app.reports.unprintable import Unprintable, collecting
from hyvinvointi_app.services.audit import DetailValue
from hyvinvointi_app.services.exports import (
    ExportKind,
    ExportResult,
    check_export_target,
    export_file,
)
from hyvinvointi_app.store.database import Database

_STEPS = 4

DOCUMENT_FORMATS = (ExportKind.PDF, ExportKind.DOCX, ExportKind.HTML)
"""The formats a document is exported in: the PDF to file and send, the Word file to edit,
the web page to publish (the public version of a memo)."""

_LOG_NAMES = {
    "memo": "memo",
    "agenda": "agenda",
    "public": "public_memo",
    "annual": "annual_report",
    "evaluation": "plan_evaluation",
    "clock": "annual_clock_poster",
}
"""How the activity log names each kind of document."""
_SUBJECTS = {
    "memo": "meeting_id",
    "agenda": "meeting_id",
    "public": "meeting_id",
    "annual": "period_id",
    "evaluation": "plan_id",
    "clock": "period_id",
}


def _step(progress: Progress | None, done: int) -> None:
    if progress is not None:
        progress(done, _STEPS)


def _document(kind: str) -> ModuleType:
    """The module that builds a kind of document: ``build_blocks(data, options)`` and
    ``page_frame(data, texts, options)``."""
    from hyvinvointi_app.reports import agenda, annual, evaluation, memo, public

    modules: dict[str, ModuleType] = {
        "memo": memo,
        "agenda": agenda,
        "public": public,
        "annual": annual,
        "evaluation": evaluation,
    }
    return modules[kind]


def load_in_advance() -> None:
    """Load what building a document needs (ReportLab, pikepdf, the document modules, the
    primary font), so that the first export no longer does. The interface calls it in a
    thread when the Reports screen is first built: loading them in the middle of the first
    export paused the window for 60-80 ms."""
    import hyvinvointi_app.reports.finish  # noqa: F401 - pikepdf
    from hyvinvointi_app.reports.layout import styles

    _document("annual")
    styles()


def _gather(db: Database, kind: str, subject_id: int, options: ReportOptions) -> Any:
    """The service data a kind of document is built from."""
    if kind == "memo":
        from hyvinvointi_app.services.memo_record import memo_data

        return memo_data(db, subject_id)
    if kind == "public":
        from hyvinvointi_app.services.public_memo import approved_memo

        return approved_memo(db, subject_id)
    if kind == "agenda":
        from hyvinvointi_app.services.invitation import agenda_data

        return agenda_data(db, subject_id)
    if kind == "clock":
        from hyvinvointi_app.services.clock_wheel import poster_data

        return poster_data(db, subject_id, options.created_at().date())
    if kind == "annual":
        from hyvinvointi_app.services.report_data import annual_data

        return annual_data(db, subject_id, today=options.created_at().date())
    from hyvinvointi_app.services.report_data import evaluation_summary_data

    return evaluation_summary_data(db, subject_id)


def build_document(
    db: Database,
    kind: str,
    subject_id: int,
    options: ReportOptions,
    file_format: ExportKind = ExportKind.PDF,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> bytes:
    """A document ("memo", "agenda", "public", "annual", "evaluation", "clock": the annual
    clock's poster) of one meeting, period or plan, as a PDF, a Word file or a web page
    (``file_format``)."""
    if file_format not in DOCUMENT_FORMATS:
        raise ValueError(f"a document is exported as {DOCUMENT_FORMATS}, not {file_format}")
    _step(progress, 0)
    data = _gather(db, kind, subject_id, options)
    _step(progress, 1)
    return render_document(kind, data, options, file_format, progress, unprintable)


def render_document(
    kind: str,
    data: Any,
    options: ReportOptions,
    file_format: ExportKind = ExportKind.PDF,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> bytes:
    """A document of ``kind`` from its service data (what :func:`build_document` reads):
    the same data in two formats is read once. The annual clock's poster is a PDF only."""
    from hyvinvointi_app.reports.texts import ReportTexts

    if kind == "clock":
        if file_format is not ExportKind.PDF:
            raise ValueError("the annual clock's poster is a PDF")
        _step(progress, 2)
        with collecting() as missing:
            from hyvinvointi_app.reports import poster

            plain = poster.render(data, options)
        return _finished(plain, missing, options, progress, unprintable)
    document = _document(kind)
    blocks = document.build_blocks(data, options)
    frame = document.page_frame(data, ReportTexts(options.language), options)
    _step(progress, 2)
    if file_format is ExportKind.HTML:
        from hyvinvointi_app.reports.html import to_page

        _step(progress, _STEPS)
        return to_page(blocks, frame.title, frame.language).encode("utf-8")
    if file_format is ExportKind.DOCX:
        from hyvinvointi_app.reports.docx import render_docx

        result = render_docx(blocks, frame, options.created_at())
        _step(progress, _STEPS)
        return result
    with collecting() as missing:
        from hyvinvointi_app.reports.layout import flowables, render

        plain = render(flowables(blocks), frame)
    return _finished(plain, missing, options, progress, unprintable)


def _finished(
    plain: bytes,
    missing: Iterable[str],
    options: ReportOptions,
    progress: Progress | None,
    unprintable: Unprintable | None,
) -> bytes:
    """A rendered PDF told of its unprintable characters, then made archival or protected."""
    from hyvinvointi_app.reports.finish import finish

    if missing and unprintable is not None:
        unprintable("".join(missing))
    _step(progress, 3)
    result = finish(
        plain,
        created=options.created_at(),
        archival=options.is_archival,
        password=options.password,
    )
    _step(progress, _STEPS)
    return result


def memo_pdf(
    db: Database,
    meeting_id: int,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> bytes:
    """The memo of one meeting as a PDF."""
    return build_document(db, "memo", meeting_id, options, ExportKind.PDF, progress, unprintable)


def annual_pdf(
    db: Database,
    period_id: int,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> bytes:
    """The group's annual report for one operating period as a PDF."""
    return build_document(db, "annual", period_id, options, ExportKind.PDF, progress, unprintable)


def evaluation_pdf(
    db: Database,
    plan_id: int,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> bytes:
    """One plan's evaluations over time as a PDF."""
    return build_document(db, "evaluation", plan_id, options, ExportKind.PDF, progress, unprintable)


def export_document(
    db: Database,
    kind: str,
    subject_id: int,
    out_path: Path,
    options: ReportOptions,
    file_format: ExportKind = ExportKind.PDF,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> ExportResult:
    """Write a document to ``out_path`` through the export service: the target is checked
    before the document is built, the file is never half-written, and the export is logged
    (what, in which language and format, with or without names, into which file name; never
    the text)."""
    check_export_target(db, out_path, file_format, replace=options.replace)
    if kind == "public":  # names no one, whatever was chosen
        options = dataclasses.replace(options, with_names=False)
    data = build_document(db, kind, subject_id, options, file_format, progress, unprintable)
    details: dict[str, DetailValue] = {_SUBJECTS[kind]: subject_id}
    if file_format is ExportKind.PDF:
        details |= {"password": options.password is not None, "archival": options.is_archival}
    else:
        details["format"] = file_format.value
    return write_export(db, out_path, data, file_format, _LOG_NAMES[kind], options, details)


def write_export(
    db: Database,
    out_path: Path,
    data: bytes,
    kind: ExportKind,
    document: str,
    options: ReportOptions,
    details: dict[str, DetailValue],
) -> ExportResult:
    """Write a finished document through the one export service (atomically, never over a
    file it was not asked to replace) and log it with the options' language and names."""
    return export_file(
        db,
        out_path,
        data,
        kind,
        document=document,
        language=options.language,
        with_names=options.with_names,
        details=details,
        replace=options.replace,
    )


def export_memo(
    db: Database,
    meeting_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
    *,
    file_format: ExportKind = ExportKind.PDF,
) -> ExportResult:
    """Write the memo to ``out_path`` (never half-written) and log the export."""
    return export_document(
        db, "memo", meeting_id, out_path, options, file_format, progress, unprintable
    )


def export_annual(
    db: Database,
    period_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
    *,
    file_format: ExportKind = ExportKind.PDF,
) -> ExportResult:
    return export_document(
        db, "annual", period_id, out_path, options, file_format, progress, unprintable
    )


def export_evaluation(
    db: Database,
    plan_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
    *,
    file_format: ExportKind = ExportKind.PDF,
) -> ExportResult:
    return export_document(
        db, "evaluation", plan_id, out_path, options, file_format, progress, unprintable
    )


def survey_sheet(
    db: Database, survey_id: int, language: str, options: ReportOptions | None = None
) -> bytes:
    """The printed sheet of a survey in "fi", "sv" or "other" (the families' language)."""
    from hyvinvointi_app.reports.common import unit_name
    from hyvinvointi_app.reports.survey_sheet import survey_sheet_pdf
    from hyvinvointi_app.reports.texts import ReportTexts
    from hyvinvointi_app.services.surveys import get_survey
    from hyvinvointi_app.services.unit import get_unit

    options = options or ReportOptions()
    survey = get_survey(db, survey_id)
    unit = get_unit(db)
    working = unit.working_language.value
    working = working if working in ("fi", "sv") else "fi"
    names = ReportTexts(language if language in ("fi", "sv") else working)
    return survey_sheet_pdf(
        survey,
        language,
        unit_name(unit, names),
        working,
        created=options.created_at(),
        archival=options.is_archival,
    )
