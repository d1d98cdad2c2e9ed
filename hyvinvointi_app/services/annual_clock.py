"""The unit's annual clock (vuosikello): themes by month, each maybe evaluating a plan type and
naming the partners it is handled with (yhteistyötahot / samarbetsparter).

The clock follows the operating period, so lists run August to July. Positions number the
themes of one month from 1 without gaps; every change renumbers the month it touched.
A clock can be shared as a small JSON file in one language; such a file comes from
outside, so :func:`parse_clock_file` checks all of it before anything is written. The file's
version 2 carries the partners; a version-1 file (no partners) still imports.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import Language, PlanType, Role, ThemeHandling
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.collation import sorted_by_name
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.resources import load_json_resource
from hyvinvointi_app.services.change import Change, done
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import ClockTheme, OperatingPeriod, ThemeMark, Unit

CLOCK_FORMAT = "hyvinvointi-annual-clock"
CLOCK_VERSION = 2
"""Version 2 added each theme's partners; version 1 files are still read."""
MAX_TITLE_LENGTH = 500
MAX_PARTNER_LENGTH = 100
MAX_PARTNERS = 20
"""Partners of one theme: a theme handled with more is a theme of the whole municipality."""
MAX_THEMES = 500
MAX_FILE_BYTES = 2_000_000
"""Far above 500 themes of 500 characters even with every character escaped."""

PERIOD_MONTHS: tuple[int, ...] = (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7)
"""The months of a default operating period in order (1.8.–31.7.)."""

FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs"})
"""Control characters and lone surrogates: the latter cannot even be stored as UTF-8."""


@dataclass(frozen=True, slots=True)
class Partner:
    """Who a theme is handled with: a role of the group's members (the health nurse, say), or
    a partner named in a short free text (the rescue department, the library)."""

    role: Role | None = None
    name: str = ""

    def as_data(self) -> dict[str, str]:
        """The partner as the database and the clock file keep it."""
        return {"role": self.role.value} if self.role is not None else {"name": self.name}


@dataclass(frozen=True, slots=True)
class ThemeView:
    id: int
    month: int
    position: int
    title: str
    plan_type: PlanType | None
    package_item: str | None = None
    """Where the theme came from, when a municipal package brought it."""
    partners: tuple[Partner, ...] = ()


@dataclass(frozen=True, slots=True)
class ClockEntry:
    """A theme as a clock file carries it: no id, and its order within the month implied."""

    month: int
    title: str
    plan_type: PlanType | None = None
    partners: tuple[Partner, ...] = ()


@dataclass(frozen=True, slots=True)
class ClockFile:
    """A validated clock file in one language."""

    language: Language
    themes: tuple[ClockEntry, ...]


def period_month_index(month: int) -> int:
    """0 for August … 11 for July: the place of a month in the operating period."""
    return (month - PERIOD_MONTHS[0]) % 12


def theme_view(theme: ClockTheme) -> ThemeView:
    return ThemeView(
        theme.id,
        theme.month,
        theme.position,
        theme.title,
        theme.plan_type,
        theme.package_item,
        stored_partners(theme.partners),
    )


def stored_partners(data: Iterable[Mapping[str, str]] | None) -> tuple[Partner, ...]:
    """The partners as the database keeps them (checked when they were written)."""
    return tuple(
        Partner(role=Role(item["role"])) if "role" in item else Partner(name=item["name"])
        for item in data or ()
    )


def partners_data(partners: Iterable[Partner]) -> list[dict[str, str]]:
    return [partner.as_data() for partner in partners]


def _check_month(month: object, field: str = "month") -> int:
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError(field, "invalid_month")
    return month


def _check_line(value: object, field: str, limit: int, *, one_space: bool = False) -> str:
    """A line of text stripped (with ``one_space``, every run of spaces made one), not
    empty, at most ``limit`` characters, without control characters."""
    if value is None:
        raise ValidationError(field, "required")
    if not isinstance(value, str):
        raise ValidationError(field, "not_text")
    text = " ".join(value.split()) if one_space else value.strip()
    if not text:
        raise ValidationError(field, "required")
    if len(text) > limit:
        raise ValidationError(field, "too_long")
    if any(unicodedata.category(char) in FORBIDDEN_CATEGORIES for char in text):
        raise ValidationError(field, "invalid_characters")
    return text


