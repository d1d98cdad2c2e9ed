"""Adding and editing a plan of the register. The service checks the rules; the form reads
the typed dates and shows the service's verdict next to the field, staying open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import choices
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services.plans import MAX_NAME_LENGTH, PlanInput, PlanView, validate_plan
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.members.dialog import grow_to_fit
from hyvinvointi_app.ui.plans.fields import (
    Looking,
    date_edit,
    date_text,
    read_date,
    show_problems,
    with_message,
)
from hyvinvointi_app.ui.prompter import Prompter
from hyvinvointi_app.ui.save_path import documents_folder
from hyvinvointi_app.ui.text_fields import MemoText

FIELD_ORDER = (
    "type",
    "name",
    "version",
    "owner",
    "approved_on",
    "next_review_due",
    "document_location",
    "custom_questions",
)


class PlanDialog(QDialog):
    """Add or edit a plan. ``save`` is the service call; a ValidationError it raises is shown
    next to its field while the dialog stays open."""

    def __init__(
        self,
        title: str,
        save: Callable[[PlanInput], PlanView],
        prompter: Prompter,
        initial: PlanInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(600)
        self._save = save
        self._prompter = prompter
        self.saved: PlanView | None = None

        layout = QVBoxLayout(self)
        note = QLabel(_("Fields marked with * are required."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.general_message = FieldMessage(self)
        layout.addWidget(self.general_message)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(form)

        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName(_("Plan type"))
        for plan_type, text in choices(PlanType):
            self.type_combo.addItem(text, plan_type.value)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(_("Name"))
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.version_edit = QLineEdit(self)
        self.version_edit.setAccessibleName(_("Version or year"))
        self.version_edit.setPlaceholderText(_("e.g. {example}").format(example="2026–2027"))
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setAccessibleName(_("Owner"))
        self.owner_edit.setPlaceholderText(_("Who keeps the plan up to date"))
        self.approved_edit = date_edit(self, _("Approved on"))
        self.review_edit = date_edit(self, _("Next review due"))
        self.location_edit = QLineEdit(self)
        self.location_edit.setAccessibleName(_("Where the document is kept"))
        self.location_edit.setPlaceholderText(
            _("A file path, a folder or a note, e.g. “Intranet, quality folder”")
        )
        self.browse_button = QPushButton(_("&Choose file…"), self)
        self.browse_button.setAccessibleName(_("Choose the plan's file"))
        self.browse_button.setToolTip(_("Only the file's location is saved, not the file."))
        self.browse_button.clicked.connect(lambda _checked=False: self._browse())
        location_row = QWidget(self)
        location_layout = QHBoxLayout(location_row)
        location_layout.setContentsMargins(0, 0, 0, 0)
        location_layout.addWidget(self.location_edit, 1)
        location_layout.addWidget(self.browse_button)
        self.questions_edit = MemoText(_("Own evaluation questions, one per line"), self)
        self.questions_edit.setPlaceholderText(
            _("For example the questions of the municipality's quality card, one per line.")
        )
        self.questions_edit.setMinimumHeight(90)

        self.messages: dict[str, FieldMessage] = {}
        self.boxes: dict[str, QWidget] = {}
        self.question_label = QLabel(_("Own &questions:"), self)
        rows: tuple[tuple[str, QLabel | str, QWidget, QWidget | None], ...] = (
            ("type", _("Plan &type *"), self.type_combo, None),
            ("name", _("&Name *"), self.name_edit, None),
            ("version", _("&Version or year"), self.version_edit, None),
            ("owner", _("&Owner"), self.owner_edit, None),
            ("approved_on", _("&Approved on"), self.approved_edit, None),
            ("next_review_due", _("Next &review due"), self.review_edit, None),
            ("document_location", _("&Document kept at"), self.location_edit, location_row),
            ("custom_questions", self.question_label, self.questions_edit, None),
        )
        for name, label_text, field, shown in rows:
            box, message = with_message(self, field, shown)
            self.messages[name] = message
            self.boxes[name] = box
            label = label_text if isinstance(label_text, QLabel) else QLabel(label_text, self)
            label.setBuddy(field)
            form.addRow(label, box)
        self.questions_hint = QLabel(
            _(
                "The plan type's own checklist is asked in every evaluation; "
                "these questions are asked after it."
            ),
            self,
        )
        self.questions_hint.setWordWrap(True)
        layout.addWidget(self.questions_hint)

        self.buttons = dialog_buttons(self, on_accept=self.try_save)
        layout.addWidget(self.buttons)

        if initial is not None:
            self._fill(initial)
        self._type_changed()
        self.name_edit.setFocus()

    def _fill(self, data: PlanInput) -> None:
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(data.type.value)))
        self.name_edit.setText(data.name)
        self.version_edit.setText(data.version)
        self.owner_edit.setText(data.owner)
        self.approved_edit.setText(date_text(data.approved_on))
        self.review_edit.setText(date_text(data.next_review_due))
        self.location_edit.setText(data.document_location)
        self.questions_edit.setPlainText("\n".join(data.custom_questions))

    def _type_changed(self) -> None:
        """Own questions are for custom plans (a municipality's quality cards, say); a plan of
        another type shows the field only when it already has some."""
        custom = self.type_combo.currentData() == PlanType.CUSTOM.value
        shown = custom or bool(self.questions_edit.toPlainText().strip())
        for widget in (self.question_label, self.questions_edit, self.questions_hint):
            widget.setVisible(shown)
        self.boxes["custom_questions"].setVisible(shown)

    def _browse(self) -> None:
        typed = Path(self.location_edit.text().strip()).expanduser()
        start = typed.parent if typed.parent.is_dir() and typed.is_absolute() else None
        path = self._prompter.open_file(
            self, _("Choose the plan's file"), start or documents_folder()
        )
        if path is not None:
            self.location_edit.setText(str(path))

    def read(self) -> tuple[PlanInput, dict[str, str]]:
        """What the form says now, and the date fields that could not be read (field → text)."""
        problems: dict[str, str] = {}
        approved, problem = read_date(self.approved_edit, Looking.BACK)
        if problem:
            problems["approved_on"] = problem
        review, problem = read_date(self.review_edit, Looking.AHEAD)
        if problem:
            problems["next_review_due"] = problem
        data = PlanInput(
            type=PlanType(self.type_combo.currentData()),
            name=self.name_edit.text(),
            version=self.version_edit.text(),
            owner=self.owner_edit.text(),
            approved_on=approved,
            next_review_due=review,
            document_location=self.location_edit.text(),
            custom_questions=tuple(self.questions_edit.toPlainText().splitlines()),
        )
        return data, problems

    def try_save(self) -> bool:
        """Save and close, or show what is wrong next to each field and stay open."""
        for message in (*self.messages.values(), self.general_message):
            message.clear()
        data, problems = self.read()
        if problems:
            try:
                validate_plan(data)
            except ValidationError as error:
                problems.setdefault(error.field, reason_text(error.reason))
        else:
            try:
                self.saved = self._save(data)
            except ValidationError as error:
                problems = {error.field: reason_text(error.reason)}
            except UserError as error:
                self.general_message.show_message(describe(error))
                grow_to_fit(self)
                return False
            else:
                self.accept()
                return True
        show_problems(problems, self.messages, self.general_message, FIELD_ORDER)
        grow_to_fit(self)
        return False
