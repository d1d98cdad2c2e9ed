"""The settings dialog: language at once (Qt's own buttons too), report language, data and
backup folders. The dialog is never run modally; the main window's path replaces
``SettingsDialog.exec`` with a function that makes the choice and presses OK."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from keyboard import interactive_widgets, owner, tab_through
from prompts import Prompt, ScriptedPrompter
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import ReportLanguage
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.paths import data_home
from hyvinvointi_app.services.settings import load_backup_settings
from hyvinvointi_app.ui.context import AppContext, open_settings
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.settings.dialog import SettingsDialog


def cancel_text(dialog: SettingsDialog) -> str:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert isinstance(button, QPushButton)
    return button.text().replace("&", "")


def choose_through_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, choose: Callable[[SettingsDialog], None]
) -> None:
    """File → Settings…, with ``choose`` making the choices and OK pressed."""

    def fake_exec(dialog: SettingsDialog) -> int:
        choose(dialog)
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.open_settings()


def navigation_texts(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_language_changes_at_once_with_qt_buttons_and_persists(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page("periods")
    assert "Jäsenet" in navigation_texts(window)
    assert cancel_text(SettingsDialog(window.context, window)) == "Peru"

    choose_through_window(window, monkeypatch, lambda dialog: dialog.set_language("sv"))
    assert ui_translator().language == "sv"
    assert "Medlemmar" in navigation_texts(window)
    assert window.current_page_key() == "periods"
    assert window.pages["periods"].findChild(QPushButton) is not None
    swedish = SettingsDialog(window.context, window)
    assert cancel_text(swedish) == "Avbryt"  # Qt's own text, from qtbase_sv
    assert swedish.language_box.currentText() == "Svenska"
    assert open_settings().value("language") == "sv"

    choose_through_window(window, monkeypatch, lambda dialog: dialog.set_language("fi"))
    assert "Jäsenet" in navigation_texts(window)
    assert cancel_text(SettingsDialog(window.context, window)) == "Peru"
    assert open_settings().value("language") == "fi"


def test_languages_are_named_in_their_own_language(context: AppContext) -> None:
    dialog = SettingsDialog(context)
    names = [dialog.language_box.itemText(i) for i in range(dialog.language_box.count())]
    assert names == ["Suomi", "Svenska", "English"]


def test_cancel_changes_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def cancel(dialog: SettingsDialog) -> int:
        dialog.set_language("sv")
        dialog.set_report_language(ReportLanguage.SWEDISH)
        dialog.reject()
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", cancel)
    window.open_settings()
    assert ui_translator().language == "fi"
    assert "Jäsenet" in navigation_texts(window)
    assert open_settings().value("report_language") is None


def test_report_language_persists(context: AppContext) -> None:
    dialog = SettingsDialog(context)
    assert dialog.report_language is ReportLanguage.FINNISH  # the unit works in Finnish
    labels = [
        dialog.report_language_box.itemText(i) for i in range(dialog.report_language_box.count())
    ]
    assert len(labels) == 3 and all(labels)
    dialog.set_report_language(ReportLanguage.BILINGUAL)
    dialog.accept()
    assert open_settings().value("report_language") == "fi+sv"
    assert SettingsDialog(context).report_language is ReportLanguage.BILINGUAL
    assert SettingsDialog(None).report_language is ReportLanguage.BILINGUAL


def test_data_folder_is_shown_and_opened(
    context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog = SettingsDialog(context)
    assert dialog.data_folder_edit.text() == str(context.path.parent)
    assert dialog.unit_file_edit.text() == str(context.path)
    assert dialog.data_folder_edit.isReadOnly()
    dialog.open_data_button.click()
    assert [url.toLocalFile() for url in opened] == [str(context.path.parent)]


def test_backup_folder_is_chosen_stored_and_reset(context: AppContext, tmp_path: Path) -> None:
    default = context.path.parent / "backups"
    dialog = SettingsDialog(context)
    assert dialog.backup_folder_edit is not None
    assert dialog.backup_folder_edit.text() == str(default)
    assert not dialog.default_backup_button.isEnabled()  # type: ignore[union-attr]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dialog.prompter = ScriptedPrompter(elsewhere)
    dialog.choose_backup_button.click()
    assert dialog.backup_folder_edit.text() == str(elsewhere)
    assert (
        load_backup_settings().folder_for(context.path) == default
    )  # stored only when OK is pressed
    dialog.accept()
    assert load_backup_settings().folder_for(context.path) == elsewhere
    # Stored where the command line's ``backup`` reads it too, not in Qt's settings.
    assert load_backup_settings().folder == elsewhere
    assert open_settings().value("backup/folder") is None

    again = SettingsDialog(context)
    assert again.backup_folder == elsewhere
    assert again.default_backup_button is not None and again.default_backup_button.isEnabled()
    again.default_backup_button.click()
    again.accept()
    assert load_backup_settings().folder_for(context.path) == default
    assert load_backup_settings().folder is None


def test_a_backup_folder_chosen_in_an_earlier_version_is_kept(
    window: MainWindow, tmp_path: Path
) -> None:
    """Earlier versions kept the backup settings in Qt's settings.ini: Qt's own escaping of
    a path with spaces, commas, quotes and ä is read without Qt."""
    assert window.context is not None
    stick = tmp_path / 'Työ, "USB-tikku"; ä'
    stick.mkdir()
    settings_json = data_home() / "settings.json"
    settings_json.unlink(missing_ok=True)
    legacy = open_settings()
    legacy.setValue("backup/folder", str(stick))
    legacy.setValue("backup/keep_last", 4)
    legacy.sync()
    assert load_backup_settings().folder == stick
    assert load_backup_settings().policy.last == 4
    assert load_backup_settings().folder_for(window.context.path) == stick
    dialog = SettingsDialog(window.context, window)
    assert dialog.backup_folder == stick and dialog.keep_boxes["last"].value() == 4


def test_without_a_file_there_is_no_backup_section(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog = SettingsDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.backup_folder_edit is None and dialog.backup_folder is None
    assert dialog.data_folder_edit.text() == str(data_home())
    dialog.open_data_button.click()
    assert [url.toLocalFile() for url in opened] == [str(data_home())]
    dialog.set_language("en")
    dialog.accept()
    assert open_settings().value("language") == "en"


def test_main_window_without_a_file_switches_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    choose_through_window(window, monkeypatch, lambda dialog: dialog.set_language("sv"))
    assert window.menuBar().actions()[0].text() == "&Arkiv"
    window.close()


@pytest.mark.parametrize("with_file", [True, False])
def test_every_control_is_named_and_reachable_by_keyboard(
    qtbot: QtBot, context: AppContext, with_file: bool
) -> None:
    dialog = SettingsDialog(context if with_file else None)
    qtbot.addWidget(dialog)
    if with_file:
        # the default-folder button is enabled once another folder is set
        dialog.set_backup_folder(context.path.parent / "other")
    dialog.show()
    qtbot.waitExposed(dialog)
    controls = interactive_widgets(dialog)
    assert dialog.language_box in controls and dialog.report_language_box in controls
    for control in controls:
        assert control.accessibleName(), control
    reached = {owner(w) for w in tab_through(qtbot, dialog, dialog.language_box)}
    assert set(controls) <= reached


def test_backup_settings_that_cannot_be_saved_are_said_so_and_the_dialog_stays(
    context: AppContext, tmp_path: Path
) -> None:
    """A data folder where settings.json cannot be written (here a folder is in its place;
    a read-only or full data folder alike): a translated message, no crash dialog."""
    from hyvinvointi_app.domain.errors import FileNotWritten, WriteProblem
    from hyvinvointi_app.i18n.errors import describe
    from hyvinvointi_app.services.settings import settings_path

    settings_path().unlink(missing_ok=True)
    settings_path().mkdir()
    dialog = SettingsDialog(context)
    dialog.prompter = prompter = ScriptedPrompter()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dialog.set_backup_folder(elsewhere)
    dialog.show()
    dialog.accept()
    expected = describe(FileNotWritten(settings_path(), WriteProblem.IS_FOLDER))
    assert prompter.prompts == [Prompt("warn", _("Settings could not be saved"), expected)]
    assert dialog.isVisible() and dialog.result() == 0
    dialog.reject()