def _check_title(title: object, field: str = "title") -> str:
    return _check_line(title, field, MAX_TITLE_LENGTH)


def _check_plan_type(value: object, field: str = "plan_type") -> PlanType | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "unknown_plan_type")
    try:
        return PlanType(value)
    except ValueError as error:
        raise ValidationError(field, "unknown_plan_type") from error


def _check_partner(value: object, field: str) -> Partner:
    """A partner as a :class:`Partner` or as a file writes it (``{"role": …}`` or
    ``{"name": …}``, exactly one of them)."""
    if isinstance(value, Partner):
        role: object = value.role.value if value.role is not None else None
        name: object = None if value.role is not None else value.name
    elif isinstance(value, Mapping) and len(value) == 1 and {"role", "name"} & set(value):
        role, name = value.get("role"), value.get("name")
    else:
        raise ValidationError(field, "not_an_object")
    if role is not None:
        if not isinstance(role, str) or role not in {r.value for r in Role}:
            raise ValidationError(f"{field}.role", "unknown_role")
        return Partner(role=Role(role))
    return Partner(name=_check_line(name, f"{field}.name", MAX_PARTNER_LENGTH, one_space=True))


def partner_key(partner: Partner) -> object:
    """What makes two partners one: the same role, or names alike whatever their case."""
    return partner.role if partner.role is not None else partner.name.casefold()


def check_partners(value: object, field: str = "partners") -> tuple[Partner, ...]:
    """The partners in the order given, each once (a name once whatever its case)."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ValidationError(field, "not_a_list")
    items = list(value)
    if len(items) > MAX_PARTNERS:
        raise ValidationError(field, "too_many")
    checked: list[Partner] = []
    seen: set[object] = set()
    for index, item in enumerate(items):
        partner = _check_partner(item, f"{field}.{index}")
        key = partner_key(partner)
        if key not in seen:
            seen.add(key)
            checked.append(partner)
    return tuple(checked)


def _month_themes(session: Session, month: int) -> list[ClockTheme]:
    return list(
        session.scalars(
            select(ClockTheme)
            .where(ClockTheme.month == month)
            .order_by(ClockTheme.position, ClockTheme.id)
        )
    )


def _renumber(themes: Iterable[ClockTheme]) -> None:
    for position, theme in enumerate(themes, start=1):
        theme.position = position


def _theme(session: Session, theme_id: int) -> ClockTheme:
    theme = session.get(ClockTheme, theme_id)
    if theme is None:
        raise NotFound("clock theme", theme_id)
    return theme


def _insert(ordered: list[ClockTheme], theme: ClockTheme, position: int | None) -> None:
    """Put ``theme`` at a 1-based position (clamped; None = last) and renumber the month."""
    index = len(ordered) if position is None else max(0, min(position - 1, len(ordered)))
    ordered.insert(index, theme)
    _renumber(ordered)


def list_themes(db: Database) -> list[ThemeView]:
    """The whole clock in period order: August first, then by position within the month."""
    with db.reading() as session:
        themes = session.scalars(select(ClockTheme)).all()
        ordered = sorted(themes, key=lambda t: (period_month_index(t.month), t.position, t.id))
        return [theme_view(t) for t in ordered]


def themes_in_month(db: Database, month: int) -> list[ThemeView]:
    month = _check_month(month)
    with db.reading() as session:
        return [theme_view(t) for t in _month_themes(session, month)]


def partner_names(db: Database) -> list[str]:
    """The partners named in free text on any theme of the clock, each once, in the
    alphabet's order: the list a unit picks from again for its next theme."""
    with db.reading() as session:
        stored = session.scalars(select(ClockTheme.partners)).all()
    names: dict[str, str] = {}
    for data in stored:
        for partner in stored_partners(data):
            if partner.role is None:
                names.setdefault(partner.name.casefold(), partner.name)
    return sorted_by_name(names.values())


