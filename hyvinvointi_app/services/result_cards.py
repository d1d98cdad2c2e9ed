"""Result cards (tulokortti): a development area followed as a goal until it is closed.

A card carries checkpoints with a responsible person; at each checkpoint the group
records a value or a note. Cards outlive meetings and periods, so the checkpoints that
fall due are proposed to the meeting held closest before them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import ResultCardStatus, Role
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.services.plans import get_plan_row
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    AgendaItem,
    Checkpoint,
    Meeting,
    Member,
    Plan,
    PlanEvaluation,
    ResultCard,
    ResultCardDiscussion,
)

MAX_TEXT_LENGTH = 200_000
MAX_SHORT_LENGTH = 200
STATUS_ORDER = (ResultCardStatus.ACTIVE, ResultCardStatus.REACHED, ResultCardStatus.CLOSED)
"""Lists show active cards first."""


@dataclass(frozen=True, slots=True)
class CardInput:
    what_to_change: str
    current_state: str = ""
    target_state: str = ""
    ideal_state: str = ""
    measures: str = ""
    indicator: str = ""
    plan_id: int | None = None
    evaluation_id: int | None = None


TEXT_FIELDS = (
    "what_to_change",
    "current_state",
    "target_state",
    "ideal_state",
    "measures",
    "indicator",
)
"""The card's text fields, in the order of the form."""


@dataclass(frozen=True, slots=True)
class CheckpointInput:
    due_date: dt.date
    responsible_id: int | None = None
    responsible_text: str = ""
    """Who is responsible when that is not a member (e.g. "koko henkilöstö")."""


@dataclass(frozen=True, slots=True)
class CheckpointView:
    id: int
    card_id: int
    due_date: dt.date
    responsible_id: int | None
    responsible_name: str | None
    responsible_role: Role | None
    responsible_text: str
    value_note: str
    recorded_on: dt.date | None

    @property
    def is_recorded(self) -> bool:
        return self.recorded_on is not None


@dataclass(frozen=True, slots=True)
class CardView:
    id: int
    plan_id: int | None
    plan_name: str | None
    evaluation_id: int | None
    what_to_change: str
    current_state: str
    target_state: str
    ideal_state: str
    measures: str
    indicator: str
    status: ResultCardStatus
    created_on: dt.date
    closed_on: dt.date | None
    checkpoints: tuple[CheckpointView, ...]
    discussed_in: tuple[int, ...]
    """Agenda item ids where the card was discussed."""


@dataclass(frozen=True, slots=True)
class CardDiscussion:
    """An agenda item where a card was discussed, as the card shows it."""

    agenda_item_id: int
    item_title: str
    meeting_id: int
    meeting_number: int
    meeting_date: dt.date


@dataclass(frozen=True, slots=True)
class DueCheckpoint:
    """A checkpoint waiting for its value, with the card it belongs to."""

    checkpoint: CheckpointView
    card_id: int
    what_to_change: str
    plan_id: int | None
    plan_name: str | None
    is_late: bool
    """Its date passed without a value (only :func:`upcoming_checkpoints` lists such)."""


def _checkpoint_view(session: Session, checkpoint: Checkpoint) -> CheckpointView:
    member = session.get(Member, checkpoint.responsible_id) if checkpoint.responsible_id else None
    return _checkpoint_of(checkpoint, {member.id: member} if member else {})


def _checkpoint_of(checkpoint: Checkpoint, members: Mapping[int, Member]) -> CheckpointView:
    member = members.get(checkpoint.responsible_id) if checkpoint.responsible_id else None
    return CheckpointView(
        id=checkpoint.id,
        card_id=checkpoint.card_id,
        due_date=checkpoint.due_date,
        responsible_id=checkpoint.responsible_id,
        responsible_name=member.name if member else None,
        responsible_role=member.role if member else None,
        responsible_text=checkpoint.responsible_text,
        value_note=checkpoint.value_note,
        recorded_on=checkpoint.recorded_on,
    )


