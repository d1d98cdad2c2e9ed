"""The keys of meeting mode, in one table that both the editor and the help overlay read.

Keys avoid letters that mean different things in Finnish, Swedish and English (P is
"poissa", absent, in Finnish), and keys a Nordic keyboard lacks a plain key for: F1 opens
the help wherever "/" sits.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.i18n.translator import _


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[str, ...]
    description: str


def meeting_shortcuts() -> list[Shortcut]:
    """Every key of meeting mode with what it does, in the interface language."""
    return [
        Shortcut("next_item", ("Ctrl+PgDown",), _("Next agenda item")),
        Shortcut("previous_item", ("Ctrl+PgUp",), _("Previous agenda item")),
        Shortcut("new_item", ("Ctrl+Shift+N",), _("New agenda item after this one")),
        Shortcut("move_up", ("Ctrl+Shift+PgUp", "Alt+Shift+Up"), _("Move the item up")),
        Shortcut("move_down", ("Ctrl+Shift+PgDown", "Alt+Shift+Down"), _("Move the item down")),
        Shortcut("remove_item", ("Ctrl+Shift+Del",), _("Remove the item (can be undone)")),
        Shortcut("new_action", ("Ctrl+Shift+T",), _("New action item")),
        Shortcut("notes", ("Ctrl+Shift+M",), _("Go to the notes")),
        Shortcut("decision", ("Ctrl+Shift+D",), _("Go to the decision")),
        Shortcut("attendance", ("Ctrl+Shift+L",), _("Go to the meeting details and attendance")),
        Shortcut("close_meeting", ("Ctrl+Shift+E",), _("Close the meeting (end time now)")),
        Shortcut("approve", ("Ctrl+Shift+A",), _("Approve the memo…")),
        Shortcut("help", ("F1", "Ctrl+/"), _("Show or hide this list")),
        Shortcut("back", ("Esc", "Alt+Left"), _("Back to the meetings list")),
    ]


def fixed_keys() -> list[tuple[str, str]]:
    """Keys that belong to a control, not to a command: shown in the help too."""
    return [
        (_("1 / 2 / 3"), _("Attendance: present / absent / excused, then the next member")),
        (_("1 / 2 / 3"), _("Follow-up: done / continues / dropped, then the next action")),
        (_("0"), _("Follow-up: clear the outcome")),
        (_("Tab / Shift+Tab"), _("Next / previous field")),
        (
            QKeySequence(QKeySequence.StandardKey.Undo).toString(
                QKeySequence.SequenceFormat.NativeText
            ),
            _("Undo (in a text field: the typing; elsewhere: the last change)"),
        ),
        (_("Alt + underlined letter"), _("Go to that field")),
    ]


def native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class HelpOverlay(QFrame):
    """The list of keys over the memo; Esc, F1 or the button close it."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setStyleSheet(
            "#helpOverlay { background: rgba(40, 40, 40, 110); }"
            "#helpPanel { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.setAccessibleName(_("Keyboard shortcuts"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        panel = QFrame(self)
        panel.setObjectName("helpPanel")
        panel.setMaximumWidth(900)
        panel.setMinimumWidth(760)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(20, 16, 20, 16)
        title = QLabel(_("Keyboard shortcuts in meeting mode"), panel)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        scroll = QScrollArea(panel)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(5)
        rows = [
            ("<br>".join(native(k) for k in shortcut.keys), shortcut.description)
            for shortcut in meeting_shortcuts()
        ]
        rows += fixed_keys()
        for row, (keys, text) in enumerate(rows):
            key_label = QLabel(f"<b>{keys}</b>", body)
            grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
            description = QLabel(text, body)
            description.setWordWrap(True)
            description.setMinimumWidth(320)
            grid.addWidget(description, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.guide_button = QPushButton(_("User guide: a whole meeting…"), panel)
        self.guide_button.setAccessibleName(_("Open the user guide at a whole meeting"))
        self.guide_button.clicked.connect(self.open_guide)
        self.close_button = QPushButton(_("Close"), panel)
        self.close_button.setAccessibleName(_("Close the list of shortcuts"))
        self.close_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(self.guide_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.hide()

    def popup(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_guide(self) -> None:
        """The user guide at its meeting section; the list of keys closes."""
        from hyvinvointi_app.ui.guide import MEETING_SECTION, show_guide

        self.dismiss()
        show_guide(self.window(), MEETING_SECTION)

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.dismiss()
            event.accept()
            return
        super().keyPressEvent(event)
