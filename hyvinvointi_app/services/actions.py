"""Action items: agreed in one meeting, followed in the next ones until done or dropped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import ActionStatus, FollowUpOutcome
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.services.guards import check_text, editable_meeting, get_meeting_row
from hyvinvointi_app.services.memo_view import ActionView, action_view
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ActionFollowUp, ActionItem, AgendaItem, Member

_STATUS_OF_OUTCOME = {
    FollowUpOutcome.CONTINUES: ActionStatus.OPEN,
    FollowUpOutcome.DONE: ActionStatus.DONE,
    FollowUpOutcome.DROPPED: ActionStatus.DROPPED,
}


@dataclass(frozen=True, slots=True)
class ActionInput:
    text: str
    responsible_id: int | None = None
    responsible_text: str = ""
    """A responsible person who is not a member (e.g. "koko henkilöstö"), typed freely."""
    due_date: dt.date | None = None


def _validated(session: Session, data: ActionInput) -> ActionInput:
    text = check_text("text", data.text.strip())
    if not text:
        raise ValidationError("text", "required")
    if data.responsible_id is not None and session.get(Member, data.responsible_id) is None:
        raise ValidationError("responsible", "unknown_member")
    return ActionInput(
        text,
        data.responsible_id,
        check_text("responsible", data.responsible_text.strip()),
        data.due_date,
    )


def _action(session: Session, action_id: int) -> ActionItem:
    action = session.get(ActionItem, action_id)
    if action is None:
        raise NotFound("action", action_id)
    return action


def add_action(
    db: Database, meeting_id: int, data: ActionInput, *, agenda_item_id: int | None = None
) -> ActionView:
    with db.transaction() as session:
        editable_meeting(session, meeting_id)
        data = _validated(session, data)
        if agenda_item_id is not None:
            item = session.get(AgendaItem, agenda_item_id)
            if item is None or item.meeting_id != meeting_id:
                raise NotFound("agenda item", agenda_item_id)
        position = session.scalar(
            select(func.coalesce(func.max(ActionItem.position), 0)).where(
                ActionItem.meeting_id == meeting_id
            )
        )
        action = ActionItem(
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            text=data.text,
            responsible_id=data.responsible_id,
            responsible_text=data.responsible_text,
            due_date=data.due_date,
            position=int(position or 0) + 1,
        )
        session.add(action)
        session.flush()
        return action_view(session, action)


def edit_action(db: Database, action_id: int, data: ActionInput) -> ActionView:
    """Change what was agreed; only while the memo that agreed it is a draft."""
    with db.transaction() as session:
        action = _action(session, action_id)
        editable_meeting(session, action.meeting_id)
        data = _validated(session, data)
        action.text = data.text
        action.responsible_id = data.responsible_id
        action.responsible_text = data.responsible_text
        action.due_date = data.due_date
        return action_view(session, action)


def restore_action(db: Database, view: ActionView) -> ActionView:
    """Put a removed action back with its old id (the undo of a removal)."""
    with db.transaction() as session:
        editable_meeting(session, view.meeting_id)
        item_id = view.agenda_item_id
        if item_id is not None and session.get(AgendaItem, item_id) is None:
            item_id = None
        position = session.scalar(
            select(func.coalesce(func.max(ActionItem.position), 0)).where(
                ActionItem.meeting_id == view.meeting_id
            )
        )
        action = ActionItem(
            id=view.id,
            meeting_id=view.meeting_id,
            agenda_item_id=item_id,
            text=check_text("text", view.text),
            responsible_id=(
                view.responsible.id
                if view.responsible and session.get(Member, view.responsible.id)
                else None
            ),
            responsible_text=check_text("responsible", view.responsible_text),
            due_date=view.due_date,
            status=view.status,
            closed_on=view.closed_on,
            position=int(position or 0) + 1,
        )
        session.add(action)
        session.flush()
        return action_view(session, action)


def remove_action(db: Database, action_id: int) -> None:
    with db.transaction() as session:
        action = _action(session, action_id)
        editable_meeting(session, action.meeting_id)
        followed = session.scalar(
            select(func.count())
            .select_from(ActionFollowUp)
            .where(ActionFollowUp.action_id == action_id, ActionFollowUp.outcome.is_not(None))
        )
        if followed:
            raise ValidationError("action", "already_followed_up")
        session.delete(action)


def _apply(action: ActionItem, outcome: FollowUpOutcome, on: dt.date) -> None:
    action.status = _STATUS_OF_OUTCOME[outcome]
    action.closed_on = None if action.status is ActionStatus.OPEN else on


def record_follow_up(
    db: Database,
    meeting_id: int,
    action_id: int,
    outcome: FollowUpOutcome | None,
    comment: str = "",
) -> None:
    """Record in a meeting what became of a carried-over action (done, continues, dropped).

    ``None`` clears an outcome recorded by mistake; the action is open again.
    """
    with db.transaction() as session:
        meeting = editable_meeting(session, meeting_id)
        action = _action(session, action_id)
        if action.meeting_id == meeting_id:
            raise ValidationError("action", "not_carried_over")
        row = session.scalar(
            select(ActionFollowUp).where(
                ActionFollowUp.action_id == action_id, ActionFollowUp.meeting_id == meeting_id
            )
        )
        if row is None:
            row = ActionFollowUp(action_id=action_id, meeting_id=meeting_id)
            session.add(row)
        row.outcome = None if outcome is None else FollowUpOutcome(outcome)
        row.comment = check_text("comment", comment)
        row.recorded_on = meeting.date
        _apply(action, row.outcome or FollowUpOutcome.CONTINUES, meeting.date)


def set_action_status(
    db: Database,
    action_id: int,
    status: ActionStatus,
    comment: str = "",
    on: dt.date | None = None,
) -> ActionView:
    """Change an action's status between meetings, with a dated comment."""
    on = on or dt.date.today()
    outcome = {v: k for k, v in _STATUS_OF_OUTCOME.items()}[ActionStatus(status)]
    with db.transaction() as session:
        action = _action(session, action_id)
        get_meeting_row(session, action.meeting_id)
        session.add(
            ActionFollowUp(
                action_id=action_id,
                meeting_id=None,
                outcome=outcome,
                comment=check_text("comment", comment),
                recorded_on=on,
            )
        )
        _apply(action, outcome, on)
        return action_view(session, action)