def add_theme(
    db: Database,
    month: int,
    title: str,
    plan_type: PlanType | None = None,
    *,
    position: int | None = None,
    partners: Sequence[Partner] = (),
) -> ThemeView:
    """Add a theme to a month, last unless a 1-based ``position`` is given."""
    month = _check_month(month)
    title = _check_title(title)
    checked_type = _check_plan_type(plan_type)
    checked_partners = check_partners(partners)
    with db.transaction() as session:
        if (session.scalar(select(func.count(ClockTheme.id))) or 0) >= MAX_THEMES:
            raise ValidationError("themes", "too_many")
        ordered = _month_themes(session, month)
        theme = ClockTheme(
            month=month,
            title=title,
            plan_type=checked_type,
            partners=partners_data(checked_partners),
        )
        _insert(ordered, theme, position)
        session.add(theme)
        session.flush()
        return theme_view(theme)


def edit_theme(
    db: Database,
    theme_id: int,
    title: str,
    plan_type: PlanType | None = None,
    *,
    month: int | None = None,
    position: int | None = None,
    partners: Sequence[Partner] | None = None,
) -> ThemeView:
    """Change a theme's text and plan (and its partners, unless ``partners`` is None); with
    ``month`` or ``position``, also place it anew (last in another month unless
    ``position``), all in one transaction, so that an edit that moves a theme is one change
    and its undo puts everything back at once."""
    title = _check_title(title)
    checked_type = _check_plan_type(plan_type)
    checked_partners = None if partners is None else check_partners(partners)
    target_month = None if month is None else _check_month(month)
    with db.transaction() as session:
        theme = _theme(session, theme_id)
        theme.title = title
        theme.plan_type = checked_type
        if checked_partners is not None:
            theme.partners = partners_data(checked_partners)
        if position is not None or (target_month is not None and target_month != theme.month):
            place_in(
                session, theme, theme.month if target_month is None else target_month, position
            )
        return theme_view(theme)


def place_in(session: Session, theme: ClockTheme, month: int, position: int | None) -> None:
    """Put an existing theme at ``position`` of ``month`` and renumber both months."""
    old_month = theme.month
    ordered = [t for t in _month_themes(session, month) if t.id != theme.id]
    theme.month = month
    _insert(ordered, theme, position)
    if old_month != month:
        _renumber(t for t in _month_themes(session, old_month) if t.id != theme.id)


def move_theme(db: Database, theme_id: int, month: int, position: int | None = None) -> ThemeView:
    """Move a theme within its month or to another month (last there unless ``position``)."""
    month = _check_month(month)
    with db.transaction() as session:
        theme = _theme(session, theme_id)
        place_in(session, theme, month, position)
        return theme_view(theme)


def step_place(themes: Sequence[ThemeView], theme_id: int, step: int) -> tuple[int, int] | None:
    """Where a theme goes one place earlier (``step`` -1) or later (+1) in the period.

    Within its month it swaps with its neighbour; at the month's edge it crosses into the
    neighbouring month (last there going up, first going down). None at the period's ends.
    ``themes`` is the clock as :func:`list_themes` gives it; the answer is ``(month, position)``
    for :func:`move_theme`.
    """
    theme = next((t for t in themes if t.id == theme_id), None)
    if theme is None or step not in (-1, 1):
        return None
    in_month = sum(1 for t in themes if t.month == theme.month)
    position = theme.position + step
    if 1 <= position <= in_month:
        return theme.month, position
    index = period_month_index(theme.month) + step
    if not 0 <= index < len(PERIOD_MONTHS):
        return None
    month = PERIOD_MONTHS[index]
    if step < 0:
        return month, sum(1 for t in themes if t.month == month) + 1
    return month, 1


def month_step_place(
    themes: Sequence[ThemeView], theme_id: int, step: int
) -> tuple[int, int] | None:
    """Where a theme goes in the previous (``step`` -1) or next (+1) month of the period: last
    there. None at the period's ends."""
    theme = next((t for t in themes if t.id == theme_id), None)
    if theme is None or step not in (-1, 1):
        return None
    index = period_month_index(theme.month) + step
    if not 0 <= index < len(PERIOD_MONTHS):
        return None
    month = PERIOD_MONTHS[index]
    return month, sum(1 for t in themes if t.month == month) + 1


def remove_in(session: Session, theme: ClockTheme) -> None:
    """Remove a theme (its marks go with it) and renumber its month."""
    session.delete(theme)
    session.flush()
    _renumber(_month_themes(session, theme.month))


def reorder_in(session: Session, month: int, key: Callable[[ClockTheme], tuple[int, int]]) -> None:
    """Order a month's themes by ``key`` and renumber them."""
    _renumber(sorted(_month_themes(session, month), key=key))


