"""What is wrong with a field, shown beside it with an icon and words (never colour alone)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.ui.icons import State, state_pixmap


class FieldMessage(QWidget):
    """Hidden while all is well. With ``field``, a screen reader hears the message as the
    field's description too."""

    def __init__(self, parent: QWidget, field: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(state_pixmap(State.WARNING, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message``; an empty one hides the line."""
        self.text.setText(message)
        self.text.setAccessibleName(message)
        self.setAccessibleName(message)
        if self.field is not None:
            self.field.setAccessibleDescription(message)
        self.setVisible(bool(message))
        self._fit_height()

    def clear(self) -> None:
        self.show_message("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Claim the height the wrapped words need at the width given: a layout inside a
        scroll area or a stacked page does not ask for height-for-width by itself, and the
        message was cut off at one line."""
        width = self.width() - self.text.x()
        needed = self.text.heightForWidth(width) if width > 0 else -1
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


def show_refusal(
    error: UserError,
    fields: Mapping[str, tuple[QWidget, FieldMessage]],
    general: FieldMessage,
    wording: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Show why a dialog's input was refused, after clearing every message: a rule broken
    by one of ``fields`` (its name: the field and its message) beside that field, which
    takes the focus; another rule, or a problem such as a full disk, in ``general``.
    ``wording`` gives a dialog's own text for a (field, reason)."""
    for _field, message in fields.values():
        message.clear()
    general.clear()
    if isinstance(error, ValidationError) and error.field in fields:
        field, message = fields[error.field]
        message.show_message(
            (wording or {}).get((error.field, error.reason)) or reason_text(error.reason)
        )
        field.setFocus()
    elif isinstance(error, ValidationError):
        general.show_message(reason_text(error.reason))
    else:
        general.show_message(describe(error))
