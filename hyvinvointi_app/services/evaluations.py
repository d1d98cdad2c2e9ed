"""Evaluations of plans: what was found, by whom, and the plan type's checklist answers.

An evaluation made in a meeting points to its agenda item, and the item points back to
the plan, so the memo shows which plan was evaluated and the plan's history shows in
which meeting. Checklist answers keep the question as it was asked: the checklist of a
plan type may be reworded later, an old evaluation must still read as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload

from hyvinvointi_app.domain.enums import (
    ChecklistAnswer,
    EvaluationConclusion,
    EvaluationMethod,
    MeetingStatus,
    PlanType,
    Role,
)
from hyvinvointi_app.domain.errors import MemoLocked, NotFound, ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.services.plans import PlanView, get_plan_row, plan_view
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    AgendaItem,
    EvaluationCheck,
    Meeting,
    OperatingPeriod,
    Plan,
    PlanEvaluation,
)

MAX_TEXT_LENGTH = 200_000
MAX_SHORT_LENGTH = 200
MAX_KEY_LENGTH = 80


@dataclass(frozen=True, slots=True)
class CheckAnswerInput:
    """An answer to one checklist question; ``question`` is the text shown when answering."""

    key: str
    question: str
    answer: ChecklistAnswer | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class EvaluationInput:
    date: dt.date
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    methods: tuple[EvaluationMethod, ...] = ()
    participant_roles: tuple[Role, ...] = ()
    current_state: str = ""
    """How the plan is carried out in practice now, as the evaluation found it."""
    strengths: str = ""
    development_areas: str = ""
    conclusion: EvaluationConclusion | None = None
    update_by: str = ""
    update_due: dt.date | None = None
    checks: tuple[CheckAnswerInput, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckView:
    key: str
    question: str
    answer: ChecklistAnswer | None
    note: str


@dataclass(frozen=True, slots=True)
class EvaluationView:
    id: int
    plan_id: int
    plan_name: str
    plan_type: PlanType
    date: dt.date
    meeting_id: int | None
    meeting_number: int | None
    agenda_item_id: int | None
    methods: tuple[EvaluationMethod, ...]
    participant_roles: tuple[Role, ...]
    current_state: str
    strengths: str
    development_areas: str
    conclusion: EvaluationConclusion | None
    update_by: str
    update_due: dt.date | None
    checks: tuple[CheckView, ...]


@dataclass(frozen=True, slots=True)
class PeriodEvaluations:
    """The evaluations of one plan within one operating period (``period_id`` None: none)."""

    period_id: int | None
    label: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    evaluations: tuple[EvaluationView, ...]


@dataclass(frozen=True, slots=True)
class PlanHistory:
    """A plan's evaluations over time, oldest period first; undated-by-period ones last."""

    plan: PlanView
    periods: tuple[PeriodEvaluations, ...]


def _view(session: Session, evaluation: PlanEvaluation) -> EvaluationView:
    plan = get_plan_row(session, evaluation.plan_id)
    meeting = session.get(Meeting, evaluation.meeting_id) if evaluation.meeting_id else None
    return _view_of(evaluation, plan, meeting.number if meeting else None)


def _views(session: Session, *conditions: ColumnElement[bool]) -> list[EvaluationView]:
    """The evaluations that meet ``conditions``, oldest first, in three queries however many
    there are (their plans and meetings joined, their checklist answers loaded at once)."""
    rows = session.execute(
        select(PlanEvaluation, Plan, Meeting.number)
        .join(Plan, Plan.id == PlanEvaluation.plan_id)
        .outerjoin(Meeting, Meeting.id == PlanEvaluation.meeting_id)
        .where(*conditions)
        .options(selectinload(PlanEvaluation.checks))
        .order_by(PlanEvaluation.date, PlanEvaluation.id)
    )
    return [_view_of(evaluation, plan, number) for evaluation, plan, number in rows]


