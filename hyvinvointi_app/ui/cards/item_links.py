"""The result cards discussed under an agenda item, in the memo editor's item editor.

The director links a card to the item where the group discussed it (checkpoint items
proposed for a new meeting arrive linked already) and can open a linked card. Linking and
unlinking are one transaction and one undo step each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import ResultCardStatus
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import result_cards
from hyvinvointi_app.ui.cards.model import first_line
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.undo import push


class CardLinksPanel(QWidget):
    """Linked cards (Enter opens one), a choice of active cards to link, link and unlink."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item_id: int | None = None
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        title = QLabel(_("Result cards discussed under this item"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.linked = QListWidget(self)
        self.linked.setAccessibleName(_("Result cards linked to this item"))
        self.linked.setMaximumHeight(72)
        self.linked.itemActivated.connect(self._open)
        layout.addWidget(self.linked)
        self.none_label = QLabel(_("No result card is linked to this item."), self)
        layout.addWidget(self.none_label)
        row = QHBoxLayout()
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(_("Result card to link"))
        self.choice.setMinimumContentsLength(24)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.link_button = QPushButton(_("Lin&k card"), self)
        self.link_button.setAccessibleName(_("Link the chosen result card to this item"))
        self.link_button.clicked.connect(lambda _checked=False: self.link())
        self.unlink_button = QPushButton(_("Unlink card"), self)
        self.unlink_button.setAccessibleName(_("Unlink the selected result card from this item"))
        self.unlink_button.clicked.connect(lambda _checked=False: self.unlink())
        self.open_button = QPushButton(_("Open card"), self)
        self.open_button.setAccessibleName(_("Open the selected result card"))
        self.open_button.clicked.connect(
            lambda _checked=False: self._open(self.linked.currentItem())
        )
        row.addWidget(self.choice, 1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)

    def show_item(self, item_id: int) -> None:
        """Show the cards of ``item_id``; hidden while the unit has no result cards."""
        self.item_id = item_id
        db = self.context.database
        linked = result_cards.cards_for_agenda_item(db, item_id)
        linked_ids = {card.id for card in linked}
        every = result_cards.list_cards(db)
        self.setVisible(bool(every))
        self.message.clear()
        current = self.linked.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.linked.clear()
        for card in linked:
            entry = QListWidgetItem(first_line(card.what_to_change), self.linked)
            entry.setData(Qt.ItemDataRole.UserRole, card.id)
            entry.setToolTip(card.what_to_change)
            if card.id == keep:
                self.linked.setCurrentItem(entry)
        if linked and self.linked.currentItem() is None:
            self.linked.setCurrentRow(0)
        self.linked.setVisible(bool(linked))
        self.none_label.setVisible(not linked)
        chosen = self.choice.currentData()
        self.choice.clear()
        for card in every:
            if card.id not in linked_ids and card.status is ResultCardStatus.ACTIVE:
                self.choice.addItem(first_line(card.what_to_change), card.id)
        index = self.choice.findData(chosen)
        self.choice.setCurrentIndex(max(index, 0))
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        can_link = not self.read_only and self.choice.count() > 0
        self.choice.setEnabled(can_link)
        self.link_button.setEnabled(can_link)
        has_linked = self.linked.count() > 0
        self.unlink_button.setEnabled(not self.read_only and has_linked)
        self.open_button.setEnabled(has_linked)

    def _open(self, entry: QListWidgetItem | None) -> None:
        if entry is not None:
            self.context.open_requested.emit("cards", int(entry.data(Qt.ItemDataRole.UserRole)))

    def link(self) -> None:
        card_id = self.choice.currentData()
        item_id = self.item_id
        if self.read_only or card_id is None or item_id is None:
            return
        db = self.context.database
        try:
            push(self.context, result_cards.link_card_undoably(db, card_id, item_id), self.window())
        except UserError as error:
            self.message.show_message(describe(error))
            return
        self.show_item(item_id)

    def unlink(self) -> None:
        entry = self.linked.currentItem()
        item_id = self.item_id
        if self.read_only or entry is None or item_id is None:
            return
        card_id = int(entry.data(Qt.ItemDataRole.UserRole))
        db = self.context.database
        push(self.context, result_cards.unlink_card_undoably(db, card_id, item_id), self.window())
        self.show_item(item_id)
