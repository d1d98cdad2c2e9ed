"""The evaluation form of a plan: when and where, how, who took part, what was found (the
current state, strengths, development areas), the conclusion, and the plan type's own
checklist. Everything is reachable by Tab; the service checks the rules and the form shows
its verdict next to the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import (
    AttendanceStatus,
    ChecklistAnswer,
    EvaluationConclusion,
    EvaluationMethod,
    Role,
)
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import choices, label, plan_type_label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import meetings, memo_view, periods, plans
from hyvinvointi_app.services.evaluations import (
    CheckAnswerInput,
    EvaluationInput,
    EvaluationView,
)
from hyvinvointi_app.services.plans import ChecklistQuestion, PlanView
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.plans.fields import (
    Looking,
    date_edit,
    date_text,
    read_date,
    show_problems,
    with_message,
)
from hyvinvointi_app.ui.text_fields import MemoText

Save = Callable[[int, EvaluationInput], EvaluationView]
"""The service call: (plan id, form contents) → the evaluation as saved."""

FIELD_ORDER = (
    "plan",
    "date",
    "meeting_id",
    "agenda_item_id",
    "methods",
    "participant_roles",
    "current_state",
    "strengths",
    "development_areas",
    "conclusion",
    "update_by",
    "update_due",
    "checks",
)
METHOD_COLUMNS = 2
SIDE_ROOM = 60
"""The dialog's margins and the scroll bar beside the two columns of its body."""


@dataclass(frozen=True, slots=True)
class AgendaLink:
    """The agenda item an evaluation is made under, as the form names it."""

    meeting_id: int
    item_id: int
    text: str


def meeting_text(number: int, date: dt.date) -> str:
    return _("Meeting {number}, {date}").format(
        number=number, date=format_date(date, ui_translator().language)
    )


def _link(memo: memo_view.MeetingDetail, item_id: int) -> AgendaLink:
    item = memo.item(item_id)
    text = _("{meeting} — item {position}. {title}").format(
        meeting=meeting_text(memo.number, memo.date),
        position=item.position,
        title=item.title or label(item.kind),
    )
    return AgendaLink(memo.id, item_id, text)


def link_for_item(db: Database, meeting_id: int, item_id: int) -> AgendaLink:
    return _link(meetings.get_meeting(db, meeting_id), item_id)


class ChecklistRow:
    """One checklist question: its text, an answer (not answered / yes / partly / no / not
    applicable) and a note."""

    def __init__(self, question: ChecklistQuestion, parent: QWidget) -> None:
        self.question = question
        self.label = QLabel(question.text, parent)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.answer = QComboBox(parent)
        self.answer.setAccessibleName(_("Answer: {question}").format(question=question.text))
        self.answer.addItem(_("(not answered)"), None)
        for value, text in choices(ChecklistAnswer):
            self.answer.addItem(text, value.value)
        self.note = QLineEdit(parent)
        self.note.setAccessibleName(_("Note: {question}").format(question=question.text))
        self.note.setPlaceholderText(_("Note"))
        self.label.setBuddy(self.answer)

    def set_answer(self, answer: ChecklistAnswer | None, note: str) -> None:
        index = self.answer.findData(answer.value if answer else None)
        self.answer.setCurrentIndex(max(0, index))
        self.note.setText(note)

    def value(self) -> CheckAnswerInput | None:
        """The answer, or None when neither an answer nor a note was given."""
        data = self.answer.currentData()
        note = self.note.text().strip()
        if data is None and not note:
            return None
        answer = ChecklistAnswer(data) if data is not None else None
        return CheckAnswerInput(self.question.key, self.question.text, answer, note)


