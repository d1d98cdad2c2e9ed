"""The documents that leave the office: memo, agenda, annual report, plan evaluation summary,
each as a PDF or as an editable Word file (``file_format``, an :class:`ExportKind`); the
invitation and the calendar files are in :mod:`.invitation`.

Importing this package is cheap: ReportLab, pikepdf and python-docx load when a document is
built. Call these from a worker thread; ``progress`` is called from that thread.
"""

from hyvinvointi_app.reports.export import (
    DOCUMENT_FORMATS,
    annual_pdf,
    build_document,
    evaluation_pdf,
    export_annual,
    export_document,
    export_evaluation,
    export_memo,
    memo_pdf,
)
from hyvinvointi_app.reports.options import Progress, ReportLanguage, ReportOptions
from hyvinvointi_app.services.exports import ExportKind

__all__ = [
    "DOCUMENT_FORMATS",
    "ExportKind",
    "Progress",
    "ReportLanguage",
    "ReportOptions",
    "annual_pdf",
    "build_document",
    "evaluation_pdf",
    "export_annual",
    "export_document",
    "export_evaluation",
    "export_memo",
    "memo_pdf",
]
