"""Choose options (children) or statements (guardians) from the shipped library, grouped
as the library groups them (those already in the survey are shown checked and fixed), and a
picture of the library for an option of the group's own."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import VoiceKind
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services.surveys import (
    ITEM_LIMITS,
    LibraryOption,
    SurveyView,
    library,
    library_pictures,
    symbol_path,
)
from hyvinvointi_app.ui.form_parts import resize_within_screen, wrapped_label
from hyvinvointi_app.ui.surveys.model import shown_text

KEY_ROLE = Qt.ItemDataRole.UserRole


def symbol_icon(symbol: str) -> QIcon:
    """An option's picture as an icon (none for an option without one)."""
    path = symbol_path(symbol)
    return QIcon(path) if path else QIcon()


class LibraryDialog(QDialog):
    def __init__(self, survey: SurveyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        children = survey.kind is VoiceKind.CHILDREN
        self.setWindowTitle(
            _("Add options from the library") if children else _("Add statements from the library")
        )
        self._room = ITEM_LIMITS[survey.kind][1] - len(survey.items)
        taken = {item.library_key for item in survey.items if item.library_key}
        layout = QVBoxLayout(self)
        intro = wrapped_label(
            _(
                "Check the options to add. The library groups them by the parts of the "
                "child's day; each has a picture and a short text in Finnish and Swedish."
            )
            if children
            else _("Check the statements to add. Each is answered on a scale from 1 to 5."),
            self,
        )
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.windowTitle())
        size = self.fontMetrics().height() * 2
        self.tree.setIconSize(QSize(size, size))
        self.options: dict[str, LibraryOption] = {}
        self.rows: list[QTreeWidgetItem] = []
        for group in library().groups(survey.kind):
            top = QTreeWidgetItem(self.tree, [shown_text(group.title)])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for option in group.options:
                self.options[option.key] = option
                item = QTreeWidgetItem(top, [shown_text(option.text)])
                item.setData(0, KEY_ROLE, option.key)
                item.setIcon(0, symbol_icon(option.symbol))
                self.rows.append(item)
                if option.key in taken:
                    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable)  # shown, not changeable
                    item.setCheckState(0, Qt.CheckState.Checked)
                    item.setToolTip(0, _("Already in the survey"))
                else:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Unchecked)
        self.tree.expandAll()
        self.tree.itemChanged.connect(lambda *_args: self._update())
        layout.addWidget(self.tree, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 560, 640)
        self._update()

    def _checked(self) -> list[QTreeWidgetItem]:
        return [
            item
            for item in self.rows
            if item.flags() & Qt.ItemFlag.ItemIsEnabled
            and item.checkState(0) == Qt.CheckState.Checked
        ]

    def chosen(self) -> list[LibraryOption]:
        return [self.options[str(item.data(0, KEY_ROLE))] for item in self._checked()]

    def check(self, key: str) -> None:
        """Check an option by its key (as a click would)."""
        for item in self.rows:
            if item.data(0, KEY_ROLE) == key:
                item.setCheckState(0, Qt.CheckState.Checked)

    def _update(self) -> None:
        chosen = len(self._checked())
        self.count.setText(
            _("Chosen: {chosen}; room for {room} more.").format(chosen=chosen, room=self._room)
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(0 < chosen <= self._room)


class PictureDialog(QDialog):
    """Choose a picture for an option from the library's pictures, or none."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Choose a picture"))
        layout = QVBoxLayout(self)
        self.pictures = QListWidget(self)
        self.pictures.setAccessibleName(_("Pictures"))
        self.pictures.setViewMode(QListView.ViewMode.IconMode)
        self.pictures.setResizeMode(QListView.ResizeMode.Adjust)
        self.pictures.setMovement(QListView.Movement.Static)
        size = self.fontMetrics().height() * 3
        self.pictures.setIconSize(QSize(size, size))
        self.pictures.setSpacing(6)
        none = QListWidgetItem(_("No picture"), self.pictures)
        none.setData(KEY_ROLE, "")
        for symbol, texts in library_pictures():
            text = shown_text(texts)
            item = QListWidgetItem(symbol_icon(symbol), "", self.pictures)
            item.setData(KEY_ROLE, symbol)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            if symbol == current:
                self.pictures.setCurrentItem(item)
        if self.pictures.currentItem() is None:
            self.pictures.setCurrentItem(none)
        self.pictures.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.pictures, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        resize_within_screen(self, 560, 460)

    def chosen(self) -> str:
        item = self.pictures.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def choose(self, symbol: str) -> None:
        for row in range(self.pictures.count()):
            if self.pictures.item(row).data(KEY_ROLE) == symbol:
                self.pictures.setCurrentRow(row)
