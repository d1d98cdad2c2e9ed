"""The Overview screen: the current operating period at a glance."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    # imported here: the main window shows the kept figures before the services load
    from hyvinvointi_app.ui.overview.page import OverviewPage

    return OverviewPage(context)
