"""The surveys screen: the unit's surveys on the left, the chosen one on the right.

A children's picture survey is a question and 4–12 options, each with a picture, taken from
the shipped library or written by the group; a guardians' survey is 3–8 statements on a 1–5
scale and one open question, in Finnish and Swedish and, if the director types them, in
another language of the unit's families. Texts are saved as they are typed (``ui.autosave``),
one editing session of a field being one undo step; every other change goes through the
service first and becomes one undo step. The sheet to print is written as a PDF off the GUI
thread. The counts are recorded in a meeting's memo, under children's or guardians' voice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QSize, Qt, QThreadPool
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import VoiceKind
from hyvinvointi_app.domain.errors import NotFound, UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.services import exports, surveys
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.surveys import ITEM_LIMITS, ItemInput, SurveyView, Texts
from hyvinvointi_app.ui.autosave import Autosaver, Save, TextBinding, save_status
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.form_parts import bold_label, wrapped_label
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.printing import DocumentBuilder
from hyvinvointi_app.ui.record_table import RecordTable
from hyvinvointi_app.ui.save_path import start_folder
from hyvinvointi_app.ui.surveys.library_dialog import LibraryDialog, PictureDialog, symbol_icon
from hyvinvointi_app.ui.surveys.model import (
    ITEMS,
    KIND,
    MEETINGS,
    TITLE,
    SurveyTableModel,
    kind_text,
    shown_text,
)
from hyvinvointi_app.ui.tables import fit_columns
from hyvinvointi_app.ui.undo import keep_text_steps

LAST_FOLDER_SETTING = "surveys/last_folder"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole


def _from_start(edit: QWidget) -> None:
    """A long text shown from its beginning, unless it is being typed in."""
    if isinstance(edit, QLineEdit) and not edit.hasFocus():
        edit.setCursorPosition(0)


def item_text(texts: Texts) -> str:
    """An option in the list: its Finnish and Swedish text."""
    return " / ".join(dict.fromkeys(t for t in (texts.fi, texts.sv) if t)) or _("(no text)")


def language_name(language: str, survey: SurveyView) -> str:
    if language == "fi":
        return _("Finnish")
    if language == "sv":
        return _("Swedish")
    return survey.other_language or _("Other language")


class SurveysPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.survey: SurveyView | None = None
        self.last_dialog: QDialog | None = None
        """The dialog last opened, so that a test can fill it in while it is open."""
        self.builder: DocumentBuilder | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Surveys"), self))
        intro = wrapped_label(
            _(
                "Ask the children with a picture survey and the guardians with a short "
                "survey, print the sheet, and record the counts in the meeting's memo under "
                "children's or guardians' voice. Only numbers are kept, never who answered."
            ),
            self,
        )
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    # -- building ---------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = FlowLayout()
        self.new_children_button = push_button(
            _("New &children's survey"),
            lambda: self.new_survey(VoiceKind.CHILDREN),
            panel,
            icon_name="add",
        )
        self.new_guardians_button = push_button(
            _("New &guardians' survey"),
            lambda: self.new_survey(VoiceKind.GUARDIANS),
            panel,
            icon_name="add",
        )
        self.archive_button = push_button(
            _("&Archive"), self.toggle_archived, panel, icon_name="archive"
        )
        self.remove_button = push_button(
            _("Remove surve&y"), self.remove_survey, panel, icon_name="remove"
        )
        for button in (
            self.new_children_button,
            self.new_guardians_button,
            self.archive_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.model = SurveyTableModel()
        self.table = RecordTable(self.model, _("Surveys"), panel)
        fit_columns(self.table, (TITLE, KIND), optional=(MEETINGS, ITEMS))
        self.table.chosen.connect(self._choice_changed)
        self.table.opened.connect(self._focus_editor)
        self.table.removing.connect(self.remove_survey)
        self.list_view = self.table
        layout.addWidget(self.table, 1)
        self.empty_label = wrapped_label(
            _(
                "No surveys yet — start one with “New children's survey” or “New guardians' "
                "survey”."
            ),
            panel,
        )
        layout.addWidget(self.empty_label)
        return panel

    def _line(self, name: str, binding_field: str, language: str, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(name)
        self.bindings[(binding_field, language)] = self.autosaver.bind(
            edit, self._save_text(binding_field, language)
        )
        return edit

    def _build_editor(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setAccessibleName(_("Survey"))
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor = QWidget(scroll)
        scroll.setWidget(self.editor)
        layout = QVBoxLayout(self.editor)
        self.autosaver = Autosaver(self)
        keep_text_steps(self.context, self.autosaver, self, redraw=True)
        self.bindings: dict[tuple[str, str], TextBinding] = {}
        self.kind_label = bold_label("", self.editor)
        layout.addWidget(self.kind_label)

        self.texts = QGridLayout()
        self.texts.setHorizontalSpacing(10)
        self.title_fi = self._line(_("Question or title in Finnish"), "title", "fi", self.editor)
        self.title_sv = self._line(_("Question or title in Swedish"), "title", "sv", self.editor)
        self.open_fi = self._line(_("Open question in Finnish"), "open_question", "fi", self.editor)
        self.open_sv = self._line(_("Open question in Swedish"), "open_question", "sv", self.editor)
        self.other_name = self._line(
            _("Other language of the families"), "other_language", "other", self.editor
        )
        self.other_name.setPlaceholderText(_("for example English or Arabic"))
        self.title_other = self._line(
            _("Title in the other language"), "title", "other", self.editor
        )
        self.open_other = self._line(
            _("Open question in the other language"), "open_question", "other", self.editor
        )
        self.title_fi_label = QLabel(self.editor)
        self.title_sv_label = QLabel(self.editor)
        self.title_fi_label.setBuddy(self.title_fi)
        self.title_sv_label.setBuddy(self.title_sv)
        rows: list[tuple[QLabel, QLineEdit]] = [
            (self.title_fi_label, self.title_fi),
            (self.title_sv_label, self.title_sv),
        ]
        self.guardian_rows: list[QWidget] = []
        for text, edit in (
            (_("&Open question in Finnish:"), self.open_fi),
            (_("Open question in S&wedish:"), self.open_sv),
            (_("Other language of the fa&milies:"), self.other_name),
            (_("Ti&tle in the other language:"), self.title_other),
            (_("Open question in the other language:"), self.open_other),
        ):
            caption = QLabel(text, self.editor)
            caption.setBuddy(edit)
            rows.append((caption, edit))
            self.guardian_rows += [caption, edit]
        for row, (caption, edit) in enumerate(rows):
            caption.setWordWrap(True)
            self.texts.addWidget(caption, row, 0)
            self.texts.addWidget(edit, row, 1)
        self.texts.setColumnStretch(1, 1)
        layout.addLayout(self.texts)

        self.items_label = bold_label("", self.editor)
        layout.addWidget(self.items_label)
        self.items = QListWidget(self.editor)
        self.items.setAccessibleName(_("Options or statements"))
        size = self.fontMetrics().height() * 2
        self.items.setIconSize(QSize(size, size))
        self.items.setMinimumHeight(size * 4)
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.currentItemChanged.connect(lambda *_args: self._item_changed())
        layout.addWidget(self.items, 1)
        item_buttons = FlowLayout()
        self.library_button = push_button(
            _("Add from the &library…"), self.add_from_library, self.editor, icon_name="add"
        )
        self.own_button = push_button(_("A&dd own"), self.add_own, self.editor, icon_name="add")
        self.up_button = push_button(
            _("Move &up"), lambda: self.move_item(-1), self.editor, icon_name="move_up"
        )
        self.down_button = push_button(
            _("Move dow&n"), lambda: self.move_item(1), self.editor, icon_name="move_down"
        )
        self.remove_item_button = push_button(
            _("&Remove"), self.remove_item, self.editor, icon_name="remove"
        )
        self.picture_button = push_button(_("Picture…"), self.choose_picture, self.editor)
        self.picture_button.setToolTip(_("The option's picture on the children's sheet"))
        for button in (
            self.library_button,
            self.own_button,
            self.picture_button,
            self.up_button,
            self.down_button,
            self.remove_item_button,
        ):
            item_buttons.addWidget(button)
        layout.addLayout(item_buttons)

        item_texts = QGridLayout()
        item_texts.setHorizontalSpacing(10)
        self.item_fi = self._item_line(_("Text in Finnish"), "fi")
        self.item_sv = self._item_line(_("Text in Swedish"), "sv")
        self.item_other = self._item_line(_("Text in the other language"), "other")
        self.item_other_label = QLabel(_("Text in the other language:"), self.editor)
        for row, (caption, edit) in enumerate(
            (
                (QLabel(_("Te&xt in Finnish:"), self.editor), self.item_fi),
                (QLabel(_("Text in Swedish:"), self.editor), self.item_sv),
                (self.item_other_label, self.item_other),
            )
        ):
            caption.setBuddy(edit)
            item_texts.addWidget(caption, row, 0)
            item_texts.addWidget(edit, row, 1)
        item_texts.setColumnStretch(1, 1)
        layout.addLayout(item_texts)

        self.message, saving = save_status(self.autosaver, self.editor)
        layout.addWidget(self.message)
        layout.addLayout(saving)

        layout.addWidget(bold_label(_("Print the sheet"), self.editor))
        printing = FlowLayout()
        self.language_box = QComboBox(self.editor)
        self.language_box.setAccessibleName(_("Language of the sheet"))
        self.print_button = push_button(
            _("Save the sheet as &PDF…"), self.save_sheet, self.editor, icon_name="export"
        )
        printing.addWidget(self.language_box)
        printing.addWidget(self.print_button)
        layout.addLayout(printing)
        self.print_note = wrapped_label("", self.editor)
        layout.addWidget(self.print_note)
        self.print_message = FieldMessage(self.editor)
        layout.addWidget(self.print_message)
        return scroll

    def _item_line(self, name: str, language: str) -> QLineEdit:
        edit = QLineEdit(self.editor)
        edit.setAccessibleName(name)
        self.bindings[("item", language)] = self.autosaver.bind(edit, self._save_item(language))
        return edit

    # -- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            return
        keep = self.survey.id if self.survey else None
        rows = surveys.list_surveys(self.context.database)
        self._loading = True
        try:
            self.model.set_rows(rows)
            if keep is not None and self.model.row_of(keep) is not None:
                self.table.choose(keep)
            elif rows:
                self.table.choose(rows[0].id)
        finally:
            self._loading = False
        self.empty_label.setVisible(not rows)
        chosen = self.table.chosen_record()
        self._show(chosen.id if chosen else None)

    def show_item(self, item_id: int) -> None:
        """Choose the survey ``item_id`` (a search result in its texts, say)."""
        if self.model.row_of(item_id) is not None:
            self.table.choose(item_id)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choice_changed(self) -> None:
        if self._loading:
            return
        if not self.autosaver.flush() and self.survey is not None:
            self._loading = True  # text typed here cannot be written yet: it stays on screen
            try:
                self.table.choose(self.survey.id)
            finally:
                self._loading = False
            return
        chosen = self.table.chosen_record()
        self._show(chosen.id if chosen else None)

    def _show(self, survey_id: int | None) -> None:
        try:
            survey = (
                surveys.get_survey(self.context.database, survey_id)
                if survey_id is not None
                else None
            )
        except NotFound:
            survey = None
        self.survey = survey
        self.editor.setEnabled(survey is not None)
        self.archive_button.setEnabled(survey is not None)
        self.remove_button.setEnabled(survey is not None and not survey.tallied_in)
        if survey is None:
            self.kind_label.setText(_("Choose a survey, or start a new one."))
            for binding in self.bindings.values():
                binding.show(None, "")
            self.items.clear()
            self._update_printing()
            return
        children = survey.kind is VoiceKind.CHILDREN
        self.archive_button.setText(_("Bring b&ack into use") if survey.archived else _("&Archive"))
        kind = kind_text(survey.kind)
        self.kind_label.setText(
            _("{kind} (archived)").format(kind=kind) if survey.archived else kind
        )
        self.title_fi_label.setText(
            _("Question in F&innish:") if children else _("Title in F&innish:")
        )
        self.title_sv_label.setText(
            _("Question in &Swedish:") if children else _("Title in &Swedish:")
        )
        for widget in self.guardian_rows:
            widget.setVisible(not children)
        low, high = ITEM_LIMITS[survey.kind]
        self.items_label.setText(
            _("Options ({low}–{high}), each with a picture").format(low=low, high=high)
            if children
            else _("Statements ({low}–{high}), each answered on a scale from 1 to 5").format(
                low=low, high=high
            )
        )
        texts = {
            ("title", "fi"): survey.title.fi,
            ("title", "sv"): survey.title.sv,
            ("title", "other"): survey.title.other,
            ("open_question", "fi"): survey.open_question.fi,
            ("open_question", "sv"): survey.open_question.sv,
            ("open_question", "other"): survey.open_question.other,
            ("other_language", "other"): survey.other_language,
        }
        for key, text in texts.items():
            binding = self.bindings[key]
            if not (binding.target == survey.id and binding.dirty):
                binding.show(survey.id, text)
                _from_start(binding.widget)
        current = self._current_item_id()
        self.items.blockSignals(True)
        self.items.clear()
        for entry in survey.items:
            row = QListWidgetItem(symbol_icon(entry.symbol), item_text(entry.text), self.items)
            row.setData(ITEM_ID_ROLE, entry.id)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, item_text(entry.text))
            if entry.id == current:
                self.items.setCurrentItem(row)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
        self.items.blockSignals(False)
        self._item_changed()
        self._update_printing()

    def _current_item_id(self) -> int | None:
        row = self.items.currentItem()
        return int(row.data(ITEM_ID_ROLE)) if row is not None else None

    def _item_changed(self) -> None:
        survey = self.survey
        item_id = self._current_item_id()
        entry = next((i for i in survey.items if i.id == item_id), None) if survey else None
        for language, edit in (
            ("fi", self.item_fi),
            ("sv", self.item_sv),
            ("other", self.item_other),
        ):
            binding = self.bindings[("item", language)]
            target = (survey.id, item_id) if survey and entry else None
            if not (binding.target == target and binding.dirty):
                binding.show(target, entry.text.in_language(language) if entry else "")
                _from_start(edit)
            edit.setEnabled(entry is not None)
        guardians = survey is not None and survey.kind is VoiceKind.GUARDIANS
        for widget in (self.item_other, self.item_other_label):
            widget.setVisible(guardians)
        room = survey is not None and len(survey.items) < ITEM_LIMITS[survey.kind][1]
        self.library_button.setEnabled(room)
        self.own_button.setEnabled(room)
        index = self.items.currentRow()
        self.up_button.setEnabled(entry is not None and index > 0)
        self.down_button.setEnabled(entry is not None and index < self.items.count() - 1)
        self.remove_item_button.setEnabled(entry is not None and not entry.counted)
        self.picture_button.setVisible(not guardians)
        self.picture_button.setEnabled(entry is not None)
        self.remove_item_button.setToolTip(
            _("A meeting has recorded answers to it, so it can be reworded but not removed.")
            if entry is not None and entry.counted
            else ""
        )

    def _update_printing(self) -> None:
        survey = self.survey
        kept = self.language_box.currentData()
        self.language_box.clear()
        printable = survey.printable_languages() if survey else ()
        for language in printable:
            assert survey is not None
            self.language_box.addItem(language_name(language, survey), language)
        index = self.language_box.findData(kept)
        self.language_box.setCurrentIndex(max(index, 0))
        self.print_button.setEnabled(bool(printable) and self.builder is None)
        self.language_box.setEnabled(bool(printable))
        if survey is None:
            self.print_note.setText("")
        elif not printable:
            low = ITEM_LIMITS[survey.kind][0]
            if len(survey.items) < low:
                self.print_note.setText(
                    (
                        _("The sheet prints once the survey has at least {count} options.")
                        if survey.kind is VoiceKind.CHILDREN
                        else _("The sheet prints once the survey has at least {count} statements.")
                    ).format(count=low)
                )
            else:
                self.print_note.setText(
                    _("Write every text in Finnish or in Swedish to print the sheet.")
                )
        elif survey.kind is VoiceKind.CHILDREN:
            self.print_note.setText(
                _(
                    "One A4 sheet for a group of children: read the question aloud, and mark "
                    "each child's choice under its picture. No names."
                )
            )
        else:
            self.print_note.setText(
                _("One A4 form for each family; record only the totals in the memo.")
            )

    # -- the texts, saved as typed ----------------------------------------------------------

    def _save_text(self, field: str, language: str) -> Save:
        def save(target: object, text: str) -> Change[SurveyView]:
            change = surveys.set_survey_text_undoably(
                self.context.database, int(str(target)), field, language, text
            )
            self._saved(change.value)
            return change

        return save

    def _save_item(self, language: str) -> Save:
        def save(target: object, text: str) -> Change[SurveyView]:
            survey_id, item_id = cast(tuple[int, int], target)
            change = surveys.set_item_text_undoably(
                self.context.database, survey_id, item_id, language, text
            )
            self._saved(change.value)
            return change

        return save

    def _saved(self, survey: SurveyView) -> None:
        """A text was written: the list and the printing follow without a full redraw."""
        if self.survey is not None and self.survey.id == survey.id:
            self.survey = survey
            row = self.model.row_of(survey.id)
            if row is not None:
                rows = list(self.model.rows)
                rows[row] = survey
                self._loading = True
                try:
                    self.model.set_rows(rows)
                    self.table.choose(survey.id)
                finally:
                    self._loading = False
            for index in range(self.items.count()):
                row_item = self.items.item(index)
                entry = next((i for i in survey.items if i.id == row_item.data(ITEM_ID_ROLE)), None)
                if entry is not None:
                    row_item.setText(item_text(entry.text))
            self._update_printing()

    def flush(self) -> bool:
        return self.autosaver.flush()

    def unsaved_text(self) -> str | None:
        return None if self.autosaver.flush() else (self.autosaver.problem() or "")

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    # -- the user's actions -----------------------------------------------------------------

    def _act(self, make: Callable[[], Change[Any]]) -> bool:
        """Make a change through the service; a refused one is said, and nothing changes."""
        if not self.flush():
            return False
        try:
            change = make()
        except UserError as error:
            self.context.prompter.warn(self, _("Surveys"), describe(error))
            return False
        self.push_change(change)
        self.refresh()
        return True

    def new_survey(self, kind: VoiceKind) -> None:
        db = self.context.database

        def make() -> Change[SurveyView]:
            change = surveys.create_survey_undoably(db, kind)
            self.survey = change.value
            return change

        if self._act(make):
            self._focus_editor()

    def toggle_archived(self) -> None:
        if self.survey is None:
            return
        survey = self.survey
        self._act(
            lambda: surveys.set_archived_undoably(
                self.context.database, survey.id, not survey.archived
            )
        )

    def remove_survey(self) -> None:
        if self.survey is None:
            return
        survey = self.survey
        if survey.tallied_in:
            self.context.prompter.inform(
                self,
                _("Remove survey"),
                _(
                    "Meetings have recorded the answers of this survey, so it is kept with "
                    "their memos. Archive it instead: it then no longer appears in the memo."
                ),
            )
            return
        if not self.context.prompter.ask(
            self,
            _("Remove survey"),
            _("Remove the survey “{title}”?").format(title=shown_text(survey.title)),
        ):
            return
        if self._act(lambda: surveys.remove_survey_undoably(self.context.database, survey.id)):
            self.survey = None
            self.refresh()

    def _focus_editor(self) -> None:
        self.title_fi.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_from_library(self) -> None:
        if self.survey is None or not self.flush():
            return
        survey = self.survey
        dialog = LibraryDialog(survey, self)
        self.last_dialog = dialog
        if not dialog.exec():
            return
        entries = [ItemInput(None, o.text, o.symbol, o.key) for o in dialog.chosen()]
        self._act(lambda: surveys.add_items_undoably(self.context.database, survey.id, entries))

    def add_own(self) -> None:
        if self.survey is None:
            return
        survey = self.survey
        placeholder = Texts(
            _("New option") if survey.kind is VoiceKind.CHILDREN else _("New statement")
        )
        if self._act(
            lambda: surveys.add_items_undoably(
                self.context.database, survey.id, [ItemInput(None, placeholder)]
            )
        ):
            self.items.setCurrentRow(self.items.count() - 1)
            self.item_fi.setFocus(Qt.FocusReason.OtherFocusReason)
            self.item_fi.selectAll()

    def choose_picture(self) -> None:
        item_id = self._current_item_id()
        if self.survey is None or item_id is None or not self.flush():
            return
        survey = self.survey
        entry = next(i for i in survey.items if i.id == item_id)
        dialog = PictureDialog(entry.symbol, self)
        self.last_dialog = dialog
        if not dialog.exec():
            return
        symbol = dialog.chosen()
        self._act(
            lambda: surveys.set_item_symbol_undoably(
                self.context.database, survey.id, item_id, symbol
            )
        )

    def move_item(self, step: int) -> None:
        item_id = self._current_item_id()
        if self.survey is None or item_id is None:
            return
        survey = self.survey
        self._act(
            lambda: surveys.move_item_undoably(self.context.database, survey.id, item_id, step)
        )

    def remove_item(self) -> None:
        item_id = self._current_item_id()
        if self.survey is None or item_id is None:
            return
        survey = self.survey
        self._act(lambda: surveys.remove_item_undoably(self.context.database, survey.id, item_id))

    # -- the sheet ----------------------------------------------------------------------

    def suggested_name(self) -> str:
        survey = self.survey
        language = str(self.language_box.currentData() or "fi")
        assert survey is not None
        name = (
            pgettext("file name", "childrens-survey")
            if survey.kind is VoiceKind.CHILDREN
            else pgettext("file name", "guardians-survey")
        )
        return f"{name}-{language}.pdf"

    def save_sheet(self) -> None:
        if self.survey is None or self.builder is not None or not self.flush():
            return
        folder = start_folder(self.context.settings, LAST_FOLDER_SETTING)
        path = self.context.prompter.save_file(
            self,
            _("Save the sheet as PDF"),
            folder / self.suggested_name(),
            _("PDF files ({pattern})").format(pattern="*.pdf"),
            ".pdf",
        )
        if path is not None:
            self.save_sheet_to(path)

    def save_sheet_to(self, path: Path) -> None:
        """Build the sheet off the GUI thread, then write it through the export service."""
        survey, language = self.survey, self.language_box.currentData()
        if survey is None or language not in survey.printable_languages():
            return  # the last text saved made it unprintable: the note says why
        from hyvinvointi_app.reports.export import survey_sheet

        try:
            exports.check_export_target(
                self.context.database, path, exports.ExportKind.PDF, replace=True
            )
        except UserError as error:
            self.print_message.show_message(describe(error))
            return
        builder = DocumentBuilder(
            self.context.database, lambda db: survey_sheet(db, survey.id, language)
        )
        builder.signals.built.connect(lambda pdf: self._write_sheet(path, pdf, survey.id, language))
        builder.signals.failed.connect(self._sheet_failed)
        builder.signals.crashed.connect(self._sheet_crashed)
        self.builder = builder
        self.print_message.clear()
        self.print_note.setText(_("Making the sheet…"))
        self.print_button.setEnabled(False)
        self.pool.start(builder)

    def _sheet_done(self) -> None:
        self.builder = None
        self._update_printing()

    def _sheet_failed(self, message: str) -> None:
        self._sheet_done()
        self.print_message.show_message(message)

    def _sheet_crashed(self, error: BaseException) -> None:
        self._sheet_done()
        raise error

    def _write_sheet(self, path: Path, pdf: bytes, survey_id: int, language: str) -> None:
        self._sheet_done()
        try:
            exports.export_file(
                self.context.database,
                path,
                pdf,
                exports.ExportKind.PDF,
                document="survey_sheet",
                language=language,
                with_names=False,
                details={"survey_id": survey_id},
            )
        except UserError as error:
            self.print_message.show_message(describe(error))
            return
        self.context.settings.setValue(LAST_FOLDER_SETTING, str(path.parent))
        self.context.status_message.emit(_("Sheet saved to {file}").format(file=path))
