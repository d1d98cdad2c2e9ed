"""Every screen, meeting mode and every dialog the buttons and menus open, in Finnish and in
Swedish at 1366×768: no two controls of one window answer the same Alt key, and no text is
cut short by its button, label or column. The walk is done once per language."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from window_walk import (
    PseudoCatalog,
    access_key_clashes,
    clipped_texts,
    dialog_actions,
    dialog_buttons,
    menu_clashes,
    open_and_look,
)

from hyvinvointi_app.i18n import translator
from hyvinvointi_app.i18n.catalogs import translations
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.ui.annual_clock.page import AnnualClockPage
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.reports.page import ReportsPage

LAPTOP = (1366, 768)
SCALED = (1366 * 2 // 3, 768 * 2 // 3)
"""A 1366×768 screen at 150 %: the window has two thirds of the pixels, in Qt's units."""


TASKBAR = 40
"""Windows' taskbar, in pixels at 100 %."""


@dataclass
class Walk:
    screen: tuple[int, int]
    """The room for a window: the screen less the taskbar, in Qt's units."""
    windows: list[str] = field(default_factory=list)
    clashes: list[str] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)

    def look(self, name: str, window: QWidget) -> None:
        for _round in range(3):  # a wrapped text's new height asks the layout once more
            QApplication.processEvents()
        self.windows.append(name)
        needed = window.minimumSizeHint()
        if isinstance(window, QMainWindow):  # nor has it grown wider than it was made
            needed.setWidth(max(needed.width(), window.width()))
        if needed.width() > self.screen[0] or needed.height() > self.screen[1]:
            size = f"{needed.width()}×{needed.height()}"
            self.clipped.append(f"{name}: needs {size}, more than the screen has")
        self.clashes += [f"{name}: {clash}" for clash in access_key_clashes(window)]
        self.clipped += [f"{name}: {text}" for text in clipped_texts(window)]


def walk_window(window: MainWindow, walk: Walk) -> None:
    """Every screen, its dialogs, the menus' dialogs, and meeting mode's items."""
    assert isinstance(window, QMainWindow)
    # Printing shows Qt's own print dialog once the document is built in the background.
    printing = {_("&Print…"), _("Print pre&view…"), pgettext("reports", "&Print…")}
    walk.clashes += menu_clashes_of(window)
    for key in list(window.pages):
        window.show_page(key)
        page = window.pages[key]
        walk.look(key, window)
        if isinstance(page, ReportsPage):  # each document shows its own choices
            for index in range(page.document_box.count()):
                page.document_box.setCurrentIndex(index)
                walk.look(f"{key}: {page.document_box.currentText()}", window)
            page.document_box.setCurrentIndex(0)
        if isinstance(page, AnnualClockPage):  # the clock as a wheel, too
            page.show_view("wheel")
            walk.look(f"{key}: wheel", window)
            page.show_view("list")
        for button in dialog_buttons(page):
            if button.text() in printing:
                continue
            text = button.text().replace("&", "")
            open_and_look(button.click, f"{key}: {text}", walk.look)
            window.show_page(key)
    for action in dialog_actions([a.menu() for a in window.menuBar().actions() if a.menu()]):
        if action.text() not in printing:
            open_and_look(action.trigger, action.text().replace("&", ""), walk.look)
    _walk_meeting_mode(window, walk)


def menu_clashes_of(window: QMainWindow) -> list[str]:
    return [c for a in window.menuBar().actions() if a.menu() for c in menu_clashes(a.menu())]


def _walk_meeting_mode(window: MainWindow, walk: Walk) -> None:
    from hyvinvointi_app.ui.meetings.page import MeetingsPage

    window.show_page("meetings")
    page = window.pages.of_kind("meetings", MeetingsPage)
    # the last meeting: a draft, whose bar has the most buttons (Approve…)
    page.table.selectRow(page.table.model().rowCount() - 1)
    page.open_selected()
    editor = page.editor
    assert editor is not None and not editor.locked
    opened: set[str] = set()
    for row in range(editor.agenda_list.count()):
        editor.agenda_list.setCurrentRow(row)
        walk.look(f"meeting mode, row {row}", window)
        for button in dialog_buttons(editor):
            if button.text() not in opened:
                opened.add(button.text())
                text = button.text().replace("&", "")
                open_and_look(button.click, f"meeting mode: {text}", walk.look)
    page.show_list()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hyvinvointi_app.services.demo import write_demo

    path = tmp_path_factory.mktemp("walk") / "demo.sqlite"
    write_demo(path, language="fi", years=1, today=dt.date(2026, 11, 23))
    return path


WALKS = {
    "fi": ("fi", LAPTOP),
    "sv": ("sv", LAPTOP),
    "fi at 150 %": ("fi", SCALED),
    "sv at 150 %": ("sv", SCALED),
    "pseudo": ("pseudo", LAPTOP),
}


@pytest.fixture(scope="module", params=list(WALKS))
def walked(
    request: pytest.FixtureRequest,
    qapp: QApplication,
    demo_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Walk]:
    """The walk in Finnish, in Swedish, and in Finnish made 40 % longer (a pseudo-translation:
    the room a longer language would need); at 150 % the laptop's screen holds two thirds
    of the pixels of the window."""
    language, (width, height) = WALKS[request.param]
    apply_language("fi" if language == "pseudo" else language)
    if language == "pseudo":
        translator._ui = translator.Translator("fi", PseudoCatalog(translations("fi")))
    path = tmp_path_factory.mktemp("walk") / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    window = MainWindow()
    window.resize(width, height)
    window.show()
    assert window.open_database(path) is None
    scale = LAPTOP[0] / width
    walk = Walk(screen=(width, height - round(TASKBAR / scale)))
    try:
        walk_window(window, walk)
    finally:
        window.close()
        window.deleteLater()
        apply_language("fi")
    yield walk


def test_the_pseudo_translation_lengthens_every_text() -> None:
    from window_walk import lengthened

    assert lengthened("&Tallenna") == "&Tallenna····"
    assert lengthened("{count} jäsentä\nja {n}") == "{count} jäsentä······\nja {n}···"


def test_the_walk_sees_every_screen_and_dialog(walked: Walk) -> None:
    assert len(walked.windows) > 40, walked.windows


def test_no_two_controls_of_a_window_share_an_access_key(walked: Walk) -> None:
    assert not walked.clashes, "\n".join(walked.clashes)


def test_no_text_is_cut_short(walked: Walk) -> None:
    assert not walked.clipped, "\n".join(walked.clipped)
