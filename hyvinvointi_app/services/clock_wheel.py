"""The annual clock as a wheel: what the screen's wheel and the printed poster both draw.

Twelve sectors from August (at twelve o'clock) clockwise to July, each holding its month's
themes in order from the rim inwards, each theme numbered in the period's order (the
poster's legend uses the numbers) and coloured by its plan type; the period's meetings on
the rim at their dates; today's month marked. Angles are in degrees clockwise from twelve
o'clock. Nothing here knows Qt or ReportLab: the screen and the paper draw the same wheel.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from hyvinvointi_app.domain.enums import MeetingStatus, PlanType
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.services import annual_clock, meetings, periods
from hyvinvointi_app.services.annual_clock import PERIOD_MONTHS, ThemeView, period_month_index
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.services.unit import UnitInfo, get_unit
from hyvinvointi_app.store.database import Database

SECTOR_DEGREES = 360 / len(PERIOD_MONTHS)

NO_PLAN = "none"
"""The colour key of a theme that evaluates no plan."""

KIND_COLOURS: dict[str, str] = {
    PlanType.ACTION_PLAN.value: "#0072B2",
    PlanType.ANTI_BULLYING.value: "#D55E00",
    PlanType.CHILD_PROTECTION.value: "#CC79A7",
    PlanType.GENDER_EQUALITY.value: "#E69F00",
    PlanType.NON_DISCRIMINATION.value: "#009E73",
    PlanType.SAFETY_RESCUE.value: "#56B4E9",
    PlanType.GENERAL_SUPPORT.value: "#C9B800",
    PlanType.CUSTOM.value: "#7B4FA0",
    NO_PLAN: "#7F7F7F",
}
"""A theme's colour by the plan type it evaluates: the Okabe–Ito colours, told apart with
the common kinds of colour blindness too; every colour is also named in the legend."""


@dataclass(frozen=True, slots=True)
class WheelTheme:
    theme: ThemeView
    number: int
    """1… in the period's order, August's first: the poster's legend numbers themes so."""
    slot: int
    """0 for the month's first theme (at the rim), 1 for the next one inwards…"""
    slots: int
    """How many themes the month has."""

    @property
    def kind(self) -> str:
        """The colour key: the plan type's value, or :data:`NO_PLAN`."""
        return self.theme.plan_type.value if self.theme.plan_type else NO_PLAN


@dataclass(frozen=True, slots=True)
class WheelMeeting:
    id: int
    number: int
    date: dt.date
    held: bool
    """Approved (its memo is final), or its day has passed."""
    angle: float


@dataclass(frozen=True, slots=True)
class Wheel:
    themes: tuple[WheelTheme, ...]
    meetings: tuple[WheelMeeting, ...] = ()
    current_month: int | None = None
    """Today's month when today is in the period shown (or no period is known)."""
    today_angle: float | None = None
    period_label: str = ""
    """The period's years as the wheel writes them: "2026–2027"."""

    def in_month(self, month: int) -> tuple[WheelTheme, ...]:
        return tuple(t for t in self.themes if t.theme.month == month)

    def meetings_in(self, month: int) -> tuple[WheelMeeting, ...]:
        return tuple(m for m in self.meetings if m.date.month == month)

    def kinds(self) -> tuple[str, ...]:
        """The colour keys the wheel uses, in the legend's order."""
        used = {t.kind for t in self.themes}
        return tuple(kind for kind in KIND_COLOURS if kind in used)


def sector(month: int) -> tuple[float, float]:
    """The angles where a month's sector begins and ends."""
    start = period_month_index(month) * SECTOR_DEGREES
    return start, start + SECTOR_DEGREES


def date_angle(day: dt.date) -> float:
    """Where a date lies on the rim: in its month's sector, as far as the month has gone."""
    length = calendar.monthrange(day.year, day.month)[1]
    start, _end = sector(day.month)
    return start + SECTOR_DEGREES * (day.day - 0.5) / length


def point(angle: float, radius: float) -> tuple[float, float]:
    """The point at ``angle`` and ``radius`` from the centre, y growing downwards (as on a
    screen; paper flips it)."""
    radians = math.radians(angle)
    return radius * math.sin(radians), -radius * math.cos(radians)


def upright_rotation(angle: float) -> float:
    """How much to turn text written along the rim at ``angle`` so that it is never upside
    down: the lower half of the wheel is read from outside as the upper half from inside."""
    return angle - 180 if 90 < angle % 360 < 270 else angle


def text_frame(box: Box) -> tuple[float, float, float]:
    """How a box's lines are written: the turn (degrees clockwise, as on a screen) and the
    box's middle in the turned frame (x, and y growing downwards). Along the spoke a text
    reads outwards on the right half and inwards on the left; along the rim it is turned
    upright (:func:`upright_rotation`)."""
    if box.radial:
        right = box.angle % 360 < 180
        return (box.angle - 90, box.radius, 0.0) if right else (box.angle + 90, -box.radius, 0.0)
    turn = upright_rotation(box.angle)
    return turn, 0.0, (-box.radius if turn == box.angle else box.radius)


