"""The small dialogs of the result cards screen: a new card, a checkpoint, a recorded value.

Like the other screens' dialogs they do not decide what is allowed: they hand the values to
a ``save`` function that calls the service and show a refused rule inside the dialog, which
stays open so that nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services.municipal_package import TemplateView
from hyvinvointi_app.services.result_cards import CardInput, CheckpointInput
from hyvinvointi_app.ui.buttons import Standard, dialog_buttons
from hyvinvointi_app.ui.date_fields import DateEdit
from hyvinvointi_app.ui.field_message import FieldMessage

DATE_FORMAT = "d.M.yyyy"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date, accessible_name: str, parent: QWidget) -> QDateEdit:
    edit = DateEdit(parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(day))
    edit.setAccessibleName(accessible_name)
    edit.setToolTip(_("Day.month.year, for example 23.11.2026"))
    return edit


class _SavingDialog(QDialog):
    """OK calls ``save``; a refused rule is shown in the dialog, which stays open."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form)
        self.message = FieldMessage(self)
        self.buttons = dialog_buttons(
            self,
            Standard.Ok | Standard.Cancel,
            accept_text=ok_text,
        )
        self.saved: object | None = None

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)

    def add_row(self, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        label.setWordWrap(True)
        self.form.addRow(label, field)

    def save(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except UserError as error:
            self.message.show_message(describe(error))
            return
        super().accept()


class NewCardDialog(_SavingDialog):
    """What the group wants to change: the one field a new card needs; or a template of the
    municipal package, which fills the card's other texts too."""

    def __init__(
        self,
        save: Callable[[CardInput], object],
        parent: QWidget | None = None,
        templates: Sequence[TemplateView] = (),
    ) -> None:
        super().__init__(_("New result card"), _("&Create card"), parent)
        self._save = save
        self.templates = tuple(templates)
        self._template_words = {" ".join(t.what_to_change.split()) for t in self.templates}
        intro = QLabel(
            _(
                "Name what the group wants to change. The states, measures, indicator and "
                "checkpoints are filled in on the card. A card made from a development area "
                "of a plan's evaluation is created under Plans and evaluations."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.template_box: QComboBox | None = None
        if self.templates:
            self.template_box = QComboBox(self)
            self.template_box.addItem(_("No template"))
            self.template_box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.template_box.setMinimumContentsLength(30)
            for template in self.templates:
                title = " ".join(template.what_to_change.split())
                self.template_box.addItem(title if len(title) <= 90 else title[:89] + "…")
            self.template_box.setAccessibleName(_("Template"))
            self.template_box.currentIndexChanged.connect(self._use_template)
            self.add_row(_("&Template:"), self.template_box)
        self.what_edit = QLineEdit(self)
        self.what_edit.setAccessibleName(_("What we want to change"))
        self.add_row(_("&What we want to change:"), self.what_edit)
        self.finish_layout()
        self.what_edit.setFocus()

    def template(self) -> TemplateView | None:
        index = self.template_box.currentIndex() if self.template_box is not None else 0
        return self.templates[index - 1] if index > 0 else None

    def _use_template(self, index: int) -> None:
        """Fill in the template's words; back at “No template”, take away the words the
        previous template gave (a text typed over them stays)."""
        template = self.template()
        if template is not None:
            self.what_edit.setText(" ".join(template.what_to_change.split()))
        elif self.what_edit.text() in self._template_words:
            self.what_edit.clear()

    def card_input(self) -> CardInput:
        template = self.template()
        what = self.what_edit.text()
        if template is None:
            return CardInput(what)
        return CardInput(
            what,
            target_state=template.target_state,
            ideal_state=template.ideal_state,
            measures=template.measures,
            indicator=template.indicator,
        )

    def save(self) -> object:
        return self._save(self.card_input())


class CheckpointDialog(_SavingDialog):
    """A checkpoint's date and who is responsible: a member, or anyone named in words."""

    def __init__(
        self,
        title: str,
        initial: CheckpointInput,
        members: list[tuple[int, str]],
        save: Callable[[CheckpointInput], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, _("&Save"), parent)
        self._save = save
        self.date_edit = date_edit(initial.due_date, _("Checkpoint date"), self)
        self.member_combo = QComboBox(self)
        self.member_combo.setAccessibleName(_("Responsible member"))
        self.member_combo.addItem(_("(no member)"), None)
        for member_id, name in members:
            self.member_combo.addItem(name, member_id)
        index = self.member_combo.findData(initial.responsible_id)
        self.member_combo.setCurrentIndex(max(index, 0))
        self.other_edit = QLineEdit(initial.responsible_text, self)
        self.other_edit.setMaxLength(200)
        self.other_edit.setAccessibleName(_("Responsible, in words"))
        self.other_edit.setPlaceholderText(_("For example the whole staff"))
        self.add_row(_("&Date:"), self.date_edit)
        self.add_row(_("&Responsible member:"), self.member_combo)
        self.add_row(_("Or &someone else:"), self.other_edit)
        self.finish_layout()
        self.date_edit.setFocus()

    def values(self) -> CheckpointInput:
        return CheckpointInput(
            to_date(self.date_edit.date()),
            self.member_combo.currentData(),
            self.other_edit.text().strip(),
        )

    def save(self) -> object:
        return self._save(self.values())


class RecordValueDialog(_SavingDialog):
    """What was found at a checkpoint, and on which day; an empty note clears the record."""

    def __init__(
        self,
        explanation: str,
        note: str,
        recorded_on: dt.date,
        save: Callable[[str, dt.date], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Record the checkpoint's value"), _("&Record"), parent)
        self._save = save
        intro = QLabel(explanation, self)
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.note_edit = QPlainTextEdit(note, self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(_("Value or note"))
        self.note_edit.setPlaceholderText(
            _("The indicator's value or what the group found, e.g. “4 of 5 groups”")
        )
        self.note_edit.setMinimumHeight(90)
        self.date_edit = date_edit(recorded_on, _("Recorded on"), self)
        self.add_row(_("&Value or note:"), self.note_edit)
        self.add_row(_("Recorded &on:"), self.date_edit)
        self.finish_layout()
        self.note_edit.setFocus()

    def save(self) -> object:
        return self._save(self.note_edit.toPlainText(), to_date(self.date_edit.date()))
