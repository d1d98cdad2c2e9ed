"""When an annual-clock theme counts as handled in a meeting (issue 13, the clock section): only
when its agenda item in a held meeting has something written; a mark wins over an item left
empty; a written item wins over any mark; and two planned themes with the same title keep
their own meetings (title and a month not before the theme's). The annual report, the
bundle's report and the clock screen read one rule, so each case is checked on both the
report's data and the screen's reading, and the printed report once."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    MeetingStatus,
    Role,
    ThemeHandling,
)
from hyvinvointi_app.reports import ReportOptions, annual_pdf
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services import annual_clock, meetings, period_scope, periods
from hyvinvointi_app.services.annual_clock import ThemeView
from hyvinvointi_app.services.period_scope import ThemeOutcome
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.services.report_data import annual_data
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ActionItem, AgendaItem

if TYPE_CHECKING:
    from fixtures_plans import Rows

pytest_plugins = ["fixtures_plans"]

TODAY = dt.date(2026, 11, 23)
"""After the 2025–2026 period: nothing of it is still to come."""


class Agenda:
    """Held (approved) meetings of one period with a theme item each, written or not."""

    def __init__(self, db: Database, rows: Rows, period: int) -> None:
        self.db, self.rows, self.period = db, rows, period
        self.director = rows.member(Role.DIRECTOR, "Aino Ahonen")
        self.number = 0

    def meeting(
        self,
        day: dt.date,
        title: str,
        *,
        notes: str = "",
        decision: str = "",
        action: str = "",
        kind: AgendaItemKind = AgendaItemKind.THEME,
    ) -> tuple[int, int]:
        self.number += 1
        meeting = self.rows.meeting(
            self.period,
            self.number,
            day,
            status=MeetingStatus.APPROVED,
            attendance=[(self.director, AttendanceStatus.PRESENT)],
        )
        with self.db.transaction() as session:
            item = AgendaItem(
                meeting_id=meeting,
                position=4,
                kind=kind,
                title=title,
                theme=title,
                notes=notes,
                decision=decision,
            )
            session.add(item)
            session.flush()
            if action:
                session.add(
                    ActionItem(meeting_id=meeting, agenda_item_id=item.id, text=action, position=1)
                )
            return meeting, item.id


@pytest.fixture
def period(rows: Rows) -> int:
    return rows.period(2025)


@pytest.fixture
def agenda(db: Database, rows: Rows, period: int) -> Agenda:
    return Agenda(db, rows, period)


def _view(db: Database, period: int) -> PeriodView:
    return next(p for p in periods.list_periods(db) if p.id == period)


def _outcomes(db: Database, period: int) -> dict[int, ThemeOutcome]:
    """The report's outcomes by theme, after checking that the clock screen reads the same."""
    outcomes, _unplanned = annual_data(db, period, today=TODAY).theme_outcomes
    assert period_scope.clock_outcomes(db, _view(db, period), TODAY) == outcomes
    return {outcome.theme.id: outcome for outcome in outcomes}


# -- an empty item against a written one -------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "handled"),
    [
        ({}, False),
        ({"notes": " \n\t "}, False),
        ({"notes": "Käytiin läpi pihan riskit."}, True),
        ({"decision": "Kävely tehdään toukokuussa."}, True),
        ({"action": "Tilataan uudet portit."}, True),
    ],
    ids=["empty", "blank notes", "notes", "decision", "action item"],
)
def test_only_an_item_with_something_written_handles_its_theme(
    db: Database, agenda: Agenda, period: int, written: dict[str, str], handled: bool
) -> None:
    theme = annual_clock.add_theme(db, 10, "Turvallisuuskävely").id
    agenda.meeting(dt.date(2025, 10, 8), "Turvallisuuskävely", **written)
    outcome = _outcomes(db, period)[theme]
    assert bool(outcome.meetings) is handled
    assert [d.meeting_number for d in outcome.meetings] == ([1] if handled else [])
    assert [d.meeting_number for d in outcome.left_empty] == ([] if handled else [1])
    assert not outcome.upcoming


def test_writing_into_an_empty_item_makes_the_theme_handled(
    db: Database, agenda: Agenda, period: int
) -> None:
    theme = annual_clock.add_theme(db, 10, "Turvallisuuskävely").id
    _meeting, item = agenda.meeting(dt.date(2025, 10, 8), "Turvallisuuskävely")
    assert not _outcomes(db, period)[theme].meetings
    with db.transaction() as session:
        row = session.get(AgendaItem, item)
        assert row is not None
        row.notes = "Kävelyn havainnot kirjattiin."
    assert _outcomes(db, period)[theme].meetings


