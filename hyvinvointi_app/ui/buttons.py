"""A dialog's row of buttons, made the same way in every dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

Standard = QDialogButtonBox.StandardButton


def dialog_buttons(
    dialog: QDialog,
    buttons: Standard = Standard.Save | Standard.Cancel,
    *,
    on_accept: Callable[[], object] | None = None,
    accept_text: str | None = None,
) -> QDialogButtonBox:
    """``buttons`` in Qt's own texts (translated with Qt's catalogs), the Save or OK button
    renamed ``accept_text`` if given, each named for screen readers by its text without the
    & mark; accepting calls ``on_accept`` (by default the dialog's ``accept``), rejecting
    closes the dialog. The caller places the row in its layout."""
    box = QDialogButtonBox(buttons, dialog)
    if accept_text is not None:
        accept = box.button(Standard.Ok) or box.button(Standard.Save)
        accept.setText(accept_text)
    for button in box.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
