"""How a theme was dealt with in the current operating period, when not in a meeting: handled
elsewhere, moved to the next meeting or not handled, with an optional note; or no mark.

A theme on the agenda of a held meeting is handled there, and the annual report says so
whatever the mark; the dialog tells the director when that is the case. As the theme dialog,
it saves through ``save`` and shows a refused rule beside its field, staying open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import ThemeHandling
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import choices
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services.annual_clock import MAX_MARK_NOTE_LENGTH, ThemeMarkView
from hyvinvointi_app.ui.field_message import FieldMessage

NO_MARK = 100
"""The id of the "no mark" choice in the button group (the others are their enum's index;
-1 would make Qt assign an id of its own)."""

MarkChoice = tuple[ThemeHandling, str] | None
"""A handling and its note, or None for no mark."""


class ThemeMarkDialog(QDialog):
    def __init__(
        self,
        theme_title: str,
        period_label: str,
        mark: ThemeMarkView | None,
        handled_in: str,
        save: Callable[[MarkChoice], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        title = _("How the theme was handled, operating period {label}").format(label=period_label)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(560)
        layout = self._layout = QVBoxLayout(self)

        theme = QLabel(theme_title, self)
        theme.setWordWrap(True)
        bold = theme.font()
        bold.setBold(True)
        theme.setFont(bold)
        theme.setAccessibleName(_("Theme: {title}").format(title=theme_title))
        layout.addWidget(theme)
        if handled_in:
            self.meeting_note: QLabel | None = QLabel(
                _(
                    "This theme was handled in {meetings}. The annual report shows the "
                    "meeting, whatever is marked here."
                ).format(meetings=handled_in),
                self,
            )
            self.meeting_note.setWordWrap(True)
            self.meeting_note.setAccessibleName(self.meeting_note.text())
            layout.addWidget(self.meeting_note)
        else:
            self.meeting_note = None

        box = QGroupBox(_("When not handled in a meeting"), self)
        box.setAccessibleName(box.title())
        box_layout = QVBoxLayout(box)
        self.group = QButtonGroup(self)
        self.buttons_by_handling: dict[ThemeHandling, QRadioButton] = {}
        for index, (handling, text) in enumerate(choices(ThemeHandling)):
            button = QRadioButton(text, box)
            button.setAccessibleName(text)
            self.group.addButton(button, index)
            box_layout.addWidget(button)
            self.buttons_by_handling[handling] = button
        self.no_mark_button = QRadioButton(_("No mark"), box)
        self.no_mark_button.setAccessibleName(self.no_mark_button.text())
        self.group.addButton(self.no_mark_button, NO_MARK)
        box_layout.addWidget(self.no_mark_button)
        layout.addWidget(box)

        note_label = QLabel(_("&Note (optional)"), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(MAX_MARK_NOTE_LENGTH)
        self.note_edit.setAccessibleName(pgettext("theme mark", "Note"))
        self.note_edit.setPlaceholderText(_("For example: where, or why not"))
        note_label.setBuddy(self.note_edit)
        self.note_message = FieldMessage(self, self.note_edit)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.note_message)
        self.general_message = FieldMessage(self)
        layout.addWidget(self.general_message)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for standard in self.buttons.buttons():
            standard.setAccessibleName(standard.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        chosen: QRadioButton = (
            self.buttons_by_handling[mark.handling] if mark else self.no_mark_button
        )
        chosen.setChecked(True)
        self.note_edit.setText(mark.note if mark else "")
        self.group.idToggled.connect(lambda _id, _checked: self._choice_changed())
        self._choice_changed()
        chosen.setFocus()

    @property
    def choice(self) -> MarkChoice:
        checked = self.group.checkedId()
        if checked == NO_MARK:
            return None
        return list(ThemeHandling)[checked], self.note_edit.text()

    def choose(self, handling: ThemeHandling | None) -> None:
        (self.no_mark_button if handling is None else self.buttons_by_handling[handling]).click()

    def _choice_changed(self) -> None:
        self.note_edit.setEnabled(self.group.checkedId() != NO_MARK)

    def show_error(self, error: UserError) -> None:
        self.note_message.clear()
        self.general_message.clear()
        if isinstance(error, ValidationError) and error.field == "note":
            self.note_message.show_message(reason_text(error.reason))
            self.note_edit.setFocus()
        elif isinstance(error, ValidationError):
            self.general_message.show_message(reason_text(error.reason))
        else:
            self.general_message.show_message(describe(error))
        self._layout.activate()

    def accept(self) -> None:
        try:
            self._save(self.choice)
        except UserError as error:
            self.show_error(error)
            return
        super().accept()
