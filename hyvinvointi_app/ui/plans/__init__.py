"""The plans screen: the plan register, evaluations and their history."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    from hyvinvointi_app.ui.plans.page import PlansPage

    return PlansPage(context)
