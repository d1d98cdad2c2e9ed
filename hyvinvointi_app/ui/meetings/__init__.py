"""The meetings screen: a period's meetings, search across every memo, and the meeting
editor shown in place of the list (``page.py``); approval dialogs in ``approval.py``."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    """The meetings screen; its modules are imported only when the main window builds it."""
    from hyvinvointi_app.ui.meetings.page import MeetingsPage

    return MeetingsPage(context)
