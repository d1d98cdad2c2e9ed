"""The main window on a real unit file, driven offscreen: the overview, navigation, language
switching at run time, remembered size and screen, recent files, backups, bad files."""

from __future__ import annotations

import datetime as dt
import importlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import meetings, members, periods
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.settings import load_backup_settings
from hyvinvointi_app.store.database import inspect_file, open_database
from hyvinvointi_app.ui import screens
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.main_window import SCREEN_KEYS, MainWindow
from hyvinvointi_app.ui.page import Page


def _with_meeting_and_director(path: Path) -> None:
    db = open_database(path)
    period = periods.current_period(db)
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    meetings.new_meeting(db, period.id, dt.date.today() + dt.timedelta(days=3))
    db.close()


def test_the_overview_shows_the_period_and_links_to_the_place_that_fixes_each_figure(
    qtbot: QtBot, unit_file: Path
) -> None:
    _with_meeting_and_director(unit_file)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(unit_file) is None
    assert "Päiväkoti Mäntylä" in window.windowTitle() and "unit.sqlite" in window.windowTitle()
    assert window.current_page_key() == "overview"
    page = window.pages["overview"]
    figures = {f.key: f for f in page.figures}  # type: ignore[attr-defined]
    assert figures["meetings"].attention  # none held yet: the minimum of two is not met
    assert figures["next_meeting"].text.startswith(_("Meeting {number}, {date}").split("{")[0])
    assert not figures["next_meeting"].attention
    assert figures["roles"].attention  # only a director so far
    link = page.findChild(QPushButton, "link_roles")
    assert link is not None and link.accessibleName()
    link.click()
    assert window.current_page_key() == "members"
    window.close()
    assert window.database is None


def test_every_screen_is_reachable_by_keyboard_shortcut(window: MainWindow) -> None:
    for number, key in enumerate(window.pages, start=1):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
    assert window.navigation.accessibleName()


