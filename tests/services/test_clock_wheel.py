"""The annual clock as a wheel: every theme in its month's sector, numbered in the period's
order; meetings on the rim at their dates; text boxes that stay inside their pieces."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.services import annual_clock, meetings, periods
from hyvinvointi_app.services.annual_clock import PERIOD_MONTHS
from hyvinvointi_app.services.clock_wheel import (
    HYPHEN,
    KIND_COLOURS,
    NO_PLAN,
    Box,
    along_rim,
    along_spoke,
    build_wheel,
    date_angle,
    fit,
    layout,
    letter,
    point,
    sector,
    theme_piece,
    wrap,
)
from hyvinvointi_app.store.database import Database


def _forty_themes(db: Database) -> None:
    """The default clock and nine themes more, eight of them in September."""
    annual_clock.load_default_clock(db, "fi")
    for number in range(8):
        annual_clock.add_theme(db, 9, f"Syyskuun lisäteema {number + 1}", PlanType.CUSTOM)
    annual_clock.add_theme(db, 7, "Kesän lisäteema")
    assert len(annual_clock.list_themes(db)) == 40


def test_the_wheel_maps_every_theme_to_its_month_in_order(db: Database) -> None:
    _forty_themes(db)
    themes = annual_clock.list_themes(db)
    wheel = build_wheel(db, None, dt.date(2026, 12, 8))
    assert sorted(t.theme.id for t in wheel.themes) == sorted(t.id for t in themes)
    for month in PERIOD_MONTHS:
        placed = wheel.in_month(month)
        assert [t.theme.id for t in placed] == [t.id for t in themes if t.month == month]
        assert [t.slot for t in placed] == list(range(len(placed)))
        assert all(t.slots == len(placed) for t in placed)
        start, end = sector(month)
        assert end - start == 30
        for theme in placed:
            piece = theme_piece(month, theme.slot, theme.slots, 60, 280, 3)
            assert start <= piece[0] < piece[1] <= end
    assert [t.number for t in wheel.themes] == list(range(1, 41))
    assert wheel.themes[0].theme.month == 8  # August first, at twelve o'clock
    assert sector(8) == (0, 30) and sector(7) == (330, 360)
    assert len(wheel.in_month(9)) == 12
    assert wheel.current_month == 12


def test_each_theme_is_coloured_by_its_plan_type(db: Database) -> None:
    annual_clock.add_theme(db, 3, "Arviointi", PlanType.ANTI_BULLYING)
    annual_clock.add_theme(db, 3, "Muu asia")
    wheel = build_wheel(db, None, dt.date(2026, 12, 8))
    assert [t.kind for t in wheel.themes] == [PlanType.ANTI_BULLYING.value, NO_PLAN]
    assert wheel.kinds() == (PlanType.ANTI_BULLYING.value, NO_PLAN)
    assert set(KIND_COLOURS) == {p.value for p in PlanType} | {NO_PLAN}
    assert len(set(KIND_COLOURS.values())) == len(KIND_COLOURS)


def test_a_date_lies_in_its_months_sector_on_the_rim() -> None:
    day = dt.date(2026, 8, 1)
    while day <= dt.date(2027, 7, 31):
        start, end = sector(day.month)
        assert start < date_angle(day) < end
        day += dt.timedelta(days=1)
    assert date_angle(dt.date(2026, 8, 1)) < 1
    assert date_angle(dt.date(2027, 7, 31)) > 359
    assert date_angle(dt.date(2026, 10, 16)) == pytest.approx(75, abs=0.5)  # October's middle


def test_the_periods_meetings_are_on_the_rim_and_today_only_within_the_period(
    db: Database,
) -> None:
    period = periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    first = meetings.new_meeting(db, period.id, dt.date(2026, 9, 10))
    second = meetings.new_meeting(db, period.id, dt.date(2027, 3, 18))
    wheel = build_wheel(db, period, dt.date(2026, 12, 8))
    assert [(m.id, m.number, m.held) for m in wheel.meetings] == [
        (first.id, 1, True),
        (second.id, 2, False),
    ]
    assert wheel.meetings[1].angle == date_angle(dt.date(2027, 3, 18))
    assert wheel.meetings_in(9) == (wheel.meetings[0],)
    assert wheel.current_month == 12 and wheel.today_angle is not None
    assert wheel.period_label == period.label.replace("-", "\u2013") == "2026\u20132027"
    later = build_wheel(db, period, dt.date(2027, 9, 1))
    assert later.current_month is None and later.today_angle is None


def test_layout_numbers_themes_in_the_periods_order() -> None:
    views = [
        annual_clock.ThemeView(5, 1, 1, "Tammikuu", None),
        annual_clock.ThemeView(2, 8, 2, "Elokuu 2", None),
        annual_clock.ThemeView(9, 8, 1, "Elokuu 1", None),
    ]
    assert [(t.number, t.theme.title, t.slot) for t in layout(views)] == [
        (1, "Elokuu 1", 0),
        (2, "Elokuu 2", 1),
        (3, "Tammikuu", 0),
    ]


# -- text inside its piece --------------------------------------------------------------------


def _corners(box: Box) -> list[tuple[float, float]]:
    """The box's corners as (angle, distance) from the wheel's centre: a box along the rim
    is ``width`` across the spoke, one along the spoke ``width`` along it."""
    across, along = (box.height, box.width) if box.radial else (box.width, box.height)
    corners = []
    for side in (-1, 1):
        for depth in (-1, 1):
            tangential, radial = side * across / 2, box.radius + depth * along / 2
            angle = box.angle + math.degrees(math.atan2(tangential, radial))
            corners.append((angle, math.hypot(tangential, radial)))
    return corners


@given(
    month=st.sampled_from(PERIOD_MONTHS),
    slots=st.integers(1, 14),
    data=st.data(),
    radius=st.floats(120, 600),
)
def test_text_boxes_stay_inside_their_piece(
    month: int, slots: int, data: st.DataObject, radius: float
) -> None:
    slot = data.draw(st.integers(0, slots - 1))
    piece = theme_piece(month, slot, slots, radius * 0.25, radius * 0.86, 3)
    start, end, inner, outer = piece
    assert inner < outer
    for box in (along_rim(piece, 3), along_spoke(piece, 3)):
        if box.width <= 0 or box.height <= 0:
            continue
        for angle, distance in _corners(box):
            assert start - 1e-6 <= angle <= end + 1e-6
            assert inner - 1e-6 <= distance <= outer + 1e-6


class _Chars:
    """A font where every character is 6 wide and lines 10 apart."""

    line = 10.0

    def width(self, text: str) -> float:
        return 6.0 * len(text)

    def elide(self, text: str, width: float) -> str:
        keep = int(width // 6) - 1
        return text if len(text) * 6 <= width else text[:keep] + "\u2026"


def test_long_finnish_words_break_between_syllables() -> None:
    measure = _Chars().width
    lines = wrap("Yhdenvertaisuussuunnitelman arviointi", 100, measure)
    assert lines[0] == f"Yhdenvertaisuus{HYPHEN}" and lines[1] == "suunnitelman"
    assert wrap("tietojen", 40, measure) == [f"tieto{HYPHEN}", "jen"]
    assert fit("Tasa-arvon tilannekartoitus", 60, 3, measure) == [
        "Tasa-arvon",
        f"tilanne{HYPHEN}",
        "kartoitus",
    ]
    assert fit("Tasa-arvon tilannekartoitus", 60, 2, measure) is None
    assert fit("Yhdenvertaisuussuunnitelman arviointi", 40, 9, measure) is None  # broken twice


def test_letter_puts_the_whole_text_where_it_fits_or_shortens_it() -> None:
    font = _Chars()
    roomy = (60.0, 90.0, 150.0, 280.0)
    whole = letter("Turvataidot", roomy, 3, [(12.0, font)])
    assert whole is not None and whole.whole and whole.lines == ("Turvataidot",)
    long = "Kiusaamisen ehkäisyn ja siihen puuttumisen toimintamalli " * 3
    cramped = (60.0, 90.0, 250.0, 272.0)
    short = letter(long, cramped, 3, [(12.0, font)])
    assert short is not None and not short.whole and short.lines[-1].endswith("\u2026")
    assert letter(long, (60.0, 61.0, 250.0, 256.0), 3, [(12.0, font)]) is None
    assert point(90, 10) == pytest.approx((10, 0))


@pytest.mark.parametrize("slots", [15, 40, 80])
def test_a_crowded_month_never_turns_a_piece_inside_out(slots: int) -> None:
    for slot in range(slots):
        start, end, inner, outer = theme_piece(9, slot, slots, 24, 90, 3)
        assert start < end and 0 < inner < outer