def _card_view(session: Session, card: ResultCard) -> CardView:
    return _card_views(session, [card])[0]


def _card_views(session: Session, cards: Sequence[ResultCard]) -> list[CardView]:
    """Views of ``cards``, in the same order, in a handful of queries however many there are."""
    ids = [card.id for card in cards]
    members = {member.id: member for member in session.scalars(select(Member))}
    plans = {plan_id: name for plan_id, name in session.execute(select(Plan.id, Plan.name))}
    checkpoints: dict[int, list[Checkpoint]] = defaultdict(list)
    for checkpoint in session.scalars(select(Checkpoint).where(Checkpoint.card_id.in_(ids))):
        checkpoints[checkpoint.card_id].append(checkpoint)
    discussed: dict[int, list[int]] = defaultdict(list)
    for card_id, item_id in session.execute(
        select(ResultCardDiscussion.card_id, ResultCardDiscussion.agenda_item_id)
        .where(ResultCardDiscussion.card_id.in_(ids))
        .order_by(ResultCardDiscussion.agenda_item_id)
    ):
        discussed[card_id].append(item_id)
    return [
        CardView(
            id=card.id,
            plan_id=card.plan_id,
            plan_name=plans.get(card.plan_id) if card.plan_id else None,
            evaluation_id=card.evaluation_id,
            what_to_change=card.what_to_change,
            current_state=card.current_state,
            target_state=card.target_state,
            ideal_state=card.ideal_state,
            measures=card.measures,
            indicator=card.indicator,
            status=card.status,
            created_on=card.created_on,
            closed_on=card.closed_on,
            checkpoints=tuple(
                _checkpoint_of(c, members)
                for c in sorted(checkpoints[card.id], key=lambda c: (c.due_date, c.id))
            ),
            discussed_in=tuple(discussed[card.id]),
        )
        for card in cards
    ]


def _card(session: Session, card_id: int) -> ResultCard:
    card = session.get(ResultCard, card_id)
    if card is None:
        raise NotFound("result card", card_id)
    return card


def _checkpoint(session: Session, checkpoint_id: int) -> Checkpoint:
    checkpoint = session.get(Checkpoint, checkpoint_id)
    if checkpoint is None:
        raise NotFound("checkpoint", checkpoint_id)
    return checkpoint


def _text(field: str, value: str, limit: int = MAX_TEXT_LENGTH, *, required: bool = False) -> str:
    value = value.strip()
    if required and not value:
        raise ValidationError(field, "required")
    if len(value) > limit:
        raise ValidationError(field, "too_long")
    return value


def _apply_card(session: Session, card: ResultCard, data: CardInput) -> None:
    """Copy the fields; a card made from an evaluation belongs to that evaluation's plan."""
    plan_id = data.plan_id
    if data.evaluation_id is not None:
        evaluation = session.get(PlanEvaluation, data.evaluation_id)
        if evaluation is None:
            raise NotFound("evaluation", data.evaluation_id)
        if plan_id is not None and plan_id != evaluation.plan_id:
            raise ValidationError("evaluation_id", "other_plan")
        plan_id = evaluation.plan_id
    if plan_id is not None:
        get_plan_row(session, plan_id)
    card.plan_id = plan_id
    card.evaluation_id = data.evaluation_id
    card.what_to_change = _text("what_to_change", data.what_to_change, required=True)
    card.current_state = _text("current_state", data.current_state)
    card.target_state = _text("target_state", data.target_state)
    card.ideal_state = _text("ideal_state", data.ideal_state)
    card.measures = _text("measures", data.measures)
    card.indicator = _text("indicator", data.indicator)


def _apply_checkpoint(session: Session, checkpoint: Checkpoint, data: CheckpointInput) -> None:
    if data.responsible_id is not None and session.get(Member, data.responsible_id) is None:
        raise NotFound("member", data.responsible_id)
    checkpoint.due_date = data.due_date
    checkpoint.responsible_id = data.responsible_id
    checkpoint.responsible_text = _text("responsible_text", data.responsible_text, MAX_SHORT_LENGTH)


