"""The municipal package: composed in one unit file, imported into others, updated by newer
versions, taken back by undo, and refused whole when anything in it is wrong."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import select

from hyvinvointi_app.domain.enums import AgendaItemKind, Language, PlanType, ThemeHandling
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.services import annual_clock, meetings, periods, plans, result_cards
from hyvinvointi_app.services import municipal_package as mp
from hyvinvointi_app.services.municipal_package import Difference, Part
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.services.result_cards import CardInput
from hyvinvointi_app.services.unit import UnitInfo
from hyvinvointi_app.services.unit_file import create_unit_file
from hyvinvointi_app.store.database import Database, open_database

START, END = dt.date(2026, 8, 1), dt.date(2027, 7, 31)


def _unit(path: Path, language: Language = Language.FINNISH) -> Database:
    info = UnitInfo("Päiväkoti Kuusikko", "Daghemmet Granbacken", "Porvoo", True, language)
    create_unit_file(path, info, START, END)
    return open_database(path)


@pytest.fixture
def coordinator(tmp_path: Path) -> Database:
    """The coordinator's own file, composed as a municipality would: the default clock with
    one theme added and one removed, a quality card as a plan of its own type with its
    questions, and two result cards to share as templates."""
    db = _unit(tmp_path / "coordinator.sqlite")
    annual_clock.add_theme(db, 9, "Turvallisuuskävely pihalla", PlanType.SAFETY_RESCUE)
    annual_clock.remove_theme(db, annual_clock.list_themes(db)[-1].id)
    plans.add_plan(
        db,
        PlanInput(
            PlanType.CUSTOM,
            "Laatukortti: leikki",
            custom_questions=("Onko leikille varattu aikaa päivittäin?", "Osallistuuko aikuinen?"),
        ),
    )
    result_cards.create_card(
        db,
        CardInput(
            "Lasten osallisuus kokouksissa",
            target_state="Lapset ehdottavat teemoja.",
            measures="Lasten kokous kerran kuussa.\nKuvat tukena.",
            indicator="Ehdotusten määrä",
        ),
    )
    result_cards.create_card(db, CardInput("Pihan turvallisuus"))
    yield db
    db.close()


def _file(db: Database, version: int = 1, name: str = "Porvoon yhteiset käytännöt") -> bytes:
    """The package as File → Export writes it (and the file remembers it after)."""
    document = mp.compose(db, name, version, today=dt.date(2026, 12, 7))
    mp.remember_composed(db, document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _clock(db: Database) -> list[tuple[int, str, PlanType | None]]:
    return [(t.month, t.title, t.plan_type) for t in annual_clock.list_themes(db)]


def _checklists(db: Database, language: str = "fi") -> dict[PlanType, list[str]]:
    with db.reading() as session:
        return {
            t: [q.text for q in plans.checklist_for(t, language, (), mp.checklist_in(session, t))]
            for t in mp.STANDARD_TYPES
        }


def _custom_plans(db: Database) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.name, p.custom_questions) for p in plans.list_plans(db, plan_type=PlanType.CUSTOM)]


def test_a_composed_package_follows_its_published_schema(coordinator: Database) -> None:
    document = json.loads(_file(coordinator))
    jsonschema.Draft202012Validator(mp.schema()).validate(document)
    assert document["format"] == mp.PACKAGE_FORMAT and document["version"] == 1
    assert {part.value for part in Part} <= set(document)


def test_a_package_carries_one_unit_to_another_and_twice_changes_nothing(
    coordinator: Database, tmp_path: Path
) -> None:
    package = mp.parse_package(_file(coordinator))
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        own = annual_clock.add_theme(unit, 3, "Oma teema: kevätjuhla")
        removed = annual_clock.list_themes(unit)[-1]
        preview = mp.preview(unit, package)
        # The fresh unit has the default clock: the package's themes it already has are
        # taken as they are, the added one is added, the default theme the coordinator
        # removed goes, and the unit's own theme stays.
        added = [e for e in preview.entries if e.difference is Difference.ADDED]
        assert [(e.part, e.title) for e in added if e.part is Part.CLOCK] == [
            (Part.CLOCK, "Turvallisuuskävely pihalla")
        ]
        assert [
            (e.part, e.title) for e in preview.entries if e.difference is Difference.REMOVED
        ] == [(Part.CLOCK, removed.title)]
        assert [e.title for e in added if e.part is Part.PLAN_TYPES] == ["Laatukortti: leikki"]
        assert [e.title for e in added if e.part is Part.TEMPLATES] == [
            "Lasten osallisuus kokouksissa",
            "Pihan turvallisuus",
        ]

        mp.import_package(unit, package)
        # The same clock in the same order; the unit's own theme after the package's of March.
        expected = _clock(coordinator)
        last_of_march = max(i for i, (month, _t, _p) in enumerate(expected) if month == 3)
        expected.insert(last_of_march + 1, (own.month, own.title, own.plan_type))
        assert _clock(unit) == expected
        assert _checklists(unit) == _checklists(coordinator)
        assert _custom_plans(unit) == _custom_plans(coordinator)
        templates = mp.card_templates(unit, "fi")
        assert [(t.what_to_change, t.measures) for t in templates] == [
            ("Lasten osallisuus kokouksissa", "Lasten kokous kerran kuussa.\nKuvat tukena."),
            ("Pihan turvallisuus", ""),
        ]
        info = mp.current_package(unit)
        assert info is not None
        assert (info.name, info.version) == ("Porvoon yhteiset käytännöt", 1)

        before = mp.package_state(unit)
        again = mp.preview(unit, package)
        assert not again.changes_anything
        assert {e.difference for e in again.entries} == {Difference.UNCHANGED}
        result = mp.import_package(unit, package)
        assert result.before == result.after == before
    finally:
        unit.close()


def test_a_newer_version_updates_what_the_older_brought_and_nothing_else(
    coordinator: Database, tmp_path: Path
) -> None:
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        mp.import_package(unit, mp.parse_package(_file(coordinator)))
        own = annual_clock.add_theme(unit, 3, "Oma teema: kevätjuhla")
        own_plan = plans.add_plan(unit, PlanInput(PlanType.ANTI_BULLYING, "Kiusaamisen ehkäisy"))
        walk = next(t for t in annual_clock.list_themes(unit) if t.title.startswith("Turvall"))
        marked = annual_clock.list_themes(unit)[0]
        period = periods.current_period(unit)
        assert period is not None
        annual_clock.set_theme_mark(unit, marked.id, period.id, ThemeHandling.HANDLED_ELSEWHERE)

        # The coordinator moves the walk to October, drops the marked theme and another one,
        # renames the quality card and asks one question less.
        themes = annual_clock.list_themes(coordinator)
        theirs = next(t for t in themes if t.title.startswith("Turvall"))
        annual_clock.edit_theme(
            coordinator, theirs.id, "Turvallisuuskävely", PlanType.SAFETY_RESCUE, month=10
        )
        annual_clock.remove_theme(coordinator, themes[0].id)
        dropped = themes[1]
        annual_clock.remove_theme(coordinator, dropped.id)
        card = plans.list_plans(coordinator, plan_type=PlanType.CUSTOM)[0]
        plans.edit_plan(
            coordinator,
            card.id,
            PlanInput(PlanType.CUSTOM, "Laatukortti: leikki ja oppiminen", custom_questions=("Q",)),
        )
        newer = mp.parse_package(_file(coordinator, version=2))
        assert newer.id == mp.parse_package(_file(coordinator, version=3)).id

        preview = mp.preview(unit, newer)
        changes = {(e.part, e.difference, e.title) for e in preview.entries}
        assert (Part.CLOCK, Difference.REPLACED, "Turvallisuuskävely") in changes
        assert (Part.CLOCK, Difference.REMOVED, dropped.title) in changes
        assert (Part.PLAN_TYPES, Difference.REPLACED, "Laatukortti: leikki ja oppiminen") in changes
        mp.import_package(unit, newer)

        after = annual_clock.list_themes(unit)
        moved = next(t for t in after if t.id == walk.id)
        assert (moved.month, moved.title) == (10, "Turvallisuuskävely")
        assert dropped.title not in [t.title for t in after]
        # A theme with a period's mark is part of that period's record: it stays, as the
        # unit's own; so does the theme the unit added.
        kept = next(t for t in after if t.id == marked.id)
        assert kept.package_item is None
        assert own.id in [t.id for t in after]
        assert plans.get_plan(unit, own_plan.id).name == "Kiusaamisen ehkäisy"
        assert _custom_plans(unit) == [("Laatukortti: leikki ja oppiminen", ("Q",))]
        info = mp.current_package(unit)
        assert info is not None and info.version == 2

        with pytest.raises(mp.PackageRefused) as refused:
            mp.preview(unit, mp.parse_package(_file(coordinator, version=1)))
        assert refused.value.current.version == 2
    finally:
        unit.close()


def test_undo_puts_everything_back_and_redo_brings_the_same_rows(
    coordinator: Database, tmp_path: Path
) -> None:
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        before = mp.package_state(unit)
        result = mp.import_package(unit, mp.parse_package(_file(coordinator)))
        assert result.before == before
        mp.put_state(unit, result.before)
        assert mp.package_state(unit) == before
        assert mp.current_package(unit) is None
        assert _custom_plans(unit) == []
        mp.put_state(unit, result.after)
        assert mp.package_state(unit) == result.after
    finally:
        unit.close()


def test_an_undo_that_would_remove_a_plan_in_use_is_refused(
    coordinator: Database, tmp_path: Path
) -> None:
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        result = mp.import_package(unit, mp.parse_package(_file(coordinator)))
        card_plan = plans.list_plans(unit, plan_type=PlanType.CUSTOM)[0]
        result_cards.create_card(unit, CardInput("Leikin aika", plan_id=card_plan.id))
        with pytest.raises(ValidationError) as error:
            mp.put_state(unit, result.before)
        assert error.value.reason == "in_use"
        assert mp.package_state(unit) == result.after  # nothing was changed
    finally:
        unit.close()


def test_the_package_gives_new_agendas_and_evaluations_their_words(
    coordinator: Database, tmp_path: Path
) -> None:
    document = json.loads(_file(coordinator))
    document["standing_agenda"] = [
        {"kind": "opening", "title": {"fi": "Avaus", "sv": "Öppning"}},
        {"kind": "theme", "title": {"fi": "Teemat"}},
        {"kind": "custom", "title": {"fi": "Ajankohtaista kunnasta", "sv": "Aktuellt"}},
        {"kind": "closing", "title": {"fi": "Päättäminen", "sv": "Avslutning"}},
    ]
    document["checklists"]["anti_bullying"] = [
        {"key": "model_known", "text": {"fi": "Tunnetaanko malli?", "sv": "Känner man modellen?"}}
    ]
    unit = _unit(tmp_path / "unit.sqlite", Language.SWEDISH)
    try:
        mp.import_package(unit, mp.validate_package(document))
        period = periods.current_period(unit)
        assert period is not None
        meeting = meetings.new_meeting(unit, period.id, dt.date(2026, 10, 6))
        kinds = [(item.kind, item.title) for item in meeting.agenda]
        assert kinds[0] == (AgendaItemKind.OPENING, "Öppning")
        assert (AgendaItemKind.CUSTOM, "Aktuellt") in kinds
        assert kinds[-1] == (AgendaItemKind.CLOSING, "Avslutning")
        plan = plans.add_plan(unit, PlanInput(PlanType.ANTI_BULLYING, "Modell mot mobbning"))
        questions = plans.checklist_for_plan(unit, plan.id, "sv")
        assert [(q.key, q.text) for q in questions] == [("model_known", "Känner man modellen?")]
        # A plan type the package leaves alone keeps the shipped checklist.
        other = plans.add_plan(unit, PlanInput(PlanType.SAFETY_RESCUE, "Räddningsplan"))
        assert plans.checklist_for_plan(unit, other.id, "fi") == plans.checklist_for(
            PlanType.SAFETY_RESCUE, "fi"
        )
    finally:
        unit.close()


def _valid(coordinator: Database) -> dict[str, Any]:
    return dict(json.loads(_file(coordinator)))


BAD: dict[str, tuple[Any, str]] = {
    "not json": (b"{not json", "not_json"),
    "empty": (b"  \n", "empty"),
    "latin-1": ("Päiväkoti".encode("latin-1"), "not_utf8"),
    "an annual clock file": ({"format": "hyvinvointi-annual-clock", "version": 1}, "wrong_format"),
    "a list": ([1, 2], "not_an_object"),
    "a field named twice": (b'{"format": "x", "format": "y"}', "duplicate_key"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_files_that_are_no_package_are_refused(case: str) -> None:
    data, reason = BAD[case]
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    with pytest.raises(ValidationError) as error:
        mp.parse_package(raw)
    assert error.value.reason == reason


def _broken(document: dict[str, Any], case: str) -> None:
    if case == "too new":
        document["format_version"] = mp.FORMAT_VERSION + 1
    elif case == "no id":
        del document["id"]
    elif case == "month 13":
        document["annual_clock"][0]["month"] = 13
    elif case == "unknown plan type":
        document["annual_clock"][0]["plan_type"] = "quality"
    elif case == "empty title":
        document["annual_clock"][0]["title"] = {"fi": "  "}
    elif case == "control character":
        document["annual_clock"][0]["title"] = {"fi": "Teema\x07"}
    elif case == "same key twice":
        document["annual_clock"][1]["key"] = document["annual_clock"][0]["key"]
    elif case == "too long":
        document["plan_types"][0]["name"] = {"fi": "x" * 400}
    elif case == "unknown field":
        document["extra"] = True
    elif case == "version zero":
        document["version"] = 0
    elif case == "two openings":
        document["standing_agenda"].append(dict(document["standing_agenda"][0]))
    elif case == "bad date":
        document["published"] = "2026-02-31"
    elif case == "an empty checklist":
        document["checklists"]["action_plan"] = []
    elif case == "a version written 3.0":
        document["version"] = 3.0
    elif case == "a month written 2.0":
        document["annual_clock"][0]["month"] = 2.0
    elif case == "a checklist key like a plan's own question's":
        document["checklists"]["action_plan"][0]["key"] = "custom_1"
    elif case == "a standing agenda without the clock's themes":
        document["standing_agenda"] = [
            i for i in document["standing_agenda"] if i["kind"] != "theme"
        ]
    elif case == "a control character in the municipality":
        document["municipality"] = "Porvoo\x00"
    elif case == "a title of invisible characters":
        document["annual_clock"][0]["title"] = {"fi": "\u200b\u200b", "sv": " \u2060"}
    elif case == "a partner of no known role":
        document["annual_clock"][0]["partners"] = [{"role": "janitor"}]
    elif case == "a partner both a role and a name":
        document["annual_clock"][0]["partners"] = [{"role": "psychologist", "name": {"fi": "X"}}]
    elif case == "a partner's name too long":
        document["annual_clock"][0]["partners"] = [{"name": {"fi": "x" * 101}}]
    elif case == "a partner's name of spaces":
        document["annual_clock"][0]["partners"] = [{"name": {"fi": "   "}}]
    elif case == "partners in a version-1 package":
        document["format_version"] = 1
        document["annual_clock"][0]["partners"] = [{"role": "psychologist"}]


BROKEN = {
    "too new": "too_new",
    "no id": "invalid",
    "month 13": "invalid",
    "unknown plan type": "invalid",
    "empty title": "required",
    "control character": "invalid_characters",
    "same key twice": "duplicate_key",
    "too long": "too_long",
    "unknown field": "invalid",
    "version zero": "invalid",
    "two openings": "duplicate_key",
    "bad date": "format",
    "an empty checklist": "invalid",
    "a version written 3.0": "invalid",
    "a month written 2.0": "invalid",
    "a checklist key like a plan's own question's": "invalid",
    "a standing agenda without the clock's themes": "no_theme_item",
    "a control character in the municipality": "invalid_characters",
    "a title of invisible characters": "required",
    "a partner of no known role": "invalid",
    "a partner both a role and a name": "invalid",
    "a partner's name too long": "invalid",
    "a partner's name of spaces": "required",
    "partners in a version-1 package": "invalid",
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_a_package_with_any_fault_is_refused_whole_and_changes_nothing(
    coordinator: Database, tmp_path: Path, case: str
) -> None:
    document = copy.deepcopy(_valid(coordinator))
    _broken(document, case)
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        before = mp.package_state(unit)
        with pytest.raises(ValidationError) as error:
            mp.parse_package(json.dumps(document).encode("utf-8"))
        assert error.value.reason == BROKEN[case]
        if case == "month 13":
            assert error.value.field == "annual_clock.0.month"
        assert mp.package_state(unit) == before
    finally:
        unit.close()


def test_the_next_export_is_the_same_packages_next_version(coordinator: Database) -> None:
    assert mp.last_composed(coordinator) is None
    mp.compose(coordinator, "Kokeilu", 1)  # composed, but not written: not remembered
    assert mp.last_composed(coordinator) is None
    first = json.loads(_file(coordinator, version=1))
    composed = mp.last_composed(coordinator)
    assert composed is not None
    assert (composed.package_id, composed.version) == (first["id"], 1)
    second = json.loads(_file(coordinator, version=2, name="Uusi nimi"))
    assert second["id"] == first["id"] and second["name"] == "Uusi nimi"


def test_a_package_of_some_parts_leaves_the_others_alone(
    coordinator: Database, tmp_path: Path
) -> None:
    document = mp.compose(coordinator, "Vain vuosikello", 1, [Part.CLOCK])
    package = mp.validate_package(document)
    assert package.parts == {Part.CLOCK}
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        shipped = _checklists(unit)
        mp.import_package(unit, package)
        assert _checklists(unit) == shipped
        assert _custom_plans(unit) == [] and mp.card_templates(unit, "fi") == []
    finally:
        unit.close()


def test_the_coordinators_own_file_takes_its_own_package_without_doubling_anything(
    coordinator: Database,
) -> None:
    """Importing the package into the file it was made from finds every theme and plan it
    already has; the undo gives the file back as it was, the plan not deleted."""
    package = mp.parse_package(_file(coordinator))
    before = mp.package_state(coordinator)
    clock, custom = _clock(coordinator), _custom_plans(coordinator)
    result = mp.import_package(coordinator, package)
    assert _clock(coordinator) == clock and _custom_plans(coordinator) == custom
    assert all(plan.package_item for plan in result.after.plans)
    mp.put_state(coordinator, result.before)
    assert mp.package_state(coordinator) == before
    assert _custom_plans(coordinator) == custom


def test_a_package_under_another_id_takes_the_place_of_the_first_without_doubling(
    coordinator: Database, tmp_path: Path
) -> None:
    """The coordinator's setting lost, the same contents come as a new package: nothing is
    doubled, and what the first brought stays as the unit's own."""
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        mp.import_package(unit, mp.parse_package(_file(coordinator)))
        clock, custom = _clock(unit), _custom_plans(unit)
        document = json.loads(_file(coordinator))
        document["id"] = "0b6d6c2e-4a53-4b8f-9a57-2f3c1f0e7d11"
        second = mp.validate_package(document)
        preview = mp.preview(unit, second)
        # The clock and the plans are found as they are; the templates, read from the kept
        # package, are the new package's.
        changes = {e.difference for e in preview.entries if e.part in (Part.CLOCK, Part.PLAN_TYPES)}
        assert changes == {Difference.UNCHANGED}
        after = mp.import_package(unit, second).after
        assert _clock(unit) == clock and _custom_plans(unit) == custom
        assert all(t.package_item.startswith(second.id) for t in after.themes if t.package_item)
    finally:
        unit.close()


