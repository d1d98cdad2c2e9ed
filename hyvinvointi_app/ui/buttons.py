"""Buttons made the same way everywhere: a dialog's row of buttons, and a screen's push
buttons with their accessible names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from hyvinvointi_app.ui.icons import icon

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


def push_button(
    text: str,
    slot: Callable[[], object] | None,
    parent: QWidget,
    *,
    name: str = "",
    tooltip: str = "",
    icon_name: str = "",
) -> QPushButton:
    """A screen's button: ``name`` for screen readers (by default the text without its
    access-key mark and ellipsis), a tooltip if given, the icon of a main action
    (``ui.icons.ICONS``) if named, and ``slot`` called on a click. It never becomes a
    default button (Enter belongs to the list it acts on)."""
    button = QPushButton(text, parent)
    if icon_name:
        button.setIcon(icon(icon_name))
    button.setAccessibleName(name or text.replace("&", "").replace("…", ""))
    if tooltip:
        button.setToolTip(tooltip)
    button.setAutoDefault(False)
    if slot is not None:
        button.clicked.connect(lambda _checked=False: slot())
    return button
