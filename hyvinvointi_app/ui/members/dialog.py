"""Adding and editing a member, and ending a term: forms that say what is wrong next to the
field. The service does the checking; a form only reads dates and shows the service's
verdict, so the rules live in one place and nothing is saved while a field is wrong."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import choices
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.i18n.validation import field_label, reason_text
from hyvinvointi_app.services.members import MemberInput, MemberView, validate_member
from hyvinvointi_app.ui.buttons import Standard, dialog_buttons

_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
FIELD_ORDER = ("name", "role", "organisation", "email", "phone", "term_start", "term_end")
ERROR_COLOUR = QColor(0xA4, 0x00, 0x0F)
"""Dark red with a contrast of 8:1 on white; the message itself always says what is wrong."""


def parse_date(text: str) -> dt.date | None:
    """``23.11.2026`` (or ISO ``2026-11-23``) as a date; None for an empty field.

    Raises ``ValueError`` for anything else, which the form shows as a format error.
    """
    if not text.strip():
        return None
    if match := _DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


def date_text(value: dt.date | None) -> str:
    return format_date(value, ui_translator().language) if value else ""


def grow_to_fit(widget: QWidget) -> None:
    """Make a dialog tall enough for the error lines just shown, instead of squeezing its
    fields; it never shrinks, so it does not jump about while the director types."""
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    hint = widget.sizeHint()
    widget.resize(max(widget.width(), hint.width()), max(widget.height(), hint.height()))


class FieldErrors:
    """An error line under each field of a form, shown in text (never colour alone) and
    given to screen readers as the field's description."""

    def __init__(self, form: QWidget) -> None:
        self._form = form
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def wrap(self, name: str, field: QWidget) -> QWidget:
        """``field`` with its (hidden) error line below it, to put in a form row."""
        box = QWidget(self._form)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        error = QLabel(box)
        error.setWordWrap(True)
        palette = error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
        error.setPalette(palette)
        font = error.font()
        font.setBold(True)
        error.setFont(font)
        error.hide()
        layout.addWidget(error)
        self._fields[name] = (field, error)
        return box

    def clear(self) -> None:
        for field, error in self._fields.values():
            error.clear()
            error.hide()
            field.setAccessibleDescription("")

    def show(self, name: str, text: str) -> bool:
        """Show ``text`` under the field ``name`` and put the cursor there; False if the form
        has no such field."""
        if name not in self._fields:
            return False
        field, error = self._fields[name]
        error.setText(text)
        error.setAccessibleName(text)
        error.show()
        field.setAccessibleDescription(text)
        grow_to_fit(self._form)
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()
        return True

    def text(self, name: str) -> str:
        """The error shown under a field ("" if none): what a test or a screen reader reads."""
        error = self._fields[name][1]
        return error.text() if error.isVisibleTo(self._form) else ""


