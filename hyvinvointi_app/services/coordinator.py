"""The coordinator's overview: many units' bundles read into one table per unit and period,
with the municipality's totals, recurring development areas and themes, and the units that
were expected but sent nothing.

Bundles are read one at a time (:func:`.bundle_reader.read_bundle`) and reduced at once to a
row and a few texts, so that memory stays bounded by the rows, not by hundreds of documents.
A bundle that cannot be used is listed with its reason and the rest go on. Of two bundles of
the same unit and period the newer is kept (written later; of two written at once, the file
changed later) and the older is listed as replaced.

A unit is known by the identity its bundle carries (version 2). A version-1 bundle has none:
its unit is known by its municipality and name, and joined to the version-2 unit of the same
municipality and name when there is exactly one.

The rules of each figure are in the field docstrings of :class:`OverviewRow`; they are also
written out in ``docs/coordinator.md``.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from hyvinvointi_app.domain.enums import PlanType, ResultCardStatus, Role, ThemeCoverage
from hyvinvointi_app.domain.typed_text import list_line
from hyvinvointi_app.i18n.collation import sort_key
from hyvinvointi_app.services.bundle_reader import (
    BundleRefused,
    ReadBundle,
    RefusalReason,
    read_bundle,
)

BUNDLE_SUFFIX = ".zip"
MAX_EXPECTED_BYTES = 2 * 1024 * 1024
"""A list of expected units is a few kilobytes: a few thousand units at most."""

Progress = Callable[[int, int], None]


HANDLED = frozenset({ThemeCoverage.HANDLED_IN_MEETING.value, ThemeCoverage.HANDLED_ELSEWHERE.value})
"""The coverage codes of a planned theme that counts as handled."""


class PlanStanding(StrEnum):
    """How a unit's plans of one type stand in a period."""

    EVALUATED = "evaluated"
    """Every plan of the type in use was evaluated in the period."""
    OVERDUE = "overdue"
    """A plan of the type was not evaluated in the period although the period is over by
    the bundle's day, or its next review was due by then."""
    NOT_YET = "not_yet"
    """Not evaluated yet, and not yet due."""


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One unit in one operating period, as its bundle tells it."""

    unit_key: str
    """The unit's identity (version 2), or ``name:<municipality>/<name>`` (version 1)."""
    unit_name_fi: str
    unit_name_sv: str
    municipality: str
    site_code: str
    period_label: str
    period_start: dt.date
    period_end: dt.date
    as_of: dt.date
    """The day the bundle's figures were computed."""
    meetings_held: int
    meetings_required: int
    minimum_met: bool
    roles_missing: tuple[str, ...]
    """Role codes (:class:`.Role` values) that no member of the period had."""
    plans: tuple[tuple[PlanType, PlanStanding], ...]
    """Each plan type the unit uses, in :class:`.PlanType` order."""
    plans_evaluated: int
    """Plans in use evaluated in the period."""
    plans_overdue: int
    """Plans in use whose evaluation is overdue (:attr:`PlanStanding.OVERDUE`)."""
    plans_total: int
    cards_active: int
    """Result cards active at the period's end (or on its day while it runs)."""
    cards_reached: int
    actions_open: int
    """Every action item open on the period's last day (or its day), overdue ones included."""
    actions_overdue: int
    themes_planned: int
    themes_handled: int
    """Planned annual-clock themes handled in a meeting or marked handled elsewhere."""
    voices: int
    """Children's and guardians' voices recorded in held meetings."""
    children_answered: int
    """Children who answered the unit's picture surveys in held meetings (summed)."""
    guardians_answered: int
    """Guardians who answered the unit's surveys in held meetings (summed)."""
    generated_at: dt.datetime
    source: Path
    version: int

    def name(self, language: str) -> str:
        if language == "sv":
            return self.unit_name_sv or self.unit_name_fi
        return self.unit_name_fi or self.unit_name_sv

    @property
    def needs_attention(self) -> bool:
        """The minimum of meetings not met, a role missing or a plan evaluation overdue."""
        return not self.minimum_met or bool(self.roles_missing) or self.plans_overdue > 0

    def missing_roles(self) -> tuple[Role | str, ...]:
        """The roles missing, as :class:`.Role` where this version knows the code (a newer
        bundle's unknown code stays as it is)."""
        return tuple(
            Role(code) if code in Role._value2member_map_ else code for code in self.roles_missing
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: RefusalReason
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Replaced:
    """An older bundle of a unit and period that a newer one replaced."""

    kept: Path
    dropped: Path
    unit_name: str
    period_label: str


@dataclass(frozen=True, slots=True)
class ExpectedUnit:
    """A unit the coordinator expects a bundle from (a line of ``--expected``)."""

    name: str
    municipality: str = ""
    site_code: str = ""
    unit_id: str = ""


@dataclass(frozen=True, slots=True)
class Missing:
    unit: ExpectedUnit
    period_label: str | None
    """The period whose bundle is missing; None when no bundle at all was read."""


@dataclass(frozen=True, slots=True)
class PeriodTotals:
    """The municipality's figures of one period: the sums of its units' rows."""

    period_label: str
    units: int
    units_minimum_met: int
    meetings_held: int
    units_roles_missing: int
    plans_evaluated: int
    plans_overdue: int
    plans_total: int
    cards_active: int
    cards_reached: int
    actions_open: int
    actions_overdue: int
    themes_planned: int
    themes_handled: int
    voices: int
    children_answered: int
    guardians_answered: int


@dataclass(frozen=True, slots=True)
class Recurring:
    """A text that several units wrote: a development area of a plan type, or a theme."""

    plan_type: PlanType | None
    text: str
    units: int
    """How many units wrote it (in any period given)."""


@dataclass(frozen=True, slots=True)
class Overview:
    rows: tuple[OverviewRow, ...]
    """By unit name (Finnish and Swedish alphabet order), then period."""
    totals: tuple[PeriodTotals, ...]
    """One per period, oldest first: the municipality's trend when there are several."""
    skipped: tuple[Skipped, ...]
    replaced: tuple[Replaced, ...]
    missing: tuple[Missing, ...]
    development_areas: tuple[Recurring, ...]
    """Development areas the evaluations of at least two units wrote, by plan type, most
    units first."""
    themes: tuple[Recurring, ...]
    """Annual-clock themes at least two units handled, by plan type, most units first."""
    read: int = 0
    """How many bundles were read (kept, replaced or skipped)."""

    @property
    def periods(self) -> tuple[str, ...]:
        return tuple(totals.period_label for totals in self.totals)

    def rows_of(self, unit_key: str) -> tuple[OverviewRow, ...]:
        """One unit's rows, oldest period first: its trend."""
        return tuple(
            sorted(
                (row for row in self.rows if row.unit_key == unit_key),
                key=lambda r: r.period_start,
            )
        )


# -- one bundle to a row ------------------------------------------------------------------


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _plan_standing(plans: list[dict[str, Any]], as_of: dt.date, period_over: bool) -> PlanStanding:
    if all(plan["evaluated_in_period"] for plan in plans):
        return PlanStanding.EVALUATED
    for plan in plans:
        due = _date(plan.get("next_review_due"))
        if not plan["evaluated_in_period"] and (period_over or (due is not None and due <= as_of)):
            return PlanStanding.OVERDUE
    return PlanStanding.NOT_YET


def _name_key(municipality: str, name_fi: str, name_sv: str) -> str | None:
    """How a unit without an identity (a version-1 bundle) is known; None without a name."""
    name = _folded(name_fi or name_sv)
    return f"name:{_folded(municipality)}/{name}" if name else None


def _unit_key(read: ReadBundle) -> str:
    """The unit's identity; else its municipality and name; else (no name at all) the
    bundle's own file, so that two nameless units are never taken for one."""
    unit = read.document["unit"]
    if unit["id"]:
        return str(unit["id"])
    return _name_key(unit["municipality"], unit["name_fi"], unit["name_sv"]) or (
        f"file:{read.path}"
    )


def row_of(read: ReadBundle) -> OverviewRow:
    """The overview's row of one bundle (in version 2's shape)."""
    document = read.document
    unit, period = document["unit"], document["period"]
    as_of = dt.date.fromisoformat(document["as_of"])
    end = dt.date.fromisoformat(period["end_date"])
    in_use = [plan for plan in document["plans"] if not plan["archived"]]
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for plan in in_use:
        by_type[plan["type"]].append(plan)
    standings = tuple(
        (plan_type, _plan_standing(by_type[plan_type.value], as_of, as_of > end))
        for plan_type in PlanType
        if plan_type.value in by_type
    )
    overdue_plans = sum(
        1 for plan in in_use if _plan_standing([plan], as_of, as_of > end) is PlanStanding.OVERDUE
    )
    cards = Counter(card["status"] for card in document["result_cards"])
    actions = document["actions"]
    clock = document["annual_clock"]
    return OverviewRow(
        unit_key=_unit_key(read),
        unit_name_fi=unit["name_fi"],
        unit_name_sv=unit["name_sv"],
        municipality=unit["municipality"],
        site_code=unit["site_code"],
        period_label=period["label"],
        period_start=dt.date.fromisoformat(period["start_date"]),
        period_end=end,
        as_of=as_of,
        meetings_held=document["meetings_held"],
        meetings_required=document["meetings_required"],
        minimum_met=document["minimum_met"],
        roles_missing=tuple(document["roles_missing"]),
        plans=standings,
        plans_evaluated=sum(1 for plan in in_use if plan["evaluated_in_period"]),
        plans_overdue=overdue_plans,
        plans_total=len(in_use),
        cards_active=cards[ResultCardStatus.ACTIVE.value],
        cards_reached=cards[ResultCardStatus.REACHED.value],
        actions_open=actions["open"] + actions["overdue"],
        actions_overdue=actions["overdue"],
        themes_planned=len(clock),
        themes_handled=sum(1 for theme in clock if theme["coverage"] in HANDLED),
        voices=len(document["voices"]),
        children_answered=_answered(document, "children"),
        guardians_answered=_answered(document, "guardians"),
        generated_at=dt.datetime.fromisoformat(document["generated_at"]),
        source=read.path,
        version=read.version,
    )


def _folded(text: str) -> str:
    """The form two units' texts are compared in: case, spacing, bullets and a closing full
    stop do not matter."""
    return list_line(text).rstrip(".").casefold()


Texts = set[tuple[str, str, str]]
"""(plan type or "", folded text, text as written): see :func:`_texts`."""


def _texts(document: dict[str, Any]) -> tuple[Texts, Texts]:
    """The development areas (by plan type) and the handled themes (by plan type) of one
    bundle, each as (plan type or "", folded text, text as written)."""
    areas: Texts = set()
    for plan in document["plans"]:
        for evaluation in plan["evaluations"]:
            for line in evaluation["development_areas"].splitlines():
                text = list_line(line).rstrip(".")
                if text:
                    areas.add((plan["type"], _folded(text), text))
    themes = {
        (theme["plan_type"] or "", _folded(theme["title"]), theme["title"].strip())
        for theme in document["annual_clock"]
        if theme["coverage"] in HANDLED and theme["title"].strip()
    }
    themes |= {
        ("", _folded(theme["title"]), theme["title"].strip())
        for theme in document["unplanned_themes"]
        if theme["title"].strip()
    }
    return areas, themes


# -- many bundles -------------------------------------------------------------------------


def bundle_paths(sources: Iterable[Path]) -> list[Path]:
    """The bundles given: files as they are, folders searched (with their subfolders) for
    ``.zip`` files; each once, in name order within a folder."""
    paths: dict[Path, None] = {}
    for source in sources:
        if source.is_dir():
            found = sorted(
                p for p in source.rglob("*") if p.suffix.casefold() == BUNDLE_SUFFIX and p.is_file()
            )
            paths.update(dict.fromkeys(found))
        else:
            paths[source] = None
    return list(paths)


@dataclass(frozen=True, slots=True)
class _Read:
    """What is kept of one bundle once read: its row, its texts and when it was written."""

    row: OverviewRow
    areas: Texts
    themes: Texts
    written: tuple[dt.datetime, float]
    """When the bundle was written, and when its file last changed: the newer one wins."""


def _identities_by_name(reads: Sequence[_Read]) -> dict[str, str]:
    """For a version-1 bundle's unit (known by municipality and name), the identity of the
    one version-2 unit of that municipality and name; none when two units share them."""
    found: dict[str, set[str]] = defaultdict(set)
    for read in reads:
        if not read.row.unit_key.startswith("name:"):
            row = read.row
            key = _name_key(row.municipality, row.unit_name_fi, row.unit_name_sv)
            if key is not None:
                found[key].add(row.unit_key)
    return {name: next(iter(keys)) for name, keys in found.items() if len(keys) == 1}


def _newest(reads: Sequence[_Read]) -> tuple[list[_Read], list[Replaced]]:
    """One bundle per unit and period, the newest; the others as replaced. A version-1
    bundle joins the version-2 unit of its municipality and name first."""
    identities = _identities_by_name(reads)
    kept: dict[tuple[str, str], _Read] = {}
    replaced: list[Replaced] = []
    for read in reads:
        row = read.row
        if row.unit_key in identities:
            read = dataclasses.replace(read, row=replace(row, unit_key=identities[row.unit_key]))
            row = read.row
        key = (row.unit_key, row.period_label)
        earlier = kept.get(key)
        if earlier is None:
            kept[key] = read
            continue
        newer, older = (read, earlier) if read.written > earlier.written else (earlier, read)
        kept[key] = newer
        replaced.append(
            Replaced(newer.row.source, older.row.source, newer.row.name("fi"), row.period_label)
        )
    return list(kept.values()), replaced


def _totals(rows: Sequence[OverviewRow]) -> tuple[PeriodTotals, ...]:
    by_period: dict[str, list[OverviewRow]] = defaultdict(list)
    for row in rows:
        by_period[row.period_label].append(row)
    ordered = sorted(by_period.values(), key=lambda rs: min(r.period_start for r in rs))
    return tuple(
        PeriodTotals(
            period_label=group[0].period_label,
            units=len(group),
            units_minimum_met=sum(r.minimum_met for r in group),
            units_roles_missing=sum(1 for r in group if r.roles_missing),
            **{name: sum(getattr(r, name) for r in group) for name in _SUMMED},
        )
        for group in ordered
    )


_SUMMED = (
    "meetings_held",
    "plans_evaluated",
    "plans_overdue",
    "plans_total",
    "cards_active",
    "cards_reached",
    "actions_open",
    "actions_overdue",
    "themes_planned",
    "themes_handled",
    "voices",
    "children_answered",
    "guardians_answered",
)
"""The figures a period's totals add up from its units' rows, under the same names."""


def _answered(document: dict[str, Any], kind: str) -> int:
    """How many answered the unit's surveys of ``kind`` in the period (each meeting's
    respondents, summed)."""
    return sum(
        tally["respondents"]
        for survey in document["surveys"]
        if survey["kind"] == kind
        for tally in survey["tallies"]
    )


def _recurring(per_unit: dict[str, Texts], minimum_units: int = 2) -> tuple[Recurring, ...]:
    units: dict[tuple[str, str], set[str]] = defaultdict(set)
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for unit_key, entries in per_unit.items():
        for plan_type, folded, text in entries:
            units[(plan_type, folded)].add(unit_key)
            spellings[(plan_type, folded)][text] += 1
    found = [
        Recurring(
            PlanType(plan_type) if plan_type else None,
            spellings[(plan_type, folded)].most_common(1)[0][0],
            len(keys),
        )
        for (plan_type, folded), keys in units.items()
        if len(keys) >= minimum_units
    ]
    order = {plan_type: index for index, plan_type in enumerate(PlanType)}
    return tuple(
        sorted(
            found,
            key=lambda r: (
                order.get(r.plan_type, len(order)) if r.plan_type else len(order),
                -r.units,
                sort_key(r.text),
            ),
        )
    )


def _matches(unit: ExpectedUnit, row: OverviewRow) -> bool:
    """By the identity when both the list and the bundle have one, else by the site code
    when both have one (it is optional, and a version-1 bundle has none), else by name."""
    if unit.unit_id and not row.unit_key.startswith(("name:", "file:")):
        return unit.unit_id.casefold() == row.unit_key.casefold()
    if unit.site_code and row.site_code:
        return _folded(unit.site_code) == _folded(row.site_code)
    names = {_folded(row.unit_name_fi), _folded(row.unit_name_sv)} - {""}
    same_place = not unit.municipality or _folded(unit.municipality) == _folded(row.municipality)
    return _folded(unit.name) in names and same_place


def _missing(expected: Sequence[ExpectedUnit], rows: Sequence[OverviewRow]) -> tuple[Missing, ...]:
    periods = sorted({(r.period_start, r.period_label) for r in rows})
    if not periods:
        return tuple(Missing(unit, None) for unit in expected)
    return tuple(
        Missing(unit, label)
        for _start, label in periods
        for unit in expected
        if not any(_matches(unit, row) for row in rows if row.period_label == label)
    )


def _reduced(path: Path) -> _Read:
    """What the overview keeps of the bundle at ``path``; :class:`BundleRefused` when it
    cannot be used."""
    bundle = read_bundle(path)
    try:
        row = row_of(bundle)
        areas, themes = _texts(bundle.document)
    except (KeyError, TypeError, ValueError) as error:
        # Valid against its schema, whose patterns let a date that is no date (2026-02-30)
        # or a second 60 through.
        raise BundleRefused(path, RefusalReason.INVALID, type(error).__name__) from error
    return _Read(row, areas, themes, (row.generated_at, bundle.modified))


def aggregate(
    sources: Iterable[Path],
    *,
    expected: Sequence[ExpectedUnit] = (),
    progress: Progress | None = None,
) -> Overview:
    """The overview of the bundles in ``sources`` (files or folders). ``progress(done,
    total)`` is called after each bundle; an exception raised by it stops the work."""
    paths = bundle_paths(sources)
    reads: list[_Read] = []
    skipped: list[Skipped] = []
    for done, path in enumerate(paths, start=1):
        try:
            reads.append(_reduced(path))
        except BundleRefused as refused:
            skipped.append(Skipped(path, refused.reason, refused.detail))
        if progress is not None:
            progress(done, len(paths))
    kept, replaced = _newest(reads)
    rows = sorted(
        (read.row for read in kept),
        key=lambda r: (sort_key(r.name("fi")), r.unit_key, r.period_start),
    )
    areas: dict[str, Texts] = defaultdict(set)
    themes: dict[str, Texts] = defaultdict(set)
    for read in kept:
        areas[read.row.unit_key] |= read.areas
        themes[read.row.unit_key] |= read.themes
    return Overview(
        rows=tuple(rows),
        totals=_totals(rows),
        skipped=tuple(skipped),
        replaced=tuple(replaced),
        missing=_missing(expected, rows),
        development_areas=_recurring(areas),
        themes=_recurring(themes),
        read=len(paths),
    )


# -- the list of expected units -----------------------------------------------------------


class ExpectedListError(ValueError):
    """The list of expected units cannot be read; ``reason`` is a code for the message."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


_HEADERS = {
    "name": ("unit", "name", "yksikkö", "nimi", "enhet", "namn", "toimipaikka"),
    "municipality": ("municipality", "kunta", "kommun"),
    "site_code": ("site_code", "site code", "toimipaikkatunnus", "koodi", "kod"),
    "unit_id": ("unit_id",),
}


def read_expected(path: Path) -> list[ExpectedUnit]:
    """The units expected to send a bundle, from a CSV file (UTF-8, with or without a
    byte-order mark; semicolon or comma): a header row naming at least the unit's name
    (``unit``/``name``, ``yksikkö``, ``enhet``…), and optionally ``municipality``,
    ``site_code`` and ``unit_id``. Without a known header, each line's first cell is a
    unit's name."""
    try:
        if path.stat().st_size > MAX_EXPECTED_BYTES:
            raise ExpectedListError(path, "too_large")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExpectedListError(path, "not_utf8") from error
    except OSError as error:
        raise ExpectedListError(path, "unreadable") from error
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [cell.strip().casefold() for cell in rows[0]]
    columns = {
        name: next((header.index(alias) for alias in aliases if alias in header), None)
        for name, aliases in _HEADERS.items()
    }
    if all(index is None for index in columns.values()):
        columns = {"name": 0, "municipality": None, "site_code": None, "unit_id": None}
        body = rows
    else:
        body = rows[1:]

    def cell(row: list[str], name: str) -> str:
        index = columns[name]
        return row[index].strip() if index is not None and index < len(row) else ""

    units = [
        ExpectedUnit(
            cell(row, "name"),
            cell(row, "municipality"),
            cell(row, "site_code"),
            cell(row, "unit_id"),
        )
        for row in body
    ]
    return [u for u in units if u.name or u.site_code or u.unit_id]