def test_a_theme_the_unit_had_of_its_own_is_never_removed_by_a_later_version(
    coordinator: Database, tmp_path: Path
) -> None:
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        own = annual_clock.add_theme(unit, 3, "Kevätjuhlan suunnittelu")
        annual_clock.add_theme(coordinator, 3, "Kevätjuhlan suunnittelu")
        mp.import_package(unit, mp.parse_package(_file(coordinator)))
        theirs = next(t for t in annual_clock.list_themes(coordinator) if t.title == own.title)
        annual_clock.remove_theme(coordinator, theirs.id)
        card = plans.list_plans(coordinator, plan_type=PlanType.CUSTOM)[0]
        plans.remove_plan(coordinator, card.id)
        newer = mp.parse_package(_file(coordinator, version=2))
        preview = mp.preview(unit, newer)
        kept = {(e.part, e.title) for e in preview.entries if e.difference is Difference.KEPT}
        assert kept == {(Part.CLOCK, own.title), (Part.PLAN_TYPES, "Laatukortti: leikki")}
        mp.import_package(unit, newer)
        stays = next(t for t in annual_clock.list_themes(unit) if t.id == own.id)
        assert stays.package_item is None
        assert [p.package_item for p in mp.package_state(unit).plans] == [None]
        assert not mp.preview(unit, newer).changes_anything
    finally:
        unit.close()


