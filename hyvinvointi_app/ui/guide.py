"""The user guide (Help → User guide, F1): short HTML pages in Finnish and Swedish shipped in
``resources/guide/``, shown in a window of the program's own (no browser, no network), in
the interface language, opened at the section of the screen in use.

A link to another section moves within the guide; a link leading out of it is not
followed, since the program has no network.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.resources import resource_path
from hyvinvointi_app.ui.buttons import Standard, dialog_buttons
from hyvinvointi_app.ui.form_parts import resize_within_screen

GUIDE_LANGUAGES = ("fi", "sv")
"""The guide is written in these; another interface language shows the Finnish one."""
MEETING_SECTION = "meeting"
"""The section meeting mode's list of keys links to."""


def guide_file(language: str) -> QUrl:
    code = language if language in GUIDE_LANGUAGES else "fi"
    return QUrl.fromLocalFile(str(resource_path("guide", code, "index.html")))


class GuideWindow(QDialog):
    """The guide, beside the program's window (not modal: one can read and work)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("User guide"))
        self.setAccessibleName(self.windowTitle())
        resize_within_screen(self, 820, 720)
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        layout.addWidget(self.browser, 1)
        buttons = dialog_buttons(self, Standard.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.language = ""

    def _follow(self, url: QUrl) -> None:
        """A section of the guide opens; anything outside it does not."""
        whole = QUrl.UrlFormattingOption.RemoveFragment
        page = self.browser.source().adjusted(whole)  # type: ignore[arg-type]  # stub: see below
        same_page = url.isRelative() and not url.path()
        same_page |= url.adjusted(whole) == page  # type: ignore[arg-type]  # PySide6 stub types
        # adjusted() with the component options only; Qt's QUrl takes the URL options too
        if same_page:
            self.browser.scrollToAnchor(url.fragment())

    def show_section(self, section: str) -> None:
        """Show the guide in the interface language at ``section`` (an anchor)."""
        language = ui_translator().language
        url = guide_file(language)
        if section:
            url.setFragment(section)
        if language != self.language:
            self.browser.clearHistory()
            self.language = language
        self.browser.setSource(url)
        if section:
            self.browser.scrollToAnchor(section)
        self.show()
        self.raise_()
        self.activateWindow()
        self.browser.setFocus()


_window: GuideWindow | None = None


def show_guide(parent: QWidget | None, section: str = "") -> GuideWindow:
    """Open the guide (one window for the whole program) at ``section``."""
    global _window
    if _window is None or not shiboken6.isValid(_window) or _window.parent() is not parent:
        _window = GuideWindow(parent)
    _window.show_section(section)
    return _window
