"""A calm message strip at the top of the memo: an icon, a sentence and optional buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hyvinvointi_app.ui.icons import State, state_pixmap


class Banner(QFrame):
    def __init__(self, state: State, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("memoBanner")
        self.setStyleSheet(
            "#memoBanner { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(10)
        self.icon = QLabel(self)
        self.icon.setPixmap(state_pixmap(state, 20))
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(text)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self._layout = layout

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)

    def add_button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible_name)
        self._layout.addWidget(button)
        return button
