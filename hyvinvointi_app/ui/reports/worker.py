"""Exports run off the GUI thread: building an annual report or a bundle takes seconds, and
the window must stay alive (and cancellable) meanwhile.

The worker uses the open file's engine, which hands each thread its own connection; every
service call opens its own short session, so nothing is shared with the GUI thread's
sessions. The target is checked first (the export service refuses the unit's own files,
the backup folder and files of another kind); cancelling is checked at each progress step;
the documents are written under a temporary name and renamed at the very end, so a
cancelled export leaves no file behind.
Characters no font of the program prints are told (signal ``unprintable``) before the file
is written; the file is written all the same, with a mark in their place.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.services.exports import ExportKind, ExportResult
from hyvinvointi_app.store.database import Database

if TYPE_CHECKING:
    from hyvinvointi_app.reports.options import Progress


class Document(StrEnum):
    MEMO = "memo"
    AGENDA = "agenda"
    INVITATION = "invitation"
    """The e-mail draft of a meeting's invitation, the agenda and calendar entry attached."""
    CALENDAR_ENTRY = "calendar_entry"
    PUBLIC_MEMO = "public"
    """An approved memo's public version, as a PDF or a web page."""
    ANNUAL = "annual"
    EVALUATION = "evaluation"
    BUNDLE = "bundle"
    PERIOD_CALENDAR = "period_calendar"
    """The period's meetings still ahead, as one calendar file."""
    PUBLIC_MEMOS = "public_memos"
    """The public versions of the period's approved memos, in one zip file."""
    CLOCK_POSTER = "clock"
    """The annual clock as a poster (A4 or A3), with the period's meetings on its rim."""


MEETING_DOCUMENTS = (
    Document.MEMO,
    Document.AGENDA,
    Document.INVITATION,
    Document.CALENDAR_ENTRY,
    Document.PUBLIC_MEMO,
)
"""The documents of one meeting."""
MEETINGS_AHEAD = (Document.AGENDA, Document.INVITATION, Document.CALENDAR_ENTRY)
"""The documents of a meeting not yet held."""
PUBLIC_DOCUMENTS = (Document.PUBLIC_MEMO, Document.PUBLIC_MEMOS, Document.CLOCK_POSTER)
"""The documents that name no one, whatever is chosen."""
FIXED_FORMATS = {
    Document.INVITATION: ExportKind.EML,
    Document.CALENDAR_ENTRY: ExportKind.ICS,
    Document.PERIOD_CALENDAR: ExportKind.ICS,
    Document.BUNDLE: ExportKind.ZIP,
    Document.PUBLIC_MEMOS: ExportKind.ZIP,
    Document.CLOCK_POSTER: ExportKind.PDF,
}
"""The documents made in one format only; the others are a PDF or a Word file."""


BOTH_LANGUAGES = "fi,sv"
"""The bundle's language choice "each document in Finnish and in Swedish"."""


@dataclass(frozen=True)
class ExportJob:
    document: Document
    object_id: int
    """The meeting (:data:`MEETING_DOCUMENTS`), the period (annual report, bundle, the
    period's calendar) or the plan (evaluation)."""
    out_path: Path
    language: str
    """"fi", "sv", "fi+sv"; for the bundle also :data:`BOTH_LANGUAGES`."""
    with_names: bool = False
    password: str | None = None
    file_format: ExportKind = ExportKind.PDF
    """PDF, or the editable Word file (memo, annual report, evaluation summary)."""
    paper: str = "A4"
    """The sheet of the annual clock's poster: "A4" or "A3"."""


@functools.cache
def load_in_advance() -> None:
    """Load the documents' code in a thread, once per process, when the Reports screen is
    first built: the first export then pauses the window no more than the later ones (see
    :func:`~hyvinvointi_app.reports.export.load_in_advance`), and a program that never
    exports never holds ReportLab, pikepdf and the fonts in memory (about 27 MB)."""

    def load() -> None:
        from hyvinvointi_app.reports.export import load_in_advance

        load_in_advance()

    threading.Thread(target=load, name="load-documents", daemon=True).start()


class ExportCancelled(Exception):
    """Raised inside the worker at the next progress step after Cancel."""


def run_export(
    db: Database,
    job: ExportJob,
    progress: Progress,
    unprintable: Callable[[str], None] | None = None,
) -> ExportResult:
    """Do the export in the calling thread (the worker's); returns the file written.
    ``unprintable`` hears the characters shown as a mark, before the file is written."""
    from hyvinvointi_app.reports import ReportOptions, export_document
    from hyvinvointi_app.reports.invitation import (
        export_calendar_entry,
        export_invitation,
        export_period_calendar,
    )

    if job.document is Document.BUNDLE:
        from hyvinvointi_app.reports.bundle import build_bundle

        languages = tuple(job.language.split(",")) if "," in job.language else (job.language,)
        return build_bundle(
            db,
            job.object_id,
            job.out_path,
            languages=languages,
            with_names=job.with_names,
            progress=progress,
            unprintable=unprintable,
        )
    options = ReportOptions(
        language=job.language,
        with_names=job.with_names,
        password=(job.password or None) if job.file_format is ExportKind.PDF else None,
        paper=job.paper,
    )
    if job.document is Document.INVITATION:
        return export_invitation(db, job.object_id, job.out_path, options, progress, unprintable)
    if job.document is Document.CALENDAR_ENTRY:
        return export_calendar_entry(db, job.object_id, job.out_path, options)
    if job.document is Document.PERIOD_CALENDAR:
        return export_period_calendar(db, job.object_id, job.out_path, options)
    if job.document is Document.PUBLIC_MEMOS:
        from hyvinvointi_app.reports.public_site import export_public_memos

        return export_public_memos(db, job.object_id, job.out_path, options, progress)
    # a document of the office: the memo, agenda, public version, annual report,
    # evaluation summary or the clock's poster, each named by its document kind
    return export_document(
        db,
        job.document.value,
        job.object_id,
        job.out_path,
        options,
        job.file_format,
        progress,
        unprintable,
    )


class ExportSignals(QObject):
    """Emitted from the worker thread; Qt delivers them in the GUI thread."""

    progress = Signal(int, int)
    unprintable = Signal(str)
    """The characters the document shows as a mark (emitted before the file is written)."""
    finished = Signal(str, bool)
    """The file written, and whether the export is in the activity log."""
    failed = Signal(str)
    cancelled = Signal()
    crashed = Signal(object)
    """An unexpected exception: the GUI thread raises it again for the crash reporter."""


class ExportWorker(QRunnable):
    def __init__(self, db: Database, job: ExportJob) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db = db
        self.job = job
        self.signals = ExportSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise ExportCancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        from hyvinvointi_app.i18n.errors import describe

        try:
            result = run_export(self.db, self.job, self._progress, self.signals.unprintable.emit)
        except ExportCancelled:
            self.signals.cancelled.emit()
        except UserError as error:  # a refused target, a full disk, …: said plainly
            self.signals.failed.emit(describe(error))
        except BaseException as error:  # handed over to the GUI thread's crash reporter
            self.signals.crashed.emit(error)
        else:
            self.signals.finished.emit(str(result.path), result.logged)
