"""The File menu's unit files on their own, without a window: the recent files and choosing a
file. (Opening, restoring and backing up are driven through the window in test_restore,
test_bad_files and test_lock_take_over.)"""

from __future__ import annotations

from pathlib import Path

from prompts import ScriptedPrompter
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from hyvinvointi_app.ui.unit_files import RECENT_LIMIT, UnitFiles


def _files(tmp_path: Path, prompter: ScriptedPrompter) -> UnitFiles:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UnitFiles(QWidget(), settings, prompter, lambda _text, _ms: None)


def test_recent_files_newest_first_once_each_and_at_most_eight(
    qapp: object, tmp_path: Path
) -> None:
    files = _files(tmp_path, ScriptedPrompter())
    paths = [tmp_path / f"unit-{n}.sqlite" for n in range(RECENT_LIMIT + 2)]
    for path in paths:
        files.remember(path)
    files.remember(paths[3])  # opened again: to the top, not twice
    recent = files.recent()
    assert recent[0] == str(paths[3].resolve())
    assert len(recent) == RECENT_LIMIT and len(set(recent)) == RECENT_LIMIT
    opened: list[Path] = []
    menu = QMenu()
    files.fill_recent_menu(menu, opened.append)
    menu.actions()[1].trigger()
    assert opened == [Path(recent[1])]


def test_one_recent_file_reads_back_from_the_settings_file(qapp: object, tmp_path: Path) -> None:
    """Qt's INI format writes a one-item list as plain text and reads it back as a string."""
    files = _files(tmp_path, ScriptedPrompter())
    files.remember(tmp_path / "only.sqlite")
    files.settings.sync()
    again = _files(tmp_path, ScriptedPrompter())
    assert again.recent() == [str((tmp_path / "only.sqlite").resolve())]


def test_choosing_a_file_asks_in_the_folder_given(qapp: object, tmp_path: Path) -> None:
    chosen = tmp_path / "other.sqlite"
    prompter = ScriptedPrompter(chosen, None)
    files = _files(tmp_path, prompter)
    assert files.choose(tmp_path) == chosen
    assert files.choose(tmp_path) is None  # cancelled
    assert [(p.kind, p.text) for p in prompter.prompts] == [("open", str(tmp_path))] * 2


def test_the_window_hands_a_new_prompter_to_its_files_and_screens(window: object) -> None:
    from hyvinvointi_app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow) and window.context is not None
    scripted = ScriptedPrompter()
    window.prompter = scripted
    assert window.files.prompter is scripted and window.context.prompter is scripted
