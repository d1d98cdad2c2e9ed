"""Where file dialogs start, and the file a save dialog chose, with the export's suffix
added when none was typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.ui.context import setting_text


def documents_folder() -> Path:
    """The user's Documents folder (on Windows, where OneDrive may keep it), else home."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def start_folder(settings: QSettings, key: str) -> Path:
    """Where a file dialog opens: the folder last used for this kind of file (kept under
    ``key``) while it exists, else the user's Documents folder, never the working folder."""
    stored = setting_text(settings, key)
    return Path(stored) if stored and Path(stored).is_dir() else documents_folder()


def chosen_save_path(parent: QWidget, name: str, suffix: str) -> Path | None:
    """``name`` from the save dialog, ending in ``suffix`` (``.pdf``); None when the
    director declines. The dialog asked before replacing the name as typed, so when the
    suffix is added here and that file exists, the same question is asked here."""
    path = Path(name)
    if path.suffix.lower() == suffix:
        return path
    path = path.with_name(path.name + suffix)
    if path.exists():
        answer = QMessageBox.question(
            parent,
            _("Replace the file?"),
            _("{name} already exists in {folder}. Do you want to replace it?").format(
                name=path.name, folder=path.parent
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return path
