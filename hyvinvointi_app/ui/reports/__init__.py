"""The reports screen (raportit / rapporter): export a memo, an annual report, a plan's
evaluation summary or the coordinator bundle, in the language the reader needs."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page

LOAD_AFTER_MS = 300
"""The documents' code starts loading this long after the screen is built: once it is drawn
and while the director reads it. Loaded while the screen was built and drawn, the two shared
the interpreter and the window paused once for 60-90 ms; drawn alone, 25-40 ms."""


def create_page(context: AppContext) -> Page:
    from hyvinvointi_app.ui.reports.page import ReportsPage
    from hyvinvointi_app.ui.reports.worker import load_in_advance

    QTimer.singleShot(LOAD_AFTER_MS, load_in_advance)
    return ReportsPage(context)