def years(label: str) -> str:
    """ "2026–2027": a period's years with an en dash, as a range of years is written."""
    return re.sub(r"^(\d{4})-(\d{4})$", "\\1\u2013\\2", label)


def layout(themes: Sequence[ThemeView]) -> tuple[WheelTheme, ...]:
    """Each theme in its month's sector, numbered in the period's order."""
    ordered = sorted(themes, key=lambda t: (period_month_index(t.month), t.position, t.id))
    counts = {month: sum(1 for t in ordered if t.month == month) for month in PERIOD_MONTHS}
    placed: list[WheelTheme] = []
    seen: dict[int, int] = {}
    for number, theme in enumerate(ordered, start=1):
        slot = seen.get(theme.month, 0)
        seen[theme.month] = slot + 1
        placed.append(WheelTheme(theme, number, slot, counts[theme.month]))
    return tuple(placed)


def build_wheel(
    db: Database,
    period: PeriodView | None,
    today: dt.date,
    themes: Sequence[ThemeView] | None = None,
) -> Wheel:
    """The clock's themes (``themes``, when the caller has just read them) and, with a period,
    its meetings; today marked when it falls in the period (always, without one)."""
    placed_themes = layout(annual_clock.list_themes(db) if themes is None else themes)
    if period is None:
        return Wheel(placed_themes, (), today.month, date_angle(today))
    rows = meetings.list_meetings(db, period.id)
    placed = tuple(
        WheelMeeting(
            m.id,
            m.number,
            m.date,
            m.status is MeetingStatus.APPROVED or m.date < today,
            date_angle(m.date),
        )
        for m in rows
    )
    inside = period.start_date <= today <= period.end_date
    return Wheel(
        placed_themes,
        placed,
        today.month if inside else None,
        date_angle(today) if inside else None,
        years(period.label),
    )


# -- fitting a theme's text into its place -----------------------------------------------------

HYPHEN = "\u2010"
VOWELS = frozenset("aeiouyäöåAEIOUYÄÖÅ")


class Measure(Protocol):
    """A font at one size, as the screen or the paper measures it."""

    line: float
    """The distance from one line to the next."""

    def width(self, text: str) -> float: ...

    def elide(self, text: str, width: float) -> str:
        """``text`` cut to ``width`` with an ellipsis."""
        ...


def _breaks(word: str) -> list[int]:
    """Where a long word may be broken, shortest first: before a consonant that a vowel
    follows (Finnish syllables: kiu-saa-mi-sen; fair for Swedish too), but not inside "ng"
    (undervis-ningen), and after a hyphen of its own; never leaving fewer than two letters
    before the break or three after it (a tail of two reads as a mistake on the wall)."""
    points = []
    for index in range(2, len(word) - 2):
        after_hyphen = word[index - 1] == "-"
        syllable = (
            word[index].isalpha()
            and word[index] not in VOWELS
            and word[index + 1] in VOWELS
            and any(c in VOWELS for c in word[:index])
            and word[index - 1 : index + 1].casefold() != "ng"
        )
        if (after_hyphen or syllable) and sum(c.isalpha() for c in word[index:]) >= 3:
            points.append(index)
    return points