def _screen_classes() -> list[type[Page]]:
    for spec in screens.SCREENS:
        if spec.module is not None:
            importlib.import_module(f"{spec.module}.page")
    found, todo = [], list(Page.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def test_each_screen_reads_its_data_once_when_first_shown(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five screens read theirs when built and again when shown: twice the queries of a
    first look (on the Reports screen, 40 ms of a 65 ms pause)."""
    reads: Counter[str] = Counter()
    shown_at_opening = set(window.pages.built())
    for cls in _screen_classes():
        if "refresh" in cls.__dict__:
            reading = cls.__dict__["refresh"]

            def counted(page: Page, reading: Callable[[Page], None] = reading) -> None:
                reads[type(page).__name__] += 1
                reading(page)

            monkeypatch.setattr(cls, "refresh", counted)
    for key in SCREEN_KEYS:
        window.show_page(key)
    built = {
        type(page).__name__
        for key, page in window.pages.built().items()
        if key not in shown_at_opening
    }
    assert len(built) == len(SCREEN_KEYS) - len(shown_at_opening)
    assert {name: reads[name] for name in built} == dict.fromkeys(built, 1)


def test_switching_the_language_redraws_everything_at_once(window: MainWindow) -> None:
    window.show_page("members")
    window.set_language("sv")
    assert window.current_page_key() == "members"  # the screen shown stays
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[:2] == ["Översikt", "Medlemmar"]
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&Arkiv", "&Redigera"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"  # Qt's own
    window.set_language("fi")
    assert window.navigation.item(1).text() == "Jäsenet"
    fresh = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert fresh.button(QDialogButtonBox.StandardButton.Cancel).text() == "Peru"


def test_the_window_remembers_its_size_and_last_screen(qtbot: QtBot, unit_file: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    assert first.open_database(unit_file) is None
    first.resize(760, 560)  # within the offscreen screen of 800×600
    first.show_page("clock")
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.open_database(unit_file) is None
    assert second.current_page_key() == "clock"
    assert (second.width(), second.height()) == (760, 560)
    assert str(unit_file.resolve()) in [a.text() for a in second.recent_menu.actions()]
    second.close()


def test_back_up_now_writes_a_checked_copy_beside_the_file(window: MainWindow) -> None:
    assert window.context is not None
    window.back_up_now()
    copies = list(
        load_backup_settings().folder_for(window.context.path).glob("*/unit-*.sqlite")
    )  # unit's subfolder
    assert len(copies) == 1 and inspect_file(copies[0]).integrity_ok
    assert str(copies[0]) in window.statusBar().currentMessage()


# Restore from backup: tests/ui/test_restore.py; bad files: tests/ui/test_bad_files.py.


def test_a_bad_file_is_reported_and_left_unchanged(
    qtbot: QtBot, tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    apply_language("sv")
    path = make_bad_file("foreign", tmp_path / "photos.sqlite")
    before = path.read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    message = window.open_database(path)
    assert message is not None and "annat program" in message
    assert path.read_bytes() == before
    assert window.context is None
    QApplication.processEvents()


def test_the_roles_figure_says_all_roles_filled_when_none_is_missing() -> None:
    """A green check once stood beside the title "Roles missing" when nothing was."""
    import dataclasses
    import datetime as dt

    from hyvinvointi_app.domain.enums import Role
    from hyvinvointi_app.services.overview import Overview
    from hyvinvointi_app.ui.overview.page import figures

    data = Overview(
        "2026–2027", dt.date(2026, 8, 1), dt.date(2027, 7, 31), 2, 2, None, (), 0, 0, (), ()
    )
    filled = {f.key: f for f in figures(data, "fi")}["roles"]
    assert (filled.title, filled.attention) == (_("All roles filled"), False)
    missing = dataclasses.replace(data, roles_missing=(Role.PUBLIC_HEALTH_NURSE,))
    lacking = {f.key: f for f in figures(missing, "fi")}["roles"]
    assert (lacking.title, lacking.attention) == (_("Roles missing"), True)


def test_the_keyboard_waits_in_the_list_at_start_and_after_a_dialog(
    qtbot: QtBot, unit_file: Path
) -> None:
    """Enter opens the selected row as soon as the file is open, and a dialog a button
    opened gives the keyboard back to the list, not to the button."""
    from dialogs import answer_later
    from PySide6.QtWidgets import QDialog

    from hyvinvointi_app.ui.members.page import MembersPage

    with open_database(unit_file) as db:
        members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    first = MainWindow()  # the screen last shown is kept in the settings
    first.settings.setValue("window/last_view", "members")
    first.deleteLater()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(unit_file) is None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.pages.of_kind("members", MembersPage)
    assert QApplication.focusWidget() is page.table

    answer_later(lambda dialog: dialog.reject() if isinstance(dialog, QDialog) else None)
    page.add_button.setFocus()
    page.add_button.click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()  # as the window system does when the dialog goes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    window.close()


def test_the_about_box_tells_the_version_the_licences_and_where_the_data_is(
    window: MainWindow,
) -> None:
    from dialogs import answer_later
    from PySide6.QtWidgets import QMessageBox

    from hyvinvointi_app import __version__
    from hyvinvointi_app.paths import data_home

    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    answer_later(read)
    window.show_about()
    assert seen
    text = seen[0]
    assert __version__ in text and "LGPL" in text
    assert str(data_home()) in text and str(window.context.path) in text  # type: ignore[union-attr]


def test_the_navigation_folds_away_in_meeting_mode_only(window: MainWindow) -> None:
    from hyvinvointi_app.ui.meetings.page import MeetingsPage

    assert window.context is not None
    period = periods.list_periods(window.context.database)[0]
    meeting = meetings.new_meeting(window.context.database, period.id, period.start_date)
    window.show_page("meetings")
    page = window.pages.of_kind("meetings", MeetingsPage)
    page.open_meeting(meeting.id)
    assert window.navigation.isHidden() and not window.navigation_action.isChecked()
    window.toggle_navigation()  # F9 brings it back for a moment
    assert not window.navigation.isHidden()
    window.show_page("members")  # Ctrl+2 from meeting mode
    assert not window.navigation.isHidden()
    window.show_page("meetings")  # the meeting is still open there
    assert window.navigation.isHidden()
    page.show_list()
    assert not window.navigation.isHidden() and window.navigation_action.isChecked()
