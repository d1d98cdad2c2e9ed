"""STUB: replaced by the real settings dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from hyvinvointi_app.ui.context import AppContext


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
