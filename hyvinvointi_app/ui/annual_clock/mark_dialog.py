"""How a theme was dealt with in an operating period, when not in a meeting: handled
elsewhere, moved to the next meeting or not handled, with an optional note; or no mark.

The period is chosen in the dialog (the current one first), because the annual report of a
period is written after it has ended, when the next one is already current. Each period has
its own mark: choosing another period shows that period's mark.

A theme whose agenda item in a held meeting has something written is handled there, and the
annual report says so whatever the mark; the dialog tells the director when that is the case,
and also when the theme was on an agenda but left empty (then the mark tells). As the theme
dialog, it saves through ``save`` and shows a refused rule beside its field, staying open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import ThemeHandling
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.labels import choices
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.services.annual_clock import MAX_MARK_NOTE_LENGTH, ThemeMarkView
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.field_message import FieldMessage, show_refusal

NO_MARK = 100
"""The id of the "no mark" choice in the button group (the others are their enum's index;
-1 would make Qt assign an id of its own)."""

MarkChoice = tuple[ThemeHandling, str] | None
"""A handling and its note, or None for no mark."""


@dataclass(frozen=True, slots=True)
class MarkState:
    """What the dialog shows for one period: the theme's mark, and the held meetings that
    handled it and that had it on their agenda but wrote nothing under it (as text)."""

    mark: ThemeMarkView | None
    handled_in: str = ""
    left_empty_in: str = ""


def period_text(period: PeriodView) -> str:
    """A period as the choice lists name it, the current one said so."""
    if period.is_current:
        return _("{period} (current)").format(period=period.label)
    return period.label


class ThemeMarkDialog(QDialog):
    def __init__(
        self,
        theme_title: str,
        periods: Sequence[PeriodView],
        period_id: int,
        load: Callable[[PeriodView], MarkState],
        save: Callable[[int, MarkChoice], object],
        parent: QWidget | None = None,
    ) -> None:
        """``periods`` newest first; ``period_id`` is the one chosen at first; ``load`` reads
        a period's state, ``save`` stores the choice for the chosen period (a
        :class:`UserError` it raises is shown and the dialog stays open)."""
        super().__init__(parent)
        self._load = load
        self._save = save
        self._periods = {period.id: period for period in periods}
        self.setMinimumWidth(560)
        layout = self._layout = QVBoxLayout(self)

        theme = QLabel(theme_title, self)
        theme.setWordWrap(True)
        bold = theme.font()
        bold.setBold(True)
        theme.setFont(bold)
        theme.setAccessibleName(_("Theme: {title}").format(title=theme_title))
        layout.addWidget(theme)

        period_row = QHBoxLayout()
        self.period_combo = QComboBox(self)
        self.period_combo.setAccessibleName(_("Operating period"))
        for period in periods:
            self.period_combo.addItem(period_text(period), period.id)
        self.period_combo.setEnabled(len(periods) > 1)
        period_label = QLabel(_("Operating &period:"), self)
        period_label.setBuddy(self.period_combo)
        period_row.addWidget(period_label)
        period_row.addWidget(self.period_combo)
        period_row.addStretch(1)
        layout.addLayout(period_row)

        self.meeting_note = QLabel(self)
        self.meeting_note.setWordWrap(True)
        layout.addWidget(self.meeting_note)

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

        self.buttons = dialog_buttons(self)
        layout.addWidget(self.buttons)

        self.group.idToggled.connect(lambda _id, _checked: self._choice_changed())
        index = self.period_combo.findData(period_id)
        self.period_combo.setCurrentIndex(max(index, 0))
        self._show_period()
        self.period_combo.currentIndexChanged.connect(lambda _index: self._show_period())
        self._checked_button().setFocus()

    # -- the chosen period ----------------------------------------------------------------

    @property
    def period_id(self) -> int:
        return int(self.period_combo.currentData())

    def choose_period(self, period_id: int) -> None:
        """Choose a period as the director would in the list (its mark shows)."""
        index = self.period_combo.findData(period_id)
        if index < 0:
            raise KeyError(period_id)
        self.period_combo.setCurrentIndex(index)

    def _show_period(self) -> None:
        """Show the chosen period's mark and how its meetings dealt with the theme."""
        period = self._periods[self.period_id]
        title = _("How the theme was handled, operating period {label}").format(label=period.label)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        state = self._load(period)
        if state.handled_in:
            note = _(
                "This theme was handled in {meetings}. The annual report shows the "
                "meeting, whatever is marked here."
            ).format(meetings=state.handled_in)
        elif state.left_empty_in:
            note = _(
                "The theme was on the agenda: {meetings}, but nothing was written under the "
                "item, so it does not count as handled there. Mark here whether it was moved "
                "to the next meeting or not handled."
            ).format(meetings=state.left_empty_in)
        else:
            note = ""
        self.meeting_note.setText(note)
        self.meeting_note.setAccessibleName(note)
        self.meeting_note.setVisible(bool(note))
        mark = state.mark
        (self.buttons_by_handling[mark.handling] if mark else self.no_mark_button).setChecked(True)
        self.note_edit.setText(mark.note if mark else "")
        self.note_message.clear()
        self.general_message.clear()
        self._choice_changed()

    # -- the choice -----------------------------------------------------------------------

    def _checked_button(self) -> QRadioButton:
        button = self.group.checkedButton()
        assert isinstance(button, QRadioButton)
        return button

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
        show_refusal(error, {"note": (self.note_edit, self.note_message)}, self.general_message)
        self._layout.activate()

    def accept(self) -> None:
        try:
            self._save(self.period_id, self.choice)
        except UserError as error:
            self.show_error(error)
            return
        super().accept()
