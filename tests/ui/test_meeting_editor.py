"""Meeting mode, driven with the keyboard alone on the real widgets and a real unit file:
attendance, new items, notes, decisions, action items with typed due dates, follow-up of a
carried-over action, autosave on a pause and on leaving a field, undo of structural
changes, then a fresh opening of the file that finds everything."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dialogs import answer_later
from keyboard import make_editor
from prompts import ScriptedPrompter
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    FollowUpOutcome,
    MeetingStatus,
    Role,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.domain.typed_dates import parse_typed_date
from hyvinvointi_app.i18n.labels import role_label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import actions, agenda, approval, meetings, members, periods
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.memo_view import AgendaItemView
from hyvinvointi_app.store.database import Database, open_database
from hyvinvointi_app.ui.autosave import DEADLINE_MS, PAUSE_MS, RETRY_MS
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings import approval as ui_approval
from hyvinvointi_app.ui.meetings.editor import MeetingEditor
from hyvinvointi_app.ui.meetings.editor.editor import editing_marker_key

Typist = Callable[[QWidget, str], None]
WRITE_WAIT = max(PAUSE_MS, DEADLINE_MS) + 2000
"""Long enough for an autosave write after typing."""
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifiers)
    QApplication.processEvents()


def type_here(typist: Typist, text: str) -> None:
    typist(focused(), text)


def set_up_meetings(context: AppContext) -> tuple[int, int]:
    """Four members, an earlier meeting with an open action, and the meeting to type."""
    db = context.database
    for name, role in (
        ("Aino Ahonen", Role.DIRECTOR),
        ("Eero Virtanen", Role.ECEC_STAFF),
        ("Liisa Mäkelä", Role.GUARDIAN_REPRESENTATIVE),
        ("Terhi Salo", Role.PUBLIC_HEALTH_NURSE),
    ):
        members.add_member(db, MemberInput(name, role))
    period = periods.list_periods(db)[0]
    first = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=20))
    carried = actions.add_action(db, first.id, ActionInput("Päivitä pelastussuunnitelma"))
    second = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=60))
    return second.id, carried.id


def editor_on_first_item(
    qtbot: QtBot, context: AppContext, meeting_id: int
) -> tuple[MeetingEditor, AgendaItemView]:
    editor = make_editor(qtbot, context, meeting_id)
    item = meetings.get_meeting(context.database, meeting_id).agenda[0]
    editor.focus_item(item.id)
    return editor, item


@pytest.fixture
def memo(context: AppContext) -> tuple[int, int]:
    return set_up_meetings(context)


def test_a_whole_meeting_typed_with_the_keyboard_alone(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    memo: tuple[int, int],
    typist: Typist,
    unit_file: Path,
) -> None:
    meeting_id, carried_id = memo
    db = context.database
    editor = make_editor(qtbot, context, meeting_id)
    editor.item_editor.notes_edit.setFocus()
    start = meetings.get_meeting(db, meeting_id)
    meeting_date = start.date

    # Attendance: Ctrl+Shift+L, then one key per member (sorted by role).
    press(Qt.Key.Key_L, CTRL_SHIFT)
    assert focused() is editor.attendance.table
    press(Qt.Key.Key_1)  # director present
    press(Qt.Key.Key_2)  # ECEC staff absent
    press(Qt.Key.Key_3)  # guardian representative excused
    statuses = {a.member.name: a.status for a in meetings.get_meeting(db, meeting_id).attendance}
    assert statuses["Eero Virtanen"] is AttendanceStatus.ABSENT
    assert statuses["Liisa Mäkelä"] is AttendanceStatus.EXCUSED
    warning = editor.attendance.warning
    assert warning.isVisible() and role_label(Role.GUARDIAN_REPRESENTATIVE) in warning.text.text()
    context.undo_stack.undo()  # the excuse was a slip
    assert editor.memo is not None
    liisa = next(a for a in editor.memo.attendance if a.member.name == "Liisa Mäkelä")
    assert liisa.status is AttendanceStatus.PRESENT
    context.undo_stack.redo()

    # Three new items, each with a title typed over the proposed one.
    titles = ["Pihan turvallisuus", "Kiusaamisen ehkäisy – syksyn kysely", "Tiedote huoltajille"]
    new_ids = []
    for title in titles:
        press(Qt.Key.Key_N, CTRL_SHIFT)
        assert focused() is editor.item_editor.title_edit
        type_here(typist, title)
        new_ids.append(editor.item_editor.item.id)  # type: ignore[union-attr]
    press(Qt.Key.Key_Tab)  # leaving the field saves at once
    assert agenda.get_item(db, new_ids[2]).title == titles[2]

    # Notes and a decision in the first new item; saved after a pause of at most a second.
    editor.focus_item(new_ids[0])
    assert editor.item_editor.item is not None and editor.item_editor.item.id == new_ids[0]
    press(Qt.Key.Key_M, CTRL_SHIFT)
    assert focused() is editor.item_editor.notes_edit
    type_here(typist, "Keinut tarkistettu.")
    press(Qt.Key.Key_Return)
    type_here(typist, "- hiekkalaatikon kansi rikki")
    assert agenda.get_item(db, new_ids[0]).notes == ""
    with qtbot.waitSignal(editor.autosaver.saved, timeout=WRITE_WAIT):
        pass  # the pause after the last key writes the text
    assert agenda.get_item(db, new_ids[0]).notes == (
        "Keinut tarkistettu.\n- hiekkalaatikon kansi rikki"
    )
    assert _("Saved {time}").split("{")[0].strip() in editor.indicator.text.text()
    press(Qt.Key.Key_D, CTRL_SHIFT)
    type_here(typist, "Sovittiin korjauspyynnöstä.")
    press(Qt.Key.Key_Tab)
    assert agenda.get_item(db, new_ids[0]).decision == "Sovittiin korjauspyynnöstä."

    # Two action items: text, responsible (a member, then typed freely), typed due dates.
    press(Qt.Key.Key_T, CTRL_SHIFT)
    type_here(typist, "Tee korjauspyyntö kiinteistöhuoltoon")
    press(Qt.Key.Key_Tab)
    type_here(typist, "Eero Virtanen")
    press(Qt.Key.Key_Tab)
    type_here(typist, "15.1.")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_T, CTRL_SHIFT)
    type_here(typist, "Kerro huoltajille kyselystä")
    press(Qt.Key.Key_Tab)
    type_here(typist, "Koko henkilöstö")
    press(Qt.Key.Key_Tab)
    type_here(typist, "1.3.")
    press(Qt.Key.Key_Tab)
    saved_actions = agenda.get_item(db, new_ids[0]).actions
    assert [a.text for a in saved_actions] == [
        "Tee korjauspyyntö kiinteistöhuoltoon",
        "Kerro huoltajille kyselystä",
    ]
    first_action, second_action = saved_actions
    assert first_action.responsible is not None
    assert first_action.responsible.name == "Eero Virtanen"
    assert first_action.due_date == parse_typed_date("15.1.", meeting_date)
    assert second_action.responsible is None
    assert second_action.responsible_text == "Koko henkilöstö"
    assert second_action.due_date == parse_typed_date("1.3.", meeting_date)
    assert (
        editor.item_editor.action_rows[0]
        .due_edit.text()
        .endswith(
            str(first_action.due_date.year)  # type: ignore[union-attr]
        )
    )

    # Follow-up: the carried-over action is done, with a comment.
    follow_item = next(i for i in start.agenda if i.kind is AgendaItemKind.FOLLOW_UP)
    while editor.item_editor.item is None or editor.item_editor.item.id != follow_item.id:
        press(Qt.Key.Key_PageUp, CTRL)
    press(Qt.Key.Key_M, CTRL_SHIFT)
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is editor.item_editor.follow_up.table
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Tab)
    assert focused() is editor.item_editor.follow_up.comment
    type_here(typist, "Päivitetty ja jaettu henkilöstölle.")
    with qtbot.waitSignal(editor.autosaver.saved, timeout=WRITE_WAIT):
        pass

    # The header: place typed, meeting closed with Ctrl+Shift+E.
    press(Qt.Key.Key_L, CTRL_SHIFT)
    editor.header.place_edit.setFocus()
    type_here(typist, "Päiväkodin henkilökunnan huone")
    press(Qt.Key.Key_E, CTRL_SHIFT)
    assert meetings.get_meeting(db, meeting_id).end_time is not None

    # Undo and redo of a structural change: the third new item goes and comes back.
    editor.focus_item(new_ids[2])
    editor.agenda_list.setFocus()
    press(Qt.Key.Key_PageUp, CTRL_SHIFT)  # move up
    moved = meetings.get_meeting(db, meeting_id)
    assert moved.item(new_ids[2]).position == moved.item(new_ids[1]).position - 1
    context.undo_stack.undo()
    restored = meetings.get_meeting(db, meeting_id)
    assert restored.item(new_ids[2]).position == restored.item(new_ids[1]).position + 1
    press(Qt.Key.Key_Delete, CTRL_SHIFT)
    assert new_ids[2] not in [i.id for i in meetings.get_meeting(db, meeting_id).agenda]
    context.undo_stack.undo()
    assert meetings.get_meeting(db, meeting_id).item(new_ids[2]).title == titles[2]
    assert editor._row_of(new_ids[2]) is not None

    # Approval: a phone number slipped into a decision. The privacy check finds it, "Show in
    # memo" selects it, the director types over it, checks again and approves, all by keyboard.
    editor.focus_item(new_ids[1])
    press(Qt.Key.Key_D, CTRL_SHIFT)
    type_here(typist, "Soitetaan 040 123 4567.")
    press(Qt.Key.Key_Tab)
    steps: list[str] = []

    def review_by_keyboard() -> None:
        review = ui_approval.open_review(context, meeting_id)
        try:
            assert review is not None and len(review.rows) == 1
            steps.append("found")
            QTest.keyClick(review.rows[0].show_button, Qt.Key.Key_Return)
            decision = editor.item_editor.decision_edit
            assert decision.textCursor().selectedText() == "040 123 4567"
            typist(decision, "huoltajille")  # types over the selection
            editor.flush()  # as when the director goes back to the review window
            review.check_button.setFocus()
            QTest.keyClick(review.check_button, Qt.Key.Key_Space)  # "Check again"
            assert review.rows == []
            steps.append("fixed")
            review.approver.setFocus()
            QTest.keyClick(review.approver, Qt.Key.Key_Return)  # the default: Approve memo
        finally:
            if review is not None and review.isVisible():
                review.close()  # never leave the nested loop waiting if a check failed

    QTimer.singleShot(0, review_by_keyboard)
    press(Qt.Key.Key_A, CTRL_SHIFT)
    assert steps == ["found", "fixed"]
    approved = meetings.get_meeting(db, meeting_id)
    assert approved.status is MeetingStatus.APPROVED
    assert approved.item(new_ids[1]).decision == "Soitetaan huoltajille."

    # Close everything, then open the file afresh: all of it is there.
    editor.close()
    window.close()
    database = open_database(unit_file)
    try:
        again = AppContext(database)
        memo_again = meetings.get_meeting(database, meeting_id)
        assert [memo_again.item(i).title for i in new_ids] == titles
        first = memo_again.item(new_ids[0])
        assert first.notes == "Keinut tarkistettu.\n- hiekkalaatikon kansi rikki"
        assert first.decision == "Sovittiin korjauspyynnöstä."
        assert len(first.actions) == 2
        follow = next(f for f in memo_again.follow_ups if f.action.id == carried_id)
        assert follow.outcome is FollowUpOutcome.DONE
        assert follow.comment == "Päivitetty ja jaettu henkilöstölle."
        assert follow.action.status is ActionStatus.DONE
        assert memo_again.place == "Päiväkodin henkilökunnan huone"
        status = {a.member.name: a.status for a in memo_again.attendance}
        assert status["Liisa Mäkelä"] is AttendanceStatus.EXCUSED
        reopened = make_editor(qtbot, again, meeting_id)
        reopened.focus_item(new_ids[0])
        assert reopened.item_editor.notes_edit.toPlainText() == first.notes
        assert not reopened.crash_banner.isVisible()  # it was closed cleanly
        reopened.close()
    finally:
        database.close()


def test_text_saves_after_a_pause_and_on_focus_out(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int], typist: Typist
) -> None:
    meeting_id, _carried = memo
    editor = make_editor(qtbot, context, meeting_id)
    item = editor.current_item()
    assert item is not None
    notes = editor.item_editor.notes_edit
    notes.setFocus()
    typist(notes, "Tauko")
    assert agenda.get_item(context.database, item.id).notes == ""
    qtbot.waitUntil(
        lambda: agenda.get_item(context.database, item.id).notes == "Tauko", timeout=1000
    )
    typist(notes, " ja lähtö")
    editor.item_editor.decision_edit.setFocus()
    assert agenda.get_item(context.database, item.id).notes == "Tauko ja lähtö"
    typist(editor.item_editor.decision_edit, "Päätös")
    assert editor.flush()
    assert agenda.get_item(context.database, item.id).decision == "Päätös"


def test_typing_without_pause_still_saves_within_a_second(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int], typist: Typist
) -> None:
    meeting_id, _carried = memo
    editor = make_editor(qtbot, context, meeting_id)
    item = editor.current_item()
    assert item is not None
    notes = editor.item_editor.notes_edit
    notes.setFocus()
    saved: list[object] = []
    editor.autosaver.saved.connect(saved.append)
    typist(notes, "a")
    for _step in range(100):  # a keystroke every 50 ms: the pause never runs out
        typist(notes, "b")
        qtbot.wait(50)
        if saved:
            break
    assert saved, "typing on never let the text be written"
    assert agenda.get_item(context.database, item.id).notes.startswith("ab")


def test_paste_from_word_keeps_the_text_and_drops_the_styling(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    editor = make_editor(qtbot, context, memo[0])
    data = QMimeData()
    data.setHtml("<p><b>Lihavoitu</b> <span style='color:red'>punainen</span></p>")
    data.setText("Lihavoitu punainen")
    notes = editor.item_editor.notes_edit
    notes.insertFromMimeData(data)
    assert notes.toPlainText() == "Lihavoitu punainen"
    assert isinstance(notes, QPlainTextEdit)


def test_approved_memo_is_read_only_with_a_banner(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    meeting_id, _carried = memo
    approval.approve_memo(
        context.database, meeting_id, approved_by="Aino Ahonen", findings_confirmed=True
    )
    editor = make_editor(qtbot, context, meeting_id)
    assert editor.locked_banner.isVisible()
    assert editor.reopen_button.isVisible() and editor.reopen_button.isEnabled()
    assert not editor.approve_button.isVisible()
    assert editor.item_editor.notes_edit.isReadOnly()
    assert editor.header.place_edit.isReadOnly()
    # and looks so: the window's grey behind the text, not the white of a field to type in
    grey = QApplication.palette().color(QPalette.ColorRole.Window)
    for field in (editor.item_editor.notes_edit, editor.header.place_edit):
        assert field.palette().color(QPalette.ColorRole.Base) == grey
    count = context.undo_stack.count()
    editor.new_item()
    editor.attendance.set_status(editor.memo.attendance[0].member.id, AttendanceStatus.ABSENT)  # type: ignore[union-attr]
    assert context.undo_stack.count() == count


def test_unexpected_close_is_told_calmly(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    meeting_id, _carried = memo
    key = editing_marker_key(context.path.resolve(), meeting_id)
    context.settings.setValue(key, "2026-11-23T13:05:12")
    editor = make_editor(qtbot, context, meeting_id)
    assert editor.crash_banner.isVisible()
    crash_text = _(
        "The application was closed unexpectedly. The memo is as it was at the "
        "last autosave ({time})."
    )
    assert crash_text.split("(")[0] in editor.crash_banner.label.text()
    editor.close()
    assert not context.settings.contains(key)


def test_select_text_shows_the_item_and_selects_the_span(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    meeting_id, _carried = memo
    detail = meetings.get_meeting(context.database, meeting_id)
    target = detail.agenda[5]
    agenda.set_item_text(context.database, target.id, "notes", "Soita 040 1234567 huomenna")
    editor = make_editor(qtbot, context, meeting_id)
    editor.select_text(target.id, "notes", 6, 17)
    assert editor.item_editor.item is not None and editor.item_editor.item.id == target.id
    assert editor.item_editor.notes_edit.textCursor().selectedText() == "040 1234567"
    editor.select_text(None, f"item:{target.id}:title", 0, 3)
    assert editor.item_editor.title_edit.selectedText() == target.title[:3]
    editor.select_text(None, "place", 0, 0)
    assert editor.pages.currentWidget() is editor.details_page


def test_help_overlay_opens_with_f1_and_closes_with_escape(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    editor = make_editor(qtbot, context, memo[0])
    editor.item_editor.notes_edit.setFocus()
    with qtbot.assertNotEmitted(editor.back_requested):
        press(Qt.Key.Key_F1)
        assert editor.help_overlay.isVisible()
        press(Qt.Key.Key_Escape)
        assert not editor.help_overlay.isVisible()
    with qtbot.waitSignal(editor.back_requested, timeout=500):
        press(Qt.Key.Key_Escape)


def test_every_control_is_named_and_tab_is_never_trapped(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    editor = make_editor(qtbot, context, memo[0])
    for row in range(editor.agenda_list.count()):
        editor.agenda_list.setCurrentRow(row)
        QApplication.processEvents()
        controls = [
            w
            for w in editor.findChildren(QWidget)
            if w.isVisibleTo(editor)
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.metaObject().className() not in ("QWidget", "QScrollBar")
            and not isinstance(w.parentWidget(), QAbstractScrollArea)
        ]
        unnamed = [
            f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()}"
            for w in controls
            if not w.accessibleName().strip()
        ]
        assert not unnamed, unnamed
    editor.agenda_list.setCurrentRow(0)
    editor.attendance.table.setFocus()
    press(Qt.Key.Key_Tab)
    assert focused() is not editor.attendance.table


def test_coming_back_to_an_item_shows_what_was_typed_there(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int], typist: Typist
) -> None:
    """Found by the crash trials: text saves do not redraw, so an item shown again must be
    read from the file, not from the memo read at the last redraw."""
    editor = make_editor(qtbot, context, memo[0])
    editor.item_editor.notes_edit.setFocus()
    press(Qt.Key.Key_PageDown, CTRL)
    type_here(typist, "Ensimmäinen")
    press(Qt.Key.Key_PageDown, CTRL)
    type_here(typist, "Toinen")
    press(Qt.Key.Key_PageUp, CTRL)
    assert editor.item_editor.notes_edit.toPlainText() == "Ensimmäinen"


def test_the_guardians_voice_offers_the_ways_guardians_are_heard(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    """Guardians were once offered "drawing" and "children's meeting"; a method an earlier
    version recorded for them stays shown, ticked, so that nothing is hidden."""
    meeting_id = memo[0]
    db = context.database
    detail = meetings.get_meeting(db, meeting_id)
    kinds = {i.kind: i.id for i in detail.agenda}
    agenda.set_voice(db, meeting_id, VoiceKind.CHILDREN, [VoiceMethod.DRAWING], "")
    editor = make_editor(qtbot, context, meeting_id)
    panel = editor.item_editor.voice

    def offered() -> list[VoiceMethod]:
        return [m for m, check in panel.checks.items() if check.isVisibleTo(panel)]

    editor.focus_item(kinds[AgendaItemKind.GUARDIANS_VOICE])
    assert offered() == [
        VoiceMethod.INTERVIEW,
        VoiceMethod.SURVEY,
        VoiceMethod.DISCUSSION,
        VoiceMethod.OTHER,
    ]
    panel.checks[VoiceMethod.SURVEY].click()
    voices = {v.kind: v for v in meetings.get_meeting(db, meeting_id).voices}
    assert voices[VoiceKind.GUARDIANS].methods == (VoiceMethod.SURVEY.value,)
    assert voices[VoiceKind.CHILDREN].methods == (VoiceMethod.DRAWING.value,)

    editor.focus_item(kinds[AgendaItemKind.CHILDREN_VOICE])
    assert offered() == list(VoiceMethod)
    assert panel.checks[VoiceMethod.DRAWING].isChecked()

    agenda.set_voice(db, meeting_id, VoiceKind.GUARDIANS, [VoiceMethod.DRAWING], "")
    editor.refresh()
    editor.focus_item(kinds[AgendaItemKind.GUARDIANS_VOICE])
    assert VoiceMethod.DRAWING in offered()
    assert panel.checks[VoiceMethod.DRAWING].isChecked()


def test_removing_an_item_with_action_items_asks_first(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    meeting_id = memo[0]
    db = context.database
    agenda_items = meetings.get_meeting(db, meeting_id).agenda
    item = next(i for i in agenda_items if i.kind is AgendaItemKind.OTHER_MATTERS)
    plain = next(i for i in agenda_items if i.kind is AgendaItemKind.COMMUNICATION)
    actions.add_action(
        db, meeting_id, ActionInput("Hanki pihalle uusi hiekka"), agenda_item_id=item.id
    )
    editor = make_editor(qtbot, context, meeting_id)
    editor.focus_item(item.id)

    def answer(button: QMessageBox.StandardButton) -> list[QWidget]:
        def press(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and "Hanki" not in box.text()
            assert item.title in box.text()
            box.button(button).click()

        return answer_later(press)

    asked = answer(QMessageBox.StandardButton.No)
    editor.remove_item()
    assert asked
    assert item.id in {i.id for i in meetings.get_meeting(db, meeting_id).agenda}
    asked = answer(QMessageBox.StandardButton.Yes)
    editor.remove_item()
    assert asked
    assert item.id not in {i.id for i in meetings.get_meeting(db, meeting_id).agenda}
    context.undo_stack.undo()
    back = meetings.get_meeting(db, meeting_id).item(item.id)
    assert [a.text for a in back.actions] == ["Hanki pihalle uusi hiekka"]
    # an item without action items goes at once
    editor.focus_item(plain.id)
    editor.remove_item()
    assert plain.id not in {i.id for i in meetings.get_meeting(db, meeting_id).agenda}


# -- a full disk ----------------------------------------------------------------------
# The disk fills up through SQLite itself (a page limit on every connection: SQLITE_FULL
# through SQLAlchemy, as from a real full disk), so this always runs; tests/store fills a
# real small file system.


def _limit_pages(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


@pytest.fixture
def disk_full() -> Iterator[Callable[[Database, bool], None]]:
    """``disk_full(db, True)`` fills the disk (for every new connection), False frees it."""
    limited: list[Database] = []

    def switch(db: Database, full: bool) -> None:
        db.engine.dispose()
        if full:
            event.listen(db.engine, "connect", _limit_pages)
            limited.append(db)
        else:
            event.remove(db.engine, "connect", _limit_pages)
            limited.remove(db)
        db.engine.dispose()

    yield switch
    for db in limited:  # free the disk, so that closing the window after a failure saves
        event.remove(db.engine, "connect", _limit_pages)
        db.engine.dispose()


LONG_NOTES = "Pihan kunnostus: " + "hiekkalaatikko, keinut ja liukumäki. " * 600


def test_full_disk_in_meeting_mode_is_said_and_the_text_is_kept(
    qtbot: QtBot, context: AppContext, disk_full: Callable[[Database, bool], None]
) -> None:
    meeting_id, _carried = set_up_meetings(context)
    editor = make_editor(qtbot, context, meeting_id)
    item = editor.current_item()
    assert item is not None
    notes = editor.item_editor.notes_edit
    notes.setFocus()
    disk_full(context.database, True)

    notes.setPlainText(LONG_NOTES)
    qtbot.waitUntil(editor.unsaved_banner.isVisible, timeout=2000)
    assert editor.indicator.text.text() == _("Not saved")
    assert "Saved" not in editor.indicator.text.text()
    assert notes.toPlainText() == LONG_NOTES
    assert agenda.get_item(context.database, item.id).notes == ""
    assert not editor.flush()  # closing now would be refused: the text is not on disk

    # Still full at the next try: still unsaved, nothing claims otherwise.
    with qtbot.waitSignal(editor.autosaver.failed, timeout=RETRY_MS + 2000):
        pass
    assert editor.unsaved_banner.isVisible()
    assert editor.autosaver.failing is not None

    disk_full(context.database, False)
    qtbot.waitUntil(lambda: not editor.unsaved_banner.isVisible(), timeout=RETRY_MS + 2000)
    assert agenda.get_item(context.database, item.id).notes == LONG_NOTES
    assert editor.indicator.text.text().startswith(_("Saved again {time}").split("{")[0])


def test_a_full_disk_keeps_the_item_and_the_file_open_until_the_text_is_saved(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    disk_full: Callable[[Database, bool], None],
) -> None:
    """Leaving the item, the memo or the file would drop text that is only on screen: each is
    refused (the window asks) until the text is on disk."""
    meeting_id, _carried = set_up_meetings(context)
    page = window.pages["meetings"]
    page.open_meeting(meeting_id)  # type: ignore[attr-defined]
    editor = page.editor  # type: ignore[attr-defined]
    row = editor.agenda_list.currentRow()
    item = editor.current_item()
    notes = editor.item_editor.notes_edit
    disk_full(context.database, True)
    notes.setPlainText(LONG_NOTES)
    assert not editor.flush()

    editor.agenda_list.setCurrentRow(row + 1)
    assert editor.agenda_list.currentRow() == row
    assert editor.current_item() == item and notes.toPlainText() == LONG_NOTES
    editor.request_back()
    assert page.editor is editor  # type: ignore[attr-defined]
    window.prompter = prompter = ScriptedPrompter(False)  # Cancel, not Discard
    window.close()
    assert window.isVisible()
    assert [(p.kind, p.title) for p in prompter.prompts] == [("discard", _("Text not saved"))]
    assert window.context is not None

    disk_full(context.database, False)
    assert editor.flush()
    assert agenda.get_item(context.database, item.id).notes == LONG_NOTES
    editor.agenda_list.setCurrentRow(row + 1)
    assert editor.agenda_list.currentRow() == row + 1


def test_the_presenter_chosen_in_meeting_mode_is_saved(qtbot: QtBot, context: AppContext) -> None:
    meeting_id, _carried = set_up_meetings(context)
    editor = make_editor(qtbot, context, meeting_id)
    combo = editor.item_editor.presenter_combo
    assert combo.accessibleName() and combo.currentData() is None
    nurse = next(
        m for m in members.list_members(context.database) if m.role is Role.PUBLIC_HEALTH_NURSE
    )
    combo.setCurrentIndex(combo.findData(nurse.id))
    combo.activated.emit(combo.currentIndex())
    item = editor.item_editor.item
    assert item is not None
    saved = agenda.get_item(context.database, item.id).presenter
    assert saved is not None and saved.id == nurse.id


def test_meeting_mode_reopens_where_the_director_was(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    meeting_id = memo[0]
    agenda_items = meetings.get_meeting(context.database, meeting_id).agenda
    editor = make_editor(qtbot, context, meeting_id)
    first = editor.current_item()
    assert first is not None and first.id == agenda_items[0].id  # a new meeting: its first item
    editor.focus_item(agenda_items[4].id)
    editor.close()
    again = make_editor(qtbot, context, meeting_id)
    shown = again.current_item()
    assert shown is not None and shown.id == agenda_items[4].id
    again.agenda_list.setCurrentRow(0)  # the details and attendance
    again.close()
    assert make_editor(qtbot, context, meeting_id).current_item() is None


def test_tab_in_the_meeting_details_follows_the_screen(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    """Row by row, left to right (Close meeting once came after Place, below it)."""
    editor = make_editor(qtbot, context, memo[0])
    editor.agenda_list.setCurrentRow(0)
    editor.header.date_edit.setFocus()
    places = []
    for _step in range(10):
        widget = focused()
        corner = widget.mapTo(editor, widget.rect().topLeft())
        places.append((corner.y() // 12, corner.x(), widget.accessibleName()))
        press(Qt.Key.Key_Tab)
    assert places == sorted(places), places


def test_typing_in_a_memo_field_is_one_undo_step_per_visit(
    qtbot: QtBot,
    context: AppContext,
    memo: tuple[int, int],
    typist: Typist,
) -> None:
    meeting_id, _carried = memo
    db = context.database
    editor, item = editor_on_first_item(qtbot, context, meeting_id)
    notes = editor.item_editor.notes_edit
    notes.setFocus()
    before = agenda.get_item(db, item.id).notes
    steps = context.undo_stack.count()

    # two writes while typing goes on (a pause after each): still no step of its own
    for part in ("Piha-alueen", " portti korjataan"):
        with qtbot.waitSignal(editor.autosaver.saved, timeout=WRITE_WAIT):
            typist(notes, part)
    typed = before + "Piha-alueen portti korjataan"
    assert agenda.get_item(db, item.id).notes == typed
    assert context.undo_stack.count() == steps

    # leaving the field ends the session: one step, named for the item
    editor.item_editor.decision_edit.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert context.undo_stack.count() == steps + 1
    assert context.undo_stack.undoText() == _("edit agenda item")

    context.undo_stack.undo()
    assert agenda.get_item(db, item.id).notes == before
    assert notes.toPlainText() == before
    context.undo_stack.redo()
    assert agenda.get_item(db, item.id).notes == typed
    assert notes.toPlainText() == typed


def test_the_meeting_place_typed_is_one_undo_step(
    qtbot: QtBot,
    context: AppContext,
    memo: tuple[int, int],
    typist: Typist,
) -> None:
    meeting_id, _carried = memo
    db = context.database
    editor = make_editor(qtbot, context, meeting_id)
    editor.agenda_list.setCurrentRow(0)  # the meeting's details
    place = editor.header.place_edit
    place.setFocus()
    place.selectAll()
    before = meetings.get_meeting(db, meeting_id).place
    typist(place, "Salmen päiväkoti, sali")
    editor.header.distribution_edit.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert meetings.get_meeting(db, meeting_id).place == "Salmen päiväkoti, sali"
    assert context.undo_stack.undoText() == _("edit meeting details")
    context.undo_stack.undo()
    assert meetings.get_meeting(db, meeting_id).place == before
    assert place.text() == before


def test_undo_from_the_menu_takes_back_the_text_still_being_typed(
    qtbot: QtBot,
    context: AppContext,
    memo: tuple[int, int],
    typist: Typist,
) -> None:
    """Edit → Undo while the cursor is still in the field: the text is written and its
    session ends first, so the step undone is the one just typed."""
    meeting_id, _carried = memo
    db = context.database
    editor, item = editor_on_first_item(qtbot, context, meeting_id)
    decision = editor.item_editor.decision_edit
    decision.setFocus()
    before = agenda.get_item(db, item.id).decision
    typist(decision, "Päätettiin korjata portti")
    context.undo()
    assert agenda.get_item(db, item.id).decision == before
    assert decision.toPlainText() == before
    context.redo()
    assert agenda.get_item(db, item.id).decision == before + "Päätettiin korjata portti"


def test_choices_in_an_item_are_undo_steps(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    """An action's responsible person is saved through its text's write; once that write
    counted as no step because the action's text stayed the same."""
    from hyvinvointi_app.domain.enums import PlanType
    from hyvinvointi_app.services import plans
    from hyvinvointi_app.services.plans import PlanInput

    meeting_id, _carried = memo
    db = context.database
    plan = plans.add_plan(db, PlanInput(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma"))
    item = meetings.get_meeting(db, meeting_id).agenda[0]
    action = actions.add_action(
        db, meeting_id, ActionInput("Korjaa portti"), agenda_item_id=item.id
    )
    editor = make_editor(qtbot, context, meeting_id)
    editor.focus_item(item.id)
    row = editor.item_editor.action_rows[0]
    steps = context.undo_stack.count()
    index = row.responsible.findText("Eero Virtanen")
    row.responsible.setCurrentIndex(index)  # as a choice in the list does
    row.responsible.activated.emit(index)
    assert actions.get_action(db, action.id).responsible is not None
    assert context.undo_stack.count() == steps + 1
    context.undo()
    assert actions.get_action(db, action.id).responsible is None

    combo = editor.item_editor.plan_combo
    combo.setCurrentIndex(combo.findData(plan.id))
    combo.activated.emit(combo.currentIndex())
    assert agenda.get_item(db, item.id).plan_id == plan.id
    chosen = context.undo_stack.count()
    combo.activated.emit(combo.currentIndex())  # the same plan again: no step
    assert context.undo_stack.count() == chosen
    assert context.undo_stack.undoText() == _("edit agenda item")
    context.undo()
    assert agenda.get_item(db, item.id).plan_id == item.plan_id
    assert editor.item_editor.plan_combo.currentData() == item.plan_id


def test_a_text_too_long_for_the_memo_stays_on_screen_and_says_why(
    qtbot: QtBot, context: AppContext, memo: tuple[int, int]
) -> None:
    from hyvinvointi_app.services.guards import MAX_TEXT_LENGTH

    meeting_id, _carried = memo
    db = context.database
    editor, item = editor_on_first_item(qtbot, context, meeting_id)
    notes = editor.item_editor.notes_edit
    stored = agenda.get_item(db, item.id).notes
    notes.setPlainText("x" * (MAX_TEXT_LENGTH + 1))  # pasted
    assert not editor.autosaver.flush()
    assert editor.unsaved_banner.isVisible() and editor.autosaver.problem()
    assert agenda.get_item(db, item.id).notes == stored
    assert notes.toPlainText() == "x" * (MAX_TEXT_LENGTH + 1)  # nothing lost
    notes.setPlainText("Lyhyempi muistiinpano")
    assert editor.autosaver.flush()
    assert editor.unsaved_banner.isHidden() and editor.autosaver.problem() is None
    assert agenda.get_item(db, item.id).notes == "Lyhyempi muistiinpano"
