"""The minimal main window on a real unit file, driven offscreen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Language, Role
from hyvinvointi_app.i18n.translator import _, set_ui_language
from hyvinvointi_app.services import meetings, members, periods
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import create_database
from hyvinvointi_app.ui.main_window import MainWindow


def _unit(path: Path) -> None:
    db = create_database(path)
    set_up_unit(
        db, UnitInfo("Päiväkoti Mäntylä", "Daghemmet Tallbacken", "Porvoo", True, Language.FINNISH)
    )
    period = periods.add_period(db)
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=40))
    db.close()


def test_window_shows_the_unit(qtbot: QtBot, tmp_path: Path) -> None:
    set_ui_language("fi")
    path = tmp_path / "unit.sqlite"
    _unit(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(path) is None
    assert "Päiväkoti Mäntylä" in window.windowTitle()
    facts = {
        label.accessibleName(): label.text()
        for label in window.findChildren(QLabel)
        if label.accessibleName()
    }
    assert facts[_("Meetings")] == _("{held} of at least {minimum}").format(held=1, minimum=2)
    assert facts[_("Members")] == "1"
    window.close()
    assert window.database is None


def test_window_reports_a_bad_file_without_changing_it(
    qtbot: QtBot, tmp_path: Path, make_bad_file: Callable[[str, Path], Path]
) -> None:
    set_ui_language("sv")
    path = make_bad_file("foreign", tmp_path / "photos.sqlite")
    before = path.read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    message = window.open_database(path)
    assert message is not None and "annat program" in message
    assert path.read_bytes() == before
    set_ui_language("fi")
