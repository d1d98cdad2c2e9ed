"""The unit's details: its names, municipality, pre-primary education, working language and
official site code. The first-run wizard asks for them with :class:`UnitForm`; File → Unit
details… changes them later in :class:`UnitDetailsDialog`, one undoable step.

The site code (e.g. the unit's Varda toimipaikka code) is optional. The coordinator bundle
carries it, so that a municipality can match bundles to its own register of units.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QVBoxLayout, QWidget

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.i18n.labels import label as enum_label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import unit
from hyvinvointi_app.services.unit import SITE_CODE_MAX_LENGTH, UnitInfo
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.form_parts import (
    field_column,
    form_layout,
    hint_label,
    labelled,
    wrapped_label,
)
from hyvinvointi_app.ui.undo import push

NAME_MAX_LENGTH = 200
"""The unit's name and municipality columns hold 200 characters."""


class UnitForm(QWidget):
    """The unit's fields in a form; ``form`` takes further rows (the wizard's file)."""

    def __init__(
        self,
        parent: QWidget,
        *,
        language_hint: str,
        language: str,
        with_site_code: bool = False,
    ) -> None:
        super().__init__(parent)
        self.opened_in = Language(language) if language in ("fi", "sv") else Language.FINNISH
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = form_layout()
        layout.addLayout(self.form)
        form = self.form

        self.name_fi = QLineEdit(self)
        self.name_sv = QLineEdit(self)
        self.name_messages = {
            Language.FINNISH: FieldMessage(self, self.name_fi),
            Language.SWEDISH: FieldMessage(self, self.name_sv),
        }
        names = [
            (Language.FINNISH, self.name_fi, _("Name in Finnish")),
            (Language.SWEDISH, self.name_sv, _("Name in Swedish")),
        ]
        if self.opened_in is Language.SWEDISH:  # a Swedish-speaking director's unit first
            names.reverse()
        for name_language, edit, text in names:
            edit.setMaxLength(NAME_MAX_LENGTH)
            message = self.name_messages[name_language]
            edit.textEdited.connect(lambda _text, message=message: message.clear())
            form.addRow(labelled(text, edit, self), field_column(edit, message, self))

        self.municipality = QLineEdit(self)
        self.municipality.setMaxLength(NAME_MAX_LENGTH)
        form.addRow(labelled(_("Municipality"), self.municipality, self), self.municipality)

        self.pre_primary = QCheckBox(_("The unit provides pre-primary education"), self)
        self.pre_primary.setAccessibleName(self.pre_primary.text())
        form.addRow(self.pre_primary)

        self.language = QComboBox(self)
        for value in (Language.FINNISH, Language.SWEDISH):
            self.language.addItem(enum_label(value), value.value)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setAccessibleDescription(language_hint)
        language_column = QWidget(self)
        column_layout = QVBoxLayout(language_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(2)
        column_layout.addWidget(self.language, 0, Qt.AlignmentFlag.AlignLeft)
        column_layout.addWidget(hint_label(language_hint, self))
        form.addRow(labelled(_("Working language"), self.language, self), language_column)

        self.site_code: QLineEdit | None = None
        self.site_code_message: FieldMessage | None = None
        order: list[QWidget] = [
            *(edit for _language, edit, _text in names),
            self.municipality,
            self.pre_primary,
            self.language,
        ]
        if with_site_code:
            self.site_code = QLineEdit(self)
            self.site_code.setMaxLength(SITE_CODE_MAX_LENGTH)
            self.site_code_message = FieldMessage(self, self.site_code)
            message = self.site_code_message
            self.site_code.textEdited.connect(lambda _text: message.clear())
            site_hint = _(
                "Optional: the unit's official code, such as its Varda site code. The bundle "
                "for the coordinator carries it."
            )
            self.site_code.setAccessibleDescription(site_hint)
            site_column = field_column(self.site_code, message, self)
            site_layout = site_column.layout()
            assert site_layout is not None  # field_column lays out its widget
            site_layout.addWidget(hint_label(site_hint, self))
            form.addRow(labelled(_("Site code"), self.site_code, self), site_column)
            order.append(self.site_code)
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def set_info(self, info: UnitInfo) -> None:
        self.name_fi.setText(info.name_fi)
        self.name_sv.setText(info.name_sv)
        self.municipality.setText(info.municipality)
        self.pre_primary.setChecked(info.has_pre_primary)
        self.language.setCurrentIndex(max(self.language.findData(info.working_language.value), 0))
        if self.site_code is not None:
            self.site_code.setText(info.site_code)

    def unit_info(self) -> UnitInfo:
        return UnitInfo(
            self.name_fi.text().strip(),
            self.name_sv.text().strip(),
            self.municipality.text().strip(),
            self.pre_primary.isChecked(),
            Language(self.language.currentData()),
            self.site_code.text().strip() if self.site_code is not None else "",
        )

    def show_problem(self, error: ValidationError) -> None:
        """A service's refusal beside the field it concerns."""
        if error.field in ("name_fi", "name_sv", "name"):
            language = Language.SWEDISH if error.field == "name_sv" else Language.FINNISH
            self.name_messages[language].show_message(reason_text(error.reason))
            self.name_edit(language).setFocus()
        elif error.field == "site_code" and self.site_code is not None:
            assert self.site_code_message is not None
            self.site_code_message.show_message(reason_text(error.reason))
            self.site_code.setFocus()

    def name_edit(self, language: Language) -> QLineEdit:
        return self.name_sv if language is Language.SWEDISH else self.name_fi

    def first_name_edit(self) -> QLineEdit:
        """The name asked for first: in the language the form was opened in."""
        return self.name_sv if self.opened_in is Language.SWEDISH else self.name_fi

    def check_name(self) -> bool:
        """False, with the reason beside it, when the name in the chosen working language
        (the one the unit's memos are headed with) is not typed."""
        language = Language(self.language.currentData())
        for message in self.name_messages.values():
            message.clear()
        if not self.name_edit(language).text().strip():
            field = "name_sv" if language is Language.SWEDISH else "name_fi"
            self.show_problem(ValidationError(field, "required"))
            return False
        return True


class UnitDetailsDialog(QDialog):
    """File → Unit details…: the unit's details as stored, saved as one undoable step."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Unit details"))
        self.setAccessibleName(_("Unit details"))
        self.setMinimumWidth(560)
        self.before = unit.get_unit(context.database)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(_("The names are shown in memos, reports and the window's title."), self)
        )
        self.unit_form = UnitForm(
            self,
            language_hint=_(
                "Reports are offered in this language first. The annual clock stays as it is."
            ),
            language=self.before.working_language.value,
            with_site_code=True,
        )
        self.unit_form.set_info(self.before)
        layout.addWidget(self.unit_form)
        layout.addStretch(1)
        self.buttons = dialog_buttons(self, on_accept=self.save)
        layout.addWidget(self.buttons)
        self.unit_form.first_name_edit().setFocus()

    def save(self) -> None:
        """Store the details in one transaction as one undo step; a refused field is
        said beside it and the dialog stays open."""
        if not self.unit_form.check_name():
            return
        try:
            change = unit.change_unit_undoably(self.context.database, self.unit_form.unit_info())
        except ValidationError as error:
            self.unit_form.show_problem(error)
            return
        if change.made:
            push(self.context, change, self.parentWidget())
            self.context.status_message.emit(_("Unit details saved"))
        self.accept()