def _split(word: str, width: float, measure: Callable[[str], float]) -> tuple[str, str]:
    """The longest head of ``word`` that fits ``width`` (with a hyphen where the word has
    none), broken between syllables where it can be, and the rest."""
    fitting = [
        i
        for i in _breaks(word)
        if measure(word[:i] + ("" if word[i - 1] == "-" else HYPHEN)) <= width
    ]
    if fitting:
        cut = fitting[-1]
    else:  # no syllable fits: as many letters as fit
        low, high = 1, len(word) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if measure(word[:middle] + HYPHEN) <= width:
                low = middle
            else:
                high = middle - 1
        cut = low
    head = word[:cut]
    return (head if head.endswith("-") else head + HYPHEN), word[cut:]


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` in lines of at most ``width`` as ``measure`` measures them, broken between
    words; a word longer than a line is broken between its syllables, with a hyphen."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while len(word) > 3 and measure(word) > width:
            head, word = _split(word, width, measure)
            lines.append(head)
        line = word
    if line:
        lines.append(line)
    return lines


def broken_words(lines: Sequence[str]) -> int:
    return sum(line.endswith((HYPHEN, "-")) for line in lines[:-1])


def fit(
    text: str, width: float, max_lines: int, measure: Callable[[str], float]
) -> list[str] | None:
    """The lines of ``text`` when it fits whole in ``max_lines`` lines of ``width``, with at
    most one word broken (more makes the text hard to read); None when it does not."""
    if max_lines < 1 or width <= 0:
        return None
    lines = wrap(text, width, measure)
    if len(lines) > max_lines or broken_words(lines) > 1:
        return None
    if any(measure(line) > width for line in lines):
        return None
    return lines


MIN_LETTERS = 6
"""The fewest letters a shortened title shows; fewer tell nothing."""


def shortened(text: str, width: float, max_lines: int, font: Measure) -> list[str]:
    """As many lines of ``text`` as there is room for, broken between words only, a line too
    long (and the last, when the text goes on) ended with an ellipsis; nothing when the first
    line would show less than a few letters (a number says more then)."""
    if max_lines < 1 or width <= 0:
        return []
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.width(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    lines = [font.elide(line, width) for line in lines]
    if len(lines[0].rstrip("\u2026.")) < MIN_LETTERS:
        return []
    return lines


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle centred on ``angle`` at ``radius`` (its middle), ``width`` along its
    text and ``height`` across it; written along the rim, or along the spoke (``radial``)."""

    angle: float
    radius: float
    width: float
    height: float
    radial: bool = False


def theme_piece(
    month: int, slot: int, slots: int, inner: float, outer: float, gap: float
) -> tuple[float, float, float, float]:
    """A theme's piece of its month's sector (start and end angle, inner and outer radius):
    the ``slot``-th of ``slots`` bands of equal depth from the rim inwards, ``gap`` apart."""
    start, end = sector(month)
    band = (outer - inner) / slots
    piece_outer = outer - slot * band
    piece_inner = min(piece_outer - band + gap, piece_outer - 0.5)  # never turned inside out
    angular_gap = math.degrees(gap / 2 / max(piece_inner, 1.0))
    return (start + angular_gap, end - angular_gap, piece_inner, piece_outer)


def along_rim(piece: tuple[float, float, float, float], margin: float) -> Box:
    """The roomiest box along the rim, centred in the piece's angle, that stays ``margin``
    inside it. Its inner corners bound its width by the sector's sides; its outer corners
    must stay inside the outer arc, so a wider box is a shallower one: of a few widths, the
    one with the largest area is taken."""
    start, end, inner, outer = piece
    half = math.radians(end - start) / 2
    near = inner + margin
    far = outer - margin
    widest = 2 * max(0.0, near * math.tan(half) - margin / math.cos(half))
    best = Box((start + end) / 2, (near + far) / 2, 0.0, 0.0)
    for share in (1.0, 0.92, 0.84, 0.76, 0.68, 0.6):
        width = widest * share
        top = math.sqrt(max(0.0, far**2 - (width / 2) ** 2))
        height = top - near
        if height > 0 and width * height > best.width * best.height:
            best = Box((start + end) / 2, (near + top) / 2, width, height)
    return best


def along_spoke(piece: tuple[float, float, float, float], margin: float) -> Box:
    """The box along the spoke through the piece's middle: as long as the piece is deep, as
    wide as the sector is at its inner end (a deep, narrow piece reads better so)."""
    start, end, inner, outer = piece
    half = math.radians(end - start) / 2
    near = inner + margin
    height = 2 * max(0.0, near * math.tan(half) - margin / math.cos(half))
    far = math.sqrt(max(0.0, (outer - margin) ** 2 - (height / 2) ** 2))
    return Box((start + end) / 2, (near + far) / 2, max(0.0, far - near), height, radial=True)


@dataclass(frozen=True, slots=True)
class Lettering:
    """A theme's text placed: the box, the font size, the lines, and whether they are the
    whole text."""

    box: Box
    size: float
    lines: tuple[str, ...]
    whole: bool


def letter(
    text: str,
    piece: tuple[float, float, float, float],
    margin: float,
    fonts: Sequence[tuple[float, Measure]],
) -> Lettering | None:
    """Where and how ``text`` is written in its piece: whole in the largest of ``fonts``
    (largest first) that lets it fit, along the rim or along the spoke; else in the smallest,
    shortened, in the box that shows more of it; None when not even a line fits."""
    boxes = (along_rim(piece, margin), along_spoke(piece, margin))
    for size, font in fonts:
        for box in boxes:
            lines = fit(text, box.width, int(box.height // font.line), font.width)
            if lines:
                return Lettering(box, size, tuple(lines), True)
    size, font = fonts[-1]
    best: Lettering | None = None
    for box in boxes:
        lines = shortened(text, box.width, int(box.height // font.line), font)
        shown = sum(len(line) for line in lines)
        if lines and (best is None or shown > sum(len(line) for line in best.lines)):
            best = Lettering(box, size, tuple(lines), False)
    return best


@dataclass(frozen=True, slots=True)
class PosterData:
    """What the printed clock shows: the unit, the period and its wheel."""

    unit: UnitInfo
    period: PeriodView
    wheel: Wheel


def poster_data(db: Database, period_id: int, today: dt.date) -> PosterData:
    """The clock of the unit with the meetings of one operating period."""
    period = next((p for p in periods.list_periods(db) if p.id == period_id), None)
    if period is None:
        raise NotFound("period", period_id)
    return PosterData(get_unit(db), period, build_wheel(db, period, today))