def open_actions(
    db: Database, *, overdue_only: bool = False, today: dt.date | None = None
) -> list[ActionView]:
    """Open action items of all meetings, earliest due first."""
    today = today or dt.date.today()
    with db.reading() as session:
        query = select(ActionItem).where(ActionItem.status == ActionStatus.OPEN)
        if overdue_only:
            query = query.where(ActionItem.due_date < today)
        rows = session.scalars(
            query.order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id)
        )
        return [action_view(session, a) for a in rows]


# -- the user's actions, each one undo step -------------------------------------------------


def get_action(db: Database, action_id: int) -> ActionView:
    with db.reading() as session:
        return action_view(session, _action(session, action_id))


def action_input(view: ActionView) -> ActionInput:
    return ActionInput(
        view.text,
        view.responsible.id if view.responsible else None,
        view.responsible_text,
        view.due_date,
    )


def add_action_undoably(
    db: Database, meeting_id: int, data: ActionInput, *, agenda_item_id: int | None = None
) -> Change[ActionView]:
    added = add_action(db, meeting_id, data, agenda_item_id=agenda_item_id)
    return Change(
        N_("add action item"),
        added,
        undo=lambda: remove_action(db, added.id),
        redo=lambda: restore_action(db, added),
    )


def edit_action_undoably(db: Database, action_id: int, data: ActionInput) -> Change[ActionView]:
    before = action_input(get_action(db, action_id))
    return overwritten(
        N_("edit action item"), lambda d: edit_action(db, action_id, d), before, data, action_input
    )


def set_action_status_undoably(
    db: Database, action_id: int, status: ActionStatus
) -> Change[ActionView]:
    before = get_action(db, action_id).status
    return done(
        N_("change the status of an action item"),
        lambda: set_action_status(db, action_id, status),
        lambda: set_action_status(db, action_id, before),
    )


def remove_action_undoably(db: Database, action_id: int) -> Change[None]:
    view = get_action(db, action_id)
    return done(
        N_("remove action item"),
        lambda: remove_action(db, action_id),
        lambda: restore_action(db, view),
    )


def _follow_up_row(
    db: Database, meeting_id: int, action_id: int
) -> tuple[FollowUpOutcome | None, str]:
    with db.reading() as session:
        row = session.scalar(
            select(ActionFollowUp).where(
                ActionFollowUp.action_id == action_id, ActionFollowUp.meeting_id == meeting_id
            )
        )
        return (None, "") if row is None else (row.outcome, row.comment or "")


def record_follow_up_undoably(
    db: Database,
    meeting_id: int,
    action_id: int,
    outcome: FollowUpOutcome | None,
    comment: str,
) -> Change[None]:
    """Record a follow-up's outcome and comment (chosen, or typed)."""
    before = _follow_up_row(db, meeting_id, action_id)
    record_follow_up(db, meeting_id, action_id, outcome, comment)
    after = _follow_up_row(db, meeting_id, action_id)
    if after == before:
        return Change.nothing(N_("record follow-up"), None)
    return Change(
        N_("record follow-up"),
        None,
        undo=lambda: record_follow_up(db, meeting_id, action_id, *before),
        redo=lambda: record_follow_up(db, meeting_id, action_id, outcome, comment),
        states=(before, after),
    )