def _view_of(evaluation: PlanEvaluation, plan: Plan, meeting_number: int | None) -> EvaluationView:
    return EvaluationView(
        id=evaluation.id,
        plan_id=plan.id,
        plan_name=plan.name,
        plan_type=plan.type,
        date=evaluation.date,
        meeting_id=evaluation.meeting_id,
        meeting_number=meeting_number,
        agenda_item_id=evaluation.agenda_item_id,
        methods=tuple(EvaluationMethod(m) for m in evaluation.methods),
        participant_roles=tuple(Role(r) for r in evaluation.participant_roles),
        current_state=evaluation.current_state,
        strengths=evaluation.strengths,
        development_areas=evaluation.development_areas,
        conclusion=evaluation.conclusion,
        update_by=evaluation.update_by,
        update_due=evaluation.update_due,
        checks=tuple(CheckView(c.key, c.question, c.answer, c.note) for c in evaluation.checks),
    )


def _evaluation(session: Session, evaluation_id: int) -> PlanEvaluation:
    evaluation = session.get(PlanEvaluation, evaluation_id)
    if evaluation is None:
        raise NotFound("evaluation", evaluation_id)
    return evaluation


def _text(field: str, value: str, limit: int = MAX_TEXT_LENGTH) -> str:
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(field, "too_long")
    return value


def _values(field: str, kind: type[StrEnum], values: Iterable[str]) -> list[str]:
    """Enum values without duplicates, in the order given."""
    try:
        members = [kind(v) for v in values]
    except ValueError as error:
        raise ValidationError(field, "unknown_value") from error
    return list(dict.fromkeys(m.value for m in members))


def _checks(items: Iterable[CheckAnswerInput]) -> list[EvaluationCheck]:
    rows: list[EvaluationCheck] = []
    seen: set[str] = set()
    for position, item in enumerate(items, start=1):
        key = item.key.strip()
        if not key:
            raise ValidationError("checks", "required")
        if len(key) > MAX_KEY_LENGTH:
            raise ValidationError("checks", "too_long")
        if key in seen:
            raise ValidationError("checks", "duplicate_key")
        seen.add(key)
        question = _text("checks", item.question)
        if not question:
            raise ValidationError("checks", "required")
        try:
            answer = ChecklistAnswer(item.answer) if item.answer is not None else None
        except ValueError as error:
            raise ValidationError("checks", "unknown_value") from error
        rows.append(
            EvaluationCheck(
                position=position,
                key=key,
                question=question,
                answer=answer,
                note=_text("checks", item.note),
            )
        )
    return rows


def _link_agenda_item(
    session: Session, evaluation: PlanEvaluation, meeting_id: int | None, item_id: int | None
) -> None:
    """Set the meeting and agenda item, and point the item at the plan (its kind stays).

    The item of an approved memo may be linked only if it already names this plan: the
    link must not change a locked memo.
    """
    if meeting_id is not None and session.get(Meeting, meeting_id) is None:
        raise NotFound("meeting", meeting_id)
    if item_id is not None:
        item = session.get(AgendaItem, item_id)
        if item is None:
            raise NotFound("agenda item", item_id)
        if meeting_id is not None and item.meeting_id != meeting_id:
            raise ValidationError("agenda_item_id", "other_meeting")
        other = session.scalar(
            select(PlanEvaluation.id).where(
                PlanEvaluation.agenda_item_id == item_id,
                PlanEvaluation.id != (evaluation.id or 0),
            )
        )
        if other is not None:
            raise ValidationError("agenda_item_id", "already_evaluated")
        if item.plan_id != evaluation.plan_id:
            if item.meeting.status is MeetingStatus.APPROVED:
                raise MemoLocked(item.meeting_id)
            item.plan_id = evaluation.plan_id
        meeting_id = item.meeting_id
    evaluation.meeting_id = meeting_id
    evaluation.agenda_item_id = item_id


