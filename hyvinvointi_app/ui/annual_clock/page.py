"""The annual clock screen: the months of the period with their themes, as a list or as a
wheel, edited in place with the keyboard or the mouse, every change one undo step; a clock
can be shared as a file.

The list and the wheel show one selection: the list's current row. What is chosen on the
wheel becomes the list's current row, so every action works the same in both views.

Undo and redo steps call services only (never this page, which the main window rebuilds on
a language switch), and they find themes by ids that the inverse operations keep stable.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext
from hyvinvointi_app.services import annual_clock, clock_wheel, exports, period_scope, periods, unit
from hyvinvointi_app.services.annual_clock import ThemeView
from hyvinvointi_app.services.period_scope import ThemeOutcome
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.ui.annual_clock.dialog import ThemeDialog, ThemeInput
from hyvinvointi_app.ui.annual_clock.files import (
    read_clock_file,
    rejection_reason,
)
from hyvinvointi_app.ui.annual_clock.mark_dialog import ThemeMarkDialog
from hyvinvointi_app.ui.annual_clock.marking import mark_text, meetings_text, open_mark_dialog
from hyvinvointi_app.ui.annual_clock.model import THEME_COLUMN, ClockModel
from hyvinvointi_app.ui.annual_clock.view import ClockView, mix
from hyvinvointi_app.ui.annual_clock.wheel import WheelPanel
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.save_path import start_folder

CLOCK_FILE_PATTERN = "*.json"
LAST_FOLDER_SETTING = "annual_clock/last_folder"
VIEW_SETTING = "annual_clock/view"
"""Which view the director last chose: "list" or "wheel"."""


class AnnualClockPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: ThemeDialog | None = None
        self.mark_dialog: ThemeMarkDialog | None = None
        self.period: PeriodView | None = None
        """The current operating period, whose handling of each theme the list shows."""
        self.has_periods = False
        """Whether there is any period to mark a theme in."""
        self._focus_theme: int | None = None
        self._build()

    # -- building -------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], *shortcuts: QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = ", ".join(
                QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts
            )
            action.setToolTip(f"{text} ({keys})")
        self.addAction(action)
        return action

    def _button(self, action: QAction, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setDefaultAction(action)
        button.setAccessibleName(action.text())
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setMinimumHeight(30)
        return button

    def _build(self) -> None:
        self.add_action = self._action(_("Add theme…"), self.add_theme, "Insert", "Ctrl+Shift+N")
        self.edit_action = self._action(_("Edit…"), self.edit_theme, "F2")
        self.move_up_action = self._action(_("Move up"), lambda: self.move_step(-1), "Alt+Up")
        self.move_down_action = self._action(_("Move down"), lambda: self.move_step(+1), "Alt+Down")
        self.earlier_month_action = self._action(
            _("Move to the previous month"), lambda: self.move_to_month(-1), "Ctrl+Up"
        )
        self.later_month_action = self._action(
            _("Move to the next month"), lambda: self.move_to_month(+1), "Ctrl+Down"
        )
        self.remove_action = self._action(_("Remove"), self.remove_theme, "Delete")
        self.mark_action = self._action(_("Mark handling…"), lambda: self.mark_theme(), "Ctrl+M")
        self.views = QActionGroup(self)
        self.list_mode_action = self._action(_("As a list"), lambda: self.show_view("list"))
        self.wheel_mode_action = self._action(_("As a wheel"), lambda: self.show_view("wheel"))
        for action in (self.list_mode_action, self.wheel_mode_action):
            action.setCheckable(True)
            self.views.addAction(action)
        self.poster_action = self._action(_("Print as a poster…"), self.print_poster)
        self.export_action = self._action(_("Export to a file…"), self.export)
        self.import_action = self._action(_("Import from a file…"), self.import_)

        title = heading(_("Annual clock"), self)
        intro = QLabel(
            _(
                "The themes the wellbeing group handles in each month of the operating period, "
                "and the plan each theme evaluates. A meeting's agenda takes the themes of its "
                "month."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(intro.text())

        self.model = ClockModel(self)
        self.view = ClockView(self)
        self.list_view = self.view
        self.view.setModel(self.model)
        self.view.setAccessibleName(_("Annual clock themes by month"))
        self.view.header().setAccessibleName(_("Columns"))
        self.view.setAccessibleDescription(
            _("Months from August to July, each followed by its themes.")
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda at: self._context_menu(self.view.viewport().mapToGlobal(at))
        )
        self.view.activated_by_key.connect(self._activate)
        self.view.doubleClicked.connect(self._activate)
        self.view.selectionModel().currentChanged.connect(
            lambda _current, _previous: self._selection_changed()
        )

        toolbar = FlowLayout()
        toolbar.setSpacing(6)
        self.buttons: list[QToolButton] = []
        for action in (
            self.add_action,
            self.edit_action,
            self.move_up_action,
            self.move_down_action,
            self.remove_action,
            self.mark_action,
        ):
            self.buttons.append(self._button(action, self))
            toolbar.addWidget(self.buttons[-1])
        toolbar.addStretch(1)
        for action in (
            self.list_mode_action,
            self.wheel_mode_action,
            self.poster_action,
            self.export_action,
            self.import_action,
        ):
            self.buttons.append(self._button(action, self))
            toolbar.addWidget(self.buttons[-1])

        self.keys = keys = QLabel(self)
        keys.setWordWrap(True)
        small = keys.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        keys.setFont(small)
        palette = keys.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = mix(text, palette.color(QPalette.ColorRole.Window), 0.7)
        palette.setColor(QPalette.ColorRole.WindowText, muted)
        keys.setPalette(palette)

        self.list_page = QWidget(self)
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(8)
        list_layout.addLayout(toolbar)
        self.wheel = WheelPanel(self.list_page)
        self.wheel.wheel.current_changed.connect(self._wheel_chose)
        self.wheel.wheel.activated.connect(self._wheel_activated)
        self.wheel.wheel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.wheel.wheel.customContextMenuRequested.connect(
            lambda at: self._context_menu(self.wheel.wheel.mapToGlobal(at))
        )
        self.view_stack = QStackedWidget(self.list_page)
        self.view_stack.addWidget(self.view)
        self.view_stack.addWidget(self.wheel)
        list_layout.addWidget(self.view_stack, 1)
        list_layout.addWidget(keys)

        self.empty_page = self._build_empty_state()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.empty_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)

        chain: list[QWidget] = [*self.buttons, self.view, self.wheel.wheel]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        chosen = str(self.context.settings.value(VIEW_SETTING, "list"))
        self.show_view("wheel" if chosen == "wheel" else "list", remember=False)

    def show_view(self, name: str, *, remember: bool = True) -> None:
        """Show the clock as a list or as a wheel (the choice is remembered)."""
        wheel = name == "wheel"
        (self.wheel_mode_action if wheel else self.list_mode_action).setChecked(True)
        had_focus = self.view.hasFocus() or self.wheel.wheel.hasFocus()
        self.view_stack.setCurrentWidget(self.wheel if wheel else self.view)
        self.keys.setText(
            _(
                "Keys: the arrows move between months and their themes, Enter opens a theme "
                "or adds one to a month, Delete removes, Alt+Up and Alt+Down move a theme, "
                "Ctrl+Up and Ctrl+Down move it to the previous or next month. Edit → Undo "
                "takes back any change."
            )
            if wheel
            else _(
                "Keys: Insert adds a theme to the selected month, Enter or F2 edits, Delete "
                "removes, Alt+Up and Alt+Down move a theme, Ctrl+Up and Ctrl+Down move it to "
                "the previous or next month. Edit → Undo takes back any change."
            )
        )
        self.keys.setAccessibleName(self.keys.text())
        if remember:
            self.context.settings.setValue(VIEW_SETTING, name)
        if had_focus or remember:
            self._focus_view()

    def _focus_view(self) -> None:
        """Focus the list or the wheel, whichever is shown."""
        shown = self.view_stack.currentWidget()
        (self.wheel.wheel if shown is self.wheel else self.view).setFocus()

    def _wheel_chose(self, month: int, theme_id: int | None) -> None:
        """The wheel chose a month or a theme: it becomes the list's current row."""
        index = self.model.theme_index(theme_id) if theme_id is not None else QModelIndex()
        if not index.isValid():
            index = self.model.month_index(month)
        self.view.setCurrentIndex(index)

    def _wheel_activated(self, month: int, theme_id: int | None) -> None:
        """Enter or a click on the wheel: edit a theme, or add one to a month."""
        self._wheel_chose(month, theme_id)
        if theme_id is not None:
            self.edit_theme()
        else:
            self.add_theme(month)

    def _selection_to_wheel(self) -> None:
        month = self.selected_month()
        if month is not None:
            theme = self.selected_theme()
            self.wheel.set_current(month, theme.id if theme is not None else None)

    def _build_empty_state(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(
            _(
                "The annual clock is empty. Start from the default clock: the themes a "
                "wellbeing group usually handles in each month, from the start of the period "
                "in August to the summer. You can then change, move and remove themes to suit "
                "your unit. Or import a clock that your municipality shares."
            ),
            page,
        )
        text.setWordWrap(True)
        text.setAccessibleName(text.text())
        self.empty_language_note = QLabel(page)
        self.empty_language_note.setWordWrap(True)
        self.default_button = QPushButton(_("Start from the default clock"), page)
        self.default_button.setAccessibleName(self.default_button.text())
        self.default_button.setDefault(True)
        self.default_button.clicked.connect(self.start_from_default)
        import_button = QPushButton(_("Import from a file…"), page)
        import_button.setAccessibleName(import_button.text())
        import_button.clicked.connect(self.import_)
        add_button = QPushButton(_("Add a theme yourself…"), page)
        add_button.setAccessibleName(add_button.text())
        add_button.clicked.connect(lambda: self.add_theme())
        self.empty_buttons = [self.default_button, import_button, add_button]

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in self.empty_buttons:
            button.setMinimumHeight(32)
            buttons.addWidget(button)
        buttons.addStretch(1)

        box = QVBoxLayout()
        box.setSpacing(12)
        box.addWidget(text)
        box.addWidget(self.empty_language_note)
        box.addLayout(buttons)
        holder = QWidget(page)
        holder.setLayout(box)
        holder.setMaximumWidth(720)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 24, 0, 0)
        outer.addWidget(holder)
        outer.addStretch(1)
        return page

    # -- reading --------------------------------------------------------------------------

    def _working_language(self) -> Language:
        try:
            return unit.get_unit(self.context.database).working_language
        except UserError:
            return Language.FINNISH

    def refresh(self) -> None:
        current = self.view.currentIndex()
        keep_theme = self._focus_theme
        keep_month: int | None = None
        keep_position: int | None = None
        theme = self.model.theme_at(current)
        if keep_theme is None and theme is not None:
            keep_theme, keep_month, keep_position = theme.id, theme.month, theme.position
        elif keep_theme is None:
            keep_month = self.model.month_at(current)
        self._focus_theme = None

        db = self.context.database
        themes = annual_clock.list_themes(db)
        today = dt.date.today()
        all_periods = periods.list_periods(db)
        self.period = next((p for p in all_periods if p.is_current), None)
        self.has_periods = bool(all_periods)
        outcomes = (
            () if self.period is None else period_scope.clock_outcomes(db, self.period, today)
        )
        self.model.load(themes, today.month, {o.theme.id: self._handling_text(o) for o in outcomes})
        self.view.after_reload()
        self.wheel.load(clock_wheel.build_wheel(db, self.period, today, themes))
        self.stack.setCurrentWidget(self.list_page if themes else self.empty_page)
        self.empty_language_note.setText(
            _("The default themes are written in Swedish, the unit's working language.")
            if self._working_language() is Language.SWEDISH
            else _("The default themes are written in Finnish, the unit's working language.")
        )
        self.empty_language_note.setAccessibleName(self.empty_language_note.text())

        index = self.model.theme_index(keep_theme) if keep_theme is not None else QModelIndex()
        if not index.isValid() and keep_month is not None:
            # The theme went away (removed, or an undo): the one now in its place, else its month.
            month_row = self.model.month_index(keep_month)
            count = self.model.rowCount(month_row)
            if count and keep_position is not None:
                index = self.model.index(min(keep_position, count) - 1, THEME_COLUMN, month_row)
            else:
                index = month_row
        if not index.isValid() and themes:
            index = self.model.month_index(dt.date.today().month)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self._selection_changed()

    def show_item(self, item_id: int) -> None:
        """Choose the theme ``item_id`` (a search result, say)."""
        index = self.model.theme_index(item_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
            self._focus_view()

    def selected_theme(self) -> ThemeView | None:
        return self.model.theme_at(self.view.currentIndex())

    def selected_month(self) -> int | None:
        return self.model.month_at(self.view.currentIndex())

    def _selection_changed(self) -> None:
        self._update_actions()
        self._selection_to_wheel()

    def _update_actions(self) -> None:
        theme = self.selected_theme()
        themes = self.model.themes
        has_theme = theme is not None
        self.edit_action.setEnabled(has_theme)
        self.remove_action.setEnabled(has_theme)
        self.mark_action.setEnabled(has_theme and self.has_periods)
        for action, finder, step in (
            (self.move_up_action, annual_clock.step_place, -1),
            (self.move_down_action, annual_clock.step_place, +1),
            (self.earlier_month_action, annual_clock.month_step_place, -1),
            (self.later_month_action, annual_clock.month_step_place, +1),
        ):
            action.setEnabled(theme is not None and finder(themes, theme.id, step) is not None)
        self.export_action.setEnabled(bool(themes))
        self.poster_action.setEnabled(bool(themes) and self.has_periods)

    def _context_menu(self, point: QPoint) -> None:
        """The theme actions at ``point`` (global): right-click, or the menu key."""
        menu = QMenu(self)
        menu.setAccessibleName(_("Theme actions"))
        for action in (
            self.add_action,
            self.edit_action,
            None,
            self.move_up_action,
            self.move_down_action,
            self.earlier_month_action,
            self.later_month_action,
            None,
            self.mark_action,
            None,
            self.remove_action,
        ):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(point)

    def _activate(self, index: QModelIndex) -> None:
        """Enter or a double click: edit a theme; on a month, add a theme to it."""
        if self.model.theme_at(index) is not None:
            self.edit_theme()
        else:
            self.add_theme()

    # -- changing -------------------------------------------------------------------------

    def _open_dialog(
        self, title: str, initial: ThemeInput, save: Callable[[ThemeInput], None]
    ) -> ThemeDialog:
        if self.dialog is not None:
            self.dialog.close()
        names = annual_clock.partner_names(self.context.database)
        dialog = ThemeDialog(title, initial, save, self, names)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: ThemeDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self._focus_view()

    def add_theme(self, month: int | None = None) -> ThemeDialog:
        """Open the dialog for a new theme in ``month`` (else the selected or current one)."""
        chosen = month or self.selected_month() or dt.date.today().month
        db = self.context.database

        def save(value: ThemeInput) -> None:
            change = annual_clock.add_theme_undoably(
                db, value.month, value.title, value.plan_type, value.partners
            )
            self._focus_theme = change.value.id
            self.push_change(change)
            self.context.status_message.emit(_("Theme added"))

        return self._open_dialog(_("Add theme"), ThemeInput(chosen, "", None), save)

    def edit_theme(self) -> ThemeDialog | None:
        theme = self.selected_theme()
        if theme is None:
            return None
        db = self.context.database

        def save(value: ThemeInput) -> None:
            change = annual_clock.edit_theme_undoably(
                db, theme.id, value.title, value.plan_type, value.month, value.partners
            )
            if not change.made:
                return
            self._focus_theme = theme.id
            self.push_change(change)
            self.context.status_message.emit(_("Theme saved"))

        initial = ThemeInput(theme.month, theme.title, theme.plan_type, theme.partners)
        return self._open_dialog(_("Edit theme"), initial, save)

    def _move_to(self, theme: ThemeView, target: tuple[int, int] | None) -> None:
        if target is None:
            return
        change = annual_clock.move_theme_undoably(self.context.database, theme.id, *target)
        self._focus_theme = theme.id
        self.push_change(change)

    def move_step(self, step: int) -> None:
        """One place earlier (-1) or later (+1), across into the next month at its edge."""
        theme = self.selected_theme()
        if theme is not None:
            self._move_to(theme, annual_clock.step_place(self.model.themes, theme.id, step))

    def move_to_month(self, step: int) -> None:
        """To the end of the previous (-1) or next (+1) month."""
        theme = self.selected_theme()
        if theme is not None:
            self._move_to(theme, annual_clock.month_step_place(self.model.themes, theme.id, step))

    def remove_theme(self) -> None:
        theme = self.selected_theme()
        if theme is None:
            return
        change = annual_clock.remove_theme_undoably(self.context.database, theme.id)

        self.push_change(change)
        self.context.status_message.emit(_("Theme removed. Edit → Undo brings it back."))

    # -- how a theme was handled: the current period in the list, any period marked ----------

    @staticmethod
    def _handling_text(outcome: ThemeOutcome) -> str:
        """What the list shows: the held meetings that handled the theme, else its mark."""
        if outcome.meetings:
            return meetings_text(outcome.meetings)
        return mark_text(outcome.mark) if outcome.mark is not None else ""

    def mark_theme(self) -> ThemeMarkDialog | None:
        """Mark how the selected theme was dealt with in a period (Ctrl+M): the current one
        unless the director chooses another (the annual report of the period just ended is
        written when the next one is already current)."""
        theme = self.selected_theme()
        choices = periods.list_periods(self.context.database)
        if theme is None or not choices:
            return None
        chosen = self.period.id if self.period is not None else choices[0].id

        def saved() -> None:
            self._focus_theme = theme.id

        if self.mark_dialog is not None:
            self.mark_dialog.close()
        dialog = open_mark_dialog(self.context, theme, choices, chosen, self, saved)
        dialog.finished.connect(lambda _result: self._mark_dialog_closed(dialog))
        self.mark_dialog = dialog
        return dialog

    def _mark_dialog_closed(self, dialog: ThemeMarkDialog) -> None:
        if self.mark_dialog is dialog:
            self.mark_dialog = None
        self._focus_view()

    def start_from_default(self) -> None:
        db = self.context.database
        try:
            change = annual_clock.load_default_clock_undoably(db, self._working_language())
        except UserError as error:
            self.context.prompter.warn(self, _("The default clock was not added"), describe(error))
            return
        self.push_change(change)
        self.context.status_message.emit(_("The default annual clock was added"))
        self._focus_view()

    def print_poster(self) -> None:
        """The annual clock as a poster: the Reports screen, with the poster of the current
        operating period (else the latest) chosen, to print or export as A4 or A3."""
        choices = periods.list_periods(self.context.database)
        if not choices:
            return
        period = self.period or choices[0]
        self.context.document_requested.emit("clock", period.id)

    # -- files ----------------------------------------------------------------------------

    def _start_folder(self) -> str:
        return str(start_folder(self.context.settings, LAST_FOLDER_SETTING))

    def _file_filter(self) -> str:
        return ";;".join(
            (
                _("Annual clock files ({pattern})").format(pattern=CLOCK_FILE_PATTERN),
                _("All files ({pattern})").format(pattern="*"),
            )
        )

    def export(self) -> None:
        """File → Export → Annual clock: choose a file, then :meth:`export_to`."""
        if not self.model.themes:
            self.context.prompter.inform(
                self,
                _("Export the annual clock"),
                _("The annual clock is empty, so there is nothing to export."),
            )
            return
        suggested = Path(self._start_folder()) / pgettext("file name", "annual-clock.json")
        path = self.context.prompter.save_file(
            self, _("Export the annual clock"), suggested, self._file_filter(), ".json"
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the clock to ``path`` (atomically); False, with a message, if it failed."""
        data = annual_clock.export_clock(self.context.database)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        try:
            exports.export_file(
                self.context.database,
                path,
                text.encode("utf-8"),
                exports.ExportKind.JSON,
                document="annual_clock",
                language=str(data["language"]),
                with_names=False,
            )
        except UserError as error:
            self.context.prompter.warn(
                self, _("The annual clock was not exported"), describe(error)
            )
            return False
        self.context.settings.setValue(LAST_FOLDER_SETTING, str(path.parent))
        self.context.status_message.emit(_("Annual clock exported to {file}").format(file=path))
        return True

    def import_(self) -> None:
        """File → Import → Annual clock: choose a file, then :meth:`import_from`."""
        path = self.context.prompter.open_file(
            self, _("Import an annual clock"), self._start_folder(), self._file_filter()
        )
        if path is not None:
            self.import_from(path)

    def _reject(self, path: Path, reason: str) -> bool:
        self.context.prompter.warn(
            self,
            _("The annual clock was not imported"),
            _(
                "The file {file} was not imported. {reason} The annual clock was not changed."
            ).format(file=path.name, reason=reason),
        )
        return False

    def import_from(self, path: Path) -> bool:
        """Replace the clock with a file's themes, after asking if that replaces any; a file
        with any fault is refused whole with its reason, and nothing changes."""
        try:
            clock = read_clock_file(path)
        except ValidationError as error:
            return self._reject(path, rejection_reason(error))
        except OSError:
            return self._reject(path, _("The file could not be read."))
        if not clock.themes:
            return self._reject(path, _("The file has no themes."))
        db = self.context.database
        before = annual_clock.list_themes(db)
        working = self._working_language()
        if before or clock.language != working:
            question = ngettext(
                "Replace the annual clock's {count} theme with the {new} themes of {file}?",
                "Replace the annual clock's {count} themes with the {new} themes of {file}?",
                len(before),
            ).format(count=len(before), new=len(clock.themes), file=path.name)
            if clock.language != working:
                question += " " + (
                    _("The file's themes are in Swedish, but the unit works in Finnish.")
                    if clock.language is Language.SWEDISH
                    else _("The file's themes are in Finnish, but the unit works in Swedish.")
                )
            question += " " + _("You can take this back with Edit → Undo.")
            if not self.context.prompter.ask(
                self,
                _("Import an annual clock"),
                question,
            ):
                return False
        try:
            after = self.push_change(annual_clock.import_clock_undoably(db, clock))
        except UserError as error:
            return self._reject(path, describe(error))
        self.context.settings.setValue(LAST_FOLDER_SETTING, str(path.parent))
        self.context.status_message.emit(
            ngettext(
                "Annual clock imported: {count} theme",
                "Annual clock imported: {count} themes",
                len(after),
            ).format(count=len(after))
        )
        self._focus_view()
        return True
