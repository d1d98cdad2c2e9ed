"""The partners of the annual clock's themes on screen: chosen in the theme's dialog from the
member roles and the names the unit has used (a new one typed there), shown in the clock's
list, and shown by the meeting's agenda item drafted from the theme and on its agenda."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from keyboard import make_editor
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.i18n.labels import role_label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.reports.export import build_document
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.services import agenda, annual_clock, meetings, members, periods
from hyvinvointi_app.services.annual_clock import Partner
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.ui.annual_clock.dialog import PARTNER_ROLE, ThemeDialog
from hyvinvointi_app.ui.annual_clock.model import PARTNERS_COLUMN
from hyvinvointi_app.ui.annual_clock.page import AnnualClockPage
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


RESCUE = Partner(name="Pelastuslaitos")
NURSE = Partner(role=Role.PUBLIC_HEALTH_NURSE)


@pytest.fixture
def page(clock_page: AnnualClockPage) -> AnnualClockPage:
    """The annual clock screen of the window (conftest's ``clock_page``)."""
    return clock_page


def _dialog(page: AnnualClockPage, qtbot: QtBot) -> ThemeDialog:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _labels(dialog: ThemeDialog) -> list[str]:
    items = dialog.partners.list
    return [items.item(row).text() for row in range(items.count())]


def test_partners_are_chosen_from_roles_and_typed_from_the_keyboard(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot, typist: object
) -> None:
    db = context.database
    annual_clock.add_theme(db, 11, "Lapsen oikeuksien päivä", partners=[Partner(name="Kirjasto")])
    page.refresh()
    page.add_theme(month=10)
    dialog = _dialog(page, qtbot)
    labels = _labels(dialog)
    assert labels[0] == role_label(Role.ECEC_STAFF)  # the director convenes: not offered
    assert role_label(Role.DIRECTOR) not in labels
    assert labels[-1] == "Kirjasto"  # the unit's own list follows the roles
    dialog.text.setPlainText("Poistumisharjoitus")

    # Tab from the plan to the list; down to the nurse; Space checks it
    dialog.plan.setFocus()
    qtbot.waitUntil(dialog.plan.hasFocus)
    QTest.keyClick(dialog.plan, Qt.Key.Key_Tab)
    assert dialog.partners.list.hasFocus()
    nurse_row = labels.index(role_label(Role.PUBLIC_HEALTH_NURSE))
    dialog.partners.list.setCurrentRow(nurse_row)
    QTest.keyClick(dialog.partners.list, Qt.Key.Key_Space)
    assert dialog.partners.partners() == (NURSE,)

    # Tab to the new name; Enter adds it checked and does not save the dialog
    QTest.keyClick(dialog.partners.list, Qt.Key.Key_Tab)
    assert dialog.partners.new_name.hasFocus()
    typist(dialog.partners.new_name, "Pelastuslaitos")  # type: ignore[operator]
    QTest.keyClick(dialog.partners.new_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.partners.partners() == (NURSE, RESCUE)
    assert dialog.partners.new_name.text() == ""

    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None)
    added = next(t for t in annual_clock.list_themes(db) if t.title == "Poistumisharjoitus")
    assert added.partners == (NURSE, RESCUE)
    index = page.model.theme_index(added.id).siblingAtColumn(PARTNERS_COLUMN)
    assert index.data() == f"{role_label(Role.PUBLIC_HEALTH_NURSE)}, Pelastuslaitos"
    assert _("partners: {partners}").format(partners=index.data()) in str(
        page.model.theme_index(added.id).data(Qt.ItemDataRole.AccessibleTextRole)
    )

    # one undo step takes the theme back; the unit's list now offers the new name
    context.undo_stack.undo()
    assert all(t.title != "Poistumisharjoitus" for t in annual_clock.list_themes(db))
    context.undo_stack.redo()
    assert annual_clock.partner_names(db) == ["Kirjasto", "Pelastuslaitos"]


def test_editing_unchecks_a_partner_and_a_name_given_elsewhere_stays_offered(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    db = context.database
    theme = annual_clock.add_theme(db, 4, "Siirtymä kouluun", partners=[NURSE, RESCUE])
    page.refresh()
    page.view.setCurrentIndex(page.model.theme_index(theme.id))
    page.edit_theme()
    dialog = _dialog(page, qtbot)
    items = dialog.partners.list
    checked = [
        items.item(r).data(PARTNER_ROLE)
        for r in range(items.count())
        if items.item(r).checkState() == Qt.CheckState.Checked
    ]
    assert checked == [NURSE, RESCUE]
    row = _labels(dialog).index(role_label(Role.PUBLIC_HEALTH_NURSE))
    items.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert annual_clock.list_themes(db)[0].partners == (RESCUE,)
    context.undo_stack.undo()
    assert annual_clock.list_themes(db)[0].partners == (NURSE, RESCUE)


def test_a_theme_drafted_into_a_meeting_shows_its_partners_there_and_on_the_agenda(
    qtbot: QtBot, context: AppContext, window: MainWindow
) -> None:
    db = context.database
    period = periods.current_period(db)
    day = period.start_date + dt.timedelta(days=70)
    annual_clock.add_theme(db, day.month, "Turvallisuuskävely", partners=[NURSE, RESCUE])
    members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    meeting_id = meetings.new_meeting(db, period.id, day).id
    editor = make_editor(qtbot, context, meeting_id)
    assert editor.memo is not None
    item = next(i for i in editor.memo.agenda if i.title == "Turvallisuuskävely")
    for row in range(editor.agenda_list.count()):
        if editor.agenda_list.item(row).data(Qt.ItemDataRole.UserRole) == item.id:
            editor.agenda_list.setCurrentRow(row)
    summary = editor.item_editor.clock_summary.text()
    expected = _("Partners: {partners}").format(
        partners=f"{role_label(Role.PUBLIC_HEALTH_NURSE)}, Pelastuslaitos"
    )
    assert summary.splitlines()[0] == expected
    assert editor.item_editor.clock_summary.accessibleName() == summary

    # the item renamed still handles its theme; the agenda names the theme (in the document's
    # language: "Theme" was printed in English before)
    agenda.set_item_text(db, item.id, "title", "Turvallisuuskävely pihalla")
    for language, words in (
        ("fi", ("Teema", "Yhteistyötahot", "terveydenhoitaja")),
        ("sv", ("Tema", "Samarbetsparter", "hälsovårdare")),
    ):
        text = pdf_text(build_document(db, "agenda", meeting_id, ReportOptions(language)))
        theme, partners, nurse = words
        assert f"{theme}: Turvallisuuskävely {partners}: {nurse}, Pelastuslaitos" in text


def test_saving_a_theme_unchanged_changes_nothing_and_keeps_its_partners_as_written(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    """The theme's own order and writing stay (found by review: the list's order and another
    theme's capitals were saved, and an empty undo step recorded)."""
    db = context.database
    annual_clock.add_theme(db, 3, "Toinen", partners=[Partner(name="pelastuslaitos")])
    psychologist = Partner(role=Role.PSYCHOLOGIST)
    theme = annual_clock.add_theme(
        db, 4, "Tunnetaidot", partners=[psychologist, NURSE, Partner(name="Pelastuslaitos")]
    )
    page.refresh()
    page.view.setCurrentIndex(page.model.theme_index(theme.id))
    steps = context.undo_stack.count()
    page.edit_theme()
    dialog = _dialog(page, qtbot)
    assert dialog.partners.partners() == theme.partners
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert context.undo_stack.count() == steps
    assert next(t for t in annual_clock.list_themes(db) if t.id == theme.id) == theme


def test_a_partner_typed_but_not_added_is_saved_with_the_theme(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot, typist: object
) -> None:
    page.add_theme(month=2)
    dialog = _dialog(page, qtbot)
    dialog.text.setPlainText("Turvataidot")
    typist(dialog.partners.new_name, "Poliisi")  # type: ignore[operator]
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None)
    saved = next(t for t in annual_clock.list_themes(context.database) if t.title == "Turvataidot")
    assert saved.partners == (Partner(name="Poliisi"),)


def test_too_many_partners_are_refused_in_words_and_the_dialog_stays(
    page: AnnualClockPage, context: AppContext, qtbot: QtBot
) -> None:
    db = context.database
    names = [Partner(name=f"Taho {n}") for n in range(14)]
    annual_clock.add_theme(db, 5, "Monta tahoa", partners=names)
    page.refresh()
    page.add_theme(month=5)
    dialog = _dialog(page, qtbot)
    dialog.text.setPlainText("Liikaa")
    items = dialog.partners.list
    for row in range(items.count()):
        items.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text.text().startswith(_("Partners") + ":")
    assert _("There are too many entries.") in dialog.error.text.text()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
