"""The screens of the navigation, in order. Each screen package offers ``create_page``;
it is imported only when the main window builds the screens."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import ComingPage, Page


@dataclass(frozen=True)
class Screen:
    key: str
    title: Callable[[], str]
    """The title in the interface language at the moment of asking."""
    module: str | None
    """The package whose ``create_page(context)`` builds the screen; None: coming later."""
    guide: str = ""
    """The section of the user guide (resources/guide/) that F1 opens on this screen."""

    def create(self, context: AppContext) -> Page:
        if self.module is None:
            return ComingPage(
                context,
                self.title(),
                _(
                    "This part of Hyvinvointiryhmä is coming in a later version. "
                    "Everything you record elsewhere is kept and will appear here."
                ),
            )
        factory = importlib.import_module(self.module).create_page
        page: Page = factory(context)
        return page


SCREENS: tuple[Screen, ...] = (
    Screen("overview", lambda: _("Overview"), "hyvinvointi_app.ui.overview", "overview"),
    Screen("members", lambda: _("Members"), "hyvinvointi_app.ui.members", "members"),
    Screen("meetings", lambda: _("Meetings"), "hyvinvointi_app.ui.meetings", "meeting"),
    Screen("plans", lambda: _("Plans and evaluations"), "hyvinvointi_app.ui.plans", "plans"),
    Screen("cards", lambda: _("Result cards"), "hyvinvointi_app.ui.cards", "cards"),
    Screen("surveys", lambda: _("Surveys"), "hyvinvointi_app.ui.surveys", "surveys"),
    Screen("clock", lambda: _("Annual clock"), "hyvinvointi_app.ui.annual_clock", "clock"),
    Screen("periods", lambda: _("Operating periods"), "hyvinvointi_app.ui.periods", "periods"),
    Screen("reports", lambda: _("Reports"), "hyvinvointi_app.ui.reports", "reports"),
)
