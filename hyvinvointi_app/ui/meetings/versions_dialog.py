"""Earlier approved versions of a memo: who approved each, when, why it was reopened, and its
text, read-only. A version is the memo as it was approved, kept when it was reopened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.reports import memo
from hyvinvointi_app.reports.html import to_html
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.services import approval, memo_record
from hyvinvointi_app.services.approval import MemoVersionView
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.meetings.reopen_dialog import stored_time_text


def version_html(context: AppContext, version_id: int) -> str:
    """A kept version as the memo's own builder prints it, in the interface's language and
    with names (the director sees them in the program anyway); every typed text is escaped."""
    data = memo_record.version_memo(context.database, version_id)
    options = ReportOptions(language=ui_translator().language, with_names=True)
    return to_html(memo.build_blocks(data, options))


def version_title(version: MemoVersionView) -> str:
    approved = stored_time_text(version.approved_at) if version.approved_at else "–"
    return _("Approved {when} by {name}").format(when=approved, name=version.approved_by or "–")


class VersionsDialog(QDialog):
    """The earlier approved versions of one memo, newest first, each readable as it was."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        title = _("Earlier versions of the memo")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setSizeGripEnabled(True)
        resize_within_screen(self, 980, 620)
        layout = QVBoxLayout(self)

        try:
            versions = approval.memo_versions(context.database, meeting_id)
        except UserError as error:
            versions = []
            layout.addWidget(QLabel(describe(error), self))
        self._versions = list(reversed(versions))

        self.empty = QLabel(
            _(
                "No earlier versions. A version is kept each time an approved memo is reopened "
                "for editing."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel(_("Approved &versions"), left)
        self.list = QListWidget(left)
        self.list.setAccessibleName(_("Approved versions"))
        self.list.setWordWrap(True)
        list_label.setBuddy(self.list)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)

        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel(right)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.details)
        text_label = QLabel(_("&Text of the version"), right)
        self.text = QTextBrowser(right)
        self.text.setReadOnly(True)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(_("Text of the version"))
        text_label.setBuddy(self.text)
        right_layout.addWidget(text_label)
        right_layout.addWidget(self.text, 1)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 660])
        layout.addWidget(self.splitter, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for version in self._versions:
            entry = QListWidgetItem(
                version_title(version)
                + "\n"
                + _("Reopened {when}").format(when=stored_time_text(version.reopened_at))
            )
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, entry.text().replace("\n", ", "))
            self.list.addItem(entry)
        self.list.currentRowChanged.connect(self._show_version)
        self.empty.setVisible(not self._versions)
        self.splitter.setVisible(bool(self._versions))
        if self._versions:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    @property
    def versions(self) -> list[MemoVersionView]:
        """Newest first, as listed."""
        return list(self._versions)

    def _show_version(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            self.details.clear()
            self.text.clear()
            return
        version = self._versions[row]
        lines = [
            version_title(version) + ".",
            _("Reopened {when}. Reason: {reason}").format(
                when=stored_time_text(version.reopened_at), reason=version.reopen_reason
            ),
        ]
        self.details.setText("\n".join(lines))
        self.details.setAccessibleName(" ".join(lines))
        try:
            self.text.setHtml(version_html(self._context, version.id))
        except UserError as error:
            self.text.setPlainText(describe(error))