def _create(
    session: Session, data: CardInput, checkpoints: Sequence[CheckpointInput], today: dt.date
) -> CardView:
    card = ResultCard(status=ResultCardStatus.ACTIVE, created_on=today)
    _apply_card(session, card, data)
    for item in checkpoints:
        checkpoint = Checkpoint()
        _apply_checkpoint(session, checkpoint, item)
        card.checkpoints.append(checkpoint)
    session.add(card)
    session.flush()
    return _card_view(session, card)


def create_card(
    db: Database,
    data: CardInput,
    checkpoints: Sequence[CheckpointInput] = (),
    *,
    today: dt.date | None = None,
) -> CardView:
    """A new active card, created today, with its checkpoints."""
    with db.transaction() as session:
        return _create(session, data, checkpoints, today or dt.date.today())


def create_card_from_development_area(
    db: Database, evaluation_id: int, text: str | None = None, today: dt.date | None = None
) -> CardView:
    """Turn a development area of an evaluation into a card linked to it and its plan.

    ``text`` is the one area the director picked from the evaluation; without it the
    evaluation's whole development-areas text is carried over.
    """
    with db.transaction() as session:
        evaluation = session.get(PlanEvaluation, evaluation_id)
        if evaluation is None:
            raise NotFound("evaluation", evaluation_id)
        data = CardInput(
            what_to_change=evaluation.development_areas if text is None else text,
            plan_id=evaluation.plan_id,
            evaluation_id=evaluation_id,
        )
        return _create(session, data, (), today or dt.date.today())


def edit_card(db: Database, card_id: int, data: CardInput) -> CardView:
    with db.transaction() as session:
        card = _card(session, card_id)
        _apply_card(session, card, data)
        session.flush()
        return _card_view(session, card)


def set_card_status(
    db: Database, card_id: int, status: ResultCardStatus, today: dt.date | None = None
) -> CardView:
    """Reached or closed ends the card's follow-up (``closed_on`` = today); active reopens it."""
    status = ResultCardStatus(status)
    with db.transaction() as session:
        card = _card(session, card_id)
        if status is ResultCardStatus.ACTIVE:
            card.closed_on = None
        elif card.status is ResultCardStatus.ACTIVE or card.closed_on is None:
            card.closed_on = today or dt.date.today()
        card.status = status
        return _card_view(session, card)


def remove_card(db: Database, card_id: int) -> None:
    """Delete a card made by mistake, with its checkpoints and discussion links."""
    with db.transaction() as session:
        session.delete(_card(session, card_id))


def get_card(db: Database, card_id: int) -> CardView:
    with db.reading() as session:
        return _card_view(session, _card(session, card_id))


def list_cards(
    db: Database, *, plan_id: int | None = None, include_finished: bool = True
) -> list[CardView]:
    """Active cards first, then reached and closed ones; oldest first within each status."""
    query = select(ResultCard)
    if plan_id is not None:
        query = query.where(ResultCard.plan_id == plan_id)
    if not include_finished:
        query = query.where(ResultCard.status == ResultCardStatus.ACTIVE)
    with db.reading() as session:
        cards = sorted(
            session.scalars(query),
            key=lambda c: (STATUS_ORDER.index(c.status), c.created_on, c.id),
        )
        return _card_views(session, cards)


def cards_for_agenda_item(db: Database, item_id: int) -> list[CardView]:
    with db.reading() as session:
        cards = session.scalars(
            select(ResultCard)
            .join(ResultCardDiscussion, ResultCardDiscussion.card_id == ResultCard.id)
            .where(ResultCardDiscussion.agenda_item_id == item_id)
            .order_by(ResultCard.created_on, ResultCard.id)
        ).all()
        return _card_views(session, cards)


