"""The counts of the unit's surveys recorded in a meeting, under children's or guardians'
voice: how many groups were asked and how many answered, and how many chose each option
(children) or gave each statement each answer 1–5 (guardians). Numbers only, never who.

A count is written when typing pauses (``PAUSE_MS``), the field is left or the item changes;
each write is one undo step, "record survey results". Counts that break a rule (an option
chosen more often than there were children) are said beside them and stay on screen, unsaved,
until corrected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import VoiceKind
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import surveys
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.surveys import CHOSEN, MAX_COUNT, SCALE, TallyInput, TallyView
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.form_parts import bold_label, wrapped_label
from hyvinvointi_app.ui.surveys.library_dialog import symbol_icon
from hyvinvointi_app.ui.surveys.model import shown_text
from hyvinvointi_app.ui.undo import push

PAUSE_MS = 600


def _count_box(name: str, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, MAX_COUNT)
    box.setAccessibleName(name)
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance("00000") + 36)
    return box


def _same(tally: TallyInput) -> tuple[int, int, tuple[tuple[int, int, int], ...]]:
    """Counts as the boxes show them: no groups is 0, in the order of the counts."""
    return (tally.groups or 0, tally.respondents, tuple(sorted(tally.counts)))


class TallyBox(QGroupBox):
    """One survey's counts in this meeting."""

    def __init__(
        self,
        view: TallyView,
        save: Callable[[int, TallyInput | None], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(shown_text(view.survey.title), parent)
        self.view = view
        self.save = save
        self.dirty = False
        survey, tally = view.survey, view.tally
        children = survey.kind is VoiceKind.CHILDREN
        layout = QVBoxLayout(self)
        totals = QHBoxLayout()
        self.groups: QSpinBox | None = None
        if children:
            self.groups = _count_box(_("Children's groups asked"), self)
            self.groups.setValue(tally.groups or 0)
            caption = QLabel(_("Groups asked:"), self)
            caption.setBuddy(self.groups)
            totals.addWidget(caption)
            totals.addWidget(self.groups)
        self.respondents = _count_box(
            _("Children who answered") if children else _("Guardians who answered"), self
        )
        self.respondents.setValue(tally.respondents)
        caption = QLabel(
            _("Children who answered:") if children else _("Guardians who answered:"), self
        )
        caption.setBuddy(self.respondents)
        totals.addWidget(caption)
        totals.addWidget(self.respondents)
        totals.addStretch(1)
        self.remove_button = push_button(
            _("Remove results"), lambda: self.save(survey.id, None), self, icon_name="remove"
        )
        totals.addWidget(self.remove_button)
        layout.addLayout(totals)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.counts: dict[tuple[int, int], QSpinBox] = {}
        answers = (CHOSEN,) if children else SCALE
        if not children:
            scale = QLabel(_("1 = fully disagree … 5 = fully agree"), self)
            scale.setWordWrap(True)
            grid.addWidget(scale, 0, 0)
            for column, answer in enumerate(SCALE, start=1):
                head = QLabel(str(answer), self)
                head.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(head, 0, column)
        size = self.fontMetrics().height() * 2
        for row, item in enumerate(survey.items, start=1):
            text = shown_text(item.text)
            caption = QLabel(text, self)
            caption.setWordWrap(True)
            if children and item.symbol:
                picture = QLabel(self)
                picture.setPixmap(symbol_icon(item.symbol).pixmap(QSize(size, size)))
                picture.setAccessibleName(text)
                grid.addWidget(picture, row, 0)
            grid.addWidget(caption, row, 1 if children else 0)
            for column, answer in enumerate(answers, start=1):
                name = (
                    _("{option}: chosen by").format(option=text)
                    if children
                    else _("{statement}: answer {answer}").format(statement=text, answer=answer)
                )
                box = _count_box(name, self)
                box.setValue(tally.count(item.id, answer))
                self.counts[(item.id, answer)] = box
                grid.addWidget(box, row, column + (1 if children else 0))
            caption.setBuddy(self.counts[(item.id, answers[0])])
        # a count beside its option; the statements' texts take the width before their answers
        grid.setColumnStretch(3 if children else 0, 1)
        layout.addLayout(grid)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.write)
        for box in (
            self.respondents,
            *self.counts.values(),
            *([self.groups] if self.groups else []),
        ):
            box.valueChanged.connect(self._changed)
            box.editingFinished.connect(self.write)

    def _changed(self) -> None:
        self.dirty = True
        self.timer.start()

    def data(self) -> TallyInput:
        return TallyInput(
            self.groups.value() if self.groups is not None else None,
            self.respondents.value(),
            tuple(
                (item_id, answer, box.value())
                for (item_id, answer), box in self.counts.items()
                if box.value()
            ),
        )

    def write(self) -> bool:
        """Write the counts if they changed; False if they could not be (they stay)."""
        self.timer.stop()
        if not self.dirty:
            return True
        if self.save(self.view.survey.id, self.data()):
            self.dirty = False
            return True
        return False

    def set_read_only(self, read_only: bool) -> None:
        for box in (
            self.respondents,
            *self.counts.values(),
            *([self.groups] if self.groups else []),
        ):
            box.setReadOnly(read_only)
        self.remove_button.setEnabled(not read_only)


class TalliesPanel(QWidget):
    """The surveys' counts of one voice (children's or guardians') in a meeting."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.kind = VoiceKind.CHILDREN
        self.read_only = False
        self.refused: str | None = None
        self.boxes: list[TallyBox] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = bold_label("", self)
        layout.addWidget(self.heading)
        self.box_layout = QVBoxLayout()
        layout.addLayout(self.box_layout)
        adding = QHBoxLayout()
        self.survey_combo = QComboBox(self)
        self.survey_combo.setAccessibleName(_("Survey whose results to record"))
        self.add_button = push_button(_("Record results"), self.add, self, icon_name="add")
        adding.addWidget(self.survey_combo, 1)
        adding.addWidget(self.add_button)
        layout.addLayout(adding)
        self.none_label = wrapped_label("", self)
        layout.addWidget(self.none_label)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        context.stepping.connect(self.write_pending)  # counts typed go in before an undo

    def show_meeting(self, kind: VoiceKind) -> None:
        """Show this meeting's counts of ``kind``'s surveys (what is typed is written first;
        counts the file refused stay on screen, unsaved, with the reason)."""
        if not self.write_pending():
            return
        self.kind = kind
        self.heading.setText(
            _("Children's survey results")
            if kind is VoiceKind.CHILDREN
            else _("Guardians' survey results")
        )
        db = self.context.database
        tallies = [t for t in surveys.meeting_tallies(db, self.meeting_id) if t.survey.kind is kind]
        shown = [(b.view.survey, _same(b.data())) for b in self.boxes]
        if shown != [(t.survey, _same(t.tally)) for t in tallies]:  # else keep the keyboard
            self._show_boxes(tallies)
        self._offer(db, kind, {t.survey.id for t in tallies}, bool(tallies))

    def _show_boxes(self, tallies: list[TallyView]) -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        for view in tallies:
            box = TallyBox(view, self._save, self)
            box.set_read_only(self.read_only)
            self.box_layout.addWidget(box)
            self.boxes.append(box)

    def _offer(self, db: Database, kind: VoiceKind, recorded: set[int], any_shown: bool) -> None:
        offered = [
            s
            for s in surveys.list_surveys(db, kind, archived=False)
            if s.id not in recorded and s.items
        ]
        self.survey_combo.clear()
        for survey in offered:
            self.survey_combo.addItem(shown_text(survey.title), survey.id)
        self.survey_combo.setVisible(bool(offered))
        self.add_button.setVisible(bool(offered))
        self.add_button.setEnabled(bool(offered) and not self.read_only)
        self.survey_combo.setEnabled(not self.read_only)
        if not offered and not any_shown:
            self.none_label.setText(
                _("To record counts, make a survey on the Surveys screen first.")
            )
        self.none_label.setVisible(not offered and not any_shown)

    def write_pending(self) -> bool:
        """Write the counts typed; False while the file refuses some (they stay typed)."""
        return all([box.write() for box in self.boxes])  # every box, even after a refusal

    def problem(self) -> str | None:
        """Why counts typed here are not saved, while some are not."""
        return self.refused if any(box.dirty for box in self.boxes) else None

    def _save(self, survey_id: int, data: TallyInput | None) -> bool:
        try:
            change: Change[TallyInput | None] = surveys.set_tally_undoably(
                self.context.database, self.meeting_id, survey_id, data
            )
        except UserError as error:
            self.refused = describe(error)
            self.message.show_message(self.refused)
            return False
        others = (b for b in self.boxes if b.view.survey.id != survey_id)
        if not any(box.dirty for box in others):  # else another survey's counts still wait
            self.refused = None
            self.message.clear()
        push(self.context, change, self.window(), redraw=False)  # the boxes show it
        if data is None:
            self.show_meeting(self.kind)
        return True

    def add(self) -> None:
        survey_id = self.survey_combo.currentData()
        if survey_id is None or self.read_only:
            return
        if self._save(int(survey_id), TallyInput(None, 0)):
            self.show_meeting(self.kind)
            if self.boxes:
                self.boxes[-1].respondents.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for box in self.boxes:
            box.set_read_only(read_only)
        self.add_button.setEnabled(not read_only and self.survey_combo.count() > 0)
        self.survey_combo.setEnabled(not read_only)
