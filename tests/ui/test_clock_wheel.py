"""The annual clock's wheel view on a real unit file: chosen beside the list and remembered,
driven by the arrows (its accessible name says what is chosen), Enter and a click opening a
theme, the list and the wheel showing one selection, and forty themes drawn at twice the
scale without a piece left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import annual_clock, audit, periods
from hyvinvointi_app.services.clock_wheel import point, theme_piece
from hyvinvointi_app.ui.annual_clock.model import month_title
from hyvinvointi_app.ui.annual_clock.page import VIEW_SETTING, AnnualClockPage
from hyvinvointi_app.ui.annual_clock.wheel import THEMES_INNER, THEMES_OUTER, ClockWheel
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.reports.page import ReportsPage
from hyvinvointi_app.ui.reports.worker import Document


@pytest.fixture
def page(clock_page: AnnualClockPage, qtbot: QtBot) -> AnnualClockPage:
    """The clock screen with the default clock, shown as a wheel."""
    shown = clock_page
    shown.start_from_default()
    shown.wheel_mode_action.trigger()
    qtbot.waitUntil(shown.wheel.wheel.isVisible)
    return shown


def _wheel(page: AnnualClockPage) -> ClockWheel:
    return page.wheel.wheel


def _key(widget: ClockWheel, key: Qt.Key) -> None:
    QTest.keyClick(widget, key)


def test_the_wheel_is_chosen_beside_the_list_and_remembered(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    assert page.view_stack.currentWidget() is page.wheel
    assert context.settings.value(VIEW_SETTING) == "wheel"
    qtbot.waitUntil(_wheel(page).hasFocus)
    page.list_mode_action.trigger()
    assert page.view_stack.currentWidget() is page.view
    assert page.view.hasFocus()
    assert context.settings.value(VIEW_SETTING) == "list"
    buttons = [b.text() for b in page.buttons]
    assert _("As a list") in buttons and _("As a wheel") in buttons


def test_the_arrows_move_between_months_and_themes_and_the_list_follows(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    wheel = _wheel(page)
    qtbot.waitUntil(wheel.hasFocus)
    _key(wheel, Qt.Key.Key_Home)
    assert page.selected_month() == 8 and page.selected_theme() is None
    assert month_title(8) in wheel.accessibleName()
    _key(wheel, Qt.Key.Key_Right)
    _key(wheel, Qt.Key.Key_Right)
    assert page.selected_month() == 10
    october = annual_clock.themes_in_month(context.database, 10)
    _key(wheel, Qt.Key.Key_Down)
    assert page.selected_theme() == october[0]
    _key(wheel, Qt.Key.Key_Down)
    assert page.selected_theme() == october[1]
    assert october[1].title in wheel.accessibleName()
    assert october[1].title in page.wheel.details.text()
    # right keeps the depth: the second theme of November
    _key(wheel, Qt.Key.Key_Right)
    november = annual_clock.themes_in_month(context.database, 11)
    assert page.selected_theme() == november[1]
    _key(wheel, Qt.Key.Key_Up)
    _key(wheel, Qt.Key.Key_Up)
    assert page.selected_theme() is None and page.selected_month() == 11
    # round the clock: left from August is July
    _key(wheel, Qt.Key.Key_Home)
    _key(wheel, Qt.Key.Key_Left)
    assert page.selected_month() == 7
    # the list's selection shows on the wheel
    page.view.setCurrentIndex(page.model.theme_index(october[2].id))
    assert wheel.current.theme_id == october[2].id
    assert october[2].title in wheel.accessibleName()


def test_enter_opens_a_theme_and_on_a_month_adds_one(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    wheel = _wheel(page)
    qtbot.waitUntil(wheel.hasFocus)
    _key(wheel, Qt.Key.Key_End)
    _key(wheel, Qt.Key.Key_Down)
    july = annual_clock.themes_in_month(context.database, 7)[0]
    _key(wheel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog is not None and page.dialog.text.toPlainText() == july.title
    QTest.keyClick(page.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(wheel.hasFocus)  # focus comes back to the wheel
    _key(wheel, Qt.Key.Key_Up)
    _key(wheel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog is not None and page.dialog.value().month == 7
    assert page.dialog.windowTitle() == _("Add theme")
    QTest.keyClick(page.dialog, Qt.Key.Key_Escape)


def _centre_of(wheel: ClockWheel, month: int, slot: int, slots: int) -> QPoint:
    side = min(wheel.width(), wheel.height())
    radius = side / 2 - max(14.0, side * 0.045)
    piece = theme_piece(month, slot, slots, radius * THEMES_INNER, radius * THEMES_OUTER, 3)
    x, y = point((piece[0] + piece[1]) / 2, (piece[2] + piece[3]) / 2)
    return QPointF(wheel.width() / 2 + x, wheel.height() / 2 + y).toPoint()


def test_a_click_on_a_theme_opens_it(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    wheel = _wheel(page)
    march = annual_clock.themes_in_month(context.database, 3)
    QTest.mouseClick(wheel, Qt.MouseButton.LeftButton, pos=_centre_of(wheel, 3, 2, len(march)))
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.selected_theme() == march[2]
    assert page.dialog is not None and page.dialog.text.toPlainText() == march[2].title
    QTest.keyClick(page.dialog, Qt.Key.Key_Escape)


def test_forty_themes_are_all_drawn_at_twice_the_scale(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    db = context.database
    for number in range(8):
        annual_clock.add_theme(db, 9, f"Syyskuun lisäteema {number + 1}", PlanType.CUSTOM)
    annual_clock.add_theme(db, 7, "Kesän lisäteema")
    page.refresh()
    wheel = _wheel(page)
    assert len(wheel.wheel.themes) == 40
    for scale in (1.0, 2.0):
        image = QImage(wheel.size() * scale, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(Qt.GlobalColor.white)
        wheel.render(image)
        themes = {place.theme_id for _path, place in wheel._pieces if place.theme_id}
        assert themes == {t.theme.id for t in wheel.wheel.themes}
    # each of September's twelve themes is found where it is drawn
    september = annual_clock.themes_in_month(db, 9)
    for slot, theme in enumerate(september):
        found = wheel._place_at(QPointF(_centre_of(wheel, 9, slot, len(september))))
        assert found is not None and found.theme_id == theme.id


def test_print_as_a_poster_offers_the_periods_poster_on_the_reports_screen(
    page: AnnualClockPage, window: MainWindow, context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    assert page.poster_action.isEnabled()
    page.poster_action.trigger()
    reports = window.pages["reports"]
    assert isinstance(reports, ReportsPage)
    qtbot.waitUntil(reports.isVisible)
    assert reports.document is Document.CLOCK_POSTER
    assert reports.period_box.currentData() == periods.current_period(context.database).id
    assert reports.paper_box.isVisible() and not reports.format_box.isVisible()
    assert not reports.names_box.isVisible()
    assert reports.print_button.isVisible()
    assert reports.suggested_name().startswith(_("Annual clock").split()[0])
    reports.paper_box.setCurrentIndex(reports.paper_box.findData("A3"))
    reports.set_language("sv")
    out = tmp_path / "arsklocka.pdf"
    reports.export_to(out)
    qtbot.waitUntil(lambda: not reports.is_running(), timeout=120_000)
    assert reports.done_row.isVisible(), reports.error.text.text()
    page_size = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(page_size.width)), round(float(page_size.height))) == (1191, 842)
    text = " ".join((p.extract_text() or "") for p in PdfReader(str(out)).pages)
    assert "Årsklocka" in text
    entry = audit.entries(context.database)[-1]
    assert entry.subject == "annual_clock_poster"
    assert (entry.details["language"], entry.details["with_names"]) == ("sv", False)
