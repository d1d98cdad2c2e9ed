"""Which automatic backups are kept: the last ten, one a day for 14 days, one a week for
8 weeks, one a month for 12 months; a pure function, tested on made-up histories."""

from __future__ import annotations

import datetime as dt

from hyvinvointi_app.services.backups import RetentionPolicy, backups_to_keep

NOW = dt.datetime(2026, 11, 23, 15, 0)  # a Monday
DEFAULT = RetentionPolicy()


def hourly(days: int, per_day: int = 24) -> list[dt.datetime]:
    """Backups every hour (or ``per_day`` a day) for ``days`` days before NOW."""
    step = dt.timedelta(hours=24 / per_day)
    count = days * per_day
    return [NOW - step * i for i in range(count)]


def test_fewer_than_ten_are_all_kept() -> None:
    times = [NOW - dt.timedelta(days=400 * i) for i in range(10)]
    assert backups_to_keep(times, NOW, DEFAULT) == set(times)


def test_the_last_ten_stay_even_when_they_are_all_today() -> None:
    times = [NOW - dt.timedelta(minutes=30 * i) for i in range(25)]
    kept = backups_to_keep(times, NOW, DEFAULT)
    assert set(times[:10]) <= kept
    assert len(kept) == 10  # the day's newest is among the ten


def test_one_a_day_for_fourteen_days() -> None:
    times = hourly(days=14)
    kept = backups_to_keep(times, NOW, RetentionPolicy(last=0, daily=14, weekly=0, monthly=0))
    assert len(kept) == 14
    days = sorted(t.date() for t in kept)
    assert days == [NOW.date() - dt.timedelta(days=13 - i) for i in range(14)]
    for moment in kept:  # the newest of its day
        assert moment == max(t for t in times if t.date() == moment.date())


def test_one_a_week_for_eight_weeks_counts_iso_weeks() -> None:
    times = hourly(days=120, per_day=1)
    kept = backups_to_keep(times, NOW, RetentionPolicy(last=0, daily=0, weekly=8, monthly=0))
    weeks = {t.isocalendar()[:2] for t in kept}
    assert len(kept) == len(weeks) == 8
    # This week's Monday is today: the oldest week kept began seven Mondays ago.
    assert min(kept).date() == dt.date(2026, 10, 11)  # Sunday: the newest of the week of 5.10.


def test_one_a_month_for_twelve_months() -> None:
    times = hourly(days=800, per_day=1)
    kept = backups_to_keep(times, NOW, RetentionPolicy(last=0, daily=0, weekly=0, monthly=12))
    months = sorted({(t.year, t.month) for t in kept})
    assert len(kept) == 12
    assert months[0] == (2025, 12) and months[-1] == (2026, 11)
    for moment in kept:
        assert moment == max(t for t in times if (t.year, t.month) == (moment.year, moment.month))


def test_the_default_policy_on_two_years_of_hourly_backups() -> None:
    times = hourly(days=730)
    kept = backups_to_keep(times, NOW, DEFAULT)
    # 10 last (today), 13 more days, weeks and months overlap with those: at most 10+14+8+12.
    assert 25 <= len(kept) <= 44
    assert min(kept) >= dt.datetime(2025, 12, 1)
    assert max(kept) == NOW


def test_nothing_is_kept_by_rules_set_to_zero_but_the_last() -> None:
    times = hourly(days=30, per_day=2)
    policy = RetentionPolicy(last=3, daily=0, weekly=0, monthly=0)
    assert backups_to_keep(times, NOW, policy) == set(times[:3])


def test_a_backup_from_a_wrong_future_clock_is_kept() -> None:
    future = NOW + dt.timedelta(days=365)
    times = [future, *hourly(days=3)]
    kept = backups_to_keep(times, NOW, RetentionPolicy(last=0, daily=1, weekly=0, monthly=0))
    assert future in kept and NOW in kept


def test_a_pause_of_a_year_keeps_the_last_ten_from_before_it() -> None:
    old = [NOW - dt.timedelta(days=500, hours=i) for i in range(30)]
    kept = backups_to_keep(old, NOW, DEFAULT)
    assert kept == set(sorted(old, reverse=True)[:10])


def test_duplicates_and_order_do_not_matter() -> None:
    times = hourly(days=20)
    assert backups_to_keep(list(reversed(times)) + times, NOW, DEFAULT) == backups_to_keep(
        times, NOW, DEFAULT
    )
