"""The result cards screen (tulokortit): development areas followed until they are reached."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    from hyvinvointi_app.ui.cards.page import CardsPage

    return CardsPage(context)
