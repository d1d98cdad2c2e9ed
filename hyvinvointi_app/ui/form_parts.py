"""Small parts of the forms in dialogs and wizard pages: labels tied to their fields, a
quieter hint, a field with its message beneath, and a form layout that wraps long labels."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.ui.field_message import FieldMessage


class WrappedLabel(QLabel):
    """A label that wraps its words and is never lower than its lines need: a layout asks a
    wrapped label's height for one width and may then give it another (in a splitter, a
    group box or a dialog that fits its contents), cutting the first and last lines. Its
    minimum height is what its text needs at the width it has; a new width or text asks
    the layout again."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._needed = 0

    def _height_needed(self) -> int:
        return self.heightForWidth(self.width()) if self.width() > 1 else 0

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._height_needed()))

    def sizeHint(self) -> QSize:
        """As high as the text needs at the width it has (Qt guesses a narrower one)."""
        hint = super().sizeHint()
        needed = self._height_needed()
        return QSize(hint.width(), needed) if needed > 0 else hint

    def setText(self, text: str) -> None:
        super().setText(text)
        self._ask_again()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._ask_again()

    def _ask_again(self) -> None:
        needed = self._height_needed()
        if needed != self._needed:
            self._needed = needed
            self.updateGeometry()


def wrapped_label(text: str, parent: QWidget) -> QLabel:
    label = WrappedLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def bold_label(text: str, parent: QWidget) -> QLabel:
    """A section's title inside a form ("Checkpoints"), wrapping on a narrow window."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hint_label(text: str, parent: QWidget) -> QLabel:
    """A quieter sentence under a field or a choice."""
    label = wrapped_label(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.95)
    label.setFont(font)
    return label


def field_column(field: QWidget, message: FieldMessage, parent: QWidget) -> QWidget:
    """A field with its message beneath, as one cell of a form."""
    column = QWidget(parent)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return column


def form_layout() -> QFormLayout:
    """Labels beside the fields, wrapping above them when a long Finnish label needs room."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
    return form


def labelled(text: str, field: QWidget, parent: QWidget) -> QLabel:
    """A form label tied to its field; the field is announced by the same words."""
    label = QLabel(text, parent)
    label.setBuddy(field)
    label.setWordWrap(True)
    field.setAccessibleName(text)
    return label


class FittingScroll(QScrollArea):
    """A dialog's body that scrolls only where the screen is too low for it (a laptop at
    150 %): it asks for the whole of its contents, and can be as low as a few lines."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self)
        self.setWidget(self.body)

    def sizeHint(self) -> QSize:
        bar = self.verticalScrollBar().sizeHint().width()
        return self.body.sizeHint() + QSize(bar, 0)

    def minimumSizeHint(self) -> QSize:
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(self.body.minimumSizeHint().width() + bar, 8 * self.fontMetrics().height())


def look_read_only(root: QWidget) -> None:
    """Text fields that cannot be typed in look so (the window's grey, not the white of a
    field waiting for text), as the approved memo's do; editable ones look as usual."""
    for edit in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit):
        palette = edit.palette()
        if edit.isReadOnly():
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        else:
            palette.setColor(
                QPalette.ColorRole.Base, QApplication.palette().color(QPalette.ColorRole.Base)
            )
        edit.setPalette(palette)


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Open ``window`` at ``width``×``height``, or at what its screen has room for, whichever
    is less (a 1366×768 laptop at 150 % has 910×512 of Qt's units, less the taskbar): the
    window's own layout then wraps or scrolls, and no edge is beyond the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    frame = 40  # the title bar and the borders the system adds
    window.resize(min(width, room.width() - frame), min(height, room.height() - frame))
