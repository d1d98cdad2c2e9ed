"""The first-run wizard, driven like a director would: typing, Tab, Enter, clicking."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from prompts import Prompt, ScriptedPrompter
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.errors import DiskFull
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import annual_clock, periods, unit
from hyvinvointi_app.store.database import open_database
from hyvinvointi_app.ui.first_run.pages import StartChoice
from hyvinvointi_app.ui.first_run.wizard import UnitWizard
from hyvinvointi_app.ui.main_window import MainWindow

Typist = Callable[[QWidget, str], None]
TODAY = dt.date(2026, 3, 15)


def make_wizard(
    qtbot: QtBot,
    target: Path,
    *,
    offer_other_files: bool = True,
    prompter: ScriptedPrompter | None = None,
) -> UnitWizard:
    wizard = UnitWizard(
        None,
        target,
        offer_other_files=offer_other_files,
        today=TODAY,
        prompter=prompter or ScriptedPrompter(),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard


def press(widget: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def fill_unit_by_keyboard(wizard: UnitWizard, typist: Typist) -> None:
    page = wizard.unit_page
    assert focused() is page.name_fi
    typist(page.name_fi, "Päiväkoti Mäntylä")
    press(page.name_fi, Qt.Key.Key_Tab)
    typist(focused(), "Daghemmet Tallbacken, Borgå")
    press(focused(), Qt.Key.Key_Tab)
    typist(focused(), "Porvoo")
    press(focused(), Qt.Key.Key_Tab)
    assert focused() is page.pre_primary
    press(focused(), Qt.Key.Key_Space)
    press(focused(), Qt.Key.Key_Tab)
    assert focused() is page.language


def test_new_unit_by_keyboard_creates_unit_period_and_clock(
    qtbot: QtBot, tmp_path: Path, typist: Typist
) -> None:
    target = tmp_path / "data" / "unit.sqlite"
    wizard = make_wizard(qtbot, target)
    assert wizard.currentId() == UnitWizard.START_PAGE
    assert wizard.start_page is not None
    assert wizard.start_page.choice() is StartChoice.CREATE
    # Qt's own wizard buttons, in Finnish through qtbase_fi.
    assert "Seuraava" in wizard.button(QWizard.WizardButton.NextButton).text()

    press(wizard, Qt.Key.Key_Return)
    assert wizard.currentId() == UnitWizard.UNIT_PAGE
    fill_unit_by_keyboard(wizard, typist)
    press(focused(), Qt.Key.Key_Return)

    assert wizard.currentId() == UnitWizard.PERIOD_PAGE
    page = wizard.period_page
    assert page.start.date() == QDate(2025, 8, 1)
    assert page.end.date() == QDate(2026, 7, 31)
    assert page.start.displayFormat() == "d.M.yyyy"
    assert "2025-2026" in page.preview.text()
    press(page.start, Qt.Key.Key_Return)

    assert wizard.currentId() == UnitWizard.SUMMARY_PAGE
    summary = wizard.summary_page
    texts = [
        summary.form.itemAt(row, summary.form.ItemRole.FieldRole).widget().text()
        for row in range(summary.form.rowCount())
    ]
    assert "Päiväkoti Mäntylä" in texts
    assert "1.8.2025–31.7.2026" in texts
    assert pgettext("summary value", "Yes") in texts
    assert "Suomi" in texts
    assert summary.add_members.isChecked()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.chosen_path == target
    assert wizard.wants_members is True
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    db = open_database(target)
    try:
        info = unit.get_unit(db)
        assert info.name_fi == "Päiväkoti Mäntylä"
        assert info.name_sv == "Daghemmet Tallbacken, Borgå"
        assert info.municipality == "Porvoo"
        assert info.has_pre_primary is True
        assert info.working_language is Language.FINNISH
        current = periods.current_period(db)
        assert (current.start_date, current.end_date) == (dt.date(2025, 8, 1), dt.date(2026, 7, 31))
        themes = annual_clock.list_themes(db)
        expected = annual_clock.default_clock("fi").themes
        assert [t.title for t in themes] == [e.title for e in expected]
        assert {t.month for t in themes} == set(range(1, 13))
    finally:
        db.close()


def test_swedish_working_language_gets_the_swedish_clock(
    qtbot: QtBot, tmp_path: Path, typist: Typist
) -> None:
    target = tmp_path / "enhet.sqlite"
    wizard = make_wizard(qtbot, target)
    wizard.next()
    page = wizard.unit_page
    typist(page.name_fi, "Päiväkoti Kärkkäinen")
    page.language.setCurrentIndex(page.language.findData("sv"))
    wizard.button(QWizard.WizardButton.NextButton).click()
    # the unit's memos are headed with its name in its own language: that one is required
    assert wizard.currentId() == UnitWizard.UNIT_PAGE
    assert page.unit_form.name_messages[Language.SWEDISH].isVisible()
    assert focused() is page.name_sv
    typist(page.name_sv, "Daghemmet Kärrbacka")
    wizard.next()
    wizard.next()
    wizard.summary_page.add_members.setChecked(False)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.chosen_path == target
    assert wizard.wants_members is False
    with open_database(target) as db:
        assert unit.get_unit(db).working_language is Language.SWEDISH
        titles = [t.title for t in annual_clock.list_themes(db)]
    assert titles == [e.title for e in annual_clock.default_clock("sv").themes]


def test_missing_finnish_name_blocks_next_with_the_message_beside_it(
    qtbot: QtBot, tmp_path: Path, typist: Typist
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "unit.sqlite")
    wizard.next()
    page = wizard.unit_page
    typist(page.name_fi, "   ")
    wizard.button(QWizard.WizardButton.NextButton).click()

    assert wizard.currentId() == UnitWizard.UNIT_PAGE
    message = page.unit_form.name_messages[Language.FINNISH]
    assert message.isVisible()
    required = reason_text("required")
    assert required.startswith("Tämä on pakollinen")
    assert message.text.text() == required
    assert page.name_fi.accessibleDescription() == required
    # The message sits right under the field.
    assert message.parentWidget() is page.name_fi.parentWidget()

    typist(page.name_fi, "Ähtäri")
    assert not message.isVisible()
    wizard.next()
    assert wizard.currentId() == UnitWizard.PERIOD_PAGE


def test_a_swedish_director_is_asked_for_the_swedish_name_first(
    qtbot: QtBot, tmp_path: Path, typist: Typist
) -> None:
    """In Swedish the wizard starts at the Swedish name, and a unit working in Swedish
    needs no Finnish name (it once required the Finnish one whatever the language)."""
    from hyvinvointi_app.ui.language import apply_language

    apply_language("sv")
    target = tmp_path / "enhet.sqlite"
    wizard = make_wizard(qtbot, target)
    wizard.next()
    page = wizard.unit_page
    assert focused() is page.name_sv
    form = page.unit_form.form
    first_label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
    assert isinstance(first_label, QLabel) and first_label.text().replace("&", "") == (
        "Namn på svenska"
    )
    press(focused(), Qt.Key.Key_Tab)
    assert focused() is page.name_fi
    assert page.language.currentData() == "sv"
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == UnitWizard.UNIT_PAGE
    assert page.unit_form.name_messages[Language.SWEDISH].isVisible()
    typist(page.name_sv, "Daghemmet Kärrbacka")
    wizard.next()
    assert wizard.currentId() == UnitWizard.PERIOD_PAGE
    wizard.next()
    wizard.summary_page.add_members.setChecked(False)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    with open_database(target) as db:
        info = unit.get_unit(db)
    assert (info.name_sv, info.name_fi, info.working_language) == (
        "Daghemmet Kärrbacka",
        "",
        Language.SWEDISH,
    )


def test_impossible_period_is_refused_beside_the_end_date(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path / "unit.sqlite")
    wizard.next()
    wizard.unit_page.name_fi.setText("Päiväkoti")
    wizard.next()
    page = wizard.period_page
    page.end.setDate(QDate(2025, 7, 1))
    wizard.next()
    assert wizard.currentId() == UnitWizard.PERIOD_PAGE
    assert page.end_message.isVisible()
    assert page.preview.text() == ""
    page.end.setDate(QDate(2026, 5, 31))
    assert not page.end_message.isVisible()
    wizard.next()
    assert wizard.currentId() == UnitWizard.SUMMARY_PAGE


def test_every_field_has_an_accessible_name(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path / "unit.sqlite", offer_other_files=False)
    page = wizard.unit_page
    assert page.file_edit is not None
    for widget in (
        page.name_fi,
        page.name_sv,
        page.municipality,
        page.pre_primary,
        page.language,
        page.file_edit,
        page.choose_button,
        wizard.period_page.start,
        wizard.period_page.end,
        wizard.summary_page.add_members,
    ):
        assert widget.accessibleName(), widget


def test_demo_choice_writes_and_returns_the_demo_file(
    qtbot: QtBot, tmp_path: Path, private_home: Path
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "unit.sqlite")
    assert wizard.start_page is not None
    wizard.start_page.choices[StartChoice.DEMO].click()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
    finish.click()

    # Written off the GUI thread: the wizard shows it is busy and cannot be cancelled.
    assert wizard.is_busy()
    assert wizard.start_page.busy_bar.isVisible()
    wizard.reject()
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.chosen_path is not None, timeout=30_000)

    demo = private_home / "demo.sqlite"
    assert wizard.chosen_path == demo
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.wants_members is False
    assert QApplication.overrideCursor() is None
    with open_database(demo) as db:
        assert unit.get_unit(db).name_fi
        assert len(periods.list_periods(db)) >= 2


def test_demo_choice_reuses_an_existing_demo_file(
    qtbot: QtBot, tmp_path: Path, private_home: Path, make_unit_file: Callable[..., None]
) -> None:
    demo = private_home / "demo.sqlite"
    make_unit_file(demo)
    before = demo.read_bytes()
    wizard = make_wizard(qtbot, tmp_path / "unit.sqlite")
    assert wizard.start_page is not None
    wizard.start_page.choices[StartChoice.DEMO].setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.chosen_path == demo
    assert demo.read_bytes() == before


def test_open_choice_returns_the_chosen_file(
    qtbot: QtBot,
    tmp_path: Path,
    unit_file: Path,
) -> None:
    prompter = ScriptedPrompter(tmp_path / "missing.sqlite", None, unit_file)
    target = tmp_path / "new.sqlite"
    wizard = make_wizard(qtbot, target, prompter=prompter)
    assert wizard.start_page is not None
    wizard.start_page.choices[StartChoice.OPEN].setChecked(True)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text() == _("Open…")

    finish.click()  # a file that is not there: said so, and the wizard stays
    assert wizard.isVisible()
    assert wizard.chosen_path is None
    assert "missing.sqlite" in prompter.texts("warn")[0]
    finish.click()  # the file dialog cancelled: nothing happens
    assert wizard.isVisible()
    assert len(prompter.texts("warn")) == 1
    finish.click()
    assert wizard.chosen_path == unit_file
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.wants_members is False
    assert not target.exists()


def test_cancelling_creates_nothing(qtbot: QtBot, tmp_path: Path, typist: Typist) -> None:
    target = tmp_path / "data" / "unit.sqlite"
    wizard = make_wizard(qtbot, target)
    wizard.next()
    typist(wizard.unit_page.name_fi, "Päiväkoti Åkerö")
    wizard.next()
    wizard.next()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert wizard.chosen_path is None
    assert not target.exists()
    assert not target.parent.exists()


def test_failure_half_way_leaves_no_file_and_a_retry_works(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "unit.sqlite"
    prompter = ScriptedPrompter()
    real_load = annual_clock.load_default_clock

    def disk_full(db: object, language: str) -> None:
        raise DiskFull(target, "database or disk is full")

    monkeypatch.setattr(annual_clock, "load_default_clock", disk_full)
    wizard = make_wizard(qtbot, target, prompter=prompter)
    wizard.next()
    wizard.unit_page.name_fi.setText("Päiväkoti Mäntylä")
    wizard.next()
    wizard.next()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    finish.click()

    assert wizard.isVisible()
    assert wizard.chosen_path is None
    assert prompter.prompts == [
        Prompt("warn", _("The unit could not be created"), describe(DiskFull(target)))
    ]
    assert list(tmp_path.glob("unit.sqlite*")) == []

    monkeypatch.setattr(annual_clock, "load_default_clock", real_load)
    finish.click()
    assert wizard.chosen_path == target
    with open_database(target) as db:
        assert annual_clock.list_themes(db)


def test_new_unit_file_mode_asks_for_a_new_file(
    qtbot: QtBot,
    tmp_path: Path,
    unit_file: Path,
    typist: Typist,
) -> None:
    # The suggested target exists (the unit already open), so a free name is offered.
    chosen = tmp_path / "toinen" / "förskolan"
    wizard = make_wizard(
        qtbot, unit_file, offer_other_files=False, prompter=ScriptedPrompter(chosen)
    )
    assert wizard.start_page is None
    assert wizard.currentId() == UnitWizard.UNIT_PAGE
    assert wizard.windowTitle() == _("New unit file")
    page = wizard.unit_page
    assert page.file_edit is not None
    assert page.file_path() == tmp_path / "unit-2.sqlite"

    typist(page.name_fi, "Förskolan Änglagård")
    page.file_edit.setText(str(unit_file))  # an existing file is refused beside the field
    wizard.next()
    assert wizard.currentId() == UnitWizard.UNIT_PAGE
    assert page.file_message is not None and page.file_message.isVisible()
    assert "on jo olemassa" in page.file_message.text.text()

    page.choose_button.click()
    assert not page.file_message.isVisible()
    assert page.file_path() == chosen.with_suffix(".sqlite")
    wizard.next()
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.chosen_path == chosen.with_suffix(".sqlite")
    with open_database(wizard.chosen_path) as db:
        assert unit.get_unit(db).name_fi == "Förskolan Änglagård"


def test_the_created_file_opens_in_the_main_window(
    qtbot: QtBot, tmp_path: Path, typist: Typist
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "unit.sqlite")
    wizard.next()
    typist(wizard.unit_page.name_fi, "Päiväkoti Mäntylä")
    wizard.next()
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.chosen_path is not None

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_database(wizard.chosen_path) is None
    assert "Päiväkoti Mäntylä" in window.windowTitle()
    window.close()


def test_texts_follow_the_interface_language(qtbot: QtBot, tmp_path: Path) -> None:
    from hyvinvointi_app.ui.language import apply_language

    apply_language("sv")
    wizard = make_wizard(qtbot, tmp_path / "unit.sqlite")
    assert "Nästa" in wizard.button(QWizard.WizardButton.NextButton).text()
    wizard.next()
    page = wizard.unit_page
    assert page.language.currentData() == "sv"