def test_handled_themes_from_the_memos_tell_written_from_empty(
    db: Database, agenda: Agenda, period: int
) -> None:
    """The report reads the memos, the screen the agenda table: both tell the same."""
    first, _ = agenda.meeting(dt.date(2025, 10, 8), "Poistumisharjoitus")
    second, _ = agenda.meeting(dt.date(2025, 11, 5), "Poistumisharjoitus", decision="12.11.")
    details = [meetings.get_meeting(db, m) for m in (first, second)]
    from_memos = period_scope.handled_themes(details)
    assert [(d.meeting_number, d.written) for d in from_memos] == [(1, False), (2, True)]
    assert period_scope.handled_in_period(db, _view(db, period), TODAY) == from_memos


def test_an_empty_item_of_an_unplanned_theme_is_not_listed(
    db: Database, agenda: Agenda, period: int
) -> None:
    agenda.meeting(dt.date(2025, 10, 8), "Ylimääräinen aihe")
    agenda.meeting(dt.date(2025, 11, 5), "Toinen aihe", notes="Keskusteltiin.")
    _, unplanned = annual_data(db, period, today=TODAY).theme_outcomes
    assert [(d.title, d.meeting_number) for d in unplanned] == [("Toinen aihe", 2)]


# -- a mark against an item ---------------------------------------------------------------------


@pytest.mark.parametrize("handling", list(ThemeHandling))
def test_a_mark_wins_over_an_item_left_empty(
    db: Database, agenda: Agenda, period: int, handling: ThemeHandling
) -> None:
    theme = annual_clock.add_theme(db, 10, "Turvallisuuskävely").id
    agenda.meeting(dt.date(2025, 10, 8), "Turvallisuuskävely")
    annual_clock.set_theme_mark(db, theme, period, handling, "ei ehditty")
    outcome = _outcomes(db, period)[theme]
    assert outcome.meetings == ()
    assert outcome.mark is not None
    assert (outcome.mark.handling, outcome.mark.note) == (handling, "ei ehditty")


@pytest.mark.parametrize("handling", list(ThemeHandling))
def test_a_written_item_wins_over_any_mark(
    db: Database, agenda: Agenda, period: int, handling: ThemeHandling
) -> None:
    theme = annual_clock.add_theme(db, 10, "Turvallisuuskävely").id
    agenda.meeting(dt.date(2025, 10, 8), "Turvallisuuskävely")  # ran out of time
    agenda.meeting(dt.date(2025, 11, 5), "Turvallisuuskävely", notes="Käsiteltiin.")
    annual_clock.set_theme_mark(db, theme, period, handling)
    outcome = _outcomes(db, period)[theme]
    assert [d.meeting_number for d in outcome.meetings] == [2]
    assert outcome.mark is None


