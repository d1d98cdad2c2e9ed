"""The Overview counts only meetings held: a new, empty draft made on the Meetings screen
(Insert, then Enter in the dialog) does not raise "Meetings held"."""

from __future__ import annotations

import datetime as dt

from dialogs import answer_later
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import approval, meetings, members, periods
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.new_meeting_dialog import NewMeetingDialog
from hyvinvointi_app.ui.meetings.page import MeetingsPage


def held_text(window: MainWindow) -> str:
    """The text of the Overview's "Meetings held" line as drawn now."""
    window.show_page("overview")
    page = window.pages["overview"]
    (figure,) = (f for f in page.figures if f.key == "meetings")  # type: ignore[attr-defined]
    return str(figure.text)


def test_a_new_empty_draft_does_not_raise_meetings_held(window: MainWindow, qtbot: QtBot) -> None:
    assert window.context is not None
    db = window.context.database
    period = periods.current_period(db)
    today = dt.date.today()
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    held = meetings.new_meeting(db, period.id, max(period.start_date, today - dt.timedelta(7)))
    approval.approve_memo(db, held.id, approved_by="Aino Ahonen")
    window.context.data_changed.emit()
    one_held = _("{held} of at least {minimum}").format(held=1, minimum=2)
    assert held_text(window).startswith(one_held)

    window.show_page("meetings")
    page = window.pages["meetings"]
    assert isinstance(page, MeetingsPage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    def create_for_today(dialog: QWidget) -> None:
        assert isinstance(dialog, NewMeetingDialog)
        dialog.date_edit.setDate(QDate(today.year, today.month, today.day))
        QTest.keyClick(dialog.place_edit, Qt.Key.Key_Return)

    created = answer_later(create_for_today)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Insert)
    assert created
    rows = meetings.list_meetings(db, period.id)
    assert [r.date for r in rows][-1] == today and len(rows) == 2

    assert held_text(window).startswith(one_held)  # still one: the draft is not held
    assert _("minimum not met yet") in held_text(window)