def add_checkpoint(db: Database, card_id: int, data: CheckpointInput) -> CheckpointView:
    with db.transaction() as session:
        card = _card(session, card_id)
        checkpoint = Checkpoint()
        _apply_checkpoint(session, checkpoint, data)
        card.checkpoints.append(checkpoint)
        session.flush()
        return _checkpoint_view(session, checkpoint)


def edit_checkpoint(db: Database, checkpoint_id: int, data: CheckpointInput) -> CheckpointView:
    with db.transaction() as session:
        checkpoint = _checkpoint(session, checkpoint_id)
        _apply_checkpoint(session, checkpoint, data)
        return _checkpoint_view(session, checkpoint)


def remove_checkpoint(db: Database, checkpoint_id: int) -> None:
    with db.transaction() as session:
        session.delete(_checkpoint(session, checkpoint_id))


def record_checkpoint_value(
    db: Database, checkpoint_id: int, value_note: str, recorded_on: dt.date | None = None
) -> CheckpointView:
    """Record what was found at a checkpoint (today unless dated); an empty note clears it."""
    note = _text("value_note", value_note)
    with db.transaction() as session:
        checkpoint = _checkpoint(session, checkpoint_id)
        checkpoint.value_note = note
        checkpoint.recorded_on = (recorded_on or dt.date.today()) if note else None
        return _checkpoint_view(session, checkpoint)


def link_card_to_agenda_item(db: Database, card_id: int, agenda_item_id: int) -> None:
    """Record that a card was discussed under an agenda item (linking twice is harmless)."""
    with db.transaction() as session:
        _card(session, card_id)
        if session.get(AgendaItem, agenda_item_id) is None:
            raise NotFound("agenda item", agenda_item_id)
        if session.get(ResultCardDiscussion, (card_id, agenda_item_id)) is None:
            session.add(ResultCardDiscussion(card_id=card_id, agenda_item_id=agenda_item_id))


def unlink_card_from_agenda_item(db: Database, card_id: int, agenda_item_id: int) -> None:
    with db.transaction() as session:
        link = session.get(ResultCardDiscussion, (card_id, agenda_item_id))
        if link is not None:
            session.delete(link)


def due_checkpoints(
    session: Session, start: dt.date | None, end: dt.date, today: dt.date
) -> list[DueCheckpoint]:
    """Checkpoints of active cards without a value, due in ``[start, end)``."""
    query = (
        select(Checkpoint, ResultCard)
        .join(ResultCard, ResultCard.id == Checkpoint.card_id)
        .where(
            ResultCard.status == ResultCardStatus.ACTIVE,
            Checkpoint.recorded_on.is_(None),
            Checkpoint.due_date < end,
        )
        .order_by(Checkpoint.due_date, Checkpoint.id)
    )
    if start is not None:
        query = query.where(Checkpoint.due_date >= start)
    plans = {plan_id: name for plan_id, name in session.execute(select(Plan.id, Plan.name))}
    members = {member.id: member for member in session.scalars(select(Member))}
    return [
        DueCheckpoint(
            checkpoint=_checkpoint_of(checkpoint, members),
            card_id=card.id,
            what_to_change=card.what_to_change,
            plan_id=card.plan_id,
            plan_name=plans.get(card.plan_id) if card.plan_id else None,
            is_late=checkpoint.due_date < today,
        )
        for checkpoint, card in session.execute(query)
    ]


def upcoming_checkpoints(
    db: Database, today: dt.date | None = None, within_days: int = 60
) -> list[DueCheckpoint]:
    """Checkpoints still waiting for a value and due within ``within_days`` — late ones too,
    since a missed checkpoint needs the director's attention most."""
    today = today or dt.date.today()
    with db.reading() as session:
        return due_checkpoints(session, None, today + dt.timedelta(days=within_days + 1), today)


def card_input(view: CardView) -> CardInput:
    """The editable fields of a card as they are now (an edit changes one and keeps the rest)."""
    return CardInput(
        what_to_change=view.what_to_change,
        current_state=view.current_state,
        target_state=view.target_state,
        ideal_state=view.ideal_state,
        measures=view.measures,
        indicator=view.indicator,
        plan_id=view.plan_id,
        evaluation_id=view.evaluation_id,
    )


