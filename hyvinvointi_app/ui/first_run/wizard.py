"""STUB: replaced by the real first-run wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard


class UnitWizard(QWizard):
    def __init__(self, parent: QWidget | None, target: Path, *, offer_other_files: bool) -> None:
        super().__init__(parent)
        self.chosen_path: Path | None = None
        self.wants_members = False
