"""The municipal package: what a municipality shares with every unit, as one versioned file.

A package carries the annual clock, the evaluation checklists per plan type, the
municipality's own plan types with their questions (quality cards, say), the standing agenda
and result-card templates, each text in Finnish, Swedish or both, under a name and a version
number. A coordinator composes one from a unit file of their own (:func:`compose`); a unit
reads it (:func:`parse_package`, which refuses anything not exactly of the format), looks at
what it would change (:func:`preview`) and imports it in one transaction
(:func:`import_package`), which :func:`put_state` takes back.

Checklists, the standing agenda and the templates are read from the package kept in the file
(:class:`MunicipalPackage`). The clock's themes and the plan types become the unit's own rows,
marked with where they came from (``package_item``: the package's id and the item's key): a
newer version of the same package updates and removes only what the older one brought, and
nothing the unit made itself is removed. A theme of the unit's own with the same month and
text as a package's theme is taken as that theme, so that a unit that already has the clock
does not get it twice.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    Language,
    PlanType,
    ResultCardStatus,
    Role,
)
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.resources import load_json_resource, resource_path
from hyvinvointi_app.services import annual_clock
from hyvinvointi_app.services.annual_clock import Partner, ThemeMarkView, ThemeView
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.guards import plan_in_use
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    AgendaItem,
    ClockTheme,
    MunicipalPackage,
    Plan,
    ResultCard,
    Setting,
    ThemeMark,
    Unit,
)

PACKAGE_FORMAT = "hyvinvointi-municipal-package"
FORMAT_VERSION = 2
"""The format this version writes: version 2 added the partners of the clock's themes.
Version 1 files are still read, each against its own published schema."""
MAX_FILE_BYTES = 8_000_000
MAX_PLAN_NAME_LENGTH = 300
"""As a plan's name holds (services.plans, which reads its checklists from here)."""
MAX_TEMPLATE_TEXT_LENGTH = 20_000
"""As the schema's long texts hold."""
COMPOSED_SETTING = "composed_package"
"""The setting under which a coordinator's file remembers the package it last exported."""

STANDARD_TYPES: tuple[PlanType, ...] = tuple(t for t in PlanType if t is not PlanType.CUSTOM)
"""The plan types whose checklist a package may replace."""

_CARD_FIELDS = ("target_state", "ideal_state", "measures", "indicator")

Texts = Mapping[str, str]
"""A text in Finnish, Swedish or both: ``{"fi": …, "sv": …}``."""


def in_language(texts: Texts, language: str) -> str:
    """The text in a language, or in the other one when it has none in that language."""
    other = Language.FINNISH.value if language == Language.SWEDISH else Language.SWEDISH.value
    return texts.get(language) or texts.get(other) or ""


class Part(enum.Enum):
    """The parts of a package, in the order a preview lists them."""

    CLOCK = "annual_clock"
    CHECKLISTS = "checklists"
    PLAN_TYPES = "plan_types"
    STANDING_AGENDA = "standing_agenda"
    TEMPLATES = "result_card_templates"


@dataclass(frozen=True, slots=True)
class PackagePartner:
    """A partner of a package's theme: a member role, or a name in Finnish, Swedish or both."""

    role: Role | None = None
    name: Texts = field(default_factory=dict)

    def in_language(self, language: str) -> Partner:
        if self.role is not None:
            return Partner(role=self.role)
        return Partner(name=in_language(self.name, language))


@dataclass(frozen=True, slots=True)
class PackageTheme:
    key: str
    month: int
    title: Texts
    plan_type: PlanType | None
    partners: tuple[PackagePartner, ...] | None = None
    """None in a package of format version 1, which had no partners: the theme's partners in
    the unit are then left as they are."""

    def partners_in(self, language: str) -> list[dict[str, str]] | None:
        """The theme's partners in the unit's language, each once, as a theme stores them."""
        if self.partners is None:
            return None
        checked = annual_clock.check_partners(p.in_language(language) for p in self.partners)
        return annual_clock.partners_data(checked)


@dataclass(frozen=True, slots=True)
class PackagePlanType:
    key: str
    name: Texts
    questions: tuple[Texts, ...]


@dataclass(frozen=True, slots=True)
class CardTemplate:
    key: str
    plan_type: PlanType | None
    what_to_change: Texts
    target_state: Texts
    ideal_state: Texts
    measures: Texts
    indicator: Texts


@dataclass(frozen=True, slots=True)
class Package:
    """A validated package; ``document`` is the file's content as read, kept in the unit."""

    id: str
    name: str
    version: int
    published: dt.date | None
    parts: frozenset[Part]
    """The parts the package has; a part it leaves out leaves the unit's own as it is."""
    annual_clock: tuple[PackageTheme, ...]
    checklists: Mapping[PlanType, tuple[tuple[str, Texts], ...]]
    plan_types: tuple[PackagePlanType, ...]
    standing_agenda: tuple[tuple[AgendaItemKind, Texts], ...]
    templates: tuple[CardTemplate, ...]
    document: Mapping[str, Any] = field(repr=False)


# -- reading a package file --------------------------------------------------------------------


