"""Approving and reopening a memo: the two entry points the meeting editor calls, and the
dialog listing the memo's earlier approved versions.

Approval and reopening are each one transaction in ``services.approval`` and are logged
there. Neither is put on the undo stack: reopening is not the inverse of approving (it needs
a reason and keeps the approved text as a version), and approving again needs the privacy
check. So both are deliberate, logged acts, and after each the screens are told directly
with ``context.data_changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QDialog, QWidget

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services.meetings import get_meeting
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.meetings.privacy_review import (
    JumpToText,
    PrivacyReviewDialog,
    finding_place,
)
from hyvinvointi_app.ui.meetings.reopen_dialog import ReopenDialog
from hyvinvointi_app.ui.meetings.versions_dialog import VersionsDialog

__all__ = [
    "JumpToText",
    "PrivacyReviewDialog",
    "ReopenDialog",
    "VersionsDialog",
    "approve_interactively",
    "finding_place",
    "open_review",
    "reopen_interactively",
]

_open_reviews: dict[tuple[int, int], PrivacyReviewDialog] = {}
"""The review dialog open for a memo, so that a second “Approve memo” brings it forward."""


def open_review(context: AppContext, meeting_id: int) -> PrivacyReviewDialog | None:
    """The privacy review of the memo that is open now, if any."""
    return _open_reviews.get((id(context), meeting_id))


def approve_interactively(
    context: AppContext,
    meeting_id: int,
    parent: QWidget | None,
    jump: JumpToText,
) -> bool:
    """Run the privacy check, let the director fix or confirm each finding, and approve.

    The review window is not modal: while it is open the director can use “Show in memo”
    (``jump(item_id, field, start, end)``, see ``privacy_review.finding_place`` for the
    fields), fix the text in the editor and check again. This call returns when the window
    closes: True if the memo was approved (and locked), False otherwise. If a review of the
    memo is already open it is brought forward and this call returns False at once.
    """
    key = (id(context), meeting_id)
    existing = _open_reviews.get(key)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return False

    dialog = PrivacyReviewDialog(context, meeting_id, jump, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    outcome = {"approved": False}
    loop = QEventLoop()

    def approved() -> None:
        outcome["approved"] = True

    def closed() -> None:
        _open_reviews.pop(key, None)
        loop.quit()

    dialog.approved.connect(approved)
    dialog.finished.connect(lambda _result: closed())
    dialog.destroyed.connect(lambda _object=None: closed())
    _open_reviews[key] = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if key in _open_reviews:  # not closed already while being shown
        loop.exec()
    return outcome["approved"]


def reopen_interactively(context: AppContext, meeting_id: int, parent: QWidget | None) -> bool:
    """Ask why the approved memo is reopened and reopen it; True if it was reopened.

    The service keeps the approved text as a version and logs the reopening, in one
    transaction; it is not an undo step (see the module's docstring).
    """
    try:
        memo = get_meeting(context.database, meeting_id)
    except UserError as error:
        context.prompter.warn(parent, _("Reopen memo"), describe(error))
        return False
    if memo.status is not MeetingStatus.APPROVED:
        context.prompter.inform(
            parent,
            _("Reopen memo"),
            _("This memo is not approved, so it is already open for editing."),
        )
        return False
    dialog = ReopenDialog(context, meeting_id, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
