"""The dialog that adds or edits one theme: its month, its text and the plan it evaluates.

The dialog does not save by itself: it hands what was typed to ``save``, which goes through
the service; a broken rule comes back as a :class:`ValidationError` and is shown beside its
field while the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.i18n.labels import choices
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import validation_text
from hyvinvointi_app.services.annual_clock import MAX_TITLE_LENGTH, PERIOD_MONTHS
from hyvinvointi_app.ui.annual_clock.model import month_title
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.field_message import FieldMessage


@dataclass(frozen=True, slots=True)
class ThemeInput:
    month: int
    title: str
    plan_type: PlanType | None


class _OneParagraphEdit(QPlainTextEdit):
    """A theme is one paragraph: it wraps like a text box, but Enter saves (as in a line
    field) and Tab moves on, so the dialog works from the keyboard alone."""

    def __init__(self, submit: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        """The text as one line: pasted line breaks and tabs become spaces."""
        return " ".join(self.toPlainText().split())


class ThemeDialog(QDialog):
    def __init__(
        self,
        title: str,
        initial: ThemeInput,
        save: Callable[[ThemeInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(680)

        self.month = QComboBox(self)
        self.month.setAccessibleName(_("Month"))
        for month in PERIOD_MONTHS:
            self.month.addItem(month_title(month), month)
        self.month.setCurrentIndex(PERIOD_MONTHS.index(initial.month))
        self.month.view().setAccessibleName(_("Months"))

        self.text = _OneParagraphEdit(self._try_save, self)
        self.text.setAccessibleName(_("Theme"))
        self.text.setAccessibleDescription(
            _("At most {limit} characters. Enter saves.").format(limit=MAX_TITLE_LENGTH)
        )
        self.text.setPlaceholderText(_("For example: Evacuation drill and safety walk"))
        self.text.setPlainText(initial.title)
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setMinimumHeight(lines * 3 + 16)
        self.text.setMaximumHeight(lines * 6 + 16)

        self.plan = QComboBox(self)
        self.plan.setAccessibleName(_("Plan evaluated"))
        # Values are the plan types' texts ("" for none), so that currentData has one type.
        self.plan.addItem(_("No plan"), "")
        for plan_type, label in choices(PlanType):
            self.plan.addItem(label, plan_type.value)
        initial_plan = initial.plan_type.value if initial.plan_type else ""
        self.plan.setCurrentIndex(max(0, self.plan.findData(initial_plan)))
        self.plan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan.setMinimumContentsLength(40)
        self.plan.view().setAccessibleName(_("Plans"))
        self.plan.view().setMinimumWidth(self.plan.view().sizeHintForColumn(0) + 24)

        self.error = FieldMessage(self)

        hint = QLabel(
            _(
                "The theme appears in the month's meeting agenda. If it evaluates a plan, "
                "the meeting's agenda links the unit's plan of that type."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setAccessibleName(hint.text())

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("&Month:"), self.month)
        form.addRow(_("&Theme:"), self.text)
        form.addRow(_("&Plan evaluated:"), self.plan)
        for field in (self.month, self.text, self.plan):
            buddy_label = form.labelForField(field)
            if isinstance(buddy_label, QLabel):
                buddy_label.setBuddy(field)

        self.buttons = dialog_buttons(self, on_accept=self._try_save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.month, self.text)
        QWidget.setTabOrder(self.text, self.plan)
        QWidget.setTabOrder(self.plan, self.save_button)
        QWidget.setTabOrder(
            self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        )
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def value(self) -> ThemeInput:
        plan = str(self.plan.currentData())
        return ThemeInput(
            int(self.month.currentData()), self.text.text(), PlanType(plan) if plan else None
        )

    def _try_save(self) -> None:
        try:
            self._save(self.value())
        except ValidationError as error:
            self.show_error(error)
            return
        self.accept()

    def show_error(self, error: ValidationError) -> None:
        field = error.field.split(".")[-1]
        self.error.show_message(validation_text(error))
        widget = {"title": self.text, "month": self.month, "plan_type": self.plan}.get(field)
        if widget is not None:
            widget.setFocus()
