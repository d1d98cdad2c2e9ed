"""Small parts of the forms in dialogs and wizard pages: labels tied to their fields, a
quieter hint, a field with its message beneath, and a form layout that wraps long labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from hyvinvointi_app.ui.field_message import FieldMessage


def wrapped_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
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
