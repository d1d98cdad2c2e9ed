"""Everything the application asks or tells the user in a message box or a file dialog.

Screens reach it as ``context.prompter``; the windows that exist before a unit file is open
(the main window, the first-run wizard, the coordinator's window) hold the same kind of
object themselves and hand it to the context they make. A test gives the window or the
context a prompter of its own that answers as a director would (``tests/prompts.py``), so
no test replaces Qt's dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hyvinvointi_app.i18n.translator import _

_Button = QMessageBox.StandardButton


class Prompter:
    """Qt's message boxes and file dialogs, with the answers the application needs."""

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        """A yes-or-no question; No is the default, so Enter changes nothing."""
        answer = QMessageBox.question(parent, title, text, _Button.Yes | _Button.No, _Button.No)
        return answer == _Button.Yes

    def ask_to_discard(self, parent: QWidget | None, title: str, text: str) -> bool:
        """A warning that something will be lost: True only for Discard (Cancel is the
        default)."""
        answer = QMessageBox.warning(
            parent, title, text, _Button.Discard | _Button.Cancel, _Button.Cancel
        )
        return answer == _Button.Discard

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def open_file(
        self, parent: QWidget | None, caption: str, folder: Path | str, file_filter: str = ""
    ) -> Path | None:
        """The file chosen to be read; None when the director cancels."""
        name, _filter = QFileDialog.getOpenFileName(parent, caption, str(folder), file_filter)
        return Path(name) if name else None

    def save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: Path,
        file_filter: str,
        suffix: str = "",
        *,
        ask_to_replace: bool = True,
    ) -> Path | None:
        """Where to write a file, ending in ``suffix`` (``.pdf``) when one is given; None
        when the director cancels. The dialog asked before replacing the name as typed, so
        when the suffix is added here and that file exists, the same question is asked.
        ``ask_to_replace`` False: the name is taken as typed, and the caller adds the
        suffix and checks the name itself (a new unit file)."""
        path = self.save_name(parent, caption, suggested, file_filter, ask_to_replace)
        if path is None:
            return None
        if not suffix or not ask_to_replace or path.suffix.lower() == suffix:
            return path
        path = path.with_name(path.name + suffix)
        replace = _("{name} already exists in {folder}. Do you want to replace it?").format(
            name=path.name, folder=path.parent
        )
        if path.exists() and not self.ask(parent, _("Replace the file?"), replace):
            return None
        return path

    def save_name(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: Path,
        file_filter: str,
        ask_to_replace: bool,
    ) -> Path | None:
        """The name typed or chosen in the save dialog, as it is (see :meth:`save_file`)."""
        options = QFileDialog.Option(0)
        if not ask_to_replace:
            options = QFileDialog.Option.DontConfirmOverwrite
        name, _filter = QFileDialog.getSaveFileName(
            parent, caption, str(suggested), file_filter, options=options
        )
        return Path(name) if name else None

    def folder(self, parent: QWidget | None, caption: str, start: Path | str) -> Path | None:
        """A folder chosen; None when the director cancels."""
        name = QFileDialog.getExistingDirectory(parent, caption, str(start))
        return Path(name) if name else None