def checkpoint_input(view: CheckpointView) -> CheckpointInput:
    return CheckpointInput(view.due_date, view.responsible_id, view.responsible_text)


def _put_checkpoint(session: Session, view: CheckpointView) -> None:
    responsible = view.responsible_id
    if responsible is not None and session.get(Member, responsible) is None:
        responsible = None  # the member was removed since
    checkpoint = session.get(Checkpoint, view.id)
    if checkpoint is None:
        checkpoint = Checkpoint(id=view.id, card_id=view.card_id)
        session.add(checkpoint)
    checkpoint.due_date = view.due_date
    checkpoint.responsible_id = responsible
    checkpoint.responsible_text = view.responsible_text
    checkpoint.value_note = view.value_note
    checkpoint.recorded_on = view.recorded_on


def restore_checkpoint(db: Database, view: CheckpointView) -> CheckpointView:
    """Put a checkpoint back exactly as ``view`` shows it, with its id (the undo of a removal
    or of an edit, the redo of an addition)."""
    with db.transaction() as session:
        _card(session, view.card_id)
        _put_checkpoint(session, view)
        session.flush()
        return _checkpoint_view(session, _checkpoint(session, view.id))


def restore_card(db: Database, view: CardView) -> CardView:
    """Put a removed card back with its id, checkpoints and discussion links (the undo of a
    removal, the redo of a creation); links to agenda items deleted since are dropped."""
    with db.transaction() as session:
        if session.get(ResultCard, view.id) is not None:
            raise ValidationError("card", "in_use")
        plan_id = view.plan_id if view.plan_id and session.get(Plan, view.plan_id) else None
        evaluation_id = (
            view.evaluation_id
            if view.evaluation_id and session.get(PlanEvaluation, view.evaluation_id)
            else None
        )
        card = ResultCard(
            id=view.id,
            plan_id=plan_id,
            evaluation_id=evaluation_id,
            what_to_change=view.what_to_change,
            current_state=view.current_state,
            target_state=view.target_state,
            ideal_state=view.ideal_state,
            measures=view.measures,
            indicator=view.indicator,
            status=view.status,
            created_on=view.created_on,
            closed_on=view.closed_on,
        )
        session.add(card)
        session.flush()
        for checkpoint in view.checkpoints:
            _put_checkpoint(session, checkpoint)
        for item_id in view.discussed_in:
            if session.get(AgendaItem, item_id) is not None:
                session.add(ResultCardDiscussion(card_id=view.id, agenda_item_id=item_id))
        session.flush()
        session.expire(card)
        return _card_view(session, card)


