"""What a coordinator expects of the annual report (issue 13, point 3): the group's summary and
its approval day, the requests to the provider, the marks on annual-clock themes, and every
plan with its evaluation in the period or none, on a real unit file."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import jsonschema
import pytest

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    EvaluationConclusion,
    MeetingStatus,
    PlanType,
    Role,
    ThemeHandling,
)
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.reports.bundle import bundle_csv, bundle_json
from hyvinvointi_app.services import annual_clock, bundle_reader, period_scope, periods
from hyvinvointi_app.services.annual_clock import ThemeMarkView
from hyvinvointi_app.services.bundle_data import bundle_data
from hyvinvointi_app.services.evaluations import EvaluationInput, record_evaluation
from hyvinvointi_app.services.guards import MAX_TEXT_LENGTH
from hyvinvointi_app.services.periods import PeriodTexts
from hyvinvointi_app.services.plans import archive_plan
from hyvinvointi_app.services.report_data import annual_data
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import AgendaItem

if TYPE_CHECKING:
    from fixtures_plans import Rows

pytest_plugins = ["fixtures_plans"]

TODAY = dt.date(2026, 11, 23)


# -- the group's texts ------------------------------------------------------------------------


def test_texts_of_a_new_period_are_empty(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    assert periods.period_texts(db, period) == PeriodTexts("", None, "")


def test_summary_approval_and_requests_are_saved_and_read_back(db: Database, rows: Rows) -> None:
    period, other = rows.period(2025), rows.period(2026)
    texts = PeriodTexts("Ryhmä kokoontui neljästi.\nHyvä vuosi.", dt.date(2026, 5, 20), "Lisää")
    assert periods.set_period_texts(db, period, texts) == texts
    assert periods.period_texts(db, period) == texts
    assert periods.period_texts(db, other) == PeriodTexts()
    cleared = PeriodTexts("Ryhmä kokoontui neljästi.", None, "")
    periods.set_period_texts(db, period, cleared)
    assert periods.period_texts(db, period) == cleared


def test_approval_day_may_follow_the_period_but_not_precede_it(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    after_end = PeriodTexts("Yhteenveto", dt.date(2026, 8, 20))
    assert (
        periods.set_period_texts(db, period, after_end).summary_approved_on
        == after_end.summary_approved_on
    )
    with pytest.raises(ValidationError) as refused:
        periods.set_period_texts(db, period, PeriodTexts("Yhteenveto", dt.date(2025, 7, 31)))
    assert (refused.value.field, refused.value.reason) == ("summary_approved_on", "outside_period")
    assert periods.period_texts(db, period) == after_end  # a refused save changes nothing


def test_an_empty_summary_cannot_be_approved(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    with pytest.raises(ValidationError) as refused:
        periods.set_period_texts(db, period, PeriodTexts("  \n", dt.date(2026, 5, 20)))
    assert (refused.value.field, refused.value.reason) == ("summary", "required")


def test_too_long_texts_are_refused_by_field(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    long_text = "x" * (MAX_TEXT_LENGTH + 1)
    for texts, field in (
        (PeriodTexts(summary=long_text), "summary"),
        (PeriodTexts(provider_requests=long_text), "provider_requests"),
    ):
        with pytest.raises(ValidationError) as refused:
            periods.set_period_texts(db, period, texts)
        assert (refused.value.field, refused.value.reason) == (field, "too_long")


def test_texts_of_a_missing_period_are_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        periods.period_texts(db, 404)
    with pytest.raises(NotFound):
        periods.set_period_texts(db, 404, PeriodTexts("x"))


# -- theme marks ------------------------------------------------------------------------------


def test_a_mark_is_set_replaced_and_cleared_per_period(db: Database, rows: Rows) -> None:
    period, other = rows.period(2025), rows.period(2026)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    first = annual_clock.set_theme_mark(
        db, theme, period, ThemeHandling.HANDLED_ELSEWHERE, "  henkilöstökokouksessa  "
    )
    assert first == ThemeMarkView(
        theme, period, ThemeHandling.HANDLED_ELSEWHERE, "henkilöstökokouksessa"
    )
    moved = annual_clock.set_theme_mark(db, theme, period, ThemeHandling.MOVED)
    assert annual_clock.theme_mark(db, theme, period) == moved
    assert annual_clock.list_theme_marks(db, period) == (moved,)  # one mark per theme and period
    assert annual_clock.list_theme_marks(db, other) == ()
    assert annual_clock.clear_theme_mark(db, theme, period) == moved
    assert annual_clock.theme_mark(db, theme, period) is None
    assert annual_clock.clear_theme_mark(db, theme, period) is None


def test_put_theme_mark_undoes_and_redoes(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    mark = ThemeMarkView(theme, period, ThemeHandling.NOT_HANDLED, "sairastumisia")
    annual_clock.put_theme_mark(db, theme, period, mark)
    assert annual_clock.theme_mark(db, theme, period) == mark
    annual_clock.put_theme_mark(db, theme, period, None)
    assert annual_clock.theme_mark(db, theme, period) is None


def test_marks_list_in_the_clock_order(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    may = annual_clock.add_theme(db, 5, "Toukokuu").id
    august = annual_clock.add_theme(db, 8, "Elokuu").id
    october = annual_clock.add_theme(db, 10, "Lokakuu").id
    for theme in (may, october, august):
        annual_clock.set_theme_mark(db, theme, period, ThemeHandling.NOT_HANDLED)
    assert [m.theme_id for m in annual_clock.list_theme_marks(db, period)] == [
        august,
        october,
        may,
    ]


def test_bad_marks_are_refused(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    with pytest.raises(ValidationError) as refused:
        annual_clock.set_theme_mark(db, theme, period, "forgotten")  # type: ignore[arg-type]
    assert refused.value.field == "handling"
    with pytest.raises(ValidationError) as refused:
        annual_clock.set_theme_mark(
            db, theme, period, ThemeHandling.MOVED, "x" * (annual_clock.MAX_MARK_NOTE_LENGTH + 1)
        )
    assert (refused.value.field, refused.value.reason) == ("note", "too_long")
    with pytest.raises(NotFound):
        annual_clock.set_theme_mark(db, 404, period, ThemeHandling.MOVED)
    with pytest.raises(NotFound):
        annual_clock.set_theme_mark(db, theme, 404, ThemeHandling.MOVED)
    assert annual_clock.list_theme_marks(db, period) == ()


def test_removing_a_theme_removes_its_marks(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    annual_clock.set_theme_mark(db, theme, period, ThemeHandling.MOVED)
    assert len(annual_clock.marks_of_theme(db, theme)) == 1
    annual_clock.remove_theme(db, theme)
    assert annual_clock.list_theme_marks(db, period) == ()


def test_the_undo_of_a_removal_or_a_replaced_clock_brings_the_marks_back(
    db: Database, rows: Rows
) -> None:
    period = rows.period(2025)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus")
    annual_clock.add_theme(db, 11, "Lasten oikeudet")
    annual_clock.set_theme_mark(db, theme.id, period, ThemeHandling.MOVED, "joulukuuhun")
    marks = annual_clock.all_theme_marks(db)
    # removing one theme, and its undo in one step
    taken = annual_clock.marks_of_theme(db, theme.id)
    annual_clock.remove_theme(db, theme.id)
    assert annual_clock.all_theme_marks(db) == ()
    annual_clock.restore_theme(db, theme, taken)
    assert annual_clock.all_theme_marks(db) == marks
    # an import or the default clock replaces every theme; its undo puts them and the marks back
    before = annual_clock.list_themes(db)
    annual_clock.replace_all_themes(db, [])
    assert annual_clock.all_theme_marks(db) == ()
    annual_clock.replace_all_themes(db, before, marks)
    assert annual_clock.list_themes(db) == before
    assert annual_clock.all_theme_marks(db) == marks


# -- the annual clock in the period -----------------------------------------------------------


def _held_meeting_with_theme(rows: Rows, period: int, date: dt.date, title: str) -> int:
    director = rows.member(Role.DIRECTOR, "Aino Ahonen")
    meeting = rows.meeting(
        period,
        1,
        date,
        status=MeetingStatus.APPROVED,
        attendance=[(director, AttendanceStatus.PRESENT)],
    )
    item = rows.agenda_item(meeting, AgendaItemKind.THEME, title=title)
    with rows.db.transaction() as session:  # an item left empty would not handle its theme
        written = session.get(AgendaItem, item)
        assert written is not None
        written.notes = "Käsiteltiin."
    return meeting


def test_a_meeting_wins_over_a_mark_and_a_mark_over_nothing(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    in_meeting = annual_clock.add_theme(db, 10, "Turvallisuuskävely").id
    elsewhere = annual_clock.add_theme(db, 11, "Lasten oikeuksien päivä").id
    untouched = annual_clock.add_theme(db, 12, "Tulokorttien väliarvio").id
    _held_meeting_with_theme(rows, period, dt.date(2025, 10, 8), "Turvallisuuskävely")
    annual_clock.set_theme_mark(db, in_meeting, period, ThemeHandling.NOT_HANDLED)
    annual_clock.set_theme_mark(db, elsewhere, period, ThemeHandling.HANDLED_ELSEWHERE, "tiimeissä")

    data = annual_data(db, period, today=TODAY)
    outcomes, unplanned = data.theme_outcomes
    by_id = {o.theme.id: o for o in outcomes}
    assert [(d.meeting_number, d.meeting_date) for d in by_id[in_meeting].meetings] == [
        (1, dt.date(2025, 10, 8))
    ]
    assert by_id[in_meeting].mark is None
    assert by_id[elsewhere].meetings == ()
    assert by_id[elsewhere].mark is not None
    assert by_id[elsewhere].mark.note == "tiimeissä"
    assert (by_id[untouched].meetings, by_id[untouched].mark) == ((), None)
    assert unplanned == ()
    period_view = periods.list_periods(db)[0]
    # the clock screen reads the same outcomes straight from the agendas
    assert period_scope.clock_outcomes(db, period_view, TODAY) == outcomes


def test_a_draft_meeting_to_come_does_not_handle_a_theme(db: Database, rows: Rows) -> None:
    period = rows.period(2026)
    theme = annual_clock.add_theme(db, 12, "Tulokorttien väliarvio").id
    meeting = rows.meeting(period, 1, dt.date(2026, 12, 10))
    rows.agenda_item(meeting, AgendaItemKind.THEME, title="Tulokorttien väliarvio")
    view = next(p for p in periods.list_periods(db) if p.id == period)
    (outcome,) = period_scope.clock_outcomes(db, view, TODAY)
    assert (outcome.theme.id, outcome.meetings) == (theme, ())


def test_marks_of_another_period_do_not_count(db: Database, rows: Rows) -> None:
    period, other = rows.period(2025), rows.period(2026)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    annual_clock.set_theme_mark(db, theme, other, ThemeHandling.MOVED)
    (outcome,), _ = annual_data(db, period, today=TODAY).theme_outcomes
    assert outcome.mark is None


# -- plans, evaluated or not ------------------------------------------------------------------


def _evaluate(
    db: Database, plan: int, date: dt.date, conclusion: EvaluationConclusion, **more: object
) -> None:
    record_evaluation(db, plan, EvaluationInput(date, conclusion=conclusion, **more))  # type: ignore[arg-type]


def test_every_plan_in_use_is_listed_with_its_evaluation_or_none(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    safety = rows.plan(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma")
    equality = rows.plan(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma")
    archived_evaluated = rows.plan(PlanType.CUSTOM, "Vanha liikuntasuunnitelma")
    archived_idle = rows.plan(PlanType.CUSTOM, "Vanha ruokasuunnitelma")
    _evaluate(db, safety, dt.date(2025, 7, 31), EvaluationConclusion.IN_ORDER)  # earlier period
    _evaluate(db, safety, dt.date(2026, 3, 11), EvaluationConclusion.IN_ORDER)
    _evaluate(
        db,
        archived_evaluated,
        dt.date(2025, 9, 1),
        EvaluationConclusion.NEEDS_UPDATING,
        update_by="Johtaja",
        update_due=dt.date(2025, 12, 31),
    )
    archive_plan(db, archived_evaluated)
    archive_plan(db, archived_idle)

    data = annual_data(db, period, today=TODAY)
    listed = {entry.plan.id: entry for entry in data.plans}
    assert set(listed) == {safety, equality, archived_evaluated}
    assert listed[safety].evaluated
    assert [e.date for e in listed[safety].evaluations] == [dt.date(2026, 3, 11)]
    assert not listed[equality].evaluated
    assert listed[equality].evaluations == ()
    assert [(e.plan_id, e.update_by, e.update_due) for e in data.plans_needing_update] == [
        (archived_evaluated, "Johtaja", dt.date(2025, 12, 31))
    ]

    bundle = bundle_data(db, period, today=TODAY)
    assert {p.id: p.evaluated_in_period for p in bundle.plans} == {
        safety: True,
        equality: False,
        archived_evaluated: True,
    }


# -- annual data and bundle -------------------------------------------------------------------


def test_annual_data_and_bundle_carry_the_group_texts(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    rows.plan(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma")
    texts = PeriodTexts("Yhteenveto", dt.date(2026, 5, 20), "Pyydämme lisää resursseja.")
    periods.set_period_texts(db, period, texts)
    theme = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    annual_clock.set_theme_mark(db, theme, period, ThemeHandling.MOVED)

    data = annual_data(db, period, today=TODAY)
    assert data.texts == texts
    assert [(m.theme_id, m.handling) for m in data.theme_marks] == [(theme, ThemeHandling.MOVED)]

    bundle = bundle_data(db, period, today=TODAY)
    assert (bundle.summary_approved_on, bundle.provider_requests) == (
        dt.date(2026, 5, 20),
        "Pyydämme lisää resursseja.",
    )
    document = bundle_json(bundle, languages=["fi"])
    assert document["summary_approved_on"] == "2026-05-20"
    assert document["provider_requests"] == "Pyydämme lisää resursseja."
    assert [p["evaluated_in_period"] for p in document["plans"]] == [False]
    jsonschema.Draft202012Validator(bundle_reader.schema(2)).validate(document)
    tables = {name.rsplit("-", 1)[-1]: text for name, text in bundle_csv(document).items()}
    summary_header, summary_row = tables["summary.csv"].splitlines()
    values = dict(zip(summary_header.split(";"), summary_row.split(";"), strict=True))
    assert values["summary_approved_on"] == "2026-05-20"
    assert values["provider_requests"] == "Pyydämme lisää resursseja."
    plans_header, plans_row = tables["plans.csv"].splitlines()
    plan_values = dict(zip(plans_header.split(";"), plans_row.split(";"), strict=True))
    assert plan_values["evaluated_in_period"] == "false"


def test_bundle_without_group_texts_says_not_approved(db: Database, rows: Rows) -> None:
    period = rows.period(2025)
    document = bundle_json(bundle_data(db, period, today=TODAY), languages=["fi"])
    assert (document["summary_approved_on"], document["provider_requests"]) == (None, "")


def test_agenda_theme_title_is_matched_when_the_item_was_retitled(db: Database, rows: Rows) -> None:
    """The agenda keeps the clock theme's text in ``theme`` even if the item's title changed."""
    period = rows.period(2025)
    theme = annual_clock.add_theme(db, 10, "Turvallisuuskävely").id
    meeting = _held_meeting_with_theme(rows, period, dt.date(2025, 10, 8), "Piha")
    with db.transaction() as session:
        item = session.query(AgendaItem).filter_by(meeting_id=meeting).one()
        item.theme = "Turvallisuuskävely"
    (outcome,), _ = annual_data(db, period, today=TODAY).theme_outcomes
    assert (outcome.theme.id, len(outcome.meetings)) == (theme, 1)


def test_a_month_not_over_yet_is_still_to_come(db: Database, rows: Rows) -> None:
    period_id = rows.period(2026)
    period = next(p for p in periods.list_periods(db) if p.id == period_id)
    assert period_scope.month_still_to_come(period, 11, dt.date(2026, 11, 23))
    assert period_scope.month_still_to_come(period, 11, dt.date(2026, 11, 30))
    assert not period_scope.month_still_to_come(period, 11, dt.date(2026, 12, 1))
    assert not period_scope.month_still_to_come(period, 10, dt.date(2026, 11, 23))
    assert period_scope.month_still_to_come(period, 7, dt.date(2027, 7, 31))
    assert not period_scope.month_still_to_come(period, 7, dt.date(2027, 8, 1))


def test_while_the_period_runs_later_themes_are_not_yet_handled(db: Database, rows: Rows) -> None:
    period = rows.period(2026)
    october = annual_clock.add_theme(db, 10, "Poistumisharjoitus").id
    december = annual_clock.add_theme(db, 12, "Väliarvio").id
    january = annual_clock.add_theme(db, 1, "Kysely").id
    annual_clock.set_theme_mark(db, january, period, ThemeHandling.MOVED)
    outcomes, _ = annual_data(db, period, today=TODAY).theme_outcomes
    assert {o.theme.id: o.upcoming for o in outcomes} == {
        october: False,  # its month is over: not handled
        december: True,
        january: False,  # marked: the mark tells it
    }
    view = next(p for p in periods.list_periods(db) if p.id == period)
    assert period_scope.clock_outcomes(db, view, TODAY) == outcomes
    # after the period nothing is still to come
    later, _ = annual_data(db, period, today=dt.date(2027, 9, 1)).theme_outcomes
    assert not any(o.upcoming for o in later)