def test_a_dropped_default_theme_a_meeting_used_stays_and_twice_is_still_nothing(
    coordinator: Database, tmp_path: Path
) -> None:
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        dropped = annual_clock.list_themes(unit)[-1]  # the coordinator removed it
        period = periods.current_period(unit)
        annual_clock.set_theme_mark(unit, dropped.id, period.id, ThemeHandling.NOT_HANDLED)
        package = mp.parse_package(_file(coordinator))
        assert not [e for e in mp.preview(unit, package).entries if e.title == dropped.title]
        mp.import_package(unit, package)
        assert dropped.id in [t.id for t in annual_clock.list_themes(unit)]
        assert not mp.preview(unit, package).changes_anything
    finally:
        unit.close()


def test_a_new_theme_keeps_its_place_in_the_month(coordinator: Database, tmp_path: Path) -> None:
    annual_clock.add_theme(coordinator, 10, "Ensimmäisenä lokakuussa", position=1)
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        mp.import_package(unit, mp.parse_package(_file(coordinator)))
        october = [t.title for t in annual_clock.list_themes(unit) if t.month == 10]
        assert october[0] == "Ensimmäisenä lokakuussa"
        assert october == [t.title for t in annual_clock.list_themes(coordinator) if t.month == 10]
    finally:
        unit.close()


