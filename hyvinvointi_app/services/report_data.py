"""The data of each exported document, gathered through the other services in one place.

The report layer turns these dataclasses into PDFs and never asks the database itself, so
what a document shows can be tested here without parsing a PDF, and a document built twice
from the same data is the same document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services import (
    annual_clock,
    evaluations,
    meetings,
    members,
    period_scope,
    periods,
    result_cards,
    summary,
)
from hyvinvointi_app.services.annual_clock import ThemeMarkView, ThemeView
from hyvinvointi_app.services.evaluations import EvaluationView, PlanHistory
from hyvinvointi_app.services.members import MemberView
from hyvinvointi_app.services.memo_record import name_roles_in
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.services.municipal_package import PackageInfo, current_package
from hyvinvointi_app.services.period_scope import HandledTheme, PlanInPeriod, ThemeOutcome
from hyvinvointi_app.services.periods import PeriodTexts, PeriodView
from hyvinvointi_app.services.plans import list_plans
from hyvinvointi_app.services.result_cards import CardView
from hyvinvointi_app.services.summary import PeriodSummary
from hyvinvointi_app.services.surveys import SurveyInPeriod, surveys_in_period
from hyvinvointi_app.services.unit import UnitInfo, get_unit
from hyvinvointi_app.store.database import Database


@dataclass(frozen=True, slots=True)
class AnnualData:
    """One operating period's annual report; each section is selected by the rule in
    :mod:`.period_scope`, which the coordinator bundle shares."""

    unit: UnitInfo
    period: PeriodView
    summary: PeriodSummary
    members: tuple[MemberView, ...]
    """Members whose term overlaps the period."""
    meetings: tuple[MeetingDetail, ...]
    """The meetings held by ``today`` (those of ``summary.meetings``), whose memos, themes and
    children's and guardians' views the report lists."""
    planned_themes: tuple[ThemeView, ...]
    """The unit's annual clock as it stands (the clock keeps no history)."""
    handled_themes: tuple[HandledTheme, ...]
    """Themes and plan evaluations on the agendas of the held meetings."""
    evaluations: tuple[EvaluationView, ...]
    """Evaluations dated in the period."""
    cards: tuple[CardView, ...]
    """The period's result cards, each with only its checkpoints due in the period and its
    status as at the period's end (:func:`.period_scope.cards_in_period`)."""
    plans_needing_update: tuple[EvaluationView, ...]
    """Evaluations of the period that concluded a plan needs updating
    (:func:`.period_scope.plans_needing_update`)."""
    texts: PeriodTexts
    """The group's summary, its approval day and the requests to the provider, as typed."""
    theme_marks: tuple[ThemeMarkView, ...]
    """The director's marks on the clock's themes for this period."""
    plans: tuple[PlanInPeriod, ...]
    """Every plan in use (and archived ones evaluated in the period), each with its
    evaluations in the period or none (:func:`.period_scope.plans_in_period`)."""
    name_roles: tuple[tuple[str, Role], ...] = ()
    package: PackageInfo | None = None
    """The municipal package the unit uses, if any."""
    surveys: tuple[SurveyInPeriod, ...] = ()
    """The surveys counted in the held meetings, with the previous period's counts."""

    @property
    def theme_outcomes(self) -> tuple[tuple[ThemeOutcome, ...], tuple[HandledTheme, ...]]:
        """Each planned theme with how it was dealt with, then themes handled unplanned
        (:func:`.period_scope.theme_outcomes`)."""
        return period_scope.theme_outcomes(
            self.planned_themes,
            self.handled_themes,
            self.theme_marks,
            self.period,
            self.summary.as_of,
        )


@dataclass(frozen=True, slots=True)
class EvaluationSummaryData:
    unit: UnitInfo
    history: PlanHistory
    cards: tuple[CardView, ...]
    name_roles: tuple[tuple[str, Role], ...] = ()


def name_roles(db: Database) -> tuple[tuple[str, Role], ...]:
    """Members' names (longest first) with their roles (see :func:`memo_record.name_roles_in`)."""
    with db.reading() as session:
        return name_roles_in(session)


def annual_data(db: Database, period_id: int, today: dt.date | None = None) -> AnnualData:
    """The period's figures; ``today`` decides which meetings count as held, and the day the
    action items and the cards' status are told as at (the period's end, or ``today`` while
    the period runs)."""
    figures = summary.period_summary(db, period_id, today=today)
    every = periods.list_periods(db)  # newest first
    period = next((p for p in every if p.id == period_id), None)
    if period is None:
        raise NotFound("period", period_id)
    before = next((p for p in every if p.end_date < period.start_date), None)
    start, end = period.start_date, period.end_date
    details = tuple(meetings.get_meeting(db, held.id) for held in figures.meetings)
    period_evaluations = period_scope.evaluations_in_period(db, period)
    return AnnualData(
        unit=get_unit(db),
        period=period,
        summary=figures,
        members=tuple(members.members_in_period(db, start, end)),
        meetings=details,
        planned_themes=tuple(annual_clock.list_themes(db)),
        handled_themes=period_scope.handled_themes(details),
        evaluations=period_evaluations,
        cards=period_scope.cards_in_period(db, period, figures.today),
        plans_needing_update=period_scope.plans_needing_update(period_evaluations),
        texts=periods.period_texts(db, period_id),
        theme_marks=annual_clock.list_theme_marks(db, period_id),
        plans=period_scope.plans_in_period(db, period, period_evaluations),
        name_roles=name_roles(db),
        package=current_package(db),
        surveys=surveys_in_period(
            db,
            [m.id for m in details],
            [m.id for m in summary.period_summary(db, before.id).meetings] if before else [],
            before.label if before else "",
        ),
    )


def evaluation_summary_data(db: Database, plan_id: int) -> EvaluationSummaryData:
    history = evaluations.plan_history(db, plan_id)
    cards = tuple(result_cards.list_cards(db, plan_id=plan_id, include_finished=True))
    return EvaluationSummaryData(get_unit(db), history, cards, name_roles(db))


def find_plan(db: Database, name_or_id: str) -> int:
    """A plan by its id, or by its name (exact, then case-insensitive, then a unique prefix)."""
    plans = list_plans(db, include_archived=True)
    text = name_or_id.strip()
    if text.isdigit():
        match = next((p for p in plans if p.id == int(text)), None)
        if match is not None:
            return match.id
    folded = text.casefold()
    for matches in (
        [p for p in plans if p.name == text],
        [p for p in plans if p.name.casefold() == folded],
        [p for p in plans if p.name.casefold().startswith(folded)] if folded else [],
    ):
        if len(matches) == 1:
            return matches[0].id
    raise NotFound("plan", name_or_id)