def remove_theme(db: Database, theme_id: int) -> None:
    with db.transaction() as session:
        remove_in(session, _theme(session, theme_id))


def restore_theme(db: Database, view: ThemeView, marks: Sequence[ThemeMarkView] = ()) -> ThemeView:
    """Put a removed theme back with its old id and at its old position (undo of a removal,
    redo of an addition), so that older undo steps still find it by its id; with ``marks``,
    the periods' marks that went with it come back in the same transaction."""
    month = _check_month(view.month)
    title = _check_title(view.title)
    checked_type = _check_plan_type(view.plan_type)
    checked_partners = check_partners(view.partners)
    with db.transaction() as session:
        if session.get(ClockTheme, view.id) is not None:
            raise ValidationError("theme", "already_exists")
        if (session.scalar(select(func.count(ClockTheme.id))) or 0) >= MAX_THEMES:
            raise ValidationError("themes", "too_many")
        ordered = _month_themes(session, month)
        theme = ClockTheme(
            id=view.id,
            month=month,
            title=title,
            plan_type=checked_type,
            package_item=view.package_item,
            partners=partners_data(checked_partners),
        )
        _insert(ordered, theme, view.position)
        session.add(theme)
        session.flush()
        _add_marks(session, marks, {theme.id})
        return theme_view(theme)


def replace_all_themes(
    db: Database, views: Sequence[ThemeView], marks: Sequence[ThemeMarkView] = ()
) -> list[ThemeView]:
    """Make the clock exactly ``views``, ids included, with exactly ``marks`` (undo and redo
    of an import or of starting from the default clock: the marks the replaced themes took
    with them come back with them). Everything is checked before anything is written."""
    if len(views) > MAX_THEMES:
        raise ValidationError("themes", "too_many")
    if len({view.id for view in views}) != len(views):
        raise ValidationError("themes", "duplicate_id")
    with db.transaction() as session:
        replace_clock_in(session, views, marks)
    return list_themes(db)


def replace_clock_in(
    session: Session, views: Sequence[ThemeView], marks: Sequence[ThemeMarkView]
) -> None:
    """:func:`replace_all_themes` inside a transaction that may change more."""
    checked = [
        ThemeView(
            view.id,
            _check_month(view.month),
            view.position,
            _check_title(view.title),
            _check_plan_type(view.plan_type),
            view.package_item,
            check_partners(view.partners),
        )
        for view in views
    ]
    ordered = sorted(checked, key=lambda v: (v.month, v.position))
    session.execute(delete(ClockTheme))
    positions: dict[int, int] = {}
    for view in ordered:
        positions[view.month] = positions.get(view.month, 0) + 1
        session.add(
            ClockTheme(
                id=view.id,
                month=view.month,
                position=positions[view.month],
                title=view.title,
                plan_type=view.plan_type,
                package_item=view.package_item,
                partners=partners_data(view.partners),
            )
        )
    session.flush()
    _add_marks(session, marks, {view.id for view in ordered})


def _add_marks(session: Session, marks: Iterable[ThemeMarkView], theme_ids: set[int]) -> None:
    for mark in marks:
        if mark.theme_id in theme_ids:
            session.add(
                ThemeMark(
                    theme_id=mark.theme_id,
                    period_id=mark.period_id,
                    handling=_check_handling(mark.handling),
                    note=_check_note(mark.note),
                )
            )


def _write_entries(session: Session, entries: Iterable[ClockEntry], *, replace: bool) -> None:
    """Write entries in the given order, after any themes a month already has."""
    if replace:
        session.execute(delete(ClockTheme))
    counts = {
        month: position or 0
        for month, position in session.execute(
            select(ClockTheme.month, func.max(ClockTheme.position)).group_by(ClockTheme.month)
        )
    }
    for entry in entries:
        counts[entry.month] = counts.get(entry.month, 0) + 1
        session.add(
            ClockTheme(
                month=entry.month,
                position=counts[entry.month],
                title=entry.title,
                plan_type=entry.plan_type,
                partners=partners_data(entry.partners),
            )
        )


def _sorted_entries(entries: Iterable[ClockEntry]) -> list[ClockEntry]:
    """Period order; the sort is stable, so the file's order within a month is kept."""
    return sorted(entries, key=lambda e: period_month_index(e.month))