def test_composing_refuses_a_part_too_large_and_keeps_line_breaks_as_a_package_holds_them(
    coordinator: Database,
) -> None:
    result_cards.create_card(coordinator, CardInput("Rivit", measures="Yksi\r\nkaksi\rkolme"))
    document = mp.compose(coordinator, "Paketti", 1)
    template = next(
        t for t in document["result_card_templates"] if t["what_to_change"]["fi"] == "Rivit"
    )
    assert template["measures"] == {"fi": "Yksi\nkaksi\nkolme"}
    for number in range(50):
        plans.add_plan(coordinator, PlanInput(PlanType.CUSTOM, f"Laatukortti {number}"))
    with pytest.raises(ValidationError) as error:
        mp.compose(coordinator, "Paketti", 1)
    assert (error.value.field, error.value.reason) == ("plan_types", "too_many")


def test_a_row_added_after_one_was_deleted_never_takes_its_place(
    coordinator: Database, tmp_path: Path
) -> None:
    """SQLite gives a new row the id of the last one deleted: the package's keys are not ids,
    so the unit's theme with a period's mark and its evaluated plan stay as they were."""
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        mp.import_package(unit, mp.parse_package(_file(coordinator)))
        theirs = max(annual_clock.list_themes(coordinator), key=lambda t: t.id)
        last = next(t for t in annual_clock.list_themes(unit) if t.title == theirs.title)
        period = periods.current_period(unit)
        annual_clock.set_theme_mark(unit, last.id, period.id, ThemeHandling.MOVED)
        [card_plan] = plans.list_plans(unit, plan_type=PlanType.CUSTOM)
        result_cards.create_card(unit, CardInput("Leikin aika", plan_id=card_plan.id))
        annual_clock.remove_theme(coordinator, theirs.id)
        [their_plan] = plans.list_plans(coordinator, plan_type=PlanType.CUSTOM)
        plans.remove_plan(coordinator, their_plan.id)
        new_theme = annual_clock.add_theme(coordinator, 9, "Syysretken turvallisuus")
        new_plan = plans.add_plan(coordinator, PlanInput(PlanType.CUSTOM, "Laatukortti: ruokailu"))
        assert new_plan.id == their_plan.id  # the id comes back
        assert new_theme.id <= theirs.id
        mp.import_package(unit, mp.parse_package(_file(coordinator, version=2)))
        kept = next(t for t in annual_clock.list_themes(unit) if t.id == last.id)
        assert (kept.month, kept.title) == (last.month, last.title)
        assert "Syysretken turvallisuus" in [t.title for t in annual_clock.list_themes(unit)]
        assert plans.get_plan(unit, card_plan.id).name == "Laatukortti: leikki"
        assert "Laatukortti: ruokailu" in [n for n, _q in _custom_plans(unit)]
    finally:
        unit.close()


