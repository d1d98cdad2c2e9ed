"""Operating periods (toimintakausi): 1.8.–31.7. unless the unit sets other dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.domain.periods import (
    InvalidPeriod,
    PeriodProblem,
    default_period_for,
    period_label,
    validate_period,
)
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.services.guards import check_text
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import Meeting, OperatingPeriod


@dataclass(frozen=True, slots=True)
class PeriodView:
    id: int
    label: str
    start_date: dt.date
    end_date: dt.date
    is_current: bool

    def contains(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date


def _view(period: OperatingPeriod) -> PeriodView:
    return PeriodView(
        period.id, period.label, period.start_date, period.end_date, period.is_current
    )


def _check_dates(session: Session, start: dt.date, end: dt.date, exclude_id: int | None) -> None:
    try:
        validate_period(start, end)
    except InvalidPeriod as error:
        if error.reason is PeriodProblem.END_NOT_AFTER_START:
            raise ValidationError("end_date", "end_before_start") from error
        raise ValidationError("end_date", "invalid_period") from error
    overlapping = session.scalar(
        select(OperatingPeriod.id).where(
            OperatingPeriod.start_date <= end,
            OperatingPeriod.end_date >= start,
            OperatingPeriod.id != (exclude_id or 0),
        )
    )
    if overlapping is not None:
        raise ValidationError("start_date", "overlaps")


def _check_label_free(session: Session, label: str, exclude_id: int | None) -> None:
    """Reports name periods by their years, so two periods must not share a label."""
    taken = session.scalar(
        select(OperatingPeriod.id).where(
            OperatingPeriod.label == label, OperatingPeriod.id != (exclude_id or 0)
        )
    )
    if taken is not None:
        raise ValidationError("start_date", "duplicate_label")


def _check_meetings_inside(session: Session, period_id: int, start: dt.date, end: dt.date) -> None:
    """A meeting must stay inside its period, or it would vanish from the period's reports."""
    first, last = session.execute(
        select(func.min(Meeting.date), func.max(Meeting.date)).where(Meeting.period_id == period_id)
    ).one()
    if first is not None and first < start:
        raise ValidationError("start_date", "meetings_outside")
    if last is not None and last > end:
        raise ValidationError("end_date", "meetings_outside")


def add_period(
    db: Database,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    make_current: bool = False,
    today: dt.date | None = None,
) -> PeriodView:
    """Add a period; without dates, the default period containing ``today``."""
    if start is None or end is None:
        start, end = default_period_for(today or dt.date.today())
    with db.transaction() as session:
        _check_dates(session, start, end, None)
        label = period_label(start, end)
        _check_label_free(session, label, None)
        has_current = session.scalar(select(OperatingPeriod.id).where(OperatingPeriod.is_current))
        if make_current:
            session.execute(update(OperatingPeriod).values(is_current=False))
        period = OperatingPeriod(
            label=label,
            start_date=start,
            end_date=end,
            is_current=make_current or has_current is None,
        )
        session.add(period)
        session.flush()
        return _view(period)


def edit_period_dates(db: Database, period_id: int, start: dt.date, end: dt.date) -> PeriodView:
    """New dates (and so a new label); refused if a meeting of the period would fall outside."""
    with db.transaction() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        _check_dates(session, start, end, period_id)
        label = period_label(start, end)
        _check_label_free(session, label, period_id)
        _check_meetings_inside(session, period_id, start, end)
        period.start_date, period.end_date = start, end
        period.label = label
        return _view(period)


def set_current_period(db: Database, period_id: int) -> None:
    with db.transaction() as session:
        if session.get(OperatingPeriod, period_id) is None:
            raise NotFound("period", period_id)
        session.execute(update(OperatingPeriod).values(is_current=OperatingPeriod.id == period_id))


def clear_current_period(db: Database) -> None:
    """No period is current any more: the undo of choosing one where none was chosen."""
    with db.transaction() as session:
        session.execute(update(OperatingPeriod).values(is_current=False))


def remove_period(db: Database, period_id: int) -> PeriodView:
    """Remove a period that holds no meetings (the undo of adding it); returns what it was,
    for :func:`restore_period`. A period with meetings is refused with ``in_use``."""
    with db.transaction() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        if session.scalar(select(Meeting.id).where(Meeting.period_id == period_id).limit(1)):
            raise ValidationError("period", "in_use")
        view = _view(period)
        session.delete(period)
        return view


def restore_period(db: Database, view: PeriodView) -> PeriodView:
    """Put a removed period back with its old id (so older undo steps still find it) and
    dates; if it was current, it is current again."""
    with db.transaction() as session:
        if session.get(OperatingPeriod, view.id) is not None:
            raise ValidationError("period", "in_use")
        _check_dates(session, view.start_date, view.end_date, None)
        label = period_label(view.start_date, view.end_date)
        _check_label_free(session, label, None)
        if view.is_current:
            session.execute(update(OperatingPeriod).values(is_current=False))
        period = OperatingPeriod(
            id=view.id,
            label=label,
            start_date=view.start_date,
            end_date=view.end_date,
            is_current=view.is_current,
        )
        session.add(period)
        session.flush()
        return _view(period)


