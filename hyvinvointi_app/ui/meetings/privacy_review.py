"""The privacy review before a memo is approved: every finding of the privacy guard, where it
is, a jump to it, and the director's confirmation.

The dialog is not modal, so the director can fix the text in the memo while it stays open and
then check again. The guard only warns: a finding is either fixed (it is gone at the next
check) or confirmed, and only the findings the director has seen are sent as confirmed, so a
finding that appeared meanwhile stops the approval (see ``services.approval.approve_memo``).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import AgendaItemKind, MeetingStatus, VoiceKind
from hyvinvointi_app.domain.errors import MemoLocked, UserError
from hyvinvointi_app.domain.privacy import Finding, FindingKind
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext
from hyvinvointi_app.services import approval
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.form_parts import WrappedLabel, resize_within_screen
from hyvinvointi_app.ui.icons import State, state_pixmap

JumpToText = Callable[[int | None, str, int, int], None]
"""``jump(item_id, field, start, end)``: the editor shows ``text[start:end]`` of a field."""

EXCERPT_CHARACTERS = 50
"""Characters of surrounding text shown on each side of a finding."""


def finding_place(finding: Finding, memo: MeetingDetail) -> tuple[int | None, str]:
    """Where the editor finds a finding: ``(agenda item id or None, field)``.

    The field is the item's own field name (``title``, ``theme``, ``notes``, ``decision``)
    for ``item:ID:FIELD`` keys, and the whole key of ``services.approval.memo_fields``
    otherwise: ``action:ID:text`` and ``action:ID:responsible`` (item: the action's item),
    ``follow_up:ID:comment`` (item: the follow-up item), ``place``, ``voice:KIND:summary``
    and ``guest:ID:note`` (no item).
    """
    parts = finding.field.split(":")
    if parts[0] == "item" and len(parts) == 3 and parts[1].isdigit():
        return int(parts[1]), parts[2]
    if parts[0] == "action" and len(parts) == 3 and parts[1].isdigit():
        action_id = int(parts[1])
        for item in memo.agenda:
            if any(action.id == action_id for action in item.actions):
                return item.id, finding.field
        return None, finding.field
    if parts[0] == "follow_up":
        follow_up_item = next(
            (item.id for item in memo.agenda if item.kind is AgendaItemKind.FOLLOW_UP), None
        )
        return follow_up_item, finding.field
    return None, finding.field


def kind_text(kind: FindingKind) -> str:
    texts = {
        FindingKind.IDENTITY_CODE: _("Personal identity code"),
        FindingKind.PHONE: _("Phone number"),
        FindingKind.EMAIL: _("E-mail address"),
        FindingKind.CASE_WORD: _("Words that may concern one child or family"),
        FindingKind.CHILD_NAME: _("A name that may identify a child"),
        FindingKind.CHILD_DESCRIPTION: _("Words that may point at one child or family"),
        FindingKind.NAME: _("A name"),
    }
    return texts[kind]


def _item_heading(memo: MeetingDetail, item_id: int) -> str:
    for item in memo.agenda:
        if item.id == item_id:
            return _("Item {number}. {title}").format(number=item.position, title=item.title)
    return _("Agenda item")


def place_text(finding: Finding, memo: MeetingDetail) -> str:
    """Where the finding is, in the director's words: “Item 4. Theme of the month: notes”."""
    parts = finding.field.split(":")
    item_id, _field = finding_place(finding, memo)
    if parts[0] == "place":
        return _("Meeting details: place")
    if parts[0] == "distribution":
        return _("Meeting details: distribution")
    if parts[0] == "attachments":
        return _("Meeting details: attachments")
    if parts[0] == "item" and item_id is not None:
        fields = {
            "title": pgettext("memo field", "title"),
            "theme": pgettext("memo field", "theme"),
            "notes": pgettext("memo field", "notes"),
            "decision": pgettext("memo field", "decision"),
        }
        return _("{item}: {field}").format(
            item=_item_heading(memo, item_id), field=fields.get(parts[-1], parts[-1])
        )
    if parts[0] == "action":
        what = (
            pgettext("memo field", "action item")
            if parts[-1] == "text"
            else pgettext("memo field", "responsible person of an action")
        )
        if item_id is None:
            return what[:1].upper() + what[1:]
        return _("{item}: {field}").format(item=_item_heading(memo, item_id), field=what)
    if parts[0] == "follow_up":
        return _("Follow-up of earlier action items: comment")
    if parts[0] == "voice" and len(parts) == 3:
        try:
            kind = label(VoiceKind(parts[1]))
        except ValueError:
            kind = parts[1]
        return _("{voice}: what came up").format(voice=kind)
    if parts[0] == "guest":
        return _("Attendance: note on a guest")
    if parts[0] == "survey":
        return _("Surveys screen: a survey's question or title")
    if parts[0] == "survey_item":
        return _("Surveys screen: an option or statement")
    return finding.field


def excerpt_html(text: str, start: int, end: int, width: int = EXCERPT_CHARACTERS) -> str:
    """The finding in its surroundings, on one line, user text escaped and the match in bold
    and highlighted (bold alone carries the emphasis for those who do not see colour)."""

    def flat(part: str) -> str:
        return html.escape(" ".join(part.split()))

    before_start = max(0, start - width)
    if before_start > 0:
        space = text.find(" ", before_start, start)
        before_start = space + 1 if space != -1 else before_start
    after_end = min(len(text), end + width)
    if after_end < len(text):
        space = text.rfind(" ", end, after_end)
        after_end = space if space != -1 else after_end
    before = ("… " if before_start > 0 else "") + flat(text[before_start:start])
    after = flat(text[end:after_end]) + (" …" if after_end < len(text) else "")
    gap_before = " " if text[before_start:start][-1:].isspace() else ""
    gap_after = " " if text[end:after_end][:1].isspace() else ""
    match = html.escape(text[start:end])
    return (
        f"{before}{gap_before}<b style='background-color:#fff0a8; color:#000000'>{match}</b>"
        f"{gap_after}{after}"
    )


def _confirmation_keys(findings: list[Finding]) -> list[tuple[str, str, str, int]]:
    """A key per finding that survives edits elsewhere in the field: the same text of the
    same kind in the same field (the n-th of them) stays confirmed after a new check."""
    seen: dict[tuple[str, str, str], int] = {}
    keys = []
    for finding in findings:
        base = (finding.field, finding.kind.value, finding.match)
        seen[base] = seen.get(base, 0) + 1
        keys.append((*base, seen[base]))
    return keys


@dataclass
class FindingRow:
    """The controls of one finding in the list."""

    finding: Finding
    frame: QFrame
    show_button: QPushButton
    confirm: QCheckBox


class PrivacyReviewDialog(QDialog):
    """Lists the privacy findings of one memo and approves it once each is fixed or confirmed."""

    approved = Signal()

    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        jump: JumpToText,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._meeting_id = meeting_id
        self._jump = jump
        self._memo: MeetingDetail | None = None
        self._findings: list[Finding] = []
        self._rows: list[FindingRow] = []
        self._names_heading: QLabel | None = None
        self._confirmed: set[tuple[str, str, str, int]] = set()
        self._approver_typed = False

        title = _("Approve memo")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setSizeGripEnabled(True)
        resize_within_screen(self, 780, 640)

        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        intro = QLabel(
            _(
                "Before approval the memo is checked for text that may identify a person or "
                "concern the matters of one child. The check only warns; you decide. Fix the "
                "text in the memo and check again, or confirm each finding."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        summary_row = QHBoxLayout()
        self.summary_icon = QLabel(self)
        self.summary = WrappedLabel("", self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        summary_row.addWidget(self.summary_icon, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary, 1)
        layout.addLayout(summary_row)

        self.findings_area = QScrollArea(self)
        self.findings_area.setWidgetResizable(True)
        self.findings_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.findings_area.setAccessibleName(_("Findings"))
        self.list_holder = QWidget(self.findings_area)
        self.list_layout = QVBoxLayout(self.list_holder)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.addStretch(1)
        self.findings_area.setWidget(self.list_holder)
        layout.addWidget(self.findings_area, 1)

        statement_box = QGroupBox(_("Approval records"), self)
        statement_layout = QVBoxLayout(statement_box)
        self.statement = QLabel(
            _("“{statement}”").format(
                statement=_(
                    "No information concerning an individual child has been recorded in the memo."
                )
            ),
            statement_box,
        )
        self.statement.setWordWrap(True)
        self.statement.setTextFormat(Qt.TextFormat.PlainText)
        statement_layout.addWidget(self.statement)
        approver_row = QHBoxLayout()
        approver_label = QLabel(_("Approved &by"), statement_box)
        self.approver = QLineEdit(statement_box)
        self.approver.setAccessibleName(_("Approved by"))
        self.approver.setMaxLength(200)
        self.approver.textEdited.connect(self._approver_edited)
        approver_label.setBuddy(self.approver)
        approver_row.addWidget(approver_label)
        approver_row.addWidget(self.approver, 1)
        statement_layout.addLayout(approver_row)
        self.when_note = QLabel(
            _("The date and time of approval are recorded, and the memo is locked."),
            statement_box,
        )
        self.when_note.setWordWrap(True)
        statement_layout.addWidget(self.when_note)
        layout.addWidget(statement_box)

        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self._show_message("")
        self._layout = layout
        self._below_all = layout.count()
        layout.addStretch(0)  # takes the room of the findings when there are none

        button_row = QHBoxLayout()
        self.check_button = QPushButton(_("&Check again"), self)
        self.check_button.setToolTip(_("Run the privacy check again on the memo as it is now"))
        self.check_button.clicked.connect(self.refresh)
        self.buttons = QDialogButtonBox(self)
        self.approve_button = self.buttons.addButton(
            _("&Approve memo"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.approve_button.clicked.connect(self.approve)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setToolTip(_("Close without approving (Esc)"))
        self.close_button.clicked.connect(self.reject)
        for button in [self.check_button, *self.buttons.buttons()]:
            button.setAccessibleName(button.text().replace("&", ""))
        button_row.addWidget(self.check_button)
        button_row.addStretch(1)
        button_row.addWidget(self.buttons)
        layout.addLayout(button_row)

        self.refresh()

    # --- state --------------------------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    @property
    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def unconfirmed(self) -> list[Finding]:
        return [row.finding for row in self._rows if not row.confirm.isChecked()]

    def _show_message(self, text: str) -> None:
        self.message.show_message(text)

    def _approver_edited(self, _text: str) -> None:
        self._approver_typed = True
        self._update_state()

    def refresh(self) -> None:
        """Run the check on the memo as it is now; confirmations of unchanged findings stay."""
        self._show_message("")
        try:
            review = approval.review_memo(self._context.database, self._meeting_id)
        except UserError as error:
            self._memo = None
            self._set_findings([])
            self._show_message(describe(error))
            self._update_state()
            return
        self._memo = review.memo
        self.heading.setText(
            _("Approve the memo of meeting {number}").format(number=review.memo.number)
        )
        if not self._approver_typed or not self.approver.text().strip():
            self.approver.setText(approval.default_approver(review.memo))
        self._set_findings(review.findings, review.texts)
        if review.memo.status is MeetingStatus.APPROVED:
            self._show_message(_("This memo is already approved and locked."))
        self._update_state()

    def _set_findings(self, findings: list[Finding], texts: dict[str, str] | None = None) -> None:
        old_keys = _confirmation_keys(self._findings)
        still_checked = {
            key for key, row in zip(old_keys, self._rows, strict=True) if row.confirm.isChecked()
        }
        self._confirmed = still_checked
        for row in self._rows:
            row.frame.setParent(None)
            row.frame.deleteLater()
        if self._names_heading is not None:
            self._names_heading.setParent(None)
            self._names_heading.deleteLater()
            self._names_heading = None
        self._rows = []
        # The findings that most likely identify a child first, the names alone after them.
        findings = sorted(findings, key=lambda finding: not finding.kind.prominent)
        self._findings = findings
        texts = texts or {}
        memo = self._memo
        for index, (finding, key) in enumerate(
            zip(findings, _confirmation_keys(findings), strict=True), start=1
        ):
            if not finding.kind.prominent and self._names_heading is None:
                self._names_heading = self._heading_of_names()
                self.list_layout.insertWidget(self.list_layout.count() - 1, self._names_heading)
            row = self._finding_row(index, finding, texts.get(finding.field, finding.match), memo)
            row.confirm.setChecked(key in still_checked)
            self._rows.append(row)
            self.list_layout.insertWidget(self.list_layout.count() - 1, row.frame)
        self.findings_area.setVisible(bool(findings))
        self._layout.setStretch(self._below_all, 0 if findings else 1)
        self._fix_tab_order()

    def _heading_of_names(self) -> QLabel:
        heading = WrappedLabel(
            _(
                "Names in sentences that do not seem to be about a child. They are most likely "
                "adults; check that none is a child's name."
            ),
            self.list_holder,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setContentsMargins(0, 8, 0, 0)
        return heading

    def _finding_row(
        self, index: int, finding: Finding, text: str, memo: MeetingDetail | None
    ) -> FindingRow:
        frame = QFrame(self.list_holder)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(frame)
        kind = kind_text(finding.kind)
        where = place_text(finding, memo) if memo is not None else finding.field
        heading = f"{index}. {html.escape(kind)}"
        if finding.kind.prominent:
            heading = f"<b>{heading}</b>"
        title = QLabel(f"{heading} — {html.escape(where)}", frame)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        column.addWidget(title)
        excerpt = QLabel(frame)
        excerpt.setTextFormat(Qt.TextFormat.RichText)
        excerpt.setWordWrap(True)
        if text[finding.start : finding.end] == finding.match:
            excerpt.setText(excerpt_html(text, finding.start, finding.end))
        else:
            excerpt.setText(f"<b>{html.escape(finding.match)}</b>")
        excerpt.setContentsMargins(12, 0, 0, 0)
        column.addWidget(excerpt)
        controls = QHBoxLayout()
        show_button = QPushButton(_("Show in memo"), frame)
        show_button.setAccessibleName(
            _("Show finding {number} in the memo: {kind}, {place}").format(
                number=index, kind=kind, place=where
            )
        )
        show_button.clicked.connect(lambda _checked=False, f=finding: self._show_in_memo(f))
        confirm = QCheckBox(
            _("I have checked this; it does not concern an individual child"), frame
        )
        confirm.setAccessibleName(
            _("Finding {number} checked: it does not concern an individual child").format(
                number=index
            )
        )
        confirm.setAccessibleDescription(f"{kind}, {where}: {finding.match}")
        confirm.toggled.connect(lambda _on: self._update_state())
        controls.addWidget(show_button)
        controls.addWidget(confirm, 1)
        column.addLayout(controls)
        return FindingRow(finding, frame, show_button, confirm)

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = []
        for row in self._rows:
            chain += [row.show_button, row.confirm]
        chain += [self.approver, self.check_button, self.approve_button, self.close_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _update_state(self) -> None:
        approvable = self._memo is not None and self._memo.status is not MeetingStatus.APPROVED
        waiting = len(self.unconfirmed())
        total = len(self._rows)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.summary_icon.setPixmap(
            state_pixmap(State.DONE if waiting == 0 else State.WARNING, size)
        )
        if self._memo is None:
            text = ""
        elif total == 0:
            text = _("The check found nothing to look at. The memo can be approved.")
        elif waiting == 0:
            text = ngettext(
                "The finding is checked. The memo can be approved.",
                "All {n} findings are checked. The memo can be approved.",
                total,
            ).format(n=total)
        else:
            text = ngettext(
                "{n} finding to fix or confirm before approval.",
                "{n} findings to fix or confirm before approval.",
                waiting,
            ).format(n=waiting)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        self.summary_icon.setVisible(bool(text))
        ready = approvable and waiting == 0 and bool(self.approver.text().strip())
        self.approve_button.setEnabled(ready)
        self.approve_button.setDefault(ready)
        self.check_button.setEnabled(approvable)
        for row in self._rows:
            row.show_button.setEnabled(approvable)
            row.confirm.setEnabled(approvable)

    # --- actions ------------------------------------------------------------------------------

    def _show_in_memo(self, finding: Finding) -> None:
        if self._memo is None:
            return
        item_id, field = finding_place(finding, self._memo)
        self._jump(item_id, field, finding.start, finding.end)

    def approve(self) -> None:
        """Approve with the findings seen and confirmed here; one transaction in the service.

        Approval is deliberately not put on the undo stack: its inverse, reopening, needs a
        reason and keeps a version, so an “undo approve” would be a different, logged act.
        """
        approver = self.approver.text().strip()
        if not approver:
            self._show_message(_("Type the name of the person who approves the memo."))
            self.approver.setFocus()
            return
        confirmed = [row.finding for row in self._rows if row.confirm.isChecked()]
        try:
            approval.approve_memo(
                self._context.database,
                self._meeting_id,
                approved_by=approver,
                confirmed=confirmed,
            )
        except approval.PrivacyReviewNeeded:
            self.refresh()
            self._show_message(
                _(
                    "The memo changed after the check and the check now finds something new. "
                    "Look at the findings and approve again."
                )
            )
            return
        except MemoLocked:
            self.refresh()
            return
        except UserError as error:
            self._show_message(describe(error))
            return
        self._context.data_changed.emit()
        self._context.status_message.emit(_("The memo is approved and locked."))
        self.approved.emit()
        self.accept()