def _date_edit(parent: QWidget, accessible_name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(accessible_name)
    example = date_text(dt.date.today())
    edit.setPlaceholderText(_("e.g. {example}").format(example=example))
    edit.setMaxLength(10)
    return edit


class MemberDialog(QDialog):
    """Add or edit a member. ``save`` is the service call; it raises ValidationError for a
    broken rule, which is shown next to its field while the dialog stays open."""

    def __init__(
        self,
        title: str,
        save: Callable[[MemberInput], MemberView],
        initial: MemberInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        self._save = save
        self.saved: MemberView | None = None
        """The member as saved, once the dialog has been accepted."""

        layout = QVBoxLayout(self)
        note = QLabel(_("Fields marked with * are required."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.general_error = QLabel(self)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(form)
        self.errors = FieldErrors(self)

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(field_label("name"))
        self.name_edit.setMaxLength(200)
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(field_label("role"))
        for role, text in choices(Role):
            self.role_combo.addItem(text, role.value)
        self.organisation_edit = QLineEdit(self)
        self.organisation_edit.setAccessibleName(field_label("organisation"))
        self.organisation_edit.setMaxLength(200)
        self.email_edit = QLineEdit(self)
        self.email_edit.setAccessibleName(field_label("email"))
        self.email_edit.setPlaceholderText(_("e.g. {example}").format(example="nimi@example.fi"))
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setAccessibleName(field_label("phone"))
        self.phone_edit.setPlaceholderText(_("e.g. {example}").format(example="040 123 4567"))
        self.term_start_edit = _date_edit(self, field_label("term_start"))
        self.term_end_edit = _date_edit(self, field_label("term_end"))

        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("name", field_label("name") + " *", self.name_edit),
            ("role", field_label("role") + " *", self.role_combo),
            ("organisation", field_label("organisation"), self.organisation_edit),
            ("email", field_label("email"), self.email_edit),
            ("phone", field_label("phone"), self.phone_edit),
            ("term_start", field_label("term_start"), self.term_start_edit),
            ("term_end", field_label("term_end"), self.term_end_edit),
        )
        for name, label_text, field in rows:
            label = QLabel(label_text, self)
            label.setBuddy(field)
            form.addRow(label, self.errors.wrap(name, field))

        privacy = QLabel(
            _(
                "Keep contact details minimal: a guardian representative's details are "
                "personal data. Never record anything about a single child here."
            ),
            self,
        )
        privacy.setWordWrap(True)
        layout.addWidget(privacy)

        self.buttons = dialog_buttons(self, on_accept=self.try_save)
        layout.addWidget(self.buttons)

        if initial is not None:
            self._fill(initial)
        else:
            self.term_start_edit.setText(date_text(dt.date.today()))
        self.name_edit.setFocus()

    def _fill(self, data: MemberInput) -> None:
        self.name_edit.setText(data.name)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(data.role.value)))
        self.organisation_edit.setText(data.organisation)
        self.email_edit.setText(data.email)
        self.phone_edit.setText(data.phone)
        self.term_start_edit.setText(date_text(data.term_start))
        self.term_end_edit.setText(date_text(data.term_end))

    def _read(self) -> tuple[MemberInput, dict[str, str]]:
        """What the form says now, with the dates that cannot be read left empty and
        named in the second value (field → reason)."""
        dates: dict[str, dt.date | None] = {}
        unreadable: dict[str, str] = {}
        for name, edit in (("term_start", self.term_start_edit), ("term_end", self.term_end_edit)):
            try:
                dates[name] = parse_date(edit.text())
            except ValueError:
                dates[name] = None
                unreadable[name] = "format"
        data = MemberInput(
            name=self.name_edit.text(),
            role=Role(self.role_combo.currentData()),
            organisation=self.organisation_edit.text(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            term_start=dates["term_start"],
            term_end=dates["term_end"],
        )
        return data, unreadable

    def member_input(self) -> MemberInput:
        """What the form says now; ``ValidationError`` for a date that cannot be read."""
        data, unreadable = self._read()
        for field, reason in unreadable.items():
            raise ValidationError(field, reason)
        return data

    def problems(self) -> dict[str, str]:
        """Every field that breaks a rule, with its reason, so that all are shown at once.

        The service's own check names one field at a time; the field is set aside (given a
        harmless value) and the check repeated, so the rules stay in the service.
        """
        data, found = self._read()
        neutral: dict[str, dict[str, Any]] = {
            "name": {"name": "-"},
            "email": {"email": ""},
            "phone": {"phone": ""},
            "term_start": {"term_start": None},
            "term_end": {"term_end": None},
            "organisation": {"organisation": ""},
        }
        for _attempt in range(len(neutral) + 1):
            try:
                validate_member(data)
            except ValidationError as error:
                if error.field in found or error.field not in neutral:
                    found.setdefault(error.field, error.reason)
                    break
                found[error.field] = error.reason
                data = replace(data, **neutral[error.field])
            else:
                break
        return found

    def try_save(self) -> bool:
        """Save and close, or show what is wrong next to each field and stay open."""
        self.errors.clear()
        self.general_error.hide()
        problems = self.problems()
        if not problems:
            try:
                self.saved = self._save(self.member_input())
            except ValidationError as error:
                problems = {error.field: error.reason}
            except UserError as error:
                self._show_general_error(describe(error))
                return False
            else:
                self.accept()
                return True
        # Shown from the last field up, so that the cursor ends in the first wrong field.
        ordered = [f for f in FIELD_ORDER if f in problems]
        for field in reversed(ordered):
            self.errors.show(field, reason_text(problems[field]))
        others = [reason_text(r) for f, r in problems.items() if f not in FIELD_ORDER]
        if others:
            self._show_general_error(" ".join(others))
        return False

    def _show_general_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setAccessibleName(text)
        self.general_error.show()
        grow_to_fit(self)


class EndTermDialog(QDialog):
    """End a member's term on a chosen day (today unless changed)."""

    def __init__(
        self,
        member_name: str,
        save: Callable[[dt.date], MemberView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = _("End term")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(440)
        self._save = save
        self.saved: MemberView | None = None
        self.last_day: dt.date | None = None

        layout = QVBoxLayout(self)
        explanation = QLabel(
            _(
                "End the term of {name}. The member stays in old memos and no longer counts "
                "for the roles of the group after the last day. Once the term has ended, "
                "you can erase the member's personal details."
            ).format(name=member_name),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(form)
        self.errors = FieldErrors(self)
        self.date_edit = _date_edit(self, _("Last day of the term"))
        self.date_edit.setText(date_text(dt.date.today()))
        label = QLabel(_("Last day of the term"), self)
        label.setBuddy(self.date_edit)
        form.addRow(label, self.errors.wrap("term_end", self.date_edit))

        self.buttons = dialog_buttons(
            self,
            Standard.Ok | Standard.Cancel,
            on_accept=self.try_save,
            accept_text=title,
        )
        layout.addWidget(self.buttons)
        self.date_edit.setFocus()
        self.date_edit.selectAll()

    def try_save(self) -> bool:
        self.errors.clear()
        try:
            day = parse_date(self.date_edit.text())
            if day is None:
                raise ValidationError("term_end", "required")
        except ValueError:
            self.errors.show("term_end", reason_text("format"))
            return False
        except ValidationError as error:
            self.errors.show("term_end", reason_text(error.reason))
            return False
        try:
            self.saved = self._save(day)
        except ValidationError as error:
            self.errors.show("term_end", reason_text(error.reason))
            return False
        except UserError as error:
            self.errors.show("term_end", describe(error))
            return False
        self.last_day = day
        self.accept()
        return True
