"""Where file dialogs start: the folder last used for a kind of file, else Documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

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
