"""The user guide: every section link and picture resolves in Finnish and in Swedish, every
screen's F1 section exists, F1 opens the guide at the screen in use and in the interface
language, and meeting mode keeps its own F1 list of keys, which leads to the guide."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hyvinvointi_app.resources import resource_path
from hyvinvointi_app.services import meetings, periods
from hyvinvointi_app.ui import screens
from hyvinvointi_app.ui.guide import GUIDE_LANGUAGES, MEETING_SECTION, GuideWindow
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.page import MeetingsPage


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.append(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag == "img":
            self.images.append(values.get("src", ""))
            assert values.get("alt"), "every picture has a text for a screen reader"
        if tag == "html":
            self.lang = values.get("lang", "")


def _read(language: str) -> _Page:
    page = _Page()
    page.feed(resource_path("guide", language, "index.html").read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("language", GUIDE_LANGUAGES)
def test_every_link_and_picture_of_the_guide_resolves(language: str) -> None:
    page = _read(language)
    assert page.lang == language
    assert len(page.ids) == len(set(page.ids)), "no section id twice"
    for link in page.links:
        assert link.startswith("#"), f"{link}: the guide links only within itself"
        assert link[1:] in page.ids, f"{language}: {link} leads nowhere"
    folder = resource_path("guide", language)
    for source in page.images:
        assert (folder / source).is_file(), f"{language}: {source} is missing"
    wanted = {s.guide for s in screens.SCREENS} | {MEETING_SECTION, "approval", "backups"}
    wanted |= {"start", "invitation", "public", "not-recorded"}
    assert wanted <= set(page.ids)


def test_both_languages_have_the_same_sections_in_the_same_order() -> None:
    finnish, swedish = _read("fi"), _read("sv")
    assert finnish.ids == swedish.ids
    assert finnish.links == swedish.links
    assert finnish.images == swedish.images


def test_f1_opens_the_guide_at_the_screen_in_use_in_the_interface_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("members")
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = _guide()
    assert guide.browser.source().fragment() == "members"
    assert guide.browser.source().toLocalFile().endswith(str(Path("fi", "index.html")))
    assert "Jäsenet" in guide.browser.toPlainText()
    document = guide.browser.document()
    for name in _read("fi").images:
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name

    apply_language("sv")
    window.show_page("reports")
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert guide.browser.source().fragment() == "reports"
    assert guide.browser.source().toLocalFile().endswith(str(Path("sv", "index.html")))
    assert "Rapporter och utskrift" in guide.browser.toPlainText()
    guide.close()


def test_meeting_mode_keeps_its_f1_list_of_keys_which_leads_to_the_guide(
    qtbot: QtBot, window: MainWindow
) -> None:
    db = window.context.database  # type: ignore[union-attr]
    period = periods.list_periods(db)[0]
    meeting = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=30))
    window.show_page("meetings")
    page = window.pages["meetings"]
    assert isinstance(page, MeetingsPage)
    page.open_meeting(meeting.id)
    editor = page.editor
    assert editor is not None
    editor.item_editor.notes_edit.setFocus()  # type: ignore[attr-defined]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    overlay = editor.help_overlay  # type: ignore[attr-defined]
    assert overlay.isVisible()
    assert not any(
        isinstance(w, GuideWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    overlay.guide_button.click()
    assert not overlay.isVisible()
    guide = _guide()
    assert guide.isVisible() and guide.browser.source().fragment() == MEETING_SECTION
    guide.close()


def _guide() -> GuideWindow:
    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, GuideWindow) and w.isVisible()
    ]
    assert len(shown) == 1, "the guide window was opened, once"
    return shown[0]
