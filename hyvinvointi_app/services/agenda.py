"""Agenda items of a memo and the children's and guardians' voice: add, edit, reorder, remove."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import AgendaItemKind, VoiceKind, VoiceMethod
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.translator import N_, translator_for
from hyvinvointi_app.services.change import Change, done
from hyvinvointi_app.services.guards import check_text, editable_meeting
from hyvinvointi_app.services.memo_view import AgendaItemView, VoiceView, action_view, member_ref
from hyvinvointi_app.services.result_cards import DueCheckpoint, due_checkpoints
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    ActionItem,
    AgendaItem,
    Meeting,
    Member,
    Plan,
    ResultCardDiscussion,
    VoiceRecord,
)

TEXT_FIELDS = ("title", "theme", "notes", "decision")
"""The free-text fields of an item that the memo editor saves one at a time."""

CHECKPOINT_WINDOW_DAYS = 90
"""When no later meeting is planned, a new meeting takes up the checkpoints of the next
90 days: about the gap between two meetings of a group that meets a few times a period."""
CLOSING_KINDS = (AgendaItemKind.OTHER_MATTERS, AgendaItemKind.NEXT_MEETING, AgendaItemKind.CLOSING)
"""Proposed checkpoint items come before these."""
TITLE_TOPIC_LENGTH = 80


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
        presenter=member_ref(session.get(Member, item.presenter_id) if item.presenter_id else None),
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


def set_item_presenter(db: Database, item_id: int, member_id: int | None) -> None:
    """Name the member who presents the item (None: no one named)."""
    with db.transaction() as session:
        item = _item(session, item_id)
        editable_meeting(session, item.meeting_id)
        if member_id is not None and session.get(Member, member_id) is None:
            raise NotFound("member", member_id)
        item.presenter_id = member_id


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
            presenter_id=(
                view.presenter.id
                if view.presenter and session.get(Member, view.presenter.id)
                else None
            ),
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


def _topic(text: str) -> str:
    """The first line of what a card wants to change, short enough for an item title."""
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    if len(first) > TITLE_TOPIC_LENGTH:
        first = first[: TITLE_TOPIC_LENGTH - 1].rstrip() + "…"
    return first


def checkpoint_window(session: Session, meeting: Meeting) -> tuple[dt.date | None, dt.date]:
    """The checkpoints a meeting takes up: those due after the previous meeting and before
    the next one, i.e. the meeting is the last one held before them.

    Without a later meeting the window ends :data:`CHECKPOINT_WINDOW_DAYS` after the
    meeting; without an earlier one it has no start, so a checkpoint that was missed (due,
    no value yet) is proposed too. Returns ``(start, end)`` with ``start`` inclusive (None:
    open) and ``end`` exclusive, as :func:`result_cards.due_checkpoints` takes them.
    """
    others = Meeting.id != meeting.id
    previous = session.scalar(
        select(func.max(Meeting.date)).where(others, Meeting.date < meeting.date)
    )
    following = session.scalar(
        select(func.min(Meeting.date)).where(others, Meeting.date > meeting.date)
    )
    start = previous + dt.timedelta(days=1) if previous is not None else None
    end = following or meeting.date + dt.timedelta(days=CHECKPOINT_WINDOW_DAYS + 1)
    return start, end


def propose_checkpoint_items(session: Session, meeting: Meeting, language: str) -> list[int]:
    """Add one agenda item per result card whose checkpoints fall in the meeting's
    :func:`checkpoint_window`, linked to the card, before “other matters”; returns the new
    item ids. :func:`meetings.new_meeting` calls it inside its own transaction, so that a
    new meeting and its proposals are one action (and one undo step)."""
    start, end = checkpoint_window(session, meeting)
    due = due_checkpoints(session, start, end, meeting.date)
    by_card: dict[int, list[DueCheckpoint]] = {}
    for checkpoint in due:
        by_card.setdefault(checkpoint.card_id, []).append(checkpoint)
    if not by_card:
        return []
    tr = translator_for(language)
    items = _ordered(session, meeting.id)
    index = len(items)
    while index > 0 and items[index - 1].kind in CLOSING_KINDS:
        index -= 1
    added: list[AgendaItem] = []
    for card_checkpoints in by_card.values():
        dates = ", ".join(format_date(c.checkpoint.due_date, language) for c in card_checkpoints)
        title = tr.pgettext("agenda item", "Result card checkpoint {dates}: {topic}").format(
            dates=dates, topic=_topic(card_checkpoints[0].what_to_change)
        )
        item = AgendaItem(meeting_id=meeting.id, kind=AgendaItemKind.CUSTOM, title=title)
        session.add(item)
        added.append(item)
    items[index:index] = added
    _renumber(items)
    session.flush()
    for item, card_id in zip(added, by_card, strict=True):
        session.add(ResultCardDiscussion(card_id=card_id, agenda_item_id=item.id))
    session.flush()
    return [item.id for item in added]


# -- the user's actions, each one undo step -------------------------------------------------


def add_item_undoably(
    db: Database, meeting_id: int, title: str, *, after_item_id: int | None = None
) -> Change[AgendaItemView]:
    view = add_item(db, meeting_id, title, after_item_id=after_item_id)
    return Change(
        N_("add agenda item"),
        view,
        undo=lambda: remove_item(db, view.id),
        redo=lambda: restore_item(db, meeting_id, view),
    )


def move_item_undoably(db: Database, item_id: int, new_position: int) -> Change[None]:
    old = get_item(db, item_id).position
    return done(
        N_("move agenda item"),
        lambda: move_item(db, item_id, new_position),
        lambda: move_item(db, item_id, old),
    )


def remove_item_undoably(db: Database, meeting_id: int, item_id: int) -> Change[None]:
    """Remove an item; the undo brings it back with its action items under it."""
    view = get_item(db, item_id)
    return done(
        N_("remove agenda item"),
        lambda: remove_item(db, item_id),
        lambda: restore_item(db, meeting_id, view),
    )


def set_item_text_undoably(db: Database, item_id: int, field: str, text: str) -> Change[None]:
    if field not in TEXT_FIELDS:
        raise ValidationError(field, "unknown_field")
    before = getattr(get_item(db, item_id), field)
    if text == before:
        return Change.nothing(N_("edit agenda item"), None)
    return done(
        N_("edit agenda item"),
        lambda: set_item_text(db, item_id, field, text),
        lambda: set_item_text(db, item_id, field, before),
        states=(before, text),
    )


def _voice(db: Database, meeting_id: int, kind: VoiceKind) -> VoiceView:
    with db.reading() as session:
        record = session.scalar(
            select(VoiceRecord).where(
                VoiceRecord.meeting_id == meeting_id, VoiceRecord.kind == VoiceKind(kind)
            )
        )
        if record is None:
            return VoiceView(VoiceKind(kind), (), "")
        return VoiceView(record.kind, tuple(record.methods), record.summary)


def set_voice_undoably(
    db: Database, meeting_id: int, kind: VoiceKind, methods: list[VoiceMethod], summary: str
) -> Change[VoiceView]:
    before = _voice(db, meeting_id, kind)
    after = set_voice(db, meeting_id, kind, methods, summary)
    if after == before:
        return Change.nothing(N_("edit agenda item"), after)
    return Change(
        N_("edit agenda item"),
        after,
        undo=lambda: set_voice(
            db, meeting_id, kind, [VoiceMethod(m) for m in before.methods], before.summary
        ),
        redo=lambda: set_voice(db, meeting_id, kind, methods, summary),
        states=(before, after),
    )


def set_item_plan_undoably(db: Database, item_id: int, plan_id: int | None) -> Change[None]:
    before = get_item(db, item_id).plan_id
    if before == plan_id:
        return Change.nothing(N_("edit agenda item"), None)
    return done(
        N_("edit agenda item"),
        lambda: set_item_plan(db, item_id, plan_id),
        lambda: set_item_plan(db, item_id, before),
    )


def set_item_presenter_undoably(db: Database, item_id: int, member_id: int | None) -> Change[None]:
    presenter = get_item(db, item_id).presenter
    before = presenter.id if presenter else None
    if before == member_id:
        return Change.nothing(N_("edit agenda item"), None)
    return done(
        N_("edit agenda item"),
        lambda: set_item_presenter(db, item_id, member_id),
        lambda: set_item_presenter(db, item_id, before),
    )
