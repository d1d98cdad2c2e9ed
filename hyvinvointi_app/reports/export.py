"""Build a document into bytes, or export it to a file through the export service (checked
first, written atomically, logged).

Characters no shipped font prints are shown as a mark, and told to the caller's
``unprintable`` callback after the document is laid out and before anything is written.

ReportLab and pikepdf are imported when a document is built, not with this module, so the
main window can import the reports package without paying for them at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from hyvinvointi_app.reports.options import Progress, ReportOptions
from hyvinvointi_app.reports.unprintable import Unprintable, collecting
from hyvinvointi_app.services.exports import (
    ExportKind,
    ExportResult,
    check_export_target,
    export_file,
)
from hyvinvointi_app.store.database import Database

_STEPS = 4


def _step(progress: Progress | None, done: int) -> None:
    if progress is not None:
        progress(done, _STEPS)


def _document(kind: str) -> ModuleType:
    """The module that builds a kind of document: ``build_blocks(data, options)`` and
    ``page_frame(data, texts, options)``."""
    from hyvinvointi_app.reports import annual, evaluation, memo

    modules: dict[str, ModuleType] = {"memo": memo, "annual": annual, "evaluation": evaluation}
    return modules[kind]


def _build(
    gather: Callable[[], Any],
    kind: str,
    options: ReportOptions,
    progress: Progress | None,
    unprintable: Unprintable | None,
) -> bytes:
    _step(progress, 0)
    data = gather()
    _step(progress, 1)
    with collecting() as missing:
        from hyvinvointi_app.reports.finish import finish
        from hyvinvointi_app.reports.layout import flowables, render
        from hyvinvointi_app.reports.texts import ReportTexts

        document = _document(kind)
        blocks = document.build_blocks(data, options)
        frame = document.page_frame(data, ReportTexts(options.language), options)
        _step(progress, 2)
        plain = render(flowables(blocks), frame)
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
    from hyvinvointi_app.services.memo_record import memo_data

    return _build(lambda: memo_data(db, meeting_id), "memo", options, progress, unprintable)


def annual_pdf(
    db: Database,
    period_id: int,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> bytes:
    """The group's annual report for one operating period as a PDF."""
    from hyvinvointi_app.services.report_data import annual_data

    today = options.created_at().date()
    return _build(
        lambda: annual_data(db, period_id, today=today), "annual", options, progress, unprintable
    )


def evaluation_pdf(
    db: Database,
    plan_id: int,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> bytes:
    """One plan's evaluations over time as a PDF."""
    from hyvinvointi_app.services.report_data import evaluation_summary_data

    return _build(
        lambda: evaluation_summary_data(db, plan_id),
        "evaluation",
        options,
        progress,
        unprintable,
    )


def _export(
    db: Database,
    data: bytes,
    out_path: Path,
    document: str,
    about: tuple[str, int],
    options: ReportOptions,
) -> ExportResult:
    """Write ``data`` through the export service (checked, atomic), then log the export (what,
    in which language, with or without names, into which file name; never the text)."""
    return export_file(
        db,
        out_path,
        data,
        ExportKind.PDF,
        document=document,
        language=options.language,
        with_names=options.with_names,
        details={
            "password": options.password is not None,
            "archival": options.is_archival,
            about[0]: about[1],
        },
        replace=options.replace,
    )


def export_memo(
    db: Database,
    meeting_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> ExportResult:
    """Write the memo to ``out_path`` (never half-written) and log the export."""
    check_export_target(db, out_path, ExportKind.PDF, replace=options.replace)
    data = memo_pdf(db, meeting_id, options, progress, unprintable)
    return _export(db, data, out_path, "memo", ("meeting_id", meeting_id), options)


def export_annual(
    db: Database,
    period_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> ExportResult:
    check_export_target(db, out_path, ExportKind.PDF, replace=options.replace)
    data = annual_pdf(db, period_id, options, progress, unprintable)
    return _export(db, data, out_path, "annual_report", ("period_id", period_id), options)


def export_evaluation(
    db: Database,
    plan_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> ExportResult:
    check_export_target(db, out_path, ExportKind.PDF, replace=options.replace)
    data = evaluation_pdf(db, plan_id, options, progress, unprintable)
    return _export(db, data, out_path, "plan_evaluation", ("plan_id", plan_id), options)
