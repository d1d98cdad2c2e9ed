"""Starting a new operating period from the previous one, as one step that can be undone.

Plans, result cards, the annual clock and members belong to the unit, not to a period, so
nothing is duplicated. What the new period needs is dates in it:

- a plan in use whose next review fell in an earlier period gets its next review moved by
  whole years into the new period;
- an active result card gets, for each checkpoint dated in the previous period, a new
  checkpoint as many years later as the periods are apart (same responsible, no value
  yet); the old one keeps its value;
- a member whose term ended with the previous period may have it extended to the new
  period's end, when the director ticks them (offered unticked: a term that ends is the
  usual case; one that ended earlier, a resignation say, is not offered);
- the annual clock's themes serve every period as they are; the preview counts them.

:func:`propose` lists what would change; :func:`carry_forward` applies the director's
choice in one transaction and returns what :func:`undo` needs to put everything back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from hyvinvointi_app.domain.enums import ResultCardStatus, Role
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    Checkpoint,
    ClockTheme,
    Member,
    OperatingPeriod,
    Plan,
    ResultCard,
)


@dataclass(frozen=True, slots=True)
class PlanReview:
    plan_id: int
    name: str
    review_was: dt.date
    review_to: dt.date


@dataclass(frozen=True, slots=True)
class CheckpointCopy:
    card_id: int
    card_title: str
    checkpoint_id: int
    due_was: dt.date
    due_to: dt.date


@dataclass(frozen=True, slots=True)
class TermExtension:
    member_id: int
    name: str | None
    role: Role
    term_end_was: dt.date
    term_end_to: dt.date


@dataclass(frozen=True, slots=True)
class Proposal:
    """What carrying the previous period forward into ``period_label`` would change."""

    period_id: int
    period_label: str
    previous_label: str
    plans: tuple[PlanReview, ...]
    checkpoints: tuple[CheckpointCopy, ...]
    members: tuple[TermExtension, ...]
    clock_themes: int
    """Themes of the annual clock, which serve the new period as they are."""

    @property
    def is_empty(self) -> bool:
        return not (self.plans or self.checkpoints or self.members)


@dataclass(frozen=True, slots=True)
class Carried:
    """What :func:`carry_forward` changed, for :func:`undo`."""

    plans: tuple[PlanReview, ...]
    checkpoint_ids: tuple[int, ...]
    members: tuple[TermExtension, ...]


def a_year_later(day: dt.date, years: int = 1) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February; the last day the
    calendar has (31.12.9999) when it runs out."""
    if day.year + years > dt.MAXYEAR:
        return dt.date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def propose(db: Database, period_id: int) -> Proposal:
    """What the new period ``period_id`` would take from the period before it (nothing when
    there is none)."""
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        before = session.scalars(
            select(OperatingPeriod)
            .where(OperatingPeriod.end_date < period.start_date)
            .order_by(OperatingPeriod.end_date.desc())
            .limit(1)
        ).first()
        if before is None:
            return Proposal(period.id, period.label, "", (), (), (), 0)
        plans = []
        for plan in session.scalars(
            select(Plan).where(Plan.archived.is_(False)).order_by(Plan.name, Plan.id)
        ):
            due = plan.next_review_due
            if due is None or due >= period.start_date:
                continue
            moved = due
            while moved < period.start_date and moved != dt.date.max:
                moved = a_year_later(moved)
            if moved <= period.end_date:
                plans.append(PlanReview(plan.id, plan.name, due, moved))
        checkpoints = []
        active = session.scalars(
            select(ResultCard)
            .where(ResultCard.status == ResultCardStatus.ACTIVE)
            .order_by(ResultCard.created_on, ResultCard.id)
        )
        years = max(period.start_date.year - before.start_date.year, 1)
        for card in active:
            taken = {c.due_date for c in card.checkpoints}
            for checkpoint in card.checkpoints:
                if not before.start_date <= checkpoint.due_date <= before.end_date:
                    continue
                later = a_year_later(checkpoint.due_date, years)
                if later in taken or not period.start_date <= later <= period.end_date:
                    continue
                taken.add(later)  # 29 and 28 February both fall on 28 February
                title = card.what_to_change.strip().splitlines()[0] if card.what_to_change else ""
                checkpoints.append(
                    CheckpointCopy(card.id, title, checkpoint.id, checkpoint.due_date, later)
                )
        members = [
            TermExtension(m.id, m.name, m.role, m.term_end, period.end_date)
            for m in session.scalars(
                select(Member)
                .where(Member.erased_at.is_(None), Member.term_end == before.end_date)
                .order_by(Member.id)
            )
            if m.term_end is not None
        ]
        themes = session.scalar(select(func.count()).select_from(ClockTheme)) or 0
        return Proposal(
            period.id,
            period.label,
            before.label,
            tuple(plans),
            tuple(checkpoints),
            tuple(members),
            themes,
        )


