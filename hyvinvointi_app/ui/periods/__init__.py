"""STUB: replaced by the screen's real package."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import ComingPage, Page


def create_page(context: AppContext) -> Page:
    return ComingPage(context, "periods", "stub")