def test_the_printed_report_tells_the_mark_of_an_empty_item_and_the_meeting_of_a_written_one(
    db: Database, agenda: Agenda, period: int
) -> None:
    moved = annual_clock.add_theme(db, 10, "Turvallisuuskävely").id
    annual_clock.add_theme(db, 11, "Lasten oikeuksien päivä")
    annual_clock.add_theme(db, 12, "Väliarvio")
    agenda.meeting(dt.date(2025, 10, 8), "Turvallisuuskävely")
    agenda.meeting(dt.date(2025, 11, 5), "Lasten oikeuksien päivä")
    agenda.meeting(dt.date(2025, 12, 3), "Väliarvio", notes="Kortit käytiin läpi.")
    annual_clock.set_theme_mark(db, moved, period, ThemeHandling.MOVED)
    tx = ReportTexts("fi")
    pdf = annual_pdf(db, period, ReportOptions(language="fi"))
    text = " ".join(
        " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert f"Turvallisuuskävely {' '.join(tx.label(ThemeHandling.MOVED).split())}" in text
    assert f"Lasten oikeuksien päivä {tx.pgettext('report', 'Not handled')}" in text
    meeting = tx.pgettext("report", "Meeting {number}", number=3)
    assert f"Väliarvio {meeting} ({tx.date(dt.date(2025, 12, 3))})" in text


# -- two planned themes with the same title ------------------------------------------------------


def test_two_themes_with_one_title_keep_their_own_meetings(
    db: Database, agenda: Agenda, period: int
) -> None:
    october = annual_clock.add_theme(db, 10, "Kiusaamisen ehkäisy").id
    march = annual_clock.add_theme(db, 3, "Kiusaamisen ehkäisy").id
    agenda.meeting(dt.date(2025, 9, 10), "Kiusaamisen ehkäisy", notes="Ennakkoon.")  # 1
    agenda.meeting(dt.date(2025, 11, 5), "Kiusaamisen ehkäisy", notes="Syksyn kartoitus.")  # 2
    agenda.meeting(dt.date(2026, 4, 8), "Kiusaamisen ehkäisy", notes="Kevään arvio.")  # 3
    outcomes = _outcomes(db, period)
    assert [d.meeting_number for d in outcomes[october].meetings] == [2]
    assert [d.meeting_number for d in outcomes[march].meetings] == [3]
    # before the first theme's month it handles neither: it is listed as unplanned
    _all, unplanned = annual_data(db, period, today=TODAY).theme_outcomes
    assert [d.meeting_number for d in unplanned] == [1]


def test_the_later_theme_of_one_title_is_marked_on_its_own(
    db: Database, agenda: Agenda, period: int
) -> None:
    """October's written item does not make March's theme handled, nor does March's empty
    item take October's meeting: March keeps its mark."""
    october = annual_clock.add_theme(db, 10, "Kiusaamisen ehkäisy").id
    march = annual_clock.add_theme(db, 3, "Kiusaamisen ehkäisy").id
    agenda.meeting(dt.date(2025, 10, 8), "Kiusaamisen ehkäisy", notes="Kartoitus.")
    agenda.meeting(dt.date(2026, 3, 11), "Kiusaamisen ehkäisy")
    annual_clock.set_theme_mark(db, march, period, ThemeHandling.MOVED, "huhtikuuhun")
    outcomes = _outcomes(db, period)
    assert [d.meeting_number for d in outcomes[october].meetings] == [1]
    assert outcomes[october].left_empty == ()
    assert outcomes[march].meetings == ()
    assert [d.meeting_number for d in outcomes[march].left_empty] == [2]
    assert outcomes[march].mark is not None
    assert outcomes[march].mark.handling is ThemeHandling.MOVED


def _theme(theme_id: int, month: int, title: str, position: int = 1) -> ThemeView:
    return ThemeView(theme_id, month, position, title, None)


def test_matching_counts_months_from_the_periods_own_start() -> None:
    """A period that starts in January (a unit's own dates): January's theme comes first, and
    a two-year period's second autumn still belongs to the theme of that month."""
    calendar_year = PeriodView(1, "2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), False)
    january, august = _theme(1, 1, "Kysely"), _theme(2, 8, "Kysely")
    planned = [august, january]
    assert period_scope.matching_theme(planned, "Kysely", dt.date(2026, 3, 2), calendar_year) == (
        january
    )
    assert period_scope.matching_theme(planned, "Kysely", dt.date(2026, 9, 2), calendar_year) == (
        august
    )
    assert period_scope.matching_theme(planned, "Muu", dt.date(2026, 9, 2), calendar_year) is None
    two_years = PeriodView(2, "2025-2027", dt.date(2025, 8, 1), dt.date(2027, 7, 31), False)
    october = _theme(3, 10, "Kävely")
    assert period_scope.matching_theme([october], "Kävely", dt.date(2026, 9, 1), two_years) == (
        october
    )
    assert period_scope.matching_theme([october], "Kävely", dt.date(2025, 9, 1), two_years) is None


def test_two_themes_with_one_title_in_one_month_do_not_share_a_meeting() -> None:
    first, second = _theme(1, 10, "Kävely", 1), _theme(2, 10, "Kävely", 2)
    period = PeriodView(1, "2025-2026", dt.date(2025, 8, 1), dt.date(2026, 7, 31), False)
    assert period_scope.matching_theme([second, first], "Kävely", dt.date(2025, 10, 1), period) == (
        first
    )


# -- the theme a meeting's item carries ----------------------------------------------------------


def test_the_clock_theme_of_an_agenda_item(db: Database, agenda: Agenda, period: int) -> None:
    october = annual_clock.add_theme(db, 10, "Kiusaamisen ehkäisy")
    march = annual_clock.add_theme(db, 3, "Kiusaamisen ehkäisy")
    autumn, _ = agenda.meeting(dt.date(2025, 11, 5), "Kiusaamisen ehkäisy")
    spring, _ = agenda.meeting(
        dt.date(2026, 3, 11), "Kiusaamisen ehkäisy", kind=AgendaItemKind.PLAN_EVALUATION
    )
    early, _ = agenda.meeting(dt.date(2025, 9, 10), "Kiusaamisen ehkäisy")
    other, _ = agenda.meeting(
        dt.date(2025, 11, 6), "Kiusaamisen ehkäisy", kind=AgendaItemKind.CUSTOM
    )
    view = _view(db, period)
    found = {}
    for meeting in (autumn, spring, early, other):
        memo = meetings.get_meeting(db, meeting)
        found[meeting] = period_scope.clock_theme_of_item(db, memo, memo.agenda[0])
    assert found[autumn] == (october, view)
    assert found[spring] == (march, view)
    assert found[early] is None  # before the theme's month
    assert found[other] is None  # not a theme item