def default_clock(language: str) -> ClockFile:
    """The shipped default clock (resources/annual_clock.json) in one language: partners
    that are not roles are written there in both languages."""
    chosen = Language.SWEDISH if language == Language.SWEDISH else Language.FINNISH

    def text(texts: Mapping[str, str]) -> str:
        return str(texts.get(chosen.value) or texts["fi"])

    data = load_json_resource("annual_clock.json")
    themes = tuple(
        ClockEntry(
            int(item["month"]),
            text(item["title"]),
            PlanType(item["plan_type"]) if item.get("plan_type") else None,
            tuple(
                Partner(role=Role(p["role"])) if "role" in p else Partner(name=text(p["name"]))
                for p in item.get("partners", ())
            ),
        )
        for item in data["themes"]
    )
    return ClockFile(chosen, themes)


def load_default_clock(db: Database, language: str) -> list[ThemeView]:
    """Fill an empty clock with the default themes; refuses to mix into an edited clock."""
    clock = default_clock(language)
    with db.transaction() as session:
        if session.scalar(select(func.count(ClockTheme.id))):
            raise ValidationError("clock", "not_empty")
        _write_entries(session, _sorted_entries(clock.themes), replace=False)
    return list_themes(db)


def _unit_language(db: Database) -> Language:
    with db.reading() as session:
        language = session.scalar(select(Unit.working_language))
    return language or Language.FINNISH


def export_clock(db: Database, *, language: str | None = None) -> dict[str, Any]:
    """The clock as a shareable file; the language defaults to the unit's working language.

    Titles are exported as stored: the language field says in which language the unit
    wrote them, so that a receiving unit can tell.
    """
    chosen = Language(language) if language else _unit_language(db)
    return {
        "format": CLOCK_FORMAT,
        "version": CLOCK_VERSION,
        "language": chosen.value,
        "themes": [
            {
                "month": theme.month,
                "title": theme.title,
                "plan_type": theme.plan_type.value if theme.plan_type else None,
                "partners": partners_data(theme.partners),
            }
            for theme in list_themes(db)
        ],
    }


def validate_clock_data(data: object) -> ClockFile:
    """Check a decoded clock file whole; raise :class:`ValidationError` at the first fault."""
    if not isinstance(data, Mapping):
        raise ValidationError("file", "not_an_object")
    if data.get("format") != CLOCK_FORMAT:
        raise ValidationError("format", "wrong_format")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ValidationError("version", "invalid_version")
    if version > CLOCK_VERSION:
        raise ValidationError("version", "too_new")
    if version < 1:
        raise ValidationError("version", "invalid_version")
    language = data.get("language")
    # A list or an object here is unhashable: check the type before the set lookup
    # (found by tests/fuzz).
    if not isinstance(language, str) or language not in {member.value for member in Language}:
        raise ValidationError("language", "unknown_language")
    themes = data.get("themes")
    if not isinstance(themes, list):
        raise ValidationError("themes", "not_a_list")
    if len(themes) > MAX_THEMES:
        raise ValidationError("themes", "too_many")
    entries: list[ClockEntry] = []
    for index, item in enumerate(themes):
        where = f"themes.{index}"
        if not isinstance(item, Mapping):
            raise ValidationError(where, "not_an_object")
        entries.append(
            ClockEntry(
                _check_month(item.get("month"), f"{where}.month"),
                _check_title(item.get("title"), f"{where}.title"),
                _check_plan_type(item.get("plan_type"), f"{where}.plan_type"),
                # version 1 had no partners: such a file's themes come without
                check_partners(item.get("partners"), f"{where}.partners") if version >= 2 else (),
            )
        )
    return ClockFile(Language(str(language)), tuple(entries))