def test_the_same_version_changed_is_used_at_once(coordinator: Database, tmp_path: Path) -> None:
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        document = json.loads(_file(coordinator))
        mp.import_package(unit, mp.validate_package(document))
        plan = plans.add_plan(unit, PlanInput(PlanType.ACTION_PLAN, "Toimintasuunnitelma"))
        document["checklists"]["action_plan"] = [{"key": "fixed", "text": {"fi": "Korjattu?"}}]
        mp.import_package(unit, mp.validate_package(document))
        assert [q.text for q in plans.checklist_for_plan(unit, plan.id, "fi")] == ["Korjattu?"]
    finally:
        unit.close()


def test_a_package_written_decomposed_doubles_nothing(
    coordinator: Database, tmp_path: Path
) -> None:
    import unicodedata

    text = _file(coordinator).decode("utf-8")
    decomposed = mp.parse_package(unicodedata.normalize("NFD", text).encode("utf-8"))
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        mp.import_package(unit, decomposed)
        assert sorted(_clock(unit)) == sorted(_clock(coordinator))
    finally:
        unit.close()


def test_what_the_unit_may_type_always_exports(coordinator: Database) -> None:
    plans.add_plan(
        coordinator,
        PlanInput(
            PlanType.CUSTOM, "Laatukortti:\tpiha", custom_questions=("Onko\tpiha turvallinen?",)
        ),
    )
    with coordinator.transaction() as session:
        from hyvinvointi_app.store.models import Unit

        session.scalar(select(Unit)).municipality = "Porvoo " * 60
    document = mp.compose(coordinator, "Paketti", 1)
    names = [t["name"]["fi"] for t in document["plan_types"]]
    assert "Laatukortti: piha" in names
    assert len(document["municipality"]) <= 200


def test_a_package_larger_than_a_unit_reads_is_not_written() -> None:
    with pytest.raises(ValidationError) as error:
        mp.package_bytes({"text": "x" * mp.MAX_FILE_BYTES})
    assert (error.value.field, error.value.reason) == ("package", "too_large")
