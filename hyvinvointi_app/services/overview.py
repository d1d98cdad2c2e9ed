"""The Overview screen's figures for the current operating period, gathered in one place so
that the screen only draws them and the rules stay testable without Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services import annual_clock, meetings, periods, plans, result_cards, summary
from hyvinvointi_app.services.annual_clock import ThemeView
from hyvinvointi_app.services.memo_view import MeetingRow
from hyvinvointi_app.services.plans import PlanView
from hyvinvointi_app.services.result_cards import DueCheckpoint
from hyvinvointi_app.store.database import Database

REVIEW_NOTICE_DAYS = 30
"""A plan whose review falls due within this many days is shown as due."""
CHECKPOINT_NOTICE_DAYS = 60
"""Result-card checkpoints due within this many days (and missed ones) are listed."""


@dataclass(frozen=True, slots=True)
class Overview:
    period_label: str
    period_start: dt.date
    period_end: dt.date
    meetings_held: int
    minimum_meetings: int
    next_meeting: MeetingRow | None
    """The first meeting from today on that is not held yet, if one has been drafted (an
    approved one never is: see :mod:`.held`)."""
    roles_missing: tuple[Role, ...]
    open_actions: int
    overdue_actions: int
    plans_due: tuple[PlanView, ...]
    themes_this_month: tuple[ThemeView, ...]
    checkpoints_due: tuple[DueCheckpoint, ...] = ()
    """Result-card checkpoints waiting for a value: missed ones and the coming ones."""

    @property
    def minimum_met(self) -> bool:
        return self.meetings_held >= self.minimum_meetings


def overview(db: Database, today: dt.date | None = None) -> Overview | None:
    """The figures of the current period; None when the unit has no operating period yet."""
    today = today or dt.date.today()
    try:
        period = periods.current_period(db)
    except NotFound:
        return None
    figures = summary.period_summary(db, period.id, today)
    rows = {row.id: row for row in meetings.list_meetings(db, period.id)}
    planned = [rows[i] for i in figures.planned_meetings if i in rows]
    return Overview(
        period_label=period.label,
        period_start=period.start_date,
        period_end=period.end_date,
        meetings_held=figures.meetings_held,
        minimum_meetings=figures.minimum_meetings,
        next_meeting=planned[0] if planned else None,
        roles_missing=figures.roles_missing_in_period,
        open_actions=figures.actions.open,
        overdue_actions=figures.actions.overdue,
        plans_due=tuple(plans.plans_due_for_review(db, today, within_days=REVIEW_NOTICE_DAYS)),
        themes_this_month=tuple(annual_clock.themes_in_month(db, today.month)),
        checkpoints_due=tuple(
            result_cards.upcoming_checkpoints(db, today, within_days=CHECKPOINT_NOTICE_DAYS)
        ),
    )
