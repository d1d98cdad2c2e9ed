"""File dialogs: Qt's own dialog (used where the system has none) speaks the interface
language, and dialogs open in the folder last used or in Documents, never the working folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QHeaderView, QLabel
from pytestqt.qtbot import QtBot

from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.save_path import documents_folder, start_folder

ENGLISH = {
    "&Look in:",
    "Look in:",
    "File &name:",
    "Files of &type:",
    "Files of type:",
    "&Save",
    "&Open",
    "Cancel",
    "Back",
    "Forward",
    "Parent Directory",
    "Create New Folder",
    "List View",
    "Detail View",
    "Name",
    "Size",
    "Type",
    "Date Modified",
}


def _shown_texts(dialog: QFileDialog) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [b.text() or b.toolTip() for b in dialog.findChildren(QAbstractButton)]
    for header in dialog.findChildren(QHeaderView):
        model = header.model()
        if model is not None:
            texts += [str(model.headerData(i, header.orientation())) for i in range(4)]
    return [text for text in texts if text]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen]
)
def test_qt_s_file_dialog_has_no_english(
    qtbot: QtBot, language: str, mode: QFileDialog.AcceptMode
) -> None:
    """Finnish lacked "Look in:" and "Files of type:" (Qt's Finnish catalog is behind)."""
    apply_language(language)
    dialog = QFileDialog(None, "x")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    dialog.show()
    texts = _shown_texts(dialog)
    assert len(texts) >= 12
    assert not ENGLISH & set(texts), texts


def test_dialogs_open_in_the_folder_last_used_or_in_documents(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert start_folder(settings, "exports/folder") == documents_folder()
    settings.setValue("exports/folder", str(tmp_path))
    assert start_folder(settings, "exports/folder") == tmp_path
    settings.setValue("exports/folder", str(tmp_path / "gone"))  # a USB stick taken out
    assert start_folder(settings, "exports/folder") == documents_folder()
