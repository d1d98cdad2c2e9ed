"""What belongs to an operating period: one rule per section of the annual report and of the
coordinator bundle, so that the PDF, ``bundle.json``, the CSV files and the screens can never
disagree about a period's content.

A period runs from its first to its last day, both included (1.8.–31.7. by default); a date
on 31.7. belongs to the period that ends then, one on 1.8. to the period that starts then.
Each section takes its selection from one function:

- **meetings**: the meetings of the period held by ``today`` (:mod:`.held`, via
  :func:`.summary.period_summary`); the memo list, the handled annual-clock themes and the
  children's and guardians' views are read from these meetings only;
- **members**: those whose term overlaps the period (:func:`.members.members_in_period`);
- **annual-clock themes**: planned = the unit's clock as it stands (the clock has no history),
  handled = :func:`handled_themes`;
- **evaluations**: :func:`evaluations_in_period`; the plans they belong to, with every plan in
  use whether evaluated or not: :func:`plans_in_period`; those to update:
  :func:`plans_needing_update`;
- **annual-clock outcome** of each planned theme (handled in a held meeting whose agenda item
  of it has something written, else the director's mark for the period, else not handled;
  an item matches a theme by title and a month not before the theme's): :func:`theme_outcomes`
  with :func:`matching_theme`;
- **result cards** and their checkpoints: :func:`cards_in_period`;
- **action items**: :func:`action_in_period` and :func:`standing_as_of` (used by
  :func:`.summary.period_summary`);
- **development areas for the next period**: :func:`next_period_development_areas`;
- **memos**: the annual report lists the held meetings with their status; the bundle carries
  the approved memos of the period's meetings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, or_, select

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    EvaluationConclusion,
    ResultCardStatus,
    ThemeCoverage,
)
from hyvinvointi_app.domain.typed_text import list_line
from hyvinvointi_app.services import annual_clock, evaluations, held, periods, result_cards
from hyvinvointi_app.services.annual_clock import ThemeMarkView, ThemeView, period_month_index
from hyvinvointi_app.services.evaluations import EvaluationView
from hyvinvointi_app.services.memo_view import AgendaItemView, MeetingDetail
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.services.plans import PlanView, list_plans
from hyvinvointi_app.services.result_cards import STATUS_ORDER, CardView, CheckpointView
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ActionItem, AgendaItem, Meeting


def as_of(period: PeriodView, today: dt.date) -> dt.date:
    """The day a period's state is told as at: its last day, or today while it still runs.

    Open, overdue and done action items and a card's status are counted as they stood on this
    day, so the report of a past period says the same whenever it is made.
    """
    return min(period.end_date, today)


def _within(day: dt.date | None, period: PeriodView) -> bool:
    return day is not None and period.start_date <= day <= period.end_date


# -- evaluations ------------------------------------------------------------------------------


def evaluations_in_period(db: Database, period: PeriodView) -> tuple[EvaluationView, ...]:
    """Evaluations **dated** in the period (first and last day included), whatever plan and
    whether or not archived, ordered by date, plan name and id.

    The evaluation's own date decides, not the period of a meeting it may be linked to; the
    plans needing an update are those of them that concluded so.
    """
    found = evaluations.evaluations_between(db, period.start_date, period.end_date)
    return tuple(sorted(found, key=lambda e: (e.date, e.plan_name, e.id)))


@dataclass(frozen=True, slots=True)
class PlanInPeriod:
    """A plan as the period saw it: its evaluations dated in the period (none: the plan was
    not evaluated in this period)."""

    plan: PlanView
    evaluations: tuple[EvaluationView, ...]
    """Oldest first."""

    @property
    def evaluated(self) -> bool:
        return bool(self.evaluations)


def plans_in_period(
    db: Database,
    period: PeriodView,
    period_evaluations: tuple[EvaluationView, ...] | None = None,
) -> tuple[PlanInPeriod, ...]:
    """**Every plan in use**, and an archived plan only when it was evaluated in the period,
    each with its evaluations of the period (:func:`evaluations_in_period`, which may be
    passed in when already read). In the register's order: plan type, then name."""
    if period_evaluations is None:
        period_evaluations = evaluations_in_period(db, period)
    by_plan: dict[int, list[EvaluationView]] = {}
    for evaluation in period_evaluations:
        by_plan.setdefault(evaluation.plan_id, []).append(evaluation)
    plans = [p for p in list_plans(db, include_archived=True) if not p.archived or p.id in by_plan]
    return tuple(PlanInPeriod(p, tuple(by_plan.get(p.id, ()))) for p in plans)


