"""The annual clock screen on a real unit file: the default clock, editing from the keyboard,
undo and redo of every change, sharing a clock as a file, and refusing bad files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from prompts import ScriptedPrompter
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Language, PlanType
from hyvinvointi_app.i18n.labels import plan_type_label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.resources import load_json_resource
from hyvinvointi_app.services import annual_clock, periods
from hyvinvointi_app.services.annual_clock import CLOCK_FORMAT, ThemeView, list_themes
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import create_database
from hyvinvointi_app.ui.annual_clock.dialog import ThemeDialog
from hyvinvointi_app.ui.annual_clock.model import THEME_ID_ROLE, ClockModel
from hyvinvointi_app.ui.annual_clock.page import AnnualClockPage
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow

Typist = Callable[[QWidget, str], None]

NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(clock_page: AnnualClockPage) -> AnnualClockPage:
    """The annual clock screen of the window (conftest's ``clock_page``)."""
    return clock_page


@pytest.fixture
def prompter(window: MainWindow) -> Iterator[ScriptedPrompter]:
    """Answers to the page's questions, in order (a question nobody expected fails the test),
    and the warnings shown."""
    scripted = ScriptedPrompter()
    assert window.context is not None
    window.prompter = scripted  # the window passes it on to its context
    yield scripted
    assert not scripted.answers, "an expected question was not asked"


def _state(context: AppContext) -> list[ThemeView]:
    return list_themes(context.database)


def _start(page: AnnualClockPage) -> list[ThemeView]:
    page.start_from_default()
    return _state(page.context)


def _select(page: AnnualClockPage, theme: ThemeView) -> None:
    index = page.model.theme_index(theme.id)
    assert index.isValid()
    page.view.setCurrentIndex(index)
    page.view.setFocus()


def _key(page: AnnualClockPage, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    QTest.keyClick(page.view, key, modifier)


def _open_dialog(page: AnnualClockPage, qtbot: QtBot) -> ThemeDialog:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _unit_file(path: Path, language: Language = Language.FINNISH) -> Path:
    db = create_database(path)
    set_up_unit(db, UnitInfo("Päiväkoti Kuusela", "Daghemmet Granbo", "Porvoo", True, language))
    periods.add_period(db)
    db.close()
    return path


# --- the model without a view --------------------------------------------------------------


def test_model_lists_twelve_months_from_august_with_their_themes(qtbot: QtBot) -> None:
    model = ClockModel()
    themes = [
        ThemeView(3, 9, 1, "Syksyn suunnittelu", None),
        ThemeView(7, 9, 2, "Kiusaamisen ehkäisy", PlanType.ANTI_BULLYING),
        ThemeView(2, 5, 1, "Toimintakertomus", PlanType.ACTION_PLAN),
    ]
    model.load(themes, current_month=5)
    assert model.rowCount() == 12
    assert [model.index(row, 0).data() for row in (0, 11)] == ["Elokuu", "Heinäkuu"]
    september = model.month_index(9)
    assert model.rowCount(september) == 2
    assert [model.index(r, 0, september).data(THEME_ID_ROLE) for r in (0, 1)] == [3, 7]
    assert model.index(1, 1, september).data() == plan_type_label(PlanType.ANTI_BULLYING)
    assert model.index(0, 1, september).data() == ""
    assert model.theme_at(model.theme_index(2)) == themes[2]
    assert model.theme_at(model.month_index(5)) is None
    assert model.month_at(model.theme_index(7)) == 9
    assert "2" in model.month_index(9).data(Qt.ItemDataRole.AccessibleTextRole)


# --- the default clock and the empty state --------------------------------------------------


def test_empty_clock_offers_the_default_clock_and_undo_empties_it_again(
    page: AnnualClockPage, context: AppContext, window: MainWindow, qtbot: QtBot
) -> None:
    assert page.stack.currentWidget() is page.empty_page
    assert page.default_button.isVisible()
    page.default_button.setFocus()
    QTest.keyClick(page.default_button, Qt.Key.Key_Space)
    themes = _state(context)
    resource = load_json_resource("annual_clock.json")["themes"]
    assert sorted(t.title for t in themes) == sorted(r["title"]["fi"] for r in resource)
    assert page.stack.currentWidget() is page.list_page
    assert page.model.rowCount(page.model.month_index(3)) == 4
    assert context.undo_stack.undoText() == _("start from the default clock")

    window.undo_action.trigger()
    assert _state(context) == []
    assert page.stack.currentWidget() is page.empty_page
    window.redo_action.trigger()
    assert _state(context) == themes  # the same ids, so older steps still find their rows


def test_swedish_unit_starts_from_the_swedish_default_clock(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    assert window.open_database(_unit_file(tmp_path / "sv.sqlite", Language.SWEDISH)) is None
    window.show_page("clock")
    page = window.pages["clock"]
    assert isinstance(page, AnnualClockPage)
    titles = [t.title for t in _start(page)]
    assert "Utvärdering av jämställdhetsplanen" in titles


# --- editing from the keyboard --------------------------------------------------------------


def test_add_a_theme_with_the_keyboard_only(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot, typist: Typist
) -> None:
    before = _start(page)
    page.view.setFocus()
    _key(page, Qt.Key.Key_Home)  # August's heading
    assert page.selected_month() == 8 and page.selected_theme() is None
    for _step in range(4):  # August's three themes, then September's heading
        _key(page, Qt.Key.Key_Down)
    assert page.selected_month() == 9 and page.selected_theme() is None
    _key(page, Qt.Key.Key_Insert)
    dialog = _open_dialog(page, qtbot)
    assert dialog.month.currentData() == 9
    assert dialog.text.hasFocus()
    typist(dialog.text, "Ympäristökasvatus – metsäretki ja luontosuhde")
    QTest.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert dialog.plan.hasFocus()
    QTest.keyClick(dialog.plan, Qt.Key.Key_Down)  # from "No plan" to the first plan type
    assert dialog.plan.currentData() == PlanType.ACTION_PLAN
    QTest.keyClick(dialog.plan, Qt.Key.Key_Return)  # the dialog's default button: Save
    qtbot.waitUntil(lambda: page.dialog is None)

    september = annual_clock.themes_in_month(context.database, 9)
    added = september[-1]
    assert (added.title, added.plan_type, added.position) == (
        "Ympäristökasvatus – metsäretki ja luontosuhde",
        PlanType.ACTION_PLAN,
        5,
    )
    assert page.selected_theme() == added  # the new theme is selected
    # Back in the list, ready for the next key (offscreen, no window manager reactivates the
    # main window, so ask which widget it will give the focus to).
    assert page.window().focusWidget() is page.view
    assert context.undo_stack.undoText() == _("add theme")

    context.undo_stack.undo()
    assert _state(context) == before
    context.undo_stack.redo()
    assert annual_clock.themes_in_month(context.database, 9)[-1] == added


def test_ctrl_shift_n_adds_to_the_month_of_the_selected_theme(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot, typist: Typist
) -> None:
    _start(page)
    _select(page, annual_clock.themes_in_month(context.database, 3)[1])
    _key(page, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = _open_dialog(page, qtbot)
    assert dialog.month.currentData() == 3
    typist(dialog.text, "Kevään arviointikokous")
    QTest.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert annual_clock.themes_in_month(context.database, 3)[-1].title == "Kevään arviointikokous"


def test_an_empty_theme_is_refused_in_the_dialog_which_stays_open(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    before = _start(page)
    dialog = page.add_theme(month=5)
    qtbot.waitUntil(dialog.isVisible)
    dialog.text.setPlainText("   ")
    dialog.save_button.click()
    assert dialog.isVisible() and page.dialog is dialog
    assert dialog.error.isVisible()
    assert _("This is required.") in dialog.error.text.text()
    qtbot.waitUntil(dialog.text.hasFocus)
    assert _state(context) == before
    assert context.undo_stack.count() == 1
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert _state(context) == before


def test_edit_a_theme_with_f2_and_move_it_to_another_month(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot, typist: Typist
) -> None:
    before = _start(page)
    old = annual_clock.themes_in_month(context.database, 10)[1]
    _select(page, old)
    _key(page, Qt.Key.Key_F2)
    dialog = _open_dialog(page, qtbot)
    assert dialog.text.toPlainText() == old.title
    dialog.text.selectAll()
    typist(dialog.text, "Turvallisuuskävely: sisätilat, piha ja lähiympäristö")
    dialog.month.setCurrentIndex(dialog.month.findData(2))
    dialog.plan.setCurrentIndex(dialog.plan.findData(PlanType.SAFETY_RESCUE.value))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None)

    edited = page.selected_theme()
    assert edited is not None and edited.id == old.id
    assert (edited.month, edited.position, edited.title, edited.plan_type) == (
        2,
        4,
        "Turvallisuuskävely: sisätilat, piha ja lähiympäristö",
        PlanType.SAFETY_RESCUE,
    )
    assert context.undo_stack.undoText() == _("edit theme")
    context.undo_stack.undo()
    assert _state(context) == before
    context.undo_stack.redo()
    assert annual_clock.themes_in_month(context.database, 2)[-1] == edited


def test_enter_on_a_theme_edits_it_and_an_unchanged_save_records_nothing(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    _start(page)
    theme = annual_clock.themes_in_month(context.database, 12)[0]
    _select(page, theme)
    _key(page, Qt.Key.Key_Return)
    dialog = _open_dialog(page, qtbot)
    assert dialog.windowTitle() == _("Edit theme")
    QTest.keyClick(dialog.text, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert context.undo_stack.count() == 1


def test_move_a_theme_with_the_keyboard_and_undo_each_move(
    page: AnnualClockPage, context: AppContext, window: MainWindow
) -> None:
    before = _start(page)
    september = annual_clock.themes_in_month(context.database, 9)
    theme = september[0]
    _select(page, theme)

    _key(page, Qt.Key.Key_Down, ALT)  # one place down within September
    assert [t.id for t in annual_clock.themes_in_month(context.database, 9)][1] == theme.id
    selected = page.selected_theme()
    assert selected is not None and selected.id == theme.id
    assert context.undo_stack.undoText() == _("move theme")

    _key(page, Qt.Key.Key_Down, CTRL)  # to the end of October
    moved = page.selected_theme()
    assert moved is not None and (moved.id, moved.month, moved.position) == (theme.id, 10, 4)

    _key(page, Qt.Key.Key_Up, ALT)  # one place up within October
    _key(page, Qt.Key.Key_Up, CTRL)  # back to the end of September
    moved = page.selected_theme()
    assert moved is not None and (moved.month, moved.position) == (9, 4)
    assert context.undo_stack.count() == 5

    window.undo_action.trigger()
    assert page.selected_theme() is not None
    for _step in range(3):
        context.undo_stack.undo()
    assert _state(context) == before
    for _step in range(4):
        context.undo_stack.redo()
    assert annual_clock.themes_in_month(context.database, 9)[-1].id == theme.id


def test_moves_stop_at_the_ends_of_the_period(page: AnnualClockPage, context: AppContext) -> None:
    _start(page)
    first, last = _state(context)[0], _state(context)[-1]
    _select(page, first)
    assert not page.move_up_action.isEnabled()
    assert not page.earlier_month_action.isEnabled()
    assert page.move_down_action.isEnabled()
    _key(page, Qt.Key.Key_Up, ALT)
    _select(page, last)
    assert not page.move_down_action.isEnabled()
    assert not page.later_month_action.isEnabled()
    _key(page, Qt.Key.Key_Down, ALT)
    assert context.undo_stack.count() == 1  # only "start from the default clock"


def test_delete_removes_a_theme_and_undo_brings_it_back_in_its_place(
    page: AnnualClockPage, context: AppContext, window: MainWindow
) -> None:
    before = _start(page)
    theme = annual_clock.themes_in_month(context.database, 3)[1]
    _select(page, theme)
    _key(page, Qt.Key.Key_Delete)
    assert theme.id not in [t.id for t in _state(context)]
    following = page.selected_theme()
    assert following is not None and (following.month, following.position) == (3, 2)
    assert window.undo_action.text() == _("&Undo {action}").format(action=_("remove theme"))

    window.undo_action.trigger()
    assert _state(context) == before
    window.redo_action.trigger()
    assert theme.id not in [t.id for t in _state(context)]
    context.undo_stack.undo()
    assert _state(context) == before


def test_undo_works_after_the_language_changes_and_the_page_is_rebuilt(
    page: AnnualClockPage, window: MainWindow, context: AppContext
) -> None:
    before = _start(page)
    _select(page, before[0])
    _key(page, Qt.Key.Key_Delete)
    window.set_language("sv")
    rebuilt = window.pages["clock"]
    assert isinstance(rebuilt, AnnualClockPage) and rebuilt is not page
    assert rebuilt.model.index(0, 0).data() == "Augusti"
    context.undo_stack.undo()
    assert _state(context) == before
    assert rebuilt.model.theme_index(before[0].id).isValid()


# --- sharing a clock as a file -------------------------------------------------------------


def test_export_and_import_into_another_unit_file_round_trip(
    page: AnnualClockPage,
    context: AppContext,
    window: MainWindow,
    tmp_path: Path,
    prompter: ScriptedPrompter,
) -> None:
    _start(page)
    annual_clock.add_theme(
        context.database, 4, 'Siirtymä "eskarista" kouluun \\ yhteistyö', PlanType.CUSTOM
    )
    exported = annual_clock.export_clock(context.database)
    target = tmp_path / "shared" / "kunnan-vuosikello"
    target.parent.mkdir()
    prompter.answers.append(target)
    window._page_call("clock", "export")  # what File → Export → Annual clock… does
    written = target.with_suffix(".json")
    assert json.loads(written.read_text("utf-8")) == exported
    assert "Siirtymä" in written.read_text("utf-8")  # readable UTF-8, not \u escapes
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # no temporary left

    assert window.open_database(_unit_file(tmp_path / "other.sqlite")) is None
    other_page = window.pages["clock"]
    assert isinstance(other_page, AnnualClockPage)
    other = window.context
    assert other is not None and other is not context
    annual_clock.add_theme(other.database, 6, "Kesän oma teema")
    before = list_themes(other.database)
    assert window.context.prompter is prompter  # the other file's screens ask it too
    prompter.answers += [written, True]  # the file, then: replace the one theme there
    window._page_call("clock", "import_")
    assert annual_clock.export_clock(other.database) == exported
    assert other.undo_stack.undoText() == _("import annual clock")
    imported = list_themes(other.database)

    window.undo_action.trigger()
    assert list_themes(other.database) == before
    window.redo_action.trigger()
    assert list_themes(other.database) == imported


def test_import_into_an_edited_clock_can_be_declined(
    page: AnnualClockPage,
    context: AppContext,
    tmp_path: Path,
    prompter: ScriptedPrompter,
) -> None:
    before = _start(page)
    path = tmp_path / "clock.json"
    path.write_text(
        json.dumps(
            {
                "format": CLOCK_FORMAT,
                "version": 1,
                "language": "fi",
                "themes": [{"month": 1, "title": "Uusi"}],
            }
        ),
        "utf-8",
    )
    prompter.answers.append(False)
    assert page.import_from(path) is False
    assert _state(context) == before
    assert context.undo_stack.count() == 1


def test_importing_a_swedish_clock_into_a_finnish_unit_says_so(
    page: AnnualClockPage, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    path = tmp_path / "årsklocka.json"
    path.write_text(
        json.dumps(
            {
                "format": CLOCK_FORMAT,
                "version": 1,
                "language": "sv",
                "themes": [{"month": 1, "title": "Enkät"}],
            }
        ),
        "utf-8",
    )
    prompter.answers.append(True)
    assert page.import_from(path)
    assert len(prompter.texts("ask")) == 1
    text = prompter.texts("ask")[0]
    assert _("The file's themes are in Swedish, but the unit works in Finnish.") in text


def _clock_json(themes: list[Any], **header: Any) -> bytes:
    data: dict[str, Any] = {"format": CLOCK_FORMAT, "version": 1, "language": "fi"}
    data.update(header)
    data["themes"] = themes
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


BAD_FILES: list[tuple[str, bytes, Callable[[], str]]] = [
    (
        "not-json.json",
        b'{"format": "hyvinvointi-annual-clock", ',
        lambda: _("The file is not in the expected format."),
    ),
    (
        "wrong-format.json",
        _clock_json([], format="hyvinvointi-standing-agenda"),
        lambda: _("The file is not an annual clock file."),
    ),
    (
        "bad-month.json",
        _clock_json([{"month": 3, "title": "Hyvä"}, {"month": 13, "title": "Huono"}]),
        lambda: _("Theme {number} in the file has no valid month (1–12).").format(number=2),
    ),
    (
        "notes.txt",
        b"Vuosikello: elokuussa aloitus, syyskuussa suunnittelu.\n",
        lambda: _("The file is not in the expected format."),
    ),
    ("empty.json", b"", lambda: _("The file is empty.")),
    (
        "newer.json",
        _clock_json([], version=3),
        lambda: _("The file was written by a newer version of the application."),
    ),
    (
        "unknown-plan.json",
        _clock_json([{"month": 3, "title": "T", "plan_type": "budget"}]),
        lambda: _("Theme {number} in the file refers to an unknown plan type.").format(number=1),
    ),
    ("no-themes.json", _clock_json([]), lambda: _("The file has no themes.")),
    ("latin1.json", "Ä".encode("latin-1"), lambda: _("The file is not in the expected format.")),
]


@pytest.mark.parametrize(("name", "raw", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(
    page: AnnualClockPage,
    context: AppContext,
    tmp_path: Path,
    prompter: ScriptedPrompter,
    name: str,
    raw: bytes,
    reason: Callable[[], str],
) -> None:
    before = _start(page)
    steps = context.undo_stack.count()
    path = tmp_path / name
    path.write_bytes(raw)
    assert page.import_from(path) is False
    assert len(prompter.texts("warn")) == 1
    assert name in prompter.texts("warn")[0]
    assert reason().rstrip(".") in prompter.texts("warn")[0]
    assert _state(context) == before
    assert context.undo_stack.count() == steps


def test_a_bad_file_is_refused_in_swedish_too(
    page: AnnualClockPage, window: MainWindow, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    window.set_language("sv")
    rebuilt = window.pages["clock"]
    assert isinstance(rebuilt, AnnualClockPage)
    path = tmp_path / "tom.json"
    path.write_bytes(b"")
    assert rebuilt.import_from(path) is False
    assert prompter.texts("warn") == [
        _("The file {file} was not imported. {reason} The annual clock was not changed.").format(
            file="tom.json", reason=_("The file is empty.")
        )
    ]


def test_a_missing_or_unreadable_file_is_refused(
    page: AnnualClockPage, context: AppContext, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    before = _start(page)
    assert page.import_from(tmp_path / "missing.json") is False
    assert page.import_from(tmp_path) is False  # a folder
    assert len(prompter.texts("warn")) == 2 and all(
        _("The file could not be read.") in w for w in prompter.texts("warn")
    )
    assert _state(context) == before


def test_export_replaces_a_file_whole_and_a_failed_write_leaves_it_as_it_was(
    page: AnnualClockPage,
    context: AppContext,
    tmp_path: Path,
    prompter: ScriptedPrompter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _start(page)
    path = tmp_path / "clock.json"
    path.write_text("old contents", "utf-8")
    assert page.export_to(path)
    assert json.loads(path.read_text("utf-8"))["themes"][0]["month"] == 8
    exported = path.read_bytes()

    def failing_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    annual_clock.add_theme(context.database, 5, "Uusi")
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", failing_replace)
        assert page.export_to(path) is False
    assert path.read_bytes() == exported
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".clock")) == []
    assert len(prompter.texts("warn")) == 1 and "clock.json" in prompter.texts("warn")[0]

    assert page.export_to(tmp_path / "no-such-folder" / "clock.json") is False
    assert len(prompter.texts("warn")) == 2


def test_export_of_an_empty_clock_says_there_is_nothing_to_export(page: AnnualClockPage) -> None:
    page.context.prompter = prompter = ScriptedPrompter()  # a save dialog would fail the test
    page.export()
    assert prompter.texts("inform") == [
        _("The annual clock is empty, so there is nothing to export.")
    ]


# --- accessibility ------------------------------------------------------------------------

_INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit)


def _unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for kind in _INTERACTIVE
        for w in root.findChildren(kind)
        if not w.accessibleName().strip() and not isinstance(w.parent(), QComboBox)
    ]


def test_every_control_has_an_accessible_name(page: AnnualClockPage, qtbot: QtBot) -> None:
    assert _unnamed(page) == []  # the empty state
    _start(page)
    assert _unnamed(page) == []
    dialog = page.add_theme()
    qtbot.waitUntil(dialog.isVisible)
    assert _unnamed(dialog) == []
    dialog.reject()


def test_tab_goes_through_the_buttons_to_the_list(page: AnnualClockPage, qtbot: QtBot) -> None:
    themes = _start(page)
    _select(page, themes[3])
    page.buttons[0].setFocus()
    reached: list[QWidget] = []
    for _step in range(len(page.buttons) + 1):
        widget = QApplication.focusWidget()
        assert widget is not None
        reached.append(widget)
        if widget is page.view:
            break
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert reached[-1] is page.view
    assert reached[:-1] == [b for b in page.buttons if b.isEnabled()]