@cache
def schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    """The published JSON Schema of a version of the format."""
    text = resource_path(f"package-{version}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator(version: int) -> Callable[[Any], Any]:
    """The version's schema compiled as draft 7, as the bundle's is (it uses nothing newer
    but ``$defs``, reached by its JSON pointer); the tests check with draft 2020-12 too."""
    import fastjsonschema

    return fastjsonschema.compile(
        {**schema(version), "$schema": "http://json-schema.org/draft-07/schema#"}
    )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters and lone surrogates (Unicode's Cc and Cs), as a clock title refuses
them; a search, not a loop over the characters: a package may hold 8 MB of text."""
_CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""The same but tab and line feed, in texts of several lines."""


def _text(value: str, where: str, *, limit: int | None = None, lines: bool = False) -> str:
    """A text stripped and composed (NFC: a text an editor wrote decomposed is the same text),
    and refused when too long or holding control characters (line breaks only where
    ``lines``); one of nothing but spaces and invisible characters is empty."""
    value = unicodedata.normalize("NFC", value.strip())
    if not any(not unicodedata.category(c).startswith(("Z", "C")) for c in value):
        return ""
    if limit is not None and len(value) > limit:
        raise ValidationError(where, "too_long")
    if (_CONTROL_IN_LINES if lines else _CONTROL).search(value):
        raise ValidationError(where, "invalid_characters")
    return value


def _texts(
    value: Mapping[str, str],
    where: str,
    *,
    required: bool = True,
    limit: int | None = None,
    lines: bool = False,
) -> Texts:
    texts = {lang: _text(text, where, limit=limit, lines=lines) for lang, text in value.items()}
    texts = {lang: text for lang, text in texts.items() if text}
    if required and not texts:
        raise ValidationError(where, "required")
    return texts


def _unique(keys: Iterable[str], where: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValidationError(where, "duplicate_key")
        seen.add(key)


def _plan_type(value: str | None) -> PlanType | None:
    return PlanType(value) if value else None


def validate_package(document: object) -> Package:
    """Check a decoded package whole; :class:`ValidationError` names the first fault."""
    if not isinstance(document, Mapping):
        raise ValidationError("file", "not_an_object")
    if document.get("format") != PACKAGE_FORMAT:
        raise ValidationError("format", "wrong_format")
    version = document.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise ValidationError("format_version", "too_new")
    from fastjsonschema import JsonSchemaException

    # each version against its own schema; a version that is no version at all against the
    # newest one, which names the fault
    known = type(version) is int and 1 <= version <= FORMAT_VERSION
    try:
        _validator(version if known else FORMAT_VERSION)(document)
    except JsonSchemaException as error:
        # "data.annual_clock[3].month" names the field as "annual_clock.3.month"
        name = str(getattr(error, "name", "") or "").removeprefix("data")
        where = re.sub(r"\[(\d+)\]", r".\1", name).strip(".")
        raise ValidationError(where or "file", "invalid") from error
    # The schema's "integer" lets 3.0 through: the numbers must be whole numbers as written.
    numbers = [("format_version", document["format_version"]), ("version", document["version"])] + [
        (f"annual_clock.{i}.month", item["month"])
        for i, item in enumerate(document.get("annual_clock", []))
    ]
    for where, number in numbers:
        if type(number) is not int:
            raise ValidationError(where, "invalid")
    themes = tuple(
        PackageTheme(
            item["key"],
            item["month"],
            _texts(item["title"], f"annual_clock.{i}.title", limit=annual_clock.MAX_TITLE_LENGTH),
            _plan_type(item.get("plan_type")),
            _partners(item, f"annual_clock.{i}.partners") if version != 1 else None,
        )
        for i, item in enumerate(document.get("annual_clock", []))
    )
    _unique((t.key for t in themes), "annual_clock")
    checklists: dict[PlanType, tuple[tuple[str, Texts], ...]] = {}
    for type_key, items in document.get("checklists", {}).items():
        checklists[PlanType(type_key)] = tuple(
            (item["key"], _texts(item["text"], f"checklists.{type_key}.{i}"))
            for i, item in enumerate(items)
        )
        _unique((key for key, _text in checklists[PlanType(type_key)]), f"checklists.{type_key}")
    plan_types = tuple(
        PackagePlanType(
            item["key"],
            _texts(item["name"], f"plan_types.{i}.name", limit=MAX_PLAN_NAME_LENGTH),
            tuple(
                _texts(question, f"plan_types.{i}.questions.{j}")
                for j, question in enumerate(item["questions"])
            ),
        )
        for i, item in enumerate(document.get("plan_types", []))
    )
    _unique((t.key for t in plan_types), "plan_types")
    agenda = tuple(
        (AgendaItemKind(item["kind"]), _texts(item["title"], f"standing_agenda.{i}.title"))
        for i, item in enumerate(document.get("standing_agenda", []))
    )
    _unique((k.value for k, _t in agenda if k is not AgendaItemKind.CUSTOM), "standing_agenda")
    templates = tuple(
        CardTemplate(
            item["key"],
            _plan_type(item.get("plan_type")),
            _texts(item["what_to_change"], f"result_card_templates.{i}.what_to_change", lines=True),
            *(
                _texts(
                    item.get(name, {}),
                    f"result_card_templates.{i}.{name}",
                    required=False,
                    lines=True,
                )
                for name in _CARD_FIELDS
            ),
        )
        for i, item in enumerate(document.get("result_card_templates", []))
    )
    _unique((t.key for t in templates), "result_card_templates")
    if agenda and AgendaItemKind.THEME not in {kind for kind, _t in agenda}:
        raise ValidationError("standing_agenda", "no_theme_item")
    _text(document.get("municipality", ""), "municipality")
    published = document.get("published")
    try:
        published_on = dt.date.fromisoformat(published) if published else None
    except ValueError as error:
        raise ValidationError("published", "format") from error
    return Package(
        id=document["id"],
        name=_name(document["name"]),
        version=document["version"],
        published=published_on,
        parts=frozenset(part for part in Part if part.value in document),
        annual_clock=themes,
        checklists=checklists,
        plan_types=plan_types,
        standing_agenda=agenda,
        templates=templates,
        document=dict(document),
    )


def _partners(item: Mapping[str, Any], where: str) -> tuple[PackagePartner, ...] | None:
    """A theme's partners; None when the theme leaves them out (the unit's stay as they are),
    where an empty list takes them away."""
    if "partners" not in item:
        return None
    return tuple(
        PackagePartner(role=Role(partner["role"]))
        if "role" in partner
        else PackagePartner(
            name=_texts(
                {language: " ".join(text.split()) for language, text in partner["name"].items()},
                f"{where}.{index}.name",
                limit=annual_clock.MAX_PARTNER_LENGTH,
            )
        )
        for index, partner in enumerate(item["partners"])
    )


def _name(value: str) -> str:
    name = _text(value, "name")
    if not name:
        raise ValidationError("name", "required")
    return name


def parse_package(raw: bytes) -> Package:
    """A package file's bytes, checked; anything wrong is a :class:`ValidationError`."""
    if not raw.strip():
        raise ValidationError("file", "empty")
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError("file", "too_large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError("file", "not_utf8") from error
    try:
        document = json.loads(text, object_pairs_hook=_object)
    except _DuplicateName as error:
        raise ValidationError("file", "duplicate_key") from error
    except (ValueError, RecursionError) as error:
        raise ValidationError("file", "not_json") from error
    return validate_package(document)


class _DuplicateName(Exception):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when it names a field twice (JSON would keep the last)."""
    document = dict(pairs)
    if len(document) != len(pairs):
        raise _DuplicateName
    return document


# -- what the application ships ----------------------------------------------------------------


@cache
def shipped_checklists() -> dict[str, list[dict[str, Any]]]:
    """resources/checklists.json: the checklist of each plan type, by the type's value."""
    data: dict[str, list[dict[str, Any]]] = load_json_resource("checklists.json")["checklists"]
    return data


def shipped_checklist(plan_type: PlanType) -> tuple[tuple[str, Texts], ...]:
    """The shipped checklist of a plan type: each question's key and texts."""
    return tuple(
        (str(item["key"]), dict(item["text"]))
        for item in shipped_checklists().get(plan_type.value, [])
    )


@cache
def shipped_standing_agenda() -> tuple[tuple[AgendaItemKind, Texts], ...]:
    """resources/standing_agenda.json: each item's kind and title, in order."""
    return tuple(
        (AgendaItemKind(item["kind"]), dict(item["title"]))
        for item in load_json_resource("standing_agenda.json")["items"]
    )


# -- what the unit has now --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """The package a unit uses, as Settings and the annual report name it."""

    package_id: str
    name: str
    version: int
    published: dt.date | None
    imported_at: dt.datetime


def _stored(session: Session) -> MunicipalPackage | None:
    return session.get(MunicipalPackage, 1)


def _info(row: MunicipalPackage) -> PackageInfo:
    return PackageInfo(row.package_id, row.name, row.version, row.published_on, row.imported_at)


def package_in(session: Session) -> PackageInfo | None:
    row = _stored(session)
    return None if row is None else _info(row)


def current_package(db: Database) -> PackageInfo | None:
    with db.reading() as session:
        return package_in(session)


_read: dict[tuple[str, int, dt.datetime], Package] = {}
"""The kept package as read, by its id, version and moment of import: it is read for every
evaluation and agenda draft, and was checked whole when it was imported."""


def _content(session: Session) -> Package | None:
    found = session.execute(
        select(MunicipalPackage.package_id, MunicipalPackage.version, MunicipalPackage.imported_at)
    ).first()
    if found is None:
        return None
    key = (found[0], found[1], found[2])
    package = _read.get(key)
    if package is None:
        row = _stored(session)
        assert row is not None
        package = validate_package(row.content)
        _read.clear()
        _read[key] = package
    return package


def checklist_in(session: Session, plan_type: PlanType) -> tuple[tuple[str, Texts], ...] | None:
    """The package's checklist of a plan type (key, texts), or None: the shipped one holds."""
    package = _content(session)
    if package is None:
        return None
    return package.checklists.get(plan_type)


def standing_agenda_in(session: Session) -> tuple[tuple[AgendaItemKind, Texts], ...] | None:
    """The package's standing agenda, or None: the shipped one holds."""
    package = _content(session)
    if package is None or Part.STANDING_AGENDA not in package.parts:
        return None
    return package.standing_agenda


@dataclass(frozen=True, slots=True)
class TemplateView:
    """A result-card template in one language, as a new card is filled from it."""

    what_to_change: str
    target_state: str
    ideal_state: str
    measures: str
    indicator: str


def card_templates(db: Database, language: str) -> list[TemplateView]:
    """The package's result-card templates in a language, in the package's order."""
    with db.reading() as session:
        package = _content(session)
    if package is None:
        return []
    return [
        TemplateView(
            in_language(t.what_to_change, language),
            *(in_language(getattr(t, name), language) for name in _CARD_FIELDS),
        )
        for t in package.templates
    ]


# -- the state an import changes, and putting it back ------------------------------------------


@dataclass(frozen=True, slots=True)
class PackagePlan:
    """A plan a package brought, or one of the unit's own that a package's plan type may take
    as its own: the fields an import writes."""

    id: int
    name: str
    custom_questions: tuple[str, ...]
    package_item: str | None


_PACKAGE_PLANS = or_(Plan.package_item.is_not(None), Plan.type == PlanType.CUSTOM)
"""The plans an import may touch: those packages brought and the unit's other plans."""


@dataclass(frozen=True, slots=True)
class StoredPackage:
    info: PackageInfo
    content: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PackageState:
    """Everything an import may change: the whole clock with its marks, the plans packages
    brought, and the kept package. Undo and redo put one back exactly, ids included."""

    themes: tuple[ThemeView, ...]
    marks: tuple[ThemeMarkView, ...]
    plans: tuple[PackagePlan, ...]
    package: StoredPackage | None


def _state(session: Session) -> PackageState:
    themes = sorted(
        session.scalars(select(ClockTheme)),
        key=lambda t: (annual_clock.period_month_index(t.month), t.position, t.id),
    )
    marks = session.scalars(select(ThemeMark).order_by(ThemeMark.id))
    plans = session.scalars(select(Plan).where(_PACKAGE_PLANS).order_by(Plan.id))
    row = _stored(session)
    return PackageState(
        themes=tuple(annual_clock.theme_view(t) for t in themes),
        marks=tuple(annual_clock.mark_view(m) for m in marks),
        plans=tuple(
            PackagePlan(p.id, p.name, tuple(p.custom_questions), p.package_item) for p in plans
        ),
        package=None if row is None else StoredPackage(_info(row), row.content),
    )


def package_state(db: Database) -> PackageState:
    with db.reading() as session:
        return _state(session)


def _put(session: Session, state: PackageState) -> None:
    annual_clock.replace_clock_in(session, state.themes, state.marks)
    wanted = {plan.id for plan in state.plans}
    for plan in session.scalars(select(Plan).where(Plan.package_item.is_not(None))):
        if plan.id not in wanted:  # brought by the import being taken back
            _remove_brought_plan(session, plan)
    for item in state.plans:
        row = session.get(Plan, item.id)
        if row is None:
            row = Plan(id=item.id, type=PlanType.CUSTOM)
            session.add(row)
        row.name = item.name
        row.custom_questions = list(item.custom_questions)
        row.package_item = item.package_item
    _keep(session, state.package)


def _keep(session: Session, package: StoredPackage | None) -> None:
    """Make ``package`` the one the unit file keeps (None: none)."""
    session.execute(delete(MunicipalPackage))
    if package is not None:
        info = package.info
        session.add(
            MunicipalPackage(
                id=1,
                package_id=info.package_id,
                name=info.name,
                version=info.version,
                published_on=info.published,
                imported_at=info.imported_at,
                content=dict(package.content),
            )
        )
    session.flush()


def _remove_brought_plan(session: Session, plan: Plan) -> None:
    if plan_in_use(session, plan.id):
        raise ValidationError("plan", "in_use")
    session.delete(plan)
    session.flush()


def put_state(db: Database, state: PackageState) -> None:
    """Make the clock, the package's plans and the kept package exactly ``state`` (the undo
    and redo of an import), in one transaction."""
    with db.transaction() as session:
        _put(session, state)


# -- what an import changes --------------------------------------------------------------------


class Difference(enum.Enum):
    ADDED = "added"
    REPLACED = "replaced"
    REMOVED = "removed"
    KEPT = "kept"
    """No longer in the package, but kept as the unit's own (a period's record refers to it, or
    the unit had it before the package)."""
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a preview: what happens to one thing of one part."""

    part: Part
    difference: Difference
    title: str = ""
    month: int | None = None
    plan_type: PlanType | None = None


class PackageRefused(ValidationError):
    """The unit uses a newer version of the same package: an older one is not imported."""

    def __init__(self, current: PackageInfo, offered: int) -> None:
        super().__init__("version", "older")
        self.current = current
        self.offered = offered
        """The version of the package that was refused."""


@dataclass(frozen=True, slots=True)
class Preview:
    package: Package
    current: PackageInfo | None
    entries: tuple[Entry, ...]

    @property
    def changes_anything(self) -> bool:
        return any(entry.difference is not Difference.UNCHANGED for entry in self.entries) or (
            self.current is None
            or (self.current.package_id, self.current.version)
            != (self.package.id, self.package.version)
        )


OWN = "#own"
"""Ends the ``package_item`` of a theme the unit had of its own before a package named the same
theme: a later version that leaves the theme out leaves it to the unit instead of removing it."""


def _item(package: Package, key: str) -> str:
    return f"{package.id}#{key}"


def _ours(package: Package, item: str | None) -> bool:
    """Whether a row's ``package_item`` says this package (any of its versions) brought it."""
    return item is not None and item.startswith(f"{package.id}#")


def _replaced_prefix(session: Session, package: Package) -> str:
    """How the rows of the kept package begin, when ``package`` is another that takes its place
    (what it brought stays as the unit's own); a prefix no row has otherwise."""
    current = package_in(session)
    if current is None or current.package_id == package.id:
        return "\x00"
    return f"{current.package_id}#"


def _language(session: Session) -> str:
    language = session.scalar(select(Unit.working_language))
    return (language or Language.FINNISH).value


def _same_text(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


@dataclass
class _Plan:
    """What an import does, worked out once for both the preview and the import."""

    entries: list[Entry] = field(default_factory=list)
    theme_updates: list[tuple[int, PackageTheme, str]] = field(default_factory=list)
    theme_adds: list[tuple[PackageTheme, str]] = field(default_factory=list)
    theme_removals: list[int] = field(default_factory=list)
    plan_updates: list[tuple[int, str, str, tuple[str, ...]]] = field(default_factory=list)
    plan_adds: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    detached_themes: list[int] = field(default_factory=list)
    detached_plans: list[int] = field(default_factory=list)


def _work_out(session: Session, package: Package) -> _Plan:
    language = _language(session)
    plan = _Plan()
    current = package_in(session)
    if (
        current is not None
        and current.package_id == package.id
        and current.version > package.version
    ):
        raise PackageRefused(current, package.version)
    if Part.CLOCK in package.parts:
        _work_out_clock(session, package, language, plan)
    if Part.CHECKLISTS in package.parts or current is not None:
        _work_out_checklists(session, package, language, plan)
    if Part.PLAN_TYPES in package.parts:
        _work_out_plan_types(session, package, language, plan)
    _work_out_agenda(session, package, language, plan)
    _work_out_templates(session, package, language, plan)
    return plan


def _work_out_clock(session: Session, package: Package, language: str, plan: _Plan) -> None:
    """Each package theme updates the theme it brought before, or is taken as a theme the unit
    has (same month and text), or is added. Then what the package's clock takes the place of:
    the themes its older versions brought and the application's default themes. One a
    period's record refers to (a mark, a meeting's agenda item) or the unit had of its own
    stays, as the unit's own; the unit's other themes are left as they are."""
    themes = list(session.scalars(select(ClockTheme).order_by(ClockTheme.id)))
    brought = {
        (t.package_item or "").removesuffix(OWN): t
        for t in themes
        if _ours(package, t.package_item)
    }
    defaults = {(e.month, e.title) for e in annual_clock.default_clock(language).themes}
    taken: set[int] = set()
    for theme in package.annual_clock:
        title = in_language(theme.title, language)
        item = _item(package, theme.key)
        row = brought.get(item)
        if row is not None and (row.package_item or "").endswith(OWN):
            item += OWN
        if row is None:
            row = next(
                (
                    t
                    for t in themes
                    if not _ours(package, t.package_item)
                    and t.id not in taken
                    and t.month == theme.month
                    and _same_text(t.title, title)
                ),
                None,
            )
            if row is not None and (row.month, row.title) not in defaults:
                item += OWN
        if row is None:
            plan.theme_adds.append((theme, item))
            change = Difference.ADDED
        else:
            taken.add(row.id)
            plan.theme_updates.append((row.id, theme, item))
            partners = theme.partners_in(language)
            same = (row.month, row.title, row.plan_type) == (
                theme.month,
                title,
                theme.plan_type,
            ) and partners in (None, row.partners)
            change = Difference.UNCHANGED if same else Difference.REPLACED
        plan.entries.append(Entry(Part.CLOCK, change, title, theme.month, theme.plan_type))
    marked = set(session.scalars(select(ThemeMark.theme_id)))
    used = set(session.scalars(select(AgendaItem.theme).where(AgendaItem.theme != "")))
    replaced = _replaced_prefix(session, package)
    for row in themes:
        if row.id in taken:
            continue
        brought_by = row.package_item
        in_record = row.id in marked or row.title in used
        if _ours(package, brought_by):
            if (brought_by or "").endswith(OWN) or in_record:
                plan.detached_themes.append(row.id)
                change = Difference.KEPT
            else:
                plan.theme_removals.append(row.id)
                change = Difference.REMOVED
            plan.entries.append(Entry(Part.CLOCK, change, row.title, row.month, row.plan_type))
        elif brought_by is not None and brought_by.startswith(replaced):
            plan.detached_themes.append(row.id)  # the package replaced brought it: the unit's
        elif (row.month, row.title) in defaults and not in_record:
            plan.theme_removals.append(row.id)
            plan.entries.append(
                Entry(Part.CLOCK, Difference.REMOVED, row.title, row.month, row.plan_type)
            )
    if len(themes) + len(plan.theme_adds) - len(plan.theme_removals) > annual_clock.MAX_THEMES:
        raise ValidationError("themes", "too_many")


def _work_out_checklists(session: Session, package: Package, language: str, plan: _Plan) -> None:
    for plan_type in STANDARD_TYPES:
        before = checklist_in(session, plan_type) or shipped_checklist(plan_type)
        after = package.checklists.get(plan_type) or shipped_checklist(plan_type)
        if plan_type not in package.checklists and before == after:
            continue
        same = [(k, in_language(t, language)) for k, t in before] == [
            (k, in_language(t, language)) for k, t in after
        ]
        plan.entries.append(
            Entry(
                Part.CHECKLISTS,
                Difference.UNCHANGED if same else Difference.REPLACED,
                plan_type=plan_type,
            )
        )


def _work_out_plan_types(session: Session, package: Package, language: str, plan: _Plan) -> None:
    """Each plan type updates the plan it brought before, or is taken as a plan of the unit's
    own by the same name, or is added as a plan. Plans are part of the record and are never
    removed: one a newer version leaves out stays, as the unit's own."""
    existing = list(session.scalars(select(Plan).where(_PACKAGE_PLANS).order_by(Plan.id)))
    brought = {p.package_item: p for p in existing if _ours(package, p.package_item)}
    taken: set[int] = set()
    for plan_type in package.plan_types:
        name = in_language(plan_type.name, language)
        questions = tuple(q for q in (in_language(q, language) for q in plan_type.questions) if q)
        item = _item(package, plan_type.key)
        row = brought.get(item) or next(
            (
                p
                for p in existing
                if not _ours(package, p.package_item)
                and p.type is PlanType.CUSTOM
                and not p.archived
                and p.id not in taken
                and _same_text(p.name, name)
            ),
            None,
        )
        if row is None:
            plan.plan_adds.append((item, name, questions))
            plan.entries.append(Entry(Part.PLAN_TYPES, Difference.ADDED, name))
            continue
        taken.add(row.id)
        same = row.name == name and tuple(row.custom_questions) == questions
        plan.entries.append(
            Entry(Part.PLAN_TYPES, Difference.UNCHANGED if same else Difference.REPLACED, name)
        )
        plan.plan_updates.append((row.id, item, name, questions))
    replaced = _replaced_prefix(session, package)
    for row in existing:
        if row.id in taken or row.package_item is None:
            continue
        if _ours(package, row.package_item):
            plan.detached_plans.append(row.id)
            plan.entries.append(Entry(Part.PLAN_TYPES, Difference.KEPT, row.name))
        elif row.package_item.startswith(replaced):
            plan.detached_plans.append(row.id)


def _work_out_agenda(session: Session, package: Package, language: str, plan: _Plan) -> None:
    before = standing_agenda_in(session)
    if Part.STANDING_AGENDA not in package.parts:
        if before is not None:  # back to the shipped agenda
            plan.entries.append(Entry(Part.STANDING_AGENDA, Difference.REPLACED))
        return

    def titles(agenda: Sequence[tuple[AgendaItemKind, Texts]]) -> list[tuple[AgendaItemKind, str]]:
        return [(kind, in_language(texts, language)) for kind, texts in agenda]

    shipped = shipped_standing_agenda()
    same = titles(before if before is not None else shipped) == titles(package.standing_agenda)
    plan.entries.append(
        Entry(Part.STANDING_AGENDA, Difference.UNCHANGED if same else Difference.REPLACED)
    )


def _work_out_templates(session: Session, package: Package, language: str, plan: _Plan) -> None:
    old = _content(session)
    before = {t.key: t for t in old.templates} if old is not None and old.id == package.id else {}
    kept: set[str] = set()
    for template in package.templates:
        title = in_language(template.what_to_change, language)
        previous = before.get(template.key)
        if previous is None:
            change = Difference.ADDED
        else:
            kept.add(template.key)
            change = Difference.UNCHANGED if previous == template else Difference.REPLACED
        plan.entries.append(Entry(Part.TEMPLATES, change, title, plan_type=template.plan_type))
    for template in old.templates if old is not None else ():
        if template.key not in kept:
            plan.entries.append(
                Entry(
                    Part.TEMPLATES,
                    Difference.REMOVED,
                    in_language(template.what_to_change, language),
                    plan_type=template.plan_type,
                )
            )


def preview(db: Database, package: Package) -> Preview:
    """What importing ``package`` would add, replace and remove; nothing is written.
    :class:`PackageRefused` when the unit uses a newer version of the same package."""
    with db.reading() as session:
        return Preview(package, package_in(session), tuple(_work_out(session, package).entries))


@dataclass(frozen=True, slots=True)
class ImportResult:
    before: PackageState
    after: PackageState


def import_package(
    db: Database, package: Package, *, now: dt.datetime | None = None
) -> ImportResult:
    """Import ``package`` in one transaction; ``before`` and ``after`` are the undo and redo."""
    with db.transaction() as session:
        before = _state(session)
        plan = _work_out(session, package)
        _apply_clock(session, package, plan)
        for plan_id, item, name, questions in plan.plan_updates:
            row = session.get(Plan, plan_id)
            assert row is not None
            row.name, row.custom_questions, row.package_item = name, list(questions), item
        for item, name, questions in plan.plan_adds:
            session.add(
                Plan(
                    type=PlanType.CUSTOM,
                    name=name,
                    custom_questions=list(questions),
                    package_item=item,
                )
            )
        for plan_id in plan.detached_plans:
            row = session.get(Plan, plan_id)
            assert row is not None
            row.package_item = None
        kept = before.package
        same = kept is not None and (
            kept.info.package_id,
            kept.info.version,
            dict(kept.content),
        ) == (package.id, package.version, dict(package.document))
        # the same package again is no new import: it keeps its day (and the kept package's
        # reading, which is known by it)
        moment = kept.info.imported_at if same and kept is not None else now
        info = PackageInfo(
            package.id,
            package.name,
            package.version,
            package.published,
            moment or dt.datetime.now(dt.UTC),
        )
        _keep(session, StoredPackage(info, package.document))
        return ImportResult(before, _state(session))


def import_package_undoably(db: Database, package: Package) -> Change[ImportResult]:
    result = import_package(db, package)
    return Change(
        N_("import municipal package"),
        result,
        undo=lambda: put_state(db, result.before),
        redo=lambda: put_state(db, result.after),
    )


def _apply_clock(session: Session, package: Package, plan: _Plan) -> None:
    """Write the clock's changes; then each month the package names holds its themes in the
    package's order, followed by the unit's others in theirs."""
    language = _language(session)
    themes = {t.id: t for t in session.scalars(select(ClockTheme))}
    for theme_id, theme, item in plan.theme_updates:
        row = themes[theme_id]
        row.title = in_language(theme.title, language)
        row.plan_type = theme.plan_type
        partners = theme.partners_in(language)
        if partners is not None:
            row.partners = partners
        row.package_item = item
        if row.month != theme.month:
            annual_clock.place_in(session, row, theme.month, None)
    for theme_id in plan.detached_themes:
        themes[theme_id].package_item = None
    for theme_id in plan.theme_removals:
        annual_clock.remove_in(session, themes[theme_id])
    for theme, item in plan.theme_adds:  # placed below, with the month's others
        session.add(
            ClockTheme(
                month=theme.month,
                position=0,
                title=in_language(theme.title, language),
                plan_type=theme.plan_type,
                partners=theme.partners_in(language) or [],
                package_item=item,
            )
        )
    session.flush()
    order = {_item(package, theme.key): index for index, theme in enumerate(package.annual_clock)}

    def place(theme: ClockTheme) -> tuple[int, int]:
        item = (theme.package_item or "").removesuffix(OWN)
        return (0, order[item]) if item in order else (1, theme.position)

    for month in {theme.month for theme in package.annual_clock}:
        annual_clock.reorder_in(session, month, place)


# -- composing a package from a unit file ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Composed:
    """What a file last exported as a package: the next export keeps the id and counts on."""

    package_id: str
    name: str
    version: int


def _composed_setting(session: Session) -> dict[str, Any]:
    row = session.get(Setting, COMPOSED_SETTING)
    try:
        data = json.loads(row.value) if row is not None else {}
        uuid.UUID(str(data["id"]))
    except (ValueError, KeyError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def last_composed(db: Database) -> Composed | None:
    with db.reading() as session:
        data = _composed_setting(session)
    try:
        return Composed(str(data["id"]), str(data["name"]), int(data["version"]))
    except (ValueError, KeyError, TypeError):
        return None


def _line(text: str) -> str:
    """A one-line text as a package holds it: tabs and runs of spaces as one space."""
    return " ".join(text.split())


def _texts_of(text: str, language: str) -> dict[str, str]:
    """A text the unit typed, in its language; line breaks as a package holds them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return {language: text} if text.strip() else {}


def _key(row: ClockTheme | Plan, package_id: str, letter: str) -> str:
    """The lasting key of a theme or plan in the package made from this file. A row the file
    made itself gets a random key the first time, kept on the row (as the package's mark), so
    that a row added after one was deleted never takes the deleted row's key; a row another
    package brought gets a key made from that origin, the same every time."""
    item = row.package_item
    if item is not None and item.startswith(f"{package_id}#"):
        return item.removeprefix(f"{package_id}#").removesuffix(OWN)
    if item is not None:
        return letter + hashlib.sha256(item.encode("utf-8")).hexdigest()[:20]
    key = letter + uuid.uuid4().hex[:20]
    row.package_item = f"{package_id}#{key}"
    return key


def compose(
    db: Database,
    name: str,
    version: int,
    parts: Iterable[Part] = tuple(Part),
    *,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The unit file's clock, checklists, custom plans, standing agenda and result cards as a
    package document, checked as an importing unit checks it: a part with more items than a
    package holds is a ``too_many`` :class:`ValidationError` naming the part.

    Texts the unit typed are in its working language; checklists and the standing agenda are
    the ones in use (the kept package's or the shipped ones), in both languages. The file
    keeps the package's identity and its rows' keys from the first export on.
    """
    name = _line(name)
    if not name:
        raise ValidationError("name", "required")
    chosen = frozenset(parts)
    with db.transaction() as session:
        setting = _composed_setting(session)
        if not setting:
            setting = {"id": str(uuid.uuid4())}
            session.merge(Setting(key=COMPOSED_SETTING, value=json.dumps(setting)))
        package_id = str(setting["id"])
        language = _language(session)
        unit = session.scalar(select(Unit))
        document: dict[str, Any] = {
            "format": PACKAGE_FORMAT,
            "format_version": FORMAT_VERSION,
            "id": package_id,
            "name": name[:200],
            "version": version,
            "published": (today or dt.date.today()).isoformat(),
            "municipality": _line(unit.municipality)[:200] if unit is not None else "",
        }
        if Part.CLOCK in chosen:
            themes = sorted(
                session.scalars(select(ClockTheme)),
                key=lambda t: (annual_clock.period_month_index(t.month), t.position, t.id),
            )
            document[Part.CLOCK.value] = [
                {
                    "key": _key(t, package_id, "t"),
                    "month": t.month,
                    "title": {language: t.title},
                    "plan_type": t.plan_type.value if t.plan_type else None,
                    "partners": [
                        {"role": p.role.value}
                        if p.role is not None
                        else {"name": {language: p.name}}
                        for p in annual_clock.stored_partners(t.partners)
                    ],
                }
                for t in themes
            ]
        if Part.CHECKLISTS in chosen:
            document[Part.CHECKLISTS.value] = {
                t.value: [
                    {"key": key, "text": dict(texts)}
                    for key, texts in (checklist_in(session, t) or shipped_checklist(t))
                ]
                for t in STANDARD_TYPES
            }
        if Part.PLAN_TYPES in chosen:
            plans = session.scalars(
                select(Plan)
                .where(Plan.type == PlanType.CUSTOM, Plan.archived.is_(False))
                .order_by(Plan.name, Plan.id)
            )
            document[Part.PLAN_TYPES.value] = [
                {
                    "key": _key(p, package_id, "p"),
                    "name": {language: _line(p.name)},
                    "questions": [{language: _line(q)} for q in p.custom_questions if q.strip()],
                }
                for p in plans
            ]
        if Part.STANDING_AGENDA in chosen:
            agenda = standing_agenda_in(session) or shipped_standing_agenda()
            document[Part.STANDING_AGENDA.value] = [
                {"kind": kind.value, "title": dict(texts)} for kind, texts in agenda
            ]
        if Part.TEMPLATES in chosen:
            document[Part.TEMPLATES.value] = _templates_of(session, language)
        for part in (Part.CLOCK, Part.PLAN_TYPES, Part.TEMPLATES):
            if len(document.get(part.value, ())) > schema()["properties"][part.value]["maxItems"]:
                raise ValidationError(part.value, "too_many")
        validate_package(document)
    return document


def package_bytes(document: Mapping[str, Any]) -> bytes:
    """The package file's bytes; a ``package`` ``too_large`` :class:`ValidationError` when it
    would be larger than a unit reads."""
    raw = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError("package", "too_large")
    return raw


def remember_composed(db: Database, document: Mapping[str, Any]) -> None:
    """Remember an exported package's name and version (once its file is written), so that
    the next export is offered as the same package's next version."""
    with db.transaction() as session:
        data = {**_composed_setting(session), "id": document["id"]}
        data.update(name=document["name"], version=document["version"])
        session.merge(Setting(key=COMPOSED_SETTING, value=json.dumps(data)))


def _templates_of(session: Session, language: str) -> list[dict[str, Any]]:
    """The file's active result cards as templates (a card with a text longer than a
    template holds is left out)."""
    cards = session.scalars(
        select(ResultCard)
        .where(ResultCard.status == ResultCardStatus.ACTIVE)
        .order_by(ResultCard.id)
    )
    templates: list[dict[str, Any]] = []
    for card in cards:
        texts = [card.what_to_change, *(getattr(card, name) for name in _CARD_FIELDS)]
        if any(len(text.strip()) > MAX_TEMPLATE_TEXT_LENGTH for text in texts):
            continue
        plan = session.get(Plan, card.plan_id) if card.plan_id is not None else None
        templates.append(
            {
                "key": f"c{card.id}",
                "plan_type": plan.type.value if plan is not None else None,
                "what_to_change": _texts_of(card.what_to_change, language),
                **{name: _texts_of(getattr(card, name), language) for name in _CARD_FIELDS},
            }
        )
    return templates