def plans_needing_update(
    period_evaluations: Iterable[EvaluationView],
) -> tuple[EvaluationView, ...]:
    """The period's evaluations that concluded their plan needs updating, with who updates it
    and by when: the annual report lists them under their own heading."""
    return tuple(
        e for e in period_evaluations if e.conclusion is EvaluationConclusion.NEEDS_UPDATING
    )


# -- annual-clock themes ----------------------------------------------------------------------

CLOCK_ITEM_KINDS = (AgendaItemKind.THEME, AgendaItemKind.PLAN_EVALUATION)
"""The agenda items that can carry an annual-clock theme."""


def agenda_theme_title(theme: str, title: str) -> str:
    """The clock theme an agenda item carries: its theme text, else its title (the agenda keeps
    the clock theme's text in ``theme`` even when the director retitles the item)."""
    return theme or title


def _has_writing(notes: str | None, decision: str | None, has_actions: bool) -> bool:
    """Something was written under an agenda item: notes, a decision or an action item."""
    return bool((notes or "").strip() or (decision or "").strip() or has_actions)


@dataclass(frozen=True, slots=True)
class HandledTheme:
    """An annual-clock theme as it was put on a held meeting's agenda."""

    title: str
    meeting_number: int
    meeting_date: dt.date
    written: bool
    """Something was written under the item: notes, a decision or an action item. An item
    left empty was on the agenda but not handled there."""


def handled_themes(held_meetings: Iterable[MeetingDetail]) -> tuple[HandledTheme, ...]:
    """The themes and plan evaluations on the agendas of the period's **held** meetings, in
    meeting order, each saying whether anything was written under it: a theme only drafted
    onto a meeting still to come is not yet handled, and one left empty was not handled."""
    return tuple(
        HandledTheme(
            agenda_theme_title(item.theme, item.title),
            meeting.number,
            meeting.date,
            _has_writing(item.notes, item.decision, bool(item.actions)),
        )
        for meeting in held_meetings
        for item in meeting.agenda
        if item.kind in CLOCK_ITEM_KINDS
    )


@dataclass(frozen=True, slots=True)
class ThemeOutcome:
    """How one planned theme was dealt with in the period: handled in held meetings
    (``meetings``, items with something written), otherwise as the director marked it
    (``mark``), otherwise not handled."""

    theme: ThemeView
    meetings: tuple[HandledTheme, ...]
    mark: ThemeMarkView | None
    upcoming: bool = False
    """Neither handled nor marked, and its month is not yet over on the day the period is
    told as at (:func:`as_of`): not yet handled rather than not handled."""
    left_empty: tuple[HandledTheme, ...] = ()
    """Held meetings that had the theme on their agenda but wrote nothing under it: these do
    not handle it (a mark may tell that it was moved or not handled)."""

    @property
    def coverage(self) -> ThemeCoverage:
        """The outcome as one code (the coordinator bundle's annual-clock coverage)."""
        if self.meetings:
            return ThemeCoverage.HANDLED_IN_MEETING
        if self.mark is not None:
            return ThemeCoverage(self.mark.handling.value)
        return ThemeCoverage.NOT_YET_HANDLED if self.upcoming else ThemeCoverage.NOT_HANDLED


