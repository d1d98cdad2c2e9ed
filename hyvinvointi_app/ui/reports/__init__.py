"""The reports screen (raportit / rapporter): export a memo, an annual report, a plan's
evaluation summary or the coordinator bundle, in the language the reader needs."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    from hyvinvointi_app.ui.reports.page import ReportsPage
    from hyvinvointi_app.ui.reports.worker import load_in_advance

    load_in_advance()
    return ReportsPage(context)
