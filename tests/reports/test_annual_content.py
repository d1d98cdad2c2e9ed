"""The annual report carries what a coordinator expects (issue 13, point 3): the group's summary
and its approval, every plan with "evaluated in the period", the plans needing an update under
their own heading, the requests to the provider as typed, the ideal state of result cards,
and per planned theme where it was handled, its mark, or "not handled".

The PDFs are built from the fixed demo unit and read back with pypdf. Fixed texts are
expected as the report's own translator gives them, so the tests hold in every language
whether or not a catalog already has the words.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from report_documents import GOLDEN_PERIOD, extract_text, normalised, options

from hyvinvointi_app.domain.enums import PlanType, ThemeHandling
from hyvinvointi_app.reports import annual_pdf
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services import annual_clock, period_scope, periods, plans
from hyvinvointi_app.services.periods import PeriodTexts
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.services.report_data import annual_data
from hyvinvointi_app.store.database import Database

LANGUAGES = ("fi", "sv", "fi+sv")
REQUESTS = "Pyydämme järjestäjältä lisää resursseja pihan turvallisuuskorjauksiin."
SUMMARY = "Ryhmä kokoontui neljästi ja arvioi kaikki suunnitelmansa."
IDLE_PLAN = "Liikuntasuunnitelma"


def _period(db: Database) -> int:
    return periods.period_by_label(db, GOLDEN_PERIOD).id


def _text(db: Database, language: str) -> str:
    """The annual report's text with layout noise removed and lines joined by spaces, so a
    wrapped cell reads as one line."""
    return normalised(extract_text(annual_pdf(db, _period(db), options(language))))


def _flat(text: str) -> str:
    return " ".join(text.split())


PAGE_BREAK = re.compile(
    r" (?:Sivu|Sida)(?: / Sida)? \d+/\d+ .*? "
    r"(?:Toimintakertomus|Verksamhetsberättelse)(?: / Verksamhetsberättelse)? \d{4}-\d{4} "
)
"""A page's footer and the next page's header, as they fall inside a section's text."""


def _flat_between(text: str, start: str, end: str) -> str:
    """As :func:`_between` on the flattened text: a long bilingual heading wraps, and a
    section may run over a page break."""
    flat = PAGE_BREAK.sub(" ", f" {_flat(text)} ")
    first = flat.index(f" {_flat(start)} ") + len(_flat(start)) + 2
    last = flat.index(f" {_flat(end)} ", first - 1)
    return flat[first:last].strip()