def month_still_to_come(period: PeriodView, month: int, day: dt.date) -> bool:
    """Whether ``month``'s last day within the period lies on or after ``day``: the month is
    not over yet (a theme of it may still be handled). False for a month the period lacks."""
    year, current = period.start_date.year, period.start_date.month
    while (year, current) <= (period.end_date.year, period.end_date.month):
        if current == month:
            following = dt.date(year + current // 12, current % 12 + 1, 1)
            return min(following - dt.timedelta(days=1), period.end_date) >= day
        year, current = year + current // 12, current % 12 + 1
    return False


def _theme_place(month: int, period: PeriodView) -> int:
    """How many months into the period a theme's month first comes."""
    return (month - period.start_date.month) % 12


def _meeting_place(day: dt.date, period: PeriodView) -> int:
    """How many months into the period a meeting's month is."""
    return (day.year - period.start_date.year) * 12 + day.month - period.start_date.month


def matching_theme(
    planned: Iterable[ThemeView],
    title: str,
    meeting_date: dt.date,
    period: PeriodView,
) -> ThemeView | None:
    """The planned theme that an agenda item carrying ``title`` in a meeting on
    ``meeting_date`` handles.

    The rule: the same title (the schema links an agenda item to the clock by its text only)
    **and** the theme's month is the meeting's month or an earlier one of the period. Of two
    themes with the same title, the meeting goes to the one whose month came last by then
    (the first of them by position when they share a month), so that a theme planned for
    October and again for March each keeps its own meetings: October's takes the meetings of
    October to February, March's those from March on. A meeting before the theme's month
    handles no planned theme (its item counts as an unplanned theme).
    """
    place = _meeting_place(meeting_date, period)
    candidates = [
        theme
        for theme in planned
        if theme.title == title and _theme_place(theme.month, period) <= place
    ]
    if not candidates:
        return None
    latest = max(_theme_place(theme.month, period) for theme in candidates)
    return min(
        (t for t in candidates if _theme_place(t.month, period) == latest),
        key=lambda t: (t.position, t.id),
    )


def theme_outcomes(
    planned: Iterable[ThemeView],
    handled: Iterable[HandledTheme],
    marks: Iterable[ThemeMarkView],
    period: PeriodView,
    day: dt.date,
) -> tuple[tuple[ThemeOutcome, ...], tuple[HandledTheme, ...]]:
    """Each planned theme (in period order) with the held meetings that handled it, its mark
    and whether it is still to come; then the themes handled in meetings that the clock does
    not plan.

    An agenda item belongs to a planned theme by :func:`matching_theme` (title, and a month
    not before the theme's). It **handles** the theme only when something was written under
    it (:attr:`HandledTheme.written`): notes, a decision or an action item. So:

    - an item with something written wins over any mark: the theme was handled there;
    - otherwise the director's mark for the period tells (handled elsewhere, moved to the
      next meeting, not handled), even when the theme was on the agenda and left empty;
    - otherwise it was not handled, or not yet handled (``upcoming``) while its month is not
      over by ``day`` (:func:`as_of`).

    An empty item of a theme the clock does not plan is not listed as unplanned either.
    """
    ordered = sorted(planned, key=lambda t: (period_month_index(t.month), t.position, t.id))
    by_theme: dict[int, list[HandledTheme]] = {theme.id: [] for theme in ordered}
    unplanned: list[HandledTheme] = []
    for done in handled:
        theme = matching_theme(ordered, done.title, done.meeting_date, period)
        if theme is not None:
            by_theme[theme.id].append(done)
        elif done.written:
            unplanned.append(done)
    mark_of = {mark.theme_id: mark for mark in marks}
    outcomes = []
    for theme in ordered:
        in_meetings = tuple(done for done in by_theme[theme.id] if done.written)
        left_empty = tuple(done for done in by_theme[theme.id] if not done.written)
        mark = None if in_meetings else mark_of.get(theme.id)
        upcoming = (
            not in_meetings and mark is None and month_still_to_come(period, theme.month, day)
        )
        outcomes.append(ThemeOutcome(theme, in_meetings, mark, upcoming, left_empty))
    return tuple(outcomes), tuple(unplanned)


def next_period_development_areas(
    period_evaluations: Iterable[EvaluationView], cards: Iterable[CardView]
) -> tuple[str, ...]:
    """The development areas the period leaves to the next one: each line the period's
    evaluations wrote under development areas (:func:`.typed_text.list_line`), then the
    cards still active at its end; each area once, however it was capitalised or spaced."""
    lines = [
        list_line(line)
        for evaluation in period_evaluations
        for line in evaluation.development_areas.splitlines()
    ]
    lines += [card.what_to_change for card in cards if card.status is ResultCardStatus.ACTIVE]
    unique: dict[str, str] = {}
    for line in filter(None, lines):
        unique.setdefault(" ".join(line.split()).casefold(), line)
    return tuple(unique.values())


def handled_in_period(db: Database, period: PeriodView, today: dt.date) -> tuple[HandledTheme, ...]:
    """:func:`handled_themes` read straight from the agendas of the period's meetings held by
    ``today``, for a screen that needs no more of the meetings."""
    with db.reading() as session:
        # The held rule looks into the meeting's agenda itself, so the meetings come first.
        held_ids = list(
            session.scalars(
                select(Meeting.id).where(Meeting.period_id == period.id, held.held_condition(today))
            )
        )
        has_action = (
            select(ActionItem.id).where(ActionItem.agenda_item_id == AgendaItem.id).exists()
        )
        rows = session.execute(
            select(
                AgendaItem.theme,
                AgendaItem.title,
                AgendaItem.notes,
                AgendaItem.decision,
                has_action,
                Meeting.number,
                Meeting.date,
            )
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(AgendaItem.meeting_id.in_(held_ids), AgendaItem.kind.in_(CLOCK_ITEM_KINDS))
            .order_by(Meeting.date, Meeting.number, AgendaItem.position, AgendaItem.id)
        )
        return tuple(
            HandledTheme(
                agenda_theme_title(theme, title),
                number,
                date,
                _has_writing(notes, decision, bool(action)),
            )
            for theme, title, notes, decision, action, number, date in rows
        )


def clock_outcomes(db: Database, period: PeriodView, today: dt.date) -> tuple[ThemeOutcome, ...]:
    """How each theme of the clock stands in a period by ``today``: what the annual clock
    screen shows beside each theme, by the rule the annual report uses."""
    outcomes, _unplanned = theme_outcomes(
        annual_clock.list_themes(db),
        handled_in_period(db, period, today),
        annual_clock.list_theme_marks(db, period.id),
        period,
        as_of(period, today),
    )
    return outcomes


def clock_theme_of_item(
    db: Database, meeting: MeetingDetail, item: AgendaItemView
) -> tuple[ThemeView, PeriodView] | None:
    """The annual-clock theme an agenda item handles, by :func:`matching_theme`, with the
    meeting's period: what a mark made from the meeting applies to. None when the item is not
    a theme or plan-evaluation item, or its text matches no planned theme."""
    if item.kind not in CLOCK_ITEM_KINDS:
        return None
    return clock_themes_of_items(db, meeting, (item,)).get(item.id)


def clock_themes_of_items(
    db: Database, meeting: MeetingDetail, items: Iterable[AgendaItemView] | None = None
) -> dict[int, tuple[ThemeView, PeriodView]]:
    """By item id: the annual-clock theme each of ``items`` (by default the meeting's whole
    agenda) handles, as :func:`clock_theme_of_item` finds it, the clock and the periods read
    once for them all."""
    period = next((p for p in periods.list_periods(db) if p.id == meeting.period_id), None)
    if period is None:
        return {}
    planned = annual_clock.list_themes(db)
    found: dict[int, tuple[ThemeView, PeriodView]] = {}
    for item in meeting.agenda if items is None else items:
        if item.kind in CLOCK_ITEM_KINDS:
            title = agenda_theme_title(item.theme, item.title)
            theme = matching_theme(planned, title, meeting.date, period)
            if theme is not None:
                found[item.id] = (theme, period)
    return found


# -- result cards -----------------------------------------------------------------------------


def checkpoints_in_period(card: CardView, period: PeriodView) -> tuple[CheckpointView, ...]:
    """A card's checkpoints whose **due date** lies in the period, with their values.

    The due date is the checkpoint's date: it is fixed when the card is planned, so the report
    of a period lists the same checkpoints before and after their values are recorded (a value
    recorded after the period's end still prints, with its recording date). A card's later
    checkpoints never print in an earlier period's report, nor its earlier ones in a later one.
    """
    return tuple(c for c in card.checkpoints if _within(c.due_date, period))


def card_active_in(card: CardView, period: PeriodView) -> bool:
    """Created by the period's last day and not closed before its first day."""
    return card.created_on <= period.end_date and (
        card.closed_on is None or card.closed_on >= period.start_date
    )


def card_belongs(card: CardView, period: PeriodView, held_agenda_items: frozenset[int]) -> bool:
    """A card belongs to a period when it was active at some time in it **and** something
    happened to it there: it was created or closed (reached or ended) in the period, it has a
    checkpoint due in the period, or it was discussed in a meeting held in the period.

    So a card whose whole life lies in an earlier period never appears, and neither does an
    old card that stayed active but was not followed at all during the period.
    """
    return card_active_in(card, period) and (
        _within(card.created_on, period)
        or _within(card.closed_on, period)
        or bool(checkpoints_in_period(card, period))
        or any(item in held_agenda_items for item in card.discussed_in)
    )


def _card_as_of(card: CardView, period: PeriodView, day: dt.date) -> CardView:
    """The card as the period saw it: its checkpoints of the period, and active if it was
    reached or closed only after ``day`` (see :func:`as_of`)."""
    trimmed = dataclasses.replace(card, checkpoints=checkpoints_in_period(card, period))
    if card.closed_on is not None and card.closed_on > day:
        trimmed = dataclasses.replace(trimmed, status=ResultCardStatus.ACTIVE, closed_on=None)
    return trimmed


def held_agenda_items(db: Database, period: PeriodView, today: dt.date) -> frozenset[int]:
    """The agenda items of the period's meetings held by ``today``."""
    with db.reading() as session:
        held_ids = list(
            session.scalars(
                select(Meeting.id).where(Meeting.period_id == period.id, held.held_condition(today))
            )
        )
        return frozenset(
            session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id.in_(held_ids)))
        )


