"""The operating periods screen (toimintakaudet)."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    from hyvinvointi_app.ui.periods.page import PeriodsPage

    return PeriodsPage(context)
