"""The members screen: who sits in the group, in which role and term, and which expected
roles are missing (see ``page.py``)."""

from __future__ import annotations

from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.members.page import MembersPage
from hyvinvointi_app.ui.page import Page


def create_page(context: AppContext) -> Page:
    return MembersPage(context)