def _apply(session: Session, evaluation: PlanEvaluation, data: EvaluationInput) -> None:
    if data.update_due is not None and data.update_due < data.date:
        raise ValidationError("update_due", "before_evaluation")
    evaluation.date = data.date
    evaluation.methods = _values("methods", EvaluationMethod, data.methods)
    evaluation.participant_roles = _values("participant_roles", Role, data.participant_roles)
    evaluation.current_state = _text("current_state", data.current_state)
    evaluation.strengths = _text("strengths", data.strengths)
    evaluation.development_areas = _text("development_areas", data.development_areas)
    evaluation.conclusion = (
        EvaluationConclusion(data.conclusion) if data.conclusion is not None else None
    )
    evaluation.update_by = _text("update_by", data.update_by, MAX_SHORT_LENGTH)
    evaluation.update_due = data.update_due
    evaluation.checks = _checks(data.checks)
    _link_agenda_item(session, evaluation, data.meeting_id, data.agenda_item_id)


def record_evaluation(db: Database, plan_id: int, data: EvaluationInput) -> EvaluationView:
    with db.transaction() as session:
        get_plan_row(session, plan_id)
        evaluation = PlanEvaluation(plan_id=plan_id)
        _apply(session, evaluation, data)
        session.add(evaluation)
        session.flush()
        return _view(session, evaluation)


def edit_evaluation(db: Database, evaluation_id: int, data: EvaluationInput) -> EvaluationView:
    """Replace an evaluation's contents; a previously linked item keeps naming the plan."""
    with db.transaction() as session:
        evaluation = _evaluation(session, evaluation_id)
        _apply(session, evaluation, data)
        session.flush()
        return _view(session, evaluation)


def delete_evaluation(db: Database, evaluation_id: int) -> None:
    """Delete an evaluation; its agenda item still names the plan that was discussed."""
    with db.transaction() as session:
        session.delete(_evaluation(session, evaluation_id))


def evaluation_input(view: EvaluationView) -> EvaluationInput:
    """What a form shows for a saved evaluation, and what an undo writes back."""
    return EvaluationInput(
        date=view.date,
        meeting_id=view.meeting_id,
        agenda_item_id=view.agenda_item_id,
        methods=view.methods,
        participant_roles=view.participant_roles,
        current_state=view.current_state,
        strengths=view.strengths,
        development_areas=view.development_areas,
        conclusion=view.conclusion,
        update_by=view.update_by,
        update_due=view.update_due,
        checks=tuple(CheckAnswerInput(c.key, c.question, c.answer, c.note) for c in view.checks),
    )


def withdraw_evaluation(db: Database, evaluation_id: int, item_plan_id: int | None) -> None:
    """The undo of :func:`record_evaluation`: delete the evaluation and give its agenda item
    back the plan it named before (``item_plan_id``), unless the item's memo is approved."""
    with db.transaction() as session:
        evaluation = _evaluation(session, evaluation_id)
        item = session.get(AgendaItem, evaluation.agenda_item_id or 0)
        if (
            item is not None
            and item.plan_id != item_plan_id
            and item.meeting.status is not MeetingStatus.APPROVED
        ):
            item.plan_id = item_plan_id
        session.delete(evaluation)


def restore_evaluation(db: Database, view: EvaluationView) -> EvaluationView:
    """Put a deleted evaluation back with its old id, contents and links (the redo of
    :func:`record_evaluation` and the undo of :func:`delete_evaluation`)."""
    with db.transaction() as session:
        get_plan_row(session, view.plan_id)
        if session.get(PlanEvaluation, view.id) is not None:
            raise ValidationError("evaluation", "in_use")
        evaluation = PlanEvaluation(id=view.id, plan_id=view.plan_id)
        _apply(session, evaluation, evaluation_input(view))
        session.add(evaluation)
        session.flush()
        return _view(session, evaluation)


def get_evaluation(db: Database, evaluation_id: int) -> EvaluationView:
    with db.reading() as session:
        return _view(session, _evaluation(session, evaluation_id))


def list_evaluations(db: Database, plan_id: int) -> list[EvaluationView]:
    """A plan's evaluations, oldest first."""
    with db.reading() as session:
        get_plan_row(session, plan_id)
        return _views(session, PlanEvaluation.plan_id == plan_id)


def evaluations_between(db: Database, first: dt.date, last: dt.date) -> list[EvaluationView]:
    """Every plan's evaluations dated from ``first`` to ``last`` (both included), archived
    plans' too, oldest first. The dates are compared as read, not in SQL: a date another
    tool wrote in another form (``2026-9-10``) is still a date of the period."""
    with db.reading() as session:
        return [view for view in _views(session) if first <= view.date <= last]


