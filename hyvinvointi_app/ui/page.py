"""The screens of the navigation: what the main window expects of each."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hyvinvointi_app.services.change import Change
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.undo import push

if TYPE_CHECKING:
    from hyvinvointi_app.services.search import SearchHit

T = TypeVar("T")


class Page(QWidget):
    """A screen. It builds its texts in the interface language when constructed (the main
    window builds the screens anew when the language changes) and redraws in
    :meth:`refresh`, which the main window calls when the screen is shown and after every
    change while it is shown. A screen does not read its data when built: being shown for
    the first time reads it once."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list_view: QWidget | None = None
        """The screen's list (a table of its records), where the keyboard waits: Enter opens
        the selected row. Set by screens that have one."""

    def focus_list(self) -> None:
        """Put the keyboard in the screen's list (after a dialog, and when a file opens)."""
        if self.list_view is not None and self.list_view.isVisibleTo(self):
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Read the data again and redraw."""

    def push_change(self, change: Change[T]) -> T:
        """Put a change made on this screen on the undo stack and give back its value. An
        undo step reports its problems over the main window, which outlives the screen (a
        language switch builds the screens anew)."""
        return push(self.context, change, self.window())

    def help_requested(self) -> bool:
        """F1 on this screen: True when the screen answered it itself (meeting mode shows
        its keys); False lets the window open the user guide at the screen's section."""
        return False

    def show_item(self, item_id: int) -> None:
        """Select the record with this id (see ``AppContext.open_requested``); by default
        the screen has nothing to select."""

    def show_found(self, hit: SearchHit) -> None:
        """A search result of this screen's kind: show its record (by default the one
        ``hit.owner_id`` names, see :meth:`show_item`), at the text that matched where the
        screen can."""
        if hit.owner_id is not None:
            self.show_item(hit.owner_id)

    def focus_find(self) -> bool:
        """Edit → Find: put the cursor in this screen's filter box; False if it has none."""
        return False

    def unsaved_text(self) -> str | None:
        """Why text typed on this screen could not be saved yet (a full disk, say), after one
        more try to save it; None when everything is on disk."""
        return None


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A screen's title: larger text, the first thing a screen reader announces."""
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


class ComingPage(Page):
    """An honest placeholder for a screen that a later version brings."""

    def __init__(
        self, context: AppContext, title: str, explanation: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, self))
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text.setAccessibleName(explanation)
        layout.addWidget(text)
        layout.addStretch(1)
