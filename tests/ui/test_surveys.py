"""The surveys screen and the counts in the memo, driven through real widgets on a real unit
file: a survey composed from the library, its texts typed, its sheet saved as a PDF, its
counts recorded under the children's voice, undone and redone."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from dialogs import fill_with
from prompts import ScriptedPrompter
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import AgendaItemKind, VoiceKind
from hyvinvointi_app.services import meetings, periods, surveys
from hyvinvointi_app.services.surveys import ItemInput
from hyvinvointi_app.ui.autosave import DEADLINE_MS, PAUSE_MS
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.editor.tallies import PAUSE_MS as COUNT_PAUSE_MS
from hyvinvointi_app.ui.surveys.library_dialog import LibraryDialog
from hyvinvointi_app.ui.surveys.page import SurveysPage

Typist = Callable[[QWidget, str], None]
WRITE_WAIT = max(PAUSE_MS, DEADLINE_MS, COUNT_PAUSE_MS) + 2000


@pytest.fixture
def page(window: MainWindow) -> SurveysPage:
    window.show_page("surveys")
    shown = window.pages["surveys"]
    assert isinstance(shown, SurveysPage)
    return shown


def _children_survey(context: AppContext, count: int = 5) -> surveys.SurveyView:
    db = context.database
    survey = surveys.create_survey(db, surveys.new_survey_input(VoiceKind.CHILDREN))
    options = [g.options[0] for g in surveys.library().children][:count]
    entries = [ItemInput(None, o.text, o.symbol, o.key) for o in options]
    return surveys.add_items_undoably(db, survey.id, entries).value


def test_a_survey_is_composed_from_the_library_typed_and_saved_as_a_sheet(
    qtbot: QtBot,
    page: SurveysPage,
    context: AppContext,
    typist: Typist,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert page.empty_label.isVisible()
    page.new_children_button.click()
    db = context.database
    (survey,) = surveys.list_surveys(db)
    assert page.survey is not None and page.survey.id == survey.id
    assert page.title_fi.text().startswith("Mikä tekisi päiväkotipäivistä")
    assert not page.print_button.isEnabled()  # no options yet
    assert "vähintään 4 vaihtoehtoa" in page.print_note.text()

    keys = ["quiet_corner", "more_play_time", "playmate", "adult_nearby"]
    fill_with(monkeypatch, LibraryDialog, lambda dialog: [dialog.check(k) for k in keys])
    page.library_button.click()
    survey = surveys.get_survey(db, survey.id)
    assert [i.library_key for i in survey.items] == keys
    assert page.items.count() == 4 and not page.items.item(0).icon().isNull()
    assert page.print_button.isEnabled()

    page.title_sv.setFocus()
    page.title_sv.selectAll()
    typist(page.title_sv, "Vad gör dagen rolig?")
    qtbot.waitUntil(
        lambda: surveys.get_survey(db, survey.id).title.sv == "Vad gör dagen rolig?",
        timeout=WRITE_WAIT,
    )
    page.items.setCurrentRow(3)
    page.up_button.click()
    assert [i.library_key for i in surveys.get_survey(db, survey.id).items][2] == "adult_nearby"
    context.undo()
    assert [i.library_key for i in surveys.get_survey(db, survey.id).items] == keys

    target = tmp_path / "lomake.pdf"
    page.save_sheet_to(target)
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Mikä tekisi päiväkotipäivistä" in " ".join(text.split())
    assert "Rauhallinen paikka" in text and "Vad gör dagen rolig?" not in text
    page.language_box.setCurrentIndex(page.language_box.findData("sv"))
    swedish = tmp_path / "blankett.pdf"
    page.save_sheet_to(swedish)
    qtbot.waitUntil(lambda: swedish.exists(), timeout=20000)
    sv = "".join(p.extract_text() for p in PdfReader(io.BytesIO(swedish.read_bytes())).pages)
    assert "Vad gör dagen rolig?" in " ".join(sv.split()) and "En lugn plats" in sv


def test_an_option_with_counts_is_kept_and_the_survey_archived_not_removed(
    qtbot: QtBot, page: SurveysPage, context: AppContext
) -> None:
    survey = _children_survey(context, 4)
    period = periods.list_periods(context.database)[0]
    meeting = meetings.new_meeting(context.database, period.id, period.start_date)
    first = survey.items[0].id
    surveys.set_tally(
        context.database, meeting.id, survey.id, surveys.TallyInput(1, 5, ((first, 0, 3),))
    )
    page.refresh()
    page.items.setCurrentRow(0)
    assert not page.remove_item_button.isEnabled()
    page.items.setCurrentRow(1)
    assert page.remove_item_button.isEnabled()
    assert not page.remove_button.isEnabled()
    context.prompter = ScriptedPrompter()
    page.remove_survey()  # told why, and nothing removed
    assert context.prompter.prompts[0].kind == "inform"
    page.archive_button.click()
    assert surveys.get_survey(context.database, survey.id).archived
    assert "arkistoitu" in page.kind_label.text()


def test_counts_are_recorded_under_the_childrens_voice_and_undone(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    from keyboard import make_editor

    survey = _children_survey(context, 4)
    db = context.database
    period = periods.list_periods(db)[0]
    meeting = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=3))
    editor = make_editor(qtbot, context, meeting.id)
    item = next(i for i in meeting.agenda if i.kind is AgendaItemKind.CHILDREN_VOICE)
    editor.focus_item(item.id)
    panel = editor.item_editor.voice.tallies
    assert panel.isVisibleTo(editor) and panel.survey_combo.count() == 1
    panel.add_button.click()
    (box,) = panel.boxes
    box.respondents.setFocus()
    box.respondents.setValue(12)
    box.groups.setValue(1)  # type: ignore[union-attr]  # a children's survey asks groups
    box.counts[(survey.items[0].id, surveys.CHOSEN)].setValue(5)
    qtbot.waitUntil(
        lambda: (
            (surveys.tally(db, meeting.id, survey.id) or surveys.TallyInput(None, 0)).count(
                survey.items[0].id
            )
            == 5
        ),
        timeout=WRITE_WAIT,
    )
    assert surveys.tally(db, meeting.id, survey.id) == surveys.TallyInput(
        1, 12, ((survey.items[0].id, 0, 5),)
    )
    box.counts[(survey.items[1].id, surveys.CHOSEN)].setValue(13)  # more than answered
    box.write()
    assert panel.message.isVisibleTo(panel) and "vastaajia" in panel.message.text.text()
    assert surveys.tally(db, meeting.id, survey.id).count(survey.items[1].id) == 0  # type: ignore[union-attr]
    box.counts[(survey.items[1].id, surveys.CHOSEN)].setValue(2)
    box.write()
    assert not panel.message.isVisibleTo(panel)
    assert surveys.tally(db, meeting.id, survey.id).count(survey.items[1].id) == 2  # type: ignore[union-attr]
    context.undo()
    QApplication.processEvents()
    assert surveys.tally(db, meeting.id, survey.id).count(survey.items[1].id) == 0  # type: ignore[union-attr]
    editor.focus_item(item.id)
    assert panel.boxes[0].counts[(survey.items[1].id, surveys.CHOSEN)].value() == 0
    panel.boxes[0].remove_button.click()
    assert surveys.tally(db, meeting.id, survey.id) is None and not panel.boxes


def test_the_minimum_of_answers_is_set_in_settings(
    qtbot: QtBot, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hyvinvointi_app.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(context, window)
    qtbot.addWidget(dialog)
    assert dialog.min_answers_box.value() == surveys.DEFAULT_MIN_ANSWERS
    dialog.min_answers_box.setValue(8)
    dialog.accept()
    assert surveys.min_answers(context.database) == 8


def test_refused_counts_stay_on_screen_and_keep_the_item(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    """Counts the file refuses (an option chosen more often than there were children) are
    neither written nor thrown away: the item stays, and closing the file is told why."""
    survey = _children_survey(context, 4)
    db = context.database
    period = periods.list_periods(db)[0]
    meeting = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=3))
    page = window.pages["meetings"]
    page.open_meeting(meeting.id)  # type: ignore[attr-defined]
    editor = page.editor  # type: ignore[attr-defined]
    item = next(i for i in meeting.agenda if i.kind is AgendaItemKind.CHILDREN_VOICE)
    editor.focus_item(item.id)
    panel = editor.item_editor.voice.tallies
    panel.add_button.click()
    (box,) = panel.boxes
    box.respondents.setValue(3)
    box.counts[(survey.items[0].id, surveys.CHOSEN)].setValue(7)
    assert not editor.flush()
    editor.agenda_list.setCurrentRow(1)  # another item: refused, the counts stay
    assert editor.current_item() is not None and editor.current_item().id == item.id
    assert box.counts[(survey.items[0].id, surveys.CHOSEN)].value() == 7
    assert page.unsaved_text()  # type: ignore[attr-defined]
    box.respondents.setValue(9)
    assert editor.flush() and page.unsaved_text() is None  # type: ignore[attr-defined]
    assert surveys.tally(db, meeting.id, survey.id) == surveys.TallyInput(
        0, 9, ((survey.items[0].id, 0, 7),)
    )


def test_an_own_option_gets_a_picture_of_the_library(
    qtbot: QtBot, page: SurveysPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hyvinvointi_app.ui.surveys.library_dialog import PictureDialog

    survey = _children_survey(context, 4)
    page.refresh()
    page.add_own()
    own = surveys.get_survey(context.database, survey.id).items[-1]
    assert own.symbol == "" and page.items.currentItem().icon().isNull()
    fill_with(monkeypatch, PictureDialog, lambda dialog: dialog.choose("26bd"))
    page.picture_button.click()
    assert surveys.get_survey(context.database, survey.id).items[-1].symbol == "26bd"
    assert not page.items.item(4).icon().isNull()
    context.undo()
    assert surveys.get_survey(context.database, survey.id).items[-1].symbol == ""