def cards_in_period(db: Database, period: PeriodView, today: dt.date) -> tuple[CardView, ...]:
    """The result cards of the period (:func:`card_belongs`), each as the period saw it: only
    its checkpoints due in the period, and its status as at :func:`as_of` (a card reached after
    the period's end is still active in that period's report). Active cards first, then
    reached and closed ones, oldest first within each status."""
    discussed = held_agenda_items(db, period, today)
    day = as_of(period, today)
    cards = [
        _card_as_of(card, period, day)
        for card in result_cards.list_cards(db, include_finished=True)
        if card_belongs(card, period, discussed)
    ]
    cards.sort(key=lambda c: (STATUS_ORDER.index(c.status), c.created_on, c.id))
    return tuple(cards)


# -- action items -----------------------------------------------------------------------------


def action_in_period(period: PeriodView) -> ColumnElement[bool]:
    """An action item belongs to a period when it was **agreed in a meeting of the period**,
    or it was agreed by the period's last day and is **due** in the period or was **closed**
    (done or dropped) in it: an action carried over from the previous period counts where it
    falls due and where it was finished, as well as where it was agreed.

    A condition on :class:`ActionItem` joined with the :class:`Meeting` where it was agreed.
    """
    start, end = period.start_date, period.end_date
    return or_(
        Meeting.period_id == period.id,
        and_(
            Meeting.date <= end,
            or_(ActionItem.due_date.between(start, end), ActionItem.closed_on.between(start, end)),
        ),
    )


class Standing(StrEnum):
    """How an action item counts in a period's figures (overdue is derived, never stored)."""

    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"
    DROPPED = "dropped"


def standing_as_of(action: ActionItem, day: dt.date) -> Standing:
    """How an action of the period counts as at ``day`` (see :func:`as_of`), one day for all
    counts: done or dropped if it was closed on or before that day (or has no closing date),
    otherwise still open then, and **overdue** when its due date lies before that day (an
    action due on that very day is not yet late)."""
    if action.status is not ActionStatus.OPEN and (
        action.closed_on is None or action.closed_on <= day
    ):
        return Standing.DONE if action.status is ActionStatus.DONE else Standing.DROPPED
    if action.due_date is not None and action.due_date < day:
        return Standing.OVERDUE
    return Standing.OPEN
