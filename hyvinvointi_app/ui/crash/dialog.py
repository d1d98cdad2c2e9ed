"""The dialog after an unexpected error: an apology, what was saved, where the details are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.i18n.translator import _, ngettext
from hyvinvointi_app.ui.icons import State, state_pixmap


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(text)
    return label


class CrashDialog(QDialog):
    """Shown once for a burst of errors; ``fatal`` when the application has to close."""

    def __init__(
        self,
        log_path: Path | None,
        *,
        fatal: bool,
        write_problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        title = _("Unexpected error")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(state_pixmap(State.ERROR, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        texts = QVBoxLayout()
        self.apology = _wrapped(
            _("We are sorry: Hyvinvointiryhmä ran into an unexpected error."), self
        )
        font = self.apology.font()
        font.setBold(True)
        self.apology.setFont(font)
        texts.addWidget(self.apology)
        self.saved = _wrapped(
            _(
                "Your work is saved automatically: everything typed up to about a second "
                "before the error is in the unit file. Check the last thing you did before "
                "you go on."
            ),
            self,
        )
        texts.addWidget(self.saved)
        self.next_step = _wrapped(
            _("The application has to close now. Start it again: your data is in the unit file.")
            if fatal
            else _(
                "You can go on working. If the error comes back, close the application and "
                "start it again."
            ),
            self,
        )
        texts.addWidget(self.next_step)
        top.addLayout(texts, 1)
        layout.addLayout(top)

        if log_path is not None:
            layout.addWidget(
                _wrapped(
                    _(
                        "The details for IT support are in this log file. It holds no text "
                        "typed into the application."
                    ),
                    self,
                )
            )
            self.path_field = QLineEdit(str(log_path), self)
            self.path_field.setReadOnly(True)
            self.path_field.setAccessibleName(_("Log file"))
            self.path_field.setCursorPosition(0)
            needed = self.path_field.fontMetrics().horizontalAdvance(str(log_path)) + 60
            self.setMinimumWidth(max(560, min(needed, 980)))
            layout.addWidget(self.path_field)
        else:
            layout.addWidget(
                _wrapped(
                    _("The details could not be written to a log file: {reason}").format(
                        reason=write_problem or _("unknown reason")
                    ),
                    self,
                )
            )
        self.more = _wrapped("", self)
        self.more.hide()
        layout.addWidget(self.more)

        buttons = QDialogButtonBox(self)
        self.copy_button: QPushButton | None = None
        self.folder_button: QPushButton | None = None
        if log_path is not None:
            self.copy_button = buttons.addButton(
                _("&Copy the path"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.copy_button.clicked.connect(self.copy_path)
            self.folder_button = buttons.addButton(
                _("&Open the folder"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.folder_button.clicked.connect(self.open_folder)
        self.close_button = buttons.addButton(
            _("&Quit") if fatal else _("C&lose"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        for button in (self.copy_button, self.folder_button, self.close_button):
            if button is not None:
                button.setAccessibleName(button.text().replace("&", ""))
        layout.addWidget(buttons)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_further_errors(self, count: int) -> None:
        """Errors after the first, while the dialog is open, go to the same log."""
        if count <= 0:
            return
        text = ngettext(
            "{count} more error was written to the same log file.",
            "{count} more errors were written to the same log file.",
            count,
        ).format(count=count)
        self.more.setText(text)
        self.more.setAccessibleName(text)
        self.more.show()

    def copy_path(self) -> None:
        if self.log_path is not None:
            QGuiApplication.clipboard().setText(str(self.log_path))
            if self.copy_button is not None:
                self.copy_button.setText(_("Path copied"))
                self.copy_button.setAccessibleName(_("Path copied"))

    def open_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
