"""Operating periods (toimintakausi): 1.8.–31.7. unless the unit sets other dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.domain.periods import (
    InvalidPeriod,
    default_period_for,
    period_label,
    validate_period,
)
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import OperatingPeriod


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
        if session.scalar(select(OperatingPeriod.id).where(OperatingPeriod.label == label)):
            raise ValidationError("start_date", "duplicate_label")
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
    with db.transaction() as session:
        period = session.get(OperatingPeriod, period_id)
        if period is None:
            raise NotFound("period", period_id)
        _check_dates(session, start, end, period_id)
        period.start_date, period.end_date = start, end
        period.label = period_label(start, end)
        return _view(period)


def set_current_period(db: Database, period_id: int) -> None:
    with db.transaction() as session:
        if session.get(OperatingPeriod, period_id) is None:
            raise NotFound("period", period_id)
        session.execute(update(OperatingPeriod).values(is_current=OperatingPeriod.id == period_id))


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


def period_containing(session: Session, day: dt.date) -> OperatingPeriod | None:
    return session.scalar(
        select(OperatingPeriod).where(
            OperatingPeriod.start_date <= day, OperatingPeriod.end_date >= day
        )
    )