def parse_clock_file(raw: bytes) -> ClockFile:
    """Read a clock file's bytes; anything wrong is a :class:`ValidationError`, never a crash."""
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError("file", "too_large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError("file", "not_utf8") from error
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:  # also too deep or too long numbers
        raise ValidationError("file", "not_json") from error
    return validate_clock_data(data)


def import_clock(
    db: Database, data: Mapping[str, Any] | ClockFile, replace: bool = True
) -> list[ThemeView]:
    """Replace the clock with a file's themes (or add them after each month's own).

    The whole file is checked first and written in one transaction, so an invalid file
    changes nothing.
    """
    clock = data if isinstance(data, ClockFile) else validate_clock_data(data)
    entries = _sorted_entries(clock.themes)
    with db.transaction() as session:
        existing = 0 if replace else session.scalar(select(func.count(ClockTheme.id))) or 0
        if existing + len(entries) > MAX_THEMES:
            raise ValidationError("themes", "too_many")
        _write_entries(session, entries, replace=replace)
    return list_themes(db)


# -- how a theme was dealt with in a period ----------------------------------------------------

MAX_MARK_NOTE_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class ThemeMarkView:
    """The director's mark on a theme for one operating period: handled elsewhere, moved to
    the next meeting or not handled, with an optional note. A theme on the agenda of a held
    meeting needs no mark: the meeting tells it."""

    theme_id: int
    period_id: int
    handling: ThemeHandling
    note: str = ""


def mark_view(mark: ThemeMark) -> ThemeMarkView:
    return ThemeMarkView(mark.theme_id, mark.period_id, mark.handling, mark.note or "")


def _check_handling(value: object) -> ThemeHandling:
    if not isinstance(value, str):
        raise ValidationError("handling", "unknown_value")
    try:
        return ThemeHandling(value)
    except ValueError as error:
        raise ValidationError("handling", "unknown_value") from error


def _check_note(note: object) -> str:
    if not isinstance(note, str):
        raise ValidationError("note", "not_text")
    note = note.strip()
    if len(note) > MAX_MARK_NOTE_LENGTH:
        raise ValidationError("note", "too_long")
    return note


def _mark(session: Session, theme_id: int, period_id: int) -> ThemeMark | None:
    return session.scalar(
        select(ThemeMark).where(ThemeMark.theme_id == theme_id, ThemeMark.period_id == period_id)
    )


def theme_mark(db: Database, theme_id: int, period_id: int) -> ThemeMarkView | None:
    with db.reading() as session:
        mark = _mark(session, theme_id, period_id)
        return None if mark is None else mark_view(mark)


def set_theme_mark(
    db: Database, theme_id: int, period_id: int, handling: ThemeHandling, note: str = ""
) -> ThemeMarkView:
    """Mark how a theme was dealt with in a period (one mark per theme and period: a new one
    replaces the old)."""
    checked = _check_handling(handling)
    checked_note = _check_note(note)
    with db.transaction() as session:
        _theme(session, theme_id)
        if session.get(OperatingPeriod, period_id) is None:
            raise NotFound("period", period_id)
        mark = _mark(session, theme_id, period_id)
        if mark is None:
            mark = ThemeMark(theme_id=theme_id, period_id=period_id)
            session.add(mark)
        mark.handling = checked
        mark.note = checked_note
        session.flush()
        return mark_view(mark)


def clear_theme_mark(db: Database, theme_id: int, period_id: int) -> ThemeMarkView | None:
    """Take a theme's mark of a period away; returns what it was (None: there was none)."""
    with db.transaction() as session:
        mark = _mark(session, theme_id, period_id)
        if mark is None:
            return None
        view = mark_view(mark)
        session.delete(mark)
        return view


def put_theme_mark(db: Database, theme_id: int, period_id: int, mark: ThemeMarkView | None) -> None:
    """Make a theme's mark of a period exactly ``mark`` (None: no mark): the undo and redo of
    marking and clearing."""
    if mark is None:
        clear_theme_mark(db, theme_id, period_id)
    else:
        set_theme_mark(db, theme_id, period_id, mark.handling, mark.note)


def list_theme_marks(db: Database, period_id: int) -> tuple[ThemeMarkView, ...]:
    """The marks of one period, in the clock's order (August first)."""
    with db.reading() as session:
        rows = session.execute(
            select(ThemeMark, ClockTheme.month, ClockTheme.position)
            .join(ClockTheme, ClockTheme.id == ThemeMark.theme_id)
            .where(ThemeMark.period_id == period_id)
        ).all()
        ordered = sorted(rows, key=lambda r: (period_month_index(r[1]), r[2], r[0].theme_id))
        return tuple(mark_view(row[0]) for row in ordered)


def all_theme_marks(db: Database) -> tuple[ThemeMarkView, ...]:
    """Every mark of every period: what replacing the whole clock takes with it."""
    with db.reading() as session:
        marks = session.scalars(select(ThemeMark).order_by(ThemeMark.id))
        return tuple(mark_view(m) for m in marks)


def marks_of_theme(db: Database, theme_id: int) -> tuple[ThemeMarkView, ...]:
    """Every period's mark of one theme: what removing the theme takes with it, and its undo
    puts back."""
    with db.reading() as session:
        marks = session.scalars(
            select(ThemeMark).where(ThemeMark.theme_id == theme_id).order_by(ThemeMark.period_id)
        )
        return tuple(mark_view(m) for m in marks)


# -- the user's actions, each one undo step -------------------------------------------------


def add_theme_undoably(
    db: Database,
    month: int,
    title: str,
    plan_type: PlanType | None,
    partners: Sequence[Partner] = (),
) -> Change[ThemeView]:
    added = add_theme(db, month, title, plan_type, partners=partners)
    return Change(
        N_("add theme"),
        added,
        undo=lambda: remove_theme(db, added.id),
        redo=lambda: restore_theme(db, added),
    )


def _put(db: Database, view: ThemeView) -> ThemeView:
    return edit_theme(
        db,
        view.id,
        view.title,
        view.plan_type,
        month=view.month,
        position=view.position,
        partners=view.partners,
    )


def edit_theme_undoably(
    db: Database,
    theme_id: int,
    title: str,
    plan_type: PlanType | None,
    month: int,
    partners: Sequence[Partner] | None = None,
) -> Change[ThemeView]:
    """Edit a theme as :func:`edit_theme` (its partners unchanged when ``partners`` is None)."""
    before = next(t for t in list_themes(db) if t.id == theme_id)
    after = edit_theme(db, theme_id, title, plan_type, month=month, partners=partners)
    if after == before:
        return Change.nothing(N_("edit theme"), after)
    return Change(
        N_("edit theme"), after, undo=lambda: _put(db, before), redo=lambda: _put(db, after)
    )


def move_theme_undoably(
    db: Database, theme_id: int, month: int, position: int
) -> Change[ThemeView]:
    before = next(t for t in list_themes(db) if t.id == theme_id)
    after = move_theme(db, theme_id, month, position)
    return Change(
        N_("move theme"),
        after,
        undo=lambda: move_theme(db, theme_id, before.month, before.position),
        redo=lambda: move_theme(db, theme_id, after.month, after.position),
    )


def remove_theme_undoably(db: Database, theme_id: int) -> Change[None]:
    """Remove a theme; the periods' marks go with it and come back with its undo."""
    theme = next(t for t in list_themes(db) if t.id == theme_id)
    marks = marks_of_theme(db, theme_id)
    return done(
        N_("remove theme"),
        lambda: remove_theme(db, theme_id),
        lambda: restore_theme(db, theme, marks),
    )


def _replaced(
    label: str, db: Database, replace: Callable[[], list[ThemeView]]
) -> Change[list[ThemeView]]:
    """A clock replaced whole: its undo brings back the themes and the periods' marks that
    went with them."""
    before, marks = list_themes(db), all_theme_marks(db)
    after = replace()
    return Change(
        label,
        after,
        undo=lambda: replace_all_themes(db, before, marks),
        redo=lambda: replace_all_themes(db, after),
    )


def load_default_clock_undoably(db: Database, language: str) -> Change[list[ThemeView]]:
    return _replaced(
        N_("start from the default clock"), db, lambda: load_default_clock(db, language)
    )


def import_clock_undoably(db: Database, clock: ClockFile) -> Change[list[ThemeView]]:
    return _replaced(N_("import annual clock"), db, lambda: import_clock(db, clock))


def mark_theme_undoably(
    db: Database, theme_id: int, period_id: int, handling: ThemeHandling | None, note: str = ""
) -> Change[ThemeMarkView | None]:
    """Mark how a theme was dealt with in a period (``handling`` None: clear the mark)."""
    before = theme_mark(db, theme_id, period_id)
    if handling is None:
        clear_theme_mark(db, theme_id, period_id)
        after = None
    else:
        after = set_theme_mark(db, theme_id, period_id, handling, note)
    if after == before:
        return Change.nothing(N_("mark theme handling"), after)
    return Change(
        N_("mark theme handling"),
        after,
        undo=lambda: put_theme_mark(db, theme_id, period_id, before),
        redo=lambda: put_theme_mark(db, theme_id, period_id, after),
    )