def carry_forward(db: Database, chosen: Proposal) -> Carried:
    """Apply what the director kept of a :class:`Proposal`, in one transaction. What is
    recorded for :func:`undo` is what each row held just before (it may have changed since
    the proposal); a checkpoint already on its new day is not made twice."""
    plans: list[PlanReview] = []
    created: list[int] = []
    terms: list[TermExtension] = []
    with db.transaction() as session:
        for review in chosen.plans:
            plan = session.get(Plan, review.plan_id)
            if plan is None:
                raise NotFound("plan", review.plan_id)
            if plan.next_review_due is not None:
                plans.append(dataclasses.replace(review, review_was=plan.next_review_due))
            plan.next_review_due = review.review_to
        for copy in chosen.checkpoints:
            source = session.get(Checkpoint, copy.checkpoint_id)
            if source is None:
                raise NotFound("checkpoint", copy.checkpoint_id)
            there = session.scalar(
                select(Checkpoint.id).where(
                    Checkpoint.card_id == source.card_id, Checkpoint.due_date == copy.due_to
                )
            )
            if there is not None:
                continue
            new = Checkpoint(
                card_id=source.card_id,
                due_date=copy.due_to,
                responsible_id=source.responsible_id,
                responsible_text=source.responsible_text,
            )
            session.add(new)
            session.flush()
            created.append(new.id)
        for extension in chosen.members:
            member = session.get(Member, extension.member_id)
            if member is None:
                raise NotFound("member", extension.member_id)
            if member.term_end is not None:
                terms.append(dataclasses.replace(extension, term_end_was=member.term_end))
            member.term_end = extension.term_end_to
    return Carried(tuple(plans), tuple(created), tuple(terms))


def undo(db: Database, carried: Carried) -> None:
    """Put back what :func:`carry_forward` changed."""
    with db.transaction() as session:
        for review in carried.plans:
            plan = session.get(Plan, review.plan_id)
            if plan is not None:
                plan.next_review_due = review.review_was
        for checkpoint_id in carried.checkpoint_ids:
            checkpoint = session.get(Checkpoint, checkpoint_id)
            if (
                checkpoint is not None
                and checkpoint.recorded_on is None
                and not checkpoint.value_note
            ):  # one with a value recorded since stays: undo never loses what was typed
                session.delete(checkpoint)
        for extension in carried.members:
            member = session.get(Member, extension.member_id)
            if member is not None:
                member.term_end = extension.term_end_was


def carry_forward_undoably(db: Database, chosen: Proposal) -> Change[Carried]:
    """Carry forward as one undo step; its label names the period (“carry forward into
    {period}”, formatted by the screen)."""
    done = [carry_forward(db, chosen)]

    def redo() -> None:
        done[0] = carry_forward(db, chosen)

    return Change(
        N_("carry forward into {period}"),
        done[0],
        undo=lambda: undo(db, done[0]),
        redo=redo,
    )