def propose_next_period(db: Database, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The dates a new period is offered with: the default 1.8.–31.7. period after the
    latest one (the one containing ``today`` if there is none yet)."""
    with db.reading() as session:
        latest_end = session.scalar(select(func.max(OperatingPeriod.end_date)))
    if latest_end is None:
        return default_period_for(today or dt.date.today())
    start, end = default_period_for(latest_end + dt.timedelta(days=1))
    while start <= latest_end:  # the latest period has dates of its own: skip to a free year
        start, end = default_period_for(end + dt.timedelta(days=1))
    return start, end


def meeting_counts(db: Database) -> dict[int, int]:
    """How many meetings each period holds, by period id (periods without any are absent)."""
    with db.reading() as session:
        rows = session.execute(
            select(Meeting.period_id, func.count(Meeting.id)).group_by(Meeting.period_id)
        )
        return {period_id: count for period_id, count in rows}


def list_periods(db: Database) -> list[PeriodView]:
    """All periods, newest first."""
    with db.reading() as session:
        rows = session.scalars(select(OperatingPeriod).order_by(OperatingPeriod.start_date.desc()))
        return [_view(p) for p in rows]


def current_period(db: Database) -> PeriodView:
    with db.reading() as session:
        period = session.scalar(select(OperatingPeriod).where(OperatingPeriod.is_current))
        if period is None:
            raise NotFound("period", "current")
        return _view(period)


def period_by_label(db: Database, label: str) -> PeriodView:
    with db.reading() as session:
        period = session.scalar(select(OperatingPeriod).where(OperatingPeriod.label == label))
        if period is None:
            raise NotFound("period", label)
        return _view(period)


# -- the group's own texts of a period --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PeriodTexts:
    """What the group writes for its annual report: the summary (yhteenveto / sammanfattning),
    the day the group approved it, and the requests to the provider (pyynnöt järjestäjälle /
    önskemål till anordnaren). Printed as typed."""

    summary: str = ""
    summary_approved_on: dt.date | None = None
    provider_requests: str = ""


def period_texts(db: Database, period_id: int) -> PeriodTexts:
    with db.reading() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        return PeriodTexts(
            period.summary or "", period.summary_approved_on, period.provider_requests or ""
        )


def set_period_texts(db: Database, period_id: int, texts: PeriodTexts) -> PeriodTexts:
    """Save the summary, its approval day and the requests to the provider in one transaction.

    An approval day needs a summary to approve, and cannot lie before the period starts (the
    group approves what it wrote about the period, during it or after it ends).
    """
    summary = check_text("summary", texts.summary)
    requests = check_text("provider_requests", texts.provider_requests)
    approved_on = texts.summary_approved_on
    if approved_on is not None and not summary.strip():
        raise ValidationError("summary", "required")
    with db.transaction() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        if approved_on is not None and approved_on < period.start_date:
            raise ValidationError("summary_approved_on", "outside_period")
        period.summary = summary
        period.summary_approved_on = approved_on
        period.provider_requests = requests
        return PeriodTexts(summary, approved_on, requests)


# -- the user's actions, each one undo step -------------------------------------------------


def add_period_undoably(db: Database, start: dt.date, end: dt.date) -> Change[PeriodView]:
    added = add_period(db, start, end)
    return Change(
        N_("add operating period"),
        added,
        undo=lambda: remove_period(db, added.id),
        redo=lambda: restore_period(db, added),
    )


def edit_period_dates_undoably(
    db: Database, period_id: int, start: dt.date, end: dt.date
) -> Change[PeriodView]:
    before = next(p for p in list_periods(db) if p.id == period_id)
    after = edit_period_dates(db, period_id, start, end)
    if (after.start_date, after.end_date) == (before.start_date, before.end_date):
        return Change.nothing(N_("change period dates"), after)
    return Change(
        N_("change period dates"),
        after,
        undo=lambda: edit_period_dates(db, period_id, before.start_date, before.end_date),
        redo=lambda: edit_period_dates(db, period_id, start, end),
    )


def set_current_period_undoably(db: Database, period_id: int) -> Change[None]:
    previous = next((p.id for p in list_periods(db) if p.is_current), None)

    def undo() -> None:
        if previous is None:
            clear_current_period(db)
        else:
            set_current_period(db, previous)

    return done(N_("choose current period"), lambda: set_current_period(db, period_id), undo)


def set_period_texts_undoably(
    db: Database, period_id: int, texts: PeriodTexts
) -> Change[PeriodTexts]:
    return overwritten(
        N_("change summary and requests"),
        lambda t: set_period_texts(db, period_id, t),
        period_texts(db, period_id),
        texts,
        lambda stored: stored,
    )