def card_discussions(db: Database, card_id: int) -> list[CardDiscussion]:
    """Where the card was discussed, oldest meeting first."""
    with db.reading() as session:
        _card(session, card_id)
        rows = session.execute(
            select(AgendaItem.id, AgendaItem.title, Meeting.id, Meeting.number, Meeting.date)
            .join(ResultCardDiscussion, ResultCardDiscussion.agenda_item_id == AgendaItem.id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(ResultCardDiscussion.card_id == card_id)
            .order_by(Meeting.date, Meeting.number, AgendaItem.position)
        )
        return [CardDiscussion(*row) for row in rows]


# -- the user's actions, each one undo step -------------------------------------------------


def _created(label: str, db: Database, card: CardView) -> Change[CardView]:
    return Change(
        label,
        card,
        undo=lambda: remove_card(db, card.id),
        redo=lambda: restore_card(db, card),
    )


def create_card_undoably(db: Database, data: CardInput) -> Change[CardView]:
    return _created(N_("new result card"), db, create_card(db, data))


def create_card_from_development_area_undoably(
    db: Database, evaluation_id: int, text: str
) -> Change[CardView]:
    card = create_card_from_development_area(db, evaluation_id, text)
    return _created(N_("create result card"), db, card)


def remove_card_undoably(db: Database, card_id: int) -> Change[None]:
    view = get_card(db, card_id)
    return done(
        N_("remove result card"),
        lambda: remove_card(db, card_id),
        lambda: restore_card(db, view),
    )


def set_card_text_undoably(db: Database, card_id: int, field: str, text: str) -> Change[CardView]:
    """Save one text field of a card (the autosave of the result cards screen)."""
    if field not in TEXT_FIELDS:
        raise ValidationError(field, "unknown_field")
    data = replace(card_input(get_card(db, card_id)), **{field: text})  # type: ignore[arg-type]  # a text field
    return edit_card_undoably(db, card_id, data)


def edit_card_undoably(db: Database, card_id: int, data: CardInput) -> Change[CardView]:
    before = card_input(get_card(db, card_id))
    return overwritten(
        N_("edit result card"), lambda d: edit_card(db, card_id, d), before, data, card_input
    )


def set_card_status_undoably(
    db: Database, card_id: int, status: ResultCardStatus
) -> Change[CardView]:
    before = get_card(db, card_id)
    after = set_card_status(db, card_id, status)
    return Change(
        N_("change result card status"),
        after,
        undo=lambda: set_card_status(db, card_id, before.status, today=before.closed_on),
        redo=lambda: set_card_status(db, card_id, status, today=after.closed_on),
    )


def get_checkpoint(db: Database, checkpoint_id: int) -> CheckpointView:
    with db.reading() as session:
        return _checkpoint_view(session, _checkpoint(session, checkpoint_id))


def _checkpoint_change(
    label: str, db: Database, before: CheckpointView | None, after: CheckpointView | None
) -> Change[CheckpointView | None]:
    """A checkpoint added (``before`` None), changed, or removed (``after`` None)."""

    def put(view: CheckpointView | None, other: CheckpointView | None) -> None:
        if view is None:
            assert other is not None
            remove_checkpoint(db, other.id)
        else:
            restore_checkpoint(db, view)

    if after == before:
        return Change.nothing(label, after)
    return Change(label, after, undo=lambda: put(before, after), redo=lambda: put(after, before))


def add_checkpoint_undoably(
    db: Database, card_id: int, data: CheckpointInput
) -> Change[CheckpointView | None]:
    return _checkpoint_change(N_("add checkpoint"), db, None, add_checkpoint(db, card_id, data))


def edit_checkpoint_undoably(
    db: Database, checkpoint_id: int, data: CheckpointInput
) -> Change[CheckpointView | None]:
    before = get_checkpoint(db, checkpoint_id)
    after = edit_checkpoint(db, checkpoint_id, data)
    return _checkpoint_change(N_("edit checkpoint"), db, before, after)


def record_checkpoint_value_undoably(
    db: Database, checkpoint_id: int, value_note: str, recorded_on: dt.date
) -> Change[CheckpointView | None]:
    before = get_checkpoint(db, checkpoint_id)
    after = record_checkpoint_value(db, checkpoint_id, value_note, recorded_on)
    return _checkpoint_change(N_("record checkpoint value"), db, before, after)


def remove_checkpoint_undoably(db: Database, checkpoint_id: int) -> Change[CheckpointView | None]:
    before = get_checkpoint(db, checkpoint_id)
    remove_checkpoint(db, checkpoint_id)
    return _checkpoint_change(N_("remove checkpoint"), db, before, None)


def link_card_undoably(db: Database, card_id: int, agenda_item_id: int) -> Change[None]:
    return done(
        N_("link result card"),
        lambda: link_card_to_agenda_item(db, card_id, agenda_item_id),
        lambda: unlink_card_from_agenda_item(db, card_id, agenda_item_id),
    )


def unlink_card_undoably(db: Database, card_id: int, agenda_item_id: int) -> Change[None]:
    return done(
        N_("unlink result card"),
        lambda: unlink_card_from_agenda_item(db, card_id, agenda_item_id),
        lambda: link_card_to_agenda_item(db, card_id, agenda_item_id),
    )
