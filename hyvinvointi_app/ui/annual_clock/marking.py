"""Marking how an annual-clock theme was dealt with in a period, one undo step per mark: the
annual clock screen (any period, the current one first) and a meeting's theme item (that
meeting's period) open the same dialog through :func:`open_mark_dialog`.

The undo and redo steps call services only, so they work after the screen that made the mark
is gone (the main window rebuilds its pages on a language switch).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import annual_clock, period_scope
from hyvinvointi_app.services.annual_clock import ThemeMarkView, ThemeView
from hyvinvointi_app.services.period_scope import HandledTheme
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.ui.annual_clock.mark_dialog import MarkChoice, MarkState, ThemeMarkDialog
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.undo import push


def meetings_text(meetings: Iterable[HandledTheme]) -> str:
    """ "Meeting 1 (8.10.2025), Meeting 3 (…)" in the interface language."""
    language = ui_translator().language
    return ", ".join(
        _("Meeting {number}").format(number=done.meeting_number)
        + f" ({format_date(done.meeting_date, language)})"
        for done in meetings
    )


def mark_text(mark: ThemeMarkView) -> str:
    """How a mark reads in a list or a summary: its handling, and its note if it has one."""
    handling = label(mark.handling)
    return f"{handling}: {mark.note}" if mark.note else handling


def mark_state(context: AppContext, theme_id: int, period: PeriodView) -> MarkState:
    """The theme's mark in ``period`` and the held meetings that handled it or left it empty,
    by the annual report's rule (:func:`.period_scope.clock_outcomes`)."""
    db = context.database
    outcome = next(
        (
            o
            for o in period_scope.clock_outcomes(db, period, dt.date.today())
            if o.theme.id == theme_id
        ),
        None,
    )
    return MarkState(
        annual_clock.theme_mark(db, theme_id, period.id),
        meetings_text(outcome.meetings) if outcome else "",
        meetings_text(outcome.left_empty) if outcome else "",
    )


def open_mark_dialog(
    context: AppContext,
    theme: ThemeView,
    periods: Sequence[PeriodView],
    period_id: int,
    parent: QWidget,
    saved: Callable[[], object] | None = None,
) -> ThemeMarkDialog:
    """Open (window-modal) the mark dialog of ``theme`` with ``period_id`` chosen among
    ``periods``; a changed mark is saved as one undo step, then ``saved`` is called."""
    db = context.database

    def save(chosen_period: int, choice: MarkChoice) -> None:
        handling, note = choice if choice is not None else (None, "")
        change = annual_clock.mark_theme_undoably(db, theme.id, chosen_period, handling, note)
        if not change.made:
            return
        if saved is not None:
            saved()
        after = push(context, change, parent.window())
        context.status_message.emit(
            _("Theme marked: {handling}").format(handling=label(after.handling))
            if after is not None
            else _("The theme's mark was cleared")
        )

    dialog = ThemeMarkDialog(
        theme.title,
        periods,
        period_id,
        lambda chosen: mark_state(context, theme.id, chosen),
        save,
        parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
