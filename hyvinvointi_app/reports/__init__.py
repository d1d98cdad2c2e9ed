"""The documents that leave the office: memo, annual report, plan evaluation summary (PDF).

Importing this package is cheap: ReportLab and pikepdf load when a document is built.
Call these from a worker thread; ``progress`` is called from that thread.
"""

from hyvinvointi_app.reports.export import (
    annual_pdf,
    evaluation_pdf,
    export_annual,
    export_evaluation,
    export_memo,
    memo_pdf,
)
from hyvinvointi_app.reports.options import Progress, ReportLanguage, ReportOptions

__all__ = [
    "Progress",
    "ReportLanguage",
    "ReportOptions",
    "annual_pdf",
    "evaluation_pdf",
    "export_annual",
    "export_evaluation",
    "export_memo",
    "memo_pdf",
]