class EvaluationDialog(QDialog):
    """Record or edit one evaluation of a plan.

    ``plan_id`` None lets the director choose the plan (an evaluation started from an agenda
    item that names none); ``link`` fixes the meeting and agenda item it is made under.
    """

    def __init__(
        self,
        db: Database,
        save: Save,
        *,
        plan_id: int | None = None,
        existing: EvaluationView | None = None,
        link: AgendaLink | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._save = save
        self.today = today or dt.date.today()
        self.saved: EvaluationView | None = None
        self.existing = existing
        self.link = link
        if existing is not None:
            plan_id = existing.plan_id
            if link is None and existing.agenda_item_id is not None and existing.meeting_id:
                self.link = link_for_item(db, existing.meeting_id, existing.agenda_item_id)
        self.plan_id = plan_id
        title = _("Edit evaluation") if existing is not None else _("Evaluate a plan")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        resize_within_screen(self, 1120, 700)

        outer = QVBoxLayout(self)
        self.plan_label = QLabel(self)
        font = self.plan_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.plan_label.setFont(font)
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.plan_label)
        self.link_label = QLabel(self)
        self.link_label.setWordWrap(True)
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.link_label)
        self.general_message = FieldMessage(self)
        outer.addWidget(self.general_message)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget(scroll)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        columns.setSpacing(18)
        self._columns = columns
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        self._sides = (left, right)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.messages: dict[str, FieldMessage] = {}
        self.boxes: dict[str, QWidget] = {}

        # -- when, where, how, who ------------------------------------------------------
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addLayout(form)
        self._form = form
        self.plan_combo = QComboBox(body)
        self.plan_combo.setAccessibleName(_("Plan"))
        self.plan_combo.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self.date_edit = date_edit(body, _("Date of the evaluation"))
        self.meeting_combo = QComboBox(body)
        self.meeting_combo.setAccessibleName(_("Meeting where it was evaluated"))
        self.meeting_combo.activated.connect(lambda _i: self._meeting_chosen())
        self._add_row(form, "plan", _("&Plan *"), self.plan_combo, body)
        self._add_row(form, "date", _("&Date *"), self.date_edit, body)
        self._add_row(form, "meeting_id", _("&Meeting"), self.meeting_combo, body)
        self.messages["agenda_item_id"] = self.messages["meeting_id"]

        self.method_boxes: dict[EvaluationMethod, QCheckBox] = {}
        methods = QGroupBox(_("Methods"), body)
        methods_grid = QGridLayout(methods)
        for number, (method, text) in enumerate(choices(EvaluationMethod)):
            box = QCheckBox(text, methods)
            box.setAccessibleName(text)
            self.method_boxes[method] = box
            methods_grid.addWidget(box, number // METHOD_COLUMNS, number % METHOD_COLUMNS)
        left.addWidget(methods)
        self.messages["methods"] = self._message_below(left, body)

        self.role_boxes: dict[Role, QCheckBox] = {}
        roles = QGroupBox(_("Participants by role"), body)
        roles_grid = QGridLayout(roles)
        for number, (role, text) in enumerate(choices(Role)):
            box = QCheckBox(text, roles)
            box.setAccessibleName(_("Participant: {role}").format(role=text))
            self.role_boxes[role] = box
            roles_grid.addWidget(box, number // METHOD_COLUMNS, number % METHOD_COLUMNS)
        left.addWidget(roles)
        self.messages["participant_roles"] = self._message_below(left, body)

        # -- what was found, the conclusion, the checklist --------------------------------
        self.current_state_edit = MemoText(_("Current state"), body)
        self.current_state_edit.setPlaceholderText(_("How the plan is carried out in practice now"))
        self.strengths_edit = MemoText(_("Strengths"), body)
        self.strengths_edit.setPlaceholderText(_("What works well"))
        self.areas_edit = MemoText(_("Development areas"), body)
        self.areas_edit.setPlaceholderText(
            _("One development area per line; each can become a result card.")
        )
        for name, text, edit in (
            ("current_state", _("C&urrent state:"), self.current_state_edit),
            ("strengths", _("&Strengths:"), self.strengths_edit),
            ("development_areas", _("Development &areas:"), self.areas_edit),
        ):
            edit.setMinimumHeight(60)
            edit.setMaximumHeight(100)  # three boxes and the checklist in view
            caption = QLabel(text, body)
            caption.setBuddy(edit)
            right.addWidget(caption)
            holder, message = with_message(body, edit)
            self.messages[name] = message
            right.addWidget(holder)

        conclusion = QGroupBox(_("Conclusion"), body)
        conclusion_form = QFormLayout(conclusion)
        conclusion_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.conclusion_combo = QComboBox(conclusion)
        self.conclusion_combo.setAccessibleName(_("Conclusion"))
        self.conclusion_combo.addItem(_("(not decided yet)"), None)
        for value, text in choices(EvaluationConclusion):
            self.conclusion_combo.addItem(text, value.value)
        self.conclusion_combo.currentIndexChanged.connect(lambda _i: self._conclusion_changed())
        self.update_by_edit = QLineEdit(conclusion)
        self.update_by_edit.setAccessibleName(_("Updated by whom"))
        self.update_by_edit.setPlaceholderText(_("A role or a name, e.g. the director"))
        self.update_due_edit = date_edit(conclusion, _("Updated by when"))
        self._add_row(
            conclusion_form, "conclusion", _("The plan &is"), self.conclusion_combo, conclusion
        )
        self._add_row(conclusion_form, "update_by", _("&By whom"), self.update_by_edit, conclusion)
        self._add_row(
            conclusion_form, "update_due", _("By &when"), self.update_due_edit, conclusion
        )
        left.addWidget(conclusion)
        left.addStretch(1)

        self.checklist_box = QGroupBox(_("Checklist"), body)
        self.checklist_grid = QGridLayout(self.checklist_box)
        self.checklist_grid.setColumnStretch(0, 3)
        self.checklist_grid.setColumnStretch(2, 2)
        self.checklist_rows: list[ChecklistRow] = []
        self.no_checklist = QLabel(self.checklist_box)
        self.no_checklist.setWordWrap(True)
        right.addWidget(self.checklist_box)
        self.messages["checks"] = self._message_below(right, body)
        right.addStretch(1)

        self.buttons = dialog_buttons(self, on_accept=self.try_save)
        outer.addWidget(self.buttons)

        # Down the left column, then the right one.
        chain: list[QWidget] = [
            *self.role_boxes.values(),
            self.conclusion_combo,
            self.update_by_edit,
            self.update_due_edit,
            self.current_state_edit,
            self.strengths_edit,
            self.areas_edit,
        ]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

        self._fill_plans()
        self._fill_meetings()
        self._fill(existing)
        self._conclusion_changed()
        self.date_edit.setFocus()

    # -- building -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The two columns side by side when both fit, one under the other when they do not
        (a laptop at 150 %): the body then scrolls down, never sideways."""
        columns = self._columns
        margins = columns.contentsMargins()
        needed = (
            sum(side.minimumSize().width() for side in self._sides)
            + columns.spacing()
            + margins.left()
            + margins.right()
            + SIDE_ROOM
        )
        wide = event.size().width() >= needed
        columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def _add_row(
        self, form: QFormLayout, name: str, text: str, field: QWidget, parent: QWidget
    ) -> None:
        box, message = with_message(parent, field)
        self.messages[name] = message
        self.boxes[name] = box
        caption = QLabel(text, parent)
        caption.setBuddy(field)
        form.addRow(caption, box)

    def _message_below(self, layout: QVBoxLayout, parent: QWidget) -> FieldMessage:
        message = FieldMessage(parent)
        layout.addWidget(message)
        return message

    def _fill_plans(self) -> None:
        """The plan is fixed when given; otherwise every plan in use can be chosen."""
        self.plan_combo.blockSignals(True)
        chosen: list[PlanView]
        if self.plan_id is not None:
            chosen = [plans.get_plan(self.db, self.plan_id)]
        else:
            chosen = plans.list_plans(self.db)
            self.plan_combo.addItem(_("(choose a plan)"), None)
        for plan in chosen:
            self.plan_combo.addItem(f"{plan.name} ({plan_type_label(plan.type)})", plan.id)
        # A fixed plan is named in the dialog's heading.
        self._form.setRowVisible(self.boxes["plan"], self.plan_id is None)
        self.plan_combo.blockSignals(False)
        self._plan_changed()

    def _fill_meetings(self) -> None:
        """The current period's meetings (and the evaluation's own, if in another period)."""
        self.meeting_combo.addItem(_("(not in a meeting)"), None)
        rows: list[tuple[int, str]] = []
        try:
            period = periods.current_period(self.db)
        except UserError:
            period = None
        if period is not None:
            rows = [(m.id, meeting_text(m.number, m.date)) for m in self._meetings(period.id)]
        wanted = self.link.meeting_id if self.link else None
        if self.existing is not None and wanted is None:
            wanted = self.existing.meeting_id
        if wanted is not None and wanted not in [r[0] for r in rows]:
            memo = meetings.get_meeting(self.db, wanted)
            rows.append((memo.id, meeting_text(memo.number, memo.date)))
        for meeting_id, text in rows:
            self.meeting_combo.addItem(text, meeting_id)
        if wanted is not None:
            self.meeting_combo.setCurrentIndex(self.meeting_combo.findData(wanted))
        # An evaluation made under an agenda item belongs to that item's meeting.
        self.meeting_combo.setEnabled(self.link is None)
        if self.link is not None:
            self.link_label.setText(
                _("Evaluated under the agenda item: {item}").format(item=self.link.text)
            )
        self.link_label.setVisible(self.link is not None)

    def _meetings(self, period_id: int) -> list[memo_view.MeetingRow]:
        return meetings.list_meetings(self.db, period_id)

    def _fill(self, existing: EvaluationView | None) -> None:
        if existing is None:
            day = self.today
            if self.link is not None:
                day = meetings.get_meeting(self.db, self.link.meeting_id).date
            self.date_edit.setText(date_text(day))
            self.method_boxes[EvaluationMethod.DISCUSSION].setChecked(self.link is not None)
            self._meeting_chosen()
            return
        self.date_edit.setText(date_text(existing.date))
        for method, box in self.method_boxes.items():
            box.setChecked(method in existing.methods)
        for role, box in self.role_boxes.items():
            box.setChecked(role in existing.participant_roles)
        self.current_state_edit.setPlainText(existing.current_state)
        self.strengths_edit.setPlainText(existing.strengths)
        self.areas_edit.setPlainText(existing.development_areas)
        value = existing.conclusion.value if existing.conclusion else None
        self.conclusion_combo.setCurrentIndex(max(0, self.conclusion_combo.findData(value)))
        self.update_by_edit.setText(existing.update_by)
        self.update_due_edit.setText(date_text(existing.update_due))
        self._show_checklist([], existing)

    def _plan_changed(self) -> None:
        plan_id = self.plan_combo.currentData()
        if plan_id is None:
            self.plan_label.setText(_("Choose the plan to evaluate."))
            self._show_checklist([])
            return
        plan = plans.get_plan(self.db, plan_id)
        kind = plan_type_label(plan.type)
        same = kind.casefold() == plan.name.casefold()
        self.plan_label.setText(
            plan.name if same else _("{plan} ({type})").format(plan=plan.name, type=kind)
        )
        self.plan_label.setAccessibleName(self.plan_label.text())
        if self.existing is None or self.existing.plan_id != plan_id:
            language = ui_translator().language
            self._show_checklist(plans.checklist_for_plan(self.db, plan_id, language))

    def _show_checklist(
        self, questions: list[ChecklistQuestion], existing: EvaluationView | None = None
    ) -> None:
        """The questions asked now; an evaluation being edited keeps the questions it was
        asked, so that an old evaluation reads as it was."""
        if existing is not None:
            questions = [ChecklistQuestion(c.key, c.question) for c in existing.checks]
            if not questions:
                language = ui_translator().language
                questions = plans.checklist_for_plan(self.db, existing.plan_id, language)
        for row in self.checklist_rows:
            for widget in (row.label, row.answer, row.note):
                self.checklist_grid.removeWidget(widget)
                widget.deleteLater()
        self.checklist_grid.removeWidget(self.no_checklist)
        self.checklist_rows = []
        for number, question in enumerate(questions):
            row = ChecklistRow(question, self.checklist_box)
            self.checklist_grid.addWidget(row.label, number, 0)
            self.checklist_grid.addWidget(row.answer, number, 1)
            self.checklist_grid.addWidget(row.note, number, 2)
            self.checklist_rows.append(row)
        if existing is not None:
            for row, check in zip(self.checklist_rows, existing.checks, strict=False):
                row.set_answer(check.answer, check.note)
        self.no_checklist.setText(
            _("This plan type has no checklist. Add own questions to the plan in the register.")
        )
        self.no_checklist.setVisible(not questions)
        if not questions:
            self.checklist_grid.addWidget(self.no_checklist, 0, 0, 1, 3)
        previous: QWidget = self.areas_edit
        for row in self.checklist_rows:
            self.setTabOrder(previous, row.answer)
            self.setTabOrder(row.answer, row.note)
            previous = row.note

    def _meeting_chosen(self) -> None:
        """Choosing a meeting fills in its date and the roles present, unless typed already."""
        meeting_id = self.meeting_combo.currentData()
        if meeting_id is None:
            return
        memo = meetings.get_meeting(self.db, meeting_id)
        if self.existing is None:
            self.date_edit.setText(date_text(memo.date))
        if any(box.isChecked() for box in self.role_boxes.values()):
            return
        present = {a.role for a in memo.attendance if a.status is AttendanceStatus.PRESENT}
        present |= {g.role for g in memo.guests}
        for role, box in self.role_boxes.items():
            box.setChecked(role in present)

    def _conclusion_changed(self) -> None:
        needs = self.conclusion_combo.currentData() == EvaluationConclusion.NEEDS_UPDATING.value
        for edit in (self.update_by_edit, self.update_due_edit):
            edit.setEnabled(needs or bool(edit.text().strip()))

    # -- reading and saving ----------------------------------------------------------------

    def read(self) -> tuple[int | None, EvaluationInput | None, dict[str, str]]:
        """The chosen plan, what the form says, and what could not be read (field → text)."""
        problems: dict[str, str] = {}
        plan_id = self.plan_combo.currentData()
        if plan_id is None:
            problems["plan"] = reason_text("required")
        day, problem = read_date(self.date_edit, Looking.BACK, required=True, today=self.today)
        if problem:
            problems["date"] = problem
        due, problem = read_date(self.update_due_edit, Looking.AHEAD, today=self.today)
        if problem:
            problems["update_due"] = problem
        if day is None:
            return plan_id, None, problems
        conclusion = self.conclusion_combo.currentData()
        checks = tuple(v for row in self.checklist_rows if (v := row.value()) is not None)
        data = EvaluationInput(
            date=day,
            meeting_id=self.meeting_combo.currentData(),
            agenda_item_id=self.link.item_id if self.link else None,
            methods=tuple(m for m, box in self.method_boxes.items() if box.isChecked()),
            participant_roles=tuple(r for r, box in self.role_boxes.items() if box.isChecked()),
            current_state=self.current_state_edit.toPlainText(),
            strengths=self.strengths_edit.toPlainText(),
            development_areas=self.areas_edit.toPlainText(),
            conclusion=EvaluationConclusion(conclusion) if conclusion else None,
            update_by=self.update_by_edit.text(),
            update_due=due,
            checks=checks,
        )
        return plan_id, data, problems

    def try_save(self) -> bool:
        """Save and close, or show what is wrong next to each field and stay open."""
        for message in (*self.messages.values(), self.general_message):
            message.clear()
        plan_id, data, problems = self.read()
        if not problems and plan_id is not None and data is not None:
            try:
                self.saved = self._save(plan_id, data)
            except ValidationError as error:
                problems = {error.field: reason_text(error.reason)}
            except UserError as error:
                self.general_message.show_message(describe(error))
                return False
            else:
                self.accept()
                return True
        show_problems(problems, self.messages, self.general_message, FIELD_ORDER)
        return False