def _between(text: str, start: str, end: str) -> str:
    """The part of ``text`` after the heading ``start`` up to the heading ``end``."""
    lines = text.splitlines()
    first = lines.index(start)
    last = lines.index(end, first + 1)
    return "\n".join(lines[first + 1 : last])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_comes_first_with_its_approval_day(demo_db: Database, language: str) -> None:
    tx = ReportTexts(language)
    periods.set_period_texts(demo_db, _period(demo_db), PeriodTexts(SUMMARY, dt.date(2026, 5, 20)))
    text = _text(demo_db, language)
    summary = _between(
        text, tx.pgettext("report", "Summary"), tx.pgettext("report", "Members by role")
    )
    assert _flat(summary) == _flat(
        SUMMARY
        + " "
        + tx.pgettext("report", "The group approved the summary on {date}.", date="20.5.2026")
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_summary_not_yet_approved_says_so(demo_db: Database, language: str) -> None:
    tx = ReportTexts(language)
    periods.set_period_texts(demo_db, _period(demo_db), PeriodTexts(SUMMARY))
    text = _flat(_text(demo_db, language))
    not_yet = _flat(tx.pgettext("report", "The group has not yet approved the summary."))
    assert f"{_flat(SUMMARY)} {not_yet}" in text
    approved = tx.pgettext("report", "The group approved the summary on {date}.", date="")
    assert _flat(approved.rstrip(".")) not in text


def test_without_a_summary_a_short_note(demo_db: Database) -> None:
    tx = ReportTexts("fi")
    periods.set_period_texts(demo_db, _period(demo_db), PeriodTexts())  # the demo has one
    text = _text(demo_db, "fi")
    summary = _between(
        text, tx.pgettext("report", "Summary"), tx.pgettext("report", "Members by role")
    )
    assert _flat(summary) == _flat(tx.pgettext("report", "No summary has been written."))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plan_is_listed_with_evaluated_yes_or_no(demo_db: Database, language: str) -> None:
    tx = ReportTexts(language)
    plans.add_plan(demo_db, PlanInput(PlanType.CUSTOM, IDLE_PLAN))
    text = _text(demo_db, language)
    table = _between(
        text, tx.pgettext("report", "Plans"), tx.pgettext("report", "Plan evaluations")
    ).splitlines()
    data = annual_data(demo_db, _period(demo_db), today=dt.date(2026, 11, 23))
    listed = [entry.plan.name for entry in data.plans]
    assert IDLE_PLAN in listed
    assert {p.name for p in plans.list_plans(demo_db)} <= set(listed)
    # the plan not evaluated: its name, "No", and no date or conclusion after it
    idle_row = table[table.index(IDLE_PLAN) :]
    assert idle_row[1] == tx.yes_no(False)
    evaluated = next(e for e in data.plans if e.evaluated and len(e.plan.name) < 30)
    row = table[table.index(evaluated.plan.name) :]
    latest = evaluated.evaluations[0]
    assert row[1:3] == [tx.yes_no(True), tx.date(latest.date)]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_plans_needing_an_update_have_their_own_heading(demo_db: Database, language: str) -> None:
    tx = ReportTexts(language)
    data = annual_data(demo_db, _period(demo_db), today=dt.date(2026, 11, 23))
    assert data.plans_needing_update, "the demo has plans concluded to need updating"
    text = _text(demo_db, language)
    section = _between(
        text,
        tx.pgettext("report", "Plans needing an update"),
        tx.pgettext("report", "Result cards"),
    )
    for evaluation in data.plans_needing_update:
        assert evaluation.plan_name in section
        assert tx.date(evaluation.update_due) in section


@pytest.mark.parametrize("language", LANGUAGES)
def test_requests_to_the_provider_are_printed_as_typed(demo_db: Database, language: str) -> None:
    tx = ReportTexts(language)
    heading = tx.pgettext("report", "Requests to the provider")
    next_heading = tx.pgettext("report", "Development areas for the next period")
    periods.set_period_texts(demo_db, _period(demo_db), PeriodTexts())  # the demo has some
    empty = _flat_between(_text(demo_db, language), heading, next_heading)
    assert _flat(empty) == _flat(
        tx.pgettext("report", "The group made no requests to the provider.")
    )
    periods.set_period_texts(demo_db, _period(demo_db), PeriodTexts(provider_requests=REQUESTS))
    typed = _flat_between(_text(demo_db, language), heading, next_heading)
    assert _flat(typed) == REQUESTS
    # a plan needing an update is no longer listed as a request
    assert tx.pgettext("report", "To be updated by") not in typed


def test_result_cards_show_the_ideal_state(demo_db: Database) -> None:
    tx = ReportTexts("fi")
    data = annual_data(demo_db, _period(demo_db), today=dt.date(2026, 11, 23))
    cards = [c for c in data.cards if c.ideal_state.strip()]
    assert cards, "the demo's cards have an ideal state"
    text = _flat(_text(demo_db, "fi"))
    label = tx.pgettext("report", "Ideal state")
    assert text.count(label) >= len(cards)
    for card in cards:
        assert f"{label} {_flat(card.ideal_state)}" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_clock_tells_meeting_mark_or_not_handled(demo_db: Database, language: str) -> None:
    tx = ReportTexts(language)
    period = _period(demo_db)
    today = dt.date(2026, 11, 23)
    view = periods.period_by_label(demo_db, GOLDEN_PERIOD)
    outcomes = period_scope.clock_outcomes(demo_db, view, today)
    unhandled = [o.theme for o in outcomes if not o.meetings]
    handled = next(o for o in outcomes if o.meetings)
    assert len(unhandled) >= 3, "the demo leaves some themes of its clock unhandled"
    elsewhere, moved, plain = unhandled[:3]
    annual_clock.set_theme_mark(
        demo_db, elsewhere.id, period, ThemeHandling.HANDLED_ELSEWHERE, "henkilöstökokouksessa"
    )
    annual_clock.set_theme_mark(demo_db, moved.id, period, ThemeHandling.MOVED)
    annual_clock.set_theme_mark(demo_db, handled.theme.id, period, ThemeHandling.NOT_HANDLED)

    text = _text(demo_db, language)
    table = _flat_between(
        text,
        tx.pgettext("report", "Annual clock: planned and handled"),
        tx.pgettext("report", "Plan evaluations"),
    )
    assert f"{_flat(elsewhere.title)} {tx.label(ThemeHandling.HANDLED_ELSEWHERE)}: " in table
    assert "henkilöstökokouksessa" in table
    assert f"{_flat(moved.title)} {_flat(tx.label(ThemeHandling.MOVED))}" in table
    assert f"{_flat(plain.title)} {tx.pgettext('report', 'Not handled')}" in table
    first = handled.meetings[0]
    meeting = tx.pgettext("report", "Meeting {number}", number=first.meeting_number)
    # a meeting wins over the mark "not handled"
    assert f"{_flat(handled.theme.title)} {meeting} ({tx.date(first.meeting_date)})" in table
    # the screen's rule and the report's data agree
    data = annual_data(demo_db, period, today=today)
    assert data.theme_outcomes[0] == period_scope.clock_outcomes(demo_db, view, today)


def test_development_areas_for_the_next_period_are_one_bullet_each_and_once(
    demo_db: Database,
) -> None:
    tx = ReportTexts("fi")
    section = _between(
        _text(demo_db, "fi"),
        tx.pgettext("report", "Development areas for the next period"),
        tx.pgettext("report", "Memos"),
    )
    bullets = [line for line in section.splitlines() if line.startswith("\u2022")]
    # a bullet may wrap onto a second line; no line is an area without its bullet
    assert len(bullets) == len({" ".join(b.split()).casefold() for b in bullets})
    areas = annual_data(demo_db, _period(demo_db)).evaluations
    written = [line.strip() for e in areas for line in e.development_areas.splitlines()]
    flat = _flat(section)
    assert all(f"\u2022 {_flat(area)}" in flat for area in written if area)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_municipal_package_in_use_is_named_with_its_version(
    demo_db: Database, language: str
) -> None:
    from hyvinvointi_app.services import municipal_package

    tx = ReportTexts(language)
    label = tx.pgettext("report", "Municipal package")
    assert _flat(label) not in _flat(_text(demo_db, language))
    document = municipal_package.compose(demo_db, "Porvoon yhteiset käytännöt", 3)
    municipal_package.import_package(demo_db, municipal_package.validate_package(document))
    text = _flat(_text(demo_db, language))
    named = "Porvoon yhteiset käytännöt, " + tx.pgettext("report", "version {version}", version=3)
    assert f"{_flat(label)} {_flat(named)}" in text
    assert text.count("Porvoon yhteiset käytännöt") == 1  # the name once, in both languages
