"""The unit's plan register and the evaluation checklist of each plan type.

Plans are archived rather than deleted, because their evaluations and result cards stay
part of earlier periods' reports. The checklists come from resources/checklists.json, so a
municipality can correct their wording without touching code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import Language, PlanType
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.services.guards import plan_in_use
from hyvinvointi_app.services.municipal_package import (
    checklist_in,
    in_language,
    shipped_checklist,
    shipped_checklists,
)
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import Plan

MAX_NAME_LENGTH = 300
MAX_SHORT_LENGTH = 200
MAX_VERSION_LENGTH = 60
MAX_QUESTION_LENGTH = 500
MAX_CUSTOM_QUESTIONS = 50
MAX_TEXT_LENGTH = 200_000
CUSTOM_KEY_PREFIX = "custom_"


@dataclass(frozen=True, slots=True)
class PlanInput:
    type: PlanType
    name: str
    version: str = ""
    owner: str = ""
    approved_on: dt.date | None = None
    next_review_due: dt.date | None = None
    document_location: str = ""
    custom_questions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanView:
    id: int
    type: PlanType
    name: str
    version: str
    owner: str
    approved_on: dt.date | None
    next_review_due: dt.date | None
    document_location: str
    custom_questions: tuple[str, ...]
    archived: bool

    def is_review_due(self, today: dt.date) -> bool:
        return self.next_review_due is not None and self.next_review_due <= today


@dataclass(frozen=True, slots=True)
class ChecklistQuestion:
    """One question of an evaluation checklist; ``key`` stays stable across languages."""

    key: str
    text: str
    custom: bool = False


def plan_view(plan: Plan) -> PlanView:
    return PlanView(
        id=plan.id,
        type=plan.type,
        name=plan.name,
        version=plan.version,
        owner=plan.owner,
        approved_on=plan.approved_on,
        next_review_due=plan.next_review_due,
        document_location=plan.document_location,
        custom_questions=tuple(plan.custom_questions),
        archived=plan.archived,
    )


def get_plan_row(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound("plan", plan_id)
    return plan


def _text(field: str, value: str, limit: int, *, required: bool = False) -> str:
    value = value.strip()
    if required and not value:
        raise ValidationError(field, "required")
    if len(value) > limit:
        raise ValidationError(field, "too_long")
    return value


def _validated(data: PlanInput) -> PlanInput:
    try:
        plan_type = PlanType(data.type)
    except ValueError as error:
        raise ValidationError("type", "unknown_plan_type") from error
    if (
        data.approved_on is not None
        and data.next_review_due is not None
        and data.next_review_due < data.approved_on
    ):
        raise ValidationError("next_review_due", "before_approval")
    questions = tuple(
        _text("custom_questions", q, MAX_QUESTION_LENGTH) for q in data.custom_questions
    )
    questions = tuple(q for q in questions if q)  # an empty line in the editor is no question
    if len(questions) > MAX_CUSTOM_QUESTIONS:
        raise ValidationError("custom_questions", "too_many")
    return PlanInput(
        type=plan_type,
        name=_text("name", data.name, MAX_NAME_LENGTH, required=True),
        version=_text("version", data.version, MAX_VERSION_LENGTH),
        owner=_text("owner", data.owner, MAX_SHORT_LENGTH),
        approved_on=data.approved_on,
        next_review_due=data.next_review_due,
        document_location=_text("document_location", data.document_location, MAX_TEXT_LENGTH),
        custom_questions=questions,
    )


def validate_plan(data: PlanInput) -> PlanInput:
    """The plan as it would be saved, or ValidationError for the first broken rule: a form
    checks the other fields while a date it could not read is still wrong."""
    return _validated(data)


def _apply(plan: Plan, data: PlanInput) -> None:
    plan.type = data.type
    plan.name = data.name
    plan.version = data.version
    plan.owner = data.owner
    plan.approved_on = data.approved_on
    plan.next_review_due = data.next_review_due
    plan.document_location = data.document_location
    plan.custom_questions = list(data.custom_questions)


def add_plan(db: Database, data: PlanInput) -> PlanView:
    data = _validated(data)
    with db.transaction() as session:
        plan = Plan()
        _apply(plan, data)
        session.add(plan)
        session.flush()
        return plan_view(plan)


def edit_plan(db: Database, plan_id: int, data: PlanInput) -> PlanView:
    data = _validated(data)
    with db.transaction() as session:
        plan = get_plan_row(session, plan_id)
        _apply(plan, data)
        return plan_view(plan)


def archive_plan(db: Database, plan_id: int, archived: bool = True) -> PlanView:
    """Hide a plan from new agendas and lists (``archived=False`` brings it back)."""
    with db.transaction() as session:
        plan = get_plan_row(session, plan_id)
        plan.archived = archived
        return plan_view(plan)


def plan_input(view: PlanView) -> PlanInput:
    """What a form shows for a saved plan, and what an undo writes back."""
    return PlanInput(
        type=view.type,
        name=view.name,
        version=view.version,
        owner=view.owner,
        approved_on=view.approved_on,
        next_review_due=view.next_review_due,
        document_location=view.document_location,
        custom_questions=view.custom_questions,
    )


def remove_plan(db: Database, plan_id: int) -> PlanView:
    """Delete a plan added by mistake (the undo of :func:`add_plan`).

    A plan that has been evaluated, followed by a result card or named by an agenda item
    is part of the unit's record: it is archived instead, so removing it is refused.
    """
    with db.transaction() as session:
        plan = get_plan_row(session, plan_id)
        if plan_in_use(session, plan_id):
            raise ValidationError("plan", "in_use")
        view = plan_view(plan)
        session.delete(plan)
        return view


def restore_plan(db: Database, view: PlanView) -> PlanView:
    """Put a removed plan back with its old id, so that older undo steps still find it."""
    data = _validated(plan_input(view))
    with db.transaction() as session:
        if session.get(Plan, view.id) is not None:
            raise ValidationError("plan", "in_use")
        plan = Plan(id=view.id, archived=view.archived)
        _apply(plan, data)
        session.add(plan)
        session.flush()
        return plan_view(plan)


def get_plan(db: Database, plan_id: int) -> PlanView:
    with db.reading() as session:
        return plan_view(get_plan_row(session, plan_id))


def _register_order(plan: PlanView) -> tuple[int, str, int]:
    return (list(PlanType).index(plan.type), plan.name.casefold(), plan.id)


def list_plans(
    db: Database, *, plan_type: PlanType | None = None, include_archived: bool = False
) -> list[PlanView]:
    """The register ordered by plan type (in the order of :class:`PlanType`), then name."""
    query = select(Plan)
    if plan_type is not None:
        query = query.where(Plan.type == PlanType(plan_type))
    if not include_archived:
        query = query.where(Plan.archived.is_(False))
    with db.reading() as session:
        views = [plan_view(p) for p in session.scalars(query)]
    return sorted(views, key=_register_order)


def plans_due_for_review(
    db: Database, today: dt.date | None = None, *, within_days: int = 0
) -> list[PlanView]:
    """Plans in use whose next review falls on or before ``today + within_days``, soonest first."""
    limit = (today or dt.date.today()) + dt.timedelta(days=within_days)
    with db.reading() as session:
        plans = session.scalars(
            select(Plan)
            .where(Plan.archived.is_(False), Plan.next_review_due <= limit)
            .order_by(Plan.next_review_due, Plan.name, Plan.id)
        )
        return [plan_view(p) for p in plans]


def checklist_for(
    plan_type: PlanType,
    language: str,
    custom_questions: Sequence[str] = (),
    package_checklist: Sequence[tuple[str, Mapping[str, str]]] | None = None,
) -> list[ChecklistQuestion]:
    """The type's checklist in a language (Finnish unless Swedish), then the plan's own.

    The type's checklist is the municipal package's when it has one (``package_checklist``:
    key and texts), else the shipped one. A custom question's key is its place in the plan's
    list (``custom_1``…); each answer keeps the question's text, so a later edit of the
    list does not alter it.
    """
    lang = Language.SWEDISH.value if language == Language.SWEDISH else Language.FINNISH.value
    items = (
        shipped_checklist(PlanType(plan_type)) if package_checklist is None else package_checklist
    )
    standard = [ChecklistQuestion(key, in_language(texts, lang)) for key, texts in items]
    custom = [
        ChecklistQuestion(f"{CUSTOM_KEY_PREFIX}{number}", text.strip(), custom=True)
        for number, text in enumerate(custom_questions, start=1)
        if text.strip()
    ]
    return standard + custom


def standard_question(key: str, question: str) -> dict[str, str] | None:
    """A checklist question in every language, when an answer still carries the standard
    question of its key (in any language): a document prints it in its own language. None
    for a plan's own question, which prints as it was asked."""
    for items in shipped_checklists().values():
        for item in items:
            texts: dict[str, str] = dict(item["text"])
            if item["key"] == key and question.strip() in texts.values():
                return texts
    return None


def checklist_for_plan(db: Database, plan_id: int, language: str) -> list[ChecklistQuestion]:
    with db.reading() as session:
        plan = plan_view(get_plan_row(session, plan_id))
        package = checklist_in(session, plan.type)
    return checklist_for(plan.type, language, plan.custom_questions, package)


# -- the user's actions, each one undo step -------------------------------------------------


def add_plan_undoably(db: Database, data: PlanInput) -> Change[PlanView]:
    added = add_plan(db, data)
    return Change(
        N_("add plan"),
        added,
        undo=lambda: remove_plan(db, added.id),
        redo=lambda: restore_plan(db, added),
    )


def edit_plan_undoably(db: Database, plan_id: int, data: PlanInput) -> Change[PlanView]:
    before = plan_input(get_plan(db, plan_id))
    return overwritten(
        N_("edit plan"), lambda d: edit_plan(db, plan_id, d), before, data, plan_input
    )


def archive_plan_undoably(db: Database, plan_id: int, archived: bool) -> Change[PlanView]:
    return done(
        N_("archive plan") if archived else N_("bring plan back"),
        lambda: archive_plan(db, plan_id, archived),
        lambda: archive_plan(db, plan_id, not archived),
    )
