"""The Overview and the annual report read their data in a fixed number of queries: more
evaluations, result cards and checkpoints do not mean more round trips (the annual report of
the 10-year demo took 689 queries, the Overview 265, before they were gathered in a few)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import event

from hyvinvointi_app.domain.enums import ChecklistAnswer, PlanType, Role
from hyvinvointi_app.services import evaluations, members, periods, plans, result_cards
from hyvinvointi_app.services.evaluations import CheckAnswerInput, EvaluationInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.overview import overview
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.services.report_data import annual_data
from hyvinvointi_app.services.result_cards import CardInput, CheckpointInput
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2027, 3, 1)


@pytest.fixture
def counted(db: Database) -> Iterator[Callable[[Callable[[], object]], int]]:
    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", record)

    def count(read: Callable[[], object]) -> int:
        statements.clear()
        read()
        return len(statements)

    yield count
    event.remove(db.engine, "before_cursor_execute", record)


def _add_plan_work(db: Database, number: int, responsible: int) -> None:
    """A plan evaluated twice in the period, with a card and two checkpoints."""
    plan = plans.add_plan(db, PlanInput(PlanType.ACTION_PLAN, f"Suunnitelma {number}"))
    for month in (9, 2):
        year = 2026 if month == 9 else 2027
        evaluations.record_evaluation(
            db,
            plan.id,
            EvaluationInput(
                date=dt.date(year, month, 10),
                development_areas="Pihan turvallisuus",
                checks=(CheckAnswerInput("q1", "Toteutuuko?", ChecklistAnswer.PARTLY),),
            ),
        )
    result_cards.create_card(
        db,
        CardInput("Pihan turvallisuus", plan_id=plan.id),
        [CheckpointInput(dt.date(2027, month, 15), responsible_id=responsible) for month in (3, 4)],
        today=dt.date(2026, 9, 10),
    )


def test_more_evaluations_and_cards_need_no_more_queries(
    db: Database, counted: Callable[[Callable[[], object]], int]
) -> None:
    period = periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31)).id
    director = members.add_member(db, MemberInput("Áilu Čuđe", Role.DIRECTOR)).id
    _add_plan_work(db, 1, director)
    few = (counted(lambda: annual_data(db, period, TODAY)), counted(lambda: overview(db, TODAY)))
    for number in range(2, 12):
        _add_plan_work(db, number, director)
    many = (counted(lambda: annual_data(db, period, TODAY)), counted(lambda: overview(db, TODAY)))
    assert many == few
    assert few[0] < 40 and few[1] < 25
