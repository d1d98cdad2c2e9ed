"""The annual clock screen (vuosikello / årsklocka): months, themes, and shared clock files."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    from hyvinvointi_app.ui.annual_clock.page import AnnualClockPage

    return AnnualClockPage(context)