def evaluation_for_agenda_item(db: Database, item_id: int) -> EvaluationView | None:
    """The evaluation recorded under an agenda item, if any (the memo's way to the details)."""
    with db.reading() as session:
        if session.get(AgendaItem, item_id) is None:
            raise NotFound("agenda item", item_id)
        evaluation = session.scalar(
            select(PlanEvaluation).where(PlanEvaluation.agenda_item_id == item_id)
        )
        return _view(session, evaluation) if evaluation else None


_BULLET = re.compile(r"^\s*(?:[-–—•*]|[0-9]{1,2}[.)])\s*")


def development_areas_of(text: str) -> list[str]:
    """The separate development areas in an evaluation's text: one per line, list marks
    ("- ", "• ", "1. ") removed, empty lines skipped. A result card follows one of them."""
    areas = (_BULLET.sub("", line, count=1).strip() for line in text.splitlines())
    return [area for area in areas if area]


def _area_key(area: str) -> str:
    return " ".join(area.casefold().rstrip(".!").split())


def recurring_development_areas(history: PlanHistory) -> set[str]:
    """Development areas named in more than one operating period of a plan's history, as
    :func:`is_recurring` recognises them (the same words, whatever the case and spacing)."""
    periods_of: dict[str, set[int]] = {}
    for number, group in enumerate(history.periods):
        for evaluation in group.evaluations:
            for area in development_areas_of(evaluation.development_areas):
                periods_of.setdefault(_area_key(area), set()).add(number)
    return {key for key, found_in in periods_of.items() if len(found_in) > 1}


def is_recurring(area: str, recurring: set[str]) -> bool:
    return _area_key(area) in recurring


def plan_history(db: Database, plan_id: int) -> PlanHistory:
    """Group a plan's evaluations by the operating period whose dates contain them."""
    with db.reading() as session:
        plan = plan_view(get_plan_row(session, plan_id))
        periods = session.scalars(select(OperatingPeriod).order_by(OperatingPeriod.start_date))
        period_list = list(periods)
    evaluations = list_evaluations(db, plan_id)
    groups: list[PeriodEvaluations] = []
    placed: set[int] = set()
    for period in period_list:
        inside = tuple(
            e
            for e in evaluations
            if e.id not in placed and period.start_date <= e.date <= period.end_date
        )
        if inside:
            placed.update(e.id for e in inside)
            groups.append(
                PeriodEvaluations(
                    period.id, period.label, period.start_date, period.end_date, inside
                )
            )
    outside = tuple(e for e in evaluations if e.id not in placed)
    if outside:
        groups.append(PeriodEvaluations(None, None, None, None, outside))
    return PlanHistory(plan, tuple(groups))


# -- the user's actions, each one undo step -------------------------------------------------


def record_evaluation_undoably(
    db: Database, plan_id: int, data: EvaluationInput
) -> Change[EvaluationView]:
    """Evaluate a plan; the undo also gives the linked agenda item back the plan it named."""
    with db.reading() as session:
        item = session.get(AgendaItem, data.agenda_item_id or 0)
        item_plan_id = None if item is None else item.plan_id
    view = record_evaluation(db, plan_id, data)
    return Change(
        N_("evaluate plan"),
        view,
        undo=lambda: withdraw_evaluation(db, view.id, item_plan_id),
        redo=lambda: restore_evaluation(db, view),
    )


def edit_evaluation_undoably(
    db: Database, evaluation_id: int, data: EvaluationInput
) -> Change[EvaluationView]:
    before = evaluation_input(get_evaluation(db, evaluation_id))
    return overwritten(
        N_("edit evaluation"),
        lambda d: edit_evaluation(db, evaluation_id, d),
        before,
        data,
        evaluation_input,
    )


def delete_evaluation_undoably(db: Database, evaluation_id: int) -> Change[None]:
    before = get_evaluation(db, evaluation_id)
    return done(
        N_("delete evaluation"),
        lambda: delete_evaluation(db, evaluation_id),
        lambda: restore_evaluation(db, before),
    )
