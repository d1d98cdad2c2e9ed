"""Real widgets on a real unit file in a temporary folder, with settings kept there too."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.services import periods
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import create_database
from hyvinvointi_app.ui.annual_clock.page import AnnualClockPage
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings, recent files and the default unit file live in the test's folder, and every
    test starts in Finnish."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HYVINVOINTI_HOME", str(home))
    apply_language("fi")
    yield home
    apply_language("fi")


@pytest.fixture
def unit_file(tmp_path: Path) -> Path:
    """A unit with a current operating period and nothing else."""
    path = tmp_path / "unit.sqlite"
    db = create_database(path)
    set_up_unit(
        db,
        UnitInfo("Päiväkoti Mäntylä", "Daghemmet Tallbacken", "Porvoo", True, Language.FINNISH),
    )
    periods.add_period(db)
    db.close()
    return path


@pytest.fixture
def clock_page(window: MainWindow, qtbot: QtBot) -> AnnualClockPage:
    """The annual clock screen of the window, shown and active."""
    window.show_page("clock")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    shown = window.pages["clock"]
    assert isinstance(shown, AnnualClockPage)
    return shown


@pytest.fixture
def window(qtbot: QtBot, unit_file: Path) -> Iterator[MainWindow]:
    """The real main window with ``unit_file`` open, shown at laptop size."""
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    assert main.open_database(unit_file) is None
    yield main
    main.close()


@pytest.fixture
def context(window: MainWindow) -> AppContext:
    assert window.context is not None
    return window.context


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key. qtbot.keyClicks aborts the process on non-ASCII
    characters in PySide6 6.x; this sends those as text-only key events instead."""
    for ch in text:
        if ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


@pytest.fixture
def typist() -> Callable[[QWidget, str], None]:
    return type_text
