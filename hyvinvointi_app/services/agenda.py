"""Agenda items of a memo and the children's and guardians' voice: add, edit, reorder, remove."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import AgendaItemKind, VoiceKind, VoiceMethod
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.services.meetings import (
    AgendaItemView,
    VoiceView,
    action_view,
    check_text,
    editable_meeting,
)
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ActionItem, AgendaItem, Plan, VoiceRecord

TEXT_FIELDS = ("title", "theme", "notes", "decision")
"""The free-text fields of an item that the memo editor saves one at a time."""


def _item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound("agenda item", item_id)
    return item


def _view(session: Session, item: AgendaItem) -> AgendaItemView:
    plan = session.get(Plan, item.plan_id) if item.plan_id else None
    actions = session.scalars(
        select(ActionItem)
        .where(ActionItem.agenda_item_id == item.id)
        .order_by(ActionItem.position, ActionItem.id)
    )
    return AgendaItemView(
        id=item.id,
        position=item.position,
        kind=item.kind,
        title=item.title,
        theme=item.theme,
        plan_id=item.plan_id,
        plan_name=plan.name if plan else None,
        notes=item.notes,
        decision=item.decision,
        actions=tuple(action_view(session, a) for a in actions),
    )


def _renumber(ordered: list[AgendaItem]) -> None:
    for position, item in enumerate(ordered, start=1):
        item.position = position


def _ordered(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def add_item(
    db: Database,
    meeting_id: int,
    title: str,
    *,
    kind: AgendaItemKind = AgendaItemKind.CUSTOM,
    after_item_id: int | None = None,
) -> AgendaItemView:
    """Add an item after ``after_item_id``, or before the closing items when not given."""
    with db.transaction() as session:
        editable_meeting(session, meeting_id)
        items = _ordered(session, meeting_id)
        new = AgendaItem(
            meeting_id=meeting_id, kind=AgendaItemKind(kind), title=check_text("title", title)
        )
        if after_item_id is not None:
            index = next((i for i, it in enumerate(items) if it.id == after_item_id), None)
            if index is None:
                raise NotFound("agenda item", after_item_id)
            index += 1
        else:
            tail = (AgendaItemKind.NEXT_MEETING, AgendaItemKind.CLOSING)
            index = len(items)
            while index > 0 and items[index - 1].kind in tail:
                index -= 1
        items.insert(index, new)
        session.add(new)
        _renumber(items)
        session.flush()
        return _view(session, new)


def set_item_text(db: Database, item_id: int, field: str, text: str) -> None:
    """Save one text field of an item: the autosave of the memo editor calls this."""
    if field not in TEXT_FIELDS:
        raise ValidationError(field, "unknown_field")
    with db.transaction() as session:
        item = _item(session, item_id)
        editable_meeting(session, item.meeting_id)
        setattr(item, field, check_text(field, text))


def set_item_plan(db: Database, item_id: int, plan_id: int | None) -> None:
    with db.transaction() as session:
        item = _item(session, item_id)
        editable_meeting(session, item.meeting_id)
        if plan_id is not None and session.get(Plan, plan_id) is None:
            raise NotFound("plan", plan_id)
        item.plan_id = plan_id


def move_item(db: Database, item_id: int, new_position: int) -> None:
    """Move an item to a 1-based position, shifting the others."""
    with db.transaction() as session:
        item = _item(session, item_id)
        editable_meeting(session, item.meeting_id)
        items = _ordered(session, item.meeting_id)
        items.remove(item)
        index = max(0, min(new_position - 1, len(items)))
        items.insert(index, item)
        _renumber(items)


def remove_item(db: Database, item_id: int) -> None:
    """Remove an item; its action items stay in the memo, no longer under an item."""
    with db.transaction() as session:
        item = _item(session, item_id)
        editable_meeting(session, item.meeting_id)
        meeting_id = item.meeting_id
        session.delete(item)
        session.flush()
        _renumber(_ordered(session, meeting_id))


def restore_item(db: Database, meeting_id: int, view: AgendaItemView) -> AgendaItemView:
    """Put a removed item back with its old id and position (the undo of a removal), and
    its action items under it again; redoing an undone addition uses it too."""
    with db.transaction() as session:
        editable_meeting(session, meeting_id)
        items = _ordered(session, meeting_id)
        item = AgendaItem(
            id=view.id,
            meeting_id=meeting_id,
            kind=AgendaItemKind(view.kind),
            title=check_text("title", view.title),
            theme=check_text("theme", view.theme),
            plan_id=view.plan_id if view.plan_id and session.get(Plan, view.plan_id) else None,
            notes=check_text("notes", view.notes),
            decision=check_text("decision", view.decision),
        )
        items.insert(max(0, min(view.position - 1, len(items))), item)
        session.add(item)
        _renumber(items)
        session.flush()
        for action_ref in view.actions:
            action = session.get(ActionItem, action_ref.id)
            if action is not None and action.meeting_id == meeting_id:
                action.agenda_item_id = item.id
        session.flush()
        return _view(session, item)


def get_item(db: Database, item_id: int) -> AgendaItemView:
    with db.reading() as session:
        return _view(session, _item(session, item_id))


def set_voice(
    db: Database, meeting_id: int, kind: VoiceKind, methods: list[VoiceMethod], summary: str
) -> VoiceView:
    """Record how children's or guardians' views were collected and what came up."""
    with db.transaction() as session:
        editable_meeting(session, meeting_id)
        record = session.scalar(
            select(VoiceRecord).where(
                VoiceRecord.meeting_id == meeting_id, VoiceRecord.kind == VoiceKind(kind)
            )
        )
        if record is None:
            record = VoiceRecord(meeting_id=meeting_id, kind=VoiceKind(kind))
            session.add(record)
        record.methods = [VoiceMethod(m).value for m in methods]
        record.summary = check_text("summary", summary)
        return VoiceView(record.kind, tuple(record.methods), record.summary)
