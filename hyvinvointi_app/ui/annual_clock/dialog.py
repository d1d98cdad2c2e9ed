"""The dialog that adds or edits one theme: its month, its text, the plan it evaluates and
the partners it is handled with (member roles, and names the unit has used before or types).

The dialog does not save by itself: it hands what was typed to ``save``, which goes through
the service; a broken rule comes back as a :class:`ValidationError` and is shown beside its
field while the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import PlanType, Role
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.i18n.labels import choices, partner_label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.i18n.validation import validation_text
from hyvinvointi_app.services.annual_clock import (
    MAX_PARTNER_LENGTH,
    MAX_TITLE_LENGTH,
    PERIOD_MONTHS,
    Partner,
    partner_key,
)
from hyvinvointi_app.ui.annual_clock.model import month_title
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.field_message import FieldMessage

PARTNER_ROLE = Qt.ItemDataRole.UserRole + 1
"""The :class:`Partner` an item of the partner list stands for."""


@dataclass(frozen=True, slots=True)
class ThemeInput:
    month: int
    title: str
    plan_type: PlanType | None
    partners: tuple[Partner, ...] = ()


class _AddLine(QLineEdit):
    """The new partner's name: Enter adds the name typed to the list (and does not save the
    dialog); with nothing typed, Enter saves the dialog as in its other fields."""

    def __init__(self, add: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add = add

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self._add()
            event.accept()
            return
        super().keyPressEvent(event)


class PartnerPicker(QWidget):
    """A checkable list of partners: the member roles (the director's aside: the director
    convenes every meeting), then the names the unit has used on its themes, then any typed
    here; a new name is added checked. Space checks and unchecks, as in any list."""

    def __init__(
        self, chosen: Sequence[Partner], names: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Partners"))
        self.list.setAccessibleDescription(
            _("Check the partners the theme is handled with. Space checks and unchecks.")
        )
        self._chosen = list(chosen)
        """The theme's partners as it has them: kept in their order and their writing."""
        roles = [Partner(role=role) for role in Role if role is not Role.DIRECTOR]
        known = [*roles, *(Partner(name=name) for name in names)]
        for partner in chosen:  # the theme's own writing of a name, or one given elsewhere
            index = next((i for i, k in enumerate(known) if _same(k, partner)), None)
            if index is None:
                known.append(partner)
            else:
                known[index] = partner
        for partner in known:
            self._append(partner, any(_same(partner, c) for c in chosen))
        rows = self.list.sizeHintForRow(0) if self.list.count() else 20
        self.list.setMinimumHeight(rows * 8 + 6)
        self.list.setMaximumHeight(rows * 12 + 6)
        checked = [i for i in map(self.list.item, range(self.list.count())) if _checked(i)]
        if checked:  # the theme's own partners in view
            self.list.setCurrentItem(checked[0])
            self.list.scrollToItem(checked[-1])
            self.list.scrollToItem(checked[0])

        self.new_name = _AddLine(self.add_typed, self)
        self.new_name.setMaxLength(MAX_PARTNER_LENGTH)
        self.new_name.setAccessibleName(_("New partner"))
        self.new_name.setPlaceholderText(_("Another partner, for example: Rescue department"))
        self.add_button = QPushButton(_("A&dd to the list"), self)
        self.add_button.setAccessibleName(_("Add the partner to the list"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda _checked=False: self.add_typed())

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.list)
        layout.addLayout(row)
        QWidget.setTabOrder(self.list, self.new_name)
        QWidget.setTabOrder(self.new_name, self.add_button)

    def _append(self, partner: Partner, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(partner_label(partner.role, partner.name), self.list)
        item.setData(PARTNER_ROLE, partner)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def add_typed(self) -> None:
        """Add the typed name checked (or check it, when the list has it already)."""
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        partner = Partner(name=name)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if _same(item.data(PARTNER_ROLE), partner):
                break
        else:
            item = self._append(partner, True)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        self.new_name.clear()

    def partners(self) -> tuple[Partner, ...]:
        """The checked partners: the theme's own still checked in their order, then those
        checked now in the list's order."""
        items = (self.list.item(row) for row in range(self.list.count()))
        checked = [item.data(PARTNER_ROLE) for item in items if _checked(item)]
        kept = [p for p in self._chosen if any(_same(p, c) for c in checked)]
        return tuple(kept + [c for c in checked if not any(_same(c, k) for k in kept)])


def _checked(item: QListWidgetItem) -> bool:
    return item.checkState() == Qt.CheckState.Checked


def _same(a: Partner, b: Partner) -> bool:
    return partner_key(a) == partner_key(b)


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
        partner_names: Sequence[str] = (),
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

        self.partners = PartnerPicker(initial.partners, partner_names, self)

        self.error = FieldMessage(self)

        hint = QLabel(
            _(
                "The theme appears in the month's meeting agenda with its partners. If it "
                "evaluates a plan, the meeting's agenda links the unit's plan of that type."
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
        form.addRow(_("Pa&rtners:"), self.partners)
        for field in (self.month, self.text, self.plan, self.partners.list):
            buddy_label = form.labelForField(
                self.partners if field is self.partners.list else field
            )
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
        QWidget.setTabOrder(self.plan, self.partners.list)
        QWidget.setTabOrder(self.partners.list, self.partners.new_name)
        QWidget.setTabOrder(self.partners.new_name, self.partners.add_button)
        QWidget.setTabOrder(self.partners.add_button, self.save_button)
        QWidget.setTabOrder(
            self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        )
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def value(self) -> ThemeInput:
        """What the dialog holds; a partner typed but not yet added is added (saving is as
        good as adding it)."""
        self.partners.add_typed()
        plan = str(self.plan.currentData())
        return ThemeInput(
            int(self.month.currentData()),
            self.text.text(),
            PlanType(plan) if plan else None,
            self.partners.partners(),
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
        if error.field.startswith("partners"):
            field = "partners"
        widget = {
            "title": self.text,
            "month": self.month,
            "plan_type": self.plan,
            "partners": self.partners.list,
        }.get(field)
        if widget is not None:
            widget.setFocus()
