"""File → Unit details…: the unit's details change after the first run, the site code among
them, in one undoable step; a refused field is said beside it."""

from __future__ import annotations

from collections.abc import Callable

from dialogs import answer_later
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import unit
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.unit_details import UnitDetailsDialog

Typist = Callable[[QWidget, str], None]


def _save(dialog: UnitDetailsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_details_shown_are_the_stored_ones(qtbot: QtBot, context: AppContext) -> None:
    stored = unit.get_unit(context.database)
    dialog = UnitDetailsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.unit_form.unit_info() == stored
    assert dialog.unit_form.site_code is not None
    assert dialog.unit_form.site_code.accessibleName() == _("Site code")


def test_a_site_code_and_a_new_name_are_saved_and_undone_in_one_step(
    qtbot: QtBot, window: MainWindow, context: AppContext, typist: Typist
) -> None:
    before = unit.get_unit(context.database)
    dialog = UnitDetailsDialog(context, window)
    qtbot.addWidget(dialog)
    form = dialog.unit_form
    assert form.site_code is not None
    form.name_sv.clear()
    typist(form.name_sv, "Daghemmet Tallbacken")
    typist(form.site_code, "1.2.246.562.10.12345678901")
    _save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    after = unit.get_unit(context.database)
    assert (after.name_sv, after.site_code) == (
        "Daghemmet Tallbacken",
        "1.2.246.562.10.12345678901",
    )
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert unit.get_unit(context.database) == before
    context.undo_stack.redo()
    assert unit.get_unit(context.database) == after


def test_a_bad_site_code_is_said_beside_it_and_nothing_is_saved(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    before = unit.get_unit(context.database)
    dialog = UnitDetailsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.unit_form
    assert form.site_code is not None and form.site_code_message is not None
    typist(form.site_code, "<kunta>")
    _save(dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert form.site_code_message.text.text() == reason_text("format")
    assert dialog.focusWidget() is form.site_code
    assert unit.get_unit(context.database) == before
    assert context.undo_stack.count() == 0
    typist(form.site_code, "x")  # typing clears the message
    assert not form.site_code_message.isVisible()


def test_the_name_in_the_working_language_is_required(qtbot: QtBot, context: AppContext) -> None:
    dialog = UnitDetailsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.unit_form
    form.name_fi.clear()
    form.name_sv.setText("Daghemmet Tallbacken")
    _save(dialog)
    assert dialog.result() == 0
    assert form.name_messages[Language.FINNISH].text.text() == reason_text("required")
    assert not form.name_messages[Language.SWEDISH].isVisible()
    # working in Swedish, the Swedish name is the one that counts
    form.language.setCurrentIndex(form.language.findData("sv"))
    _save(dialog)
    assert dialog.result() == 1
    saved = unit.get_unit(context.database)
    assert (saved.name_fi, saved.working_language) == ("", Language.SWEDISH)


def test_the_file_menu_opens_it_and_the_title_follows_the_new_name(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    def rename(widget: QWidget) -> None:
        assert isinstance(widget, UnitDetailsDialog)
        widget.unit_form.name_fi.setText("Päiväkoti Männikkö")
        _save(widget)

    handled = answer_later(rename)
    action = next(
        a
        for menu_action in window.menuBar().actions()
        if menu_action.menu() is not None
        for a in menu_action.menu().actions()
        if a.text() == _("&Unit details…")
    )
    action.trigger()
    assert handled
    assert unit.get_unit(context.database).name_fi == "Päiväkoti Männikkö"
    assert window.windowTitle().startswith("Päiväkoti Männikkö")


def test_tab_steps_through_the_fields_in_order(qtbot: QtBot, context: AppContext) -> None:
    dialog = UnitDetailsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.unit_form
    expected = [form.name_sv, form.municipality, form.pre_primary, form.language, form.site_code]
    form.name_fi.setFocus()
    for widget in expected:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is widget
