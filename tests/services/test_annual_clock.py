"""The annual clock: period order, editing, the default clock, and shareable clock files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hyvinvointi_app.domain.enums import Language, PlanType, Role
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.resources import load_json_resource
from hyvinvointi_app.services import annual_clock
from hyvinvointi_app.services.annual_clock import (
    CLOCK_FORMAT,
    ClockEntry,
    ClockFile,
    add_theme,
    edit_theme,
    export_clock,
    import_clock,
    list_themes,
    load_default_clock,
    month_step_place,
    move_theme,
    parse_clock_file,
    remove_theme,
    replace_all_themes,
    restore_theme,
    step_place,
    themes_in_month,
)
from hyvinvointi_app.store.database import Database, create_database


def _clock_file(themes: list[dict[str, Any]], **header: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"format": CLOCK_FORMAT, "version": 2, "language": "fi"}
    data.update(header)
    data["themes"] = themes
    return data


def _encoded(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


# --- the shipped default clock ----------------------------------------------------------


def test_default_clock_resource_has_every_month_in_both_languages() -> None:
    data = load_json_resource("annual_clock.json")
    assert data["format"] == CLOCK_FORMAT and data["version"] == 2
    assert {t["month"] for t in data["themes"]} == set(range(1, 13))
    for theme in data["themes"]:
        assert theme["title"]["fi"].strip() and theme["title"]["sv"].strip()
        assert theme["plan_type"] is None or PlanType(theme["plan_type"])
        for partner in theme.get("partners", []):
            assert Role(partner["role"]) if "role" in partner else partner["name"]["sv"].strip()
            assert "role" in partner or partner["name"]["fi"].strip()
    march = {t["plan_type"] for t in data["themes"] if t["month"] == 3}
    assert march == {"anti_bullying", "gender_equality", "non_discrimination", "safety_rescue"}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_default_clock_fills_an_empty_clock_in_period_order(db: Database, language: str) -> None:
    themes = load_default_clock(db, language)
    assert themes[0].month == 8 and themes[-1].month == 7
    months = [t.month for t in themes]
    assert months == sorted(months, key=annual_clock.period_month_index)
    resource = load_json_resource("annual_clock.json")["themes"]
    assert sorted(t.title for t in themes) == sorted(r["title"][language] for r in resource)
    march = themes_in_month(db, 3)
    assert [t.position for t in march] == [1, 2, 3, 4]
    assert {t.plan_type for t in march} == {
        PlanType.ANTI_BULLYING,
        PlanType.GENDER_EQUALITY,
        PlanType.NON_DISCRIMINATION,
        PlanType.SAFETY_RESCUE,
    }


def test_default_clock_refuses_to_mix_into_an_edited_clock(db: Database) -> None:
    add_theme(db, 3, "Oma teema")
    with pytest.raises(ValidationError) as error:
        load_default_clock(db, "fi")
    assert error.value.reason == "not_empty"
    assert [t.title for t in list_themes(db)] == ["Oma teema"]


def test_swedish_default_clock_reads_in_swedish(db: Database) -> None:
    titles = [t.title for t in load_default_clock(db, Language.SWEDISH)]
    assert "Utvärdering av jämställdhetsplanen" in titles
    assert "Tasa-arvosuunnitelman arviointi" not in titles


# --- editing ----------------------------------------------------------------------------


def test_add_edit_move_remove_keep_positions_without_gaps(db: Database) -> None:
    first = add_theme(db, 10, "Poistumisharjoitus", PlanType.SAFETY_RESCUE)
    second = add_theme(db, 10, "Tunnetaidot")
    head = add_theme(db, 10, "Turvallisuuskävely", position=1)
    assert [t.title for t in themes_in_month(db, 10)] == [
        "Turvallisuuskävely",
        "Poistumisharjoitus",
        "Tunnetaidot",
    ]
    edited = edit_theme(db, second.id, "  Tunnetaidot ja mielenterveys ", None)
    assert edited.title == "Tunnetaidot ja mielenterveys" and edited.plan_type is None

    moved = move_theme(db, first.id, 11)
    assert (moved.month, moved.position) == (11, 1)
    assert [(t.title, t.position) for t in themes_in_month(db, 10)] == [
        ("Turvallisuuskävely", 1),
        ("Tunnetaidot ja mielenterveys", 2),
    ]
    move_theme(db, second.id, 10, position=1)
    assert [t.id for t in themes_in_month(db, 10)] == [second.id, head.id]

    remove_theme(db, second.id)
    assert [(t.id, t.position) for t in themes_in_month(db, 10)] == [(head.id, 1)]
    with pytest.raises(NotFound):
        remove_theme(db, second.id)


def test_list_runs_from_august_to_july(db: Database) -> None:
    for month in (1, 7, 8, 12, 3):
        add_theme(db, month, f"Teema {month}")
    assert [t.month for t in list_themes(db)] == [8, 12, 1, 3, 7]


@pytest.mark.parametrize(
    ("month", "title", "reason"),
    [(0, "Teema", "invalid_month"), (13, "Teema", "invalid_month"), (3, "   ", "required")],
)
def test_invalid_theme_is_refused(db: Database, month: int, title: str, reason: str) -> None:
    with pytest.raises(ValidationError) as error:
        add_theme(db, month, title)
    assert error.value.reason == reason
    assert list_themes(db) == []


# --- inverse operations for undo -------------------------------------------------------


def _state(db: Database) -> list[tuple[int, int, int, str, PlanType | None]]:
    return [(t.id, t.month, t.position, t.title, t.plan_type) for t in list_themes(db)]


def test_restore_puts_a_removed_theme_back_with_its_id_and_position(db: Database) -> None:
    load_default_clock(db, "fi")
    before = _state(db)
    middle = themes_in_month(db, 3)[1]
    remove_theme(db, middle.id)
    assert middle.id not in [t.id for t in list_themes(db)]
    restored = restore_theme(db, middle)
    assert restored == middle
    assert _state(db) == before


def test_restore_of_an_addition_after_undo_keeps_the_id(db: Database) -> None:
    first = add_theme(db, 9, "Eka")
    added = add_theme(db, 9, "Lisätty", PlanType.ANTI_BULLYING, position=1)
    remove_theme(db, added.id)  # undo of "add theme"
    assert restore_theme(db, added) == added  # redo
    assert [t.id for t in themes_in_month(db, 9)] == [added.id, first.id]


def test_restore_refuses_an_id_in_use_and_changes_nothing(db: Database) -> None:
    theme = add_theme(db, 9, "Teema")
    with pytest.raises(ValidationError) as error:
        restore_theme(db, theme)
    assert error.value.reason == "already_exists"
    assert [t.id for t in list_themes(db)] == [theme.id]


def test_restore_clamps_a_position_past_the_end(db: Database) -> None:
    theme = add_theme(db, 9, "Teema")
    add_theme(db, 9, "Toinen")
    remove_theme(db, theme.id)
    restored = restore_theme(db, annual_clock.ThemeView(theme.id, 9, 7, "Teema", None))
    assert (restored.id, restored.position) == (theme.id, 2)


def test_replace_all_restores_the_exact_clock_before_an_import(db: Database) -> None:
    load_default_clock(db, "fi")
    edit_theme(db, list_themes(db)[0].id, "Muokattu", PlanType.CUSTOM)
    before = list_themes(db)
    import_clock(db, _clock_file([{"month": 5, "title": "Uusi"}]))
    after = list_themes(db)
    assert [t.title for t in after] == ["Uusi"]
    assert replace_all_themes(db, before) == before  # undo of the import
    assert replace_all_themes(db, after) == after  # redo
    assert replace_all_themes(db, []) == []


def test_replace_all_renumbers_and_checks_everything_first(db: Database) -> None:
    load_default_clock(db, "fi")
    before = list_themes(db)
    views = [
        annual_clock.ThemeView(40, 3, 5, "B", None),
        annual_clock.ThemeView(41, 3, 2, "A", PlanType.SAFETY_RESCUE),
    ]
    assert [(t.id, t.position) for t in replace_all_themes(db, views)] == [(41, 1), (40, 2)]
    replace_all_themes(db, before)
    for bad, reason in [
        ([*views, annual_clock.ThemeView(40, 4, 1, "C", None)], "duplicate_id"),
        ([annual_clock.ThemeView(1, 13, 1, "C", None)], "invalid_month"),
        ([annual_clock.ThemeView(1, 3, 1, " ", None)], "required"),
    ]:
        with pytest.raises(ValidationError) as error:
            replace_all_themes(db, bad)
        assert error.value.reason == reason
        assert list_themes(db) == before


def test_edit_can_place_the_theme_and_undo_with_old_values(db: Database) -> None:
    load_default_clock(db, "fi")
    before = _state(db)
    old = themes_in_month(db, 9)[1]
    moved = edit_theme(db, old.id, "Uusi nimi", None, month=3)
    assert (moved.month, moved.position, moved.title) == (3, 5, "Uusi nimi")
    assert [t.position for t in themes_in_month(db, 9)] == [1, 2, 3]
    edit_theme(db, old.id, old.title, old.plan_type, month=old.month, position=old.position)
    assert _state(db) == before
    # The same month without a position keeps the place.
    same = edit_theme(db, old.id, "Sama paikka", None, month=9)
    assert (same.month, same.position) == (9, 2)


def test_move_back_is_the_undo_of_a_move(db: Database) -> None:
    load_default_clock(db, "fi")
    before = _state(db)
    old = themes_in_month(db, 10)[0]
    move_theme(db, old.id, 10, 3)
    assert [t.id for t in themes_in_month(db, 10)][2] == old.id
    move_theme(db, old.id, old.month, old.position)
    assert _state(db) == before
    move_theme(db, old.id, 2, 1)
    move_theme(db, old.id, old.month, old.position)
    assert _state(db) == before


def test_step_place_walks_through_the_period_from_august_to_july(db: Database) -> None:
    aug = add_theme(db, 8, "Elo")
    sep1 = add_theme(db, 9, "Syys 1")
    sep2 = add_theme(db, 9, "Syys 2")
    jul = add_theme(db, 7, "Heinä")
    themes = list_themes(db)
    assert step_place(themes, aug.id, -1) is None
    assert step_place(themes, jul.id, +1) is None
    assert step_place(themes, aug.id, +1) == (9, 1)
    assert step_place(themes, sep1.id, -1) == (8, 2)
    assert step_place(themes, sep1.id, +1) == (9, 2)
    assert step_place(themes, sep2.id, -1) == (9, 1)
    assert step_place(themes, sep2.id, +1) == (10, 1)
    assert step_place(themes, jul.id, -1) == (6, 1)
    assert step_place(themes, 999, 1) is None
    assert month_step_place(themes, sep2.id, -1) == (8, 2)
    assert month_step_place(themes, aug.id, +1) == (9, 3)
    assert month_step_place(themes, aug.id, -1) is None
    assert month_step_place(themes, jul.id, +1) is None
    # Stepping one theme down to the end visits every month in period order.
    visited = []
    while (target := step_place(list_themes(db), aug.id, +1)) is not None:
        visited.append(move_theme(db, aug.id, *target).month)
    assert list(dict.fromkeys(visited)) == [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]
    assert [t.title for t in themes_in_month(db, 7)] == ["Heinä", "Elo"]
    assert [t.title for t in themes_in_month(db, 9)] == ["Syys 1", "Syys 2"]


# --- clock files ------------------------------------------------------------------------


def test_export_import_round_trip_into_another_unit(db: Database, tmp_path: Path) -> None:
    load_default_clock(db, "sv")
    add_theme(db, 3, 'Citat "inom" citat och \\ snedstreck', PlanType.CHILD_PROTECTION)
    exported = export_clock(db, language="sv")
    assert exported["language"] == "sv" and exported["format"] == CLOCK_FORMAT

    other = create_database(tmp_path / "other.sqlite")
    try:
        add_theme(other, 5, "Poistuva teema")
        clock = parse_clock_file(_encoded(exported))
        assert clock.language is Language.SWEDISH
        import_clock(other, clock)
        assert export_clock(other, language="sv") == exported
        assert [(t.month, t.position, t.title, t.plan_type) for t in list_themes(other)] == [
            (t.month, t.position, t.title, t.plan_type) for t in list_themes(db)
        ]
    finally:
        other.close()


def test_export_uses_the_units_working_language(db: Database) -> None:
    assert export_clock(db)["language"] == "fi"  # the test unit works in Finnish
    assert export_clock(db)["themes"] == []


def test_import_without_replace_appends_after_each_months_own_themes(db: Database) -> None:
    add_theme(db, 3, "Oma maaliskuun teema")
    data = _clock_file(
        [
            {"month": 3, "title": "Tasa-arvosuunnitelma", "plan_type": "gender_equality"},
            {"month": 9, "title": "Suunnittelukokous"},
            {"month": 3, "title": "Pelastussuunnitelma", "plan_type": "safety_rescue"},
        ]
    )
    import_clock(db, data, replace=False)
    assert [(t.title, t.position) for t in themes_in_month(db, 3)] == [
        ("Oma maaliskuun teema", 1),
        ("Tasa-arvosuunnitelma", 2),
        ("Pelastussuunnitelma", 3),
    ]
    assert [t.month for t in list_themes(db)] == [9, 3, 3, 3]


BAD_FILES: list[tuple[bytes, str, str]] = [
    (b"", "file", "not_json"),
    (b"\xff\xfe\x00kello", "file", "not_utf8"),
    (b"{not json", "file", "not_json"),
    (b"[" * 100_000, "file", "not_json"),
    (b"[]", "file", "not_an_object"),
    (
        _encoded({"format": "other", "version": 1, "language": "fi", "themes": []}),
        "format",
        "wrong_format",
    ),
    (_encoded(_clock_file([], version=3)), "version", "too_new"),
    (_encoded(_clock_file([], version=0)), "version", "invalid_version"),
    (_encoded(_clock_file([], version="1")), "version", "invalid_version"),
    (_encoded(_clock_file([], version=True)), "version", "invalid_version"),
    (_encoded(_clock_file([], language="en")), "language", "unknown_language"),
    (_encoded(_clock_file({"month": 3})), "themes", "not_a_list"),
    (_encoded(_clock_file([{"month": 3, "title": "T"}] * 501)), "themes", "too_many"),
    (_encoded(_clock_file(["teema"])), "themes.0", "not_an_object"),
    (_encoded(_clock_file([{"month": 13, "title": "T"}])), "themes.0.month", "invalid_month"),
    (_encoded(_clock_file([{"month": 3.0, "title": "T"}])), "themes.0.month", "invalid_month"),
    (_encoded(_clock_file([{"month": True, "title": "T"}])), "themes.0.month", "invalid_month"),
    (_encoded(_clock_file([{"title": "T"}])), "themes.0.month", "invalid_month"),
    (_encoded(_clock_file([{"month": 3, "title": " "}])), "themes.0.title", "required"),
    (_encoded(_clock_file([{"month": 3, "title": "x" * 501}])), "themes.0.title", "too_long"),
    (_encoded(_clock_file([{"month": 3, "title": 7}])), "themes.0.title", "not_text"),
    (
        b'{"format": "hyvinvointi-annual-clock", "version": 1, "language": "fi", '
        b'"themes": [{"month": 3, "title": "a\\ud800b"}]}',
        "themes.0.title",
        "invalid_characters",
    ),
    (
        _encoded(_clock_file([{"month": 3, "title": "T", "plan_type": "budget"}])),
        "themes.0.plan_type",
        "unknown_plan_type",
    ),
    (
        _encoded(
            _clock_file(
                [{"month": 3, "title": "Hyvä"}, {"month": 4, "title": "Hyvä"}, {"month": 5}]
            )
        ),
        "themes.2.title",
        "required",
    ),
    (
        _encoded(_clock_file([{"month": 3, "title": "T", "partners": "Kirjasto"}])),
        "themes.0.partners",
        "not_a_list",
    ),
    (
        _encoded(_clock_file([{"month": 3, "title": "T", "partners": ["Kirjasto"]}])),
        "themes.0.partners.0",
        "not_an_object",
    ),
    (
        _encoded(_clock_file([{"month": 3, "title": "T", "partners": [{"role": "nurse"}]}])),
        "themes.0.partners.0.role",
        "unknown_role",
    ),
    (
        _encoded(_clock_file([{"month": 3, "title": "T", "partners": [{"name": " "}]}])),
        "themes.0.partners.0.name",
        "required",
    ),
    (
        _encoded(_clock_file([{"month": 3, "title": "T", "partners": [{"name": "x" * 101}]}])),
        "themes.0.partners.0.name",
        "too_long",
    ),
    (
        _encoded(
            _clock_file(
                [{"month": 3, "title": "T", "partners": [{"name": "A", "role": "psychologist"}]}]
            )
        ),
        "themes.0.partners.0",
        "not_an_object",
    ),
    (
        _encoded(
            _clock_file(
                [{"month": 3, "title": "T", "partners": [{"name": f"P{i}"} for i in range(21)]}]
            )
        ),
        "themes.0.partners",
        "too_many",
    ),
]


@pytest.mark.parametrize(("raw", "field", "reason"), BAD_FILES)
def test_invalid_clock_file_is_rejected_and_changes_nothing(
    db: Database, raw: bytes, field: str, reason: str
) -> None:
    load_default_clock(db, "fi")
    before = list_themes(db)
    with pytest.raises(ValidationError) as error:
        parse_clock_file(raw)
    assert (error.value.field, error.value.reason) == (field, reason)
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        data = None
    if data is not None:
        with pytest.raises(ValidationError):
            import_clock(db, data)
    assert list_themes(db) == before


def test_file_with_a_byte_order_mark_and_unknown_keys_is_accepted() -> None:
    raw = b"\xef\xbb\xbf" + _encoded(
        _clock_file([{"month": 1, "title": " Kysely ", "note": "x"}], generator="Excel")
    )
    assert parse_clock_file(raw) == ClockFile(Language.FINNISH, (ClockEntry(1, "Kysely"),))


def test_import_refuses_more_than_the_limit_in_total(db: Database) -> None:
    load_default_clock(db, "fi")
    before = list_themes(db)
    data = _clock_file([{"month": 3, "title": f"Teema {i}"} for i in range(500)])
    with pytest.raises(ValidationError) as error:
        import_clock(db, data, replace=False)
    assert error.value.reason == "too_many"
    assert list_themes(db) == before
    assert len(import_clock(db, data)) == 500  # replacing fits


# --- property tests: parse_clock_file never fails with anything but ValidationError -------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)

_theme_like = st.fixed_dictionaries(
    {},
    optional={
        "month": st.integers(-2, 14) | st.floats() | st.text(max_size=3) | st.none(),
        "title": st.text(max_size=600) | st.integers() | st.none(),
        "plan_type": st.sampled_from([p.value for p in PlanType]) | st.text(max_size=12),
        "partners": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "role": st.sampled_from([r.value for r in Role]) | st.text(max_size=8),
                    "name": st.text(max_size=120) | st.integers() | st.none(),
                },
            )
            | _json_values,
            max_size=4,
        )
        | _json_values,
    },
)

_nearly_valid = st.fixed_dictionaries(
    {
        "format": st.sampled_from([CLOCK_FORMAT, "hyvinvointi-standing-agenda"]),
        "version": st.sampled_from([1, 2, 2, 3, 0, "1", None]),
        "language": st.sampled_from(["fi", "sv", "en", None]),
        "themes": st.lists(_theme_like, max_size=6) | _json_values,
    }
)


def _check(raw: bytes) -> None:
    try:
        clock = parse_clock_file(raw)
    except ValidationError as error:
        assert error.reason and error.field
        return
    assert isinstance(clock.language, Language)
    for entry in clock.themes:
        assert 1 <= entry.month <= 12
        assert entry.title == entry.title.strip() and 0 < len(entry.title) <= 500
        assert entry.plan_type is None or isinstance(entry.plan_type, PlanType)
        for partner in entry.partners:
            assert (partner.role is None) != (not partner.name)
            assert len(partner.name) <= 100 and partner.name == partner.name.strip()


@given(st.binary(max_size=200))
def test_random_bytes_give_only_validation_errors(raw: bytes) -> None:
    _check(raw)


@given(_json_values)
def test_random_json_gives_only_validation_errors(value: object) -> None:
    _check(json.dumps(value).encode())


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_nearly_valid)
def test_nearly_valid_files_are_either_read_whole_or_refused(value: dict[str, Any]) -> None:
    _check(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))
