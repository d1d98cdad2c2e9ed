"""The surveys screen (kyselyt / enkäter): children's picture surveys and guardians' surveys."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    from hyvinvointi_app.ui.surveys.page import SurveysPage

    return SurveysPage(context)
