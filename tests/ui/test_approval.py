"""Approving a memo after the privacy review, reopening it with a reason, and its versions:
real dialogs on a real unit file, driven by clicks and keys without blocking ``exec``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from prompts import ScriptedPrompter
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import AuditAction, MeetingStatus, Role, VoiceKind, VoiceMethod
from hyvinvointi_app.domain.errors import MemoLocked
from hyvinvointi_app.domain.privacy import FindingKind
from hyvinvointi_app.services import actions, agenda, approval, audit, meetings, members, periods
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.meetings import approval as approval_ui
from hyvinvointi_app.ui.meetings.privacy_review import PrivacyReviewDialog, excerpt_html
from hyvinvointi_app.ui.meetings.reopen_dialog import ReopenDialog
from hyvinvointi_app.ui.meetings.versions_dialog import VersionsDialog

NOTES = (
    "Keskusteltiin pihan turvallisuudesta. Tunnus 131052-308T kirjattiin vahingossa, "
    "väärä 131052-308U ei ole tunnus."
)

Jump = tuple[int | None, str, int, int]


class Memo:
    """A draft meeting with text in several places, some of it flagged by the guard."""

    def __init__(self, context: AppContext) -> None:
        db = context.database
        period = periods.current_period(db)
        detail = meetings.new_meeting(db, period.id, meetings.propose_meeting_date(db, period.id))
        self.id = detail.id
        self.theme_item = detail.agenda[3].id
        self.other_item = detail.agenda[-3].id
        agenda.set_item_text(db, self.theme_item, "notes", NOTES)
        agenda.set_item_text(db, self.theme_item, "decision", "Soitetaan numeroon 040 123 4567.")
        agenda.set_item_text(db, self.other_item, "notes", "Tehtiin lastensuojeluilmoitus.")
        self.action = actions.add_action(
            db,
            detail.id,
            ActionInput("Kysy osoitteesta ope@example.fi"),
            agenda_item_id=self.other_item,
        ).id
        agenda.set_voice(
            db, detail.id, VoiceKind.CHILDREN, [VoiceMethod.DRAWING], "Lapset toivovat majaa."
        )


@pytest.fixture
def memo(context: AppContext) -> Memo:
    return Memo(context)


@pytest.fixture
def jumps() -> list[Jump]:
    return []


def review(qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]) -> PrivacyReviewDialog:
    return review_of(qtbot, context, memo.id, jumps)


def review_of(
    qtbot: QtBot, context: AppContext, meeting_id: int, jumps: list[Jump]
) -> PrivacyReviewDialog:
    dialog = PrivacyReviewDialog(
        context,
        meeting_id,
        lambda *where: jumps.append(where),
        context.parent(),  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_findings_are_listed_with_their_place_and_the_valid_code_only(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    dialog = review(qtbot, context, memo, jumps)
    found = [(f.kind, f.field, f.match) for f in dialog.findings]
    assert found == [
        (FindingKind.IDENTITY_CODE, f"item:{memo.theme_item}:notes", "131052-308T"),
        (FindingKind.PHONE, f"item:{memo.theme_item}:decision", "040 123 4567"),
        (FindingKind.CASE_WORD, f"item:{memo.other_item}:notes", "lastensuojeluilmoitus"),
        (FindingKind.EMAIL, f"action:{memo.action}:text", "ope@example.fi"),
    ]
    assert all(f.match != "131052-308U" for f in dialog.findings)
    first = dialog.rows[0].frame.findChildren(QLabel)
    texts = " ".join(label.text() for label in first)
    assert "Henkilötunnus" in texts or "Personal identity code" in texts
    assert "<b style=" in texts and "131052-308T</b>" in texts
    assert "pihan turvallisuudesta" in texts
    assert not dialog.approve_button.isEnabled()
    assert "4" in dialog.summary.text()


def test_show_in_memo_jumps_to_the_item_field_and_span(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    dialog = review(qtbot, context, memo, jumps)
    for row in dialog.rows:
        qtbot.mouseClick(row.show_button, Qt.MouseButton.LeftButton)
    start = NOTES.index("131052-308T")
    assert jumps[0] == (memo.theme_item, "notes", start, start + len("131052-308T"))
    assert jumps[1][:2] == (memo.theme_item, "decision")
    assert jumps[2][:2] == (memo.other_item, "notes")
    # an action item's text is found in the item the action belongs to
    assert jumps[3][:2] == (memo.other_item, f"action:{memo.action}:text")
    assert dialog.isVisible()  # the review stays open while the director fixes the text


def test_approval_waits_for_every_finding_and_check_again_clears_a_fixed_one(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    db = context.database
    dialog = review(qtbot, context, memo, jumps)
    for row in dialog.rows[:-1]:
        row.confirm.setChecked(True)
    assert not dialog.approve_button.isEnabled()  # the e-mail is neither fixed nor confirmed

    actions.edit_action(db, memo.action, ActionInput("Kysy osoite toimistosta"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert len(dialog.findings) == 3
    assert all(row.confirm.isChecked() for row in dialog.rows)  # confirmations kept
    assert dialog.approve_button.isEnabled()

    changed: list[None] = []
    context.data_changed.connect(lambda: changed.append(None))
    undo_steps = context.undo_stack.count()
    dialog.approver.setText("Aino Ahonen")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)

    detail = meetings.get_meeting(db, memo.id)
    assert detail.status is MeetingStatus.APPROVED and detail.privacy_checked
    assert detail.approved_by == "Aino Ahonen"
    assert changed and context.undo_stack.count() == undo_steps  # told, but not undoable
    with pytest.raises(MemoLocked):
        agenda.set_item_text(db, memo.theme_item, "notes", "muutos")
    entry = audit.entries(db)[-1]
    assert entry.action is AuditAction.MEMO_APPROVED
    assert entry.subject == f"meeting:{memo.id}" and entry.details["findings_confirmed"] == 3
    assert not dialog.isVisible()


def test_text_changed_after_the_check_stops_the_approval(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    dialog = review(qtbot, context, memo, jumps)
    for row in dialog.rows:
        row.confirm.setChecked(True)
    agenda.set_item_text(context.database, memo.other_item, "decision", "Soita 050 765 4321.")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(context.database, memo.id).status is MeetingStatus.DRAFT
    assert dialog.isVisible() and dialog.message.isVisibleTo(dialog)
    assert len(dialog.findings) == 5 and len(dialog.unconfirmed()) == 1
    assert not dialog.approve_button.isEnabled()


def test_review_is_usable_by_keyboard_alone(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    dialog = review(qtbot, context, memo, jumps)
    dialog.activateWindow()
    dialog.rows[0].show_button.setFocus()
    QApplication.processEvents()
    # Enter on "Show in memo" jumps; Tab, Space confirms; Tab to the next finding
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert len(jumps) == 1
    for _row in dialog.rows:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert isinstance(QApplication.focusWidget(), type(dialog.rows[0].confirm))
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert all(row.confirm.isChecked() for row in dialog.rows)
    assert QApplication.focusWidget() is dialog.approver
    QTest.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.approver
    dialog.approver.selectAll()
    QTest.keyClicks(dialog.approver, "Aino Ahonen")
    assert dialog.approve_button.isEnabled() and dialog.approve_button.isDefault()
    QTest.keyClick(dialog.approver, Qt.Key.Key_Return)
    assert meetings.get_meeting(context.database, memo.id).status is MeetingStatus.APPROVED


def test_every_control_of_the_review_has_an_accessible_name(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    dialog = review(qtbot, context, memo, jumps)
    focusable = [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisibleTo(dialog) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert focusable and all(w.accessibleName().strip() for w in focusable)


def test_escape_closes_and_the_memo_stays_a_draft(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    dialog = review(qtbot, context, memo, jumps)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert meetings.get_meeting(context.database, memo.id).status is MeetingStatus.DRAFT


def _when_open(kind: type[QDialog], drive: Callable[[QDialog], None]) -> None:
    """Drive the first shown dialog of ``kind`` from inside the event loop that waits for it."""

    def attempt(tries: int = 50) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                drive(widget)
                return
        if tries:
            QTimer.singleShot(20, lambda: attempt(tries - 1))

    QTimer.singleShot(0, attempt)


def test_approve_interactively_returns_true_after_approval(
    qtbot: QtBot, context: AppContext, memo: Memo, jumps: list[Jump]
) -> None:
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, PrivacyReviewDialog)
        # a second "Approve memo" while the review is open brings it forward
        assert not approval_ui.approve_interactively(context, memo.id, None, jumps.append)
        assert approval_ui.open_review(context, memo.id) is dialog
        for row in dialog.rows:
            row.confirm.setChecked(True)
        dialog.approver.setText("Aino Ahonen")
        dialog.approve_button.click()

    _when_open(PrivacyReviewDialog, drive)
    assert approval_ui.approve_interactively(
        context, memo.id, None, lambda *where: jumps.append(where)
    )
    assert meetings.get_meeting(context.database, memo.id).status is MeetingStatus.APPROVED
    assert approval_ui.open_review(context, memo.id) is None

    _when_open(PrivacyReviewDialog, lambda dialog: dialog.reject())
    assert not approval_ui.approve_interactively(context, memo.id, None, jumps.append)


def _approve(context: AppContext, memo: Memo, name: str = "Aino Ahonen") -> None:
    findings = approval.review_memo(context.database, memo.id).findings
    approval.approve_memo(context.database, memo.id, approved_by=name, confirmed=findings)


def test_reopen_requires_a_reason_keeps_a_version_and_is_logged(
    qtbot: QtBot, context: AppContext, memo: Memo, typist: Callable[[QWidget, str], None]
) -> None:
    db = context.database
    _approve(context, memo)
    dialog = ReopenDialog(context, memo.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.reopen_button.isEnabled()
    typist(dialog.reason, "   ")
    assert not dialog.reopen_button.isEnabled()
    dialog.accept()  # Enter with a blank reason: refused, the dialog says why
    assert dialog.isVisible() and dialog.message.text.text()
    assert meetings.get_meeting(db, memo.id).status is MeetingStatus.APPROVED

    dialog.reason.clear()
    typist(dialog.reason, "Päätöksen sanamuoto korjataan")
    assert dialog.reopen_button.isEnabled()
    undo_steps = context.undo_stack.count()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert context.undo_stack.count() == undo_steps

    detail = meetings.get_meeting(db, memo.id)
    assert detail.status is MeetingStatus.DRAFT and not detail.privacy_checked
    versions = approval.memo_versions(db, memo.id)
    assert [(v.approved_by, v.reopen_reason) for v in versions] == [
        ("Aino Ahonen", "Päätöksen sanamuoto korjataan")
    ]
    assert [e.action for e in audit.entries(db)][-2:] == [
        AuditAction.MEMO_APPROVED,
        AuditAction.MEMO_REOPENED,
    ]
    agenda.set_item_text(db, memo.theme_item, "notes", "Korjattu teksti.")


def test_reopen_interactively(
    qtbot: QtBot,
    context: AppContext,
    memo: Memo,
    typist: Callable[[QWidget, str], None],
) -> None:
    context.prompter = prompter = ScriptedPrompter()
    assert not approval_ui.reopen_interactively(context, memo.id, None)  # still a draft
    assert prompter.texts("inform")

    _approve(context, memo)
    _when_open(ReopenDialog, lambda dialog: dialog.reject())
    assert not approval_ui.reopen_interactively(context, memo.id, None)
    assert meetings.get_meeting(context.database, memo.id).status is MeetingStatus.APPROVED

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, ReopenDialog)
        typist(dialog.reason, "Läsnäolo korjataan")
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)

    _when_open(ReopenDialog, drive)
    assert approval_ui.reopen_interactively(context, memo.id, None)
    assert meetings.get_meeting(context.database, memo.id).status is MeetingStatus.DRAFT


def test_versions_dialog_lists_the_kept_version_read_only(
    qtbot: QtBot, context: AppContext, memo: Memo
) -> None:
    db = context.database
    empty = VersionsDialog(context, memo.id)
    qtbot.addWidget(empty)
    empty.show()
    assert empty.empty.isVisible() and not empty.versions

    _approve(context, memo, "Aino Ahonen")
    approval.reopen_memo(db, memo.id, "Ensimmäinen korjaus")
    agenda.set_item_text(db, memo.theme_item, "notes", "Uusi <b>teksti</b> & muuta")
    _approve(context, memo, "Bertta Berg")
    approval.reopen_memo(db, memo.id, "Toinen korjaus")

    dialog = VersionsDialog(context, memo.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.empty.isVisible() and dialog.list.count() == 2
    assert "Bertta Berg" in dialog.list.item(0).text()  # newest first
    assert "Toinen korjaus" in dialog.details.text()
    assert dialog.text.isReadOnly()
    assert "Uusi <b>teksti</b> & muuta" in dialog.text.toPlainText()  # escaped, not markup
    dialog.list.setCurrentRow(1)
    assert "Aino Ahonen" in dialog.details.text() and "Ensimmäinen korjaus" in dialog.details.text()
    assert "131052-308T" in dialog.text.toPlainText()


def test_user_text_is_escaped_in_excerpts() -> None:
    text = "Ennen <script>x</script> ja 040 123 4567 & jälkeen"
    start = text.index("040")
    shown = excerpt_html(text, start, start + 12)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "040 123 4567</b>" in shown


def test_a_memo_without_findings_reads_from_the_top(qtbot: QtBot, context: AppContext) -> None:
    """The check mark and its sentence once floated in the middle of an empty dialog."""
    period = periods.list_periods(context.database)[0]
    clean = meetings.new_meeting(context.database, period.id, period.start_date)
    dialog = PrivacyReviewDialog(context, clean.id, lambda *where: None, context.parent())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.resize(780, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.findings and not dialog.findings_area.isVisible()
    summary = dialog.summary.mapTo(dialog, dialog.summary.rect().topLeft())
    assert summary.y() < dialog.height() // 4
    assert dialog.summary.height() < 3 * dialog.summary.fontMetrics().height()
    # what follows the summary comes right below it, the free room at the bottom
    statement = dialog.statement.mapTo(dialog, dialog.statement.rect().topLeft())
    assert statement.y() < dialog.height() // 2


def test_names_and_descriptions_are_shown_by_kind_the_names_alone_last(
    qtbot: QtBot, context: AppContext, jumps: list[Jump]
) -> None:
    db = context.database
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    period = periods.current_period(db)
    detail = meetings.new_meeting(db, period.id, meetings.propose_meeting_date(db, period.id))
    item = detail.agenda[3].id
    agenda.set_item_text(db, item, "notes", "Kiitos Päiville kahvituksesta. Ainon ehdotus käy.")
    agenda.set_item_text(
        db, item, "decision", "Ellan huoltajat toivoivat tukea. Eräs poika tarvitsee apua."
    )
    dialog = review_of(qtbot, context, detail.id, jumps)
    assert [(f.kind, f.match) for f in dialog.findings] == [
        (FindingKind.CHILD_NAME, "Ellan"),
        (FindingKind.CHILD_DESCRIPTION, "Eräs poika"),
        (FindingKind.NAME, "Päiville"),  # the member Aino is not flagged
    ]
    titles = [row.frame.findChildren(QLabel)[0].text() for row in dialog.rows]
    assert titles[0].startswith("<b>1. Nimi, josta lapsen voi tunnistaa</b>")
    assert titles[2].startswith("3. Nimi —")  # lower prominence: not bold
    holder_labels = [label.text() for label in dialog.list_holder.findChildren(QLabel)]
    assert any(text.startswith("Nimet virkkeissä") for text in holder_labels)
    for row in dialog.rows:
        row.confirm.setChecked(True)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert all(row.confirm.isChecked() for row in dialog.rows)  # the name alone too
    assert dialog.approve_button.isEnabled()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(db, detail.id).status is MeetingStatus.APPROVED
