"""The memo's distribution, attachments and signature lines in the meeting header: saved as
typed, locked with the rest of an approved memo, and a refusal said in words."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from hyvinvointi_app.services import approval, meetings, periods
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.meetings.editor.editor import MeetingEditor


def _editor(qtbot: QtBot, context: AppContext) -> tuple[MeetingEditor, int]:
    db = context.database
    period = periods.current_period(db)
    meeting = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=40))
    editor = MeetingEditor(context, meeting.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.agenda_list.setCurrentRow(0)
    return editor, meeting.id


def test_the_fields_are_saved(qtbot: QtBot, context: AppContext) -> None:
    editor, meeting_id = _editor(qtbot, context)
    header = editor.header
    header.distribution_edit.setText("Jäsenet, henkilöstö")
    header.attachments_edit.setText("Kiusaamisen ehkäisyn malli")
    assert editor.autosaver.flush()
    header.signatures_check.click()
    stored = meetings.get_meeting(context.database, meeting_id)
    assert (stored.distribution, stored.attachments, stored.signatures) == (
        "Jäsenet, henkilöstö",
        "Kiusaamisen ehkäisyn malli",
        True,
    )


def test_an_approved_memo_locks_them(qtbot: QtBot, context: AppContext) -> None:
    editor, meeting_id = _editor(qtbot, context)
    approval.approve_memo(context.database, meeting_id, approved_by="Aino", findings_confirmed=True)
    editor.reload()
    header = editor.header
    assert header.distribution_edit.isReadOnly() and header.attachments_edit.isReadOnly()
    assert not header.signatures_check.isEnabled()


def test_a_memo_approved_meanwhile_refuses_in_words(qtbot: QtBot, context: AppContext) -> None:
    editor, meeting_id = _editor(qtbot, context)
    approval.approve_memo(context.database, meeting_id, approved_by="Aino", findings_confirmed=True)
    header = editor.header
    header.signatures_check.click()  # the editor does not know yet: no crash, a message
    assert not header.signatures_check.isChecked()
    assert header.hint.isVisible() and header.hint.text()
    assert not meetings.get_meeting(context.database, meeting_id).signatures
